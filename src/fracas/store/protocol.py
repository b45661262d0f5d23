"""What every event store offers, and the small records it returns.

`EventStore` is the one interface; `SQLiteStore` (the default) and `PostgresStore` implement it over the
same tables, and the same contract tests run against both.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import Protocol, runtime_checkable

from fracas.errors import UsageError
from fracas.model import EVENT_TYPE_OF_SUB_TYPE, EVENT_TYPES, Dispatch, Event, Evidence, Rejection


def content_hash(text: str) -> str:
    """The key that makes ingest idempotent: the same text is the same dispatch, whatever its id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class EventFilter:
    """Which events to list; every field left None does not filter.

    country   ISO 3166-1 alpha-2 of the event's location (`SY`), case-insensitive.
    admin1    the admin1 name exactly as stored (`Hama`, `Idleb`).
    since, until  first and last event_date included.
    event_type, sub_event_type  ACLED names, exactly.
    actor     a case-insensitive substring of actor1's or actor2's name.
    search    words that must all occur in one dispatch's text, or all in the event's notes
              (accents and case folded; see the backends for stemming).
    limit     at most this many events, in the order of `events()` (date, then event_id).
    offset    skip this many matching events first (a page of a listing: offset = (page - 1) * size).
    """

    country: str | None = None
    admin1: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    search: str | None = None
    limit: int | None = None
    offset: int | None = None

    def __post_init__(self) -> None:
        if self.country is not None and (len(self.country) != 2 or not self.country.isalpha()):
            raise UsageError(f"country {self.country!r} is not an ISO 3166-1 alpha-2 code; give e.g. SY or ML")
        if self.event_type is not None and self.event_type not in EVENT_TYPES:
            raise UsageError(
                f"unknown event type {self.event_type!r}; use one of: {', '.join(EVENT_TYPES)}"
            )
        if self.sub_event_type is not None and self.sub_event_type not in EVENT_TYPE_OF_SUB_TYPE:
            raise UsageError(
                f"unknown sub-event type {self.sub_event_type!r}; use one of: {', '.join(EVENT_TYPE_OF_SUB_TYPE)}"
            )
        if self.since is not None and self.until is not None and self.since > self.until:
            raise UsageError(f"since ({self.since}) is after until ({self.until}); swap them")
        for name, count in (("limit", self.limit), ("offset", self.offset)):
            if count is not None and count < 0:
                raise UsageError(f"{name} must be 0 or more, not {count}")

    def page(self, number: int, size: int) -> EventFilter:
        """Page `number` (from 1) of `size` events of this listing; a `limit` still ends the listing.

        The page asks for one event more than it shows (`limit = size + 1`), so a caller can tell
        whether a next page exists without counting the whole listing.
        """
        if number < 1 or size < 1:
            raise UsageError(f"page {number} of size {size}: both must be 1 or more")
        offset = (self.offset or 0) + (number - 1) * size
        end = offset + size + 1
        if self.limit is not None:
            end = min(end, (self.offset or 0) + self.limit)
        return replace(self, offset=offset, limit=max(0, end - offset))


@dataclass(frozen=True)
class StoredDispatch:
    """A dispatch as the store keeps it, with what the store learnt about it."""

    dispatch: Dispatch
    content_hash: str
    near_duplicate_of: str | None
    ingested_at: str


@dataclass(frozen=True)
class MergeRecord:
    """Why one dispatch is linked to an event.

    `reasons` is empty for the dispatch the event was first read from; otherwise it holds the
    sentences of the dedupe decision that merged this dispatch's report into the event.
    `near_duplicate_of` is set when the dispatch republishes that stored dispatch: its report was
    merged without adding its sources (it is not an independent source).
    """

    dispatch_id: str
    reasons: tuple[str, ...]
    distance_km: float | None
    near_duplicate_of: str | None
    evidence: tuple[Evidence, ...]
    linked_at: str


@dataclass(frozen=True)
class StoreCounts:
    dispatches: int
    near_duplicates: int
    events: int
    links: int
    rejections: int


@runtime_checkable
class EventStore(Protocol):
    """Dispatches, the events read from them, the links between them, and rejected input.

    Writes made inside `transaction()` are all kept or all lost (ingest uses one per dispatch);
    a write outside one is its own transaction.
    """

    url: str

    def migrate(self) -> list[int]:
        """Apply the migrations not yet applied; return their versions."""
        ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...

    def __enter__(self) -> EventStore: ...

    def __exit__(self, *exc: object) -> None: ...

    def transaction(self) -> AbstractContextManager[None]: ...

    def has_dispatch(self, content_hash: str) -> bool: ...

    def get_dispatch(self, dispatch_id: str) -> StoredDispatch | None: ...

    def add_dispatch(
        self,
        dispatch: Dispatch,
        *,
        signature: Sequence[int] = (),
        near_duplicate_of: str | None = None,
    ) -> bool:
        """Store a dispatch; False (and nothing written) when its text or its id is already stored."""
        ...

    def near_duplicate_candidates(self, signature: Sequence[int]) -> list[tuple[str, tuple[int, ...]]]:
        """Stored dispatches sharing at least two MinHash LSH bands with `signature` that may be at
        least NEAR_DUPLICATE_THRESHOLD similar to it (store/lsh.py): (id, signature)."""
        ...

    def add_rejection(self, rejection: Rejection) -> None:
        """Record unreadable input; recording the same (origin, line, reason) again does nothing."""
        ...

    def rejections(self) -> list[Rejection]: ...

    def clear_rejections(self, origin: str, line: int | None) -> None:
        """Forget the rejections of input now read successfully (same origin and line)."""
        ...

    def upsert_event(self, event: Event) -> None:
        """Insert the event, or replace the stored event with the same event_id."""
        ...

    def link(
        self,
        event_id: str,
        dispatch_id: str,
        *,
        evidence: Sequence[Evidence] = (),
        reasons: Sequence[str] = (),
        distance_km: float | None = None,
    ) -> None:
        """Record that `dispatch_id` reports `event_id` (and why, when it was merged)."""
        ...

    def events(self, filters: EventFilter | None = None, *, batch_size: int = ...) -> Iterator[Event]:
        """Matching events by date then event_id, streamed: at most `batch_size` records are held at once."""
        ...

    def search(self, text: str, *, limit: int | None = None) -> Iterator[Event]: ...

    def get_event(self, event_id: str) -> Event | None: ...

    def dispatches_of(self, event_id: str) -> list[StoredDispatch]: ...

    def merge_log(self, event_id: str) -> list[MergeRecord]: ...

    def candidates_for(self, event: Event) -> Iterable[Event]:
        """Stored events that may report `event` again: same sub-event type and country, and dates
        within a day of each other (for week/month/year precision: periods within a day of overlapping)."""
        ...

    def counts(self) -> StoreCounts: ...
