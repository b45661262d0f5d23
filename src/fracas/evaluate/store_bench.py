"""`fracas bench --store N`: build a synthetic store of N events, then measure what grows with a store.

Printed: bytes per event (the SQLite file, or PostgreSQL's tables and indexes), the store-side cost of
ingesting a dispatch (dedupe and writes, the NLP excluded: it does not depend on the store) on the N
store against an empty one, the end-to-end cost of `fracas ingest` per dispatch (the NLP included, on
the gold dispatches: store_ingest_bench.py) on both, when a pipeline is given, the time of the first page of filtered `events` listings, and the time
and peak memory (VmHWM of a fresh process) of each export format. Timings are the machine's, never
test material.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import fracas.dedupe
from fracas.evaluate.bench import bundled_dispatches
from fracas.evaluate.store_ingest_bench import EndToEnd, time_end_to_end
from fracas.evaluate.synthetic_store import fill, fill_bulk, new_report, re_report
from fracas.store import EventFilter, EventStore, open_store
from fracas.store.ingest import Extractor, store_dispatch
from fracas.store.sqlite import SQLiteStore

SEED = 1
INCOMING = 200  # new dispatches timed per store (the same work on both: candidates looked up, rows written)
# New dispatches whose WAL pages are counted (untimed): few enough that no automatic checkpoint
# (every 10,000 pages) falls among them, so the WAL holds every page they wrote.
COUNTED = 40
PAGE = 50
EXPORT_FORMATS = ("acled-csv", "geojson", "parquet", "jsonl")
QUERIES: dict[str, EventFilter] = {
    "--country ML": EventFilter(country="ML"),
    "--country SY --since 2024-01-01": EventFilter(country="SY", since=__import__("datetime").date(2024, 1, 1)),
    "--type Air/drone strike": EventFilter(sub_event_type="Air/drone strike"),
    "--actor Wagner": EventFilter(actor="Wagner"),
    "--actor Islamic State --country NG": EventFilter(actor="Islamic State", country="NG"),
    "--search Tillaberi": EventFilter(search="Tillaberi"),
}
_EXPORT_CODE = """
import json, sys, time
from fracas.evaluate.memory import own_high_water_mb
from fracas.export import export
from fracas.store import open_store
start = time.perf_counter()
with open_store(sys.argv[1]) as store:
    count = export(store.events(), sys.argv[2], sys.argv[3])
