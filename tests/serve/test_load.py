"""The bounded read load (fracas.serve.load): 200 concurrent readers of /api/events on loopback, no error.

The store is small (CI time); `fracas bench --serve` runs the same load on 100,000 events and prints the
latencies, which are never asserted here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fracas.errors import UsageError
from fracas.evaluate.synthetic_store import fill
from fracas.serve.load import LISTINGS, LoadResult, run_load
from fracas.store import open_store

pytest.importorskip("fastapi", reason="the fracas[serve] extra is not installed (./setup installs it)")
EVENTS = 300


def test_200_concurrent_readers_get_events_pages_without_error(tmp_path: Path) -> None:
    from fracas.serve.app import create_app
    from fracas.serve.running import running_server

    url = str(tmp_path / "load.db")
    with open_store(url) as store:
        fill(store, EVENTS, seed=1)
    with running_server(create_app(url)) as base:
        result = run_load(base, readers=200, rounds=2)
    assert (result.readers, result.requests, len(result.latencies_ms), result.errors) == (200, 400, 400, {})


def test_the_load_refuses_anything_but_loopback() -> None:
    with pytest.raises(UsageError) as caught:
        run_load("http://example.org:8000", readers=1, rounds=1)
    assert str(caught.value) == "the load runs on loopback only, not against 'http://example.org:8000'"


def test_percentiles_are_nearest_rank() -> None:
    result = LoadResult(readers=2, requests=20, seconds=1.0, latencies_ms=tuple(float(n) for n in range(20, 0, -1)))
    assert (result.percentile_ms(0.5), result.percentile_ms(0.95), result.error_count) == (10.0, 19.0, 0)
    assert result.lines() == [
        "load: 2 concurrent readers of /api/events, back to back: 20 requests in 1.0 s (20 requests/s)",
        "latency: p50 10 ms, p95 19 ms, max 20 ms",
        "errors: 0 (none)",
    ]
    assert all(path.startswith("/api/events?") for path in LISTINGS)
