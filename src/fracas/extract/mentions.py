"""Event mentions: one reported act in one sentence, with its actors, place and date candidates.

`find_mentions` walks the sentences of a Doc, keeps the triggers that report an act (not a denial, a
threat or background), types them in context, and picks the actors that play each role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from fracas.extract.actors import ActorMention
from fracas.extract.triggers import (
    SUPPORT_CUE,
    Trigger,
    TriggerLexicon,
    find_triggers,
    is_reported,
    refine,
)
from fracas.model import EVENT_TYPE_OF_SUB_TYPE
from fracas.resolve.actors import UNIDENTIFIED
from fracas.text import fold

# Words just before an actor that make it the target, not the perpetrator.
TARGET_CUE = re.compile(
    r"(?:contre|visant|vise|visaient|ciblant|cible|positions?|fiefs?|bastions?|bases?|camps?|postes?|"
    r"convois?|patrouilles?|combattants|membres|rangs|entre .{1,60} et|aux mains|contr[oô]l[ée]e? par"
    r"|tenue? par|ont perdu|sur|dans)\s*(?:de |d'|du |des |de la |de l'|les |le |la |l')?\s*$"
    # "contre un rassemblement de jihadistes", "visant une position des rebelles"
    r"|(?:contre|visant|ciblant)(?:\s+[\w'-]+){1,3}?\s+(?:de|d'|du|des)\s*(?:la |l'|les )?$"
)
AGENT_CUE = re.compile(
    r"(?:\bpar|\bmen[ée]e?s? par|revendiqu[ée]e?s? par|attribu\w*(?: [^.]{0,30})? (?:[aà]|aux|au))\s*"
    r"(?:des |les |le |la |l'|un |une )?"
    # "attribué l'attaque au groupe jihadiste Boko Haram"
    r"(?:(?:groupe|mouvement|organisation|reseau|milice|rebelle|jihadiste|islamiste|insurge|terroriste|combattant"
    r"|milicien)s?(?: (?:jihadiste|islamiste|arme|terroriste|rebelle)s?)? )?"
    r"(?:« ?|\" ?)?$")
# "la localité tenue par les rebelles": the holder of the place hit, not the one who struck.
HELD_BY = re.compile(r"(?:contr[oô]l[ée]e?s?|tenue?s?|assi[ée]g[ée]e?s?|d[ée]fendue?s?) par\s*(?:les |le |la |l'|des )?$")
# "Soixante et onze soldats nigériens ont été tués": the group the verb says was killed is the side hit
# (the parser does not always make it the passive subject).
VICTIMS_VERB = re.compile(
    r"^\s*(?:\w+\s+)?(?:(?:ont|a|auraient|aurait|avaient|avait)\s+(?:\w+\s+)?ete\s+(?:tue|blesse|enleve|kidnappe"
    r"|execute|abattu|massacre|assassine|egorge|pris\s+en\s+otage)|(?:sont|est)\s+morts?|ont\s+peri|a\s+peri"
    r"|ont\s+trouve\s+la\s+mort|a\s+trouve\s+la\s+mort|ont\s+perdu\s+la\s+vie|a\s+perdu\s+la\s+vie)")
# Developments with one party only: whoever else the sentence names ("l'ancienne base de Barkhane") is
# context, not a target.
ONE_SIDED = ("Headquarters or base established", "Change to group/activity", "Other")
# "les affrontements entre l'armée et les rebelles": the two named after "entre" are opposite sides.
BETWEEN = re.compile(r"\bentre\s*(?:les |le |la |l'|des )?$")
COORDINATED = re.compile(
    r"^(?:\s+(?:de la|de l'|du|des|de)\s*[\w-]+)?\s*(?:,|et|ou)\s*(?:les |le |la |l'|des |du |de la |de l')?"
    # "et des Casques bleus de la Minusca", "et des combattants du Hezbollah": a group named by its members
    r"(?:[\w-]+ (?:[\w-]+ )?(?:du |de la |de l'|des |de |d'))?$")
# "frappes de la coalition", "une attaque du groupe EI", "tirs d'obus et de roquettes des rebelles".
GENITIVE = re.compile(
    r"^(?:\s+[\w'-]+){0,3}?\s+(?:de|d'|du|des)\s*(?:la |l'|les )?"
    # "une attaque de la milice Mai-Mai", "des tirs de combattants du M23"
    r"(?:(?:milice|groupe|mouvement|rebelles|jihadistes|combattants|miliciens|membres|elements|hommes)s? "
    r"(?:(?:de la|de l'|du|des|de|d')\s*|(?:arme|armes|jihadiste|rebelle)s? )?)?$")
ARMED_KINDS = ("state_forces", "rebel_group", "political_militia", "identity_militia", "external_other")


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
    extras: list[str] = field(default_factory=list)

    @property
    def event_type(self) -> str:
        return EVENT_TYPE_OF_SUB_TYPE[self.sub_event_type]


def find_mentions(doc: Doc, sentences: list[Span], lexicon: TriggerLexicon, actors: list[ActorMention],
                  skip: list[tuple[int, int]]) -> list[Mention]:
    """The reported acts of a Doc, in text order; `skip` holds character spans that are attributions."""
    by_sentence: dict[int, list[Trigger]] = {}
    sentence_of = {}
    for index, sentence in enumerate(sentences):
        for token in sentence:
            sentence_of[token.i] = index
    for trigger in find_triggers(doc, lexicon):
        if any(s <= doc[trigger.start].idx < e for s, e in skip):
            continue
        by_sentence.setdefault(sentence_of[trigger.start], []).append(trigger)

    mentions: list[Mention] = []
    for index, triggers in sorted(by_sentence.items()):
        sentence = sentences[index]
        in_sentence = [a for a in actors if sentence.start_char <= a.start < sentence.end_char
                       and not any(s <= a.start < e for s, e in skip)]
        kinds = tuple(a.entry.kind if a.entry else "state_forces" for a in in_sentence)
        chosen: dict[str, Mention] = {}
        strongest = max(t.weight for t in triggers)
        for trigger in triggers:
            if trigger.weight < strongest and trigger.refine == "killing":
                continue  # "tués" beside "frappes" is the strike's toll, not a second act
            if not is_reported(trigger, sentence):
                continue
            sub = refine(trigger, sentence, lexicon, actor_kinds=kinds)
            if sub is None:
                continue
            if trigger.refine == "killing" and (mentions or chosen) and not _names_new_agent(
                    trigger, sentence, in_sentence, mentions):
                continue  # a toll sentence after an act: the casualties of that act
            if trigger.refine == "secondary" and (mentions or len(triggers) > 1):
                continue  # houses burned, an offensive under way: part of the act the dispatch reports
            if sub in chosen and chosen[sub].trigger.weight >= trigger.weight:
                continue
            start, end = doc[trigger.start].idx, doc[trigger.end - 1].idx + len(doc[trigger.end - 1])
            mention = Mention(index, trigger, sub, start, end)
            mention.re_mention = _is_re_mention(doc, trigger, mentions, sub)
            _assign_actors(mention, sentence, in_sentence)
            chosen[sub] = mention
        if "Disrupted weapons use" in chosen:  # "ont désamorcé une voiture piégée": no explosion happened
            chosen.pop("Remote explosive/landmine/IED", None)
        crowd = [m for m in chosen.values() if m.event_type in ("Protests", "Riots") and m.trigger.weight >= 2]
        if crowd:  # protesters storming and looting a building: one demonstration, not attacks
            chosen = {m.sub_event_type: m for m in crowd}
        specific = [m for m in chosen.values() if m.trigger.refine != "attack"]
        if specific:  # "l'attaque" beside "enlevé": the abduction is what the attack was
            chosen = {k: m for k, m in chosen.items() if m.trigger.refine != "attack" or
                      any(o.event_type == m.event_type for o in specific)}
        # One act per sentence and event type: "l'attaque" and "les combats" of one sentence are one clash.
        by_type: dict[str, Mention] = {}
        for mention in sorted(chosen.values(), key=lambda m: -m.trigger.weight):
            by_type.setdefault(mention.event_type, mention)
        mentions.extend(sorted(by_type.values(), key=lambda m: m.trigger_start))
    return mentions


def _names_new_agent(trigger: Trigger, sentence: Span, actors: list[ActorMention], earlier: list[Mention]) -> bool:
    known = {m.actor1.entry.name for m in earlier if m.actor1 and m.actor1.entry}
    text, base = sentence.text, sentence.start_char
    for actor in actors:
        if actor.entry is not None and actor.entry.kind == "civilians":
            continue
        before = fold(text[max(0, actor.start - base - 30):actor.start - base])
        if AGENT_CUE.search(before) and (actor.entry is None or actor.entry.name not in known):
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


def _assign_actors(mention: Mention, sentence: Span, actors: list[ActorMention]) -> None:
    """Perpetrator and target among the sentence's actors, from their grammatical and lexical cues."""
    text, base = sentence.text, sentence.start_char  # Doc.text joins every token: slice the sentence
    doc = sentence.doc
    agents: list[ActorMention] = []
    targets: list[ActorMention] = []
    neutral: list[ActorMention] = []
    previous: tuple[ActorMention, list[ActorMention]] | None = None
    allies: list[ActorMention] = []  # named beside another actor, on its side
    for actor in actors:
        before = fold(text[max(0, actor.start - base - 60):actor.start - base])
        between = fold(text[mention.trigger_end - base:actor.start - base]) if actor.start >= mention.trigger_end else ""
        if previous is not None and COORDINATED.match(fold(text[previous[0].end - base:actor.start - base])) \
                and not BETWEEN.search(fold(text[max(0, previous[0].start - base - 12):previous[0].start - base])):
            previous[1].append(actor)  # "tenue par les rebelles et les jihadistes": both hold it
            previous = (actor, previous[1])
            allies.append(actor)
            continue
        if SUPPORT_CUE.search(before):
            previous = (actor, [])  # supporters, and any coordinated with them, play no role
            continue
        if actor.start <= mention.trigger_start < actor.end:
            agents.append(actor)  # "une attaque jihadiste": the act's own adjective names who did it
        elif HELD_BY.search(before):
            targets.append(actor)
        elif TARGET_CUE.search(before) and not _governing_dep(doc, actor) == "nsubj":
            # "tuant des combattants de l'EI" is a target; "des membres du gang ont ouvert le feu" acts.
            targets.append(actor)
        elif AGENT_CUE.search(before) or (0 < len(between) <= 30 and GENITIVE.match(between)):
            agents.append(actor)
        elif _is_object(doc, actor) or VICTIMS_VERB.match(fold(text[actor.end - base:actor.end - base + 40])):
            targets.append(actor)
        else:
            neutral.append(actor)
        role = targets if targets and targets[-1] is actor else agents if agents and agents[-1] is actor else neutral
        previous = (actor, role)
    armed = [a for a in agents + neutral if a.entry is None or a.entry.kind in ARMED_KINDS
             or mention.event_type in ("Protests", "Riots")]
    if mention.event_type in ("Protests", "Riots"):
        protesters = [a for a in actors if a.entry and a.entry.kind in ("protesters", "rioters")]
        mention.actor1 = protesters[0] if protesters else None
        if mention.event_type == "Riots":
            # Rioters act against what they storm or loot; the police dispersing them come second.
            hit = [a for a in targets if a not in protesters]
            police = [a for a in actors if a not in protesters and (a.entry is None or a.entry.kind == "state_forces")]
            mention.actor2 = (hit or police)[0] if hit or police else None
            return
        police = [a for a in actors if a is not mention.actor1 and (a.entry is None or a.entry.kind == "state_forces")]
        mention.actor2 = police[0] if police and mention.sub_event_type != "Peaceful protest" else None
        return
    if mention.event_type == "Battles":
        # Both sides are actors of a clash; ACLED lists them in the order the report gives them.
        armed_only = [a for a in targets + neutral if a.entry is None or a.entry.kind in ARMED_KINDS]
        # "L'armée et les Casques bleus ont repoussé une attaque de l'UPC": the allies are one side.
        sides = [a for a in sorted(agents, key=lambda a: a.start) + sorted(armed_only, key=lambda a: a.start)
                 if a not in allies]
        distinct: list[ActorMention] = []
        for actor in sides:
            if all(_same_actor(actor, other) is False for other in distinct):
                distinct.append(actor)
        if len(distinct) == 1 and distinct[0] in targets:
            # "Quarante-deux soldats maliens ont été tués": the side named is the one hit; who struck is unsaid.
            mention.actor2 = distinct[0]
            return
        mention.actor1 = distinct[0] if distinct else None
        mention.actor2 = distinct[1] if len(distinct) > 1 else None
        return
    mention.actor1 = armed[0] if armed else None
    # "Des hommes armés ont enlevé ..., la police attribue l'attaque à des bandits": the unnamed men are
    # the named group, not its target.
    unnamed_agents = [a for a in neutral if a.entry is not None and a.entry.name == UNIDENTIFIED]
    rest = [a for a in targets + neutral if a is not mention.actor1 and not _same_actor(a, mention.actor1)
            and not (a in unnamed_agents and mention.actor1 is not None)
            and (mention.actor1 is None or a.entry is None or mention.actor1.entry is None
                 or a.entry.name != mention.actor1.entry.name)]
    if rest and mention.sub_event_type not in ONE_SIDED:
        mention.actor2 = rest[0]


def _same_actor(a: ActorMention, b: ActorMention | None) -> bool:
    if b is None:
        return False
    if a.entry is not None and b.entry is not None:
        return a.entry.name == b.entry.name
    return a.entry is None and b.entry is None and a.generic == b.generic


def _governing_dep(doc: Doc, actor: ActorMention) -> str | None:
    """The dependency of the phrase an actor heads or qualifies ("les membres du gang" -> that of "membres")."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    # "Deux Casques bleus de la Minusma ont été tués": the group of the victims is a victim too.
    while token.dep_ == "nmod" and token.head is not token:
        token = token.head
    return str(token.dep_)


def _is_object(doc: Doc, actor: ActorMention) -> bool:
    return _governing_dep(doc, actor) in ("obj", "obl:arg", "iobj", "nsubj:pass")
