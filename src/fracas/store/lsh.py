"""How the store keeps MinHash signatures and finds near-duplicate candidates without a scan.

A signature (`fracas.dedupe.signature`: 128 values below 2**32) is stored as its sketch: the low byte
of each value (128 bytes; schema 5 and 6 kept all 4 bytes of each, 512). Two values that are equal
have equal low bytes, so the share of equal bytes of two sketches is never below the share of equal
values of the signatures: a stored dispatch whose sketch agrees with the incoming signature's on
fewer than the near-duplicate threshold cannot be a near duplicate and is dropped without more work;
one that reaches it has its signature computed again from its stored text, so the decision is made on
the exact signatures as before. Bytes of unequal values agree by chance one time in 256, so a text
of similarity s has a sketch agreement of about s + (1 - s) / 256: near duplicates and texts just
below the threshold are recomputed, texts sharing a few phrases (s around 0.3) practically never.

The LSH index cuts the first LSH_BANDS * LSH_ROWS values into LSH_BANDS bands of LSH_ROWS values;
each band gives one 32-bit bucket key (the band number and its values hashed together, so the bands
share one table), and two dispatches become candidates when at least LSH_MIN_SHARED (2) keys are equal.
A 32-bit key (schema 5 and 6: 64-bit) collides by chance with about one key in 200 at 1 M dispatches;
a chance collision only adds a candidate that the sketch then drops, never a wrong link or a miss.

Recall: two dispatches whose signatures agree on a share s of values share a given band with
probability p = s**4, and at least two of the 20 bands with 1 - (1-p)**20 - 20 p (1-p)**19: 0.9996 at
s = 0.8 (the near-duplicate threshold), 0.99999 at s = 0.85, 1 - 3e-9 at s = 0.9. Asking for two
bands rather than one (0.99997 at s = 0.8) is what keeps ingest flat in a large store: texts that
only share a few phrases (s around 0.3, common among dispatches about one war) share one band
21 % of the time but two only 2 %, so the candidates read per dispatch no longer grow as fast with the
store. Candidates are then checked with the exact similarity, so a stray candidate costs one
comparison, never a wrong link. (Schema 1 kept 32 bands: misses at s = 0.8 were 5e-8 rather than 3e-5, for
60 % more rows.)
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Sequence
from typing import Any

import numpy as np

from fracas.errors import StoreError

LSH_BANDS = 20
LSH_ROWS = 4
LSH_MIN_SHARED = 2  # bands two dispatches must share to be compared (fewer when a signature has fewer)
_VALUE = struct.Struct(">I")
_BAND = tuple(bytes((band,)) for band in range(LSH_BANDS))  # the band number, the first byte hashed


def pack_signature(signature: Sequence[int] | np.ndarray) -> bytes:
    """The signature as big-endian unsigned 32-bit integers (512 bytes for 128 values); a numpy array
    (`fracas.dedupe.minhash.signature_array`, uint32) is packed in one step."""
    if isinstance(signature, np.ndarray) and signature.dtype == np.uint32:
        return signature.astype(">u4").tobytes()
    try:
        return struct.pack(f">{len(signature)}I", *signature)
    except struct.error as err:
        raise StoreError(
            f"a MinHash signature value does not fit in 32 bits ({err}); compute signatures with "
            "fracas.dedupe.signature()"
        ) from err


def unpack_signature(stored: Any) -> tuple[int, ...]:
    """A stored signature back as ints: packed bytes, or the JSON list schema 1 wrote."""
    if isinstance(stored, (bytes, bytearray, memoryview)):
        raw = bytes(stored)
        return struct.unpack(f">{len(raw) // _VALUE.size}I", raw)
    if isinstance(stored, str):
        stored = json.loads(stored)
    return tuple(int(value) for value in stored)


def lsh_buckets(signature: Sequence[int] | np.ndarray) -> list[int]:
    """The signature's bucket keys, one per band (none for a signature too short for one band): signed
    32-bit, the high half of the 64-bit keys schema 5 and 6 stored. Each key hashes the band number and
    the band's 16 bytes of the signature packed once."""
    packed = pack_signature(signature)
    size = LSH_ROWS * _VALUE.size
    buckets = []
    for band in range(min(LSH_BANDS, len(signature) // LSH_ROWS)):
        digest = hashlib.blake2b(_BAND[band] + packed[band * size : (band + 1) * size], digest_size=8).digest()
        buckets.append(int.from_bytes(digest[:4], "big", signed=True))
    return buckets


def sketch(signature: Sequence[int] | np.ndarray) -> bytes:
    """The low byte of each signature value: what the store keeps of a signature."""
    if isinstance(signature, np.ndarray):
        return (signature & 0xFF).astype(np.uint8).tobytes()
    return bytes(value & 0xFF for value in signature)


def near_duplicate_sketches(signature: Sequence[int] | bytes, stored: Sequence[Any], threshold: float) -> list[bool]:
    """`may_be_near_duplicate` of each stored value, the sketches compared in one numpy step: in a large
    store a dispatch has tens of LSH candidates (texts sharing two bands by a few common phrases), and
    comparing them one call at a time cost more than reading them."""
    mine = signature if isinstance(signature, bytes) else sketch(signature)
    raws = [bytes(value) for value in stored]
    alike = [i for i, raw in enumerate(raws) if mine and len(raw) == len(mine)]
    # The others (whole signatures stored before m0007, values not comparable) one at a time, as before.
    kept = [False if mine and len(raw) == len(mine) else may_be_near_duplicate(mine, raw, threshold) for raw in raws]
    if alike:
        matrix = np.frombuffer(b"".join(raws[i] for i in alike), np.uint8).reshape(len(alike), len(mine))
        agreeing = np.count_nonzero(matrix == np.frombuffer(mine, np.uint8), axis=1)
        for i, count in zip(alike, agreeing.tolist()):
            kept[i] = count / len(mine) >= threshold
    return kept


def may_be_near_duplicate(signature: Sequence[int] | bytes, stored: Any, threshold: float) -> bool:
    """False when the stored sketch (or a whole signature stored before m0007) shows that the stored
    dispatch is less than `threshold` similar to `signature` (a signature, or its sketch); True when
    it may be as similar."""
    mine = signature if isinstance(signature, bytes) else sketch(signature)
    raw = bytes(stored)
    if len(raw) == len(mine) * _VALUE.size:
        raw = sketch(unpack_signature(raw))
    elif len(raw) != len(mine) or not mine:
        return True  # not comparable value by value: let the exact comparison decide
    agreeing = int(np.count_nonzero(np.frombuffer(raw, np.uint8) == np.frombuffer(mine, np.uint8)))
    return agreeing / len(mine) >= threshold
