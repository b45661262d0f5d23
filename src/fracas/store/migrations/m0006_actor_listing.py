"""Actor listings without reading every event row.

`events --actor X` matches part of a name (actor1 or actor2 LIKE '%X%'), which no index can seek. It
scanned events in listing order, reading each whole row (the contract record is most of it) to test two
short columns: 6 s at 100,000 events for a rare actor. The listing index events_date
(event_date, event_id) becomes (event_date, event_id, actor1, actor2): the same order, and the test is
made on the index entries, so in SQLite only the rows of matching events are read (0.05 s at 100,000
events; PostgreSQL still reads each row to test it), for about 50 bytes more per event.
"""

from __future__ import annotations

VERSION = 6
NAME = "actor_listing"

_STATEMENTS = (
    "DROP INDEX events_date",
    "CREATE INDEX events_date ON events (event_date, event_id, actor1, actor2)",
)

SQLITE: tuple[str, ...] = _STATEMENTS
POSTGRES: tuple[str, ...] = _STATEMENTS
