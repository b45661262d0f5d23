"""Near-duplicate dispatches: the same wire story republished with a new headline or a line added.

A dispatch's signature is a MinHash (datasketch, 128 permutations, fixed seed) of its word 3-shingles,
taken over the accent-folded, lower-cased words. It is stored as a plain tuple of ints, so a store can
keep it in a column and compare it later; the same text gives the same signature on every machine.
Two dispatches whose estimated Jaccard similarity is at least `NEAR_DUPLICATE_THRESHOLD` are the
same story: the store links them instead of counting their events twice.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from fracas.errors import UsageError
from fracas.text import fold

NUM_PERM = 128
SEED = 20151007  # fixed: signatures stored by one run must compare with those of the next
SHINGLE_WORDS = 3
NEAR_DUPLICATE_THRESHOLD = 0.8
# datasketch 2 permutes with "affine32" by default and 1.x with another scheme: the scheme is pinned
# so signatures stay comparable, and named here so a store can record what its signatures are.
SCHEME = "affine32"
SIGNATURE_VERSION = f"minhash-{SCHEME}-{NUM_PERM}-{SEED}-w{SHINGLE_WORDS}"

_WORD_RE = re.compile(r"\w+")
# MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme applies to each input hash before
# permuting it (shifts and multipliers, in order).
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))

DispatchSignature = tuple[int, ...]


def shingles(text: str) -> set[str]:
    """The word 3-shingles of `text`, accents folded and lower-cased (a shorter text is one shingle)."""
    words = _WORD_RE.findall(fold(text))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)}
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # Drawing the 128 permutations from the seed is half the cost of a signature: drawn once, reused.
    permutations: tuple[np.ndarray, np.ndarray] = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
    return permutations


def signature(text: str) -> DispatchSignature:
    """The MinHash signature of a dispatch's text, as a storable tuple of NUM_PERM ints."""
    return tuple(signature_array(text).tolist())


def signature_array(text: str) -> np.ndarray:
    """The signature as NUM_PERM uint32 values, equal to datasketch's MinHash of the text's shingles
    (SHA-1 hashes, the affine32 pre-mix and permutations), computed in one numpy step without a MinHash
    object: a third of the time, which is most of a bulk-built store's."""
    digests = b"".join(hashlib.sha1(shingle.encode("utf-8")).digest()[:4] for shingle in shingles(text))
    hashed = np.frombuffer(digests, dtype="<u4").astype(np.uint32)
    shift1, mult1, shift2, mult2, shift3 = _FMIX32
    hashed = hashed ^ (hashed >> shift1)
    hashed = hashed * mult1
    hashed = hashed ^ (hashed >> shift2)
    hashed = hashed * mult2
    hashed = hashed ^ (hashed >> shift3)
    a, b = _permutations()
    permuted: np.ndarray = hashed.reshape(-1, 1) * a + b  # uint32 arithmetic wraps: the modulo 2**32 of affine32
    return permuted.min(axis=0)


def similarity(a: DispatchSignature, b: DispatchSignature) -> float:
    """Estimated Jaccard similarity of two dispatches' shingles: the share of equal signature slots."""
    if len(a) != NUM_PERM or len(b) != NUM_PERM:
        raise UsageError(
            f"signatures have {len(a)} and {len(b)} values, expected {NUM_PERM}; "
            "recompute them with fracas.dedupe.signature()"
        )
    return sum(x == y for x, y in zip(a, b)) / NUM_PERM


def find_near_duplicate(
    sig: DispatchSignature, stored: Iterable[tuple[str, DispatchSignature]]
) -> str | None:
    """The id of the stored dispatch most similar to `sig`, if at least NEAR_DUPLICATE_THRESHOLD similar.

    Ties go to the smallest dispatch id, so the answer does not depend on the order of `stored`.
    """
    best: tuple[float, str] | None = None
    for dispatch_id, other in stored:
        score = similarity(sig, other)
        if score >= NEAR_DUPLICATE_THRESHOLD and (
            best is None or score > best[0] or (score == best[0] and dispatch_id < best[1])
        ):
            best = (score, dispatch_id)
    return best[1] if best is not None else None


class NearDuplicateIndex:
    """An in-memory MinHash LSH index of dispatch signatures, for stores too large to scan.

    LSH finds candidates in sub-linear time; `query` then checks each candidate's actual similarity,
    so it returns exactly the indexed dispatches at or above the threshold, most similar first.
    """

    def __init__(self, *, threshold: float = NEAR_DUPLICATE_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, DispatchSignature] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, dispatch_id: object) -> bool:
        return dispatch_id in self._signatures

    def add(self, dispatch_id: str, sig: DispatchSignature) -> None:
        """Index one dispatch; adding the same id with the same signature again does nothing."""
        known = self._signatures.get(dispatch_id)
        if known is not None:
            if known != tuple(sig):
                raise UsageError(
                    f"dispatch {dispatch_id} is already indexed with a different signature; "
                    "a dispatch id must identify one text"
                )
            return
        self._lsh.insert(dispatch_id, _minhash(sig))
        self._signatures[dispatch_id] = tuple(sig)

    def query(self, sig: DispatchSignature) -> list[str]:
        """Ids of indexed dispatches at least `threshold` similar to `sig`, most similar first, then by id."""
        scored = []
        for dispatch_id in self._lsh.query(_minhash(sig)):
            score = similarity(sig, self._signatures[dispatch_id])
            if score >= self.threshold:
                scored.append((-score, dispatch_id))
        return [dispatch_id for _, dispatch_id in sorted(scored)]


def _minhash(sig: DispatchSignature) -> MinHash:
    if len(sig) != NUM_PERM:
        raise UsageError(
            f"a signature has {len(sig)} values, expected {NUM_PERM}; "
            "recompute it with fracas.dedupe.signature()"
        )
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=np.array(sig, dtype=np.uint64), scheme=SCHEME)
