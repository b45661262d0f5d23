"""fracas's French rule lemmas are spaCy's, word for word (fracas.nlp.lemmas)."""

from __future__ import annotations

import pytest

from fracas.nlp.lemmas import FrenchRuleLemmas

pytestmark = pytest.mark.model

SENTENCES = [
    "Des hommes armés ont attaqué mardi un poste de l'armée près de Djibo, tuant cinq soldats.",
    "Les manifestants, rassemblés devant la préfecture, ont été dispersés par des tirs de gaz lacrymogène.",
    "Le PSG a écrasé Ajaccio 5-0 ; l'attaquant s'est blessé en frappant le ballon.",
    "Deux roquettes se sont abattues sur Kharkiv, ont déclaré les autorités régionales.",
    "Elles auraient été enlevées à Kidal   par des inconnus\n\narmés, selon des sources concordantes.",
]



def test_the_model_lemmatizer_is_replaced_by_the_fast_one(nlp):
    assert type(nlp.get_pipe("lemmatizer")) is FrenchRuleLemmas
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "fracas_sentences", "parser", "attribute_ruler",
                              "lemmatizer", "fracas_events"]  # the NER is disabled: fracas.extract.place_names


def test_every_lemma_is_the_one_spacy_gives(nlp, spacy_model):
    ours = [[t.lemma_ for t in doc] for doc in nlp.pipe(SENTENCES)]
    theirs = [[t.lemma_ for t in doc] for doc in spacy_model.pipe(SENTENCES)]
    assert ours == theirs


def test_a_sentence_lemmatized(nlp):
    doc = nlp("Deux roquettes se sont abattues sur Kharkiv.")
    assert [t.lemma_ for t in doc] == ["Deux", "roquette", "se", "être", "abattre", "sur", "Kharkiv", "."]


def test_a_word_under_each_part_of_speech(nlp):
    fast = nlp.get_pipe("lemmatizer")
    assert [fast.lemmatize("abattues", pos) for pos in ("verb", "adj", "noun", "propn", "", "space")] == [
        "abattre", "abattu", "abattue", "abattu", "abattues", "abattues"]
