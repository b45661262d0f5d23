"""The sources of each act of a dispatch: which of its speakers tell which act."""

from __future__ import annotations

import re

from spacy.tokens import Span

from fracas.extract.assemble import PERIOD_TOLL, Draft, long_before
from fracas.extract.attribution import Attribution, bare_name, refers_back
from fracas.extract.triggers import BACKGROUND
from fracas.model import Dispatch
from fracas.resources import pack_alternation, rule_pack
from fracas.text import fold

# An act dated by its own words this many days before publication is recalled, not the news: the
# speakers of the news do not tell it.
RECALLED_DAYS = 5
# Sentences about something wider than the act (data/fr/attribution.yaml `wider_than_the_act`): the whole
# country, similar acts elsewhere, a campaign started earlier.
ELSEWHERE = re.compile(rf"(?<![\w])(?:{pack_alternation(rule_pack('attribution')['wider_than_the_act'], gap=' ')})")


def attach_sources(drafts: list[Draft], attributions: list[Attribution], sentences: list[Span],
                    dispatch: Dispatch) -> None:
    """Sources of an act: its sentences' attributions and those of the sentences that go on telling it
    ("..., a précisé l'ONG"), else the nearest earlier sentence's (a speaker named after an act he does not
    tell is the source of what he tells). A speaker denying the act is never its source; one reacting to
    it ("l'ONU a dénoncé ...") only in the act's own sentence. An earlier act recalled with its own date
    ("le 9 juin, une attaque avait fait 19 morts") takes no speaker of the news around it."""
    located = [(_sentence_of(a.start, sentences), a) for a in attributions if a.stance != "denies"]
    acts = {i for d in drafts for i in d.sentences}
    for draft in drafts:
        recalled = draft.own_date and long_before(draft.date, dispatch, RECALLED_DAYS)
        own = _own_attributions(draft, located, _telling_sentences(draft, acts, sentences), sentences) \
            or ([] if recalled or not _told_by_nearest(draft, drafts, located)
                else _nearest_attributions(located, min(draft.sentences)))
        # A name fracas cannot place ("a précisé Jean Dupont") adds nothing beside known sources; a kind of
        # source that is unknown by its words ("des sources concordantes", "un député") is one more source.
        known = [a for a in own if not _unplaced_name(a)]
        draft.sources = [(a.source, a.start, a.end) for a in (known or own)]
    _lead_sources(drafts, located)


def _told_by_nearest(draft: Draft, drafts: list[Draft], located: list[tuple[int, Attribution]]) -> bool:
    """Whether an act with no speaker of its own is told by the speakers of the nearest earlier sentence that
    has one: the dispatch's first act always; a later one when that sentence is the one just before ("Lors de
    la même opération, ...") or tells an act of its kind (the act told again in detail). A later act of
    another kind further on, or after a speaker who tells no act, is told in the dispatch's own voice
    ("Le 9 juin, des rebelles avaient attaqué Beni.")."""
    first = min(draft.sentences)
    nearest = max((i for i, _ in located if i < first), default=None)
    if draft is drafts[0] or nearest is None or nearest == first - 1:
        return True
    kind = draft.mention.sub_event_type
    return any(nearest in d.sentences and d.mention.sub_event_type == kind for d in drafts)


def _lead_sources(drafts: list[Draft], located: list[tuple[int, Attribution]]) -> None:
    """A lead act that no speaker precedes ("Vendredi, des miliciens ont attaqué Djugu.") takes the sources
    of the next act of its kind, which tells it again in detail with its speaker."""
    first_speaker = min((i for i, _ in located), default=None)
    for index, draft in enumerate(drafts):
        if draft.sources or first_speaker is None or min(draft.sentences) >= first_speaker:
            continue
        kin = next((d for d in drafts[index + 1:] if d.mention.sub_event_type == draft.mention.sub_event_type
                    and d.sources), None)
        if kin is not None:
            draft.sources = list(kin.sources)


def _unplaced_name(attribution: Attribution) -> bool:
    """A speaker known only by a proper name: the source is named after its own words."""
    return bare_name(attribution.source)


def _own_attributions(draft: Draft, located: list[tuple[int, Attribution]], telling: set[int],
                      sentences: list[Span]) -> list[Attribution]:
    """The act's own speakers, and those of the sentences telling more of it. When the act's sentence names
    its speaker, a later one is added only if his sentence refers back to the act ("ce bilan", "parmi les
    victimes"); otherwise he tells what follows him ("Le procureur a émis des mandats, a indiqué X")."""
    first = min(draft.sentences)
    # A later sentence naming the act again about something wider ("la société civile signale un déplacement
    # massif de la population fuyant ces combats") tells what followed it, not the act.
    own = [a for i, a in located if i in draft.sentences and (i == first or not _wider(sentences[i]))]
    told = [a for i, a in located if i in telling and a.stance != "reacts"
            and (not own or refers_back(sentences[i].text))]
    return sorted(own + told, key=lambda a: a.start)


def _sentence_of(position: int, sentences: list[Span]) -> int:
    for index, sentence in enumerate(sentences):
        if sentence.start_char <= position < sentence.end_char:
            return index
    return len(sentences) - 1


def _telling_sentences(draft: Draft, acts: set[int], sentences: list[Span]) -> set[int]:
    """Sentences after the act and before the next one tell more of it, unless they are background."""
    first = min(draft.sentences)
    later_acts = [i for i in acts if i > first and i not in draft.sentences]
    stop = min(later_acts) if later_acts else len(sentences)
    return {i for i in range(first + 1, stop)
            if not any(p.search(fold(sentences[i].text)) for p in (BACKGROUND, PERIOD_TOLL)) and not _wider(sentences[i])}


def _wider(sentence: Span) -> bool:
    """Whether a sentence is about something wider than the act (data/fr/attribution.yaml `wider_than_the_act`)."""
    return ELSEWHERE.search(fold(sentence.text)) is not None


def _nearest_attributions(located: list[tuple[int, Attribution]], first: int) -> list[Attribution]:
    near = sorted([item for item in located if item[0] < first], key=lambda item: first - item[0])
    return [a for i, a in near if i == near[0][0]] if near else []
