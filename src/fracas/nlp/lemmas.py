"""The French rule lemmatizer of spaCy, with the same lemmas, faster.

spaCy's `FrenchLemmatizer.rule_lemmatize` looks a word up in its per-part-of-speech index, which is a list
(66,000 nouns): every unseen (word, part of speech) pair costs a linear scan per suffix rule, about a
tenth of the model's time on new text. Here the index is a frozenset, the tokens are read and written as
arrays, and each (word, part of speech) pair is lemmatized once per process; the steps and their order
are spaCy's (spacy/lang/fr/lemmatizer.py, spaCy 3.8), so every lemma is the one spaCy gives
(tests/nlp/test_lemmas.py compares them).
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

RULE_POS = ("noun", "verb", "adj", "adp", "adv", "aux", "cconj", "det", "pron", "punct", "sconj")
NO_POS = ("", "eol", "space")


class FrenchRuleLemmas:
    """The lemmas of spaCy's French rule lemmatizer (mode "rule", overwrite False) from its tables."""

    def __init__(self, lookups: Any) -> None:
        self.use_tables(lookups)

    def use_tables(self, lookups: Any) -> None:
        """Read the lemmatizer's tables (spacy.lookups.Lookups: lemma_index, lemma_exc, lemma_rules,
        lemma_lookup)."""
        index = lookups.get_table("lemma_index", {})
        exceptions = lookups.get_table("lemma_exc", {})
        rules = lookups.get_table("lemma_rules", {})
        self.lookup = lookups.get_table("lemma_lookup", {})
        self.has_rules = "lemma_rules" in lookups
        self.tables = {pos: (frozenset(index.get(pos, ())), exceptions.get(pos, {}), list(rules.get(pos, [])))
                       for pos in RULE_POS}
        self.cache: dict[tuple[int, int], int] = {}  # (orth, pos) -> lemma hash

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        array = doc.to_array([ORTH, POS, LEMMA])
        strings = doc.vocab.strings
        lemmas = array[:, 2].copy()
        for i in numpy.flatnonzero(lemmas == 0):
            key = (int(array[i, 0]), int(array[i, 1]))
            lemma = self.cache.get(key)
            if lemma is None:
                lemma = self.cache[key] = strings.add(self.lemmatize(strings[key[0]], strings[key[1]].lower()))
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def lemmatize(self, string: str, univ_pos: str) -> str:
        """The first lemma spaCy's `FrenchLemmatizer.rule_lemmatize` gives `string` as `univ_pos`."""
        if univ_pos in NO_POS:
            return string.lower()
        if not self.has_rules or univ_pos not in self.tables:
            result = self.lookup.get(string, string)  # spaCy's lookup_lemmatize
            return result if isinstance(result, str) else result[0]
        index, exceptions, rules = self.tables[univ_pos]
        string = string.lower()
        if string in index:
            return string
        forms = list(exceptions.get(string, []))
        if not forms:
            oov_forms = []
            for old, new in rules:
                if string.endswith(old):
                    form = string[: len(string) - len(old)] + new
                    if not form:
                        pass
                    elif form in index or not form.isalpha():
                        forms.append(form)
                    else:
                        oov_forms.append(form)
            forms = forms or oov_forms
        if not forms:
            forms.append(self.lookup.get(string, [string])[0])
        return forms[0]


@Language.factory("fracas_lemmatizer", assigns=["token.lemma"], requires=["token.pos"])
def make_lemmatizer(nlp: Language, name: str) -> FrenchRuleLemmas:
    """Built empty-tabled; `use_fast_lemmas` gives it the tables of the model's own lemmatizer."""
    from spacy.lookups import Lookups

    return FrenchRuleLemmas(Lookups())


def use_fast_lemmas(nlp: Language) -> None:
    """Replace the model's `lemmatizer` (rule mode, no overwrite) by `FrenchRuleLemmas` on its tables,
    under the same name and at the same place; any other lemmatizer is left as it is."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("lemmatizer")
    if getattr(old, "mode", None) != "rule" or getattr(old, "overwrite", True) or type(old).__name__ != "FrenchLemmatizer":
        return
    lookups = old.lookups
    nlp.replace_pipe("lemmatizer", "fracas_lemmatizer")
    nlp.get_pipe("lemmatizer").use_tables(lookups)
