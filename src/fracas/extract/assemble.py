"""The only Doc -> Event conversion: mentions completed with place, date, toll and sources, then grouped.

ACLED's unit is one act by one actor at one admin area on one day, so mentions that agree on
(sub-type, actor, admin1, day) become one event; re-mentions of an act add evidence, not events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from fracas.extract.casualties import CasualtyMention, find_casualties, victim_class
from fracas.extract.casualty_context import SHORT_WINDOW, clause_bounds
from fracas.extract.mentions import Mention
from fracas.extract.notes import write_note
from fracas.extract.place_tolls import draft_at_place, located_tolls
from fracas.extract.rulepack import policy_of
from fracas.nlp.doctext import doc_text
from fracas.resources import pack_alternation, rule_pack
from fracas.extract.places import PlaceMention
from fracas.model import Actor, Dispatch, Event, Evidence, Place, Source
from fracas.resolve.dates import find_time_expressions
from fracas.resolve.sources import grade_confidence
from fracas.text import fold

LONG_BEFORE_DAYS = 10  # an act dated further back than this is background to the news
FINAL_STOPS = (".", "!", "?", "…", "»", '"', ":")


Figures = tuple[int | None, int | None, int | None]  # low, best, high


Claimed = tuple[Figures, int | None]  # a toll's figures and its civilians


@dataclass
class Toll:
    """Casualty figures gathered for one event, per class of victims (`victim_class`).

    Different victims add up: civilians, state forces, the other armed side, and "trois autres" beyond
    those named. The same victims named again ("trois soldats ... les trois militaires") are one entry,
    which keeps the most conservative figure, as ACLED does. A bare toll ("six morts") or one of "personnes"
    is the act's whole toll (class ""), so it includes the named victims rather than adding to them; the
    event keeps whichever is larger, for the dead and for civilians alike. A figure that replaces the
    others ("le bilan s'est alourdi à") wins; one that another source gives against them ("pour sa part",
    "mais ... a fait état de") may only lower the toll.
    """

    killed: dict[str, Figures] = field(default_factory=dict)
    civilian_counts: dict[str, int] = field(default_factory=dict)
    wounded: dict[str, int] = field(default_factory=dict)
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    combatants_killed: bool = False  # a group of the dead is named as fighters ("trois assaillants")
    fighters_wounded: bool = False  # a group of the wounded is named as fighters or forces ("deux soldats")
    updates: list[Claimed] = field(default_factory=list)
    rivals: list[Claimed] = field(default_factory=list)

    def fatalities(self) -> tuple[int | None, int | None, int | None]:
        """best, low, high."""
        chosen = self._claimed()
        if chosen is not None:
            low, best, high = chosen[0]
            return best, low, high
        return self._summed()

    def _summed(self) -> tuple[int | None, int | None, int | None]:
        named = [figures for who, figures in self.killed.items() if who]
        if not named and "" not in self.killed:
            return None, None, None
        low, best, high = _sum_figures(named)
        bare_low, bare_best, bare_high = self.killed.get("", (None, None, None))
        if bare_best is not None and (not named or best is None or bare_best > best):
            return bare_best, bare_low, bare_high
        return best, low, high

    def _claimed(self) -> Claimed | None:
        """The update or rival figure that stands for the act's toll, if one does."""
        if self.updates:
            return max(self.updates, key=lambda c: c[0][1] or 0)
        summed = self._summed()[0]
        rivals = [c for c in self.rivals if c[0][1] is not None]
        lowest = min(rivals, key=lambda c: c[0][1] or 0) if rivals else None
        if lowest is not None and (summed is None or (lowest[0][1] or 0) < summed):
            return lowest
        return None

    @property
    def has_killed(self) -> bool:
        return bool(self.killed or self.updates or self.rivals)

    @property
    def civilians(self) -> dict[str, int]:
        """Civilians killed, per class of victims; a bare toll's civilians ("dont cinq civils") likewise
        include the named ones, so they count only beyond them."""
        chosen = self._claimed()
        if chosen is not None and chosen[1] is not None:
            return {"": chosen[1]} if chosen[1] else {}
        named = {who: count for who, count in self.civilian_counts.items() if who}
        beyond = self.civilian_counts.get("", 0) - sum(named.values())
        return {**named, "": beyond} if beyond > 0 else named


