"""The offline gazetteer: place, province and country names in French wire copy -> `Place` records.

    gaz = Gazetteer.load()                      # builds ~/.cache/fracas/gazetteer-v1.sqlite on first use
    gaz.find_place("Alep")                      # Place(name='Aleppo', admin1='Aleppo', country='SY', ...)
    gaz.find_place("Mansoura", admin1="Aleppo") # only a Mansoura inside Aleppo province, else None
    gaz.find_admin1("Deir Ezzor")               # province centroid, name 'Deir-ez-Zor'
    gaz.find_country("la Syrie")                # 'SY'

Matching (`find_place`), strict to tolerant:
1. the normalised name (accents, case, apostrophes/hyphens/spaces, a leading Al-/El-/Ad-... ignored)
   against each town's own name and its GeoNames/curated alternate names;
2. only when the country is known (given, or implied by `admin1`): a consonant skeleton tolerant of
   French vs English transliteration ("Daret Ezza" ~ "Darat Izza").
Candidates inside the given admin1 are the only ones accepted when `admin1` resolves (an admin1 text that
resolves to no province is ignored); then candidates in the given country win, and failing those only a
neighbouring country's town is accepted (cross-border raids; never a namesake across the world); then the best score
(log10 population, +1 for a town's own name over an alternate, +3 for curated supplement entries).

Province and country names are not villages. Rule: when the name is a country's name, `find_place` only
returns that country's capital (e.g. "Djibouti"); when it is the name of an admin1 of the requested country
or of the candidate's country (or, when no country is asked, of a focus country), only a town inside
that admin1 is returned (Hama city for "Hama", Idlib city
for "Idleb"; no village called "Nord" or "Sahel" anywhere). Callers who read "province de X" should ask
`find_admin1`.
"""

from __future__ import annotations

import math
import os
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from fracas.errors import ResourceError, UsageError
from fracas.model import Place
from fracas.resolve import geo_build
from fracas.resolve.geo_names import name_key, skeleton, strip_french_lead

Progress = Callable[[str], None]
_DATA_DIR = Path(__file__).resolve().parents[3] / "data"
# "province d'Idleb", "gouvernorat de Hama", "région de Tillabéri", "État de Borno" ... -> the name.
_AREA_WORDS = ("province", "provinces", "gouvernorat", "governorate", "region", "etat", "state", "prefecture",
               "departement", "district", "wilaya", "mohafazat", "muhafazat")


def default_path() -> Path:
    """Where the built index lives: $FRACAS_DATA_DIR or ~/.cache/fracas, versioned file name."""
    base = os.environ.get("FRACAS_DATA_DIR")
    root = Path(base).expanduser() if base else Path.home() / ".cache" / "fracas"
    return root / geo_build.DB_FILENAME


def _sources_dir() -> Path:
    if not (_DATA_DIR / "admin1_names.csv").exists():
        raise ResourceError(
            f"the gazetteer's source files (admin1_names.csv, gazetteer_supplement.yaml) are not in {_DATA_DIR}; "
            "build the gazetteer from a fracas source checkout (./setup) or set FRACAS_DATA_DIR to a directory "
            f"holding an already built {geo_build.DB_FILENAME}"
        )
    return _DATA_DIR


def build_gazetteer(target: Path | None = None, *, progress: Progress | None = None) -> Path:
    """Build the SQLite index at `target` (default: `default_path()`) and return its path."""
    return geo_build.build(target or default_path(), _sources_dir(), progress or (lambda _msg: None))


def _is_current(path: Path) -> bool:
    """False when the sources changed since `path` was built (only checkable from a source checkout)."""
    if not (_DATA_DIR / "admin1_names.csv").exists():
        return True
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key='source_digest'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False  # truncated or foreign file: rebuild it
    return row is not None and row[0] == geo_build.source_digest(_DATA_DIR)


def ensure_built(path: Path | None = None, *, progress: Progress | None = None) -> Path:
    """Build the index if it is missing or out of date; return its path. What ./setup runs."""
    path = path or default_path()
    if not path.exists() or not _is_current(path):
        build_gazetteer(path, progress=progress)
    return path


@dataclass(frozen=True)
class _Row:
    id: int
    kind: str
    name: str
    admin1: str | None
    admin2: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    curated: int
    tier: int = 0

    def score(self) -> float:
        return math.log10(self.population + 1) + (1.0 if self.tier == 0 else 0.0) + 3.0 * self.curated

    def place(self, text: str | None, precision: str) -> Place:
        return Place(self.name, self.admin1, self.admin2, self.country, self.lat, self.lon, self.geonames_id,
                     precision, text)  # type: ignore[arg-type]


