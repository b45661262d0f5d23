"""Fixtures of the input tests: loopback sites (see web_fixtures.py) and a Fetcher that never waits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from web_fixtures import LoopbackSite, serve

from fracas.ingest.fetch import Fetcher, FetchSettings


@pytest.fixture
def site() -> Iterator[LoopbackSite]:
    yield from serve()


@pytest.fixture
def failing_site() -> Iterator[LoopbackSite]:
    yield from serve(failing=True)


class FakeClock:
    """time.monotonic and time.sleep for a Fetcher: sleeping advances the clock, nothing waits."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fetcher(clock: FakeClock) -> Iterator[Fetcher]:
    with Fetcher(FetchSettings(timeout_s=5.0, host_delay_s=0.0), clock=clock, sleep=clock.sleep) as made:
        yield made
