"""Reading gold files: JSON Lines of dispatches with the event records a coder would produce.

The format is documented in tests/gold/README.md. A gold event gives only the fields it asserts; a
field left out is not scored, and `null` asserts "the text gives none". Reading is strict, because a
typo in a gold file ("fatalites") would otherwise silently drop that field from the score: every
problem raises GoldFileError naming the file, the line and what to change.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from fracas.errors import GoldFileError, UsageError
from fracas.model import (
    EVENT_TYPE_OF_SUB_TYPE,
    EVENT_TYPES,
    ActorKind,
    Confidence,
    DatePrecision,
    Dispatch,
    GeoPrecision,
    PublicationDate,
    SourceKind,
)

# Keys a gold event may carry: the contract's fields minus those only fracas can produce (ids, evidence).
EVENT_KEYS = frozenset(
    {
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "assoc_actors",
        "location",
        "event_date",
        "date_precision",
        "fatalities",
        "fatalities_low",
        "fatalities_high",
        "civilian_fatalities",
        "wounded",
        "sources",
        "confidence",
        "notes",
    }
)
DISPATCH_KEYS = frozenset({"id", "text", "published", "outlet", "url", "context_tolls", "events"})
PLACE_KEYS = frozenset(
    {"name", "admin1", "admin2", "country", "lat", "lon", "geonames_id", "precision", "text"}
)
COUNT_KEYS = ("fatalities", "fatalities_low", "fatalities_high", "civilian_fatalities", "wounded")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_ISO3_RE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class GoldPlace:
    """Where a gold event happened; `None` fields were not given (or given as null)."""

    name: str | None
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None

    @property
    def is_country_level(self) -> bool:
        if self.precision is not None:
            return self.precision == "country"
        return self.admin1 is None and self.lat is None and self.country is not None


@dataclass(frozen=True)
class GoldEvent:
    """One hand-coded event. `asserted` names the fields the gold line gives, which are the ones scored."""

    event_type: str
    location: GoldPlace
    asserted: frozenset[str]
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    event_date: str | None = None
    fatalities: int | None = None
    civilian_fatalities: int | None = None
    source_kinds: frozenset[str] = frozenset()
    # (kind, ISO3 country or None) when the gold actor gives both keys; scored beside the names.
    actor1_kind_country: tuple[str, str | None] | None = None
    actor2_kind_country: tuple[str, str | None] | None = None

    def summary(self) -> dict[str, Any]:
        """A short description for miss reports."""
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "place": self.location.name or self.location.admin1 or self.location.country,
            "fatalities": self.fatalities,
        }


@dataclass(frozen=True)
class GoldDispatch:
    id: str
    text: str
    published: PublicationDate | None
    outlet: str | None
    url: str | None
    context_tolls: tuple[int, ...]
    events: tuple[GoldEvent, ...]
    origin: str  # "file:line", for messages

    def to_dispatch(self) -> Dispatch:
        return Dispatch(
            id=self.id,
            text=self.text,
            published=self.published,
            outlet=self.outlet,
            url=self.url,
            origin=self.origin,
        )


def read_gold(path: str | Path) -> tuple[GoldDispatch, ...]:
    """Read and check a whole gold file; raise GoldFileError at the first problem."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise GoldFileError(f"{path}: no such gold file; give the path of a JSON Lines gold file") from err
    except UnicodeDecodeError as err:
        raise GoldFileError(f"{path}: not UTF-8 ({err}); save the gold file as UTF-8") from err
    dispatches: list[GoldDispatch] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        dispatch = _read_line(line, where)
        if dispatch.id in seen:
            raise GoldFileError(
                f"{where}: dispatch id {dispatch.id!r} already used on line {seen[dispatch.id]}; "
                "ids must be unique"
            )
        seen[dispatch.id] = number
        dispatches.append(dispatch)
    if not dispatches:
        raise GoldFileError(f"{path}: the gold file holds no dispatch; write one JSON object per line")
    return tuple(dispatches)


def _read_line(line: str, where: str) -> GoldDispatch:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise GoldFileError(f"{where}: not valid JSON ({err.msg} at column {err.colno})") from err
    if not isinstance(data, dict):
        raise GoldFileError(f"{where}: a gold line must be a JSON object, not {type(data).__name__}")
    return read_gold_record(data, where)


