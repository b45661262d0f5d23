"""The bulk loader (store/bulk.py, synthetic_store.fill_bulk) writes the rows ingest writes."""

from __future__ import annotations

import sqlite3

import fracas.dedupe
from fracas.evaluate.synthetic_store import fill, fill_bulk, new_report, re_report, report
from fracas.model import Dispatch
from fracas.store import open_store
from fracas.store.ingest import store_dispatch

# Every stored column but the times a row was written at, in the order rows were written.
_TABLES = {
    "dispatches": "SELECT seq, id, content_hash, text, published, published_precision, outlet, url, origin,"
                  " signature, near_duplicate_of, relevance, relevance_by, relevance_reason, relevance_cues"
                  " FROM dispatches ORDER BY seq",
    "events": "SELECT seq, event_id, record, event_date, event_date_end, date_precision, event_type, sub_event_type,"
              " actor1, actor2, country, admin1, admin2, location, latitude, longitude, fatalities, confidence,"
              " notes, location_precision, geonames_id FROM events ORDER BY seq",
    "links": "SELECT event_id, dispatch_id, evidence, reasons, distance_km FROM event_dispatches"
             " ORDER BY event_id, dispatch_id",
    "lsh": "SELECT bucket, dispatch_seq FROM lsh_buckets ORDER BY bucket, dispatch_seq",
    "dispatch words": "SELECT rowid FROM dispatch_fts WHERE dispatch_fts MATCH 'mise' ORDER BY rowid",
    "notes words": "SELECT rowid FROM event_fts WHERE event_fts MATCH 'killed' ORDER BY rowid",
}


def _republished(seed, index):
    """Report `index`'s first dispatch published again with a line added, and its event."""
    original, events = new_report(seed, index)
    text = original.text + " Ce texte a été publié une seconde fois."
    dispatch = Dispatch(id=Dispatch.make_id(text), text=text, origin="synthetic")
    return dispatch, [events[0].evolve(event_id=events[0].event_id + "-again", dispatch_ids=(dispatch.id,), evidence=())]


def _rows(path):
    connection = sqlite3.connect(path)
    try:
        return {name: connection.execute(sql).fetchall() for name, sql in _TABLES.items()}
    finally:
        connection.close()


def test_a_bulk_built_store_holds_the_rows_ingest_writes_and_dedupes_alike(tmp_path):
    ordinary, bulk = str(tmp_path / "ordinary.db"), str(tmp_path / "bulk.db")
    outcomes = []
    for path, build in ((ordinary, lambda s: fill(s, 120, seed=4, chunk=50)),
                        (bulk, lambda s: fill_bulk(s, 120, seed=4, chunk=25, workers=2))):
        with open_store(path) as store:
            written = build(store)
            merged = store_dispatch(store, *re_report(4, 17, salt=1), dedupe=fracas.dedupe)
            fresh = store_dispatch(store, *new_report(4, 5000), dedupe=fracas.dedupe)
            again = store_dispatch(store, *_republished(4, 30), dedupe=fracas.dedupe)
            journal = store._one("PRAGMA journal_mode")[0]
            outcomes.append((written, store.counts(), journal, merged.events_merged, fresh.events_new,
                             again.near_duplicate_of))
            assert store.integrity_problems() == []
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][2:] == ("wal", (new_report(4, 17)[1][0].event_id,), (new_report(4, 5000)[1][0].event_id,),
                               report(4, 30).dispatches[0].dispatch.id)
    assert _rows(ordinary) == _rows(bulk)
    assert all(_rows(bulk).values())  # each table and each search found rows


def test_a_bulk_load_leaves_each_text_index_in_one_segment(tmp_path):
    with open_store(str(tmp_path / "bulk.db")) as store:
        fill_bulk(store, 60, seed=2, chunk=10, workers=2)
        # FTS5 numbers a segment's pages (id) with its segment number above bit 37; ids up to 10 are not pages.
        segments = {table: store._one(f"SELECT count(DISTINCT id >> 37) FROM {table}_data WHERE id > 10")[0]
                    for table in ("dispatch_fts", "event_fts")}
    assert segments == {"dispatch_fts": 1, "event_fts": 1}
