"""fracas's attribute ruler sets what the model's ruler sets, attribute for attribute (fracas.nlp.attributes)."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from fracas.nlp.attributes import PartOfSpeechTags, rules_of

pytestmark = pytest.mark.model

TEXTS = [
    "Des hommes armés ont attaqué mardi un poste de l'armée près de Djibo, tuant cinq soldats.",
    "  Deux  roquettes\n\nse sont abattues   sur Kharkiv.\n \n",
    "\n\nLe 5 mai,\t\tà Gao :  trois morts.",
    " ",
]



def test_the_model_ruler_is_replaced(nlp):
    assert type(nlp.get_pipe("attribute_ruler")) is PartOfSpeechTags


def test_every_attribute_is_the_one_spacy_sets(nlp, spacy_model):
    attrs = [TAG, POS, MORPH, DEP, HEAD, LEMMA]
    with nlp.select_pipes(disable=["fracas_events"]):
        ours = [doc.to_array(attrs).tolist() for doc in nlp.pipe(TEXTS)]
    theirs = [doc.to_array(attrs).tolist() for doc in spacy_model.pipe(TEXTS)]
    assert ours == theirs


def test_white_space_tokens_are_mended(nlp):
    doc = nlp.make_doc("Deux  roquettes")
    for name, proc in nlp.pipeline[:5]:
        doc = proc(doc)
    assert [(t.text, t.tag_, t.pos_, str(t.morph), t.dep_) for t in doc][1] == (" ", "SPACE", "SPACE", "", "dep")


def test_a_ruler_with_other_rules_is_left_to_spacy():
    ruler = spacy.blank("fr").add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gao"}]], {"TAG": "PROPN"})
    assert rules_of(ruler) is None
