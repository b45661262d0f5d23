"""Speaker phrases: which source the noun phrase a cue introduces names ("l'OSDH", "un responsable local").

`resolve_phrase` turns the words of a speaker phrase into attributions, with offsets into the text; it
also holds the attribution rule pack (data/fr/attribution.yaml) and the patterns both this module and
fracas.extract.attribution read phrases with.

Choices:
- The span is the noun phrase naming the speaker without its definite article ("Observatoire syrien
  des droits de l'homme (OSDH)", not "l'Observatoire ..."); indefinite ones stay ("un habitant").
- Speakers missing from data/sources.yaml are kept only when they clearly are people or bodies: a
  person noun ("un commandant", "un responsable") gives a generic source; a proper name gives
  `Source(name=<the words>, kind="unknown")`; pronouns ("selon lui") give nothing.
- A non-state armed group of data/actors.yaml that sources.yaml does not list still speaks as an
  `armed_group` source ("un porte-parole des ADF").
- References name whom they stand for: "son organisation", "le responsable" the nearest earlier
  mention of the noun that the dictionary knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from fracas.extract.actors import ActorFinder
from fracas.model import Source, SourceKind
from fracas.resolve.actors import default_actor_dictionary
from fracas.resolve.sources import SourceDictionary
from fracas.resources import load_resource, pack_alternation, rule_pack
from fracas.text import fold

Stance = Literal["reports", "denies", "reacts"]


@dataclass(frozen=True)
class Attribution:
    """A speaker named in the text: `text[start:end]` is `source.text`; `cue` introduced it."""

    start: int
    end: int
    source: Source
    cue: str
    stance: Stance = "reports"


# The words are data/fr/attribution.yaml's (over folded text, a space is one space); weekdays calendar.yaml's.
PACK = rule_pack("attribution")


def alternation(key: str) -> str:
    return pack_alternation(PACK[key], gap=" ", fill=_FILL)


_FILL: dict[str, str] = {}
DAY = "(?:" + "|".join(rule_pack("calendar")["weekdays"]) + "|" + alternation("days") + ")"
_FILL["DAY"] = DAY
_ACT = rf"(?:{alternation('acts')})"
_FILL["ACT"] = _ACT
AUX = rf"(?:{alternation('auxiliaries')})"
# Where a forward noun phrase ends: punctuation, a new clause, a date, the outlet, a verb.
PHRASE_END_RE = re.compile(r"[.;:!?«»\"“”\n,]|\s[-–—]\s|\s(?:" + alternation("phrase_ends") + r")(?![\w])")
CLAUSE_VERB_RE = re.compile(rf"(?<![\w]){AUX}(?![\w])|(?<![\w])(?:{alternation('etre_forms')})(?![\w])")
_AND_RE = re.compile(rf"(?<![\w]){PACK['and']}\s+")
# "selon la même source", "a ajouté cette source": whoever the dispatch quoted last.
_SAME_SOURCE_RE = re.compile(PACK["same_source"])
SAME_SOURCE = "Same source"
# How far before a cue a sentence or clause start, or an antecedent, is looked for, and how many earlier
# mentions of a noun are tried: wire sentences are far shorter, and the bound keeps the work on a text
# linear in its length whatever it holds ("selon " 15,000 times).
LOOKBACK_CHARS = 2000
MAX_PHRASE_CHARS = 300  # a speaker's noun phrase ends before this, at the latest
_ANTECEDENT_MENTIONS = 3
_ARMED_ACTOR_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia"})
_DEFINITE_RE = re.compile(alternation("definite_articles"))
_PRONOUN_RE = re.compile(rf"^(?:{alternation('pronouns')})")
# Person nouns that make an unlisted phrase a speaker; (canonical name, kind).
_PERSON_NOUNS: dict[str, tuple[str, SourceKind]] = {
    row["noun"]: (row["source"], row["kind"]) for row in PACK["person_nouns"]
}
_PERSON_RE = re.compile(
    rf"(?:(?:{alternation('person_determiners')})\s*)?(?:(?:{alternation('person_ranks')})\s+)?"
    r"(" + "|".join(re.escape(n) for n in _PERSON_NOUNS) + r")s?(?![\w])"
)
_BODY_NOUNS = frozenset(PACK["body_nouns"])
_REBEL_RE = re.compile(rf"(?<![\w])(?:{alternation('rebel_words')})(?![\w])")
_POSSESSED_RE = re.compile(rf"(?:(?:{alternation('possessives')})\s+)?([\w-]+)")
_NAME = r"[A-ZÀ-Ý][\w'’-]*(?:\s+(?:(?:" + alternation("name_particles") + r")\s*)?[A-ZÀ-Ý][\w'’-]*){0,4}"
# Stands for the full stop of an honorific in the folded text, so that no pattern ends a phrase there.
_HONORIFIC_STOP = "·"


@dataclass(frozen=True)
class _Names:
    honorific: re.Pattern[str]  # "M." / "Dr" before a capitalised name, in the original text
    proper_name: re.Pattern[str]  # a whole phrase that is a name, its honorific (group 1) optional


@lru_cache(maxsize=1)
def name_patterns() -> _Names:
    words = sorted(load_resource("fr_names")["honorifics"], key=len, reverse=True)
    honorific = rf"(?:{'|'.join(re.escape(word) for word in words)})"
    return _Names(re.compile(rf"(?<![\w.-]){honorific}(\.)?(?=\s+[A-ZÀ-Ý])"),
                  re.compile(rf"^({honorific}\.?\s+)?{_NAME}$"))


def honorific_stops(text: str, folded: str) -> str:
    """`folded` with each honorific's full stop ("M. Abdel Rahmane") replaced by _HONORIFIC_STOP."""
    stops = [match.start(1) for match in name_patterns().honorific.finditer(text) if match.group(1)]
    if not stops:
        return folded
    chars = list(folded)
    for stop in stops:
        chars[stop] = _HONORIFIC_STOP
    return "".join(chars)


