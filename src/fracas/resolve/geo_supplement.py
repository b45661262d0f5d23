"""Reading and validating data/gazetteer_supplement.yaml: curated names no installed package has.

The file has two sections:

    countries:            # French (or other) names of countries, by ISO 3166-1 alpha-2
      SY: [Syrie, République arabe syrienne]
    places:               # towns, villages and provinces, as French wire copy writes them
      - name: Latamné          # display name (ACLED-style transliteration preferred)
        aliases: [Lataminah]   # other spellings (optional)
        country: SY            # alpha-2
        admin1: Hama           # ACLED-style admin1 name (data/admin1_names.csv for focus countries)
        lat: 35.32
        lon: 36.62
        kind: place            # place | admin1 (an extra name for an existing province: lat/lon optional)
        # admin2: ...          # optional
      - name: Deir Ezzor       # extra spellings for a town the packages already have: give its GeoNames id
        geonames_id: 170794    # (admin1/lat/lon then come from GeoNames and must be left out)
        country: SY

Every mistake is reported with the entry's position and name, so a gold-set writer can fix it at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from fracas.errors import ResourceError

_ALPHA2 = re.compile(r"^[A-Z]{2}$")
_PLACE_KEYS = {"name", "aliases", "country", "admin1", "admin2", "lat", "lon", "kind", "population", "note",
               "geonames_id"}


@dataclass(frozen=True)
class SupplementPlace:
    name: str
    aliases: tuple[str, ...]
    country: str
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    kind: str  # "place" | "admin1"
    population: int
    geonames_id: int | None = None  # set: extra names for that GeoNames town, not a new place


@dataclass(frozen=True)
class Supplement:
    country_names: dict[str, tuple[str, ...]]
    places: tuple[SupplementPlace, ...]


def load_supplement(path: Path) -> Supplement:
    """Parse and validate the supplement; raise ResourceError naming the first bad entry."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ResourceError(f"cannot read gazetteer supplement {path}: {err}") from err
    except yaml.YAMLError as err:
        raise ResourceError(f"gazetteer supplement {path} is not valid YAML: {err}") from err
    if raw is None:
        return Supplement({}, ())
    if not isinstance(raw, dict) or set(raw) - {"countries", "places"}:
        raise ResourceError(
            f"gazetteer supplement {path} must be a mapping with only the keys 'countries' and 'places'"
        )
    return Supplement(_countries(path, raw.get("countries") or {}),
                      tuple(_place(path, i, e) for i, e in enumerate(raw.get("places") or [], start=1)))


def _countries(path: Path, raw: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise ResourceError(f"{path}: 'countries' must map an alpha-2 code to a list of names")
    out: dict[str, tuple[str, ...]] = {}
    for code, names in raw.items():
        if not isinstance(code, str) or not _ALPHA2.match(code):
            raise ResourceError(f"{path}: countries key {code!r} is not an ISO alpha-2 code such as SY")
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise ResourceError(f"{path}: countries.{code} must be a list of non-empty names")
        out[code] = tuple(names)
    return out


def _place(path: Path, index: int, raw: Any) -> SupplementPlace:
    label = f"{path}: places entry #{index}"
    if not isinstance(raw, dict):
        raise ResourceError(f"{label} must be a mapping with name, country, admin1, lat, lon, kind")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ResourceError(f"{label} has no 'name'")
    kind = raw.get("kind", "place")
    problem = next((found for check in _PLACE_CHECKS if (found := check(raw, kind))), None)
    if problem:
        raise ResourceError(f"{label} ({name!r}): {problem}")
    lat, lon, aliases = raw.get("lat"), raw.get("lon"), raw.get("aliases") or []
    return SupplementPlace(
        name=name.strip(), aliases=tuple(a.strip() for a in aliases), country=raw["country"],
        admin1=raw.get("admin1"), admin2=raw.get("admin2"),
        lat=float(lat) if lat is not None else None, lon=float(lon) if lon is not None else None,
        kind=kind, population=raw.get("population", 0), geonames_id=raw.get("geonames_id"),
    )


# Each check reads one entry (and its kind) and says what is wrong with it, or None; the first problem wins.
def _check_keys(raw: dict, kind: Any) -> str | None:
    unknown = set(raw) - _PLACE_KEYS
    return f"unknown key(s) {sorted(unknown)}; allowed: {sorted(_PLACE_KEYS)}" if unknown else None


def _check_kind(raw: dict, kind: Any) -> str | None:
    return None if kind in ("place", "admin1") else f"kind {kind!r} must be 'place' or 'admin1'"


def _check_country(raw: dict, kind: Any) -> str | None:
    country = raw.get("country")
    if isinstance(country, str) and _ALPHA2.match(country):
        return None
    return f"country {country!r} must be an ISO alpha-2 code such as SY"


def _check_aliases(raw: dict, kind: Any) -> str | None:
    aliases = raw.get("aliases") or []
    if isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases):
        return None
    return "aliases must be a list of non-empty names"


def _check_areas(raw: dict, kind: Any) -> str | None:
    for field_name in ("admin1", "admin2"):
        value = raw.get(field_name)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            return f"{field_name} must be a non-empty name"
    return None


def _check_geonames_id(raw: dict, kind: Any) -> str | None:
    geonames_id = raw.get("geonames_id")
    if geonames_id is None:
        missing_admin1 = kind == "place" and raw.get("admin1") is None
        return "a place needs its admin1 (ACLED-style province name, e.g. Idleb)" if missing_admin1 else None
    if isinstance(geonames_id, bool) or not isinstance(geonames_id, int) or kind != "place":
        return f"geonames_id {geonames_id!r} must be an integer GeoNames id on a kind: place entry"
    if any(raw.get(k) is not None for k in ("admin1", "admin2", "lat", "lon")):
        return "an entry with geonames_id only adds names: leave out admin1, admin2, lat and lon"
    return None


def _check_coordinates(raw: dict, kind: Any) -> str | None:
    lat, lon = raw.get("lat"), raw.get("lon")
    if kind == "place" and raw.get("geonames_id") is None and (lat is None or lon is None):
        return "a place needs lat and lon (decimal degrees)"
    for field_name, value, bound in (("lat", lat, 90), ("lon", lon, 180)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not -bound <= value <= bound):
            return f"{field_name} {value!r} must be a number between -{bound} and {bound}"
    return None


def _check_population(raw: dict, kind: Any) -> str | None:
    population = raw.get("population", 0)
    if isinstance(population, bool) or not isinstance(population, int) or population < 0:
        return f"population {population!r} must be a non-negative integer"
    return None


_PLACE_CHECKS: tuple[Callable[[dict, Any], str | None], ...] = (
    _check_keys, _check_kind, _check_country, _check_aliases, _check_areas, _check_geonames_id,
    _check_coordinates, _check_population,
)
