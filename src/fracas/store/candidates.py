"""The SQL that finds the stored events an incoming event may report again, through one index.

A superset of what `fracas.dedupe.find_match` accepts, so that no match is lost, narrowed as far as an
index allows so that the rows read per incoming event stay few however large the store grows:

sub-event type, country   equal (the leading columns of index events_candidates).
date                      one range per stored date precision: a stored event of precision p starts at
                          most span(p) days before its last day, and must end no earlier than the day
                          before the incoming event starts and start no later than the day after it
                          ends. Four tight ranges of (sub_event_type, country, date_precision,
                          event_date) instead of one range a year wide.
place                     the same GeoNames id; or, at the incoming event's precision, the same admin1
                          (admin1), admin2 and admin1 (admin2), or coordinates inside a box around its
                          own at least `max_km` wide (place); both country-level for a country-level event.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from fracas.dedupe.match import SAME_PLACE_KM, date_span
from fracas.model import Event, Place

# The most days a stored event's date can start before its last day, by precision.
_SPAN_DAYS = {"day": 0, "week": 6, "month": 30, "year": 365}
_KM_PER_DEGREE_LAT = 110.5  # the shortest degree of latitude (at the equator), so the box errs wide


def candidate_query(event: Event, to_date: Any, *, max_km: float = SAME_PLACE_KM) -> tuple[str, list[Any]]:
    """SELECT of (event_id, record, notes) of the candidates of `event`, by event_id; `to_date` converts a
    date to the backend's parameter."""
    first, last = date_span(event)
    place_sql, place_params = _place_condition(event.location, max_km)
    country_sql = "country = ?" if event.location.country is not None else "country IS NULL"
    country_params = [event.location.country] if event.location.country is not None else []
    selects, params = [], []
    for precision, span in _SPAN_DAYS.items():
        selects.append(
            f"SELECT event_id, record, notes FROM events WHERE sub_event_type = ? AND {country_sql}"
            " AND date_precision = ? AND event_date BETWEEN ? AND ? AND event_date_end >= ?"
            f" AND {place_sql}"
        )
        params += [
            event.sub_event_type, *country_params, precision,
            to_date(first - dt.timedelta(days=1 + span)), to_date(last + dt.timedelta(days=1)),
            to_date(first - dt.timedelta(days=1)), *place_params,
        ]
    return " UNION ALL ".join(selects) + " ORDER BY 1", params


def _place_condition(place: Place, max_km: float) -> tuple[str, list[Any]]:
    if place.precision == "country":
        return "location_precision = 'country'", []
    terms: list[str] = []
    params: list[Any] = []
    if place.geonames_id is not None:
        terms.append("(geonames_id = ? AND location_precision <> 'country')")
        params.append(place.geonames_id)
    if place.precision == "admin1" and place.admin1 is not None:
        terms.append("(location_precision = 'admin1' AND admin1 = ?)")
        params.append(place.admin1)
    elif place.precision == "admin2" and place.admin2 is not None:
        terms.append("(location_precision = 'admin2' AND admin2 = ? AND admin1 IS NOT DISTINCT FROM ?)")
        params += [place.admin2, place.admin1]
    elif place.precision == "place" and place.lat is not None and place.lon is not None:
        box_sql, box_params = _box(place.lat, place.lon, max_km)
        terms.append(f"(location_precision = 'place' AND {box_sql})")
        params += box_params
    return ("(" + " OR ".join(terms) + ")", params) if terms else ("1 = 0", [])


def _box(lat: float, lon: float, max_km: float) -> tuple[str, list[Any]]:
    """Latitude and longitude ranges holding every point within max_km of (lat, lon)."""
    dlat = max_km / _KM_PER_DEGREE_LAT
    widest = min(89.9, abs(lat) + dlat)
    dlon = max_km / (_KM_PER_DEGREE_LAT * math.cos(math.radians(widest)))
    sql, params = "latitude BETWEEN ? AND ?", [lat - dlat, lat + dlat]
    if -180.0 <= lon - dlon and lon + dlon <= 180.0 and widest < 89.9:
        sql += " AND longitude BETWEEN ? AND ?"
        params += [lon - dlon, lon + dlon]
    return sql, params
