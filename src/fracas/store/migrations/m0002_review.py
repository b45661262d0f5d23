"""Review: the analysts who may write, and every reviewed version of an event.

users           name, sha256 of the token (the token itself is never stored), created_at.
event_reviews   one row per review action on an event: its version number (1, 2, ... per event),
                the action (accept, edit, merge, split, reject), the reviewed record (the contract
                JSON the event now stands for; the machine's record stays in `events`), who, when
                and why (the note). The latest version of an event is the one served.
"""

VERSION = 2
NAME = "review"

SQLITE: tuple[str, ...] = (
    """CREATE TABLE users (
        name TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    )""",
    """CREATE TABLE event_reviews (
        event_id TEXT NOT NULL REFERENCES events (event_id),
        version INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('accept', 'edit', 'merge', 'split', 'reject')),
        status TEXT NOT NULL,
        record TEXT NOT NULL,
        reviewer TEXT NOT NULL REFERENCES users (name),
        note TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        PRIMARY KEY (event_id, version)
    )""",
)

POSTGRES: tuple[str, ...] = (
    """CREATE TABLE users (
        name TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )""",
    """CREATE TABLE event_reviews (
        event_id TEXT NOT NULL REFERENCES events (event_id),
        version INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('accept', 'edit', 'merge', 'split', 'reject')),
        status TEXT NOT NULL,
        record JSONB NOT NULL,
        reviewer TEXT NOT NULL REFERENCES users (name),
        note TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, version)
    )""",
)
