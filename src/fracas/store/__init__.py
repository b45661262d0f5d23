"""Where events are kept: dispatches, events, the evidence linking them, and input that was rejected.

    >>> from fracas.store import open_store, EventFilter
    >>> with open_store("fracas.db") as store:             # doctest: +SKIP
    ...     for event in store.events(EventFilter(country="SY", sub_event_type="Air/drone strike")):
    ...         print(event.event_id)

`open_store(url)` opens and migrates a store: None means ./fracas.db (SQLite); `sqlite:///path`
(`sqlite:////abs/path` for an absolute path), a plain file path, or `:memory:` open SQLite;
`postgresql://user@host/db` opens PostgreSQL (psycopg 3). `ingest()` (fracas.store.ingest) is the
one way events get in: one transaction per dispatch, deduplicated against what is stored.
"""

from __future__ import annotations

from fracas.errors import StoreError
from fracas.store.protocol import (
    EventFilter,
    EventStore,
    MergeRecord,
    StoreCounts,
    StoredDispatch,
    content_hash,
)

DEFAULT_URL = "fracas.db"

__all__ = [
    "DEFAULT_URL",
    "EventFilter",
    "EventStore",
    "MergeRecord",
    "StoreCounts",
    "StoredDispatch",
    "content_hash",
    "open_store",
]


def open_store(url: str | None = None, *, migrate: bool = True) -> EventStore:
    """The store at `url` (default ./fracas.db), migrated to the current schema unless migrate=False."""
    target = url if url else DEFAULT_URL
    scheme = target.split("://", 1)[0].lower() if "://" in target else ""
    store: EventStore
    if scheme in ("postgresql", "postgres"):
        from fracas.store.postgres import PostgresStore

        store = PostgresStore(target)
    elif scheme == "sqlite":
        from fracas.store.sqlite import SQLiteStore

        path = target.split("://", 1)[1]
        # sqlite:///rel.db -> rel.db, sqlite:////abs.db -> /abs.db, sqlite:// -> in memory (SQLAlchemy's rule).
        path = path[1:] if path.startswith("/") else path
        store = SQLiteStore(path or ":memory:")
    elif scheme:
        raise StoreError(
            f"unknown store URL scheme {scheme!r} in {target!r}; use a file path, sqlite:///PATH or postgresql://..."
        )
    else:
        from fracas.store.sqlite import SQLiteStore

        store = SQLiteStore(target)
    if migrate:
        try:
            store.migrate()
        except BaseException:
            store.close()
            raise
    return store
