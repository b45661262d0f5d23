"""The same event in several dispatches becomes one event whose sources accumulate.

`find_match` says which stored event an incoming one reports again (and why, for `fracas show`),
`merge` folds the new report in, and the MinHash helpers spot the same wire story republished.
"""

from fracas.dedupe.match import (
    GENERIC_ACTOR_NAMES,
    MergeDecision,
    distance_km,
    explain,
    find_match,
    is_generic,
)
from fracas.dedupe.merge import merge, merge_fatalities
from fracas.dedupe.minhash import (
    NEAR_DUPLICATE_THRESHOLD,
    SIGNATURE_VERSION,
    DispatchSignature,
    NearDuplicateIndex,
    find_near_duplicate,
    signature,
    similarity,
)

__all__ = [
    "GENERIC_ACTOR_NAMES",
    "NEAR_DUPLICATE_THRESHOLD",
    "SIGNATURE_VERSION",
    "MergeDecision",
    "NearDuplicateIndex",
    "DispatchSignature",
    "distance_km",
    "explain",
    "find_match",
    "find_near_duplicate",
    "is_generic",
    "merge",
    "merge_fatalities",
    "signature",
    "similarity",
]
