"""The rows a SQL store writes for a dispatch, an event and a link, built in one place.

Ingest writes them one dispatch at a time (`SQLStore.add_dispatch`, `upsert_event`, `link`); the bulk
loader (`store/bulk.py`) builds the same rows in worker processes, without a connection, and inserts
them in large transactions. Both call `RowValues`: how a value is stored (JSON, packed record, packed
text, hash bytes) is decided here once, so a bulk-built store holds exactly the rows ingest would write.

`RowValues` stores values plainly (PostgreSQL: JSONB records, plain text); `PackedRowValues` packs
them (SQLite, migration m0007_packed_rows: store/packing.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fracas.dedupe.match import date_span
from fracas.model import Dispatch, Event, Evidence, Relevance
from fracas.store.lsh import lsh_buckets, sketch
from fracas.store.packing import pack_record, pack_spans, pack_text
from fracas.store.protocol import content_hash

DISPATCH_COLUMNS = (
    "id", "content_hash", "text", "published", "published_precision", "outlet", "url", "origin", "signature",
    "near_duplicate_of", "relevance", "relevance_by", "relevance_reason", "relevance_cues",
)
EVENT_COLUMNS = (
    "event_id", "record", "event_date", "event_date_end", "date_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude", "fatalities",
    "confidence", "notes", "location_precision", "geonames_id",
)
LINK_COLUMNS = ("event_id", "dispatch_id", "evidence", "reasons", "distance_km")


def _insert(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


# DO NOTHING on either unique key of a dispatch (text or id): the caller decides what a clash means.
INSERT_DISPATCH = _insert("dispatches", DISPATCH_COLUMNS) + " ON CONFLICT DO NOTHING RETURNING seq"
INSERT_BUCKET = "INSERT INTO lsh_buckets (bucket, dispatch_seq) VALUES (?, ?) ON CONFLICT DO NOTHING"
UPSERT_EVENT = _insert("events", EVENT_COLUMNS) + " ON CONFLICT (event_id) DO UPDATE SET " + ", ".join(
    f"{column} = excluded.{column}" for column in EVENT_COLUMNS[1:]
)  # the caller adds the dialect's `updated_at = now`
UPSERT_LINK = _insert("event_dispatches", LINK_COLUMNS) + (
    " ON CONFLICT (event_id, dispatch_id) DO UPDATE SET"
    " evidence = excluded.evidence, reasons = excluded.reasons, distance_km = excluded.distance_km"
)


@dataclass(frozen=True)
class DispatchRow:
    """A dispatch's row (DISPATCH_COLUMNS order), its LSH bucket keys and the text its FTS index reads."""

    values: tuple[Any, ...]
    buckets: list[int]
    text: str


class RowValues:
    """How a SQL store writes values, and the rows built from them (a store's methods; usable alone)."""

    def _json(self, value: Any) -> Any:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # no spaces: bytes of every row

    def _date(self, value: dt.date) -> Any:
        return value.isoformat()

    def _pack_record(self, record: dict[str, Any]) -> Any:
        return self._json(record)

    def _pack_text(self, text: str) -> Any:
        return text

    def _hash_value(self, content_hash: str) -> Any:
        return content_hash

    def _pack_spans(self, spans: list[Any]) -> Any:
        return self._json(spans)

    def _relevance_columns(self, relevance: Relevance | None) -> tuple[Any, ...]:
        if relevance is None:
            return None, None, None, None
        return (relevance.verdict, relevance.decided_by, relevance.reason,
                self._json({"cues": list(relevance.cues), "dropped": list(relevance.dropped)}))

    # -- rows ----------------------------------------------------------------------------------
    def dispatch_row(self, dispatch: Dispatch, signature: Sequence[int], near_duplicate_of: str | None) -> DispatchRow:
        """`signature` is a tuple of ints or a numpy array (`fracas.dedupe.minhash.signature_array`)."""
        published = dispatch.published
        values = (
            dispatch.id, self._hash_value(content_hash(dispatch.text)), self._pack_text(dispatch.text),
            self._date(published.value) if published else None, published.precision if published else None,
            dispatch.outlet, dispatch.url, dispatch.origin, sketch(signature) if len(signature) else None,
            near_duplicate_of, *self._relevance_columns(dispatch.relevance),
        )
        return DispatchRow(values, lsh_buckets(signature), dispatch.text)

    def event_row(self, event: Event) -> tuple[Any, ...]:
        first, last = date_span(event)
        place = event.location
        return (
            event.event_id, self._pack_record(event.to_dict()), self._date(first), self._date(last),
            event.date_precision, event.event_type, event.sub_event_type, event.actor1.name,
            event.actor2.name if event.actor2 else None, place.country, place.admin1, place.admin2, place.name,
            place.lat, place.lon, event.fatalities, event.confidence, event.notes, place.precision,
            place.geonames_id,
        )

    def link_row(self, event_id: str, dispatch_id: str, *, evidence: Sequence[Evidence] = (),
                 reasons: Sequence[str] = (), distance_km: float | None = None) -> tuple[Any, ...]:
        spans = [_span(e, dispatch_id) for e in evidence]
        return (event_id, dispatch_id, self._pack_spans(spans), self._json(list(reasons)), distance_km)


class PackedRowValues(RowValues):
    """SQLite's values: packed records, texts, hashes and spans (store/packing.py)."""

    def _pack_record(self, record: dict[str, Any]) -> Any:
        return pack_record(record)

    def _pack_text(self, text: str) -> Any:
        return pack_text(text)

    def _hash_value(self, content_hash: str) -> Any:
        try:
            return bytes.fromhex(content_hash)  # 32 bytes instead of 64 hex digits, in the row and its index
        except ValueError:
            return content_hash  # not a sha256 in hex: never stored, so looked up as it is

    def _pack_spans(self, spans: list[Any]) -> Any:
        if all(isinstance(span, list) and span[1] >= 0 and span[2] >= 0 for span in spans):
            return pack_spans(spans)
        return self._json(spans)


def _span(evidence: Evidence, dispatch_id: str) -> list[Any] | dict[str, Any]:
    """An evidence span as a link keeps it: [field, start, end] when it is in the link's own dispatch
    (the dispatch id is the row's, not repeated in each span: a third of the links' bytes), else whole."""
    if evidence.dispatch_id == dispatch_id:
        return [evidence.field, evidence.start, evidence.end]
    return {"field": evidence.field, "dispatch_id": evidence.dispatch_id, "start": evidence.start, "end": evidence.end}
