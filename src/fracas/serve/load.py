"""A bounded read load on a fracas server on loopback: for `fracas bench --serve` and the load test.

`readers` clients read at the same time, each making `rounds` requests of /api/events (one of a few
realistic listings: the first page, a filter, a later page), one after another; then it stops. Nothing
but loopback is accepted, every request has a timeout, and the whole run has a deadline, so the load
never runs away. What is measured: each request's latency, and errors (a status other than 200, a
body that is not an events page, a timeout or a refused connection).
"""

from __future__ import annotations

import asyncio
import ipaddress
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from fracas.errors import UsageError

READERS = 200
ROUNDS = 5
REQUEST_TIMEOUT_SECONDS = 60.0
RUN_DEADLINE_SECONDS = 900.0
# What a desk's readers ask for: the dashboard's first page, a filtered page, a later page.
LISTINGS: tuple[str, ...] = (
    "/api/events?page_size=25",
    "/api/events?page_size=25&country=SY",
    "/api/events?page_size=25&event_type=Battles&since=2015-01-01&until=2018-12-31",
    "/api/events?page_size=100&page=3",
)


@dataclass(frozen=True)
class LoadResult:
    """What a load run saw: one latency per request that answered, and the errors by kind."""

    readers: int
    requests: int
    seconds: float
    latencies_ms: tuple[float, ...]
    errors: dict[str, int] = field(default_factory=dict)

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def percentile_ms(self, share: float) -> float:
        """The latency below which `share` of the answered requests fall (nearest rank)."""
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        rank = max(1, min(len(ordered), math.ceil(share * len(ordered))))
        return ordered[rank - 1]

    def lines(self) -> list[str]:
        errors = ", ".join(f"{kind}: {n}" for kind, n in sorted(self.errors.items())) or "none"
        return [
            f"load: {self.readers} concurrent readers of /api/events, {self.requests} requests in "
            f"{self.seconds:.1f} s ({self.requests / self.seconds:.0f} requests/s)",
            f"latency: p50 {self.percentile_ms(0.5):.0f} ms, p95 {self.percentile_ms(0.95):.0f} ms, "
            f"max {max(self.latencies_ms, default=float('nan')):.0f} ms",
            f"errors: {self.error_count} ({errors})",
        ]


def check_loopback(base_url: str) -> None:
    """Refuse any base URL whose host is not a loopback address."""
    host = urlsplit(base_url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise UsageError(f"the load runs on loopback only, not against {base_url!r}")


def run_load(base_url: str, *, readers: int = READERS, rounds: int = ROUNDS,
             listings: Sequence[str] = LISTINGS) -> LoadResult:
    """Hold `readers` concurrent readers, `rounds` requests each, against the server at `base_url`."""
    check_loopback(base_url)
    if readers < 1 or rounds < 1 or not listings:
        raise UsageError("a load needs one reader or more, one round or more and one listing or more")
    return asyncio.run(_load(base_url, readers, rounds, tuple(listings)))


async def _load(base_url: str, readers: int, rounds: int, listings: tuple[str, ...]) -> LoadResult:
    import httpx

    latencies: list[float] = []
    errors: dict[str, int] = {}
    start_line = asyncio.Event()
    limits = httpx.Limits(max_connections=readers, max_keepalive_connections=readers)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=REQUEST_TIMEOUT_SECONDS,
                                 trust_env=False) as client:
        tasks = [asyncio.create_task(_reader(client, number, rounds, listings, start_line, latencies, errors))
                 for number in range(readers)]
        began = time.perf_counter()
        start_line.set()
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=RUN_DEADLINE_SECONDS)
        seconds = time.perf_counter() - began
    return LoadResult(readers=readers, requests=readers * rounds, seconds=seconds,
                      latencies_ms=tuple(latencies), errors=errors)


async def _reader(client: object, number: int, rounds: int, listings: tuple[str, ...], start_line: asyncio.Event,
                  latencies: list[float], errors: dict[str, int]) -> None:
    import httpx

    assert isinstance(client, httpx.AsyncClient)
    await start_line.wait()
    for round_number in range(rounds):
        path = listings[(number + round_number) % len(listings)]
        began = time.perf_counter()
        try:
            answer = await client.get(path)
        except httpx.HTTPError as err:
            kind = type(err).__name__
            errors[kind] = errors.get(kind, 0) + 1
            continue
        latencies.append((time.perf_counter() - began) * 1000)
        if answer.status_code != 200:
            kind = f"HTTP {answer.status_code}"
            errors[kind] = errors.get(kind, 0) + 1
        elif not _is_events_page(answer):
            errors["not an events page"] = errors.get("not an events page", 0) + 1


def _is_events_page(answer: object) -> bool:
    try:
        body = answer.json()  # type: ignore[attr-defined]
    except ValueError:
        return False
    return isinstance(body, dict) and isinstance(body.get("events"), list)
