"""Search matches become dispatch ids without reading dispatch rows (SQLite).

The dispatch-text index (FTS5) gives the seqs of the matching dispatches; the links are keyed by the
dispatch's id. Reading the id from the dispatch row costs one page of the dispatch table per match (rows of
about 700 bytes, five to a page), random pages when the store is not in the OS cache: at 1 M events,
`--search Tillaberi` (43,338 matching dispatches) spent 2.4 s of its first page reading them. The index
(seq, id) holds only the pair, about 100 to a page and in seq order, the order the matches come in; a new
dispatch's seq is the largest, so ingest adds its entry to the last page. PostgreSQL searches the
dispatches' own text column and needs none.
"""

from __future__ import annotations

VERSION = 8
NAME = "dispatch_seq_ids"

SQLITE: tuple[str, ...] = ("CREATE INDEX dispatches_seq_id ON dispatches (seq, id)",)
POSTGRES: tuple[str, ...] = ()
