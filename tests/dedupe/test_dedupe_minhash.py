from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash

from fracas.dedupe import (
    NEAR_DUPLICATE_THRESHOLD,
    NearDuplicateIndex,
    find_near_duplicate,
    signature,
    similarity,
)
from fracas.dedupe.minhash import NUM_PERM, SCHEME, SEED, shingles, signature_array
from fracas.errors import UsageError

STORY = (
    "Syrie: frappes russes meurtrières dans la province de Homs\n"
    "Beyrouth, 7 oct 2015 (AFP) - Des avions russes ont mené mercredi des frappes sur la ville de "
    "Talbisseh, dans le nord de la province de Homs, tuant au moins dix civils dont trois enfants, a "
    "indiqué l'Observatoire syrien des droits de l'homme (OSDH). Selon l'ONG, qui dispose d'un vaste "
    "réseau de sources médicales et de militants à travers le pays, les raids ont visé un marché et "
    "des habitations. Le ministère russe de la Défense a affirmé pour sa part avoir frappé des "
    "positions du groupe Etat islamique et d'autres groupes terroristes dans la région. Moscou mène "
    "depuis le 30 septembre une campagne aérienne en soutien au régime de Bachar al-Assad, la "
    "première intervention militaire russe hors de l'ex-URSS depuis la fin de la guerre froide."
)
REPUBLISHED = STORY.replace(
    "Syrie: frappes russes meurtrières dans la province de Homs",
    "Dix civils tués dans des raids russes près de Homs (ONG)",
)
OTHER_STORY = (
    "Mali: une attaque contre un camp militaire fait plusieurs morts\n"
    "Bamako, 12 jan 2016 (AFP) - Des hommes armés ont attaqué mardi un camp de l'armée malienne près "
    "de Tombouctou, tuant quatre soldats, selon une source sécuritaire. L'attaque n'a pas été "
    "revendiquée mais la région est le théâtre d'opérations de groupes jihadistes liés à Al-Qaïda."
)


def test_signature_is_a_deterministic_tuple_of_128_ints() -> None:
    sig = signature(STORY)
    assert (type(sig), len(sig), all(type(v) is int for v in sig)) == (tuple, 128, True)
    assert signature(STORY) == sig
    # accents and case are folded before shingling
    assert signature(STORY.upper()) == signature(STORY.replace("é", "e"))


def test_republished_story_matches_and_other_story_does_not() -> None:
    assert similarity(signature(STORY), signature(REPUBLISHED)) >= NEAR_DUPLICATE_THRESHOLD
    assert similarity(signature(STORY), signature(OTHER_STORY)) < 0.2
    stored = [("d-other", signature(OTHER_STORY)), ("d-story", signature(STORY))]
    assert find_near_duplicate(signature(REPUBLISHED), stored) == "d-story"
    assert find_near_duplicate(signature(REPUBLISHED), stored[:1]) is None


def test_ties_go_to_the_smallest_dispatch_id() -> None:
    sig = signature(STORY)
    assert find_near_duplicate(sig, [("d-b", sig), ("d-a", sig)]) == "d-a"


def test_index_finds_the_same_dispatches_as_the_scan() -> None:
    index = NearDuplicateIndex()
    index.add("d-story", signature(STORY))
    index.add("d-other", signature(OTHER_STORY))
    index.add("d-story", signature(STORY))  # the same again: no change
    assert (len(index), "d-story" in index) == (2, True)
    assert index.query(signature(REPUBLISHED)) == ["d-story"]
    assert index.query(signature("Un texte sans aucun rapport avec les deux autres dépêches.")) == []


def test_mismatched_signatures_are_refused() -> None:
    index = NearDuplicateIndex()
    index.add("d-story", signature(STORY))
    with pytest.raises(UsageError, match="already indexed with a different signature"):
        index.add("d-story", signature(OTHER_STORY))
    with pytest.raises(UsageError, match="expected 128"):
        similarity((1, 2, 3), signature(STORY))


def test_signature_values_are_pinned() -> None:
    # Stored signatures must compare with new ones: a change here (datasketch scheme, seed, shingling)
    # means every stored signature has to be recomputed.
    pinned = (254536582, 180289082, 1017212590, 1325509306)
    assert signature("Des avions russes ont frappé Talbisseh")[:4] == pinned


def test_the_numpy_signature_equals_datasketchs_minhash() -> None:
    texts = [STORY, REPUBLISHED, OTHER_STORY, "", "Deux mots", "Un seul mot répété, répété, répété."]
    for text in texts:
        reference = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
        reference.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
        computed = signature_array(text)
        assert (computed.dtype, computed.tolist()) == (np.dtype(np.uint32), [int(v) for v in reference.hashvalues])
        assert signature(text) == tuple(computed.tolist())
