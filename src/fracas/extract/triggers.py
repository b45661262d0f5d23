"""Event triggers: words that report an event, typed with ACLED sub-types and refined by their context.

The lexicon is data (data/triggers.yaml -> the packaged `triggers` resource); this module matches it on
spaCy tokens (text or lemma, folded) and applies the context rules named in the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from spacy.tokens import Doc, Span

from fracas.model import EVENT_TYPES, PublicationDate
from fracas.extract.rulepack import role_cues
from fracas.nlp.doctext import doc_text
from fracas.resolve.dates import find_time_expressions
from fracas.resources import load_resource
from fracas.text import fold, is_caption, line_at

# Governing words that say the act is denied, alleged, threatened, proposed or feared, not reported.
NOT_REPORTED = re.compile(
    r"(?<!\w)(?:d[eé]ment\w*|d[eé]menti\w*|ni[ée]\w* avoir|nie |nient |r[eé]fut\w*|accus\w*|menac\w*"
    r"|pourrai\w*|pourrait|risqu\w*|craign\w*|crain\w*|redout\w*|mis en garde|appel\w* [aà]|appel\w* au"
    r"|propos\w*|envisag\w*|pr[ée]voi\w*|promet\w*|promis|d[eé]nonc\w*|condamn\w*|projet\w*|pr[eé]par\w*"
    r"|allegu\w*|all[ée]gation\w*|affirm\w* que .{0,40} n'a\w* pas|sans fondement|ordonn\w*"
    r")"
)
# A purpose, not an act: "une offensive pour reprendre la ville", "tenter d'attaquer".
# Crowds acting in public; "pour protester" after one of these reports a protest, not an intention.
STREET_ACTION = re.compile(
    r"(?<!\w)(?:bloqu\w+|rassembl\w+|reuni[se]?s?|march[eé]\w*|defil\w+|descendu\w* dans la rue|occup[eé]\w*"
    r"|barricad\w+|sit-in|greve|paralys\w+)(?!\w)")
PURPOSE = re.compile(r"(?<!\w)(?:pour|afin d[e']|en vue d[e']|tent\w* d[e']|cherch\w* [aà]|visant [aà])\s*(?:\w+\s+)?$")
REPORTED_SPEECH = re.compile(r"\b(?:affirm|indiqu|annonc|declar|precis|assur|rapport|ajout|expliqu|confirm)\w*"
                             r"(?: \w+){0,3} (?:que|qu')")
# Negation around the trigger's own verb: "n'a pas été revendiqué", "n'avait mené aucune frappe".
NEGATED = re.compile(r"(?<!\w)(?:n'|ne )\w*(?: \w+)? (?:pas|jamais|aucune?|plus)\b|(?<!\w)aucune?\b[^.,;]{0,20}$")
BACKGROUND = re.compile(
    r"(?<!\w)(?:depuis (?:le d[eé]but|mars 2011|20\d\d|19\d\d|le \d|plusieurs|des ann[eé]es|des mois|lors)"
    r"|campagne|au total|en tout|bilan total|chaque ann[eé]e|r[ée]guli[eè]rement|fr[ée]quemment|souvent"
    r"|habituellement|se (?:sont )?multipli|ces derni[eè]res ann[ée]es|ces derniers mois|semestre|trimestre"
    r"|(?:mois|semaines|ans|ann[ée]es) (?:apr[eè]s|avant|plus t[oô]t)"
    r"|l'an dernier|l'ann[eé]e derni[eè]re|en 20\d\d|en 19\d\d|au cours des derni[eè]res ann[eé]es)"
)


# What a territory verb must take for the words to report a change of control.
TERRITORY_OBJECT = re.compile(
    r"contr[oô]le|ville|localit|village|quartier|base|camp|position|zone|territoire|secteur|district|cit[eé]"
    r"|commune|chef-lieu|bastion|fief|colline|poste")
EVENT_OF_SUB = {sub: event_type for event_type, subs in EVENT_TYPES.items() for sub in subs}


@dataclass(frozen=True)
class TriggerEntry:
    words: tuple[frozenset[str], ...]
    sub_event_type: str
    refine: str | None
    weight: int


@dataclass(frozen=True)
class Trigger:
    """A trigger found in a Doc: token span, the sub-type before refinement, and the refine rule."""

    start: int  # token index
    end: int
    sub_event_type: str
    refine: str | None
    weight: int


@dataclass(frozen=True)
class TriggerLexicon:
    by_first: dict[str, tuple[TriggerEntry, ...]]
    cues: dict[str, re.Pattern[str]]

    @classmethod
    def from_resource(cls, data: dict[str, Any]) -> TriggerLexicon:
        by_first: dict[str, list[TriggerEntry]] = {}
        for raw in data["triggers"]:
            words = tuple(frozenset(fold(w) for w in alternatives) for alternatives in raw["words"])
            entry = TriggerEntry(words, raw["sub_event_type"], raw.get("refine"), int(raw.get("weight", 1)))
            for first in words[0]:
                by_first.setdefault(first, []).append(entry)
        cues = {key[: -len("_cues")]: _cue_pattern(value) for key, value in data.items() if key.endswith("_cues")}
        ordered = {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in by_first.items()}
        return cls(ordered, cues)

    def has_cue(self, kind: str, folded_text: str) -> bool:
        return self.cues[kind].search(folded_text) is not None


CUE_GAP = " … "  # in a cue, up to three words between the two parts: "brûlé … des pneus"


def _cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """One regex for a cue list: whole words, longest first, `…` standing for a few words between."""
    alternatives = (r"(?:\s+\S+){0,3}\s+".join(re.escape(part) for part in cue.split(CUE_GAP))
                    for cue in sorted(cues, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


@lru_cache(maxsize=1)
def default_lexicon() -> TriggerLexicon:
    return TriggerLexicon.from_resource(load_resource("triggers"))


_fold_word = lru_cache(maxsize=65536)(fold)  # words repeat across dispatches: fold each once


def _forms(token: Any) -> tuple[str, str]:
    return _fold_word(token.text), _fold_word(token.lemma_)


# Time words French puts inside a phrase: "ont pris dimanche le contrôle", "tombée samedi aux mains".
SKIPPABLE = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "soir", "matin",
                       "hier", "aussi", "egalement", "deja", "finalement", "brievement", "officiellement"})


def _match_rest(doc: Doc, start: int, words: tuple[frozenset[str], ...]) -> int | None:
    """Where the rest of a trigger's words end, from token `start`, time words allowed between them."""
    j = start
    for k, accepted in enumerate(words):
        skipped = 0
        while k == 0 and j < len(doc) and skipped < 2 and _fold_word(doc[j].text) in SKIPPABLE \
                and not {*_forms(doc[j])} & accepted:
            j, skipped = j + 1, skipped + 1
        if j >= len(doc) or not {*_forms(doc[j])} & accepted:
            return None
        j += 1
    return j