def resolve_phrase(
    text: str, folded: str, start: int, end: int, cue: str, sources: SourceDictionary
) -> list[Attribution]:
    """The sources a phrase names: one, or each side of "X et Y" when both are sources."""
    start, end = _trim(folded, start, end)
    if start >= end:
        return []
    parts = list(_AND_RE.finditer(folded[start:end]))
    if len(parts) == 1:
        split = start + parts[0].start()
        halves = [_one_source(text, folded, start, split, cue, sources),
                  _one_source(text, folded, start + parts[0].end(), end, cue, sources)]
        if halves[0] is not None and halves[1] is None:
            halves[1] = _shared_noun(text, folded, start, split, start + parts[0].end(), end, cue, sources)
        if halves[0] is not None and halves[1] is not None:
            return [halves[0], halves[1]]
    single = _one_source(text, folded, start, end, cue, sources)
    return [single] if single else []


def _one_source(
    text: str, folded: str, start: int, end: int, cue: str, sources: SourceDictionary
) -> Attribution | None:
    start, end = _trim(folded, start, end)
    if start >= end:
        return None
    words = text[start:end]
    phrase = folded[start:end]
    if _PRONOUN_RE.match(phrase) and not sources.lookup(words):
        return None
    source = _rebel_rank(sources.lookup(words), phrase, words, sources)
    named = source or _armed_speaker(phrase) or _antecedent(folded, start, phrase, words, sources) \
        or _expansion(text, start, words, sources)
    if named is not None:
        return Attribution(start, end, Source(named.name, named.kind, words), cue)
    if _SAME_SOURCE_RE.fullmatch(phrase):
        return Attribution(start, end, Source(SAME_SOURCE, "unknown", words), cue)  # named by find_attributions
    source = _person_or_name(phrase, words)
    return Attribution(start, end, source, cue) if source is not None else None


def _person_or_name(phrase: str, words: str) -> Source | None:
    """A speaker the dictionary does not list: a person noun ("un responsable local") or a proper name."""
    person = _PERSON_RE.match(phrase)
    if person and len(phrase.split()) <= 8:
        name, kind = _PERSON_NOUNS[person.group(1)]
        rebel = _REBEL_RE.search(phrase)
        return Source(PACK["rebel_speaker"], "armed_group", words) if rebel else Source(name, kind, words)
    if found := name_patterns().proper_name.match(words):
        return Source(words[found.end(1):] if found.group(1) else words, "unknown", words)  # "M. X" is X
    return None


def _rebel_rank(source: Source | None, phrase: str, words: str, sources: SourceDictionary) -> Source | None:
    """"le colonel autoproclamé", "un commandant rebelle": a rank the dictionary gives the state's army
    speaks for a rebel group when a rebel word goes with it."""
    entry = sources.entry(source.name) if source is not None else None
    if entry is None or not entry.generic or entry.kind != "government" or not _REBEL_RE.search(phrase):
        return source
    return Source(PACK["rebel_speaker"], "armed_group", words)


def _expansion(text: str, start: int, words: str, sources: SourceDictionary) -> Source | None:
    """"selon les FVG" after "les Forces vives de Guinée (FVG)": an abbreviation the dispatch spelled out
    before speaks as the words it stands for."""
    if not re.fullmatch(r"[A-ZÀ-Ý][\w-]{1,9}", words):
        return None
    spelled = None
    for spelled in re.finditer(r"([^().;:!?«»\n]{3,90}?)\s*\(\s*" + re.escape(words) + r"\s*\)", text[:start]):
        pass
    phrase = " ".join(spelled.group(1).split()[-8:]) if spelled else _initials_spelled(text[:start], words)
    if phrase is None:
        return None
    return sources.lookup(phrase) or _armed_speaker(fold(phrase))


_CAPITALISED = r"[A-ZÀ-Ý][\w'’-]*"
_INITIALS_RE = re.compile(rf"{_CAPITALISED}(?:\s+(?:(?:{alternation('acronym_particles')})\s*)?{_CAPITALISED}){{1,7}}")
_PARTICLE_RE = re.compile(rf"(?:{alternation('acronym_particles')})$")


