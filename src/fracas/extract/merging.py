"""Merging the drafts of one dispatch: the same act told again adds evidence to its event, not a new event.

ACLED's unit is one act by one actor at one admin area on one day; a dispatch tells it several times, in the
lead, in the body, with another word ("l'attaque", "les affrontements") or with its precise means.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from fracas.extract.assemble import Draft
from fracas.extract.rulepack import policy_of
from fracas.model import Actor
from fracas.resolve.actors import UNIDENTIFIED

# A village beats its district, a district its province, within one province.
PRECISION_RANK = {"country": 0, "admin1": 1, "admin2": 2, "place": 3}
# Catch-all names that a following name makes precise: "les rebelles ADF", "des jihadistes de l'Iswap".
CATCH_ALL_ACTORS = ("Jihadist Groups", "Unidentified Armed Group")
# How many days before publication an act told with its day may be the act an undated telling gave.
RECENT_DAYS = 3


def merge_or_add(drafts: list[Draft], draft: Draft) -> None:
    """Same sub-type, actor, admin area and day as an existing draft (or a re-mention): one event."""
    target = next((e for e in drafts if _same_act(e, draft)), None) \
        or next((e for e in drafts if _same_act_told_vaguely(e, draft)), None) \
        or _retold_act(drafts, draft)
    if target is not None:
        _absorb(target, draft)
        return
    if _intervention_in_demonstration(drafts, draft):
        return
    other = next((e for e in drafts if _same_act_other_words(e, draft)), None)
    if other is None:
        drafts.append(draft)
    elif policy_of(draft.mention.sub_event_type).told == "precise":
        # "L'attaque ... a fait 15 morts", then "un kamikaze s'est fait exploser": the precise words win.
        drafts[drafts.index(other)] = draft
        _absorb(draft, other)
    else:
        _absorb(other, draft)


def _same_act(existing: Draft, draft: Draft) -> bool:
    # An unnamed perpetrator ("les assaillants ont été repoussés") is compatible with a named one.
    same_actor = existing.actor1.name == draft.actor1.name or _unnamed(existing.actor1) or _unnamed(draft.actor1)
    # "des combats entre l'armée et l'EI", then "l'EI a attaqué un poste de l'armée": the sides, now ordered.
    same_actor = same_actor or existing.mention.sides_unordered and existing.actor2 is not None \
        and draft.actor1.name == existing.actor2.name
    return (existing.mention.sub_event_type == draft.mention.sub_event_type
            and same_actor and _same_day(existing, draft) and _same_area(existing, draft)
            and not _crowds_in_two_towns(existing, draft) and not _two_villages(existing, draft))


def _two_villages(existing: Draft, draft: Draft) -> bool:
    """ "l'armée a frappé Ansar ... un drone a ensuite frappé Harouf": acts told at two named villages of one
    province are two events, as ACLED codes one event per location. An anaphor ("cette attaque ... après
    leur retour d'Aru") tells the act already reported, wherever its sentence goes on to."""
    return existing.location.precision == "place" and draft.location.precision == "place" \
        and draft.place is not None and existing.location.name != draft.location.name \
        and not draft.mention.re_mention


def _crowds_in_two_towns(existing: Draft, draft: Draft) -> bool:
    """Demonstrations in two towns of one province ("à Goma et à Butembo") are two events, as ACLED codes
    them: a crowd acts where it gathers, unlike strikes that one province's report may sum up."""
    return _is_crowd(existing) and _is_crowd(draft) and existing.location.precision == "place" \
        and draft.location.precision == "place" and draft.place is not None \
        and existing.location.name != draft.location.name


def _same_area(existing: Draft, draft: Draft) -> bool:
    return (existing.location.admin1 or existing.location.name) == (draft.location.admin1 or draft.location.name)


def _same_day(existing: Draft, draft: Draft) -> bool:
    """A later mention dated only by the lead or the publication ("l'attaque aurait causé des dizaines de
    morts") is on the day of the act it tells again — unless it names a village of its own ("celle de
    Karimama"): another act, whose day the text does not give."""
    if existing.date == draft.date:
        return True
    if _in_publication_month(existing, draft):
        return True  # a lead dated only by a publication month: any day of that month the body gives
    if _undated_telling_of(existing, draft):
        return True
    return not draft.own_date and (_is_vague(draft) or draft.location.name == existing.location.name)


def _in_publication_month(existing: Draft, draft: Draft) -> bool:
    """Whether the existing draft is dated only by a publication known to the month, and the draft falls in it."""
    return existing.date_span is None and existing.date_precision == "month" and draft.date[:7] == existing.date[:7]


def _undated_telling_of(existing: Draft, draft: Draft) -> bool:
    """ "Une nuit vandale à Ziguinchor", then "dans la nuit du jeudi au vendredi, les manifestants ... à
    Ziguinchor": a telling with no date words (dated by publication) and the same place's act told with its
    day, in the days just before publication, are one act."""
    if existing.date_span is not None or existing.date_precision != "day" or draft.date_precision != "day" \
            or existing.location.name != draft.location.name:
        return False
    gap = (dt.date.fromisoformat(existing.date[:10]) - dt.date.fromisoformat(draft.date[:10])).days
    return 0 <= gap <= RECENT_DAYS


def _unnamed(actor: Actor) -> bool:
    """A perpetrator the words leave open: an unidentified group, or a catch-all ("les rebelles", "les
    jihadistes") that a named group of the same dispatch may be."""
    return actor.name == UNIDENTIFIED or actor.name in CATCH_ALL_ACTORS or actor.name.startswith("Rebel Groups")


def _same_act_other_words(existing: Draft, draft: Draft) -> bool:
    """The same act told in another sub-type's words: "une frappe de drone" and "l'attaque", "des heurts" and
    "les affrontements avec la police" — a generic telling (policy `told: generic`) beside a precise one
    (`told: precise`) at the same area and day whose sides agree with it. Two generic tellings (an attack
    and a clash) stay apart: which one the act is, the words alone do not say."""
    told = {policy_of(existing.mention.sub_event_type).told, policy_of(draft.mention.sub_event_type).told}
    if told != {"generic", "precise"}:
        return False
    roles = {policy_of(existing.mention.sub_event_type).roles, policy_of(draft.mention.sub_event_type).roles}
    if roles == {"crowd", "perpetrator"}:  # a crowd faces the police in a clash; a gang's attack is its own act
        return False
    if policy_of(draft.mention.sub_event_type).told == "precise" and not _is_vague(draft) \
            and draft.location.name != existing.location.name:
        return False  # "des bombes ont tué 20 civils au Darfour" then "un drone a frappé Nyala": two acts
    area = _same_area(existing, draft) or _is_vague(draft) and existing.location.country == draft.location.country
    return area and _same_day(existing, draft) and _sides_agree(existing, draft)


def _sides_agree(existing: Draft, draft: Draft) -> bool:
    """Whether two tellings can be of one act: a side left open, the same perpetrator, or the sides swapped
    ("les affrontements avec la police" after rioters facing the police)."""
    if _unnamed(existing.actor1) or _unnamed(draft.actor1):
        return True
    sides = {existing.actor1.name, existing.actor2.name if existing.actor2 else None}
    return draft.actor1.name in sides or draft.actor2 is not None and draft.actor2.name == existing.actor1.name


def _is_vague(draft: Draft) -> bool:
    return draft.place is None or draft.location.precision == "country"


def _same_act_told_vaguely(existing: Draft, draft: Draft) -> bool:
    # "L'armée israélienne a confirmé avoir mené des frappes en Syrie": the same actor's act of the same kind,
    # with no place of its own (or only the country), is the located act told again.
    return (_is_vague(draft) and existing.mention.event_type == draft.mention.event_type
            and existing.actor1.name == draft.actor1.name != UNIDENTIFIED and existing.date == draft.date
            and existing.location.country == draft.location.country)


def _retold_act(drafts: list[Draft], draft: Draft) -> Draft | None:
    """ "ces frappes", "l'attaque" with no place of their own: the latest act of that type, on its day."""
    if not (draft.mention.re_mention and _is_vague(draft) and drafts):
        return None
    target = latest_of_type(drafts, draft.mention.event_type) or drafts[-1]
    if _same_day(target, draft):  # its own other day: another act
        return target
    return None


def latest_of_type(drafts: list[Draft], event_type: str) -> Draft | None:
    """The last draft of an ACLED event type: the act a later mention of that type most likely retells."""
    return next((d for d in reversed(drafts) if d.mention.event_type == event_type), None)


def _absorb(existing: Draft, draft: Draft) -> None:
    """A later mention of the same act: its evidence joins; a perpetrator it names replaces an unknown one."""
    existing.sentences |= draft.sentences
    existing.evidence.extend(e for e in draft.evidence if e not in existing.evidence)
    _take_precise_crowd_sub_type(existing, draft)
    _absorb_date(existing, draft)
    _absorb_order(existing, draft)
    if existing.actor2 is None and draft.actor2 is not None:
        existing.actor2 = draft.actor2
    if PRECISION_RANK[draft.location.precision] > PRECISION_RANK[existing.location.precision] \
            and draft.location.precision != "country" \
            and draft.location.admin1 == existing.location.admin1 and draft.place is not None:
        existing.location, existing.place = draft.location, draft.place
    if existing.actor1.name == UNIDENTIFIED and draft.mention.actor1 is not None \
            and draft.actor1.name != UNIDENTIFIED and not _is_side_hit(existing, draft.actor1):
        existing.actor1 = draft.actor1


def _is_side_hit(existing: Draft, actor: Actor) -> bool:
    """ "Un camp de l'armée a été attaqué", then "un responsable de l'armée a confirmé l'assaut": the side
    already known as hit is not the perpetrator that a later telling seems to name."""
    return existing.actor2 is not None and existing.actor2.name == actor.name


def _absorb_date(existing: Draft, draft: Draft) -> None:
    """The telling that dates the act dates the event; a day the text gives (even in an earlier sentence)
    beats the publication date an undated lead fell back to."""
    from_text = existing.date_span is None and draft.date_span is not None
    if draft.own_date and not existing.own_date or from_text:
        existing.date, existing.date_precision, existing.date_span = draft.date, draft.date_precision, draft.date_span
        existing.own_date = existing.own_date or draft.own_date


def _absorb_order(existing: Draft, draft: Draft) -> None:
    """ "Des affrontements entre le M23 et les Wazalendo", then "les Wazalendo ont attaqué des positions du
    M23": a later telling that says who struck first orders the sides ACLED's way (initiator first)."""
    if not existing.mention.sides_unordered or draft.mention.sides_unordered or existing.actor2 is None:
        return
    hit_first = draft.actor2 is not None and draft.actor2.name == existing.actor1.name
    if hit_first and (draft.actor1.name == existing.actor2.name or _unnamed(draft.actor1)):
        existing.actor1, existing.actor2 = existing.actor2, existing.actor1
        existing.mention.sides_unordered = False


def _intervention_in_demonstration(drafts: list[Draft], draft: Draft) -> bool:
    """Arrests told at the area and day of a demonstration (policy `told: intervention`) are the police's
    intervention in it, as ACLED codes them: the demonstration takes them in. True when `draft` was taken
    in; a demonstration arriving after such acts takes them in and is then merged or added as usual."""
    if _is_intervention(draft):
        crowd = next((e for e in drafts if _is_crowd(e) and _same_time_and_area(e, draft)), None)
        if crowd is not None:
            _take_in_intervention(crowd, draft)
        return crowd is not None
    if _is_crowd(draft):
        for act in [e for e in drafts if _is_intervention(e) and _same_time_and_area(draft, e)]:
            drafts.remove(act)
            _take_in_intervention(draft, act)
    return False


def _is_intervention(draft: Draft) -> bool:
    # Arrests told as following the demonstration ("à la suite de ces événements", over the days after)
    # are an act of their own.
    return policy_of(draft.mention.sub_event_type).told == "intervention" and not draft.mention.aftermath


def _is_crowd(draft: Draft) -> bool:
    return policy_of(draft.mention.sub_event_type).roles == "crowd"


def _same_time_and_area(crowd: Draft, act: Draft) -> bool:
    area = _same_area(crowd, act) or _is_vague(act) and crowd.location.country == act.location.country
    return area and (crowd.date == act.date or not act.own_date)


def _take_in_intervention(crowd: Draft, act: Draft) -> None:
    """The police's act joins the demonstration's evidence; the police who acted face the crowd; a peaceful
    protest becomes one with intervention (`with_intervention` in data/subtypes.yaml)."""
    crowd.sentences |= act.sentences
    crowd.evidence.extend(e for e in act.evidence if e not in crowd.evidence and e[0] == "event_type")
    if crowd.actor2 is None and act.actor1.kind == "state_forces":
        crowd.actor2 = act.actor1
    intervened = policy_of(crowd.mention.sub_event_type).with_intervention
    if intervened is not None:
        crowd.mention = replace(crowd.mention, sub_event_type=intervened)


def _take_precise_crowd_sub_type(existing: Draft, draft: Draft) -> None:
    """A demonstration told plainly, then again with what the police did ("la foule est dispersée"): the
    event keeps the precise telling's sub-type (`told: precise` over `told: generic`)."""
    if _is_crowd(existing) and _is_crowd(draft) and policy_of(existing.mention.sub_event_type).told == "generic" \
            and policy_of(draft.mention.sub_event_type).told == "precise":
        existing.mention = replace(existing.mention, sub_event_type=draft.mention.sub_event_type)


# Kinds of act a summary sentence retells: "les attaques séparatistes dans la région", "cette attaque".
RETOLD_EVENT_TYPES = ("Battles", "Violence against civilians", "Explosions/Remote violence")


def fold_restatements(drafts: list[Draft]) -> None:
    """ACLED codes one event per act: a generic telling ("l'attaque", "les affrontements") with no toll and no
    date of its own, placed no more precisely than another act of the dispatch in its province (or only in
    its country) and with sides that agree with it, is that act told again ("dans la région du Nord-Ouest,
    des attaques ..." after the attack on a village) — whatever sub-type its bare words gave it. Runs once
    the tolls are attached, so that a telling which carries its own toll stays an event."""
    for draft in drafts:
        _attack_on_forces(draft)
    for draft in sorted(drafts, key=_restating_weight):
        restated = next((t for t in drafts if t is not draft and _restated_by(t, draft)), None) \
            if _may_restate(draft) else None
        target = restated or _village_act_retold(drafts, draft)
        if target is not None:
            drafts.remove(draft)
            if draft.mention.actor2 is None:
                draft.actor2 = None  # the civilians a bare "attaque" defaults to are no side of the act
            _absorb(target, draft)


def _attack_on_forces(draft: Draft) -> None:
    """ "L'armée a été attaquée par Boko Haram ... une vingtaine de soldats tués": an attack whose victims no
    word names and whose dead are all soldiers or police hit the state's forces, which ACLED codes as an
    armed clash; the side hit is then left to the forces the dispatch names (not civilians by default)."""
    toll = draft.toll
    if draft.mention.sub_event_type != "Attack" or draft.mention.actor2 is not None or not toll.killed \
            or set(toll.killed) != {"state"} or toll.civilians or toll.updates or toll.rivals:
        return
    draft.mention = replace(draft.mention, sub_event_type="Armed clash")
    draft.actor2 = None


def _restating_weight(draft: Draft) -> tuple[bool, int, bool, int]:
    # The weakest telling folds first: an anaphor before a fresh report, a province before a village, a bare
    # "attaque" whose victims no word names (civilians by default) before an act whose sides are named.
    bare_attack = draft.mention.sub_event_type == "Attack" and draft.mention.actor2 is None
    return (not draft.mention.re_mention, PRECISION_RANK[draft.location.precision], not bare_attack,
            -min(draft.sentences))


def _may_restate(draft: Draft) -> bool:
    dated_to_the_day = draft.own_date and draft.date_precision == "day"
    return (policy_of(draft.mention.sub_event_type).told == "generic" and not dated_to_the_day
            and not draft.toll.spans
            and (draft.location.precision != "place" or draft.mention.re_mention))


def _village_act_retold(drafts: list[Draft], draft: Draft) -> Draft | None:
    """ "une attaque du gang à Pont-Sondé ... 70 tués", then "il a revendiqué le massacre de Pont-Sondé": a
    generic telling at a village with no toll and no day of its own, whose perpetrator may be the act's
    (the same, one left open, or a catch-all of the same kind and country), is the act of that sub-type
    already reported at that village on that day (an attack there is not the clash told before it)."""
    if not _bare_village_telling(draft):
        return None
    return next((t for t in drafts if t is not draft and min(t.sentences) < min(draft.sentences)
                 and t.location.precision == "place" and t.location.name == draft.location.name
                 and t.mention.sub_event_type == draft.mention.sub_event_type and t.date == draft.date
                 and _perpetrator_may_be(t.actor1, draft.actor1) and _victims_agree(t, draft)), None)


def _bare_village_telling(draft: Draft) -> bool:
    """A generic telling placed at a village, with no toll and no day of its own."""
    return policy_of(draft.mention.sub_event_type).told == "generic" and not draft.toll.spans \
        and not (draft.own_date and draft.date_precision == "day") and draft.location.precision == "place"


def _perpetrator_may_be(named: Actor, telling: Actor) -> bool:
    """Whether a retelling's perpetrator can be the act's: the same, left open, or a catch-all of the same
    kind and country ("le gang" for the gang the lead names)."""
    return named.name == telling.name or _unnamed(named) or _unnamed(telling) \
        or named.kind == telling.kind and named.country is not None and named.country == telling.country


def _restated_by(target: Draft, draft: Draft) -> bool:
    if target.mention.event_type not in RETOLD_EVENT_TYPES or not _sides_agree(target, draft) \
            or not _victims_agree(target, draft):
        return False
    if PRECISION_RANK[target.location.precision] < PRECISION_RANK[draft.location.precision]:
        return False
    if draft.location.precision == "place" and draft.location.name != target.location.name:
        return False  # "l'attaque de Karimama": a village of its own, another act
    if not (target.date == draft.date or _within_span(target, draft)):
        return False
    if _is_vague(draft):
        return draft.location.country == target.location.country
    return draft.location.admin1 == target.location.admin1


def _victims_agree(target: Draft, draft: Draft) -> bool:
    """Whether the side the telling hits can be the act's: unnamed (a bare "attaque"), or one of its sides
    ("une embuscade contre des civils" is not the clash with the army)."""
    if draft.mention.actor2 is None or draft.actor2 is None:
        return True
    return draft.actor2.name in {target.actor1.name, target.actor2.name if target.actor2 else None}


# How far from its first day a date of coarser precision reaches: "le weekend dernier", "en novembre".
SPAN_DAYS = {"week": 7, "month": 31}


def _within_span(target: Draft, draft: Draft) -> bool:
    reach = SPAN_DAYS.get(draft.date_precision)
    if reach is None or not draft.date[:10].count("-") == 2 or not target.date[:10].count("-") == 2:
        return False
    gap = (dt.date.fromisoformat(target.date[:10]) - dt.date.fromisoformat(draft.date[:10])).days
    return 0 <= gap < reach
