"""`fracas bench --serve`: the web API under a bounded read load, on a synthetic store.

It builds (unless reused) the synthetic store of `fracas bench --store` (100,000 events by default),
starts `fracas serve` on it in a child process on loopback, holds 200 concurrent readers of
/api/events (fracas.serve.load) and prints p50/p95 latency and the errors. Figures are the machine's,
never test material.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fracas.evaluate.store_bench import build
from fracas.serve.load import READERS, ROUNDS, LoadResult, run_load
from fracas.serve.running import serve_process
from fracas.store import open_store

EVENTS = 100_000
WARM_UP_ROUNDS = 1


@dataclass(frozen=True)
class ServeBench:
    events: int
    build_s: float
    load: LoadResult

    def lines(self) -> list[str]:
        load = self.load
        return [
            f"synthetic store: {self.events} events (built in {self.build_s:.0f} s)",
            *load.lines(),
            f"events={self.events} readers={load.readers} requests={load.requests} "
            f"p50_ms={load.percentile_ms(0.5):.0f} p95_ms={load.percentile_ms(0.95):.0f} errors={load.error_count}",
        ]


def run_serve_bench(events: int = EVENTS, *, url: str | None = None, reuse: bool = False, readers: int = READERS,
                    rounds: int = ROUNDS, say: Callable[[str], None] = lambda line: None) -> ServeBench:
    """Build (unless `reuse`) the store at `url` (default: a temporary SQLite file), serve it, load it."""
    with _location(url) as target:
        with open_store(target) as store:
            build_s = 0.0 if reuse else build(store, events, say=say, every=10_000)
            stored = store.counts().events
        say(f"serving {stored} events; {readers} readers x {rounds} requests")
        with serve_process(target) as base:
            run_load(base, readers=min(readers, 20), rounds=WARM_UP_ROUNDS)  # first connections, caches
            load = run_load(base, readers=readers, rounds=rounds)
    return ServeBench(stored, build_s, load)


@contextmanager
def _location(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    with tempfile.TemporaryDirectory(prefix="fracas-serve-bench-") as scratch:
        yield str(Path(scratch) / "store.db")
