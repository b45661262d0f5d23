"""What the store remembers of the feeds `fracas watch` follows (tables of migration `feed_state`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

FeedStatus = Literal["ok", "not-modified", "failed"]


@dataclass(frozen=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll: str | None = None  # UTC, ISO 8601
    last_status: FeedStatus | None = None
    last_error: str | None = None
    errors: int = 0  # consecutive failed polls
    next_poll: str | None = None  # not polled before this time (back-off)


class FeedStateStore(Protocol):
    """The feed-state part of a store (both SQL stores have it, through FeedStateMixin)."""

    def feed_state(self, url: str) -> FeedState | None: ...

    def save_feed_state(self, state: FeedState) -> None: ...

    def has_seen_item(self, feed_url: str, item_key: str) -> bool: ...

    def mark_item_seen(self, feed_url: str, item_key: str, dispatch_id: str | None, seen_at: str) -> None: ...


class FeedStateMixin:
    """FeedStateStore over the SQL store's `_one` / `_execute` helpers."""

    _FIELDS = ("url", "etag", "last_modified", "last_poll", "last_status", "last_error", "errors", "next_poll")

    def _one(self, sql: str, params: Sequence[Any] | None = None) -> Any: ...  # supplied by SQLStore

    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> Any: ...  # supplied by SQLStore

    def feed_state(self, url: str) -> FeedState | None:
        row = self._one(f"SELECT {', '.join(self._FIELDS)} FROM feeds WHERE url = ?", (url,))
        return FeedState(*row) if row is not None else None

    def save_feed_state(self, state: FeedState) -> None:
        values = [getattr(state, name) for name in self._FIELDS]
        updates = ", ".join(f"{name} = excluded.{name}" for name in self._FIELDS[1:])
        self._execute(
            f"INSERT INTO feeds ({', '.join(self._FIELDS)}) VALUES ({', '.join('?' * len(values))}) "
            f"ON CONFLICT (url) DO UPDATE SET {updates}",
            values,
        )

    def has_seen_item(self, feed_url: str, item_key: str) -> bool:
        return self._one("SELECT 1 FROM feed_items WHERE feed_url = ? AND item_key = ?", (feed_url, item_key)) is not None

    def mark_item_seen(self, feed_url: str, item_key: str, dispatch_id: str | None, seen_at: str) -> None:
        self._execute(
            "INSERT INTO feed_items (feed_url, item_key, dispatch_id, seen_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (feed_url, item_key) DO NOTHING",
            (feed_url, item_key, dispatch_id, seen_at),
        )
