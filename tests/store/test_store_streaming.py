"""Listings and exports stream from the store: batches of rows, row groups, table pages (SQLite and PostgreSQL).

Constant memory is checked by construction, never by timing or by measuring memory: every query
`events()` makes returns at most `batch_size` rows, Parquet is written one row group per batch, and a
table is printed in pages. The streamed exports are byte for byte what the writers give on the whole
list of events read at once, as before streaming.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from store_fakes import FakePipeline, marker, numbered_dispatches

from fracas.errors import UsageError
from fracas.export import FORMATS, export, write_parquet, write_table
from fracas.model import Dispatch, Event
from fracas.store import EventFilter, open_store
from fracas.store.ingest import ingest
from fracas.store.packing import unpack_record

BINARY_FORMATS = ("parquet",)
FILE_FORMATS = tuple(fmt for fmt in FORMATS if fmt != "table")


def _dated(day: str, place: str, country: str, lat: float) -> Dispatch:
    text = f"Le {day}, des affrontements ont eu lieu à {place}. " + marker(
        sub="Armed clash", date=day, place=place, admin1=place, country=country, lat=lat, lon=-2.0
    )
    return Dispatch(id=Dispatch.make_id(text), text=text, origin=f"dated:{day}")


@pytest.fixture
def filled(store):
    """A store of 26 events read from 23 dispatches (4 reports merged): 23 on 2015-10-07 (so their
    order rests on event_id), one the day before, two in Mali in 2016."""
    extra = [_dated("2016-01-02", "Mopti", "ML", 14.5), _dated("2015-10-06", "Homs", "SY", 34.7),
             _dated("2016-01-02", "Gao", "ML", 16.3)]
    ingest(store, numbered_dispatches(20) + extra, FakePipeline())
    return store


def _read_all_at_once(store) -> list[Event]:
    """The events as `events()` read them before streaming: one query, every row fetched."""
    rows = store._execute("SELECT record, notes FROM events ORDER BY event_date, event_id").fetchall()
    return [Event.from_dict(unpack_record(row[0], row[1])) for row in rows]


def _exported(events, fmt: str, tmp_path: Path, name: str) -> bytes:
    path = tmp_path / f"{name}.{fmt}"
    export(events, fmt, path)  # type: ignore[arg-type]
    return path.read_bytes()


@pytest.mark.parametrize("fmt", FILE_FORMATS)
def test_streamed_exports_equal_the_whole_list_export_byte_for_byte(filled, fmt, tmp_path):
    whole = _exported(_read_all_at_once(filled), fmt, tmp_path, "whole")
    streamed = _exported(filled.events(batch_size=2), fmt, tmp_path, "streamed")
    assert streamed == whole
    assert filled.counts().events == 26


def test_every_query_of_a_listing_returns_at_most_one_batch(filled, monkeypatch):
    fetched: list[int] = []
    read_rows = filled._all

    def counting(sql, params=None):
        rows = read_rows(sql, params)
        fetched.append(len(rows))
        return rows

    monkeypatch.setattr(filled, "_all", counting)
    events = list(filled.events(batch_size=5))
    # 26 events: five full batches, then the last one (which ends the listing).
    assert (fetched, len(events)) == ([5, 5, 5, 5, 5, 1], 26)
    fetched.clear()
    list(filled.events(EventFilter(limit=12), batch_size=5))
    assert fetched == [5, 5, 2]
    fetched.clear()
    list(filled.events(batch_size=26))
    assert fetched == [26, 0]


@pytest.mark.parametrize("batch_size", [1, 2, 3, 7])
def test_listing_in_batches_gives_the_same_events_as_one_query(filled, batch_size):
    cases = [
        EventFilter(),
        EventFilter(country="SY", since=dt.date(2015, 10, 7)),
        EventFilter(country="ML"),
        EventFilter(until=dt.date(2015, 10, 7), limit=5),
        EventFilter(search="Hameau3"),
        EventFilter(actor="russia", limit=9),
        EventFilter(limit=0),
        EventFilter(offset=20),
        EventFilter(offset=4, limit=6),
    ]
    everything = _read_all_at_once(filled)
    for case in cases:
        one_query = list(filled.events(case, batch_size=1000))
        assert list(filled.events(case, batch_size=batch_size)) == one_query, case
    assert list(filled.events(EventFilter(offset=4, limit=6), batch_size=batch_size)) == everything[4:10]
    assert list(filled.events(EventFilter(offset=20), batch_size=batch_size)) == everything[20:]


def test_a_batch_size_below_one_is_refused(filled):
    with pytest.raises(UsageError, match="batch_size must be 1 or more, not 0"):
        list(filled.events(batch_size=0))


def test_parquet_is_written_one_row_group_per_batch(filled, tmp_path):
    path = tmp_path / "events.parquet"
    assert write_parquet(filled.events(batch_size=4), path, row_group_size=10) == 26
    metadata = pq.ParquetFile(path).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [10, 10, 6]
    one_group = tmp_path / "one.parquet"
    write_parquet(_read_all_at_once(filled), one_group)
    assert pq.read_table(path).to_pylist() == pq.read_table(one_group).to_pylist()


def test_a_table_is_printed_in_pages(filled):
    events = _read_all_at_once(filled)[:5]
    paged = io.StringIO()
    assert write_table(events, paged, page_rows=2) == 5
    pages = [io.StringIO(), io.StringIO(), io.StringIO()]
    for out, chunk in zip(pages, (events[:2], events[2:4], events[4:])):
        write_table(chunk, out)
    assert paged.getvalue() == "".join(out.getvalue() for out in pages)
    empty = io.StringIO()
    assert write_table([], empty, page_rows=2) == 0
    assert empty.getvalue().count("actor1") == 1  # an empty listing still shows its header


def test_a_filter_page_asks_for_one_event_more_than_it_shows():
    base = EventFilter(country="SY")
    assert base.page(1, 50) == EventFilter(country="SY", offset=0, limit=51)
    assert base.page(3, 10) == EventFilter(country="SY", offset=20, limit=11)
    # A limit ends the listing: page 2 of 10 within the first 15 events is events 11-15, no more.
    assert EventFilter(limit=15).page(2, 10) == EventFilter(offset=10, limit=5)
    assert EventFilter(limit=15).page(3, 10) == EventFilter(offset=20, limit=0)
    with pytest.raises(UsageError, match="page 0 of size 10: both must be 1 or more"):
        base.page(0, 10)


def test_jsonl_lines_are_the_stored_records(filled, tmp_path):
    lines = _exported(filled.events(batch_size=3), "jsonl", tmp_path, "records").decode("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [event.to_dict() for event in _read_all_at_once(filled)]


def test_a_search_listing_read_in_date_order_gives_the_events_read_through_the_matches(tmp_path, monkeypatch):
    """SQLite lists a search with many matches by reading the date index in order (store/sqlite.py); the
    threshold is lowered here so that the small store takes that path, and each listing must give the
    events the path through the matches gives, whatever the batch, limit, offset or other filter."""
    import fracas.store.sqlite as sqlite_backend

    with open_store(str(tmp_path / "store.db")) as store:
        extra = [_dated("2016-01-02", "Mopti", "ML", 14.5), _dated("2015-10-06", "Homs", "SY", 34.7)]
        ingest(store, numbered_dispatches(20) + extra, FakePipeline())
        cases = [
            EventFilter(search="frappes"),  # dispatch text: 23 of the 25 events
            EventFilter(search="affrontements"),  # dispatch text, the two dated events
            EventFilter(search="Hameau3"),  # notes and dispatch text
            EventFilter(search="absent"),
            EventFilter(search="frappes", country="SY", limit=5),
            EventFilter(search="frappes", offset=3, limit=4),
            EventFilter(search="affrontements", since=dt.date(2016, 1, 1)),
        ]

        def listings() -> list[list[str]]:
            return [[e.event_id for e in store.events(case, batch_size=batch)] for case in cases for batch in (2, 1000)]

        listed: dict[str, list[list[str]]] = {}
        for path, threshold in (("through the matches", 10**9), ("in date order", 0)):
            monkeypatch.setattr(sqlite_backend, "SEARCH_MATCHES_FOR_ORDERED_SCAN", threshold)
            listed[path] = listings()
        # The condition before the ordered listing (one join of links and dispatches) as the reference.
        monkeypatch.setattr(store, "_listing_search_condition", lambda words: (
            "(e.seq IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?) OR e.event_id IN (SELECT l.event_id"
            " FROM event_dispatches l JOIN dispatches d ON d.id = l.dispatch_id WHERE d.seq IN"
            " (SELECT rowid FROM dispatch_fts WHERE dispatch_fts MATCH ?)))", [" ".join(f'"{word}"' for word in words)] * 2))
        listed["joined"] = listings()
        assert listed["in date order"] == listed["through the matches"] == listed["joined"]
        # The matching dispatches' ids come from the (seq, id) index (m0008), not from their rows.
        monkeypatch.undo()
        condition, params = store._listing_search_condition(["frappes"])
        plan = [row[3] for row in store._all(f"EXPLAIN QUERY PLAN SELECT e.event_id FROM events e WHERE {condition}", params)]
        assert "SEARCH d USING COVERING INDEX dispatches_seq_id (seq=?)" in plan
        assert [len(ids) for ids in listed["in date order"][::2]] == [23, 2, 2, 0, 5, 4, 1]
