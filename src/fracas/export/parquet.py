"""Events as a Parquet table (pyarrow): the ACLED CSV's columns, typed.

Flat columns rather than nested structs, because `pandas.read_parquet` then gives the same frame as
`pandas.read_csv` of the ACLED export, with typed columns: whole numbers as int64 (a missing fatality
figure stays null, never 0; pandas shows a column with nulls as float with NaN, as read_csv does, or
as Int64 with `dtype_backend="numpy_nullable"`), coordinates as float64, the rest as strings. The nested
lists (sources, evidence) are in the JSON columns, as in the CSV. Rows are written as row groups of
`row_group_size` events, each converted and written before the next is read, so an export of a large
store holds one row group in memory, never the whole table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from fracas.errors import UsageError
from fracas.export._io import Destination, binary_output
from fracas.export.acled import COLUMNS, FLOAT_COLUMNS, INTEGER_COLUMNS, acled_row
from fracas.model import Event

BATCH_SIZE = 5000  # events per row group: ~15 MB of rows in memory, and a unit readers can skip

SCHEMA = pa.schema([
    pa.field(
        name,
        pa.int64() if name in INTEGER_COLUMNS else pa.float64() if name in FLOAT_COLUMNS else pa.string(),
    )
    for name in COLUMNS
])


def write_parquet(events: Iterable[Event], destination: Destination, *, row_group_size: int = BATCH_SIZE) -> int:
    """Write one row per event (columns: fracas.export.acled.COLUMNS), one row group per
    `row_group_size` events; return how many were written."""
    if row_group_size < 1:
        raise UsageError(f"row_group_size must be 1 or more, not {row_group_size}")
    count = 0
    with binary_output(destination) as sink:
        with pq.ParquetWriter(sink if not isinstance(sink, Path) else str(sink), SCHEMA) as writer:
            for batch in _batches(events, row_group_size):
                rows = [acled_row(event) for event in batch]
                writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
                count += len(rows)
            if count == 0:
                writer.write_table(SCHEMA.empty_table())
    return count


def _batches(events: Iterable[Event], size: int) -> Iterator[list[Event]]:
    iterator = iter(events)
    while batch := list(islice(iterator, size)):
        yield batch
