"""kill -9 in the middle of an ingest leaves no half-written dispatch, and re-running completes it.

A real subprocess (crash_ingest.py: the store ingest with a fake, fast extractor) is killed with
SIGKILL; the store is then checked for consistency, the ingest re-run, and the result compared with
a clean, uninterrupted ingest of the same dispatches into another store.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from store_fakes import FakePipeline, numbered_dispatches

from fracas.store import EventStore, open_store
from fracas.store.ingest import ingest
from fracas.store.lsh import LSH_BANDS
from fracas.store.sqlite import SQLiteStore

SCRIPT = Path(__file__).with_name("crash_ingest.py")
COUNT = 80


def _start(url: str, *options: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(SCRIPT), url, str(COUNT), *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def _kill_when(process: subprocess.Popen[str], line: str) -> list[str]:
    """Read the child's output until `line`, then SIGKILL it; return what it printed."""
    seen = []
    assert process.stdout is not None
    for out in process.stdout:
        seen.append(out.strip())
        if out.strip() == line:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, (seen[-3:], process.stderr.read() if process.stderr else "")
    return seen


def _problems(store: EventStore) -> list[str]:
    """Every way the store could be half-written, as messages (empty when consistent)."""
    problems = store.integrity_problems() if isinstance(store, SQLiteStore) else []
    rows = store._all("SELECT event_id, dispatch_id FROM event_dispatches")  # type: ignore[attr-defined]
    links: dict[str, set[str]] = {}
    for event_id, dispatch_id in rows:
        links.setdefault(event_id, set()).add(dispatch_id)
    linked_dispatches = {d for ds in links.values() for d in ds}
    dispatch_ids = {row[0] for row in store._all("SELECT id FROM dispatches")}  # type: ignore[attr-defined]
    # The fake extractor finds at least one event in every dispatch: a dispatch without links is half-written.
    problems += [f"dispatch {d} has no event" for d in sorted(dispatch_ids - linked_dispatches)]
    for event in store.events():
        if set(event.dispatch_ids) != links.get(event.event_id, set()):
            problems.append(f"event {event.event_id}: dispatch_ids {event.dispatch_ids} != links {links.get(event.event_id)}")
    buckets = store._all(  # type: ignore[attr-defined]
        "SELECT d.id, count(b.bucket) FROM dispatches d LEFT JOIN lsh_buckets b ON b.dispatch_seq = d.seq GROUP BY d.id"
    )
    problems += [f"dispatch {d} has {n} LSH buckets" for d, n in buckets if n != LSH_BANDS]
    return problems


def _snapshot(store: EventStore) -> tuple:
    return store.counts(), [event.to_dict() for event in store.events()]


def _clean_run(url: str) -> tuple:
    with open_store(url) as store:
        ingest(store, numbered_dispatches(COUNT), FakePipeline())
        return _snapshot(store)


def _rerun(url: str) -> None:
    process = _start(url)
    out, err = process.communicate()
    assert process.returncode == 0, err
    assert out.strip().endswith("done")


def test_kill_inside_a_dispatch_transaction(new_store_url):
    url = new_store_url()
    printed = _kill_when(_start(url, "--pause-in", "45"), "paused")
    assert printed[-2:] == ["committed 45", "paused"]  # dispatches 0-44 committed, 45 half-way when killed
    with open_store(url) as store:
        assert _problems(store) == []
        assert store.counts().dispatches == 45
        assert store.get_dispatch(numbered_dispatches(COUNT)[45].id) is None
        assert _snapshot(store) == _clean_prefix(new_store_url(), 45)
    _rerun(url)
    with open_store(url) as store:
        assert _problems(store) == []
        assert _snapshot(store) == _clean_run(new_store_url())


def test_kill_at_an_arbitrary_moment(new_store_url):
    url = new_store_url()
    printed = _kill_when(_start(url, "--slow"), "committed 25")
    assert "done" not in printed
    with open_store(url) as store:
        assert _problems(store) == []
        assert 25 <= store.counts().dispatches < COUNT
    _rerun(url)
    with open_store(url) as store:
        assert _problems(store) == []
        assert _snapshot(store) == _clean_run(new_store_url())


def _clean_prefix(url: str, count: int) -> tuple:
    with open_store(url) as store:
        ingest(store, numbered_dispatches(COUNT)[:count], FakePipeline())
        return _snapshot(store)
