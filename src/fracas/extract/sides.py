"""Sides that a sentence leaves open or vague, filled from the rest of the dispatch; and catch-all
actors named after the country where they act.

A sentence often says "des hommes armés ont attaqué" or "les combats ont fait dix morts" while the
article names the group elsewhere ("le MFDC", "les rebelles ADF"). ACLED's coders read the whole
article: when it names exactly one non-state armed group, that group is the unnamed perpetrator and
the other side of a clash the sentence leaves open; when it names exactly one state's forces, they are
the other side of a clash a named group fought. An actor never fights itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fracas.extract.assemble import Draft
from fracas.extract.notes import write_note
from fracas.extract.rulepack import policy_of
from fracas.model import Actor, Event
from fracas.resolve.actors import UNIDENTIFIED, ActorDictionary
from fracas.resolve.gazetteer import Gazetteer

NON_STATE_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia"})
# Names that say what kind of group acted, not which one.
VAGUE_NAMES = frozenset({"Unidentified Armed Group", "Jihadist Groups"})
UNIDENTIFIED_KIND = "political_militia"  # the kind of data/actors.yaml's "Unidentified Armed Group"
CIVILIANS = "Civilians"  # ACLED's catch-all for unarmed people, named after their country later


def _is_vague(actor: Actor) -> bool:
    return actor.name in VAGUE_NAMES


def _only(actors: Iterable[Actor]) -> Actor | None:
    """The one actor of `actors` by name, or None when there are none or several."""
    by_name = {actor.name: actor for actor in actors}
    if len(by_name) != 1:
        return None
    [actor] = by_name.values()
    return Actor(actor.name, actor.kind, actor.country, None)


def named_group(actors: Sequence[Actor], named_by_country: frozenset[str]) -> Actor | None:
    """The one non-state armed group the dispatch names (not a catch-all), or None."""
    # "Rebel Groups (Syria)" is ACLED's own actor for unnamed rebels, not a group a perpetrator can be.
    return _only(a for a in actors if a.kind in NON_STATE_KINDS and not _is_vague(a)
                 and a.name not in named_by_country and not a.name.startswith("Rebel Groups"))


def named_forces(actors: Sequence[Actor]) -> Actor | None:
    """The one state's forces the dispatch names, or None."""
    return _only(a for a in actors if a.kind == "state_forces")


def fill_open_sides(drafts: Sequence[Draft], actors: Sequence[Actor], named_by_country: frozenset[str], *,
                    unclaimed: bool = False, police: Actor | None = None,
                    crowd_actors: Sequence[Actor] | None = None) -> None:
    """Fill, in place, the perpetrators and clash sides the drafts' own sentences leave open. When the
    text says the act was not claimed, a group it names elsewhere is never made the perpetrator. The
    police who intervened in a demonstration (policy `crowd_opponent: police`) are the one state's forces
    the dispatch names, else `police` (the country's police forces): someone dispersed the crowd.
    `crowd_actors`: the dispatch's actors as named when they face a crowd ("les forces de sécurité" are
    then the police). Arrests (`open_perpetrator: police`) are made by those police, of the dispatch's
    protesters, else of civilians, when the sentence names neither."""
    group, forces = named_group(actors, named_by_country), named_forces(actors)
    crowd_forces = named_forces(crowd_actors) if crowd_actors is not None else forces
    perpetrator = None if unclaimed else group
    for draft in drafts:
        if draft.actor2 is not None and draft.actor2.name == draft.actor1.name:
            draft.actor2 = None
        rule = policy_of(draft.mention.sub_event_type).open_perpetrator
        filler = _open_perpetrator(rule, draft, actors, perpetrator, crowd_forces or police)
        if filler is not None and _is_vague(draft.actor1) and _other(draft.actor2, filler):
            draft.actor1 = filler
        if rule == "police" and draft.actor2 is None:
            draft.actor2 = _arrested(actors)
        _fill_target(draft, group, forces, crowd_forces or police)