def find_triggers(doc: Doc, lexicon: TriggerLexicon) -> list[Trigger]:
    """Every lexicon match in the Doc, longest entry first at each position, no overlaps."""
    found: list[Trigger] = []
    i = 0
    while i < len(doc):
        text, lemma = _forms(doc[i])
        match = None
        for entry in lexicon.by_first.get(text, ()) + lexicon.by_first.get(lemma, ()):
            end = _match_rest(doc, i + 1, entry.words[1:])
            if end is not None:
                match = Trigger(i, end, entry.sub_event_type, entry.refine, entry.weight)
                break
        if match is not None:
            found.append(match)
            i = match.end
        else:
            i += 1
    return found


def is_reported(trigger: Trigger, sentence: Span) -> bool:
    """False when the trigger sits under a denial, accusation, threat or proposal, or is background."""
    return why_not_reported(trigger, sentence) is None


def why_not_reported(trigger: Trigger, sentence: Span) -> str | None:
    """The name of the first check that says the trigger reports no act here, or None when it does."""
    words = _Surroundings.of(trigger, sentence)
    return next((name for name, check in NOT_REPORTED_CHECKS if check(words)), None)


@dataclass(frozen=True)
class _Surroundings:
    trigger: Trigger
    before: str  # the sentence up to the trigger, folded
    clause: str  # the whole sentence, folded
    lead: str  # the 60 characters before the trigger as written (elisions and spaces kept), folded
    verb: Any  # the trigger's verb, or the verb governing a nominal trigger

    @classmethod
    def of(cls, trigger: Trigger, sentence: Span) -> _Surroundings:
        doc = sentence.doc
        start = doc[trigger.start].idx
        head = doc[trigger.start]
        return cls(trigger, fold(doc[sentence.start:trigger.start].text), fold(sentence.text),
                   fold(doc_text(doc)[max(sentence.start_char, start - 60):start]),
                   head if head.pos_ in ("VERB", "AUX") else head.head)


