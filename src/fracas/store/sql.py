"""The store logic both SQL backends share; the backends supply the connection and dialect details.

Queries are written once with `?` placeholders (the PostgreSQL store rewrites them to `%s`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from fracas.dedupe.minhash import NEAR_DUPLICATE_THRESHOLD
from fracas.dedupe.minhash import signature as signature_of
from fracas.errors import StoreError, UsageError
from fracas.model import Dispatch, Event, Evidence, PublicationDate, Rejection, Relevance
from fracas.store.candidates import candidate_query
from fracas.store.lsh import LSH_MIN_SHARED, lsh_buckets, near_duplicate_sketches, unpack_signature
from fracas.store.packing import unpack_record, unpack_spans, unpack_text
from fracas.store.migrations import BOOTSTRAP, LATEST_VERSION, MIGRATIONS, Dialect
from fracas.store.reviews import ReviewTables
from fracas.store.feed_state import FeedStateMixin
from fracas.store.protocol import EventFilter, MergeRecord, StoreCounts, StoredDispatch
from fracas.store.rows import INSERT_BUCKET, INSERT_DISPATCH, UPSERT_EVENT, UPSERT_LINK, RowValues

# Events read per query by `events()`: the export's memory is bounded by one batch of records.
EVENT_BATCH = 1000

_WORD_RE = re.compile(r"\w+")

_DISPATCH_COLUMNS = (
    "d.id, d.content_hash, d.text, d.published, d.published_precision, d.outlet, d.url, d.origin, "
    "d.near_duplicate_of, d.ingested_at, d.relevance, d.relevance_by, d.relevance_reason, d.relevance_cues"
)


def search_words(text: str) -> list[str]:
    words = _WORD_RE.findall(text)
    if not words:
        raise UsageError(f"search text {text!r} has no words to look for; give one or more words")
    return words


class SQLStore(RowValues, ReviewTables, FeedStateMixin, ABC):
    """EventStore over a DB-API connection; subclasses fill in the dialect hooks below and how values are
    stored (RowValues: store/rows.py)."""

    dialect: Dialect
    url: str
    _like = "LIKE"
    _now = "CURRENT_TIMESTAMP"

    # -- dialect hooks -------------------------------------------------------------------------
    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """Run one statement; return the cursor. Driver errors become StoreError."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside are committed together or not at all; nested calls join the outer one."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _search_condition(self, words: list[str]) -> tuple[str, list[Any]]:
        """SQL condition on events `e` true when the words occur in its notes or one of its dispatches."""

    def _listing_search_condition(self, words: list[str]) -> tuple[str, list[Any]]:
        """The same condition, for a listing read in (event_date, event_id) order up to a page."""
        return self._search_condition(words)

    def _lock_for_migration(self) -> None:
        """Keep two processes from migrating at once (SQLite's BEGIN IMMEDIATE already does)."""

    def _unjson(self, value: Any) -> Any:
        return json.loads(value) if isinstance(value, (str, bytes)) else value

    def _after_dispatch_insert(self, seq: int, text: str) -> None:
        """Index the new dispatch's text (SQLite FTS); nothing when the database does it itself."""

    # -- lifecycle -----------------------------------------------------------------------------
    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> list[int]:
        with self.transaction():
            self._lock_for_migration()
            self._execute(BOOTSTRAP[self.dialect])
        applied = []
        for migration in MIGRATIONS:
            with self.transaction():
                self._lock_for_migration()
                if self._one("SELECT 1 FROM schema_migrations WHERE version = ?", (migration.version,)):
                    continue
                for statement in migration.statements(self.dialect):
                    self._execute(statement)
                if migration.backfill is not None:
                    migration.backfill(self)
                self._execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (migration.version, migration.name)
                )
            applied.append(migration.version)
        version = self.schema_version()
        if version > LATEST_VERSION:
            raise StoreError(
                f"{self.url} has schema version {version}, newer than this fracas knows ({LATEST_VERSION}); "
                "upgrade fracas to use this database"
            )
        return applied

    def schema_version(self) -> int:
        row = self._one("SELECT max(version) FROM schema_migrations")
        return int(row[0]) if row and row[0] is not None else 0

    # -- dispatches ----------------------------------------------------------------------------
    def has_dispatch(self, content_hash: str) -> bool:
        return self._one("SELECT 1 FROM dispatches WHERE content_hash = ?", (self._hash_value(content_hash),)) is not None

    def get_dispatch(self, dispatch_id: str) -> StoredDispatch | None:
        row = self._one(f"SELECT {_DISPATCH_COLUMNS} FROM dispatches d WHERE d.id = ?", (dispatch_id,))
        return self._stored_dispatch(row) if row else None

    def add_dispatch(
        self, dispatch: Dispatch, *, signature: Sequence[int] = (), near_duplicate_of: str | None = None
    ) -> bool:
        row = self.dispatch_row(dispatch, signature, near_duplicate_of)
        with self.transaction():
            inserted = self._one(INSERT_DISPATCH, row.values)
            if inserted is None:
                return False
            if row.buckets:
                self._executemany(INSERT_BUCKET, [(bucket, inserted[0]) for bucket in row.buckets])
            self._after_dispatch_insert(inserted[0], dispatch.text)
        return True

    def near_duplicate_candidates(
        self, signature: Sequence[int], *, threshold: float = NEAR_DUPLICATE_THRESHOLD
    ) -> list[tuple[str, tuple[int, ...]]]:
        buckets = lsh_buckets(signature)
        if not buckets:
            return []
        # Only dispatches sharing LSH_MIN_SHARED bands are read (the ones sharing a single band are nearly
        # all unrelated texts with a few common phrases), and only those whose stored sketch may reach
        # `threshold` are given back, with their signature computed again from their text (store/lsh.py).
        rows = self._all(
            "SELECT d.id, d.signature, d.text FROM dispatches d WHERE d.seq IN (SELECT dispatch_seq FROM lsh_buckets"
            f" WHERE bucket IN ({', '.join('?' * len(buckets))}) GROUP BY dispatch_seq HAVING count(*) >= ?)"
            " ORDER BY d.id",
            [*buckets, min(LSH_MIN_SHARED, len(buckets))],
        )
        rows = [row for row in rows if row[1] is not None]
        kept = near_duplicate_sketches(signature, [row[1] for row in rows], threshold)
        return [(row[0], _stored_signature(row[1], row[2], len(signature))) for row, keep in zip(rows, kept) if keep]

    def dispatches_of(self, event_id: str) -> list[StoredDispatch]:
        rows = self._all(
            f"SELECT {_DISPATCH_COLUMNS} FROM event_dispatches l JOIN dispatches d ON d.id = l.dispatch_id"
            " WHERE l.event_id = ? ORDER BY d.seq",
            (event_id,),
        )
        return [self._stored_dispatch(row) for row in rows]

    # -- rejections ----------------------------------------------------------------------------
    def add_rejection(self, rejection: Rejection) -> None:
        with self.transaction():
            self._execute(
                "INSERT INTO rejections (origin, line, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (rejection.origin, rejection.line, rejection.reason),
            )

    def clear_rejections(self, origin: str, line: int | None) -> None:
        with self.transaction():
            self._execute("DELETE FROM rejections WHERE origin = ? AND coalesce(line, -1) = ?",
                          (origin, -1 if line is None else line))

    def rejections(self) -> list[Rejection]:
        rows = self._all("SELECT origin, reason, line FROM rejections ORDER BY id")
        return [Rejection(origin=row[0], reason=row[1], line=row[2]) for row in rows]

    # -- events --------------------------------------------------------------------------------
    def upsert_event(self, event: Event) -> None:
        with self.transaction():
            # SQLite's notes index follows through triggers (m0005_compact_store); PostgreSQL's is generated.
            self._execute(f"{UPSERT_EVENT}, updated_at = {self._now}", self.event_row(event))

    def link(
        self,
        event_id: str,
        dispatch_id: str,
        *,
        evidence: Sequence[Evidence] = (),
        reasons: Sequence[str] = (),
        distance_km: float | None = None,
    ) -> None:
        with self.transaction():
            self._execute(UPSERT_LINK, self.link_row(event_id, dispatch_id, evidence=evidence, reasons=reasons,
                                                     distance_km=distance_km))

    def get_event(self, event_id: str) -> Event | None:
        row = self._one("SELECT record, notes FROM events WHERE event_id = ?", (event_id,))
        return Event.from_dict(unpack_record(row[0], row[1])) if row else None

    def events(self, filters: EventFilter | None = None, *, batch_size: int = EVENT_BATCH) -> Iterator[Event]:
        """The events matching `filters`, by date then event_id, read `batch_size` rows per query.

        Each batch is its own query resuming after the last (event_date, event_id) read (keyset
        pagination), so memory stays constant whatever the store's size and no read stays open
        between batches (an ingest may write meanwhile; each batch sees the store as it then is).
        """
        if batch_size < 1:
            raise UsageError(f"batch_size must be 1 or more, not {batch_size}")
        f = filters or EventFilter()
        where, params = self._filter_conditions(f, listing=True)
        remaining = f.limit
        offset = f.offset or 0
        after: tuple[Any, str] | None = None
        while remaining is None or remaining > 0:
            size = batch_size if remaining is None else min(batch_size, remaining)
            conditions = where + (["(e.event_date, e.event_id) > (?, ?)"] if after is not None else [])
            sql = "SELECT e.event_date, e.event_id, e.record, e.notes FROM events e"
            if conditions:
                sql += " WHERE " + " AND ".join(conditions)
            sql += " ORDER BY e.event_date, e.event_id LIMIT ? OFFSET ?"
            rows = self._all(sql, [*params, *(after or ()), size, offset])
            for row in rows:
                yield Event.from_dict(unpack_record(row[2], row[3]))
            if len(rows) < size:
                return
            after, offset = (rows[-1][0], rows[-1][1]), 0
            if remaining is not None:
                remaining -= len(rows)

    def _filter_conditions(self, f: EventFilter, *, listing: bool = False) -> tuple[list[str], list[Any]]:
        """SQL conditions on events `e` (joined by AND) and their parameters, for the filter's fields
        (`listing`: for `events()`, read in listing order a page at a time)."""
        where: list[str] = []
        params: list[Any] = []
        for column, value in (
            ("country", f.country.upper() if f.country else None), ("admin1", f.admin1),
            ("event_type", f.event_type), ("sub_event_type", f.sub_event_type),
        ):
            if value is not None:
                where.append(f"e.{column} = ?")
                params.append(value)
        if f.since is not None:
            where.append("e.event_date >= ?")
            params.append(self._date(f.since))
        if f.until is not None:
            where.append("e.event_date <= ?")
            params.append(self._date(f.until))
        if f.actor:
            pattern = "%" + f.actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(f"(e.actor1 {self._like} ? ESCAPE '\\' OR e.actor2 {self._like} ? ESCAPE '\\')")
            params += [pattern, pattern]
        if f.search is not None:
            words = search_words(f.search)
            condition, search_params = self._listing_search_condition(words) if listing else self._search_condition(words)
            where.append(condition)
            params += search_params
        return where, params

    def event_counts(
        self, filters: EventFilter | None = None
    ) -> tuple[list[tuple[str, str, int]], list[tuple[str | None, int]], list[str]]:
        """For counting without reading records, over the matching events that no analyst reviewed:
        (event_date, event_type, count) and (admin1, count), grouped in SQL; and the ids of the
        matching reviewed events (to be counted by their reviewed values)."""
        where, params = self._filter_conditions(filters or EventFilter())
        reviewed = "EXISTS (SELECT 1 FROM event_reviews r WHERE r.event_id = e.event_id)"
        unreviewed = " WHERE " + " AND ".join([*where, f"NOT {reviewed}"])
        by_day = self._all(f"SELECT e.event_date, e.event_type, count(*) FROM events e{unreviewed}"
                           " GROUP BY e.event_date, e.event_type", params)
        by_admin1 = self._all(f"SELECT e.admin1, count(*) FROM events e{unreviewed} GROUP BY e.admin1", params)
        ids = self._all("SELECT e.event_id FROM events e WHERE " + " AND ".join([*where, reviewed]), params)
        return ([(str(row[0]), row[1], int(row[2])) for row in by_day], [(row[0], int(row[1])) for row in by_admin1],
                [row[0] for row in ids])

    def search(self, text: str, *, limit: int | None = None) -> Iterator[Event]:
        return self.events(EventFilter(search=text, limit=limit))

    def candidates_for(self, event: Event) -> list[Event]:
        sql, params = candidate_query(event, self._date)
        return [Event.from_dict(unpack_record(row[1], row[2])) for row in self._all(sql, params)]

    def merge_log(self, event_id: str) -> list[MergeRecord]:
        rows = self._all(
            "SELECT l.dispatch_id, l.reasons, l.distance_km, d.near_duplicate_of, l.evidence, l.linked_at"
            " FROM event_dispatches l JOIN dispatches d ON d.id = l.dispatch_id WHERE l.event_id = ? ORDER BY d.seq",
            (event_id,),
        )
        return [
            MergeRecord(
                dispatch_id=row[0],
                reasons=tuple(self._unjson(row[1])),
                distance_km=row[2],
                near_duplicate_of=row[3],
                evidence=tuple(_evidence(span, row[0]) for span in self._stored_spans(row[4])),
                linked_at=_timestamp(row[5]),
            )
            for row in rows
        ]

    def counts(self) -> StoreCounts:
        row = self._one(
            "SELECT (SELECT count(*) FROM dispatches),"
            " (SELECT count(*) FROM dispatches WHERE near_duplicate_of IS NOT NULL),"
            " (SELECT count(*) FROM events), (SELECT count(*) FROM event_dispatches),"
            " (SELECT count(*) FROM rejections)"
        )
        return StoreCounts(*(int(value) for value in row))

    # -- helpers -------------------------------------------------------------------------------
    def _one(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        return self._execute(sql, params).fetchone()

    def _all(self, sql: str, params: Sequence[Any] | None = None) -> list[Any]:
        return list(self._execute(sql, params).fetchall())

    def _stored_relevance(self, row: Sequence[Any]) -> Relevance | None:
        if row[10] is None:
            return None
        extra = self._unjson(row[13]) or {}
        return Relevance(row[10], row[11], row[12], tuple(extra.get("cues", ())), tuple(extra.get("dropped", ())))

    def _stored_spans(self, stored: Any) -> list[Any]:
        if isinstance(stored, (bytes, memoryview)):
            return [list(span) for span in unpack_spans(stored)]
        return list(self._unjson(stored))

    def _stored_dispatch(self, row: Sequence[Any]) -> StoredDispatch:
        published = None
        if row[3] is not None:
            value = row[3] if isinstance(row[3], dt.date) else dt.date.fromisoformat(row[3])
            published = PublicationDate(value, row[4])
        dispatch = Dispatch(
            id=row[0], text=unpack_text(row[2]), published=published, outlet=row[5], url=row[6], origin=row[7],
            relevance=self._stored_relevance(row),
        )
        return StoredDispatch(
            dispatch=dispatch, content_hash=row[1] if isinstance(row[1], str) else bytes(row[1]).hex(),
            near_duplicate_of=row[8], ingested_at=_timestamp(row[9]),
        )


def _timestamp(value: Any) -> str:
    """ISO 8601 in UTC whichever backend stored it."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return str(value)


def _stored_signature(stored: Any, text: Any, values: int) -> tuple[int, ...]:
    """A candidate's whole signature: stored whole (before m0007), else computed again from its text."""
    if len(bytes(stored)) == values * 4:
        return unpack_signature(stored)
    return signature_of(unpack_text(text))


def _evidence(span: list[Any] | dict[str, Any], dispatch_id: str) -> Evidence:
    """A stored span back (links written before schema 6 keep whole objects)."""
    if isinstance(span, dict):
        return Evidence(**span)
    field, start, end = span
    return Evidence(field, dispatch_id, start, end)
