"""End to end on the bundled example: the records an ACLED coder would write for it."""

from pathlib import Path

import jsonschema
import pytest

import fracas
from fracas.model import Actor, Source

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hama-2015-10-07.txt"
OSDH = Source(name="Syrian Observatory for Human Rights", kind="ngo", text="Observatoire syrien des droits de l'homme (OSDH)")

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def events():
    return fracas.extract(EXAMPLE.read_text(encoding="utf-8"), published="2015-10-07")


def summary(event):
    return (event.event_date, event.sub_event_type, event.actor1.name, event.actor2.name if event.actor2 else None,
            event.location.name, event.location.admin1, event.location.precision, event.fatalities,
            event.civilian_fatalities)


def test_two_provinces_two_events_and_no_context_toll(events):
    assert [summary(e) for e in events] == [
        # The three dead are told at Latamné, one of the Hama places struck: the strike is coded there (ACLED's
        # most precise location), not at the province.
        ("2015-10-07", "Air/drone strike", "Military Forces of Russia", "Civilians (Syria)", "Latamne", "Hama", "place",
         3, 3),
        # The Russian ministry's claim of strikes on IS positions is a re-mention: it names the target and
        # acknowledges the strikes (confirmed, with the monitor's report).
        ("2015-10-07", "Air/drone strike", "Military Forces of Russia", "Islamic State", "Idleb", "Idleb", "admin1",
         None, None),
        # State television reporting strikes on rebel positions with no perpetrator named: its own forces.
        # Kafr Nabouda, a Hama village no package lists, comes from the gazetteer supplement.
        ("2015-10-06", "Shelling/artillery/missile attack", "Military Forces of Syria", "Rebel Groups (Syria)",
         "Kafr Nabouda", "Hama", "place", None, None),
    ]
    assert all(e.fatalities != 240000 for e in events)
    assert [e.confidence for e in events] == ["fair", "confirmed", "weak"]


def test_sources_confidence_and_evidence(events):
    hama = events[0]
    assert hama.actor1 == Actor(name="Military Forces of Russia", kind="state_forces", country="RUS", text="avions russes")
    assert hama.sources[0] == OSDH
    assert hama.confidence == "fair"
    text = EXAMPLE.read_text(encoding="utf-8")
    spans = {e.field: text[e.start:e.end] for e in hama.evidence}
    assert spans["event_type"] == "frappes"
    assert spans["location"] == "Latamné"
    assert spans["event_date"] == "mercredi"
    assert spans["fatalities"].startswith("Deux femmes et un enfant")


def test_records_validate_against_the_contract(events, event_schema):
    for event in events:
        jsonschema.validate(event.to_dict(), event_schema)


def test_ids_are_deterministic(events):
    again = fracas.extract(EXAMPLE.read_text(encoding="utf-8"), published="2015-10-07")
    assert [e.event_id for e in again] == [e.event_id for e in events]


def test_month_only_publication_never_invents_a_day():
    events = fracas.extract("Des avions russes ont mené mardi des frappes dans la province de Homs, selon l'OSDH.",
                            published="2015-10")
    assert [(e.event_date, e.date_precision, e.location.admin1) for e in events] == [("2015-10-01", "month", "Homs")]


def test_an_episode_still_going_on_is_dated_by_the_day_it_began():
    text = "Trente-trois miliciens ont été tués dans des combats depuis mercredi 2 février contre les FARDC à Uvira."
    assert [(e.event_date, e.date_precision, e.fatalities) for e in fracas.extract(text, published="2022-02")] == [
        ("2022-02-02", "day", 33)]
