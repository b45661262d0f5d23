"""Events out of fracas: contract JSON Lines / JSON, ACLED-style CSV, GeoJSON, Parquet, a terminal table.

Every writer takes an iterable of events (consumed once, streamed where the format allows) and a
destination: a file path, written to a temporary file and renamed into place only when complete, or
an open stream (text, or binary, which is written as UTF-8). Each returns how many events it wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal, get_args

from rich.console import Console

from fracas.errors import UsageError
from fracas.export._io import Destination
from fracas.export.acled import ACLED_COLUMNS, COLUMNS, EXTRA_COLUMNS, acled_row, csv_cells, write_acled_csv
from fracas.export.geojson import feature, write_geojson
from fracas.export.parquet import write_parquet
from fracas.export.records import write_json, write_jsonl
from fracas.export.table import write_table
from fracas.model import Event

ExportFormat = Literal["jsonl", "json", "acled-csv", "csv", "geojson", "parquet", "table"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)

_WRITERS: dict[str, Callable[[Iterable[Event], Any], int]] = {
    "jsonl": write_jsonl,
    "json": write_json,
    "acled-csv": write_acled_csv,
    "csv": write_acled_csv,  # the only CSV layout fracas writes
    "geojson": write_geojson,
    "parquet": write_parquet,
    "table": write_table,
}


def export(events: Iterable[Event], fmt: ExportFormat, destination: Destination | Console) -> int:
    """Write `events` in format `fmt` to `destination`; return how many events were written."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise UsageError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if isinstance(destination, Console) and fmt != "table":
        raise UsageError(
            f"a rich Console can only show the table format, not {fmt!r}; give a path or a stream"
        )
    return writer(events, destination)


__all__ = [
    "ACLED_COLUMNS",
    "COLUMNS",
    "EXTRA_COLUMNS",
    "FORMATS",
    "Destination",
    "ExportFormat",
    "acled_row",
    "csv_cells",
    "export",
    "feature",
    "write_acled_csv",
    "write_geojson",
    "write_json",
    "write_jsonl",
    "write_parquet",
    "write_table",
]
