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
PAUSE_MS = 1000.0  # a person reading a page before asking for the next


@dataclass(frozen=True)
class ServeBench:
    events: int
    build_s: float
    cached: LoadResult  # `fracas serve` as it runs by default (answers kept 5 s), readers back to back
    paced: LoadResult  # the same, each reader pausing PAUSE_MS between requests
    uncached: LoadResult  # `fracas serve --cache-seconds 0`: every request reads the store

    def lines(self) -> list[str]:
        out = [f"synthetic store: {self.events} events (built in {self.build_s:.0f} s)"]
        for name, load in (("fracas serve (read cache on)", self.cached), ("fracas serve (read cache on)", self.paced),
                           ("fracas serve --cache-seconds 0", self.uncached)):
            out += [f"{name}:", *(f"  {line}" for line in load.lines())]
        out.append(
            f"events={self.events} readers={self.cached.readers} requests={self.cached.requests} "
            f"p50_ms={self.cached.percentile_ms(0.5):.0f} p95_ms={self.cached.percentile_ms(0.95):.0f} "
            f"errors={self.cached.error_count} uncached_p50_ms={self.uncached.percentile_ms(0.5):.0f} "
            f"uncached_p95_ms={self.uncached.percentile_ms(0.95):.0f} uncached_errors={self.uncached.error_count}"
        )
        return out


def run_serve_bench(events: int = EVENTS, *, url: str | None = None, reuse: bool = False, readers: int = READERS,
                    rounds: int = ROUNDS, say: Callable[[str], None] = lambda line: None) -> ServeBench:
    """Build (unless `reuse`) the store at `url` (default: a temporary SQLite file), serve it, load it."""
    with _location(url) as target:
        with open_store(target) as store:
            build_s = 0.0 if reuse else build(store, events, say=say, every=10_000)
            stored = store.counts().events
        loads = []
        for options, pauses in (((), (0.0, PAUSE_MS)), (("--cache-seconds", "0"), (0.0,))):
            say(f"serving {stored} events ({' '.join(options) or 'default options'}); "
                f"{readers} readers x {rounds} requests")
            with serve_process(target, options=options) as base:
                run_load(base, readers=min(readers, 20), rounds=WARM_UP_ROUNDS)  # first connections, page cache
                loads += [run_load(base, readers=readers, rounds=rounds, pause_ms=pause) for pause in pauses]
    return ServeBench(stored, build_s, *loads)


@contextmanager
def _location(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    with tempfile.TemporaryDirectory(prefix="fracas-serve-bench-") as scratch:
        yield str(Path(scratch) / "store.db")