print(json.dumps({"events": count, "seconds": time.perf_counter() - start, "peak_mb": own_high_water_mb()}))
"""


@dataclass
class StoreBench:
    events: int
    dispatches: int
    build_s: float
    bytes_per_event: float
    ingest_empty_ms: float
    ingest_full_ms: float
    ingest_empty_cpu_ms: float  # the process's CPU time (user + system): what other loads on the machine
    ingest_full_cpu_ms: float   # do not change, where the wall time above does
    pages_in_use: int = 0  # SQLite: the file's pages less its free list (0 for PostgreSQL)
    page_bytes: int = 0
    wal_pages_empty: float = 0.0  # SQLite: pages a new dispatch writes to the WAL, empty store and N store
    wal_pages_full: float = 0.0
    queries_s: dict[str, float] = field(default_factory=dict)
    exports: dict[str, dict[str, float]] = field(default_factory=dict)
    end_to_end: EndToEnd | None = None  # `fracas ingest` with its NLP (None when no pipeline was given)

    def lines(self) -> list[str]:
        out = [
            f"synthetic store: {self.events} events, {self.dispatches} dispatches, built in {self.build_s:.0f} s",
            f"size: {self.bytes_per_event:.0f} bytes per event in the file, {self.bytes_in_use_per_event:.0f} in use "
            f"({self.pages_in_use} pages)",
            f"pages written per dispatch (WAL): {self.wal_pages_empty:.1f} empty, {self.wal_pages_full:.1f} at "
            f"{self.events} events",
            f"ingest (store side, per dispatch): {self.ingest_empty_ms:.1f} ms empty, {self.ingest_full_ms:.1f} ms at "
            f"{self.events} events: ratio {self.ingest_full_ms / self.ingest_empty_ms:.2f}; CPU time "
            f"{self.ingest_empty_cpu_ms:.1f} ms empty, {self.ingest_full_cpu_ms:.1f} ms at {self.events} events: "
            f"ratio {self.cpu_ratio:.2f}",
        ]
        if self.end_to_end is not None:
            out += self.end_to_end.lines(self.events)
        out += [f"events {name}: first page of {PAGE} in {seconds:.3f} s" for name, seconds in self.queries_s.items()]
        out += [f"export {fmt}: {r['events']:.0f} events in {r['seconds']:.1f} s, peak {r['peak_mb']:.0f} MB"
                for fmt, r in self.exports.items()]
        worst_query = max(self.queries_s.values(), default=0.0)
        worst_export = max((r["peak_mb"] for r in self.exports.values()), default=0.0)
        out.append(
            f"events={self.events} bytes_per_event={self.bytes_per_event:.0f} in_use={self.bytes_in_use_per_event:.0f} "
            f"ingest_ratio={self.ingest_full_ms / self.ingest_empty_ms:.2f} ingest_cpu_ratio={self.cpu_ratio:.2f} "
            f"wal_pages={self.wal_pages_empty:.1f}/{self.wal_pages_full:.1f} slowest_query_s={worst_query:.3f} "
            f"export_peak_mb={worst_export:.0f}"
            + (f" end_to_end_ratio={self.end_to_end.ratio:.2f} end_to_end_cpu_ratio={self.end_to_end.cpu_ratio:.2f}"
               if self.end_to_end is not None else "")
        )
        return out

    @property
    def bytes_in_use_per_event(self) -> float:
        """The pages in use (SQLite), per event: the file less the free pages a later ingest reuses first
        (a bulk load leaves some, from merging its text indexes)."""
        return self.pages_in_use * self.page_bytes / max(1, self.events)

    @property
    def cpu_ratio(self) -> float:
        return self.ingest_full_cpu_ms / self.ingest_empty_cpu_ms if self.ingest_empty_cpu_ms else float("nan")


def run_store_bench(events: int, *, url: str | None = None, reuse: bool = False, incoming: int = INCOMING,
                    pipeline: Callable[[], Extractor] | None = None,
                    say: Callable[[str], None] = lambda line: None) -> StoreBench:
    """Build (unless `reuse`) the synthetic store of `events` events at `url` (default: a temporary
    SQLite file) and measure it; with `pipeline` (a loader), also `fracas ingest` end to end."""
    with _location(url) as (target, scratch):
        with open_store(target) as store:
            build_s = 0.0 if reuse else build(store, events, say=say)
            counts = store.counts()
            size = _size_bytes(store, target)
            queries = {name: _first_page_s(store, f) for name, f in QUERIES.items()}
            pages, page_bytes = _pages_in_use(store)
            say("timing ingest")
            with open_store(str(scratch / "empty.db")) as empty:
                empty_ms = _ingest_ms(empty, counts.events, incoming, salt=1)
                empty_pages = _wal_pages(empty, salt=1, after=incoming)
            # New texts on every run (a --reuse run must not time the dispatches an earlier run stored).
            full_ms = _ingest_ms(store, counts.events, incoming, salt=2 + counts.dispatches)
            full_pages = _wal_pages(store, salt=2 + counts.dispatches, after=incoming)
            end_to_end = None
            if pipeline is not None:
                say("timing fracas ingest end to end")
                with open_store(str(scratch / "empty-end-to-end.db")) as empty:
                    end_to_end = time_end_to_end(empty, store, pipeline(), bundled_dispatches(),
                                                 salt=counts.dispatches)
        exports = {}
        for fmt in EXPORT_FORMATS:
            say(f"exporting {fmt}")
            exports[fmt] = _export(target, fmt, scratch / f"out.{fmt}")
        return StoreBench(counts.events, counts.dispatches, build_s, size / max(1, counts.events), empty_ms[0],
                          full_ms[0], empty_ms[1], full_ms[1], pages, page_bytes, empty_pages, full_pages, queries, exports,
                          end_to_end)


def build(store: EventStore, events: int, *, say: Callable[[str], None], every: int = 20_000) -> float:
    """Write the synthetic store's `events` events (seed SEED) into `store`; return the seconds taken.
    A SQLite store is bulk-loaded (the same rows, store/bulk.py); PostgreSQL is written as ingest writes."""
    start = time.perf_counter()
    fill_store = fill_bulk if isinstance(store, SQLiteStore) else fill
    fill_store(store, events, seed=SEED, progress=lambda done: say(f"built {done}/{events} events")  # type: ignore[operator]
               if done % every == 0 else None)
    return time.perf_counter() - start


@contextmanager
def _location(url: str | None) -> Iterator[tuple[str, Path]]:
    with tempfile.TemporaryDirectory(prefix="fracas-bench-") as scratch:
        yield (url or str(Path(scratch) / "store.db")), Path(scratch)


def _size_bytes(store: EventStore, target: str) -> float:
    if store.url.startswith("sqlite"):
        _checkpoint(store, "TRUNCATE")
        path = Path(store.url.split("///", 1)[1])
        return float(path.stat().st_size)
    row = store._one(  # type: ignore[attr-defined]
        "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relkind = 'r' AND n.nspname = current_schema()"
    )
    return float(row[0] or 0)


def _first_page_s(store: EventStore, filters: EventFilter) -> float:
    start = time.perf_counter()
    list(store.events(filters.page(1, PAGE)))
    return time.perf_counter() - start


def _ingest_ms(store: EventStore, stored_events: int, incoming: int, *, salt: int) -> tuple[float, float]:
    """Store-side milliseconds per dispatch (wall, CPU) of `incoming` pre-extracted new dispatches, after
    a few re-reports of stored events (merged; not timed, as an empty store has nothing to merge them into)."""
    rng = random.Random(salt)
    for _ in range(5):
        dispatch, extracted = re_report(SEED, rng.randrange(max(1, stored_events)), salt=salt)
        store_dispatch(store, dispatch, extracted, dedupe=fracas.dedupe)
    items = [new_report(SEED, 10_000_000 * salt + i) for i in range(incoming)]
    _checkpoint(store, "TRUNCATE")
    start, cpu = time.perf_counter(), time.process_time()
    for dispatch, extracted in items:
        store_dispatch(store, dispatch, extracted, dedupe=fracas.dedupe)
    # The WAL these dispatches left is copied back into the file inside the timing: it is their cost,
    # whether or not an automatic checkpoint happened to fall among them.
    _checkpoint(store, "PASSIVE")
    return (time.perf_counter() - start) * 1000 / len(items), (time.process_time() - cpu) * 1000 / len(items)


def _wal_pages(store: EventStore, *, salt: int, after: int) -> float:
    """WAL pages written per new dispatch (SQLite; 0 for PostgreSQL), over COUNTED dispatches (other
    than the `after` ones `_ingest_ms` timed with this salt)."""
    if not isinstance(store, SQLiteStore):
        return 0.0
    _checkpoint(store, "TRUNCATE")
    for i in range(COUNTED):
        store_dispatch(store, *new_report(SEED, 10_000_000 * salt + after + i), dedupe=fracas.dedupe)
    frames = store._one("PRAGMA wal_checkpoint(PASSIVE)")[1]
    return float(frames) / COUNTED


def _pages_in_use(store: EventStore) -> tuple[int, int]:
    """SQLite's pages in use and the page size (0, 0 for PostgreSQL)."""
    if not isinstance(store, SQLiteStore):
        return 0, 0
    pages = int(store._one("PRAGMA page_count")[0]) - int(store._one("PRAGMA freelist_count")[0])
    return pages, int(store._one("PRAGMA page_size")[0])


def _checkpoint(store: EventStore, mode: str) -> None:
    if store.url.startswith("sqlite"):
        store._execute(f"PRAGMA wal_checkpoint({mode})")  # type: ignore[attr-defined]


def _export(target: str, fmt: str, out: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _EXPORT_CODE, target, fmt, str(out)],
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    out.unlink(missing_ok=True)
    return result
