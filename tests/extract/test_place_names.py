"""Place candidates read by rule from the tagged tokens, without the entity recogniser."""

from __future__ import annotations

import pytest

from fracas.extract.place_names import name_spans


@pytest.fixture(scope="module")
def names(nlp):
    def read(text: str) -> list[str]:
        with nlp.select_pipes(disable=["fracas_events"]):
            doc = nlp(text)
        return [text[start:end] for start, end in name_spans(doc)]
    return read


def test_the_pipeline_runs_no_entity_recogniser(nlp):
    assert "ner" not in nlp.pipe_names


def test_names_and_their_parts(names):
    assert names("Des tirs ont visé Kalo, au Nord du Tchad, et Jisr al-Choghour.") == [
        "Kalo", "Nord du Tchad", "Nord", "Tchad", "Jisr al-Choghour"]


def test_a_sentence_opening_word_is_no_name_but_a_proper_noun_is(names):
    assert names("Les soldats sont partis. Bamako reste calme.") == ["Bamako"]


def test_an_adjective_after_a_capitalised_noun_belongs_to_the_name(names):
    assert names("Le chef des Casques bleus a parlé au Mali voisin.") == ["Casques bleus", "Mali"]


def test_an_elided_capital_and_a_hyphenated_word_are_one_name(names):
    assert names("La marche a eu lieu à N'Djamena et à Bouar-centre.") == ["N'Djamena", "Bouar-centre"]


def test_a_name_after_a_lake_or_a_river_word_is_no_place(names):
    assert names("Les pirogues ont traversé le lac Kivu vers Goma.") == ["Goma"]