def _irrealis(w: _Surroundings) -> bool:
    """Conditional or future mood on the trigger's verb."""
    return "Cond" in w.verb.morph.get("Mood", []) or "Fut" in w.verb.morph.get("Tense", [])


def _pluperfect(w: _Surroundings) -> bool:
    # "l'EI s'était emparé de la ville en 2015": background to the news, not the news — unless it is
    # reported speech ("a affirmé que l'armée avait repris"), where French shifts the tense.
    return any(child.dep_.startswith("aux") and "Imp" in child.morph.get("Tense", []) for child in w.verb.children) \
        and not REPORTED_SPEECH.search(w.before)


@lru_cache(maxsize=1)
def _remembered() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(load_resource("fr_reading_cues")["remembered"]) + ")")


# Any day serves: only the precision of the words after a trigger is read ("lundi 2 octobre" names a day).
_ANY_DAY = PublicationDate.parse("2000-01-01")


@lru_cache(maxsize=1)
def _period() -> re.Pattern[str]:
    """The period words of the rule pack (data/fr/reading_cues.yaml): "depuis janvier", "en novembre 2012"."""
    return re.compile("|".join(load_resource("fr_reading_cues")["period"]))


def _background(w: _Surroundings) -> bool:
    """A trend or a period ("les attaques se multiplient", "depuis 2015") — unless the act comes after the
    trend's words with a day of its own: "les attaques se multiplient, notamment deux embuscades tendues
    lundi 2 octobre" reports the ambushes. Period words after the act frame it only in its own clause:
    "ont attaqué plusieurs villages depuis janvier" is a period, "ont attaqué mardi le camp, la pire attaque
    depuis janvier" is an act compared with a period."""
    found = BACKGROUND.search(w.clause)
    if found is None:
        found = _period().search(w.clause)
        if found is None or found.end() > len(w.before) and CLAUSE_BREAK.search(
                w.clause[len(w.before):found.start()]):
            return False
    if found.end() > len(w.before):
        return True
    doc = w.verb.doc
    after = doc[w.trigger.end:doc[w.trigger.start].sent.end].text
    return not any(t.precision == "day" and t.kind in ("absolute", "weekday")
                   for t in find_time_expressions(after, _ANY_DAY))


CLAUSE_BREAK = re.compile(r"[,;:()]")


def _in_caption(w: _Surroundings) -> bool:
    doc = w.verb.doc
    return is_caption(line_at(doc_text(doc), doc[w.trigger.start].idx))