def _sum_figures(groups: list[Figures]) -> Figures:
    """Low, best and high over groups of victims: best sums what is known; low and high only when all are."""
    lows, bests, highs = ([g[i] for g in groups] for i in range(3))
    known_bests = [b for b in bests if b is not None]
    return (_sum_if_all_known(lows), sum(known_bests) if known_bests else None, _sum_if_all_known(highs))


def _sum_if_all_known(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if len(known) == len(values) else None


@dataclass
class Draft:
    """An event being assembled from one or more mentions."""

    mention: Mention
    actor1: Actor
    actor2: Actor | None
    place: PlaceMention | None
    location: Place
    date: str
    date_precision: str
    date_span: tuple[int, int] | None
    sentences: set[int]
    evidence: list[tuple[str, int, int]]
    toll: Toll = field(default_factory=Toll)
    sources: list[tuple[Source, int, int]] = field(default_factory=list)
    own_date: bool = False  # dated by words of its own sentence (not the lead's, nor publication)


# Tolls of a period or of an earlier act: "au premier semestre", "deux mois après le massacre de 100 civils".
# ("depuis vendredi", "depuis 24 heures": an episode still under way, not a period.)
PERIOD_TOLL = re.compile(
    rf"semestre|trimestre|depuis(?!\s+{SHORT_WINDOW})|au cours de l'annee|cette annee|l'an dernier|l'annee derniere"
    r"|(?:mois|semaines|ans|annees) (?:apres|avant|plus tot)|il y a \w+ (?:mois|ans|semaines)|en (?:19|20)\d\d"
    r"|(?:le|au cours du|durant le|pendant le) mois (?:precedent|dernier|passe)|l'annee precedente|en un mois"
    r"|sur l'ensemble d|au mois d")


def attach_tolls(sentences: list[Span], dispatch: Dispatch, drafts: list[Draft],
                 sentence_places: dict[int, list[PlaceMention]]) -> None:
    """Casualty figures go to the act of their sentence, else to the nearest earlier act (matching place).

    A headline restates the body: its figures go only to an act the body gives no toll. The headline of
    another story ("À lire aussi") gives none."""
    violent = [d for d in drafts if policy_of(d.mention.sub_event_type).toll]
    headline_end, other_stories = _set_aside(doc_text(sentences[0].doc) if sentences else "")
    from_headline: list[tuple[Draft, CasualtyMention, int, int]] = []
    parted: set[int] = set()  # the drafts whose toll is told place by place
    killed_before = False
    for index, sentence in enumerate(sentences):
        places = sentence_places.get(index, [])
        tolls = _sentence_tolls(sentence, dispatch, other_stories)
        shares = _respective_acts(index, [c for c, _, _ in tolls], violent)
        located = located_tolls(sentence.text, sentence.start_char, tolls, places, killed_before)
        by_place = any(place is not None for *_, place in located)
        killed_before = any(c.outcome == "killed" for c, _, _ in tolls)
        for casualty, start, end, place in located:
            target = _toll_target(casualty, index, start, shares, drafts, violent, places)
            target = _placed_target(target, casualty, place, by_place, (drafts, violent, parted))
            if target is not None and start < headline_end:
                from_headline.append((target, casualty, start, end))
            elif target is not None:
                _add_casualty(target.toll, casualty, start, end)
    _add_headline_tolls(from_headline)


def _add_headline_tolls(from_headline: list[tuple[Draft, CasualtyMention, int, int]]) -> None:
    """A headline's figures go only to an act the body gives no toll."""
    for target, casualty, start, end in from_headline:
        if casualty.outcome != "killed" or not target.toll.has_killed:
            _add_casualty(target.toll, casualty, start, end)


def _placed_target(target: Draft | None, casualty: CasualtyMention, place: PlaceMention | None, by_place: bool,
                   lists: tuple[list[Draft], list[Draft], set[int]]) -> Draft | None:
    """The act at the place a toll is tied to; None for a toll that only breaks down the parts ("... 8 à
    Matete, alors que 22 hommes figurent parmi les victimes")."""
    if target is not None and place is not None:
        return draft_at_place(target, place, *lists)
    if target is not None and by_place and id(target) in lists[2] and casualty.outcome == "killed":
        return None
    return target


def _sentence_tolls(sentence: Span, dispatch: Dispatch,
                    other_stories: list[tuple[int, int]]) -> list[tuple[CasualtyMention, int, int]]:
    """A sentence's tolls with their offsets in the dispatch. War-wide or period tolls are never an event's
    fatalities (the other tolls of their sentence may be), nor are another story's."""
    tolls = []
    for casualty in find_casualties(sentence.text):
        start, end = sentence.start_char + casualty.start, sentence.start_char + casualty.end
        if casualty.context or _of_a_period(sentence.text, casualty, dispatch) \
                or any(s <= start < e for s, e in other_stories):
            continue
        tolls.append((casualty, start, end))
    return tolls


_OTHER_STORY = re.compile(rf"(?:{pack_alternation(rule_pack('casualties')['other_story'])})\b\W*", re.IGNORECASE)


def other_stories(text: str) -> list[tuple[int, int]]:
    """The spans of the lines that are another story's headline ("À lire aussi ..."): no act is read there."""
    return _set_aside(text)[1]


def _set_aside(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Where a headline ends (0 when the text has none: a first line with no final stop, before a body), and
    the lines that are another story's headline (the line of "À lire aussi", or the one after it)."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, offset + len(line), line.strip()))
        offset += len(line) + 1
    body = [line for line in lines if line[2]]
    first = body[0] if body else None
    headline_end = first[1] if first and len(body) > 1 and not first[2].endswith(FINAL_STOPS) else 0
    other_stories = []
    for i, (start, end, line) in enumerate(body):
        cue = _OTHER_STORY.match(line)
        if cue and cue.end() < len(line):
            other_stories.append((start, end))
        elif cue and i + 1 < len(body):
            other_stories.append(body[i + 1][:2])
    return headline_end, other_stories


def _toll_target(casualty: CasualtyMention, index: int, start: int, shares: dict[int, Draft], drafts: list[Draft],
                 violent: list[Draft], places: list[PlaceMention]) -> Draft | None:
    target = shares.get(casualty.respective) if casualty.respective is not None else None
    if target is None and casualty.best == 0 and not any(index in d.sentences for d in violent):
        # "ont incendié l'école ..., sans faire de victime": an explicit zero in the sentence of an
        # act that otherwise carries no toll is that act's.
        target = next((d for d in drafts if index in d.sentences), None)
    target = target or _draft_for(index, start, violent, places)
    if target is not None and index not in target.sentences and victim_class(casualty).startswith("fighters:") \
            and policy_of(target.mention.sub_event_type).civilian_victims:
        # Armed men's dead ("une dizaine de terroristes"), told after their attack on civilians, fell in
        # another act; a guard or a policeman killed by the attackers is the attack's toll.
        return None
    return target


def _respective_acts(index: int, casualties: list[CasualtyMention], drafts: list[Draft]) -> dict[int, Draft]:
    """ "ont frappé A et B, tuant respectivement 12 et quatre civils": the n-th figure is the n-th act's,
    when the sentence has as many acts as figures (else the usual nearest act)."""
    shares = sorted({c.respective for c in casualties if c.respective is not None})
    acts = sorted((d for d in drafts if index in d.sentences and not d.mention.re_mention),
                  key=lambda d: (d.mention.trigger_start, d.place.start if d.place else 0))
    return dict(zip(shares, acts)) if shares and len(shares) == len(acts) else {}


def _of_a_period(text: str, casualty: CasualtyMention, dispatch: Dispatch) -> bool:
    """Whether the clause of a toll tells of a period ("au premier semestre") or of an act weeks before."""
    start, end = clause_bounds(text.lower(), casualty.start, casualty.end)
    clause = text[start:end]
    return PERIOD_TOLL.search(fold(clause)) is not None or _dated_long_before(clause, dispatch)


def _dated_long_before(text: str, dispatch: Dispatch) -> bool:
    """Whether the clause dates what it tells weeks before publication ("le 19 juin" in a July dispatch,
    "début juin 2016" in a January 2018 one): a day, month or year that ended that long before."""
    if dispatch.published is None or dispatch.published.precision not in ("day", "month"):
        return False
    return any(t.value is not None and t.kind not in ("duration",)
               and (dispatch.published.value - last_day(t.value, t.precision)).days > LONG_BEFORE_DAYS
               for t in find_time_expressions(text, dispatch.published) if t.precision in ("day", "month", "year"))


def last_day(value: dt.date, precision: str | None) -> dt.date:
    if precision == "year":
        return value.replace(month=12, day=31)
    if precision == "month":
        following = value.replace(day=28) + dt.timedelta(days=4)
        return following - dt.timedelta(days=following.day)
    return value


def _draft_for(index: int, position: int, drafts: list[Draft], places: list[PlaceMention]) -> Draft | None:
    same = [d for d in drafts if index in d.sentences and not d.mention.re_mention]
    # "l'attaque" near another place or on another day was kept as an act of its own: its sentence's toll.
    same = same or [d for d in drafts if d.mention.re_mention and d.mention.sentence == index]
    if same:
        return min(same, key=lambda d: abs(d.mention.trigger_start - position))
    return _earlier_draft_for(index, drafts, places)


def _earlier_draft_for(index: int, drafts: list[Draft], places: list[PlaceMention]) -> Draft | None:
    """A toll sentence with no act of its own: the latest act of the three sentences before (of the place
    it names, when it names one), else the first act of the three sentences after (a lead's toll told
    before its act: "Le bilan s'est aggravé : 41 tués. [...] L'escalade a abouti à une attaque")."""
    earlier = [d for d in drafts if min(d.sentences) < index and index - max(d.sentences) <= 3]
    admin1s = {p.place.admin1 for p in places} | {p.place.name for p in places}
    matching = [d for d in earlier if d.location.admin1 in admin1s or d.location.name in admin1s]
    if matching:
        return matching[-1]
    if earlier:
        return earlier[-1]
    later = [d for d in drafts if index < min(d.sentences) <= index + 3]
    return min(later, key=lambda d: min(d.sentences)) if later else None


def _add_casualty(toll: Toll, casualty: CasualtyMention, start: int, end: int) -> None:
    outcome, best = casualty.outcome, casualty.best
    who = victim_class(casualty)
    if who == "others":
        who = f"others@{start}"  # "trois autres": victims beyond those named before
    if outcome == "killed":
        figures = (casualty.low if casualty.low is not None else best, best, casualty.high)
        civilian_count = casualty.civilian_count
        if civilian_count is None and casualty.civilians is True:
            civilian_count = best
        toll.combatants_killed = toll.combatants_killed or casualty.civilians is False
        toll.spans.append(("fatalities", start, end))
        if casualty.claim == "update":
            toll.updates.append((figures, civilian_count))
        elif casualty.claim == "rival":
            toll.rivals.append((figures, civilian_count))
        elif _more_conservative(best, toll.killed.get(who)):
            # The same victims counted twice (lead and detail) keep the lower figure; other victims add up
            # (a bare toll is weighed against them in `Toll.fatalities`).
            toll.killed[who] = figures
            # Combatants only ("cinq militaires") says nothing of civilians: null, not 0.
            if civilian_count:
                toll.civilian_counts[who] = civilian_count
            else:
                toll.civilian_counts.pop(who, None)
    elif outcome == "wounded" and best is not None:
        _add_wounded(toll, casualty, best, start, end)


def _add_wounded(toll: Toll, casualty: CasualtyMention, best: int, start: int, end: int) -> None:
    who = casualty.who or ""
    toll.wounded[who] = max(best, toll.wounded.get(who, 0))
    toll.fighters_wounded = toll.fighters_wounded or casualty.civilians is False
    toll.spans.append(("wounded", start, end))


def _more_conservative(best: int | None, previous: Figures | None) -> bool:
    """Whether a figure replaces the one already kept for the same victims: the lower one wins, and an
    explicit zero never replaces a real toll."""
    if previous is None or not previous[1]:
        return True
    return best is not None and 0 < best < previous[1]


def _one_entry_per_source(found: list[tuple[Source, int, int]]) -> tuple[Source, ...]:
    """ "l'Observatoire syrien ... (OSDH)" and "selon l'OSDH" are one voice; the first wording is kept
    (evidence keeps every span)."""
    first_wording: dict[tuple[str, str], Source] = {}
    for source, _, _ in found:
        first_wording.setdefault((source.name, source.kind), source)
    return tuple(first_wording.values())


def _civilian_toll_and_target(draft: Draft, fatalities: int | None) -> tuple[int | None, Actor | None]:
    civilians = sum(draft.toll.civilians.values()) if draft.toll.civilians else None
    actor2 = draft.actor2
    if civilians is None and fatalities is not None and draft.mention.event_type == "Violence against civilians" \
            and actor2 is not None and actor2.kind == "civilians" and not draft.toll.combatants_killed:
        # An attack on civilians that kills "au moins cinq personnes": ACLED counts its dead as civilians.
        civilians = fatalities
    if actor2 is None and (civilians and draft.mention.event_type in ("Explosions/Remote violence", "Battles")
                           or _only_people_hit(draft)):
        # ACLED names civilians as the target side when an act kills them and no other target is given.
        actor2 = Actor(name="Civilians", kind="civilians", country=None, text=None)
    return civilians, actor2


def _only_people_hit(draft: Draft) -> bool:
    """ "Des obus ont tué neuf personnes à Omdurman", "deux missiles ont fait 17 blessés": a strike or
    shelling whose only victims are people, never fighters, hit civilians (as ACLED codes it)."""
    if draft.mention.event_type != "Explosions/Remote violence" or draft.toll.combatants_killed:
        return False
    toll = draft.toll
    return bool(toll.killed or toll.wounded) and set(toll.killed) <= {"", "civilians"} and not toll.fighters_wounded


def finish(draft: Draft, dispatch: Dispatch) -> Event:
    """A draft's final record: toll, sources, confidence, evidence, note and a deterministic id."""
    fatalities, low, high = draft.toll.fatalities()
    wounded = sum(draft.toll.wounded.values()) if draft.toll.wounded else None
    sources = _one_entry_per_source(draft.sources)
    civilians, actor2 = _civilian_toll_and_target(draft, fatalities)
    # "Specifics" in the Airwars sense: a named place (a province counts) and a toll.
    specifics = draft.location.precision != "country" and fatalities is not None
    confidence = grade_confidence(sources, perpetrator=draft.actor1, has_specifics=specifics)
    spans = list(draft.evidence) + draft.toll.spans + [("sources", s, e) for _, s, e in draft.sources]
    evidence = tuple(dict.fromkeys(Evidence(name, dispatch.id, s, e) for name, s, e in spans))
    key = "|".join((dispatch.id, draft.mention.sub_event_type, draft.actor1.name, draft.location.name,
                    draft.location.admin1 or "", draft.date))
    event = Event(
        event_id="fr-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16],
        event_date=draft.date,
        date_precision=draft.date_precision,  # type: ignore[arg-type]
        event_type=draft.mention.event_type,
        sub_event_type=draft.mention.sub_event_type,
        actor1=draft.actor1,
        actor2=actor2,
        location=draft.location,
        fatalities=fatalities,
        fatalities_low=low,
        fatalities_high=high,
        civilian_fatalities=civilians,
        wounded=wounded,
        sources=sources,
        confidence=confidence,
        evidence=evidence,
        dispatch_ids=(dispatch.id,),
    )
    return event.evolve(notes=write_note(event))


def long_before(date: str, dispatch: Dispatch, days: int = LONG_BEFORE_DAYS) -> bool:
    """An act dated more than `days` before a publication known to the day is background to the news."""
    published = dispatch.published
    if published is None or published.precision != "day":
        return False
    return (published.value - dt.date.fromisoformat(date)).days > days