def _open_perpetrator(rule: str, draft: Draft, actors: Sequence[Actor], group: Actor | None,
                      police: Actor | None) -> Actor | None:
    """Who did the act the sentence leaves open, by the policy's `open_perpetrator`: the dispatch's one group,
    its one state's forces (beside those hit), or for arrests the forces facing the crowd, else the police."""
    if rule == "forces":
        return _forces_not_hit(actors, draft)
    return police if rule == "police" else group


def _arrested(actors: Sequence[Actor]) -> Actor:
    """Who the police arrested when the sentence does not say: the protesters of a dispatch that names
    them ("200 interpellations de militants" after a march), else civilians (ACLED's "Civilians (Chad)")."""
    protesters = _only(a for a in actors if a.kind == "protesters")
    return protesters or Actor(CIVILIANS, "civilians", None, None)


def _fill_target(draft: Draft, group: Actor | None, forces: Actor | None, police: Actor | None) -> None:
    """The side hit the draft's sentence leaves open: the army's opponent in a battle, the police facing a crowd."""
    if group is not None:
        _name_vague_target(draft, group)
    if draft.actor2 is None and draft.mention.event_type == "Battles":
        draft.actor2 = _opponent(draft.actor1, group, forces)
    if draft.actor2 is None and _forces_killed_fighters(draft):
        # "des frappes ont neutralisé une dizaine de terroristes": the army hit an armed group, named or not.
        draft.actor2 = group or Actor(UNIDENTIFIED, UNIDENTIFIED_KIND, None, None)
    if draft.actor2 is None and policy_of(draft.mention.sub_event_type).crowd_opponent == "police":
        draft.actor2 = police


def _forces_killed_fighters(draft: Draft) -> bool:
    """State forces struck or fought, and the dead are counted as armed fighters (not soldiers, not civilians)."""
    violent = draft.mention.event_type in ("Battles", "Explosions/Remote violence")
    return violent and draft.actor1.kind == "state_forces" and any(
        victims.startswith("fighters:") for victims in draft.toll.killed)


def _forces_not_hit(actors: Sequence[Actor], draft: Draft) -> Actor | None:
    """The one state's forces the dispatch names, beside those the act hit ("des soldats libanais", hit by a
    drone, leave the Israeli army)."""
    hit = draft.actor2.name if draft.actor2 is not None else None
    return named_forces([a for a in actors if a.name != hit])


def _name_vague_target(draft: Draft, group: Actor) -> None:
    """"l'armée a affronté des hommes armés": the article's one group is who the army fought."""
    target = draft.actor2
    if target is not None and _is_vague(target) and target.kind in NON_STATE_KINDS and _other(draft.actor1, group):
        draft.actor2 = group


def _other(actor: Actor | None, group: Actor) -> bool:
    return actor is None or actor.name != group.name


def _opponent(actor1: Actor, group: Actor | None, forces: Actor | None) -> Actor | None:
    if actor1.kind == "state_forces" and group is not None:
        return group
    if actor1.kind in NON_STATE_KINDS and forces is not None and forces.name != actor1.name:
        return forces
    return None


def country_name(alpha2: str, actors: ActorDictionary, gazetteer: Gazetteer) -> str:
    """A country's name as ACLED spells it in actor names."""
    return actors.country_names.get(alpha2.upper()) or gazetteer.country_place(alpha2).name


def named_in_country(event: Event, actors: ActorDictionary, gazetteer: Gazetteer) -> Event:
    """Catch-all actors take the country of the event's place, as ACLED writes "Civilians (Mali)"."""
    alpha2 = event.location.country
    if alpha2 is None:
        return event
    alpha3, name = gazetteer.alpha3(alpha2), country_name(alpha2, actors, gazetteer)
    actor1 = actors.in_country(event.actor1, alpha2, alpha3, name)
    actor2 = actors.in_country(event.actor2, alpha2, alpha3, name) if event.actor2 else None
    if actor1 == event.actor1 and actor2 == event.actor2:
        return event
    renamed = event.evolve(actor1=actor1, actor2=actor2)
    return renamed.evolve(notes=write_note(renamed))