# In order; the first that holds says why the trigger reports no act.
NOT_REPORTED_CHECKS: tuple[tuple[str, Callable[[_Surroundings], bool]], ...] = (
    ("a photo caption", _in_caption),
    # "la brigade anti émeute", "des unités anti-terroristes": the trigger word names a force
    ("names a force", lambda w: w.lead.endswith(("anti ", "anti-"))),
    ("denied, alleged or ordered", lambda w: bool(NOT_REPORTED.search(w.before[-120:]))),
    ("background", _background),
    # "l'anniversaire de la reconquête", "a enregistré 60 attaques": remembered or counted, not reported
    ("remembered or counted", lambda w: bool(_remembered().search(w.lead))),
    ("negated", lambda w: bool(NEGATED.search(w.before[-40:]))),
    # "appuyés par des frappes de la coalition": the support of another act
    ("support of another act", lambda w: bool(role_cues().support.search(w.lead))),
    # "des sites liés au programme d'armes chimiques" were struck, not gassed; "un stock de grenades" burned
    ("weapons held, not used", lambda w: w.trigger.sub_event_type in ("Chemical weapon", "Grenade")
     and bool(WEAPONS_AS_OBJECT.search(w.lead))),
    # "pour protester" after a road blocked or a crowd gathered: that was the protest
    ("a purpose, not an act", lambda w: bool(PURPOSE.search(w.before[-30:]))
     and not (w.trigger.refine == "protest" and STREET_ACTION.search(w.before))),
    ("conditional or future", _irrealis),
    ("pluperfect background", _pluperfect),
)


# Weapons named as a thing held or made, not used: "des sites liés au programme d'armes chimiques".
WEAPONS_AS_OBJECT = re.compile(
    r"(?:programme|stocks?|production|fabrication|usines?|sites?|arsenal|destruction|depots?|laboratoires?)"
    r"\s+(?:d'|de |des |du )$")


def _chemical_means(folded: str, lexicon: TriggerLexicon) -> bool:
    """A chemical cue that says how the act was done, not what was struck or stockpiled."""
    return any(not WEAPONS_AS_OBJECT.search(folded[max(0, m.start() - 40):m.start()])
               for m in lexicon.cues["chemical"].finditer(folded))


def refine(trigger: Trigger, sentence: Span, lexicon: TriggerLexicon, *, actor_kinds: tuple[str, ...]) -> str | None:
    """The sub-type in context, or None when the words do not report an event of this kind here.

    `actor_kinds` are the ACLED kinds of the actors named in the sentence (to tell clashes from attacks).
    The trigger's `refine` rule (data/triggers.yaml) picks the context rule below.
    """
    folded = fold(sentence.text)
    if _chemical_means(folded, lexicon) and EVENT_OF_SUB.get(trigger.sub_event_type) == "Explosions/Remote violence":
        return "Chemical weapon"
    rule = REFINERS.get(trigger.refine or "")
    if rule is None:
        return trigger.sub_event_type
    return rule(Context(trigger, sentence, lexicon, actor_kinds, folded))


@dataclass(frozen=True)
class Context:
    """What a context rule reads: the trigger, its sentence (also folded) and the kinds of actors named."""

    trigger: Trigger
    sentence: Span
    lexicon: TriggerLexicon
    actor_kinds: tuple[str, ...]
    folded: str

    def has(self, cue: str, text: str | None = None) -> bool:
        return self.lexicon.has_cue(cue, self.folded if text is None else text)


ARMED_KINDS = ("state_forces", "rebel_group", "political_militia", "identity_militia", "external_other")


def _strike(c: Context) -> str | None:
    air, artillery = c.has("air"), c.has("artillery")
    if air and not artillery:
        return "Air/drone strike"
    if artillery and not air:
        return "Shelling/artillery/missile attack"
    return c.trigger.sub_event_type


