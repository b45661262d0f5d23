"""The review tables of a SQL store: users (hashed tokens) and the reviewed versions of events.

A mixin of SQLStore: it only reads and writes rows; what a review means (statuses, merging,
splitting) is decided in fracas.review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fracas.errors import UsageError


@dataclass(frozen=True)
class ReviewVersion:
    """One reviewed version of an event: what it now says (`record`), who made it, when and why."""

    event_id: str
    version: int
    action: str
    status: str
    record: dict[str, Any]
    reviewer: str
    note: str
    created_at: str


class ReviewTables:
    """users and event_reviews over the store's `_execute` / `_one` / `_all` (see SQLStore)."""

    def add_user(self, name: str, token_hash: str) -> None:
        if self._one("SELECT 1 FROM users WHERE name = ?", (name,)):  # type: ignore[attr-defined]
            raise UsageError(f"user {name!r} already exists; pick another name")
        with self.transaction():  # type: ignore[attr-defined]
            self._execute("INSERT INTO users (name, token_hash) VALUES (?, ?)", (name, token_hash))  # type: ignore[attr-defined]

    def user_of_token_hash(self, token_hash: str) -> str | None:
        row = self._one("SELECT name FROM users WHERE token_hash = ?", (token_hash,))  # type: ignore[attr-defined]
        return row[0] if row else None

    def add_review(
        self, event_id: str, *, action: str, status: str, record: dict[str, Any], reviewer: str, note: str
    ) -> int:
        """Append the next version of `event_id`'s review; return its version number."""
        with self.transaction():  # type: ignore[attr-defined]
            row = self._one(  # type: ignore[attr-defined]
                "SELECT coalesce(max(version), 0) FROM event_reviews WHERE event_id = ?", (event_id,)
            )
            version = int(row[0]) + 1
            self._execute(  # type: ignore[attr-defined]
                "INSERT INTO event_reviews (event_id, version, action, status, record, reviewer, note)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (event_id, version, action, status, self._json(record), reviewer, note),  # type: ignore[attr-defined]
            )
        return version

    def reviews_of(self, event_id: str) -> list[ReviewVersion]:
        rows = self._all(  # type: ignore[attr-defined]
            f"SELECT {_COLUMNS} FROM event_reviews WHERE event_id = ? ORDER BY version", (event_id,)
        )
        return [self._review(row) for row in rows]

    def latest_reviews(self, event_ids: Sequence[str]) -> dict[str, ReviewVersion]:
        """The latest review version of each of `event_ids` that has one."""
        if not event_ids:
            return {}
        marks = ", ".join("?" * len(event_ids))
        rows = self._all(  # type: ignore[attr-defined]
            f"SELECT {_COLUMNS} FROM event_reviews r WHERE r.event_id IN ({marks}) AND r.version ="
            " (SELECT max(version) FROM event_reviews x WHERE x.event_id = r.event_id)",
            list(event_ids),
        )
        return {row[0]: self._review(row) for row in rows}

    def _review(self, row: Sequence[Any]) -> ReviewVersion:
        from fracas.store.sql import _timestamp

        return ReviewVersion(
            event_id=row[0], version=int(row[1]), action=row[2], status=row[3],
            record=self._unjson(row[4]), reviewer=row[5], note=row[6], created_at=_timestamp(row[7]),  # type: ignore[attr-defined]
        )


_COLUMNS = "event_id, version, action, status, record, reviewer, note, created_at"
