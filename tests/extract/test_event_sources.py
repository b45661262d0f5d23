"""Which speakers of a dispatch are the sources of each act (EventExtractor._attach_sources), on written text."""

import pytest

import fracas
from fracas.model import Source

pytestmark = pytest.mark.model


def sources_by_place(text: str) -> dict[str, list[Source]]:
    return {event.location.name: list(event.sources) for event in fracas.extract(text, published="2024-03-06")}


def test_a_source_unknown_by_its_words_is_kept_beside_known_ones() -> None:
    text = ("Des jihadistes ont tué cinq gendarmes mardi lors d'une attaque contre leur poste à Ménaka, "
            "ont affirmé un député et un responsable local.")
    assert sources_by_place(text) == {"Menaka": [
        Source("Politician", "unknown", "un député"),
        Source("Local official", "local_official", "un responsable local"),
    ]}


def test_a_speaker_named_after_an_act_is_not_its_source() -> None:
    text = ("Des jihadistes ont tué trois civils lundi à Gao. "
            "Mercredi, des soldats ont arrêté cinq manifestants à Kayes, a indiqué la police.")
    assert sources_by_place(text) == {"Gao": [], "Kayes": [Source("Government", "government", "police")]}
