"""Who was killed, wounded, missing or abducted, read from plain text with character offsets.

`find_casualties(text)` finds tolls in the shapes French wire copy uses:

- subject + verb: "Deux femmes et un enfant ont été tués", "au moins 12 soldats ont péri",
  "16 combattants de l'EI tués", "trois humanitaires ont été enlevés";
- verb + object: "tuant trois civils", "a coûté la vie à 4 soldats", "blessant 20 personnes";
- toll nouns: "faisant 5 morts et 10 blessés", "un mort", "bilan de 7 morts", "des dizaines de morts";
- nominals: "la mort de trois soldats", "l'enlèvement de 20 écolières";
- explicit zeros: "aucun mort n'a été signalé", "n'a fait aucune victime", "sans faire de victimes".

- active voice, the usual wire form: "des jihadistes ont tué dimanche une dizaine de ramasseurs",
  "a tué, selon l'OSDH, 12 civils", "affirme avoir « neutralisé » 37 assaillants"; a when ("lundi",
  "dans la nuit de samedi à dimanche", "le 12 mars"), adverbs and one short incise may stand between
  verb and object; a second participle sharing the auxiliary is its own toll ("ont tué deux soldats et
  blessé trois autres": killed 2, wounded 3 soldiers); two acts on the same victims, the last killing,
  are one toll ("a lynché et brûlé vifs 13 suspects", "ont enlevé puis exécuté cinq villageois").
  Quotation marks are read as spaces ("tuant « environ 25 » combattants").

Figures come from `fracas.resolve.numbers` (its low/best/high choices apply). A list is summed into ONE
mention ("deux femmes et un enfant" = 3; "au moins 34 soldats et miliciens prorégime et 21 jihadistes
ont péri" = 55, civilians False): a list is one toll of one act, and one mention keeps the caller from
counting it twice. Two nouns may share a figure ("34 soldats et miliciens"). The one exception is
"respectivement": "tuant respectivement 12 et quatre civils" gives one mention per figure, in text order,
each with the victims named last (who "civils" for both).

Civilians, two fields so that both a label and a count can be said:
- `civilians`: True when every victim named is a civilian (femmes, enfants, villageois ...), False when
  every one is a combatant (soldats, jihadistes, policiers ...), None when unknown or mixed
  ("personnes", "morts", "trois soldats et deux civils").
- `civilian_count`: how many of `best` are civilians: `best` when `civilians` is True, 0 when False,
  the civilians of a "dont ..." breakdown or of a mixed list ("12 morts dont 4 enfants" -> 4),
  else None.

`who` is the victims' words as written, without the figure ("femmes et un enfant", "combattants de
l'EI"); "" when the text only says "morts"/"blessés"/"victimes".

`context` is True for background tolls — of a whole war or a period — that must never become an
event's fatalities (a period anchor or a whole conflict in the same clause, or 10,000 and more: see
`fracas.extract.casualty_context`).
"victimes" counts as killed, as French wire copy uses it. "tués ou blessés" is not counted (no outcome).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from fracas.extract.casualty_context import claim_of, clause_bounds, is_context
from fracas.resolve.numbers import Quantity, QuantityMention, find_quantities
from fracas.resources import pack_alternation, rule_pack

Outcome = Literal["killed", "wounded", "missing", "abducted"]


@dataclass(frozen=True)
class CasualtyMention:
    """One toll: `text[start:end]` is the phrase (figure, victims, verb, any "dont ..." breakdown)."""

    start: int
    end: int
    outcome: Outcome
    low: int | None
    best: int | None
    high: int | None
    civilians: bool | None
    who: str
    context: bool = False
    civilian_count: int | None = None
    # Place in a "respectivement" list (0, 1 ...): the n-th figure belongs to the n-th act named before it.
    respective: int | None = None
    # "update" when the figure replaces the act's earlier ones ("le bilan s'est alourdi à"), "rival" when
    # another source gives it against them ("pour sa part", "mais ... a fait état de"): see `claim_of`.
    claim: str | None = None


def victim_class(mention: CasualtyMention) -> str:
    """Which victims a toll counts, so that the same ones named again are not added up: "civilians",
    "state" (soldiers, police), "fighters:<noun>" (an armed group, by its noun), "others" ("trois autres": beyond the
    victims named before), or "" (people, a bare or a mixed toll: the act's whole toll)."""
    head = mention.who.split()[0].lower() if mention.who else ""
    if head and head in _OTHERS:
        return "others"
    if mention.civilians is True:
        return "civilians"
    if mention.civilians is False:
        # One state's forces are one side, whatever they are called; armed groups are told apart by their
        # noun ("15 jihadistes ... deux combattants du Hachd" are two sides).
        return "state" if _STATE_RE.match(mention.who.lower()) else "fighters:" + head.rstrip("s")
    return ""


# --- the rule pack: data/fr/casualties.yaml (words), data/fr/calendar.yaml (weekday and month names) ------
_PACK = rule_pack("casualties")
_CALENDAR = rule_pack("calendar")
_FILL = {
    "E": _PACK["agreement"],
    "WEEKDAY": "|".join(_CALENDAR["weekdays"]),
    "MONTH": "|".join(name for names in _CALENDAR["months"] for name in names),
    "ONE": r"\ue000\ue001{1,2}",  # a masked one- or two-letter figure ("un", "une")
}


def _alt(*keys: str) -> str:
    """The alternatives of a pack entry (`_alt("outcomes", "killed", "gerunds")`), not grouped."""
    entries = _PACK
    for key in keys:
        entries = entries[key]
    return pack_alternation(entries, fill=_FILL)


def _words(*keys: str) -> tuple[str, ...]:
    return tuple(_alt(*keys).split("|"))


# --- lexicon: victim nouns and what they say about civilian status ---------------------------------
_STATUS = {"civilian": True, "combatant": False, "neutral": None}
# True = civilian, False = combatant, None = says nothing (decided by the words that follow, if any).
_VICTIM_NOUNS: dict[str, bool | None] = {
    word: flag for status, flag in _STATUS.items() for word in _PACK["victim_nouns"][status]
}
# Multi-word nouns, read before single words.
_VICTIM_PHRASES: dict[str, bool | None] = {
    phrase: flag for status, flag in _STATUS.items() for phrase in _PACK["victim_phrases"].get(status, ())
}
_UNQUALIFIED = frozenset(_PACK["unqualified_nouns"])
_OTHERS = ("", *_PACK["others"])
# Words after a neutral noun ("membres de l'EI", "hommes armés") that settle its status.
_COMBATANT_CUES = re.compile(rf"\b(?:{_alt('combatant_cues')})\b")
# The words that qualify a victim noun ("personnes d'une même famille", "membres de l'EI"), up to the
# first word that starts something else (a verb, a place, an agent: "tuées par des jihadistes").
_COMPLEMENT_RE = re.compile(
    rf"(?:\s+(?!(?:{_alt('complement_stops')})\b)"
    rf"(?:{_alt('of_one')})?[^\s,.;:!?()\ue000\ue001]+){{0,5}}"
)
_CIVILIAN_CUES = re.compile(rf"\b(?:{_alt('civilian_cues')})\b")
_STATE_RE = re.compile(rf"(?:{_alt('state_force_nouns')})(?![\w-])")

_NOUN = "(?:" + "|".join(
    re.escape(n) for n in sorted(list(_VICTIM_PHRASES) + list(_VICTIM_NOUNS), key=len, reverse=True)
) + r")(?![\w-])"

# --- verbs: each outcome's words, by the shape of the toll ------------------------------------------
_KILLED, _WOUNDED, _MISSING, _ABDUCTED = (("outcomes", o) for o in ("killed", "wounded", "missing", "abducted"))
_PP = (
    rf"(?P<killed>{_alt(*_KILLED, 'participles')})|(?P<wounded>{_alt(*_WOUNDED, 'participles')})"
    rf"|(?P<missing>{_alt(*_MISSING, 'participles')})|(?P<abducted>{_alt(*_ABDUCTED, 'participles')})"
)
_DIED_ETRE = rf"(?P<died_etre>{_alt(*_KILLED, 'died_etre')})"
_DIED_AVOIR = rf"(?P<died_avoir>{_alt(*_KILLED, 'died_avoir')})"
_ADV = rf"(?:{_alt('adverbs')})"
# When, said between an active verb and its object: "ont tué dimanche une dizaine de ...".
_WHEN = _alt("when")
# Between an active verb and its object: adverbs, when, and one short incise ("ont tué, selon l'OSDH, 12 civils").
_SLOT = (
    rf"(?:(?:\s*,)?\s+(?:{_ADV}|{_WHEN})(?![\w]))*(?:\s*,[^,.;:!?()\ue000\ue001]{{1,60}},)?(?:\s*,)?\s+"
)
_AVOIR = rf"(?:{_alt('avoir')})"
_ETRE = rf"(?:{_alt('etre')})"
# "tués ou blessés" says neither how many died nor how many were hurt: not a toll.
_NOT_EITHER = rf"(?!\s+{_alt('not_either')})"
# "ont été tués", "sont morts", "tués" (a bare participle: "16 combattants tués"), "ont péri".
_AFTER_SUBJECT = (
    rf"(?:(?:(?:{_AVOIR}\s+(?:{_ADV}\s+)*{_alt('been')}|{_ETRE})\s+(?:{_ADV}\s+)*)?(?:{_PP}|{_DIED_ETRE})"
    rf"|{_AVOIR}\s+(?:{_ADV}\s+)*{_DIED_AVOIR})(?![\w]){_NOT_EITHER}"
)
_A_KILLED = rf"(?:{_alt(*_KILLED, 'active')})"
# Two acts on the same victims, the last one killing them: "a lynché et brûlé vifs", "ont enlevé puis tué".
_A_VERB = (
    rf"(?:(?P<a_killed>(?:(?:{_A_KILLED}|{_alt(*_KILLED, 'first_acts')})\s+(?:{_alt(*_KILLED, 'then')})\s+)?"
    rf"{_A_KILLED}|{_alt(*_KILLED, 'active_phrases')})"
    rf"|(?P<a_wounded>{_alt(*_WOUNDED, 'active')})|(?P<a_abducted>{_alt(*_ABDUCTED, 'active')}))"
)
_ACTIVE = (
    rf"(?:{_AVOIR}|{_alt('avoir_nonfinite')})\s+(?:{_ADV}\s+)*{_A_VERB}"
    rf"|(?:{_alt('gerund')}\s+)?(?:(?P<p_killed>{_alt(*_KILLED, 'gerunds')})|(?P<p_wounded>{_alt(*_WOUNDED, 'gerunds')})"
    rf"|(?P<p_abducted>{_alt(*_ABDUCTED, 'gerunds')}))"
    rf"|(?:(?P<h_killed>{_alt(*_KILLED, 'present')})|(?P<h_wounded>{_alt(*_WOUNDED, 'present')})"
    rf"|(?P<h_abducted>{_alt(*_ABDUCTED, 'present')}))"
)
_OF = rf"(?:{_alt('of')})"
# "ont réussi à neutraliser 14 assaillants et à blesser 4 autres".
_INFINITIVE = (rf"(?:(?P<i_killed>{_alt(*_KILLED, 'infinitives')})|(?P<i_wounded>{_alt(*_WOUNDED, 'infinitives')}))"
               rf"(?![\w])")
_NOMINAL = (
    rf"(?:(?P<n_killed>{_alt(*_KILLED, 'nominals')})"
    rf"|(?P<n_abducted>{_alt(*_ABDUCTED, 'nominals')})|(?P<n_missing>{_alt(*_MISSING, 'nominals')}))\s+{_OF}"
)
_TOLL_NOUN = (
    rf"(?P<t_killed>{_alt(*_KILLED, 'toll_nouns')})|(?P<t_wounded>{_alt(*_WOUNDED, 'toll_nouns')})"
    rf"|(?P<t_missing>{_alt(*_MISSING, 'toll_nouns')})"
)

# --- the masked text: each quantity becomes \ue000\ue001..., of the same length ----------------------
_Q = "\ue000\ue001*"
_AND = _alt("and")
_JOINERS = ",|" + "|".join(rf"\b{w}\b" for w in _words("list_joiners"))
_JOIN = rf"(?:{_JOINERS})"
# A short parenthesis is one modifier: "combattants des Forces démocratiques syriennes (FDS)".
_MOD_WORD = (
    r"\s*\([^()\ue000\ue001]{1,30}\)"
    rf"|\s+(?!(?:{_alt('modifier_stops')})\b)"
    rf"(?:{_alt('modifier_articles')})?"  # "d'une ONG": an article
    r"[^\s,.;:!?()\ue000\ue001]+"
)
# A second noun sharing the figure: "34 soldats et miliciens" (not "et autres", which is a new group).
_SECOND = rf"\s+{_AND}\s+(?:{_alt('second_noun_articles')})?(?!(?:{_alt('others')})\b)"
_NOUN_PHRASE = rf"{_NOUN}(?:{_MOD_WORD}){{0,4}}?(?:{_SECOND}{_NOUN}(?:{_MOD_WORD}){{0,4}}?)?"
_GROUP = rf"{_Q}\s+{_OF}?{_NOUN_PHRASE}"
# A list holds at most _MAX_LIST_GROUPS figures: unbounded, a pattern tried at each figure of a text made
# of one long list ("trois civils et " x 6,000) would read the whole rest of it each time (quadratic).
_MAX_LIST_GROUPS = 12
_GROUP_LIST = rf"{_GROUP}(?:\s*{_JOIN}\s*{_GROUP}){{0,{_MAX_LIST_GROUPS}}}"
_OBJECT = rf"{_Q}(?:\s+{_OF}?{_NOUN_PHRASE})?"
# Nothing after an object forces its modifiers to be read (a subject has its verb), so before each next
# figure they may be: "tuant deux combattants des FDS et trois civils" is 5, not 2. A figure with its own
# verb is not the object's: "tuant deux soldats, trois autres étant portés disparus".
_OBJECT_LIST = (rf"{_OBJECT}(?:(?:{_MOD_WORD}){{0,5}}?\s*{_JOIN}\s*{_GROUP}"
                rf"(?!\s+(?:{_alt('own_verb')})\b))"
                rf"{{0,{_MAX_LIST_GROUPS}}}")
_INCISE = r"(?:\s*,[^,.;:!?]{1,80},|\s*\([^()]{1,80}\))?"

_SUBJECT_RE = re.compile(rf"(?P<list>{_GROUP_LIST}){_INCISE}\s+{_AFTER_SUBJECT}")
# No "tués ou blessés" guard after an object: "ont tué deux soldats et blessé trois autres" is two tolls.
_ACTIVE_RE = re.compile(rf"(?<![\w])(?:{_ACTIVE}){_SLOT}(?P<list>{_OBJECT_LIST})(?![\w])")
# The second participle sharing the auxiliary: "ont tué deux soldats [et] blessé trois autres".
_COORD_GAP_RE = re.compile(
    rf"(?:{_MOD_WORD}|(?:\s*,)?\s+(?:{_WHEN})(?![\w])){{0,4}}?\s*(?:,\s*{_AND}|,|{_AND})\s+"
)
_COORD_RE = re.compile(rf"{_A_VERB}{_SLOT}(?P<list>{_OBJECT_LIST})(?![\w])")
# A killing sharing an earlier act's auxiliary: "ont attaqué une base rebelle et tué dix insurgés".
_SHARED_AUX_RE = re.compile(
    rf"(?<![\w])(?:{_alt(*_KILLED, 'shared_auxiliary')})\s+(?:{_ADV}\s+)*{_A_VERB}{_SLOT}(?P<list>{_OBJECT_LIST})(?![\w])"
)
_AUXILIARY_RE = re.compile(rf"(?<![\w]){_AVOIR}\s+(?:{_ADV}\s+)*[^\s,.;:!?\ue000\ue001]+é(?:e|s|es)?(?![\w])")
_SHARED_AUX_REACH = 160  # characters back to the auxiliary: one clause of wire copy
_NOMINAL_RE = re.compile(rf"(?<![\w]){_NOMINAL}(?P<list>{_GROUP_LIST})")
_TOLL_RE = re.compile(
    rf"(?P<list>{_Q})\s+{_OF}?(?:{_TOLL_NOUN})(?![\w]){_NOT_EITHER}(?!\s+{_alt('not_dead_after')})(?P<tail>\s+{_alt('at_least_after')}\b)?"
    rf"(?:\s+{_alt('among')}\s+(?P<among>[^\s,.;:!?()]+))?"
)
# "ont fait respectivement 12 et 4 morts": figures sharing one toll noun, one toll each.
_RESPECTIVE_TOLL_RE = re.compile(
    rf"(?<![\w]){_alt('respectively')}\s+(?P<list>{_Q}(?:\s*(?:,|\b{_AND}\b)\s*{_Q})+)\s+{_OF}?(?:{_TOLL_NOUN})(?![\w])"
)
_INFINITIVE_RE = re.compile(rf"(?<![\w])(?:{_alt('infinitive_leads')})\s+{_INFINITIVE}{_SLOT}(?P<list>{_OBJECT_LIST})(?![\w])")
_INFINITIVE_AGAIN_RE = re.compile(rf"(?:{_alt('infinitive_again')})?{_INFINITIVE}{_SLOT}(?P<list>{_OBJECT_LIST})(?![\w])")
# "37 morts (tous civils)": the victims of a bare toll, named after it.
_ALL_OF_THEM_RE = re.compile(rf"{_PACK['all_of_them']}(?P<noun>{_NOUN})")
# "passant de 3 à 37 personnes tuées": the range's last figure is the toll.
_RISING_RE = re.compile(rf"(?:{_alt('rising')})\s+$")
_ZERO_RE = re.compile(rf"(?<![\w])(?:{_alt('zero_cues')})(?:{_TOLL_NOUN})(?![\w])")
_GROUP_RE = re.compile(rf"(?P<q>{_Q})(?:\s+{_OF}?(?P<noun>{_NOUN})(?P<mod>(?:{_MOD_WORD}){{0,4}}?)"
                       rf"(?:{_SECOND}(?P<noun2>{_NOUN})"
                       rf"(?:{_MOD_WORD}){{0,4}}?)?)?"
                       rf"(?=\s*(?:{_JOINERS}|$))")
_DONT_RE = re.compile(
    rf"\s*,?\s*(?:{_alt('breakdown')})\s+(?P<list>{_GROUP_LIST})"
    r"(?=\s*(?:[,.;:!?)]|$|\s))"
)


def find_casualties(text: str) -> list[CasualtyMention]:
    """Every casualty toll in `text`, in order of position."""
    low_text = text.lower().replace("\u2019", "'")
    quantities = {q.start: q for q in find_quantities(text)}
    masked = _mask(low_text, quantities.values())
    found: list[CasualtyMention] = []
    taken: list[tuple[int, int]] = []

    def add(mentions: list[CasualtyMention]) -> bool:
        if not mentions or any(m.start < e and s < m.end for m in mentions for s, e in taken):
            return False
        found.extend(mentions)
        taken.extend((m.start, m.end) for m in mentions)
        return True

    for match in _SUBJECT_RE.finditer(masked):
        add(_from_match(match, _outcome(match, ""), text, masked, quantities))
    def add_chain(mentions: list[CasualtyMention], again_re: re.Pattern[str], prefix: str) -> None:
        """ "ont tué deux soldats et blessé trois autres", "ont réussi à neutraliser 14 assaillants et à
        blesser 4 autres": the auxiliary or the lead serves the next verb too."""
        while add(mentions):
            gap = _COORD_GAP_RE.match(masked, mentions[-1].end)
            again = again_re.match(masked, gap.end()) if gap else None
            mentions = _from_match(again, _outcome(again, prefix), text, masked, quantities) if again else []

    for match in _ACTIVE_RE.finditer(masked):
        mentions = _from_match(match, _outcome(match, "a_", "p_", "h_"), text, masked, quantities)
        if any(match.group("a_killed", "a_wounded", "a_abducted")):
            add_chain(mentions, _COORD_RE, "a_")
        else:
            add(mentions)
    for match in _SHARED_AUX_RE.finditer(masked):
        if _shares_auxiliary(masked, match.start()):
            add(_from_match(match, _outcome(match, "a_"), text, masked, quantities))
    for match in _INFINITIVE_RE.finditer(masked):
        add_chain(_from_match(match, _outcome(match, "i_"), text, masked, quantities), _INFINITIVE_AGAIN_RE, "i_")
    for match in _NOMINAL_RE.finditer(masked):
        add(_from_match(match, _outcome(match, "n_"), text, masked, quantities))
    for match in _RESPECTIVE_TOLL_RE.finditer(masked):
        add(_from_match(match, _outcome(match, "t_"), text, masked, quantities))
    for match in _TOLL_RE.finditer(masked):
        add(_from_match(match, _outcome(match, "t_"), text, masked, quantities))
    for match in _ZERO_RE.finditer(masked):
        start, end = match.span()
        add([CasualtyMention(start, end, _outcome(match, "t_"), 0, 0, 0, None, "",
                             is_context(low_text, start, end, 0), None)])
    return _fill_ellipses(low_text, sorted(found, key=lambda m: m.start))


def _shares_auxiliary(masked: str, start: int) -> bool:
    """Whether an auxiliary with its participle stands earlier in the clause of `start`."""
    clause_start, _ = clause_bounds(masked, start, start)
    return _AUXILIARY_RE.search(masked, max(clause_start, start - _SHARED_AUX_REACH), start) is not None


_ELLIPSIS_GAP_RE = re.compile(rf"\s*,?\s*(?:{_AND}\s+)?(?:{_alt('gerund')}\s+)?")


def _fill_ellipses(low_text: str, mentions: list[CasualtyMention]) -> list[CasualtyMention]:
    """ "sept soldats ont été tués et quatre blessés", "... et six autres blessés": the soldiers again."""
    filled: list[CasualtyMention] = []
    for mention in mentions:
        previous = filled[-1] if filled else None
        if (
            previous is not None and previous.who and mention.who in _OTHERS
            and mention.civilians is None and mention.civilian_count is None
            and _ELLIPSIS_GAP_RE.fullmatch(low_text, previous.end, mention.start)
        ):
            count = {True: mention.best, False: 0}.get(previous.civilians) if previous.civilians is not None else None
            mention = replace(mention, civilians=previous.civilians, who=previous.who, civilian_count=count)
        filled.append(mention)
    return filled


_QUOTES = str.maketrans("«»“”\"", "     ")


def _mask(low_text: str, quantities: Iterable[QuantityMention]) -> str:
    """Each quantity becomes one \ue000 then \ue001s: patterns see "a figure here", offsets stay put.

    Quotation marks become spaces: communiqués quote their euphemism or figure ("avoir « neutralisé »
    37 assaillants", "tuant « environ 25 » combattants", "80 « terroristes »"), and the words are the same.
    """
    chars = list(low_text.translate(_QUOTES))
    for q in quantities:
        chars[q.start] = "\ue000"
        for i in range(q.start + 1, q.end):
            chars[i] = "\ue001"
    return "".join(chars)


def _outcome(match: re.Match[str], *prefixes: str) -> Outcome:
    groups = match.groupdict()
    for prefix in prefixes:
        for outcome in ("killed", "wounded", "missing", "abducted"):
            if groups.get(prefix + outcome):
                return outcome  # type: ignore[return-value]
    if groups.get("died_etre") or groups.get("died_avoir"):
        return "killed"
    raise AssertionError(f"a casualty pattern matched without an outcome: {match.group(0)!r}")


_RESPECTIVELY_RE = re.compile(rf"\b{_alt('respectively')}\b")


def _from_match(
    match: re.Match[str], outcome: Outcome, text: str, masked: str, quantities: dict[int, QuantityMention]
) -> list[CasualtyMention]:
    list_start, list_end = match.span("list")
    groups = _groups(masked, list_start, list_end, quantities)
    if not groups:
        return []
    start, end = match.span()
    if len(groups) > 1 and _RESPECTIVELY_RE.search(masked, start, list_start):
        return _respective(match, outcome, groups, text, masked)
    groups = _qualified_groups(match, groups, masked)
    total = _sum([g[0] for g in groups])
    statuses = [g[1] for g in groups]
    civilians = statuses[0] if all(s == statuses[0] for s in statuses) else None
    civilian_count = _civilian_count(groups, civilians, total.best)
    dont = _DONT_RE.match(masked, list_end) or _DONT_RE.match(masked, end)
    if dont:
        civilian_count = _civilians_of_breakdown(dont, masked, quantities, civilian_count)
        end = max(end, dont.end())
    noun_starts = [g[2] for g in groups if g[2] is not None]
    who = text[noun_starts[0]:groups[-1][3]].strip() if noun_starts else ""
    context = is_context(masked, start, end, total.best)
    return [CasualtyMention(start, end, outcome, total.low, total.best, total.high, civilians, who, context,
                            civilian_count, claim=claim_of(masked, start, end))]


def _qualified_groups(match: re.Match[str], groups: list[_Group], masked: str) -> list[_Group]:
    """Groups with what the words around the list add: victims named after the toll, "au moins" after it."""
    among = match.groupdict().get("among")
    if among and among in _VICTIM_NOUNS and not any(g[2] is not None for g in groups):
        # "trois morts parmi les gendarmes": the victims are named after the toll
        groups = [(g[0], _VICTIM_NOUNS[among], match.start("among"), match.end("among")) for g in groups]
    all_of_them = _ALL_OF_THEM_RE.match(masked, match.end())
    if all_of_them and len(groups) == 1 and groups[0][2] is None:
        # "37 morts (tous civils)", "cinq morts, tous des gendarmes"
        noun = all_of_them.group("noun")
        groups = [(groups[0][0], _status(noun, ""), all_of_them.start("noun"), all_of_them.end("noun"))]
    if match.groupdict().get("tail"):  # "12 morts au moins"
        groups[0] = (Quantity(groups[0][0].low, groups[0][0].low, None), *groups[0][1:])
    return groups


def _civilians_of_breakdown(dont: re.Match[str], masked: str, quantities: dict[int, QuantityMention],
                            civilian_count: int | None) -> int | None:
    """ "dix morts, dont six civils": the civilians among the dead, when the total did not say."""
    breakdown = _groups(masked, dont.start("list"), dont.end("list"), quantities)
    civilian_part = [g[0].best for g in breakdown if g[1] is True]
    if civilian_count is None and civilian_part and all(b is not None for b in civilian_part):
        return sum(b for b in civilian_part if b is not None)
    return civilian_count


def _respective(
    match: re.Match[str], outcome: Outcome, groups: list[_Group], text: str, masked: str
) -> list[CasualtyMention]:
    """ "tuant respectivement 12 et quatre civils": one toll per figure, each of the victims named last."""
    named = [g for g in groups if g[2] is not None]
    status = named[-1][1] if named else None
    who = text[named[-1][2]:named[-1][3]].strip() if named else ""
    mentions: list[CasualtyMention] = []
    for i, (quantity, own_status, noun_start, group_end) in enumerate(groups):
        civilians = own_status if noun_start is not None else status
        start = match.start() if i == 0 else _figure_start(masked, groups[i - 1][3], group_end)
        end = group_end if noun_start is not None or i < len(groups) - 1 else match.end()
        mentions.append(CasualtyMention(
            start, end, outcome, quantity.low, quantity.best, quantity.high, civilians,
            text[noun_start:group_end].strip() if noun_start is not None else who,
            is_context(masked, start, end, quantity.best),
            {True: quantity.best, False: 0}.get(civilians) if civilians is not None else None, i,
        ))
    return mentions


def _figure_start(masked: str, start: int, end: int) -> int:
    """Where the next figure of a list begins (its \ue000 mark)."""
    found = masked.find("\ue000", start, end)
    return found if found >= 0 else start


_Group = tuple[Quantity, bool | None, int | None, int]  # quantity, civilian status, noun start, end


def _groups(masked: str, start: int, end: int, quantities: dict[int, QuantityMention]) -> list[_Group]:
    """The (figure, status, noun start, end) of each "N victims" of a list."""
    groups: list[_Group] = []
    for match in _GROUP_RE.finditer(masked, start, end):
        q = quantities[match.start("q")].quantity
        if q.high is not None and _RISING_RE.search(masked, max(0, match.start() - 30), match.start()):
            q = Quantity(q.high, q.high, q.high)  # "passant de 3 à 37": the toll rose to 37
        noun = match.group("noun")
        if noun is None:
            groups.append((q, None, None, match.end("q")))
            continue
        complement = _COMPLEMENT_RE.match(masked, match.end("noun"))
        status = _status(noun, complement.group(0) if complement else "")
        if match.group("noun2"):  # "soldats et miliciens prorégime": one status only if both agree
            complement = _COMPLEMENT_RE.match(masked, match.end("noun2"))
            second = _status(match.group("noun2"), complement.group(0) if complement else "")
            status = status if status == second else None
        groups.append((q, status, match.start("noun"), match.end()))
    return groups


def _status(noun: str, modifier: str) -> bool | None:
    status = _VICTIM_PHRASES.get(noun, _VICTIM_NOUNS.get(noun))
    if status is not None or noun in _UNQUALIFIED:
        return status
    if _COMBATANT_CUES.search(modifier):
        return False
    if _CIVILIAN_CUES.search(modifier):
        return True
    return None


def _civilian_count(groups: list[_Group], civilians: bool | None, best: int | None) -> int | None:
    if civilians is True:
        return best
    if civilians is False:
        return 0
    if all(g[1] is not None and g[0].best is not None for g in groups):
        return sum(g[0].best or 0 for g in groups if g[1] is True)  # a mixed list: civilians' share
    return None


def _sum(quantities: list[Quantity]) -> Quantity:
    def total(values: list[int | None]) -> int | None:
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    return Quantity(total([q.low for q in quantities]), total([q.best for q in quantities]),
                    total([q.high for q in quantities]))