def _attack(c: Context) -> str | None:
    sub = c.trigger.sub_event_type
    if c.has("suicide"):
        return "Suicide bomb"
    if c.has("ied") or sub == "Remote explosive/landmine/IED":
        return "Remote explosive/landmine/IED"
    if _crowd_agent(c):
        return "Violent demonstration"
    # What was attacked, when the words right after the trigger say it: "l'attaque de plusieurs villages"
    # is on civilians even if soldiers died there too.
    target = _attack_object(c)
    if c.has("civilian_target", target) and not c.has("military_target", target):
        return "Attack"
    # Soldiers named as the agent ("tués par l'armée") are who acted, not who was hit.
    if c.has("military_target", AGENT.sub(" ", c.folded)):
        return "Armed clash"
    if c.has("civilian_target"):
        return "Attack"
    # Two armed sides named, or a word like "combats": a clash; an attack on nobody armed: on civilians.
    armed_others = sum(kind in ARMED_KINDS for kind in c.actor_kinds)
    return "Armed clash" if armed_others >= 2 or sub == "Armed clash" and c.trigger.refine != "attack" else "Attack"


SUBJECT_WORDS = 4  # how many words of the subject, from its left edge, say who it is ("des centaines de jeunes")


def _crowd_agent(c: Context) -> bool:
    """ "Des habitants en colère ont attaqué un camp de la Monusco": unarmed people (no weapon among the
    subject's words, no armed group in the sentence) as the attack verb's subject are a crowd rioting."""
    subject = _verb_subject(c.sentence.doc[c.trigger.start])
    if subject is None or c.has("armed_group") or any(kind in NON_STATE_ARMED for kind in c.actor_kinds):
        return False
    doc = c.sentence.doc
    words = fold(doc[subject.left_edge.i:min(subject.i + SUBJECT_WORDS, subject.right_edge.i + 1)].text)
    return c.has("crowd_agent", words) and not c.has("crowd_armed", words)


