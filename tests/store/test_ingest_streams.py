"""`ingest` and `fracas ingest` read their input as they store it, never collecting it first.

Checked without timing: the input is a generator that fails as soon as it is asked for a dispatch
while too many of those it already gave are not yet in the store (a list() of the input, or any
unbounded read-ahead, trips it at once).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from store_fakes import FakePipeline, numbered_dispatches
from typer.testing import CliRunner

from fracas.interfaces import cli_store
from fracas.interfaces.cli import app
from fracas.model import Dispatch, Rejection
from fracas.store import EventStore, open_store
from fracas.store.ingest import ingest

COUNT = 40


def read_ahead_guarded(items: list[Dispatch | Rejection], stored: Callable[[], int], *,
                       limit: int) -> Iterator[Dispatch | Rejection]:
    """`items` one at a time; an AssertionError when more than `limit` dispatches given are not stored."""
    given = 0
    for item in items:
        ahead = given - stored()
        if ahead > limit:
            raise AssertionError(f"asked for item {given + 1} with {ahead} dispatches read and not yet stored")
        given += isinstance(item, Dispatch)
        yield item


def test_ingest_stores_each_dispatch_before_it_reads_far_ahead(store: EventStore) -> None:
    items = [*numbered_dispatches(COUNT), Rejection("late.jsonl", "not JSON", 3)]
    summary = ingest(store, read_ahead_guarded(items, lambda: store.counts().dispatches, limit=1), FakePipeline())
    assert summary.line() == ("dispatches: 40 read, 40 new, 0 duplicate, 0 near-duplicate, 0 irrelevant; "
                              "events: 46 new, 8 merged; rejections: 1")


def test_a_generator_that_refuses_to_be_read_ahead_trips_a_collecting_ingest(store: EventStore) -> None:
    guarded = read_ahead_guarded(numbered_dispatches(COUNT), lambda: store.counts().dispatches, limit=1)
    with pytest.raises(AssertionError, match="asked for item 3 with 2 dispatches read and not yet stored"):
        ingest(store, list(guarded), FakePipeline())


def test_the_ingest_command_streams_its_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fracas.ingest

    db = str(tmp_path / "s.db")
    with open_store(db):
        pass  # created, so that the guard can count what the command has stored so far

    def stored() -> int:
        with open_store(db) as reader:
            return reader.counts().dispatches

    def read_inputs(paths: list[str], published: object = None) -> Iterator[Dispatch | Rejection]:
        assert paths == ["wire.jsonl"]
        return read_ahead_guarded(numbered_dispatches(COUNT), stored, limit=2)

    monkeypatch.setattr(fracas.ingest, "read_inputs", read_inputs)
    monkeypatch.setattr(cli_store, "_load_pipeline", FakePipeline)
    result = CliRunner().invoke(app, ["ingest", "wire.jsonl", "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == ("dispatches: 40 read, 40 new, 0 duplicate, 0 near-duplicate, "
                                              "0 irrelevant; events: 46 new, 8 merged; rejections: 0")
