"""The output of `fracas batch`: one Parquet file per partition in each of three folders.

    OUT/dispatches/part-00003.parquet   id, text, published, published_precision, outlet, url, origin,
                                        relevance (the verdict as JSON, as `Relevance.to_dict` gives it)
    OUT/events/part-00003.parquet       dispatch_id, event_id, event_date, sub_event_type, country, record
                                        (record = the contract JSON of the event, as the store keeps it)
    OUT/rejections/part-00003.parquet   origin, reason, line

A partition is complete when its dispatches file exists: it is written last, and each file is
written under a temporary name and renamed, so a killed worker leaves no partition half-visible.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from fracas.model import Dispatch, Event, PublicationDate, Rejection, Relevance

_FOLDERS = ("events", "rejections", "dispatches")  # in writing order: dispatches last marks completion


@dataclass(frozen=True)
class BatchPartition:
    """One partition read back: its dispatches in input order, each with its events; its rejections."""

    name: str
    dispatches: tuple[Dispatch, ...]
    events: dict[str, list[Event]]
    rejections: tuple[Rejection, ...]


def is_batch_output(path: str) -> bool:
    return os.path.isdir(os.path.join(path, "dispatches"))


def write_partition(out_dir: str | Path, name: str, results: Sequence[tuple[Dispatch, Sequence[Event]]],
                    rejections: Sequence[Rejection]) -> None:
    tables = {
        "events": _events_table(results),
        "rejections": _rejections_table(rejections),
        "dispatches": _dispatches_table([dispatch for dispatch, _ in results]),
    }
    for folder in _FOLDERS:
        _write_atomically(tables[folder], Path(out_dir) / folder / f"{name}.parquet")


def _strings(columns: dict[str, list[str | None]]) -> object:
    import pyarrow as pa

    return pa.table(columns, schema=pa.schema([(name, pa.string()) for name in columns]))


def _events_table(results: Sequence[tuple[Dispatch, Sequence[Event]]]) -> object:
    pairs = [(dispatch.id, event) for dispatch, events in results for event in events]
    return _strings({
        "dispatch_id": [dispatch_id for dispatch_id, _ in pairs],
        "event_id": [e.event_id for _, e in pairs],
        "event_date": [e.event_date for _, e in pairs],
        "sub_event_type": [e.sub_event_type for _, e in pairs],
        "country": [e.location.country for _, e in pairs],
        "record": [json.dumps(e.to_dict(), ensure_ascii=False) for _, e in pairs],
    })


def _rejections_table(rejections: Sequence[Rejection]) -> object:
    import pyarrow as pa

    return pa.table({
        "origin": pa.array([r.origin for r in rejections], type=pa.string()),
        "reason": pa.array([r.reason for r in rejections], type=pa.string()),
        "line": pa.array([r.line for r in rejections], type=pa.int64()),
    })


def _dispatches_table(dispatches: Sequence[Dispatch]) -> object:
    return _strings({
        "id": [d.id for d in dispatches],
        "text": [d.text for d in dispatches],
        "published": [d.published.value.isoformat() if d.published else None for d in dispatches],
        "published_precision": [d.published.precision if d.published else None for d in dispatches],
        "outlet": [d.outlet for d in dispatches],
        "url": [d.url for d in dispatches],
        "origin": [d.origin for d in dispatches],
        "relevance": [json.dumps(d.relevance.to_dict(), ensure_ascii=False) if d.relevance else None
                      for d in dispatches],
    })


def _write_atomically(table: object, path: Path) -> None:
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)


def read_partitions(out_dir: str | Path) -> Iterator[BatchPartition]:
    """The complete partitions of a batch output, in name (= input) order."""
    import pyarrow.parquet as pq

    root = Path(out_dir)
    for path in sorted((root / "dispatches").glob("*.parquet")):
        name = path.stem
        dispatches = tuple(_dispatch(row) for row in pq.read_table(path).to_pylist())
        events: dict[str, list[Event]] = {}
        for row in pq.read_table(root / "events" / path.name).to_pylist():
            events.setdefault(row["dispatch_id"], []).append(Event.from_dict(json.loads(row["record"])))
        rejections = tuple(Rejection(row["origin"], row["reason"], row["line"])
                           for row in pq.read_table(root / "rejections" / path.name).to_pylist())
        yield BatchPartition(name, dispatches, events, rejections)


def _dispatch(row: dict[str, str | None]) -> Dispatch:
    published, verdict = None, row.get("relevance")  # no column in the output of an older fracas
    if row["published"]:
        import datetime as dt

        published = PublicationDate(dt.date.fromisoformat(row["published"]), row["published_precision"])  # type: ignore[arg-type]
    return Dispatch(id=str(row["id"]), text=str(row["text"]), published=published, outlet=row["outlet"],
                    url=row["url"], origin=str(row["origin"]),
                    relevance=Relevance.from_dict(json.loads(verdict)) if verdict else None)
