"""Hand-built records shared by the tests of the stages after extraction (dedupe, export, store, eval)."""

from __future__ import annotations

from typing import Any

from fracas.model import Actor, Event, Evidence, Place, Source

RUSSIA = Actor("Military Forces of Russia", "state_forces", "RUS", "l'aviation russe")
SYRIA = Actor("Military Forces of Syria", "state_forces", "SYR", "le régime")
REBELS = Actor("Rebel Groups (Syria)", "rebel_group", None, "les rebelles")
GUNMEN = Actor("Unidentified Armed Group", "political_militia", None, "des hommes armés")
CIVILIANS = Actor("Civilians", "civilians", None, "des civils")
MILITIA = Actor("National Defence Forces", "political_militia", "SYR", "les FDN")

# Talbisseh and Ar-Rastan (Homs) are about 3.6 km apart; Homs city is about 20 km south.
TALBISSEH = Place("Talbisseh", "Homs", None, "SY", 34.8413, 36.7308, 163090, "place", "Talbisseh")
HOMS_PROVINCE = Place("Homs", "Homs", None, "SY", 34.5, 37.5, 169575, "admin1", "province de Homs")

OSDH = Source("Syrian Observatory for Human Rights", "ngo", "l'OSDH")
WITNESS = Source("Witnesses", "witness", "des habitants")


def strike(event_id: str, **changes: Any) -> Event:
    """A Russian air strike on Talbisseh reported by the OSDH, changed as the test needs."""
    base = Event(
        event_id=event_id,
        event_date="2015-10-07",
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1=RUSSIA,
        actor2=CIVILIANS,
        location=TALBISSEH,
        fatalities=None,
        sources=(OSDH,),
        confidence="weak",
        evidence=(Evidence("event_type", f"d-{event_id}", 0, 10),),
        dispatch_ids=(f"d-{event_id}",),
    )
    return base.evolve(**changes)
