"""The seeded store of the serve tests: three events, e1's dispatch holding XSS probes, and a fake pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sample_records import HOMS_PROVINCE, REBELS, SYRIA, strike

from fracas.model import Dispatch, Event
from fracas.review import add_user
from fracas.store import open_store

XSS_TEXT = 'Frappes à Talbisseh. <script>alert("x")</script> <img src=x onerror="alert(1)"> 12 morts.'


def seeded_events() -> list[Event]:
    return [
        strike("e1", fatalities=12),
        strike("e2", event_date="2015-10-08", actor1=SYRIA, actor2=REBELS, event_type="Battles",
               sub_event_type="Armed clash", location=HOMS_PROVINCE, confidence="fair"),
        strike("e3", event_date="2015-10-08"),
    ]


def seed(url: str) -> str:
    """Store three events with their dispatches (e1's text holds XSS probes); return a token for 'amina'."""
    with open_store(url) as store:
        for event in seeded_events():
            (dispatch_id,) = event.dispatch_ids
            text = XSS_TEXT if event.event_id == "e1" else f"Dépêche {event.event_id} : des combats."
            store.add_dispatch(Dispatch(id=dispatch_id, text=text, published=None, outlet="AFP", url=None,
                                        origin=f"seed:{event.event_id}"))
            store.upsert_event(event)
            store.link(event.event_id, dispatch_id, evidence=event.evidence)
        return add_user(store, "amina")


class FakePipeline:
    """Extracts one air strike from every dispatch (the API tests do not need the French model)."""

    def run_iter(self, dispatches: Iterable[Dispatch], *, n_process: int = 1, batch_size: int = 32,
                 on_rejection: object = None) -> Iterator[tuple[Dispatch, list[Event]]]:
        for dispatch in dispatches:
            yield dispatch, [strike(f"x-{dispatch.id}", dispatch_ids=(dispatch.id,), evidence=(),
                                    event_date="2016-01-02")]
