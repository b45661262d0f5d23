"""Hand-built events and a fake, fast pipeline for the store tests (no spaCy model needed).

A dispatch's events are written into its text as markers, one per event:

    [[sub=Air/drone strike; date=2015-10-07; place=Talbiseh; admin1=Homs; country=SY; lat=34.84; lon=36.73;
      actor1=Military Forces of Russia; deaths=5; source=OSDH:ngo]]

so a test (or a subprocess) can ingest real files through `read_inputs` and get known events.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from fracas.model import EVENT_TYPE_OF_SUB_TYPE, Actor, Dispatch, Event, Evidence, Place, Rejection, Source

NEEDS_DATE = "{needs-date}"  # a marker for a dispatch the fake cannot read without its publication date
_MARKER_RE = re.compile(r"\[\[(.*?)\]\]", re.S)


def make_event(**changes: Any) -> Event:
    """A Russian air strike on Talbiseh (Homs, Syria) on 2015-10-07, read from dispatch d-1."""
    dispatch_id = changes.pop("dispatch_id", "d-1")
    event = Event(
        event_id="e-1",
        event_date="2015-10-07",
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1=Actor("Military Forces of Russia", "state_forces", "RUS", "avions russes"),
        actor2=Actor("Civilians (Syria)", "civilians", "SYR", "civils"),
        location=Place("Talbiseh", "Homs", None, "SY", 34.84, 36.73, 163345, "place", "Talbiseh"),
        fatalities=5,
        sources=(Source("Syrian Observatory for Human Rights", "ngo", "OSDH"),),
        confidence="weak",
        evidence=(Evidence("location", dispatch_id, 0, 8),),
        dispatch_ids=(dispatch_id,),
        notes="Russian aircraft struck Talbiseh, killing 5 civilians.",
    )
    return event.evolve(**changes)


def marker(**fields: Any) -> str:
    return "[[" + "; ".join(f"{key}={value}" for key, value in fields.items()) + "]]"


def events_from_markers(dispatch: Dispatch) -> list[Event]:
    events = []
    for index, match in enumerate(_MARKER_RE.finditer(dispatch.text)):
        fields = dict(
            part.split("=", 1) for part in (p.strip() for p in match.group(1).split(";")) if part
        )
        fields = {key.strip(): value.strip() for key, value in fields.items()}
        sub = fields.get("sub", "Air/drone strike")
        place = fields.get("place", "Talbiseh")
        where = dispatch.text.find(place)
        start, end = (where, where + len(place)) if where >= 0 else (match.start(), match.end())
        source_name, _, source_kind = fields.get("source", "OSDH:ngo").partition(":")
        deaths = fields.get("deaths")
        events.append(
            Event(
                event_id=f"{dispatch.id}-{index}",
                event_date=fields.get("date", "2015-10-07"),
                date_precision=fields.get("precision", "day"),  # type: ignore[arg-type]
                event_type=EVENT_TYPE_OF_SUB_TYPE[sub],
                sub_event_type=sub,
                actor1=Actor(fields.get("actor1", "Military Forces of Russia"), "state_forces", "RUS", None),
                actor2=None,
                location=Place(
                    place, fields.get("admin1", "Homs"), None, fields.get("country", "SY"),
                    float(fields.get("lat", "34.84")), float(fields.get("lon", "36.73")), None, "place", place,
                ),
                fatalities=int(deaths) if deaths else None,
                sources=(Source(source_name, source_kind or "unknown", source_name),),  # type: ignore[arg-type]
                confidence="weak",
                evidence=(Evidence("location", dispatch.id, start, end),),
                dispatch_ids=(dispatch.id,),
                notes=fields.get("notes", f"Strike on {place}."),
            )
        )
    return events


class FakePipeline:
    """Quacks like fracas.pipeline.Pipeline.run_iter, reading events from markers in the text."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def run_iter(
        self, dispatches: Iterable[Dispatch], *, n_process: int = 1, batch_size: int = 32,
        on_rejection: Callable[[Rejection], None] | None = None,
    ) -> Iterator[tuple[Dispatch, list[Event]]]:
        for dispatch in dispatches:
            self.seen.append(dispatch.id)
            if NEEDS_DATE in dispatch.text and dispatch.published is None:
                # As the real pipeline does with a text it cannot date: no events, a rejection.
                if on_rejection is not None:
                    on_rejection(dispatch.rejected(f"{dispatch.origin}: no publication date"))
                yield dispatch, []
                continue
            yield dispatch, events_from_markers(dispatch)


def numbered_dispatches(count: int) -> list[Dispatch]:
    """`count` distinct dispatches; every fifth reports again the strike of the dispatch five before it
    (same place and day, another source and wording), so ingesting them merges events."""
    dispatches = []
    for i in range(count):
        town = f"Village{i // 5 * 5}" if i % 5 == 4 else f"Village{i}"
        lat = 34.0 + (i // 5 * 5 if i % 5 == 4 else i) * 0.5
        text = (
            f"Dépêche numéro {i}: des frappes ont visé {town} mercredi, selon la source {i}. "
            + marker(place=town, lat=round(lat, 2), lon=36.5, deaths=i % 7, source=f"Source{i}:media")
            + (f" Un second bombardement à Hameau{i}. " + marker(place=f"Hameau{i}", lat=10.0, lon=float(i))
               if i % 3 == 0 else "")
        )
        dispatches.append(Dispatch(id=Dispatch.make_id(text), text=text, origin=f"batch:{i + 1}"))
    return dispatches
