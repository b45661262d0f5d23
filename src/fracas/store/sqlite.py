"""The default store: one SQLite file (WAL journal, foreign keys on, FTS5 for text search)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fracas.errors import StoreError
from fracas.store.rows import PackedRowValues
from fracas.store.sql import SQLStore

# How long a writer waits for another process's transaction before giving up (SQLite busy timeout).
BUSY_TIMEOUT_SECONDS = 30.0
PAGE_BYTES = 4096  # the page size of a new store (see __init__)
CHECKPOINT_PAGES = 10_000  # WAL pages between automatic checkpoints (40 MB of 4 KB pages; see __init__)
# From this many text-index matches of a search, events are listed by reading the date (or filter) index
# in order instead of through the matches. Measured at 1 M events (warm): a whole scan of the date index
# testing the match lists takes 0.15 s, and reading events through the matches about 10 us a match, so
# beyond some 15,000 matches even a scan that finds its page at the very end is no slower.
SEARCH_MATCHES_FOR_ORDERED_SCAN = 10_000


class SQLiteStore(PackedRowValues, SQLStore):
    """An EventStore in a SQLite file (`:memory:` for a private in-memory database).

    Text search uses FTS5 with `unicode61 remove_diacritics 2`: case and accents are folded
    ("frappe" finds "frappé"), words are not stemmed ("frappe" does not find "frappes").
    """

    dialect = "sqlite"  # values are packed (PackedRowValues: store/rows.py, store/packing.py)
    _now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        if self.path != ":memory:" and not Path(self.path).parent.is_dir():
            raise StoreError(
                f"cannot open the SQLite store {self.path}: the directory {Path(self.path).parent} does not exist"
            )
        try:
            # isolation_level=None: the module opens no transactions of its own; `transaction()` does.
            self._conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
            self._conn.execute("PRAGMA foreign_keys = ON")
            # 4 KB pages (a new database only; an existing one keeps its own). Schema 6 used 16 KB pages,
            # for event rows of 2 KB; packed (m0007) they are about 700 bytes, and a page an ingest
            # dirties costs a quarter of the bytes to write to the WAL and back (2,748 bytes per event
            # with 16 KB pages, 2,855 with 4 KB, in a synthetic store of 20,000).
            self._conn.execute(f"PRAGMA page_size = {PAGE_BYTES}")
            # WAL: readers (fracas events, show) never block an ingest, and a killed writer leaves the
            # database as of its last commit.
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            # The WAL is copied back into the file (a checkpoint: each page once, then fsync) every
            # CHECKPOINT_PAGES pages instead of SQLite's 1,000. In a large store an ingest's index
            # entries fall on random pages, so a checkpoint after ~20 dispatches wrote ~700 distinct pages;
            # after ~200 the pages written more than once (index roots, FTS segments, table ends) are
            # written once, and one fsync serves ten times as many dispatches: the checkpoint's share
            # of a dispatch at 100,000 events went from 2.3 to 1.2 ms.
            self._conn.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the SQLite store {self.path}: {err}; check the path and permissions") from err
        self._depth = 0

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            # Joining the outer transaction: it commits or rolls back everything together.
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        # IMMEDIATE takes the write lock now, so two ingests queue instead of failing on upgrade.
        self._execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self._execute("COMMIT")

    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> sqlite3.Cursor:
        try:
            return self._conn.execute(sql, tuple(params) if params is not None else ())
        except sqlite3.Error as err:
            raise StoreError(f"SQLite store {self.path}: {err} (in: {_first_line(sql)})") from err

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self._conn.executemany(sql, rows)
        except sqlite3.Error as err:
            raise StoreError(f"SQLite store {self.path}: {err} (in: {_first_line(sql)})") from err

    def _search_condition(self, words: list[str]) -> tuple[str, list[Any]]:
        return self._sqlite_search_condition(words, in_listing_order=False)

    def _listing_search_condition(self, words: list[str]) -> tuple[str, list[Any]]:
        return self._sqlite_search_condition(words, in_listing_order=True)

    def _sqlite_search_condition(self, words: list[str], *, in_listing_order: bool) -> tuple[str, list[Any]]:
        # Each word quoted: FTS5 query syntax (AND, NEAR, -, *) in user input is taken literally.
        query = " ".join(f'"{word}"' for word in words)
        # A listing with many matches: the unary `+` keeps SQLite from reading the events through the
        # matches (a few lookups each, then a sort of them all); it reads the listing's index in order,
        # tests each entry against the lists of matching seqs and ids, and stops at the page. Counts read
        # every match either way, and faster through them. The matching dispatches' ids are read from the
        # index (seq, id) (m0008), not from their rows, which SQLite would otherwise look up by seq.
        # Measured at 1 M events, `--search Tillaberi` (44,316 matches), first page of 50: 0.36-0.60 s
        # warm through the matches, 0.13-0.24 s in order with m0008; with the file out of the OS cache,
        # 9.1-11.9 s, then 4.4-5.1 s in order, 0.85-1.6 s with m0008 (README, "Listings").
        scan_in_order = in_listing_order and self._one(
            "SELECT (SELECT count(*) FROM event_fts WHERE event_fts MATCH ?)"
            " + (SELECT count(*) FROM dispatch_fts WHERE dispatch_fts MATCH ?)", (query, query)
        )[0] >= SEARCH_MATCHES_FOR_ORDERED_SCAN
        plus = "+" if scan_in_order else ""
        # A store opened below schema 8 (read before its migration) has no such index.
        seq_ids = self._one("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'dispatches_seq_id'")
        dispatches = "dispatches d INDEXED BY dispatches_seq_id" if seq_ids else "dispatches d"
        return (
            f"({plus}e.seq IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)"
            f" OR {plus}e.event_id IN (SELECT l.event_id FROM event_dispatches l WHERE l.dispatch_id IN"
            f" (SELECT d.id FROM {dispatches} WHERE d.seq IN"
            " (SELECT rowid FROM dispatch_fts WHERE dispatch_fts MATCH ?))))",
            [query, query],
        )

    def _after_dispatch_insert(self, seq: int, text: str) -> None:
        self._execute("INSERT INTO dispatch_fts (rowid, text) VALUES (?, ?)", (seq, text))

    def integrity_problems(self) -> list[str]:
        """What SQLite's own checks find wrong (empty when the file and its indexes are sound)."""
        problems = [row[0] for row in self._all("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [f"foreign key: {tuple(row)}" for row in self._all("PRAGMA foreign_key_check")]
        for table in ("dispatch_fts", "event_fts"):
            try:
                self._execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
            except StoreError as err:
                problems.append(f"{table}: {err}")
        return problems


def _first_line(sql: str) -> str:
    return sql.strip().splitlines()[0][:80]
