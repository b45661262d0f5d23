"""Fold a new report of an event into the stored event: sources and evidence accumulate.

Rules (stored = the event already kept, incoming = the new report of it):

event_id, event type, sub-type, notes
    stored's. The notes stay the first report's generated sentence; nothing is appended, so a note
    never claims what only a later dispatch says (the evidence and sources carry that).
dispatch_ids, sources, evidence, assoc_actors
    stored's then incoming's, without repeats (a source is the same when its (name, kind) is).
    An incoming report whose dispatches are all already merged changes nothing: merging is idempotent.
date
    the more precise date wins (day > week > month > year); at equal precision the earlier date,
    because later dispatches tend to date a night strike by the morning they report it. The result
    does not depend on which report came first.
location
    the more precise place wins (place > admin2 > admin1 > country); at equal precision, stored's.
actors
    a named actor1 replaces a generic one ("Unidentified Armed Group"); a known actor2 replaces a
    missing or generic one. When both actor1 are named and differ (and are not the two sides of a
    Battle named in opposite order), the sources disagree on the perpetrator: stored's actor1 stays,
    the event becomes `contested`, and the other claim remains in the incoming report's actor1
    evidence span. It is NOT listed in assoc_actors, which means "acting with actor1".
fatalities
    fatalities_low = the smallest and fatalities_high = the largest figure either report gives (low,
    best or high), so the range holds every claim; but a bound stays null when no report gives one
    (an exact figure bounds both ways, "at least 10" only from below). The best figure is the
    most credible one: a figure from a report with an independent source (NGO, UN, media, witness,
    local official) beats one from parties only; then an exact figure beats a range or lower bound
    ("at least 10"); then the larger figure.
civilian_fatalities, wounded
    the larger of the known figures.
confidence
    re-graded from the accumulated sources with `grade_confidence`; never lower than either report's
    own grade (the extractor may have seen specifics the sources alone do not show); `contested` when
    the perpetrators disagree or either report was already contested.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from fracas.dedupe.match import is_generic
from fracas.model import Actor, Confidence, DatePrecision, Event, Source
from fracas.resolve.sources import INDEPENDENT_KINDS, grade_confidence

_T = TypeVar("_T")

_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_PLACE_RANK = {"place": 0, "admin2": 1, "admin1": 2, "country": 3}
_CONFIDENCE_RANK: dict[str, int] = {"weak": 0, "fair": 1, "confirmed": 2}


def merge(stored: Event, incoming: Event) -> Event:
    """`stored` with what `incoming`, another report of the same event, adds (rules: module doc)."""
    if set(incoming.dispatch_ids) <= set(stored.dispatch_ids):
        return stored
    swapped = _swapped_battle(stored, incoming)
    actor1, actor2 = (stored.actor1, stored.actor2) if swapped else _merged_actors(stored, incoming)
    named = {actor1.name} | ({actor2.name} if actor2 is not None else set())
    assoc = tuple(
        actor for actor in _unique(stored.assoc_actors + incoming.assoc_actors, key=lambda a: a.name)
        if actor.name not in named
    )
    event_date, date_precision = _merged_date(stored, incoming)
    location = (
        incoming.location
        if _PLACE_RANK[incoming.location.precision] < _PLACE_RANK[stored.location.precision]
        else stored.location
    )
    sources = tuple(_unique(stored.sources + incoming.sources, key=lambda s: (s.name, s.kind)))
    best, low, high = merge_fatalities(stored, incoming)
    regraded = grade_confidence(
        sources,
        perpetrator=actor1,
        disputed=_disputed(stored, incoming, swapped),
        has_specifics=location.precision == "place" and best is not None,
    )
    return stored.evolve(
        event_date=event_date,
        date_precision=date_precision,
        actor1=actor1,
        actor2=actor2,
        assoc_actors=assoc,
        location=location,
        fatalities=best,
        fatalities_low=low,
        fatalities_high=high,
        civilian_fatalities=_max_known(stored.civilian_fatalities, incoming.civilian_fatalities),
        wounded=_max_known(stored.wounded, incoming.wounded),
        sources=sources,
        confidence=_at_least(regraded, (stored.confidence, incoming.confidence)),
        evidence=tuple(_unique(stored.evidence + incoming.evidence, key=lambda e: e)),
        dispatch_ids=tuple(_unique(stored.dispatch_ids + incoming.dispatch_ids, key=lambda d: d)),
    )


def _disputed(stored: Event, incoming: Event, swapped: bool) -> bool:
    """Two named, different perpetrators (not a battle's sides swapped), or a report already contested."""
    if "contested" in (stored.confidence, incoming.confidence):
        return True
    return (
        not swapped
        and stored.actor1.name != incoming.actor1.name
        and not is_generic(stored.actor1)
        and not is_generic(incoming.actor1)
    )


def _merged_actors(stored: Event, incoming: Event) -> tuple[Actor, Actor | None]:
    """A named actor1 replaces a generic one; a known actor2 replaces a missing or generic one."""
    actor1, actor2 = stored.actor1, stored.actor2
    if is_generic(actor1) and not is_generic(incoming.actor1):
        actor1 = incoming.actor1
    if incoming.actor2 is not None and (
        actor2 is None or (is_generic(actor2) and not is_generic(incoming.actor2))
    ):
        actor2 = incoming.actor2
    return actor1, actor2


def _merged_date(stored: Event, incoming: Event) -> tuple[str, DatePrecision]:
    """The more precise date; at equal precision the earlier one."""
    more_precise = _DATE_RANK[incoming.date_precision] < _DATE_RANK[stored.date_precision]
    same_but_earlier = (
        incoming.date_precision == stored.date_precision and incoming.event_date < stored.event_date
    )
    if more_precise or same_but_earlier:
        return incoming.event_date, incoming.date_precision
    return stored.event_date, stored.date_precision


def merge_fatalities(stored: Event, incoming: Event) -> tuple[int | None, int | None, int | None]:
    """(best, low, high) of two reports of one event (rules: module doc)."""
    reports = (stored, incoming)
    low, high = _fatality_bounds(reports)
    candidates = [e for e in reports if e.fatalities is not None]
    if not candidates:
        return None, low, high
    # max() keeps the first of equals, so stored wins a full tie.
    chosen = max(candidates, key=lambda e: (_has_independent(e.sources), _is_exact(e), e.fatalities))
    return chosen.fatalities, low, high


def _fatality_bounds(reports: Sequence[Event]) -> tuple[int | None, int | None]:
    figures = [
        value
        for e in reports
        for value in (e.fatalities_low, e.fatalities, e.fatalities_high)
        if value is not None
    ]
    # A bound exists only when some report gives one: an exact figure bounds both ways, "at least 10"
    # only from below, so a lone "at least 10" keeps its open upper end (high stays null).
    bounded_below = any(e.fatalities_low is not None or _is_exact(e) for e in reports)
    bounded_above = any(e.fatalities_high is not None or _is_exact(e) for e in reports)
    low = min(figures) if figures and bounded_below else None
    high = max(figures) if figures and bounded_above else None
    return low, high


def _is_exact(event: Event) -> bool:
    # A point figure: no range around it, or a range that collapses onto it. "At least 10"
    # (low 10, no high) is a lower bound, not an exact figure.
    low, high = event.fatalities_low, event.fatalities_high
    if event.fatalities is None:
        return False
    return (low is None and high is None) or (low == high == event.fatalities)


def _has_independent(sources: Sequence[Source]) -> bool:
    return any(source.kind in INDEPENDENT_KINDS for source in sources)


def _swapped_battle(stored: Event, incoming: Event) -> bool:
    return (
        stored.event_type == "Battles"
        and stored.actor2 is not None
        and incoming.actor2 is not None
        and stored.actor1.name != incoming.actor1.name
        and stored.actor1.name == incoming.actor2.name
        and stored.actor2.name == incoming.actor1.name
    )


def _at_least(grade: Confidence, floors: Iterable[Confidence]) -> Confidence:
    if grade == "contested":
        return grade
    best = grade
    for floor in floors:
        if floor != "contested" and _CONFIDENCE_RANK[floor] > _CONFIDENCE_RANK[best]:
            best = floor
    return best


def _max_known(a: int | None, b: int | None) -> int | None:
    known = [v for v in (a, b) if v is not None]
    return max(known) if known else None


def _unique(items: Iterable[_T], *, key: Callable[[_T], Hashable]) -> list[_T]:
    seen: set[Hashable] = set()
    out = []
    for item in items:
        marker = key(item)
        if marker not in seen:
            seen.add(marker)
            out.append(item)
    return out

