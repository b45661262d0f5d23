"""Feed state for `fracas watch`: each feed's last poll, conditional-GET validators and errors, and the
items already read, so a restarted watcher fetches only what is new.

feeds       one row per feed URL: etag / last_modified of its last 200 answer, last_poll (UTC ISO),
            last_status (`ok`, `not-modified`, `failed`), last_error, consecutive errors, and
            next_poll: before it the feed is left alone (back-off after errors).
feed_items  the items of a feed already read (by the item's guid, else its link), with the dispatch
            they gave (NULL for a page that was rejected); kept after the dispatch is ingested. No foreign
            key to feeds: an item is recorded as soon as it is read, before its feed's poll completes.

(Numbered 5 for the branch that adds it; renumbered at merge so that numbers stay contiguous.)
"""

VERSION = 3
NAME = "feed_state"

_FEEDS = """CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_poll TEXT,
    last_status TEXT,
    last_error TEXT,
    errors INTEGER NOT NULL DEFAULT 0,
    next_poll TEXT
)"""
_ITEMS = """CREATE TABLE feed_items (
    feed_url TEXT NOT NULL,
    item_key TEXT NOT NULL,
    dispatch_id TEXT,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_key)
)"""

SQLITE: tuple[str, ...] = (_FEEDS, _ITEMS)
POSTGRES: tuple[str, ...] = (_FEEDS, _ITEMS)
