"""Store fixtures: every contract test runs on SQLite and on a real PostgreSQL server.

PostgreSQL comes from FRACAS_TEST_POSTGRES (set it with `eval "$(scripts/postgres-for-tests)"`); each
test gets its own schema, dropped afterwards. Without a reachable server the PostgreSQL variants are
skipped with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from store_servers import new_postgres_url  # noqa: F401 - a fixture

from fracas.store import EventStore, open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def new_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """Makes URLs of new, empty stores of the backend under test."""
    if request.param == "postgres":
        return request.getfixturevalue("new_postgres_url")
    names = iter(range(1_000_000))
    return lambda: str(tmp_path / f"store{next(names)}.db")


@pytest.fixture
def store_url(new_store_url: Callable[[], str]) -> str:
    return new_store_url()


@pytest.fixture
def store(store_url: str) -> Iterator[EventStore]:
    with open_store(store_url) as opened:
        yield opened
