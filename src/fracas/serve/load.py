"""A bounded read load on a fracas server on loopback: for `fracas bench --serve` and the load test.

`readers` clients read at the same time, each on its own keep-alive connection, each making `rounds`
requests of /api/events (one of a few realistic listings: the first page, a filter, a later page), one
after another (back to back, or with a pause as a person reading would make); then it stops. Nothing
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
ROUNDS = 10
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
    pause_ms: float = 0.0

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
        pause = f", {self.pause_ms:.0f} ms pause between a reader's requests" if self.pause_ms else ", back to back"
        return [
            f"load: {self.readers} concurrent readers of /api/events{pause}: {self.requests} requests in "
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


def run_load(base_url: str, *, readers: int = READERS, rounds: int = ROUNDS, pause_ms: float = 0.0,
             listings: Sequence[str] = LISTINGS) -> LoadResult:
    """Hold `readers` concurrent readers, `rounds` requests each, against the server at `base_url`; each
    reader waits `pause_ms` between an answer and its next request (0: back to back)."""
    check_loopback(base_url)
    if readers < 1 or rounds < 1 or not listings or pause_ms < 0:
        raise UsageError("a load needs one reader or more, one round or more, one listing or more, a pause >= 0")
    plan = _Plan(rounds, tuple(listings), pause_ms / 1000)
    return asyncio.run(_load(base_url, readers, plan))


@dataclass(frozen=True)
class _Plan:
    rounds: int
    listings: tuple[str, ...]
    pause_s: float


async def _load(base_url: str, readers: int, plan: _Plan) -> LoadResult:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    lines = _StartLine(readers)
    parts = urlsplit(base_url)
    address = (parts.hostname or "127.0.0.1", parts.port or 80)
    tasks = [asyncio.create_task(_reader(address, number, plan, lines, latencies, errors))
             for number in range(readers)]
    await asyncio.wait_for(lines.all_there.wait(), timeout=REQUEST_TIMEOUT_SECONDS)
    began = time.perf_counter()
    lines.go.set()
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=RUN_DEADLINE_SECONDS)
    seconds = time.perf_counter() - began
    return LoadResult(readers=readers, requests=readers * plan.rounds, seconds=seconds,
                      latencies_ms=tuple(latencies), errors=errors, pause_ms=plan.pause_s * 1000)


class _StartLine:
    """Every reader connects, then all start at once."""

    def __init__(self, readers: int) -> None:
        self.waiting = readers
        self.all_there = asyncio.Event()
        self.go = asyncio.Event()

    async def arrive(self) -> None:
        self.waiting -= 1
        if self.waiting == 0:
            self.all_there.set()
        await self.go.wait()


async def _reader(address: tuple[str, int], number: int, plan: _Plan, lines: _StartLine,
                  latencies: list[float], errors: dict[str, int]) -> None:
    """One reader: one keep-alive HTTP/1.1 connection (a light client, so that the load measures the
    server, not the client), `rounds` requests one after another; a broken connection is reopened."""
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    try:  # connected before the clock starts: the latencies are those of requests, as a browser keeps its connection
        connection = await asyncio.wait_for(asyncio.open_connection(*address), REQUEST_TIMEOUT_SECONDS)
    except (OSError, asyncio.TimeoutError) as err:
        errors[type(err).__name__] = errors.get(type(err).__name__, 0) + 1
    await lines.arrive()
    for round_number in range(plan.rounds):
        if round_number and plan.pause_s:
            await asyncio.sleep(plan.pause_s)
        path = plan.listings[(number + round_number) % len(plan.listings)]
        began = time.perf_counter()
        try:
            connection = connection or await asyncio.wait_for(asyncio.open_connection(*address),
                                                               REQUEST_TIMEOUT_SECONDS)
            status, body = await asyncio.wait_for(_get(connection, address, path), REQUEST_TIMEOUT_SECONDS)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as err:
            kind = type(err).__name__
            errors[kind] = errors.get(kind, 0) + 1
            connection = _close(connection)
            continue
        latencies.append((time.perf_counter() - began) * 1000)
        kind = f"HTTP {status}" if status != 200 else None if _is_events_page(body) else "not an events page"
        if kind is not None:
            errors[kind] = errors.get(kind, 0) + 1
    _close(connection)


async def _get(connection: tuple[asyncio.StreamReader, asyncio.StreamWriter], address: tuple[str, int],
               path: str) -> tuple[int, bytes]:
    reader, writer = connection
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {address[0]}:{address[1]}\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
    length = next((value for name, value in headers.items() if name.strip().lower() == "content-length"), None)
    if length is None:
        raise ValueError("an answer without Content-Length")
    return status, await reader.readexactly(int(length))


def _close(connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None) -> None:
    if connection is not None:
        connection[1].close()


def _is_events_page(body: bytes) -> bool:
    # A cheap check (a full JSON parse would make the client, not the server, what is measured).
    return body.startswith(b"{") and b'"events":[' in body and body.rstrip().endswith(b"}")
