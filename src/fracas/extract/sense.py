"""Word sense in context: a trigger whose sense depends on its frame reports an act only in a conflict frame.

"une frappe croisée" in a match report, "le séisme a frappé", "abattu en pleine rue" in an obituary: the
relevance cues (data/fr/relevance.yaml) say which frame each sentence is in; see
`fracas.relevance.sentence_sense`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from fracas.extract.mentions import Mention
from fracas.relevance import names_no_act, sentence_sense
from fracas.text import fold


def keep_in_frame(doc: Doc, sentences: list[Span], mentions: list[Mention], *,
                  strict: bool, text_other: int = 0) -> tuple[list[Mention], list[str]]:
    """The mentions whose trigger is in a conflict frame, and a line for each one dropped (for --explain).

    `strict`: the relevance stage could not tell the text's frame from its words, so a sense-dependent
    trigger needs a conflict frame in its own sentence; `text_other` scores the text's other frame."""
    kept: list[Mention] = []
    dropped: list[str] = []
    folded = fold(doc.text)
    for mention in mentions:
        token = doc[mention.trigger.start]
        phrase = names_no_act(folded, mention.trigger_start, mention.trigger_end)
        # Once an act is kept in a conflict frame, the story is about it: later sentences are in its frame.
        why = f"{fold(token.text)!r} names a thing in {phrase!r}" if phrase else sentence_sense(
            (fold(token.text), fold(token.lemma_)), sentences[mention.sentence].text,
            strict=strict and not kept, text_other=text_other)
        if why is None:
            kept.append(mention)
        else:
            words = doc.text[mention.trigger_start:mention.trigger_end]
            dropped.append(f"sense: {mention.sub_event_type} on {words!r} (chars {mention.trigger_start}-"
                           f"{mention.trigger_end}) dropped: {why}")
    return kept, dropped
