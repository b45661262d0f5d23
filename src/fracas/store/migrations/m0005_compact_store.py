"""A compact store that stays fast at a million events.

Near-duplicate index
    dispatches.signature holds the MinHash signature packed as 128 unsigned 32-bit big-endian
    integers (512 bytes; datasketch's affine32 values fit in 32 bits) instead of a JSON list
    (about 1.4 KB). dispatch_bands (32 bands, one row per band keyed by the dispatch's text id, with
    two indexes) is replaced by lsh_buckets: 20 bands, one 64-bit key per band (the band number and
    its values hashed together) and the dispatch's integer seq, in a single clustered b-tree
    (WITHOUT ROWID in SQLite), so a dispatch costs 20 short rows instead of 32 long ones in three
    b-trees. (See store/lsh.py for the recall of 20 bands of 4.)
Dedupe candidates
    events get location_precision and geonames_id columns and the index
    (sub_event_type, country, date_precision, event_date): candidates are looked up by one tight
    date range per precision and filtered by place in SQL (same GeoNames id, same admin1/admin2,
    or a box around the coordinates), so the rows read per incoming event do not grow with the years
    the store covers.
Listings
    indexes (country, event_date, event_id), (sub_event_type, ...), (event_type, ...) serve each
    filter in listing order, so a page is read without sorting every match.
Notes search (SQLite)
    event_fts indexes events.notes as an external-content FTS5 table kept by triggers, instead of
    holding a second copy of every note.

Existing rows are converted: BACKFILL packs the signatures (SQLite) and fills lsh_buckets;
PostgreSQL converts the signature column with a SQL function.
"""

from __future__ import annotations

from typing import Any

VERSION = 5
NAME = "compact_store"

_FTS_TOKENIZER = "tokenize = 'unicode61 remove_diacritics 2'"

_LISTING_INDEXES = (
    "CREATE INDEX events_country_date ON events (country, event_date, event_id)",
    "CREATE INDEX events_sub_type_date ON events (sub_event_type, event_date, event_id)",
    "CREATE INDEX events_type_date ON events (event_type, event_date, event_id)",
    "DROP INDEX events_type",
    "DROP INDEX events_candidates",
    "CREATE INDEX events_candidates ON events (sub_event_type, country, date_precision, event_date)",
)

SQLITE: tuple[str, ...] = (
    """CREATE TABLE lsh_buckets (
        bucket INTEGER NOT NULL,
        dispatch_seq INTEGER NOT NULL REFERENCES dispatches (seq),
        PRIMARY KEY (bucket, dispatch_seq)
    ) WITHOUT ROWID""",
    "DROP TABLE dispatch_bands",
    "ALTER TABLE events ADD COLUMN location_precision TEXT",
    "ALTER TABLE events ADD COLUMN geonames_id INTEGER",
    "UPDATE events SET location_precision = json_extract(record, '$.location.precision'),"
    " geonames_id = json_extract(record, '$.location.geonames_id')",
    *_LISTING_INDEXES,
    "DROP TABLE event_fts",
    f"CREATE VIRTUAL TABLE event_fts USING fts5(notes, content = 'events', content_rowid = 'seq', {_FTS_TOKENIZER})",
    "INSERT INTO event_fts (event_fts) VALUES ('rebuild')",
    """CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO event_fts (rowid, notes) VALUES (new.seq, new.notes);
    END""",
    """CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        INSERT INTO event_fts (event_fts, rowid, notes) VALUES ('delete', old.seq, old.notes);
    END""",
    """CREATE TRIGGER events_fts_update AFTER UPDATE OF notes ON events BEGIN
        INSERT INTO event_fts (event_fts, rowid, notes) VALUES ('delete', old.seq, old.notes);
        INSERT INTO event_fts (rowid, notes) VALUES (new.seq, new.notes);
    END""",
)

POSTGRES: tuple[str, ...] = (
    """CREATE TABLE lsh_buckets (
        bucket BIGINT NOT NULL,
        dispatch_seq BIGINT NOT NULL REFERENCES dispatches (seq),
        PRIMARY KEY (bucket, dispatch_seq)
    )""",
    "DROP TABLE dispatch_bands",
    # Each value as 4 big-endian bytes (the low half of its 8-byte int8send), in list order.
    """CREATE FUNCTION pg_temp.fracas_pack_signature(sig jsonb) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
        SELECT string_agg(substring(int8send(value::bigint) FROM 5 FOR 4), ''::bytea ORDER BY position)
        FROM jsonb_array_elements_text(sig) WITH ORDINALITY AS item(value, position) $$""",
    "ALTER TABLE dispatches ALTER COLUMN signature TYPE BYTEA USING pg_temp.fracas_pack_signature(signature)",
    "ALTER TABLE events ADD COLUMN location_precision TEXT",
    "ALTER TABLE events ADD COLUMN geonames_id BIGINT",
    "UPDATE events SET location_precision = record->'location'->>'precision',"
    " geonames_id = (record->'location'->>'geonames_id')::bigint",
    *_LISTING_INDEXES,
)


def BACKFILL(store: Any) -> None:  # noqa: N802 - the name the migration runner looks for
    """Pack the stored signatures (SQLite kept JSON text) and index them in lsh_buckets."""
    from fracas.store.lsh import lsh_buckets, pack_signature, unpack_signature

    last = 0
    while True:
        rows = store._all(
            "SELECT seq, signature FROM dispatches WHERE seq > ? AND signature IS NOT NULL ORDER BY seq LIMIT 1000",
            (last,),
        )
        if not rows:
            return
        for seq, stored in rows:
            sig = unpack_signature(stored)
            if store.dialect == "sqlite":
                store._execute("UPDATE dispatches SET signature = ? WHERE seq = ?", (pack_signature(sig), seq))
            store._executemany(
                "INSERT INTO lsh_buckets (bucket, dispatch_seq) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(bucket, seq) for bucket in lsh_buckets(sig)],
            )
        last = rows[-1][0]
