"""Before the parser: a text the relevance stage left to its sentences, decided from its tokens when it can be.

For such a text (`undecided`) every sense-dependent trigger needs a conflict frame in its own sentence
(`fracas.relevance.sentence_sense`, strict). The sentences are fixed before the parser
(`fracas_sentences`), and a trigger's word and lemma are all the sense check reads, so once the text is
tokenized it can be told, without parsing, that no trigger could pass: every token that may start a
lexicon entry — by its word or by any lemma spaCy's rules could give it, whatever its part of speech —
is dropped by the sense check in its sentence for every such lemma. The parsed path would then keep no
act and give no event, so the parse is skipped and the verdict is the same (irrelevant). Anything else
(an entry that needs no frame, a lemma that could escape the check) goes on to the parser.
"""

from __future__ import annotations

from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

from fracas.extract.triggers import TriggerLexicon, _fold_word
from fracas.model import Relevance
from fracas.nlp.doctext import doc_text
from fracas.nlp.lemmas import FrenchRuleLemmas
from fracas.relevance import sentence_sense

ALL_POS = tuple(name.lower() for name in IDS)  # every part of speech the tagger can give, "" included
MAX_LINES = 8


class Prescreen:
    """Decides `undecided` texts from their tokens and sentences; see the module's docstring."""

    def __init__(self, lexicon: TriggerLexicon, lemmas: FrenchRuleLemmas) -> None:
        self.lexicon = lexicon
        self.lemmas = lemmas
        self._lemma_cache: dict[str, frozenset[str]] = {}

    def possible_lemmas(self, word: str) -> frozenset[str]:
        """The folded lemmas spaCy's French rules give `word` under any part of speech."""
        found = self._lemma_cache.get(word)
        if found is None:
            found = self._lemma_cache[word] = frozenset(_fold_word(self.lemmas.lemmatize(word, pos))
                                                        for pos in ALL_POS)
        return found

    def verdict(self, doc: Doc, cues: tuple[str, ...], text_other: int) -> Relevance | None:
        """`irrelevant` when no trigger of the sentence-split `doc` can pass the strict sense check, else None."""
        text = doc_text(doc)
        lines: list[str] = []
        for sentence in doc.sents:
            sentence_text = text[sentence.start_char:sentence.end_char]
            for token in sentence:
                word = _fold_word(token.text)
                lemmas = self.possible_lemmas(token.text)
                if word not in self.lexicon.by_first and not any(lemma in self.lexicon.by_first for lemma in lemmas):
                    continue
                whys = [sentence_sense((word, lemma), sentence_text, strict=True, text_other=text_other)
                        for lemma in sorted(lemmas)]
                if any(why is None for why in whys):
                    return None  # this word could report an act: the parser decides
                lines.append(f"sense: {token.text!r} (chars {token.idx}-{token.idx + len(token.text)}) dropped "
                             f"before parsing: {whys[0]}")
        return Relevance("irrelevant", "text", "no act word in a sentence with a conflict frame (read before "
                         "parsing)", cues, tuple(lines[:MAX_LINES]))
