"""Event mentions: one reported act in one sentence, with its actors, place and date candidates.

`find_mentions` walks the sentences of a Doc, keeps the triggers that report an act (not a denial, a
threat or background), types them in context, and picks the actors that play each role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from spacy.tokens import Doc, Span

from fracas.extract.actors import ActorMention
from fracas.extract.roles import assign_actors
from fracas.extract.rulepack import role_cues
from fracas.extract.triggers import (
    Trigger,
    TriggerLexicon,
    find_triggers,
    is_reported,
    refine,
)
from fracas.model import EVENT_TYPE_OF_SUB_TYPE
from fracas.text import fold


@dataclass
class Mention:
    """An act reported in one sentence (mutable while the assembler completes it)."""

    sentence: int  # index of the sentence in the Doc
    trigger: Trigger
    sub_event_type: str
    trigger_start: int  # character offsets of the trigger words
    trigger_end: int
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    re_mention: bool = False  # "ces frappes", "l'attaque": the same act as an earlier mention
    sides_unordered: bool = False  # "les combats entre X et Y": two sides named, neither said to strike first
    extras: list[str] = field(default_factory=list)
    aftermath: bool = False  # told as following another act ("à la suite de ces événements", "le lendemain")

    @property
    def event_type(self) -> str:
        return EVENT_TYPE_OF_SUB_TYPE[self.sub_event_type]


def find_mentions(doc: Doc, sentences: list[Span], lexicon: TriggerLexicon, actors: list[ActorMention],
                  skip: list[tuple[int, int]]) -> list[Mention]:
    """The reported acts of a Doc, in text order; `skip` holds character spans that are attributions."""
    mentions: list[Mention] = []
    for index, triggers in sorted(_triggers_by_sentence(doc, sentences, lexicon, skip).items()):
        sentence = sentences[index]
        in_sentence = [a for a in actors if sentence.start_char <= a.start < sentence.end_char
                       and not _inside(a.start, skip)]
        chosen = _candidates(index, sentence, triggers, lexicon, in_sentence, mentions)
        for rule in SENTENCE_RULES:
            chosen = rule(chosen)
        mentions.extend(sorted(chosen.values(), key=lambda m: m.trigger_start))
    return _alone_words_only_alone(mentions)


def _alone_words_only_alone(mentions: list[Mention]) -> list[Mention]:
    # An `alone` word is an act only when the dispatch reports no other, even one told after it: a title's
    # "terroristes neutralisés" above the body's "l'attaque ... a été repoussée" is that attack's toll.
    if all(m.trigger.refine in AFTERTHOUGHT for m in mentions):
        return mentions
    return [m for m in mentions if m.trigger.refine != "alone"]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _triggers_by_sentence(doc: Doc, sentences: list[Span], lexicon: TriggerLexicon,
                          skip: list[tuple[int, int]]) -> dict[int, list[Trigger]]:
    sentence_of = {token.i: index for index, sentence in enumerate(sentences) for token in sentence}
    by_sentence: dict[int, list[Trigger]] = {}
    for trigger in find_triggers(doc, lexicon):
        if not _inside(doc[trigger.start].idx, skip):
            by_sentence.setdefault(sentence_of[trigger.start], []).append(trigger)
    return by_sentence


def _candidates(index: int, sentence: Span, triggers: list[Trigger], lexicon: TriggerLexicon,
                actors: list[ActorMention], earlier: list[Mention]) -> dict[str, Mention]:
    """The strongest reported act of each sub-type that the sentence's triggers give."""
    doc = sentence.doc
    kinds = tuple(a.entry.kind if a.entry else "state_forces" for a in actors)
    strongest = max(t.weight for t in triggers)
    chosen: dict[str, Mention] = {}
    for trigger in triggers:
        if not _stands_alone(trigger, strongest, len(triggers), sentence, actors, earlier, bool(chosen)):
            continue
        if not is_reported(trigger, sentence):
            continue
        sub = refine(trigger, sentence, lexicon, actor_kinds=kinds)
        if sub is None or (sub in chosen and chosen[sub].trigger.weight >= trigger.weight):
            continue
        start, end = doc[trigger.start].idx, doc[trigger.end - 1].idx + len(doc[trigger.end - 1])
        mention = Mention(index, trigger, sub, start, end)
        mention.re_mention = _is_re_mention(doc, trigger, earlier, sub)
        mention.aftermath = lexicon.has_cue("aftermath", fold(sentence.text))
        assign_actors(mention, sentence, actors)
        chosen[sub] = mention
    return chosen