def _initials_spelled(before: str, abbreviation: str) -> str | None:
    """The last capitalised name in `before` whose initials are `abbreviation` ("Forces Vives de Guinée" for
    "FVG"), its small words skipped; a run of capitals may start with a word of the sentence ("Les")."""
    found = None
    wanted = fold(abbreviation)
    for run in _INITIALS_RE.finditer(before):
        words = run.group().split()
        for first in range(len(words)):
            initials = "".join(fold(w[0]) for w in words[first:] if not _PARTICLE_RE.match(fold(w)))
            if initials == wanted:
                found = " ".join(words[first:])
                break
    return found


def _armed_speaker(phrase: str) -> Source | None:
    """A non-state armed group of data/actors.yaml speaking ("un porte-parole des ADF", "le Hachd"): an
    `armed_group` source, named after the actor, when data/sources.yaml does not list it."""
    if len(phrase.split()) > 8 or CLAUSE_VERB_RE.search(phrase):
        return None  # a clause mentioning a group, not a speaker
    pattern, names = _armed_aliases()
    best = ""
    position = 0
    while found := pattern.search(phrase, position):  # at each start, the longest alias there
        best = found.group() if len(found.group()) > len(best) else best
        position = found.start() + 1
    if best:
        return Source(names[best], "armed_group", None)
    # "les Forces armées soudanaises": a state's forces speak as its government.
    forces = [m.entry for m in _actor_finder().find(phrase) if m.entry is not None and m.entry.kind == "state_forces"]
    return Source(forces[0].name, "government", None) if len(forces) == 1 else None


@lru_cache(maxsize=1)
def _armed_aliases() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern over the folded aliases of the dictionary's armed groups, longest first; alias -> name."""
    names = {alias: entry.name for alias, entry in default_actor_dictionary().aliases.items()
             if entry.kind in _ARMED_ACTOR_KINDS and alias}
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(rf"(?<![\w])(?:{'|'.join(re.escape(alias) for alias in ordered)})(?![\w])"), names


@lru_cache(maxsize=1)
def _actor_finder() -> ActorFinder:
    return ActorFinder(default_actor_dictionary())


def _shared_noun(
    text: str, folded: str, start: int, split: int, second: int, end: int, cue: str, sources: SourceDictionary
) -> Attribution | None:
    """"des sources policières et médicales": an adjective after "et" qualifies the first half's noun, so it
    names a second source ("sources médicales"), spanning the words after "et"; one or two words after the
    adjective qualify both halves ("des sources militaires et médicales libanaises")."""
    words = folded[second:end].split()
    head = re.search(r"([\w'-]+)\s+[\w'-]+\s*$", folded[start:split])
    if not 1 <= len(words) <= 3 or not re.fullmatch(r"[\w-]+", words[0]) or head is None:
        return None
    adjective = words[0]
    source = sources.lookup(f"{head.group(1)} {adjective}")
    if source is None:
        return None
    second, end = _trim(folded, second, end)
    return Attribution(second, end, Source(source.name, source.kind, text[second:end]), cue)


def _antecedent(folded: str, start: int, phrase: str, words: str, sources: SourceDictionary) -> Source | None:
    """"a annoncé son organisation", "selon le responsable": a possessive or a lone common noun names a
    body or person the dispatch described before ("une organisation humanitaire", "un responsable de
    la NEMA"); the nearest earlier mention of the noun with its qualifiers says which."""
    bare = _POSSESSED_RE.fullmatch(phrase)
    if bare is None or words[:1].isupper() and phrase == bare.group(1):
        return None  # a lone capitalised word is a name, not a noun standing for one
    noun = bare.group(1)
    if noun not in _PERSON_NOUNS and noun not in _BODY_NOUNS:
        return None  # "a revendiqué l'attaque": the object of the verb, not a speaker described before
    window = max(0, start - LOOKBACK_CHARS)
    mentions = list(re.compile(rf"(?<![\w]){re.escape(noun)}(?![\w])").finditer(folded, window, start))
    for earlier in reversed(mentions[-_ANTECEDENT_MENTIONS:]):
        stop = PHRASE_END_RE.search(folded, earlier.end(), start)
        mention = folded[earlier.start():stop.start() if stop else start].split()[:7]
        for size in range(len(mention), 1, -1):  # the longest qualified mention first
            source = sources.lookup(" ".join(mention[:size]))
            if source is not None:
                return source
    return None


_RELAYED_BY_RE = re.compile(rf"\s+(?:{alternation('relay_participles')})e?s?\s+(?:{alternation('relay_by')})\s")


def _trim(folded: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, a definite article, and dangling punctuation."""
    while start < end and folded[start] in " \t\n,":
        start += 1
    while end > start and folded[end - 1] in " \t\n,":
        end -= 1
    if folded.endswith(" " + PACK["and"], start, end):  # "de source militaire et auprès de ...": the next cue's
        end = len(folded[start:end - len(PACK["and"])].rstrip()) + start
    article = _DEFINITE_RE.match(folded, start, end)
    if article:
        start = article.end()
    # "un responsable local joint par l'AFP": the speaker is the official, the agency only reached him.
    relay = _RELAYED_BY_RE.search(folded, start, end)
    if relay and relay.start() > start:
        end = relay.start()
    return start, end
