"""Actor roles: which of a sentence's actors did the act (actor1) and which was hit (actor2).

Each actor gets a role from the cues around it (the language pack's `roles` cues) and its grammar;
the sub-type's row of the policy table then says how roles become actor1 and actor2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterable
from typing import TYPE_CHECKING, Callable

from spacy.tokens import Doc, Span

from fracas.extract.actors import ActorMention
from fracas.extract.rulepack import RoleCues, SubtypePolicy, policy_of, role_cues
from fracas.resolve.actors import UNIDENTIFIED
from fracas.text import fold

if TYPE_CHECKING:
    from fracas.extract.mentions import Mention

ARMED_KINDS = ("state_forces", "rebel_group", "political_militia", "identity_militia", "external_other")
CROWD_KINDS = ("protesters", "rioters")


@dataclass
class Roles:
    """The sentence's actors sorted by the role their own cues give them, in text order."""

    agents: list[ActorMention] = field(default_factory=list)
    targets: list[ActorMention] = field(default_factory=list)
    neutral: list[ActorMention] = field(default_factory=list)
    allies: list[ActorMention] = field(default_factory=list)  # named beside another actor, on its side
    defenders: list[ActorMention] = field(default_factory=list)  # targets that fought back: hit before all
    actors: list[ActorMention] = field(default_factory=list)  # all of them
    between: bool = False  # "les combats entre l'armée et le M23": two sides named in their own order


def assign_actors(mention: Mention, sentence: Span, actors: list[ActorMention]) -> None:
    """Set the mention's actor1 and actor2 among the sentence's actors."""
    policy = policy_of(mention.sub_event_type)
    roles = sort_roles(mention, sentence, actors, role_cues())
    ASSIGN[policy.roles](mention, roles, policy)


def sort_roles(mention: Mention, sentence: Span, actors: list[ActorMention], cues: RoleCues) -> Roles:
    roles = Roles(actors=list(actors))
    text, base = sentence.text, sentence.start_char  # Doc.text joins every token: slice the sentence
    previous: tuple[ActorMention, list[ActorMention]] | None = None
    for actor in actors:
        if previous is not None and _coordinated(previous[0], actor, text, base, cues):
            previous[1].append(actor)  # "tenue par les rebelles et les jihadistes": both hold it
            previous = (actor, previous[1])
            roles.allies.append(actor)
            continue
        lead = fold(text[max(0, actor.start - base - 60):actor.start - base])
        if cues.support.search(lead):
            previous = (actor, [])  # supporters, and any coordinated with them, play no role
            continue
        roles.between = roles.between or bool(cues.between_sides.search(lead))
        role = _own_role(mention, actor, sentence, text, cues)
        if role == "defenders":  # "les soldats ont riposté, tuant dix assaillants": hit, though they killed
            roles.defenders.append(actor)
            role = "targets"
        group = getattr(roles, role)
        group.append(actor)
        previous = (actor, group)
    # "six morts, dont deux civils, dans un attentat sur un poste militaire": the post is what was aimed at,
    # the dead are its toll; a perpetrator's target is the post's forces.
    roles.targets.sort(key=lambda a: not cues.installation.match(fold(a.text)))
    return roles


def _coordinated(first: ActorMention, actor: ActorMention, text: str, base: int, cues: RoleCues) -> bool:
    """Named together on one side ("X et Y"), unless the pair follows "entre" (then they are opposite)."""
    gap = fold(text[first.end - base:actor.start - base])
    lead = fold(text[max(0, first.start - base - 40):first.start - base])
    return bool(cues.coordinated.match(gap)) and not cues.between_sides.search(lead)


def _own_role(mention: Mention, actor: ActorMention, sentence: Span, text: str, cues: RoleCues) -> str:
    """`agents`, `targets`, `defenders` (targets that fought back) or `neutral`, from the words around the actor and its grammatical function;
    `text` is the sentence's text (built once by the caller: Span.text joins every token)."""
    base, doc = sentence.start_char, sentence.doc
    before = fold(text[max(0, actor.start - base - 60):actor.start - base])
    # Only a short gap can be a genitive ("l'attaque de l'EI"): at most 31 characters are read.
    gap_end = min(actor.start, mention.trigger_end + 31)
    between = fold(text[mention.trigger_end - base:gap_end - base]) if actor.start >= mention.trigger_end else ""
    if actor.start <= mention.trigger_start < actor.end:
        return "agents"  # "une attaque jihadiste": the act's own adjective names who did it
    if cues.held_by.search(before) or cues.installation.match(fold(actor.text)):
        return "targets"  # "la localité tenue par les rebelles", "l'attaque du camp militaire": hit
    if cues.repelled.search(before):
        return "agents"  # "ont repoussé les assaillants": who was repelled struck first
    if cues.defender.match(fold(text[actor.end - base:actor.end - base + 100])):
        return "defenders"  # "les soldats ont riposté": who fights back was struck
    if cues.target.search(before) and _governing_dep(doc, actor) != "nsubj":
        # "tuant des combattants de l'EI" is a target; "des membres du gang ont ouvert le feu" acts.
        return "targets"
    if cues.agent.search(before) or (0 < len(between) <= 30 and cues.genitive.match(between)):
        return "agents"
    if _is_object(doc, actor) or cues.victims_verb.match(fold(text[actor.end - base:actor.end - base + 40])):
        return "targets"
    return _by_own_name(actor, cues)


