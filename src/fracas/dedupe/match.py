"""Which stored event an incoming event reports again, and why.

An incoming event matches a stored one when all four hold:

sub-event type  the same ACLED sub-event type.
place           the same GeoNames id; or both located to the same admin1 (or the same admin2) only;
                or both at place precision with coordinates no more than `max_km` apart. A
                country-precision event only matches another country-precision event of the same
                country. Mixed precisions (a village against its province) never match: "strikes in
                Hama province" may be a different strike from the one at Latamneh, and merging them
                would lose an event.
date            day against day: at most one day apart ("mardi soir" in one dispatch is often
                "mercredi" in the next). Otherwise (week, month, year) the periods must overlap, so a
                month-precision event matches a day or a month inside that month.
actors          the same actor1; or either actor1 is generic ("Unidentified Armed Group", unknown);
                or, for Battles, actor1 and actor2 swapped (each side reports itself as the defender).

Among several matching candidates the best is the one with the closest actors (same actor1, then
swapped, then generic), then the smallest date gap, then the shortest distance, then the smallest
event_id: the same inputs always give the same choice.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from fracas.model import Actor, Event, Place
from fracas.text import without_country_qualifier

# Names that say "someone unidentified did it": compatible with any named perpetrator.
GENERIC_ACTOR_NAMES: frozenset[str] = frozenset({"unidentified armed group", "unknown", "unidentified"})

_EARTH_RADIUS_KM = 6371.0088
SAME_PLACE_KM = 10.0  # two places at place precision this close are the same place


@dataclass(frozen=True)
class MergeDecision:
    """The stored event an incoming one reports again, the reasons as sentences, and the distance."""

    event_id: str
    reasons: tuple[str, ...]
    distance_km: float | None


def is_generic(actor: Actor | None) -> bool:
    """Whether `actor` names nobody in particular (an unidentified armed group, an unknown actor)."""
    if actor is None:
        return False
    # "Unidentified Armed Group (Mali)": the country qualifier does not make it anybody in particular.
    return without_country_qualifier(actor.name).strip().lower() in GENERIC_ACTOR_NAMES


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places (haversine), or None when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def date_span(event: Event) -> tuple[dt.date, dt.date]:
    """The first and last day the event's date can mean, given its precision."""
    start = dt.date.fromisoformat(event.event_date)
    if event.date_precision == "day":
        return start, start
    if event.date_precision == "week":
        return start, start + dt.timedelta(days=6)
    if event.date_precision == "month":
        return start, start.replace(day=calendar.monthrange(start.year, start.month)[1])
    return start, dt.date(start.year, 12, 31)


def find_match(
    incoming: Event, candidates: Iterable[Event], *, max_km: float = SAME_PLACE_KM
) -> MergeDecision | None:
    """The stored event among `candidates` that `incoming` reports again, or None (rules: module doc)."""
    best: tuple[tuple[int, int, float, str], MergeDecision] | None = None
    for candidate in candidates:
        scored = _compare(incoming, candidate, max_km)
        if scored is not None and (best is None or scored[0] < best[0]):
            best = scored
    return best[1] if best is not None else None


def explain(decision: MergeDecision) -> str:
    """One paragraph saying why an incoming report was merged into a stored event."""
    return (
        f"Merged into event {decision.event_id} because the two reports share every test of a "
        f"repeated report: {'; '.join(decision.reasons)}."
    )


def _compare(
    incoming: Event, stored: Event, max_km: float
) -> tuple[tuple[int, int, float, str], MergeDecision] | None:
    if incoming.sub_event_type != stored.sub_event_type:
        return None
    place = _same_place(incoming.location, stored.location, max_km)
    if place is None:
        return None
    date = _same_time(stored, incoming)
    if date is None:
        return None
    actors = _compatible_actors(stored, incoming)
    if actors is None:
        return None
    place_reason, distance = place
    date_reason, gap_days = date
    actor_reason, actor_rank = actors
    reasons = (f"same sub-event type ({stored.sub_event_type})", place_reason, date_reason, actor_reason)
    key = (actor_rank, gap_days, distance if distance is not None else 0.0, stored.event_id)
    return key, MergeDecision(stored.event_id, reasons, distance)


def _same_place(a: Place, b: Place, max_km: float) -> tuple[str, float | None] | None:
    distance = distance_km(a, b)
    rounded = round(distance, 3) if distance is not None else None
    if a.precision == "country" or b.precision == "country":
        if a.precision == b.precision and a.country is not None and a.country == b.country:
            return f"same country ({a.country}), both reports locating it only to the country", rounded
        return None
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return f"same place ({b.name}, GeoNames {b.geonames_id})", rounded
    if a.precision != b.precision or a.country != b.country:
        return None
    why = _same_area(a, b) if a.precision in ("admin1", "admin2") else _near(a, b, distance, max_km)
    return (why, rounded) if why is not None else None


def _same_area(a: Place, b: Place) -> str | None:
    """Two reports placed only at the same admin1 (or admin2 within the same admin1)."""
    if a.precision == "admin1" and a.admin1 is not None and a.admin1 == b.admin1:
        return f"same admin1 ({a.admin1}), both reports locating it only to the admin1"
    if a.precision == "admin2" and a.admin2 is not None and (a.admin2, a.admin1) == (b.admin2, b.admin1):
        return f"same admin2 ({a.admin2}), both reports locating it only to the admin2"
    return None


def _near(a: Place, b: Place, distance: float | None, max_km: float) -> str | None:
    if a.precision == "place" and distance is not None and distance <= max_km:
        return f"{distance:.1f} km apart ({b.name} and {a.name})"
    return None


def _same_time(stored: Event, incoming: Event) -> tuple[str, int] | None:
    (a_start, a_end), (b_start, b_end) = date_span(stored), date_span(incoming)
    gap = max((b_start - a_end).days, (a_start - b_end).days, 0)
    both_days = stored.date_precision == "day" and incoming.date_precision == "day"
    if both_days:
        if gap == 0:
            return f"same day ({stored.event_date})", 0
        if gap == 1:
            first, second = sorted((stored.event_date, incoming.event_date))
            return f"dates {first} and {second} are one day apart", 1
        return None
    if gap > 0:
        return None
    return (
        f"dates {stored.event_date} ({stored.date_precision} precision) and "
        f"{incoming.event_date} ({incoming.date_precision} precision) overlap"
    ), 0


def _compatible_actors(stored: Event, incoming: Event) -> tuple[str, int] | None:
    a, b = stored.actor1, incoming.actor1
    if a.name == b.name:
        return f"same perpetrator ({a.name})", 0
    if (
        stored.event_type == "Battles"
        and stored.actor2 is not None
        and incoming.actor2 is not None
        and stored.actor2.name == b.name
        and incoming.actor2.name == a.name
    ):
        return f"same two sides named in opposite order ({a.name} and {b.name})", 1
    if is_generic(a) or is_generic(b):
        generic, named = (a, b) if is_generic(a) else (b, a)
        reason = f"perpetrator unidentified in one report ({generic.name}), named in the other ({named.name})"
        return reason, 2
    return None
