"""A short-lived cache of the read endpoints' answers, so that many readers of the same listing cost one query.

An answer is kept for `seconds` (5 by default; `fracas serve --cache-seconds 0` turns the cache off),
and every write through the server (review, ingest) clears the whole cache, so an analyst always sees
their own change at once; a change made by another process (`fracas ingest`) shows within `seconds`.
An answer computed while a write happened is not kept. Memory is bounded by `max_bytes`. Readers who
ask for the same answer while it is being computed wait for that one computation (SharedReads).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

CACHE_SECONDS = 5.0
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str


class ReadCache:
    """Answers by request (path and query string), the oldest dropped first."""

    def __init__(self, seconds: float = CACHE_SECONDS, *, max_bytes: int = MAX_BYTES) -> None:
        self.seconds = seconds
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, tuple[float, Answer]] = OrderedDict()
        self._bytes = 0
        self._generation = 0
        self._lock = threading.Lock()

    @property
    def generation(self) -> int:
        """Changes at every write: take it before computing an answer, give it back to `put`."""
        return self._generation

    def get(self, key: str) -> Answer | None:
        if self.seconds <= 0:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if time.monotonic() - entry[0] > self.seconds:
                self._drop(key)
                return None
            return entry[1]

    def put(self, key: str, answer: Answer, generation: int) -> None:
        """Keep `answer` unless a write happened since `generation` was read, or it is too big."""
        if self.seconds <= 0 or len(answer.body) > self.max_bytes // 4:
            return
        with self._lock:
            if generation != self._generation:
                return
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (time.monotonic(), answer)
            self._bytes += len(answer.body)
            while self._bytes > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def clear(self) -> None:
        """A write happened: forget every answer."""
        with self._lock:
            self._generation += 1
            self._entries.clear()
            self._bytes = 0

    def _drop(self, key: str) -> None:
        _, answer = self._entries.pop(key)
        self._bytes -= len(answer.body)


class SharedReads:
    """Readers asking at once for the same answer share one computation (run in a worker thread).

    Used from the server's event loop only. With the cache off, every request computes its own answer.
    """

    def __init__(self, cache: ReadCache) -> None:
        self.cache = cache
        self._pending: dict[str, asyncio.Future[Answer | None]] = {}

    async def answer(self, key: str, make: Callable[[], Answer]) -> Answer:
        from starlette.concurrency import run_in_threadpool

        if self.cache.seconds <= 0:
            return await run_in_threadpool(make)
        kept = self.cache.get(key)
        if kept is not None:
            return kept
        pending = self._pending.get(key)
        if pending is not None:
            shared = await asyncio.shield(pending)
            return shared if shared is not None else await run_in_threadpool(make)
        future: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        try:
            generation = self.cache.generation
            made = await run_in_threadpool(make)
            self.cache.put(key, made, generation)
            future.set_result(made)
            return made
        finally:
            if not future.done():
                future.set_result(None)  # it failed: each waiter computes (and reports) its own
            self._pending.pop(key, None)
