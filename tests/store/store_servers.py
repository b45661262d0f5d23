"""A PostgreSQL server for the store tests, from FRACAS_TEST_POSTGRES.

Set it with `eval "$(scripts/postgres-for-tests)"`. Each URL made by `new_postgres_url` uses its own
fresh schema, dropped after the test. Without a reachable server, tests using it are skipped with the
reason. Imported by tests/store/conftest.py and by test modules elsewhere that need a server.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from urllib.parse import quote

import pytest

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