# Countries whose place names reach French copy transliterated from Arabic script.
TRANSLITERATED_COUNTRIES = frozenset({
    "SY", "IQ", "LB", "JO", "PS", "IL", "YE", "SA", "LY", "EG", "SD", "TN", "DZ", "MA", "IR", "AF", "KW", "OM",
    "AE", "QA", "BH",
})

_COLUMNS = "e.id, e.kind, e.name, e.admin1, e.admin2, e.country, e.lat, e.lon, e.geonames_id, e.population, e.curated"


class Gazetteer:
    """Read-only lookups over a built index. Cheap to load; safe across threads and forked workers."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._pid = -1
        self._conn_obj: sqlite3.Connection | None = None
        conn = self._conn()
        try:
            areas = {r[0]: _Row(*r) for r in conn.execute(
                f"SELECT {_COLUMNS} FROM entity e WHERE kind IN ('admin1','country')")}
            keys = conn.execute("SELECT key, entity_id, tier FROM area_key").fetchall()
            countries = conn.execute("SELECT alpha2, alpha3, capital, entity_id, neighbours FROM country").fetchall()
        except sqlite3.DatabaseError as err:
            raise ResourceError(f"gazetteer index {path} is unreadable ({err}); delete it so it is rebuilt") from err
        self._areas = areas
        self._area_keys: dict[str, list[tuple[_Row, int]]] = defaultdict(list)
        for key, entity_id, tier in keys:
            self._area_keys[key].append((areas[entity_id], tier))
        self._alpha3 = {a2: a3 for a2, a3, *_rest in countries}
        self._capital = {a2: name_key(cap) for a2, _a3, cap, *_rest in countries if cap}
        self._country_row = {a2: areas[eid] for a2, _a3, _cap, eid, _nb in countries}
        self._neighbours = {a2: frozenset(nb.split(",")) - {""} for a2, *_rest, nb in countries}
        self._admin1_skeletons: dict[str, dict[str, list[_Row]]] = {}
        self._admin2: dict[str, dict[tuple[str, str], tuple[int, float, float]]] | None = None
        self._find_place_cached = lru_cache(maxsize=8192)(self._find_place)
        # Wire copy names the same provinces over and over: remember the answers.
        self._admin1_row = lru_cache(maxsize=8192)(self._admin1_row)  # type: ignore[method-assign]

    @classmethod
    def load(cls, path: Path | None = None, *, progress: Progress | None = None) -> Gazetteer:
        """Open the index at `path` (default `default_path()`), building it first if missing or stale."""
        return cls(ensure_built(path, progress=progress))

    def __reduce__(self) -> tuple[Any, ...]:
        # Worker processes reopen the file rather than share a SQLite handle.
        return (Gazetteer, (self.path,))

    def _conn(self) -> sqlite3.Connection:
        if self._conn_obj is None or self._pid != os.getpid():
            try:
                self._conn_obj = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            except sqlite3.OperationalError as err:
                raise ResourceError(
                    f"cannot open gazetteer index {self.path} ({err}); run ./setup or Gazetteer.load()"
                ) from err
            self._pid = os.getpid()
        return self._conn_obj

    def _query(self, sql: str, args: tuple[Any, ...]) -> list[_Row]:
        with self._lock:
            return [_Row(*r) for r in self._conn().execute(sql, args)]

    # ---- countries -------------------------------------------------------------------------------------

    def find_country(self, name: str) -> str | None:
        """French or English country name, with or without article ("la Syrie", "RDC") -> ISO alpha-2."""
        key = name_key(name)
        for candidate in (key, strip_french_lead(key)):
            rows = [(row, tier) for row, tier in self._area_keys.get(candidate, ()) if row.kind == "country"]
            if rows:
                return max(rows, key=lambda rt: (rt[1] == 0, rt[0].population))[0].country
        return None

    def country_place(self, alpha2: str, *, text: str | None = None) -> Place:
        """The country's centroid as a precision-country Place."""
        row = self._country_row.get(alpha2.upper())
        if row is None:
            raise UsageError(f"unknown country code {alpha2!r}; give an ISO 3166-1 alpha-2 code such as SY")
        return row.place(text, "country")

    def is_capital(self, place: Place) -> bool:
        """Whether a town is its country's capital (Bamako, Bangui), the seat of the state."""
        return bool(place.country) and self._capital.get(place.country or "") == name_key(place.name)

    def alpha3(self, alpha2: str) -> str | None:
        """ISO alpha-2 -> alpha-3 ("SY" -> "SYR"); None for an unknown code."""
        return self._alpha3.get(alpha2.upper())

    # ---- districts (admin2) -----------------------------------------------------------------------------

    def find_admin2(self, name: str, *, country: str | None = None) -> Place | None:
        """A district ("la province du Soum" in Burkina Faso, "le cercle de Bankass") -> the mean position of
        the towns GeoNames files under it, precision admin2; None when no town names it as its district."""
        if self._admin2 is None:
            self._admin2 = self._admin2_index()
        found = [(count, code, admin1, lat, lon) for (code, admin1), (count, lat, lon)
                 in self._admin2.get(name_key(name), {}).items() if country is None or code == country]
        if not found:
            return None
        count, code, admin1, lat, lon = max(found, key=lambda f: (f[1] in geo_build.FOCUS_COUNTRIES, f[0]))
        return Place(name, admin1, name, code, round(lat / count, 5), round(lon / count, 5), None, "admin2", name)

    def _admin2_index(self) -> dict[str, dict[tuple[str, str], tuple[int, float, float]]]:
        # Read on first use only (most dispatches name provinces, not districts); built with the index.
        index: dict[str, dict[tuple[str, str], tuple[int, float, float]]] = defaultdict(dict)
        with self._lock:
            rows = self._conn().execute(
                "SELECT key, country, admin1, towns, lat_sum, lon_sum FROM admin2_key").fetchall()
        for key, code, admin1, count, lat_sum, lon_sum in rows:
            index[key][(code, admin1)] = (count, lat_sum, lon_sum)
        return index

    # ---- provinces -------------------------------------------------------------------------------------

    def find_admin1(self, name: str, *, country: str | None = None) -> Place | None:
        """A province/governorate/region name -> its centroid, precision admin1, ACLED-style name."""
        row = self._admin1_row(name, country)
        return row.place(name, "admin1") if row else None

    def admin1_countries(self, name: str) -> frozenset[str]:
        """Every country with a province of this name ("Nord-Ouest": Cameroon, Haiti; "Savanes": Togo,
        Côte d'Ivoire), by exact name or alias only."""
        for key in _area_query_keys(name):
            found = {r.country for r, _t in self._area_keys.get(key, ()) if r.kind == "admin1" and r.country}
            if found:
                return frozenset(found)
        return frozenset()

    def _admin1_row(self, name: str, country: str | None) -> _Row | None:
        keys = _area_query_keys(name)
        for key in keys:
            rows = [(r, t) for r, t in self._area_keys.get(key, ())
                    if r.kind == "admin1" and (country is None or r.country == country)]
            if rows:
                return max(rows, key=lambda rt: (rt[0].country in geo_build.FOCUS_COUNTRIES, rt[1] == 0,
                                                 rt[0].population))[0]
        if not keys:
            return None
        return self._admin1_of_seat(keys[-1], country) or self._admin1_by_skeleton(keys[-1], country)

    def _admin1_of_seat(self, key: str, country: str | None) -> _Row | None:
        """A French exonym of the province's namesake seat ("Alep" names Aleppo city, seat of Aleppo)."""
        for town in sorted(self._place_rows(key), key=_Row.score, reverse=True):
            if country is not None and town.country != country:
                continue
            for area, _tier in self._area_keys.get(name_key(town.name), ()):
                if area.kind == "admin1" and area.country == town.country and area.name == town.admin1:
                    return area
        return None

    def _admin1_by_skeleton(self, key: str, country: str | None) -> _Row | None:
        # As for towns, a skeleton absorbs transliterations of Arabic names; elsewhere it matches another
        # name ("Boy-Ngou", a Central African village, is not Bangui).
        if country not in TRANSLITERATED_COUNTRIES:
            return None
        skel = skeleton(key)
        matches = self._admin1_skeleton_index(country).get(skel, []) if skel else []
        return matches[0] if len({m.id for m in matches}) == 1 else None

    def _admin1_skeleton_index(self, country: str) -> dict[str, list[_Row]]:
        index = self._admin1_skeletons.get(country)
        if index is None:
            index = defaultdict(list)
            for key, rows in self._area_keys.items():
                for row, _tier in rows:
                    if row.kind == "admin1" and row.country == country and (skel := skeleton(key)):
                        index[skel].append(row)
            self._admin1_skeletons[country] = index
        return index

    def admin1_of(self, place: Place) -> str | None:
        """The ACLED-style admin1 name of a place (looked up by GeoNames id when the Place lacks it)."""
        if place.admin1 or place.geonames_id is None:
            return place.admin1
        rows = self._query(f"SELECT {_COLUMNS} FROM entity e WHERE geonames_id = ? AND kind = 'place'",
                           (place.geonames_id,))
        return rows[0].admin1 if rows else None

    # ---- towns and villages ----------------------------------------------------------------------------

    def find_place(self, name: str, *, country: str | None = None, admin1: str | None = None) -> Place | None:
        """A town or village -> precision-place Place (see the module docstring for the matching rules)."""
        row = self._find_place_cached(name, country.upper() if country else None, admin1)
        return row.place(name, "place") if row else None

    def _find_place(self, name: str, country: str | None, admin1: str | None) -> _Row | None:
        key = name_key(name)
        if not key:
            return None
        area = self._admin1_row(admin1, country) if admin1 else None
        if area is not None:
            country = country or area.country

        def acceptable(row: _Row) -> bool:
            return self._acceptable_place(row, key, area, country)

        rows = [r for r in self._place_rows(key) if acceptable(r)]
        home = [r for r in rows if country is None or r.country == country]
        if home:
            return max(home, key=_Row.score)
        return self._transliterated_match(name, country, area is not None, acceptable) \
            or self._across_the_border(rows, country)

    def _across_the_border(self, rows: list[_Row], country: str | None) -> _Row | None:
        """A town across the border, never one across the world."""
        if country is not None:
            rows = [r for r in rows if r.country in self._neighbours.get(country, ())]
        return max(rows, key=_Row.score) if rows else None

    def _acceptable_place(self, row: _Row, key: str, area: _Row | None, country: str | None) -> bool:
        """A town inside the province the text gives (if any), and not a province's own name."""
        if area is not None and (row.country != area.country or row.admin1 != area.name):
            return False
        return self._not_an_area_name(key, row, country)

    def _transliterated_match(self, name: str, country: str | None, in_province: bool,
                              acceptable: Callable[[_Row], bool]) -> _Row | None:
        """Consonant skeletons absorb the many Latin spellings of Arabic names ("Hajine" ~ "Hajin"); where
        names are written in Latin script at home ("Boungou" in Burkina Faso), a skeleton match is another
        village ("Bingo"), so there it needs the province the text gives."""
        if country is None or not (in_province or country in TRANSLITERATED_COUNTRIES):
            return None
        skel = skeleton(name)
        if not skel:
            return None
        near = [r for r in self._query(
            f"SELECT {_COLUMNS}, 1 FROM place_skel s JOIN entity e ON e.id = s.entity_id "
            "WHERE s.country = ? AND s.key = ?", (country, skel)) if acceptable(r)]
        return max(near, key=_Row.score) if near else None

    def _place_rows(self, key: str) -> list[_Row]:
        return self._query(
            f"SELECT {_COLUMNS}, k.tier FROM place_key k JOIN entity e ON e.id = k.entity_id WHERE k.key = ?",
            (key,))

    def _not_an_area_name(self, key: str, row: _Row, country: str | None) -> bool:
        for area, _tier in self._area_keys.get(key, ()):
            # A curated village may share a foreign country's alias ("Mann", a Central African town).
            if area.kind == "country" and not row.curated and not (
                    row.country == area.country and self._capital.get(area.country or "") == name_key(row.name)):
                return False
            # With no country asked, the focus countries' provinces ("Nord", "Sahel", "Centre") count too.
            scope = (country, row.country) if country else (row.country, *geo_build.FOCUS_COUNTRIES)
            if area.kind == "admin1" and area.country in scope and not (
                    row.country == area.country and row.admin1 == area.name):
                return False
        return True


def _area_query_keys(name: str) -> list[str]:
    """The name's key, then without a French article, then without "province de" and the like."""
    key = name_key(name)
    keys = [key, strip_french_lead(key)]
    words = keys[-1].split()
    if len(words) > 1 and words[0] in _AREA_WORDS:
        keys.append(strip_french_lead(" ".join(words[1:])))
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


_default: Gazetteer | None = None
_default_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer at the default path, loaded once."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Gazetteer.load()
        return _default


def alpha3(alpha2: str) -> str | None:
    """ISO alpha-2 -> alpha-3 using the default gazetteer ("SY" -> "SYR")."""
    return default_gazetteer().alpha3(alpha2)