def _stands_alone(trigger: Trigger, strongest: int, count: int, sentence: Span, actors: list[ActorMention],
                  earlier: list[Mention], chosen_any: bool) -> bool:
    """Whether a weak trigger reports an act of its own rather than a part of another act."""
    if trigger.refine == "killing":
        if trigger.weight < strongest:
            return False  # "tués" beside "frappes" is the strike's toll, not a second act
        if (earlier or chosen_any) and not _names_new_agent(trigger, sentence, actors, earlier):
            return False  # a toll sentence after an act: the casualties of that act
    # houses burned, an offensive under way: part of the act the dispatch reports
    return not (trigger.refine in AFTERTHOUGHT and (earlier or count > 1))


# Refines of words that report an act only when nothing else does (data/triggers.yaml).
AFTERTHOUGHT = ("secondary", "alone")


def _no_explosion_when_defused(chosen: dict[str, Mention]) -> dict[str, Mention]:
    # "ont désamorcé une voiture piégée": no explosion happened
    if "Disrupted weapons use" in chosen:
        return {k: m for k, m in chosen.items() if k != "Remote explosive/landmine/IED"}
    return chosen


def _crowd_is_one_demonstration(chosen: dict[str, Mention]) -> dict[str, Mention]:
    # protesters storming and looting a building: one demonstration, not attacks
    crowd = [m for m in chosen.values() if m.event_type in ("Protests", "Riots") and m.trigger.weight >= 2]
    return {m.sub_event_type: m for m in crowd} if crowd else chosen


def _specific_act_over_attack(chosen: dict[str, Mention]) -> dict[str, Mention]:
    # "l'attaque" beside "enlevé": the abduction is what the attack was
    specific = [m for m in chosen.values() if m.trigger.refine != "attack"]
    if not specific:
        return chosen
    return {k: m for k, m in chosen.items()
            if m.trigger.refine != "attack" or any(o.event_type == m.event_type for o in specific)}


def _one_act_per_type(chosen: dict[str, Mention]) -> dict[str, Mention]:
    # One act per sentence and event type: "l'attaque" and "les combats" of one sentence are one clash.
    by_type: dict[str, Mention] = {}
    for mention in sorted(chosen.values(), key=lambda m: -m.trigger.weight):
        by_type.setdefault(mention.event_type, mention)
    return {m.sub_event_type: m for m in by_type.values()}


# Applied in order to the candidates of one sentence.
SENTENCE_RULES: tuple[Callable[[dict[str, Mention]], dict[str, Mention]], ...] = (
    _no_explosion_when_defused,
    _crowd_is_one_demonstration,
    _specific_act_over_attack,
    _one_act_per_type,
)


def _names_new_agent(trigger: Trigger, sentence: Span, actors: list[ActorMention], earlier: list[Mention]) -> bool:
    known = {m.actor1.entry.name for m in earlier if m.actor1 and m.actor1.entry}
    text, base = sentence.text, sentence.start_char
    for actor in actors:
        if actor.entry is not None and actor.entry.kind == "civilians":
            continue
        before = fold(text[max(0, actor.start - base - 30):actor.start - base])
        if role_cues().agent.search(before) and (actor.entry is None or actor.entry.name not in known):
            return True
    return False


DEFINITE = ("ce", "cet", "cette", "ces", "le", "la", "l'", "les")
# Nouns that, made definite, refer back to whatever act the dispatch already reported ("l'attaque n'a pas
# été revendiquée" after a bombing).
ANAPHORIC_NOUNS = ("attaque", "attentat", "explosion", "assaut", "raid", "frappe", "bombardement", "tuerie",
                   "massacre", "incident", "embuscade", "operation")


def _is_re_mention(doc: Doc, trigger: Trigger, earlier: list[Mention], sub: str) -> bool:
    """A later mention of an act already reported: "ces frappes", "l'attaque", or a weak word of the same type."""
    if not earlier:
        return False
    token = doc[trigger.start]
    determiners = [fold(child.text) for child in token.children if child.dep_ == "det"]
    definite = token.pos_ == "NOUN" and any(d in DEFINITE for d in determiners)
    if definite and fold(token.lemma_) in ANAPHORIC_NOUNS:
        return True
    # A demonstration that turned violent is still the demonstration: "un manifestant a été tué" after a riot.
    family = {"Protests", "Riots"} if EVENT_TYPE_OF_SUB_TYPE[sub] in ("Protests", "Riots") else {EVENT_TYPE_OF_SUB_TYPE[sub]}
    same_type = any(m.event_type in family for m in earlier)
    return same_type and (definite or trigger.weight <= 2)
