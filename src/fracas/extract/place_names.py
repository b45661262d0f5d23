"""Proper names in a tagged dispatch, read by rule from its tokens: the place candidates the model's entity
recogniser used to give, without running it.

The recogniser (about a third of fracas's time on a news flow) was read only for its capitalised spans,
which the gazetteer then resolves. The same spans come from the tokens and their part of speech (the
morphologizer runs anyway): a name opens on a capitalised word that is no function word (a sentence's
first word only when it is a proper noun, "Les" is not a name), goes on over capitalised words and
proper nouns ("Jisr al - Choghour"), over a joining word before a capitalised one ("Afrique de l'Ouest"),
and over the lower-case adjectives after a capitalised common noun ("Etat islamique", "Casques bleus",
"République démocratique du Congo"), which the recogniser also read as one name that no gazetteer has.
A name right after "lac" or "fleuve" names the water, not a province or a country: it is left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Token

from fracas.resources import rule_pack

# Parts of speech that never open a name, capitalised or not ("Selon", "Les", "Il", "Au").
FUNCTION_POS = frozenset({"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PUNCT", "SYM", "NUM", "SPACE", "PART"})


@lru_cache(maxsize=None)
def name_joiners(language: str = "fr") -> frozenset[str]:
    """The lower-case words that join two capitalised words of one name (data/<language>/places.yaml)."""
    return frozenset(str(word) for word in rule_pack("places", language)["name_joiners"])


@lru_cache(maxsize=None)
def water_bodies(language: str = "fr") -> frozenset[str]:
    """The words after which a proper name names a lake or a river (data/<language>/places.yaml)."""
    return frozenset(str(word) for word in rule_pack("places", language)["water_bodies"])


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _opens_name(token: Token, joiners: frozenset[str]) -> bool:
    """A capitalised word that is no function word, and at a sentence's start a proper noun or the first of
    two capitalised words ("Walia Hadjarai"); or an elided capital glued to a name ("N'Djamena")."""
    if not _capitalised(token):
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.text[-1:] in "'’" and following is not None and not token.whitespace_ and _capitalised(following):
        return token.text.lower() not in joiners  # "N'Djamena", but not "L'Inde"
    if token.pos_ in FUNCTION_POS:
        return False
    return token.pos_ == "PROPN" or not token.is_sent_start or (following is not None and _continues_name(following))


def _continues_name(token: Token) -> bool:
    """A word that carries a name on: capitalised (but no function word), or a proper noun ("al", "-")."""
    if token.is_space or (token.is_punct and token.text != "-"):
        return False  # "Bilingual Academy de Kumba –": a dash tagged as a proper noun ends the name
    return (_capitalised(token) and token.pos_ not in FUNCTION_POS) or token.pos_ == "PROPN"


def _name_end(tokens: Doc, i: int, joiners: frozenset[str]) -> int:
    """The index after the last token of the name that opens at token `i`."""
    end, goes_on = i + 1, True
    while goes_on and end < len(tokens):
        end, goes_on = _reach(tokens, end, joiners)
    while end - 1 > i and tokens[end - 1].text.lower() in joiners and not _capitalised(tokens[end - 1]):
        end -= 1  # never end on a joiner
    return end


def _reach(tokens: Doc, end: int, joiners: frozenset[str]) -> tuple[int, bool]:
    """How far a name that has reached token `end` (excluded) goes with that token, and whether it may go on."""
    if _glued_hyphen(tokens, end):
        return end + 2, True  # "Rutshuru-centre", "Sauve-qui-peut": a hyphenated word is one
    if _continues_name(tokens[end]):
        return end + 1, True
    if _lower_adjective(tokens[end]) and tokens[end - 1].pos_ == "NOUN" and _capitalised(tokens[end - 1]):
        end += 1  # "Etat islamique": an adjective after a capitalised common noun
        while end < len(tokens) and _lower_adjective(tokens[end]):
            end += 1
        # "République démocratique du Congo", but "les Casques bleus | de la République ...".
        return end, end < len(tokens) and (_continues_name(tokens[end]) or _joined(tokens, end, joiners, proper=True))
    if _joined(tokens, end, joiners):
        return end + 1, True
    return end, False


def _lower_adjective(token: Token) -> bool:
    return token.pos_ == "ADJ" and token.text.islower()


def _glued_hyphen(tokens: Doc, j: int) -> bool:
    """Whether token `j` is a hyphen with no space on either side, before a word."""
    return tokens[j].text == "-" and not tokens[j - 1].whitespace_ and not tokens[j].whitespace_ \
        and j + 1 < len(tokens) and tokens[j + 1].is_alpha


def _joined(tokens: Doc, j: int, joiners: frozenset[str], *, proper: bool = False) -> bool:
    """Whether token `j` is a joining word (or a run of them: "de l'") followed by a capitalised word (a
    proper noun, if `proper`)."""
    k = j
    while k < len(tokens) and tokens[k].text.lower() in joiners and not tokens[k].is_space:
        k += 1
    if k == j or k >= len(tokens) or not _capitalised(tokens[k]):
        return False
    return tokens[k].pos_ == "PROPN" if proper else tokens[k].pos_ not in FUNCTION_POS


def name_spans(doc: Doc) -> Iterator[tuple[int, int]]:
    """The (start, end) character offsets of each proper name of a tagged `doc`, in order (see the module)."""
    joiners, waters = name_joiners(), water_bodies()
    i = 0
    while i < len(doc):
        if not _opens_name(doc[i], joiners):
            i += 1
            continue
        end = _name_end(doc, i, joiners)
        if i == 0 or doc[i - 1].text.lower() not in waters:
            yield from _name_and_parts(doc, i, end, joiners)
        i = end


def _name_and_parts(doc: Doc, start: int, end: int, joiners: frozenset[str]) -> Iterator[tuple[int, int]]:
    """The name doc[start:end], then, when a joining word is inside it, the words before the first joiner
    and after the last: "Nord du Togo" is read whole first, then as "Nord" and "Togo" (which is how the
    entity recogniser read it), "Afrique de l'Ouest" whole only if the gazetteer has it."""
    def chars(first: int, stop: int) -> tuple[int, int]:
        return doc[first].idx, doc[stop - 1].idx + len(doc[stop - 1].text)

    yield chars(start, end)
    inner = [k for k in range(start + 1, end - 1) if doc[k].is_alpha and doc[k].text.lower() in joiners and doc[k].pos_ != "PROPN"
             and not _capitalised(doc[k])]
    if inner:
        yield chars(start, inner[0])
        yield chars(inner[-1] + 1, end)
