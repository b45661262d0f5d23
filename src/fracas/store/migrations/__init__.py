"""Numbered schema migrations, one module each (`m0001_initial.py`, `m0002_...`).

Each module defines VERSION, NAME, and the statements for each backend (SQLITE, POSTGRES), and may
define BACKFILL(store): Python run after the statements, for rows SQL alone cannot rewrite (hashes,
packed values). A store applies every migration it has not recorded in `schema_migrations`, each in its
own transaction together with the row that records it, so a migration is applied whole or not at all.
To change the schema, add the next module and list it in MIGRATIONS; never edit an applied one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from fracas.store.migrations import (
    m0001_initial,
    m0002_review,
    m0003_feed_state,
    m0004_relevance,
    m0005_compact_store,
    m0006_actor_listing,
    m0007_packed_rows,
    m0008_dispatch_seq_ids,
)

Dialect = Literal["sqlite", "postgres"]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]
    backfill: Callable[[Any], None] | None = None  # called with the store, inside the migration's transaction

    def statements(self, dialect: Dialect) -> tuple[str, ...]:
        return self.sqlite if dialect == "sqlite" else self.postgres


MIGRATIONS: tuple[Migration, ...] = tuple(
    Migration(module.VERSION, module.NAME, module.SQLITE, module.POSTGRES, getattr(module, "BACKFILL", None))
    for module in (m0001_initial, m0002_review, m0003_feed_state, m0004_relevance, m0005_compact_store,
                   m0006_actor_listing, m0007_packed_rows, m0008_dispatch_seq_ids)
)
LATEST_VERSION = MIGRATIONS[-1].version

# The bookkeeping table itself is created before any migration runs.
BOOTSTRAP: dict[Dialect, str] = {
    "sqlite": """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )""",
    "postgres": """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        )""",
}

assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1)), "migrations must be numbered 1, 2, ..."
