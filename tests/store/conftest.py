"""Store fixtures: every contract test runs on SQLite and on a real PostgreSQL server.

PostgreSQL comes from FRACAS_TEST_POSTGRES (set it with `eval "$(scripts/postgres-for-tests)"`); each
test gets its own schema, dropped afterwards. Without a reachable server the PostgreSQL variants are
skipped with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from fracas.store import EventStore, open_store

_PG_PROBLEM: list[str] = []  # cached: probe the server once per session


def _postgres_base_url() -> str:
    url = os.environ.get("FRACAS_TEST_POSTGRES")
    if not url:
        pytest.skip(
            "PostgreSQL not available: FRACAS_TEST_POSTGRES is not set; "
            'run eval "$(scripts/postgres-for-tests)" first'
        )
    if not _PG_PROBLEM:
        try:
            import psycopg

            with psycopg.connect(url, connect_timeout=5) as conn:
                conn.execute("SELECT 1")
            _PG_PROBLEM.append("")
        except Exception as err:  # noqa: BLE001 - any failure to reach the server means: skip, saying why
            _PG_PROBLEM.append(f"{type(err).__name__}: {err}")
    if _PG_PROBLEM[0]:
        pytest.skip(f"PostgreSQL not available: cannot connect to {url}: {_PG_PROBLEM[0]}")
    return url


@pytest.fixture
def new_postgres_url() -> Iterator[Callable[[], str]]:
    """Makes URLs whose connections each use a fresh, empty schema of the test server (dropped after)."""
    import psycopg

    base = _postgres_base_url()
    schemas: list[str] = []

    def make() -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        schemas.append(schema)
        separator = "&" if "?" in base else "?"
        return f"{base}{separator}options={quote(f'-c search_path={schema}')}"

    yield make
    with psycopg.connect(base, autocommit=True) as conn:
        for schema in schemas:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


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