def read_gold_record(data: dict[str, Any], where: str) -> GoldDispatch:
    """Check one gold dispatch given as a decoded object (a gold line, or a real-text index line joined
    with its cached text); `where` names it in messages."""
    _no_unknown_keys(data, DISPATCH_KEYS, where, "dispatch")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GoldFileError(f'{where}: missing or empty "text"; every gold line needs the dispatch text')
    dispatch_id = data.get("id", Dispatch.make_id(text))
    if not isinstance(dispatch_id, str) or not dispatch_id:
        raise GoldFileError(f'{where}: "id" must be a non-empty string')
    published = _read_published(data.get("published"), where)
    for key in ("outlet", "url"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise GoldFileError(f'{where}: "{key}" must be a string or null')
    tolls = data.get("context_tolls", [])
    if not isinstance(tolls, list) or not all(_is_count(t) for t in tolls):
        raise GoldFileError(f'{where}: "context_tolls" must be a list of non-negative integers')
    events = data.get("events")
    if not isinstance(events, list):
        raise GoldFileError(
            f'{where}: missing "events" list; write "events": [] when nothing in the dispatch is an event'
        )
    gold_events = tuple(_read_event(e, f"{where}: event {i + 1}") for i, e in enumerate(events))
    _no_toll_is_also_context(events, tolls, where)
    return GoldDispatch(
        id=dispatch_id,
        text=text,
        published=published,
        outlet=data.get("outlet"),
        url=data.get("url"),
        context_tolls=tuple(tolls),
        events=gold_events,
        origin=where,
    )


def _read_published(value: Any, where: str) -> PublicationDate | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise GoldFileError(f'{where}: "published" must be a string such as "2015-10-07"')
    try:
        return PublicationDate.parse(value)
    except UsageError as err:
        raise GoldFileError(f"{where}: {err}") from err


def _no_toll_is_also_context(events: list[dict[str, Any]], tolls: list[int], where: str) -> None:
    # A toll that is both context and an event's count makes the gold contradict itself.
    for i, event in enumerate(events):
        for key in COUNT_KEYS[:4]:
            if event.get(key) is not None and event[key] in tolls:
                raise GoldFileError(
                    f"{where}: event {i + 1} has {key}={event[key]}, which is also listed in context_tolls; "
                    "a figure is either context or an event's toll, not both"
                )


def _read_event(data: Any, where: str) -> GoldEvent:
    if not isinstance(data, dict):
        raise GoldFileError(f"{where}: must be a JSON object")
    _no_unknown_keys(data, EVENT_KEYS, where, "event")
    sub_type = data.get("sub_event_type")
    event_type = _event_type(data, sub_type, where)
    if "actor1" in data and data["actor1"] is None:
        raise GoldFileError(
            f"{where}: actor1 cannot be null (every event has an actor); leave it out instead"
        )
    for key in COUNT_KEYS:
        if data.get(key) is not None and not _is_count(data[key]):
            raise GoldFileError(f"{where}: {key} must be a non-negative integer or null, not {data[key]!r}")
    event_date = data.get("event_date")
    if "event_date" in data:
        _check_date(event_date, where)
    _check_enum(data, "date_precision", get_args(DatePrecision), where)
    _check_enum(data, "confidence", get_args(Confidence), where)
    return GoldEvent(
        event_type=event_type,
        location=_read_place(data.get("location"), where),
        asserted=frozenset(data) | _asserted_place_fields(data.get("location")),
        sub_event_type=sub_type,
        actor1=_actor_name(data.get("actor1"), "actor1", where),
        actor2=_actor_name(data.get("actor2"), "actor2", where),
        event_date=event_date,
        fatalities=data.get("fatalities"),
        civilian_fatalities=data.get("civilian_fatalities"),
        source_kinds=_source_kinds(data.get("sources", []), where),
        actor1_kind_country=_actor_kind_country(data.get("actor1"), "actor1", where),
        actor2_kind_country=_actor_kind_country(data.get("actor2"), "actor2", where),
    )


def _event_type(data: dict[str, Any], sub_type: Any, where: str) -> str:
    """The event type given, or implied by the sub-type; both checked against ACLED's vocabulary."""
    if "sub_event_type" in data and sub_type not in EVENT_TYPE_OF_SUB_TYPE:
        raise GoldFileError(
            f"{where}: unknown sub_event_type {sub_type!r}; use one of: {', '.join(EVENT_TYPE_OF_SUB_TYPE)}"
        )
    event_type = data.get("event_type")
    if event_type is None and sub_type is not None:
        event_type = EVENT_TYPE_OF_SUB_TYPE[sub_type]
    if event_type not in EVENT_TYPES:
        raise GoldFileError(
            f"{where}: missing or unknown event_type {event_type!r} (events are matched on it); "
            f"use one of: {', '.join(EVENT_TYPES)}"
        )
    if sub_type is not None and EVENT_TYPE_OF_SUB_TYPE[sub_type] != event_type:
        raise GoldFileError(
            f"{where}: sub_event_type {sub_type!r} belongs to {EVENT_TYPE_OF_SUB_TYPE[sub_type]!r}, "
            f"not to event_type {event_type!r}"
        )
    return str(event_type)


def _read_place(data: Any, where: str) -> GoldPlace:
    if not isinstance(data, dict):
        raise GoldFileError(
            f'{where}: missing "location" object (events are matched on their place); '
            'give at least admin1 and country, e.g. {"admin1": "Hama", "country": "SY"}'
        )
    _no_unknown_keys(data, PLACE_KEYS, where, "location")
    for key in ("name", "admin1", "text"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise GoldFileError(f"{where}: location.{key} must be a string or null")
    country = data.get("country")
    if country is not None and (not isinstance(country, str) or not _COUNTRY_RE.match(country)):
        raise GoldFileError(
            f'{where}: location.country {country!r} must be an ISO 3166-1 alpha-2 code like "SY"'
        )
    lat, lon = _coordinates(data, where)
    _check_enum(data, "precision", get_args(GeoPrecision), f"{where}: location")
    if data.get("admin1") is None and lat is None and country is None:
        raise GoldFileError(f"{where}: location needs admin1, lat/lon or country to be matched")
    return GoldPlace(
        name=data.get("name"),
        admin1=data.get("admin1"),
        country=country,
        lat=lat,
        lon=lon,
        precision=data.get("precision"),
    )


def _coordinates(data: dict[str, Any], where: str) -> tuple[float | None, float | None]:
    lat, lon = data.get("lat"), data.get("lon")
    if (lat is None) != (lon is None):
        raise GoldFileError(f"{where}: location gives only one of lat/lon; give both or neither")
    if lat is None:
        return None, None
    if not (_is_number(lat) and _is_number(lon) and -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180):
        raise GoldFileError(f"{where}: location lat/lon must be numbers in degrees, got {lat!r}, {lon!r}")
    return float(lat), float(lon)


def _asserted_place_fields(data: Any) -> frozenset[str]:
    return frozenset(f"location.{key}" for key in data) if isinstance(data, dict) else frozenset()


def _actor_name(value: Any, key: str, where: str) -> str | None:
    # A bare string is accepted as shorthand for {"name": ...}: user gold files often only name actors.
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    raise GoldFileError(f'{where}: {key} must be null, a name, or an object with a "name" string')


def _actor_kind_country(value: Any, key: str, where: str) -> tuple[str, str | None] | None:
    if not isinstance(value, dict) or "kind" not in value:
        return None
    kinds = get_args(ActorKind)
    if value["kind"] not in kinds:
        raise GoldFileError(f"{where}: {key}.kind {value['kind']!r} is not one of: {', '.join(kinds)}")
    if "country" not in value:
        raise GoldFileError(
            f'{where}: {key} gives a kind but no "country"; add the ISO3 country, or null when it has none'
        )
    country = value["country"]
    if country is not None and (not isinstance(country, str) or not _ISO3_RE.match(country)):
        raise GoldFileError(f'{where}: {key}.country {country!r} must be an ISO3 code like "MLI" or null')
    return value["kind"], country


def _source_kinds(value: Any, where: str) -> frozenset[str]:
    kinds = get_args(SourceKind)
    if not isinstance(value, list):
        raise GoldFileError(f'{where}: sources must be a list of {{"kind": ..., "name": ...}} objects')
    for source in value:
        if not isinstance(source, dict) or source.get("kind") not in kinds:
            raise GoldFileError(
                f"{where}: every source needs a kind among: {', '.join(kinds)}; got {source!r}"
            )
    return frozenset(source["kind"] for source in value)


def _check_date(value: Any, where: str) -> None:
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise GoldFileError(f'{where}: event_date must be "YYYY-MM-DD", not {value!r}')
    try:
        dt.date.fromisoformat(value)
    except ValueError as err:
        raise GoldFileError(f"{where}: event_date {value!r} is not a real date ({err})") from err


def _check_enum(data: dict[str, Any], key: str, allowed: tuple[str, ...], where: str) -> None:
    if key in data and data[key] not in allowed:
        raise GoldFileError(f"{where}: {key} {data[key]!r} is not one of: {', '.join(allowed)}")


def _no_unknown_keys(data: dict[str, Any], allowed: frozenset[str], where: str, what: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise GoldFileError(
            f"{where}: unknown {what} key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}"
        )


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
