"""Analysts who may write: each has a token, shown once and stored only as its sha256."""

from __future__ import annotations

import hashlib
import re
import secrets

from fracas.errors import UsageError
from fracas.store import EventStore

_NAME_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_user(store: EventStore, name: str) -> str:
    """Create user `name`; return the new token (the store keeps only its hash)."""
    if not _NAME_RE.match(name):
        raise UsageError(f"user name {name!r} must be 1-64 letters, digits, '.', '_' or '-'")
    token = secrets.token_urlsafe(32)
    store.add_user(name, token_hash(token))  # type: ignore[attr-defined]
    return token


def user_of_token(store: EventStore, token: str | None) -> str | None:
    """The user whose token this is, or None for a missing or unknown token."""
    if not token:
        return None
    return store.user_of_token_hash(token_hash(token))  # type: ignore[attr-defined, no-any-return]
