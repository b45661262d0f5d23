"""The typed records that travel between stages.

`Event.to_dict()` is the record contract of ../shared/docs/event-record.md: every interface
(CLI, store, exports) serialises events through it and reads them back with `Event.from_dict()`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, is_dataclass, replace
from typing import Any, Literal

from fracas.errors import UsageError

DatePrecision = Literal["day", "week", "month", "year"]
GeoPrecision = Literal["place", "admin2", "admin1", "country"]
Confidence = Literal["confirmed", "fair", "weak", "contested"]
ActorKind = Literal[
    "state_forces", "rebel_group", "political_militia", "identity_militia",
    "rioters", "protesters", "civilians", "external_other",
]
SourceKind = Literal[
    "ngo", "un_agency", "government", "state_media", "armed_group", "media",
    "witness", "local_official", "unknown",
]

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
EVENT_TYPE_OF_SUB_TYPE: dict[str, str] = {
    sub: event_type for event_type, subs in EVENT_TYPES.items() for sub in subs
}

EARLIEST_PUBLICATION_YEAR = 1900  # news older than this is not a dispatch; far dates overflow date arithmetic
_PUBLISHED_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PublicationDate:
    """A dispatch's publication date, as precise as it was given (`2015`, `2015-10`, `2015-10-07`)."""

    value: dt.date
    precision: Literal["day", "month", "year"]

    @classmethod
    def parse(cls, text: str) -> PublicationDate:
        match = _PUBLISHED_RE.match(text.strip())
        if match is None:
            raise UsageError(
                f"publication date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD; give it as e.g. 2015-10-07"
            )
        year, month, day = match.groups()
        try:
            value = dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError as err:
            raise UsageError(f"publication date {text!r} is not a real date ({err})") from err
        precision: Literal["day", "month", "year"] = "day" if day else ("month" if month else "year")
        latest = dt.date.today() + dt.timedelta(days=1)
        if value.year < EARLIEST_PUBLICATION_YEAR or value > latest:
            raise UsageError(
                f"publication date {text!r} is out of range: give a date from {EARLIEST_PUBLICATION_YEAR} "
                f"to tomorrow ({latest.isoformat()})"
            )
        return cls(value, precision)

    def __str__(self) -> str:
        if self.precision == "day":
            return self.value.isoformat()
        if self.precision == "month":
            return self.value.strftime("%Y-%m")
        return str(self.value.year)


Verdict = Literal["relevant", "irrelevant"]
DecidedBy = Literal["text", "sentences"]


@dataclass(frozen=True)
class Relevance:
    """Whether a dispatch reports political violence, a demonstration or a strategic development, and why.

    `decided_by` is `text` when the raw-text scan decided (no parser ran for an irrelevant text) and
    `sentences` when the parsed sentences did; `cues` are the words the verdict rests on, as written;
    `dropped` says which candidate acts the sense and coherence checks dropped, and why.
    """

    verdict: Verdict
    decided_by: DecidedBy
    reason: str
    cues: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "decided_by": self.decided_by, "reason": self.reason,
                "cues": list(self.cues), "dropped": list(self.dropped)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relevance:
        return cls(data["verdict"], data["decided_by"], data["reason"], tuple(data.get("cues") or ()),
                   tuple(data.get("dropped") or ()))


@dataclass(frozen=True)
class Dispatch:
    """One news story: text plus what is known of its publication."""

    id: str
    text: str
    published: PublicationDate | None = None
    outlet: str | None = None
    url: str | None = None
    origin: str = "<text>"  # where it was read from (file name and line), for messages
    # Set by the pipeline: the relevance verdict (not part of what was read, so not compared).
    relevance: Relevance | None = field(default=None, compare=False)
    # The line of the file it was read from (already part of `origin`, so not compared).
    line: int | None = field(default=None, compare=False)

    def rejected(self, reason: str) -> Rejection:
        """A Rejection naming this dispatch's file and line."""
        origin = self.origin
        if self.line is not None:
            origin = origin.removesuffix(f":{self.line}")
        return Rejection(origin=origin, reason=reason, line=self.line)

    @staticmethod
    def make_id(text: str) -> str:
        """A content-derived id: the same text gets the same id on every machine."""
        return "d-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Rejection:
    """Input that could not be read, and why; recorded, never silently skipped."""

    origin: str
    reason: str
    line: int | None = None


@dataclass(frozen=True)
class Actor:
    name: str
    kind: ActorKind
    country: str | None
    text: str | None


@dataclass(frozen=True)
class Place:
    name: str
    admin1: str | None
    admin2: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    precision: GeoPrecision
    text: str | None


@dataclass(frozen=True)
class Source:
    name: str
    kind: SourceKind
    text: str | None


@dataclass(frozen=True)
class Evidence:
    field: str
    dispatch_id: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """One event record, exactly the fields of the contract."""

    event_id: str
    event_date: str
    date_precision: DatePrecision
    event_type: str
    sub_event_type: str
    actor1: Actor
    actor2: Actor | None
    location: Place
    fatalities: int | None
    sources: tuple[Source, ...]
    confidence: Confidence
    evidence: tuple[Evidence, ...]
    dispatch_ids: tuple[str, ...]
    assoc_actors: tuple[Actor, ...] = ()
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    civilian_fatalities: int | None = None
    wounded: int | None = None
    notes: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (lists, not tuples), in the contract's field order."""
        raw = vars(self)
        order = (
            "event_id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1", "actor2",
            "assoc_actors", "location", "fatalities", "fatalities_low", "fatalities_high",
            "civilian_fatalities", "wounded", "sources", "confidence", "notes", "evidence", "dispatch_ids",
        )
        return {key: _listify(raw[key]) for key in order}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        actor2 = data.get("actor2")
        return cls(
            event_id=data["event_id"],
            event_date=data["event_date"],
            date_precision=data["date_precision"],
            event_type=data["event_type"],
            sub_event_type=data["sub_event_type"],
            actor1=Actor(**data["actor1"]),
            actor2=Actor(**actor2) if actor2 else None,
            assoc_actors=tuple(Actor(**a) for a in data.get("assoc_actors") or ()),
            location=Place(**{"admin2": None, "geonames_id": None, **data["location"]}),
            fatalities=data.get("fatalities"),
            fatalities_low=data.get("fatalities_low"),
            fatalities_high=data.get("fatalities_high"),
            civilian_fatalities=data.get("civilian_fatalities"),
            wounded=data.get("wounded"),
            sources=tuple(Source(**s) for s in data.get("sources") or ()),
            confidence=data["confidence"],
            notes=data.get("notes") or "",
            evidence=tuple(Evidence(**e) for e in data.get("evidence") or ()),
            dispatch_ids=tuple(data["dispatch_ids"]),
        )

    def evolve(self, **changes: Any) -> Event:
        return replace(self, **changes)


@dataclass(frozen=True)
class ExtractionResult:
    """What a run over some dispatches produced: events, and the input it could not read."""

    events: tuple[Event, ...] = ()
    rejections: tuple[Rejection, ...] = ()
    dispatches: tuple[Dispatch, ...] = field(default=(), repr=False)


def _listify(value: Any) -> Any:
    """Plain JSON-ready data: records become dicts, tuples lists (faster than dataclasses.asdict, which
    deep-copies every leaf; the records are frozen, so sharing their strings is safe)."""
    if value is None or isinstance(value, (str, int, float)):  # most leaves: answered first
        return value
    if isinstance(value, (list, tuple)):
        return [_listify(v) for v in value]
    if isinstance(value, dict):
        return {k: _listify(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _listify(v) for k, v in vars(value).items()}
    return value