def _verb_subject(token: Any) -> Any | None:
    """The subject of a trigger verb, or of the verb it is coordinated with ("ont incendié ... et attaqué")."""
    if token.pos_ != "VERB":
        return None
    for verb in (token, token.head) if token.dep_ == "conj" else (token,):
        subject = next((t for t in verb.children if t.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


# An agent phrase ("par l'armée", "par des soldats"), from the rule pack (data/triggers.yaml).
AGENT = re.compile(load_resource("triggers")["agent_phrase"])
OBJECT_TOKENS = 5  # how many words after an attack word say what it hit


def _attack_object(c: Context) -> str:
    doc = c.sentence.doc
    return fold(doc[c.trigger.end:min(c.trigger.end + OBJECT_TOKENS, c.sentence.end)].text)


NON_STATE_ARMED = ("rebel_group", "political_militia", "identity_militia")
CROWD_CONTEXT_CHARS = 600  # how far back a demonstration told earlier still frames "des heurts"


def _crowd_clash(c: Context) -> str | None:
    """"Des heurts ont également eu lieu à Gafsa" in a dispatch about demonstrations: a riot there."""
    doc = c.sentence.doc
    before = fold(doc_text(doc)[max(0, c.sentence.start_char - CROWD_CONTEXT_CHARS):c.sentence.end_char])
    if c.has("protest", before) and not any(kind in NON_STATE_ARMED for kind in c.actor_kinds):
        return "Violent demonstration"
    return _attack(c)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@lru_cache(maxsize=4)
def _crowd_sentences(text: str, armed_group: re.Pattern[str], riot_police: re.Pattern[str]) -> tuple[str, ...]:
    """The dispatch's sentences (folded) that can tell of a crowd's violence: not captions, not those
    telling of an armed group's act ("des membres de gangs ont tué huit personnes … incendiées"), and
    without the names of riot police ("la brigade anti-émeute" tells of no riot)."""
    lines = (line for line in text.splitlines() if not is_caption(line))
    sentences = (fold(s) for line in lines for s in SENTENCE_END.split(line))
    return tuple(riot_police.sub(" ", s) for s in sentences if not armed_group.search(s))


def _crowd_violence(c: Context) -> bool:
    """Whether the dispatch tells of the demonstrators' violence: stones, arson, barricades ("Dans la soirée,
    des barricades bloquaient les routes", often in a later sentence), or demonstrators and police fighting
    ("des affrontements entre les forces de sécurité et des manifestants")."""
    sentences = _crowd_sentences(doc_text(c.sentence.doc), c.lexicon.cues["armed_group"], c.lexicon.cues["riot_police"])
    return any(c.has("violent_protest", s) or c.has("crowd_fight", s) and c.has("protest", s) for s in sentences)


def _protest(c: Context) -> str | None:
    if c.trigger.weight < 2 and not c.has("protest"):
        return None  # "un rassemblement de jihadistes" is no demonstration
    return _protest_kind(c)


DISPERSAL_AFTER_CHARS = 300  # how far on a crowd told after the tear gas still is the crowd it hit


def _crowd_dispersal(c: Context) -> str | None:
    """Tear gas or stun grenades fired at a crowd told of nearby ("la foule", "une marche", "des
    manifestants" in the sentences around): that crowd's protest, with the police's intervention; with no
    crowd near, no event (never a Grenade explosion)."""
    text = doc_text(c.sentence.doc)
    around = fold(text[max(0, c.sentence.start_char - CROWD_CONTEXT_CHARS):c.sentence.end_char + DISPERSAL_AFTER_CHARS])
    if not (c.has("protest", around) or c.has("crowd", around)):
        return None
    return _protest_kind(c)


def _protest_kind(c: Context) -> str:
    """Peaceful, with intervention, excessive force or violent: from what the crowd and the police did."""
    doc = c.sentence.doc
    window = fold(doc[c.sentence.start:min(len(doc), c.sentence.end + 60)].text)
    if _crowd_violence(c):
        return "Violent demonstration"
    if c.has("excessive_force", window):
        return "Excessive force against protesters"
    if c.has("intervention", window):
        return "Protest with intervention"
    return "Peaceful protest"


def _base(c: Context) -> str | None:
    # "a remis son camp aux FAMa", "se sont installés dans l'ancienne base": not "remis en liberté".
    return c.trigger.sub_event_type if c.has("base") and not c.has("not_a_base") else None


def _agreement(c: Context) -> str | None:
    # "ont signé un accord de coopération militaire": allies agreeing is no conflict-party agreement.
    return c.trigger.sub_event_type if c.has("agreement_reached") and not c.has("cooperation_agreement") else None


def _territory(c: Context) -> str | None:
    doc, sub, kinds = c.sentence.doc, c.trigger.sub_event_type, c.actor_kinds
    after = doc_text(doc)[doc[c.trigger.end - 1].idx:c.sentence.end_char]
    if not TERRITORY_OBJECT.search(fold(after[:80])) and not re.search(r"\b[A-ZÀ-Ü][a-zà-ü]", after[:40]):
        return None  # "le convoi a pu reprendre la route": no territory changed hands
    if c.has("no_fight"):
        return "Non-violent transfer of territory"  # "ont repris la ville après le départ des troupes"
    state = "state_forces" in kinds and c.has("state")
    if sub == "Government regains territory" and (not state and "state_forces" not in kinds
                                                  or kinds and kinds[0] in NON_STATE_ARMED):
        return "Non-state actor overtakes territory"
    if sub == "Non-state actor overtakes territory" and state and kinds and kinds[0] == "state_forces":
        return "Government regains territory"
    return sub


# The context rules, by the `refine` name a trigger carries in data/triggers.yaml.
REFINERS: dict[str, Callable[[Context], str | None]] = {
    "strike": _strike,
    "attack": _attack,
    "killing": _attack,
    "crowd_clash": _crowd_clash,
    "protest": _protest,
    "crowd_dispersal": _crowd_dispersal,
    "base": _base,
    "agreement": _agreement,
    "territory": _territory,
}
