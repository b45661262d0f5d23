"""How the SQLite store packs its largest values (migration m0007_packed_rows), and reads them back.

record     the contract JSON of an event without `notes` (the row's own notes column holds them, and
           the notes index reads them there), raw-deflated against RECORD_DICTIONARY_V1: about 330
           bytes instead of 1.5 KB. The dictionary is the record's keys and the values every record
           repeats (event types, sub-types, kinds, precisions): frozen, since stored rows depend on it;
           a new one needs a new version byte.
text       a dispatch's text, raw-deflated (about 380 bytes instead of 600); texts it would not
           shorten stay plain.
evidence   a link's spans as bytes: per span the field's number in EVIDENCE_FIELDS (or 0 and the
           name), then start and end as varints: about 30 bytes instead of 140 of JSON. A link holding
           a span of another dispatch keeps the JSON form (rare: a merged event's own spans only).

Each packed value is a BLOB starting with its version byte; a TEXT value is the form written before
m0007 (JSON or plain text) and is read as such, so a value of either form reads back the same.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from typing import Any

from fracas.errors import StoreError

_V1 = 1
_WBITS = -15  # raw deflate: no zlib header or checksum (the version byte says what it is)

_ACTOR_KINDS = ("rebel_group", "state_forces", "political_militia", "identity_militia", "external_other",
                "civilians", "protesters", "rioters")
_SOURCE_KINDS = ("government", "ngo", "armed_group", "un_agency", "media", "state_media", "local_official",
                 "witness", "unknown")
_SUB_TYPES = (
    ("Battles", ("Armed clash", "Government regains territory", "Non-state actor overtakes territory")),
    ("Explosions/Remote violence", ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                    "Grenade")),
    ("Violence against civilians", ("Sexual violence", "Attack", "Abduction/forced disappearance")),
    ("Protests", ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")),
    ("Riots", ("Violent demonstration", "Mob violence")),
    ("Strategic developments", ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                                "Headquarters or base established", "Looting/property destruction",
                                "Non-violent transfer of territory", "Other")),
)
EVIDENCE_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "event_date", "fatalities",
                   "sources", "assoc_actors", "civilian_fatalities", "wounded", "fatalities_low",
                   "fatalities_high", "notes")
_SKELETON = (
    '{"event_id":"fr-","event_date":"20","date_precision":"day","event_type":"","sub_event_type":"",'
    '"actor1":{"name":"","kind":"","country":null,"text":""},"actor2":{"name":"","kind":"","country":null,'
    '"text":""},"assoc_actors":[],"location":{"name":"","admin1":"","admin2":null,"country":"","lat":,"lon":,'
    '"geonames_id":,"precision":"place","text":""},"fatalities":null,"fatalities_low":null,'
    '"fatalities_high":null,"civilian_fatalities":null,"wounded":null,"sources":[{"name":"","kind":"",'
    '"text":""}],"confidence":"weak","evidence":['
    + ",".join(f'{{"field":"{name}","dispatch_id":"d-","start":,"end":}}' for name in EVIDENCE_FIELDS[:8])
    + '],"dispatch_ids":["d-"]}'
)
# Frozen: every record packed with version 1 needs exactly these bytes to be read back.
RECORD_DICTIONARY_V1 = (
    ",".join(f'"event_type":"{kind}","sub_event_type":"{sub}"' for kind, subs in _SUB_TYPES for sub in subs)
    + "".join(f'"kind":"{kind}"' for kind in _SOURCE_KINDS + _ACTOR_KINDS)
    + '"precision":"admin1""precision":"admin2""precision":"country""date_precision":"week"'
    '"date_precision":"month""date_precision":"year""confidence":"fair""confidence":"confirmed"'
    '"confidence":"contested","review_status":' + _SKELETON
).encode("utf-8")


def _deflate(data: bytes, dictionary: bytes | None) -> bytes:
    packer = (zlib.compressobj(9, zlib.DEFLATED, _WBITS, 9, zlib.Z_DEFAULT_STRATEGY, dictionary)
              if dictionary else zlib.compressobj(9, zlib.DEFLATED, _WBITS, 9))
    return packer.compress(data) + packer.flush()


def _inflate(data: bytes, dictionary: bytes | None) -> bytes:
    unpacker = zlib.decompressobj(_WBITS, dictionary) if dictionary else zlib.decompressobj(_WBITS)
    return unpacker.decompress(data) + unpacker.flush()


def _blob(value: Any, what: str) -> bytes:
    raw = bytes(value)
    if not raw or raw[0] != _V1:
        raise StoreError(f"a stored {what} has an unknown packing (version byte {raw[:1]!r}); "
                         "it was written by a newer fracas: upgrade fracas to read this store")
    return raw[1:]


# -- records ---------------------------------------------------------------------------------------
def pack_record(record: dict[str, Any]) -> bytes:
    """The contract record (Event.to_dict()) without its notes, packed."""
    rest = {key: value for key, value in record.items() if key != "notes"}
    text = json.dumps(rest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return bytes([_V1]) + _deflate(text, RECORD_DICTIONARY_V1)


def unpack_record(stored: Any, notes: str) -> dict[str, Any]:
    """A stored record back as the contract dict: packed (notes from the row) or the JSON before m0007."""
    if isinstance(stored, str):
        return json.loads(stored)  # type: ignore[no-any-return]
    if isinstance(stored, dict):
        return stored
    record: dict[str, Any] = json.loads(_inflate(_blob(stored, "event record"), RECORD_DICTIONARY_V1))
    record["notes"] = notes
    return record


# -- dispatch text ---------------------------------------------------------------------------------
def pack_text(text: str) -> str | bytes:
    """The text packed, or the text itself when packing would not shorten it."""
    raw = text.encode("utf-8")
    packed = bytes([_V1]) + _deflate(raw, None)
    return packed if len(packed) < len(raw) else text


def unpack_text(stored: Any) -> str:
    if isinstance(stored, str):
        return stored
    return _inflate(_blob(stored, "dispatch text"), None).decode("utf-8")


# -- evidence spans of a link ----------------------------------------------------------------------
def pack_spans(spans: Sequence[tuple[str, int, int]]) -> bytes:
    """A link's own spans, (field, start, end), as bytes (offsets must be 0 or more)."""
    out = bytearray([_V1])
    for name, start, end in spans:
        code = EVIDENCE_FIELDS.index(name) + 1 if name in EVIDENCE_FIELDS else 0
        out.append(code)
        if code == 0:
            encoded = name.encode("utf-8")
            _varint(out, len(encoded))
            out += encoded
        _varint(out, start)
        _varint(out, end)
    return bytes(out)


def unpack_spans(stored: Any) -> list[tuple[str, int, int]]:
    data = _blob(stored, "link evidence")
    spans: list[tuple[str, int, int]] = []
    at = 0
    while at < len(data):
        code, at = data[at], at + 1
        if code == 0:
            size, at = _read_varint(data, at)
            name, at = data[at : at + size].decode("utf-8"), at + size
        else:
            name = EVIDENCE_FIELDS[code - 1]
        start, at = _read_varint(data, at)
        end, at = _read_varint(data, at)
        spans.append((name, start, end))
    return spans


def _varint(out: bytearray, value: int) -> None:
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def _read_varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7
