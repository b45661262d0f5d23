from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sample_records import (
    CIVILIANS,
    GUNMEN,
    HOMS_PROVINCE,
    MILITIA,
    OSDH,
    RUSSIA,
    SYRIA,
    TALBISSEH,
    WITNESS,
    strike,
)

from fracas.dedupe import merge, merge_fatalities
from fracas.model import Event, Evidence, Source

OSDH_AGAIN = Source("Syrian Observatory for Human Rights", "ngo", "l'Observatoire syrien")
MOD = Source("Russian Ministry of Defence", "government", "le ministère russe de la Défense")
SANA = Source("SANA", "state_media", "l'agence Sana")


def event(event_id: str, **changes: Any) -> Event:
    return strike(event_id, notes=f"notes of {event_id}", **changes)


def test_merge_accumulates_and_regrades_to_fair() -> None:
    stored = event("e1", location=HOMS_PROVINCE, sources=(OSDH,), event_date="2015-10-07")
    incoming = event(
        "e2",
        location=TALBISSEH,
        event_date="2015-10-06",
        sources=(OSDH_AGAIN, WITNESS),
        assoc_actors=(MILITIA,),
        fatalities=4,
        wounded=7,
    )
    assert merge(stored, incoming) == Event(
        event_id="e1",
        event_date="2015-10-06",
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1=RUSSIA,
        actor2=CIVILIANS,
        assoc_actors=(MILITIA,),
        location=TALBISSEH,
        fatalities=4,
        fatalities_low=4,
        fatalities_high=4,
        wounded=7,
        sources=(OSDH, WITNESS),
        confidence="fair",
        evidence=(Evidence("event_type", "d-e1", 0, 10), Evidence("event_type", "d-e2", 0, 10)),
        dispatch_ids=("d-e1", "d-e2"),
        notes="notes of e1",
    )


def test_perpetrator_acknowledging_makes_it_confirmed() -> None:
    merged = merge(event("e1", sources=(OSDH,)), event("e2", sources=(MOD,)))
    assert (merged.sources, merged.confidence) == ((OSDH, MOD), "confirmed")


def test_parties_only_stay_weak_and_grade_never_drops() -> None:
    assert merge(event("e1", sources=(SANA,)), event("e2", sources=(MOD,))).confidence == "weak"
    assert merge(event("e1", confidence="fair"), event("e2", sources=(SANA,))).confidence == "fair"


def test_disagreeing_perpetrators_are_contested() -> None:
    stored = event("e1", actor1=RUSSIA, sources=(OSDH,))
    incoming = event("e2", actor1=SYRIA, sources=(SANA,))
    merged = merge(stored, incoming)
    assert (merged.actor1, merged.assoc_actors, merged.confidence, merged.dispatch_ids) == (
        RUSSIA, (), "contested", ("d-e1", "d-e2"),
    )
    # Once contested, a further agreeing report does not settle it.
    assert merge(merged, event("e3", sources=(WITNESS,))).confidence == "contested"


def test_named_perpetrator_replaces_generic_one() -> None:
    merged = merge(event("e1", actor1=GUNMEN, actor2=None), event("e2", actor1=RUSSIA, sources=(WITNESS,)))
    assert (merged.actor1, merged.actor2, merged.confidence) == (RUSSIA, CIVILIANS, "fair")


def test_more_precise_date_wins_and_location_is_kept_at_equal_precision() -> None:
    month = event("e1", event_date="2015-10-01", date_precision="month", location=HOMS_PROVINCE)
    day = event("e2", event_date="2015-10-09", location=replace(HOMS_PROVINCE, text="la région de Homs"))
    merged = merge(month, day)
    assert (merged.event_date, merged.date_precision, merged.location) == ("2015-10-09", "day", HOMS_PROVINCE)


def test_merge_is_idempotent() -> None:
    stored, incoming = event("e1"), event("e2", sources=(WITNESS,))
    merged = merge(stored, incoming)
    assert merge(stored, stored) == stored
    assert merge(merged, incoming) == merged


def _figures(best: int | None, low: int | None = None, high: int | None = None, **changes: Any) -> Event:
    return event("x", fatalities=best, fatalities_low=low, fatalities_high=high, **changes)


@pytest.mark.parametrize(
    ("stored", "incoming", "expected"),
    [
        # no figures at all stay unknown (null is not zero)
        (_figures(None), _figures(None), (None, None, None)),
        # one report's figure is the figure
        (_figures(None), _figures(5), (5, 5, 5)),
        # both exact, both independent: the larger
        (_figures(3), _figures(5), (5, 3, 5)),
        # "at least 10" against an exact 8: the exact figure is preferred, the range kept
        (_figures(10, 10, None), _figures(8), (8, 8, 10)),
        # "between 10 and 15" against "12"
        (_figures(12, 10, 15), _figures(12), (12, 10, 15)),
        # an independent source's figure beats a larger exact figure from a party only
        (_figures(4, sources=(OSDH,)), _figures(30, sources=(SANA,)), (4, 4, 30)),
        # "at least 10" alone keeps its open upper end
        (_figures(10, 10, None), _figures(None), (10, 10, None)),
        # a range without a best figure keeps its bounds
        (_figures(None, 10, 20), _figures(None), (None, 10, 20)),
    ],
)
def test_fatalities_keep_the_range(
    stored: Event, incoming: Event, expected: tuple[int | None, int | None, int | None]
) -> None:
    assert merge_fatalities(stored, incoming) == expected


def test_civilian_fatalities_and_wounded_take_the_larger_known() -> None:
    merged = merge(
        event("e1", civilian_fatalities=3, wounded=None), event("e2", civilian_fatalities=2, wounded=9)
    )
    assert (merged.civilian_fatalities, merged.wounded) == (3, 9)