def _by_own_name(actor: ActorMention, cues: RoleCues) -> str:
    """"28 soldats tués, ainsi que des dizaines d'assaillants", "ont fait face aux assaillants": who the text
    calls the assailants struck first (when no cue says they were hit)."""
    return "agents" if cues.attacker.match(fold(actor.text)) else "neutral"


def _is_state_or_unknown(actor: ActorMention) -> bool:
    return actor.entry is None or actor.entry.kind == "state_forces"


def _is_armed(actor: ActorMention) -> bool:
    return actor.entry is None or actor.entry.kind in ARMED_KINDS


def _assign_crowd(mention: Mention, roles: Roles, policy: SubtypePolicy) -> None:
    crowd = [a for a in roles.actors if a.entry and a.entry.kind in CROWD_KINDS]
    mention.actor1 = crowd[0] if crowd else None
    mention.actor2 = CROWD_OPPONENT[policy.crowd_opponent or "none"](roles, crowd, mention.actor1)


def _police(roles: Roles, crowd: list[ActorMention], actor1: ActorMention | None) -> ActorMention | None:
    police = [a for a in roles.actors if a is not actor1 and _is_state_or_unknown(a)]
    return police[0] if police else None


def _hit_or_police(roles: Roles, crowd: list[ActorMention], actor1: ActorMention | None) -> ActorMention | None:
    # Rioters act against what they storm or loot; the police dispersing them come second.
    hit = [a for a in roles.targets if a not in crowd]
    police = [a for a in roles.actors if a not in crowd and _is_state_or_unknown(a)]
    return (hit or police or [None])[0]


CROWD_OPPONENT: dict[str, Callable[[Roles, list[ActorMention], ActorMention | None], ActorMention | None]] = {
    "police": _police,
    "hit_or_police": _hit_or_police,
    "none": lambda roles, crowd, actor1: None,
}


def _assign_sides(mention: Mention, roles: Roles, policy: SubtypePolicy) -> None:
    """Both sides of a clash are actors: the side that struck, then the side it hit ("une attaque contre
    un poste de l'armée": the army is actor2); sides named "entre X et Y" in the report's order."""
    distinct = _distinct(a for a in _sides_in_order(roles) if a not in roles.allies)
    if len(distinct) == 1 and distinct[0] in roles.targets:
        # "Quarante-deux soldats maliens ont été tués": the side named is the one hit; who struck is unsaid.
        mention.actor2 = distinct[0]
        return
    mention.actor1 = distinct[0] if distinct else None
    mention.actor2 = distinct[1] if len(distinct) > 1 else None
    mention.sides_unordered = roles.between and not roles.agents and len(distinct) > 1


def _sides_in_order(roles: Roles) -> list[ActorMention]:
    """Agents, then the other armed actors in text order, the ones hit last (unless "entre X et Y")."""
    neutral = [a for a in roles.neutral if _is_armed(a)]
    targets = [a for a in roles.targets if _is_armed(a)]
    hit_last = [] if roles.between else targets
    in_text = sorted((a for a in neutral + targets if a not in hit_last), key=lambda a: a.start)
    hit_last = sorted(hit_last, key=lambda a: (a in roles.defenders, a.start))  # who fought back comes last
    return sorted(roles.agents, key=lambda a: a.start) + in_text + hit_last


def _distinct(actors: Iterable[ActorMention]) -> list[ActorMention]:
    # "L'armée et les Casques bleus ont repoussé une attaque de l'UPC": allies were left out by the caller.
    distinct: list[ActorMention] = []
    for actor in actors:
        if all(same_actor(actor, other) is False for other in distinct):
            distinct.append(actor)
    return distinct


def _assign_perpetrator(mention: Mention, roles: Roles, policy: SubtypePolicy) -> None:
    armed = [a for a in roles.agents + roles.neutral if _is_armed(a)]
    actor1 = mention.actor1 = armed[0] if armed else None
    rest = [a for a in roles.targets + roles.neutral if _may_be_hit(a, actor1, roles)]
    if rest and not policy.one_sided:
        mention.actor2 = rest[0]


def _may_be_hit(actor: ActorMention, actor1: ActorMention | None, roles: Roles) -> bool:
    """Any actor but the perpetrator itself, under whatever name the sentence gives it."""
    if actor is actor1 or same_actor(actor, actor1) or _same_entry(actor, actor1):
        return False
    # "Des hommes armés ont enlevé ..., la police attribue l'attaque à des bandits": the unnamed men are
    # the named group, not its target.
    unnamed = actor.entry is not None and actor.entry.name == UNIDENTIFIED and actor in roles.neutral
    return not (unnamed and actor1 is not None)


def _same_entry(a: ActorMention, b: ActorMention | None) -> bool:
    return b is not None and a.entry is not None and b.entry is not None and a.entry.name == b.entry.name


ASSIGN: dict[str, Callable[[Mention, Roles, SubtypePolicy], None]] = {
    "perpetrator": _assign_perpetrator,
    "sides": _assign_sides,
    "crowd": _assign_crowd,
}


def same_actor(a: ActorMention, b: ActorMention | None) -> bool:
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
