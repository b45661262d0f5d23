"""Packed rows: about 3 KB per event instead of 5 (SQLite), and fewer pages written per dispatch.

Both backends
    events_candidates also holds the columns of the place test (store/candidates.py), so the stored events
    of a candidate date range that are elsewhere are passed over on the index entries: only the rows
    of real candidates are read, however many events a day a large store holds.
    events_place (country, admin1) goes: no plan used it (a country's listing is read in date order
    through events_country_date), which now holds admin1 too, so `--country X --admin1 Y` is tested on
    the index entries; one b-tree fewer to write per event.
    dispatches.signature keeps the signature's sketch, the low byte of each of its 128 values (128
    bytes instead of 512): it drops nearly every LSH candidate without more work, and a candidate
    that may be a near duplicate has its signature computed again from its text (store/lsh.py).
    lsh_buckets keys are 32-bit (the high half of the 64-bit keys): BACKFILL recomputes them from
    the whole signatures before it replaces those by sketches.
SQLite
    events.record     the contract JSON without notes (the row's notes column has them), deflated
                      against a frozen dictionary (store/packing.py): about 330 bytes instead of 1.5 KB.
    dispatches.text   deflated; dispatch_fts becomes a contentless FTS5 index (it no longer reads the
                      text column, which is packed), rebuilt from the texts before they are packed.
    dispatches.content_hash   the 32 bytes of the sha256 instead of 64 hex digits (row and index).
    event_dispatches  a WITHOUT ROWID table (the primary key is the table: one b-tree fewer), evidence
                      spans packed as bytes (a field number and two varints a span).
PostgreSQL
    records stay JSONB and texts stay text (the server compresses large values itself);
    `events --actor` (a part of a name, ILIKE '%...%') is served by trigram GIN indexes on actor1 and
    actor2 when the pg_trgm extension can be created (BACKFILL tries, in a savepoint; without it the
    listing scans as before).

The values written before (JSON text, plain text, hex) are converted by BACKFILL (they would read back
the same if they were not, but lookups by hash and by bucket key need the new forms). SQLite does not give the freed pages back to the file system until
`VACUUM`: an upgraded store keeps its size until then, but grows no more until they are reused.
"""

from __future__ import annotations

from typing import Any

VERSION = 7
NAME = "packed_rows"

_SQLITE_NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"
_FTS_TOKENIZER = "tokenize = 'unicode61 remove_diacritics 2'"

SQLITE: tuple[str, ...] = (
    f"""CREATE TABLE event_dispatches_packed (
        event_id TEXT NOT NULL REFERENCES events (event_id),
        dispatch_id TEXT NOT NULL REFERENCES dispatches (id),
        evidence BLOB NOT NULL,
        reasons TEXT NOT NULL,
        distance_km REAL,
        linked_at TEXT NOT NULL DEFAULT {_SQLITE_NOW},
        PRIMARY KEY (event_id, dispatch_id)
    ) WITHOUT ROWID""",
    "INSERT INTO event_dispatches_packed (event_id, dispatch_id, evidence, reasons, distance_km, linked_at)"
    " SELECT event_id, dispatch_id, evidence, reasons, distance_km, linked_at FROM event_dispatches",
    "DROP TABLE event_dispatches",
    "ALTER TABLE event_dispatches_packed RENAME TO event_dispatches",
    "CREATE INDEX event_dispatches_dispatch ON event_dispatches (dispatch_id)",
    "DROP TABLE dispatch_fts",
    f"CREATE VIRTUAL TABLE dispatch_fts USING fts5(text, content = '', {_FTS_TOKENIZER})",
    "INSERT INTO dispatch_fts (rowid, text) SELECT seq, text FROM dispatches",
    "DELETE FROM lsh_buckets",
)

POSTGRES: tuple[str, ...] = (
    "TRUNCATE lsh_buckets",
    "ALTER TABLE lsh_buckets ALTER COLUMN bucket TYPE INTEGER",
)

_INDEXES = (
    "DROP INDEX events_place",
    "DROP INDEX events_country_date",
    "CREATE INDEX events_country_date ON events (country, event_date, event_id, admin1)",
    "DROP INDEX events_candidates",
    "CREATE INDEX events_candidates ON events (sub_event_type, country, date_precision, event_date, event_date_end,"
    " location_precision, geonames_id, admin1, admin2, latitude, longitude)",
)
SQLITE += _INDEXES
POSTGRES += _INDEXES

_BATCH = 1000


def BACKFILL(store: Any) -> None:  # noqa: N802 - the name the migration runner looks for
    """Sketches and 32-bit LSH keys (both backends); packed records, texts, hashes and spans (SQLite)."""
    _dispatches(store)
    if store.dialect == "sqlite":
        _records(store)
        _links(store)
    else:
        _actor_indexes(store)


def _dispatches(store: Any) -> None:
    from fracas.store.lsh import lsh_buckets, sketch, unpack_signature
    from fracas.store.packing import pack_text

    last = 0
    while rows := store._all("SELECT seq, signature, text, content_hash FROM dispatches WHERE seq > ?"
                             " ORDER BY seq LIMIT ?", (last, _BATCH)):
        for seq, stored, text, key in rows:
            sig = unpack_signature(stored) if stored is not None else ()
            store._executemany("INSERT INTO lsh_buckets (bucket, dispatch_seq) VALUES (?, ?) ON CONFLICT DO NOTHING",
                               [(bucket, seq) for bucket in lsh_buckets(sig)])
            packed_sig = sketch(sig) if stored is not None else None
            if store.dialect == "sqlite":
                store._execute("UPDATE dispatches SET signature = ?, text = ?, content_hash = ? WHERE seq = ?",
                               (packed_sig, pack_text(text), bytes.fromhex(key), seq))
            else:
                store._execute("UPDATE dispatches SET signature = ? WHERE seq = ?", (packed_sig, seq))
        last = rows[-1][0]


def _records(store: Any) -> None:
    import json

    from fracas.store.packing import pack_record

    last = 0
    while rows := store._all("SELECT seq, record FROM events WHERE seq > ? ORDER BY seq LIMIT ?", (last, _BATCH)):
        store._executemany("UPDATE events SET record = ? WHERE seq = ?",
                           [(pack_record(json.loads(record)), seq) for seq, record in rows])
        last = rows[-1][0]


def _links(store: Any) -> None:
    import json

    after = ("", "")
    while rows := store._all(
        "SELECT event_id, dispatch_id, evidence FROM event_dispatches WHERE (event_id, dispatch_id) > (?, ?)"
        " ORDER BY event_id, dispatch_id LIMIT ?", (*after, _BATCH),
    ):
        store._executemany("UPDATE event_dispatches SET evidence = ? WHERE event_id = ? AND dispatch_id = ?",
                           [(store._pack_spans(json.loads(evidence)), event_id, dispatch_id)
                            for event_id, dispatch_id, evidence in rows])
        after = (rows[-1][0], rows[-1][1])


def _actor_indexes(store: Any) -> None:
    from fracas.errors import StoreError

    try:
        with store.transaction():  # a savepoint: its failure leaves the migration whole
            store._execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            store._execute("CREATE INDEX events_actor1_trgm ON events USING gin (actor1 gin_trgm_ops)")
            store._execute("CREATE INDEX events_actor2_trgm ON events USING gin (actor2 gin_trgm_ops)")
    except StoreError:
        return  # no pg_trgm here (or no right to create it): actor listings scan, as before
