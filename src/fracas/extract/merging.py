"""Merging the drafts of one dispatch: the same act told again adds evidence to its event, not a new event.

ACLED's unit is one act by one actor at one admin area on one day; a dispatch tells it several times, in the
lead, in the body, with another word ("l'attaque", "les affrontements") or with its precise means.
"""

from __future__ import annotations

import datetime as dt

from fracas.extract.assemble import Draft
from fracas.extract.rulepack import policy_of
from fracas.model import Actor
from fracas.resolve.actors import UNIDENTIFIED

# A village beats its district, a district its province, within one province.
PRECISION_RANK = {"country": 0, "admin1": 1, "admin2": 2, "place": 3}
# Catch-all names that a following name makes precise: "les rebelles ADF", "des jihadistes de l'Iswap".
CATCH_ALL_ACTORS = ("Jihadist Groups", "Unidentified Armed Group")


def merge_or_add(drafts: list[Draft], draft: Draft) -> None:
    """Same sub-type, actor, admin area and day as an existing draft (or a re-mention): one event."""
    target = next((e for e in drafts if _same_act(e, draft)), None) \
        or next((e for e in drafts if _same_act_told_vaguely(e, draft)), None) \
        or _retold_act(drafts, draft)
    if target is not None:
        _absorb(target, draft)
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
    return (existing.mention.sub_event_type == draft.mention.sub_event_type
            and same_actor and _same_day(existing, draft) and _same_area(existing, draft))


def _same_area(existing: Draft, draft: Draft) -> bool:
    return (existing.location.admin1 or existing.location.name) == (draft.location.admin1 or draft.location.name)


def _same_day(existing: Draft, draft: Draft) -> bool:
    """A later mention dated only by the lead or the publication ("l'attaque aurait causé des dizaines de
    morts") is on the day of the act it tells again — unless it names a village of its own ("celle de
    Karimama"): another act, whose day the text does not give."""
    if existing.date == draft.date:
        return True
    return not draft.own_date and (_is_vague(draft) or draft.location.name == existing.location.name)


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
    if draft.own_date and not existing.own_date:  # the telling that dates the act dates the event
        existing.date, existing.date_precision, existing.date_span = draft.date, draft.date_precision, draft.date_span
        existing.own_date = True
    if existing.actor2 is None and draft.actor2 is not None:
        existing.actor2 = draft.actor2
    if PRECISION_RANK[draft.location.precision] > PRECISION_RANK[existing.location.precision] \
            and draft.location.precision != "country" \
            and draft.location.admin1 == existing.location.admin1 and draft.place is not None:
        existing.location, existing.place = draft.location, draft.place
    if existing.actor1.name == UNIDENTIFIED and draft.mention.actor1 is not None \
            and draft.actor1.name != UNIDENTIFIED:
        existing.actor1 = draft.actor1


# Kinds of act a summary sentence retells: "les attaques séparatistes dans la région", "cette attaque".
RETOLD_EVENT_TYPES = ("Battles", "Violence against civilians", "Explosions/Remote violence")


def fold_restatements(drafts: list[Draft]) -> None:
    """ACLED codes one event per act: a generic telling ("l'attaque", "les affrontements") with no toll and no
    date of its own, placed no more precisely than another act of the dispatch in its province (or only in
    its country) and with sides that agree with it, is that act told again ("dans la région du Nord-Ouest,
    des attaques ..." after the attack on a village) — whatever sub-type its bare words gave it. Runs once
    the tolls are attached, so that a telling which carries its own toll stays an event."""
    for draft in sorted(drafts, key=_restating_weight):
        if not _may_restate(draft):
            continue
        target = next((t for t in drafts if t is not draft and _restated_by(t, draft)), None)
        if target is not None:
            drafts.remove(draft)
            if draft.mention.actor2 is None:
                draft.actor2 = None  # the civilians a bare "attaque" defaults to are no side of the act
            _absorb(target, draft)


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
