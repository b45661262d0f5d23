"""The PostgreSQL store (psycopg 3): the same tables as SQLite, JSONB records, French full-text search.

Install the driver with `pip install 'fracas[pg]'`. Text search: dispatch text is indexed as
`to_tsvector('french', fracas_fold(text))` — accents and case folded, French stemming ("frappes" finds
"frappe"), French stop words ignored; notes (English) with the `simple` configuration. fracas_fold is
defined by the first migration (see store/migrations/m0001_initial.py for why not `unaccent`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from fracas.errors import StoreError
from fracas.store.sql import SQLStore

# Any constant works; it only has to be the same for every fracas process migrating one database.
_MIGRATION_LOCK_KEY = 0x66726163  # "frac"


class PostgresStore(SQLStore):
    dialect = "postgres"
    _like = "ILIKE"
    _now = "clock_timestamp()"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
            from psycopg.types.json import Jsonb
        except ImportError as err:
            raise StoreError(
                "a postgresql:// store needs the psycopg driver; install it with: pip install 'fracas[pg]'"
            ) from err
        self._psycopg = psycopg
        self._jsonb = Jsonb
        self.url = url
        try:
            # autocommit: no implicit transaction; `transaction()` opens one (nested ones are savepoints).
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise StoreError(
                f"cannot connect to the PostgreSQL store {_redact(url)}: {err}".rstrip()
                + "; check the URL and that the server is running"
            ) from err

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with self._conn.transaction():
                yield
        except self._psycopg.Error as err:
            raise StoreError(f"PostgreSQL store {_redact(self.url)}: {err}") from err

    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        try:
            if params is None:
                return self._conn.execute(sql)  # type: ignore[arg-type]
            return self._conn.execute(sql.replace("?", "%s"), tuple(params))  # type: ignore[arg-type]
        except self._psycopg.Error as err:
            raise StoreError(
                f"PostgreSQL store {_redact(self.url)}: {err} (in: {sql.strip().splitlines()[0][:80]})"
            ) from err

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            with self._conn.cursor() as cursor:
                cursor.executemany(sql.replace("?", "%s"), [tuple(row) for row in rows])  # type: ignore[arg-type]
        except self._psycopg.Error as err:
            raise StoreError(
                f"PostgreSQL store {_redact(self.url)}: {err} (in: {sql.strip().splitlines()[0][:80]})"
            ) from err

    def _lock_for_migration(self) -> None:
        self._execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK_KEY,))

    def _json(self, value: Any) -> Any:
        return self._jsonb(value)

    def _date(self, value: Any) -> Any:
        return value

    def _search_condition(self, words: list[str]) -> tuple[str, list[Any]]:
        query = " ".join(words)
        return (
            "(e.notes_search @@ plainto_tsquery('simple', fracas_fold(?))"
            " OR e.event_id IN (SELECT l.event_id FROM event_dispatches l JOIN dispatches d"
            " ON d.id = l.dispatch_id WHERE d.search @@ plainto_tsquery('french', fracas_fold(?))))",
            [query, query],
        )


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}{sep}{user}@{host}"
