"""Loading many rows into a SQLite store at once: how `fracas bench --store N` builds a large store.

The rows are the ones ingest writes (built by `RowValues` of store/rows.py, usually in worker processes:
`fracas.evaluate.synthetic_store.fill_bulk`); only the way they go in differs:

- one transaction per batch (thousands of reports) instead of one per dispatch;
- the LSH rows of a batch in key order, so consecutive inserts fall on the same b-tree pages;
- while loading, no rollback journal, no fsync and a 2 GB page cache (BULK_CACHE_KIB): the store is a
  scratch file being built, so a crash during the load loses it (build it again); the journal goes
  back to WAL at the end, as every store has it;
- at the end, each FTS5 index is optimized (its segments merged into one). Without that, the
  hundreds of segments a load leaves are merged later by the ingests that follow, which then write
  far more pages than they would in a store that grew by ingest (9.3 against 4.0 WAL pages per
  dispatch, measured at 30,000 events).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from fracas.store.rows import INSERT_BUCKET, INSERT_DISPATCH, UPSERT_EVENT, UPSERT_LINK, DispatchRow
from fracas.store.sqlite import SQLiteStore

BULK_CACHE_KIB = 2_000_000  # SQLite's page cache while loading (a negative cache_size is in KiB)
_FTS_TABLES = ("dispatch_fts", "event_fts")


@dataclass
class RowBatch:
    """Rows of one transaction: dispatch rows, event rows (EVENT_COLUMNS order), link rows (LINK_COLUMNS
    order). A link's dispatch is in this batch or already stored."""

    dispatches: list[DispatchRow] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    links: list[tuple[Any, ...]] = field(default_factory=list)


def bulk_load(store: SQLiteStore, batches: Iterable[RowBatch], *,
              progress: Callable[[RowBatch], None] | None = None) -> int:
    """Insert every batch (one transaction each) and optimize the text indexes; return the number of
    dispatches written (a dispatch whose text or id is already stored is skipped, as ingest skips it)."""
    written = 0
    with _loading(store):
        for batch in batches:
            with store.transaction():
                written += _insert(store, batch)
            if progress is not None:
                progress(batch)
        for table in _FTS_TABLES:
            store._execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
    return written


def _insert(store: SQLiteStore, batch: RowBatch) -> int:
    buckets: list[tuple[int, int]] = []
    texts: list[tuple[int, str]] = []
    for row in batch.dispatches:
        inserted = store._one(INSERT_DISPATCH, row.values)
        if inserted is not None:
            buckets += [(bucket, inserted[0]) for bucket in row.buckets]
            texts.append((inserted[0], row.text))
    buckets.sort()
    store._executemany(INSERT_BUCKET, buckets)
    store._executemany("INSERT INTO dispatch_fts (rowid, text) VALUES (?, ?)", texts)
    store._executemany(f"{UPSERT_EVENT}, updated_at = {store._now}", batch.events)
    store._executemany(UPSERT_LINK, batch.links)
    return len(texts)


@contextmanager
def _loading(store: SQLiteStore) -> Iterator[None]:
    store._execute("PRAGMA journal_mode = OFF")
    store._execute("PRAGMA synchronous = OFF")
    store._execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        store._execute("PRAGMA cache_size = -2000")  # SQLite's default, as the store opens with
        store._execute("PRAGMA journal_mode = WAL")
        store._execute("PRAGMA synchronous = NORMAL")
