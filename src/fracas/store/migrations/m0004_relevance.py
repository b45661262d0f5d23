"""The relevance verdict on each dispatch (issue 8): stored with it, whether or not it gave events.

dispatches.relevance          relevant | irrelevant (NULL for dispatches stored before this migration)
dispatches.relevance_by       text (decided from the raw text, never parsed) | sentences (the parsed text)
dispatches.relevance_reason   the reason, in words
dispatches.relevance_cues     JSON {"cues": the words the verdict rests on, as written, "dropped": the
                              candidate acts the sense and coherence checks dropped, each with why}
An irrelevant dispatch is not a rejection: it was read, judged and kept, and simply reports no event.

"""

VERSION = 4
NAME = "relevance"

_COLUMNS = (
    "ADD COLUMN relevance TEXT CHECK (relevance IN ('relevant', 'irrelevant'))",
    "ADD COLUMN relevance_by TEXT CHECK (relevance_by IN ('text', 'sentences'))",
    "ADD COLUMN relevance_reason TEXT",
)

SQLITE: tuple[str, ...] = (
    *(f"ALTER TABLE dispatches {column}" for column in _COLUMNS),
    "ALTER TABLE dispatches ADD COLUMN relevance_cues TEXT",
    "CREATE INDEX dispatches_relevance ON dispatches (relevance)",
)

POSTGRES: tuple[str, ...] = (
    *(f"ALTER TABLE dispatches {column}" for column in _COLUMNS),
    "ALTER TABLE dispatches ADD COLUMN relevance_cues JSONB",
    "CREATE INDEX dispatches_relevance ON dispatches (relevance)",
)
