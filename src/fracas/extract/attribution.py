"""Attributions: who a dispatch says the information comes from ("selon l'OSDH", "a indiqué l'armée").

`find_attributions(text)` returns the speakers of a sentence or a whole dispatch, with offsets into
the given string. It works on plain text (no spaCy Doc needed) with patterns over a lower-cased,
accent-free copy of the text that has the same length, so every match is also a span of `text`.

Choices:
- The span is the noun phrase naming the speaker without its definite article ("Observatoire syrien
  des droits de l'homme (OSDH)", not "l'Observatoire ..."); indefinite ones stay ("un habitant").
- The speaker, never the outlet: "a déclaré à l'AFP un responsable" gives the official; in
  "X, cité par l'agence Y" and "Y, citant X" the speaker is X.
- Speakers missing from data/sources.yaml are kept only when they clearly are people or bodies: a
  person noun ("un commandant", "un responsable") gives a generic source; a proper name gives
  `Source(name=<the words>, kind="unknown")`; pronouns ("selon lui") give nothing.
- A non-state armed group of data/actors.yaml that sources.yaml does not list still speaks as an
  `armed_group` source ("un porte-parole des ADF").
- References name whom they stand for: "selon la même source" is the previous speaker; "son
  organisation", "le responsable" the nearest earlier mention of the noun that the dictionary knows.
- A negated or passive verb has no speaker ("la police n'a pas confirmé", "a été annoncée").
- `cue` is the dispatch's words that mark the attribution, lower-cased ("selon", "a indiqué", "de").
- `stance` says what the speaker does with the act: "reports" it; "denies" it ("l'armée « dément »
  avoir frappé", "Moscou a affirmé que son aviation n'avait mené aucune frappe"), so it is no source
  for the act; or "reacts" to it ("l'ONU a dénoncé une spirale de violence"), a comment, not a report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
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
_PACK = rule_pack("attribution")


def _alt(key: str) -> str:
    return pack_alternation(_PACK[key], gap=" ", fill=_FILL)


_FILL: dict[str, str] = {}
_DAY = "(?:" + "|".join(rule_pack("calendar")["weekdays"]) + "|" + _alt("days") + ")"
_FILL["DAY"] = _DAY
_ACT = rf"(?:{_alt('acts')})"
_FILL["ACT"] = _ACT
_PAST = rf"(?:{_alt('speech_verbs')})"
_AUX = rf"(?:{_alt('auxiliaries')})"
_ADVERB = rf"(?:{_alt('adverbs')})"
# "a indiqué", "ont de leur côté affirmé", "indique" (present, only in inverted position), "fait état".
_VERB_RE = re.compile(
    rf"(?<![\w'-])(?:{_AUX}\s+(?:,?\s*{_ADVERB}\s*,?\s+)*)?{_PAST}{_PACK['speech_verb_endings']}(?![\w-])"
)
_OBJECT_RE = re.compile(rf"(?:(?:{_alt('person_determiners')}|{_alt('definite_articles')})\s*)?(?:{_alt('object_nouns')})(?![\w])")
_AGREED_PARTICIPLE_RE = re.compile(rf"(?:{_PAST})(?:{_PACK['participle_agreements']})")
_BARE_PARTICIPLE_RE = re.compile(rf"(?:{_PAST}){_PACK['speech_verb_endings']}")
_PARTICIPLE_AGENT_RE = re.compile(_PACK["bare_participle_agent"])
# What may stand between an inverted verb and its speaker: "a déclaré [mardi] [à l'AFP] un responsable".
_ADJUNCT_RE = re.compile(rf"\s*(?:,\s*)?(?:{_DAY}(?:\s+(?:{_alt('parts_of_day')}))?|{_alt('adjuncts')})(?![\w])")
_FORWARD_CUE_RE = re.compile(rf"(?<![\w'])(?:{_alt('forward_cues')})(?:(?<=')|(?=\s))\s*")
_SOURCE_OF_RE = re.compile(rf"(?<![\w'])({_alt('source_of')})\s+(?={_PACK['source_of_follow']})")
_UNVERIFIED_RE = re.compile(_PACK["unverified_before"])
# Where a forward noun phrase ends: punctuation, a new clause, a date, the outlet, a verb.
_NP_END_RE = re.compile(r"[.;:!?«»\"“”\n,]|\s[-–—]\s|\s(?:" + _alt("phrase_ends") + r")(?![\w])")
_CLAUSE_BOUNDARY_RE = re.compile(r"[.;:!?«»\"“”\n]")
_APPOSITION_RE = re.compile(r"^\s*(?:" + _alt("apposition_openers") + r")(?![\w])")
_CLAUSE_VERB_RE = re.compile(rf"(?<![\w]){_AUX}(?![\w])|(?<![\w])(?:{_alt('etre_forms')})(?![\w])")
_NEGATION_RE = re.compile(rf"{_PACK['negation_opener']}(?:(?:{_alt('negation_words')})\s*)+$")
_PASSIVE_RE = re.compile(rf"(?<![\w])(?:{_alt('passive_auxiliaries')})$")
_INVERTED_PRONOUN_RE = re.compile(_PACK["inverted_pronoun"])
_NICKNAME_RE = re.compile(_PACK["nickname"])
_CLAUSE_OPENER_RE = re.compile(rf"(?:{_alt('clause_openers')})")
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n")
_CITING = _PACK["citing"]
_CITING_AFTER_RE = re.compile(rf"\s*,?\s*{_CITING}\s+")
_CITING_RE = re.compile(rf"\s*{_CITING}\s+")
_CLAUSE_WORD_RE = re.compile(rf"(?<![\w])(?:{_alt('clause_conjunctions')})\s+")
_AND_RE = re.compile(rf"(?<![\w]){_PACK['and']}\s+")
# A claim that the act did not happen or was not theirs (see `denials` in the pack).
_DENIAL_RE = re.compile(rf"(?<![\w])(?:{_alt('denials')})(?![\w])")
# Verbs that comment on an act when they take it as object ("l'ONU a dénoncé une spirale de violence").
_REACTION_RE = re.compile(rf"(?:\w+\s+)*(?:{_alt('reaction_verbs')})")
# An answer to an accusation that neither confirms nor denies it: "elle allait examiner ces allégations".
_RESPONSE_RE = re.compile(rf"(?<![\w])(?:{_alt('responses')})(?![\w])")
# "selon la même source", "a ajouté cette source": whoever the dispatch quoted last.
_SAME_SOURCE_RE = re.compile(_PACK["same_source"])
_SAME_SOURCE = "Same source"
# How far before a cue a sentence or clause start, or an antecedent, is looked for, and how many earlier
# mentions of a noun are tried: wire sentences are far shorter, and the bound keeps the work on a text
# linear in its length whatever it holds ("selon " 15,000 times).
LOOKBACK_CHARS = 2000
MAX_PHRASE_CHARS = 300  # a speaker's noun phrase ends before this, at the latest
_ANTECEDENT_MENTIONS = 3
_ARMED_ACTOR_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia"})
_DEFINITE_RE = re.compile(_alt("definite_articles"))
_PRONOUN_RE = re.compile(rf"^(?:{_alt('pronouns')})")
# Person nouns that make an unlisted phrase a speaker; (canonical name, kind).
_PERSON_NOUNS: dict[str, tuple[str, SourceKind]] = {
    row["noun"]: (row["source"], row["kind"]) for row in _PACK["person_nouns"]
}
_PERSON_RE = re.compile(
    rf"(?:(?:{_alt('person_determiners')})\s*)?(?:(?:{_alt('person_ranks')})\s+)?"
    r"(" + "|".join(re.escape(n) for n in _PERSON_NOUNS) + r")s?(?![\w])"
)
_BODY_NOUNS = frozenset(_PACK["body_nouns"])
_REBEL_RE = re.compile(rf"(?<![\w])(?:{_alt('rebel_words')})(?![\w])")
_POSSESSED_RE = re.compile(rf"(?:(?:{_alt('possessives')})\s+)?([\w-]+)")
_NAME = r"[A-ZÀ-Ý][\w'’-]*(?:\s+(?:(?:" + _alt("name_particles") + r")\s*)?[A-ZÀ-Ý][\w'’-]*){0,4}"
# Stands for the full stop of an honorific in the folded text, so that no pattern ends a phrase there.
_HONORIFIC_STOP = "·"


@dataclass(frozen=True)
class _Names:
    honorific: re.Pattern[str]  # "M." / "Dr" before a capitalised name, in the original text
    proper_name: re.Pattern[str]  # a whole phrase that is a name, its honorific (group 1) optional


@lru_cache(maxsize=1)
def _names() -> _Names:
    words = sorted(load_resource("fr_names")["honorifics"], key=len, reverse=True)
    honorific = rf"(?:{'|'.join(re.escape(word) for word in words)})"
    return _Names(re.compile(rf"(?<![\w.-]){honorific}(\.)?(?=\s+[A-ZÀ-Ý])"),
                  re.compile(rf"^({honorific}\.?\s+)?{_NAME}$"))


def _honorific_stops(text: str, folded: str) -> str:
    """`folded` with each honorific's full stop ("M. Abdel Rahmane") replaced by _HONORIFIC_STOP."""
    stops = [match.start(1) for match in _names().honorific.finditer(text) if match.group(1)]
    if not stops:
        return folded
    chars = list(folded)
    for stop in stops:
        chars[stop] = _HONORIFIC_STOP
    return "".join(chars)


_BACK_REFERENCE_RE = re.compile(rf"(?<![\w])(?:{_alt('back_references')})(?![\w])")


def refers_back(sentence: str) -> bool:
    """Whether a sentence tells more of an act told before: its toll, its victims, the act named again, a
    confirmation ("trente autres ont été blessés", "ce bilan est confirmé par", "parmi les victimes")."""
    return _BACK_REFERENCE_RE.search(fold(sentence)) is not None


def find_attributions(text: str, *, dictionary: SourceDictionary | None = None) -> list[Attribution]:
    """Every speaker `text` attributes information to, in text order, one per span."""
    sources = dictionary or SourceDictionary.load()
    folded = _honorific_stops(text, fold(text))
    found: dict[tuple[int, int], Attribution] = {}

    def keep(attributions: list[Attribution]) -> None:
        for attribution in attributions:
            found.setdefault((attribution.start, attribution.end), attribution)

    for match in _FORWARD_CUE_RE.finditer(folded):
        cue = text[match.start():match.end()].strip().lower()
        keep(_with_stance(folded, _forward(text, folded, match.end(), cue, sources), match.start(), match.end()))
    for match in _SOURCE_OF_RE.finditer(folded):
        if _UNVERIFIED_RE.search(folded[max(0, match.start() - 80):match.start()]):
            continue  # "n'ont pas pu être vérifiées de source indépendante": nobody vouched for it
        cue = text[match.start(1):match.end(1)].lower()
        keep(_with_stance(folded, _forward(text, folded, match.end(), cue, sources), match.start(), match.end()))
    for match in _VERB_RE.finditer(folded):
        keep(_around_verb(text, folded, match, sources))
    # A speaker found twice through overlapping spans ("a-t-on appris de source X" and "de source X")
    # is one attribution: keep the outermost.
    ordered = sorted(found.values(), key=lambda a: (a.start, -(a.end - a.start)))
    result: list[Attribution] = []
    for attribution in ordered:
        if result and attribution.start < result[-1].end:
            continue
        if attribution.source.name == _SAME_SOURCE:
            if not result:
                continue  # "de même source" with no one quoted before: nobody to name
            # A known speaker quoted last beats a bare name quoted after him ("a expliqué Jean Dupont"): the
            # name adds nothing fracas can place, and the dispatch named the speaker's kind before.
            named = next((a for a in reversed(result) if not bare_name(a.source)), result[-1])
            attribution = replace(attribution, source=replace(named.source, text=attribution.source.text))
        result.append(attribution)
    return _with_roles(result)


def bare_name(source: Source) -> bool:
    """A speaker known only by a proper name fracas cannot place ("Jean Dupont")."""
    return source.kind == "unknown" and source.name == source.text


def _with_roles(found: list[Attribution]) -> list[Attribution]:
    """A name the dispatch gave a role the first time ("Jean Richard, chef de la chefferie": a local
    official) speaks in that role when it comes back alone ("a ajouté M. Richard", "Jean Richard")."""
    roles: dict[str, Source] = {}
    kept: list[Attribution] = []
    for attribution in found:
        source = attribution.source
        name, _, described = source.text.partition(",")
        if described and source.kind != "unknown" and _names().proper_name.match(name.strip()):
            roles[name.split()[-1]] = source  # "Christophe Munyanderu, acteur sociopolitique" as a whole
        elif source.kind == "unknown" and source.name.split()[-1] in roles:
            attribution = replace(attribution, source=replace(roles[source.name.split()[-1]], text=source.text))
        kept.append(attribution)
    return kept


def _around_verb(text: str, folded: str, match: re.Match[str], sources: SourceDictionary) -> list[Attribution]:
    """A speech verb: its speaker follows it (", a indiqué l'OSDH") or precedes it ("l'OSDH a indiqué")."""
    window = max(0, match.start() - LOOKBACK_CHARS)
    before = folded[window:match.start()].rstrip()
    before_end = window + len(before)
    if _speaks_nobody(folded, before, match):
        return []
    cue = text[match.start():match.end()].lower()
    after = match.end()
    while adjunct := _ADJUNCT_RE.match(folded, after):
        after = adjunct.end()
    rest = folded[after:after + 40].lstrip()
    introduces_clause = _CLAUSE_OPENER_RE.match(rest)
    inverted = before.endswith((",", "»", '"', "”", ")")) and not introduces_clause
    if inverted:
        # "X, un collectif, a signalé une attaque contre l'hôpital": an act named after the verb is its object.
        found = [] if _OBJECT_RE.match(rest) else _forward(text, folded, after, cue, sources)
        if found:
            return _with_stance(folded, found, match.start(), match.end())
        # Nothing names a speaker after the verb, so it has an object and its subject is before the
        # comma or bracket: "Le groupe Etat islamique (EI) a revendiqué l'attentat", "Le porte-parole du
        # M23, Willy Ngoma, a confirmé la prise de la cité". A whole clause there is no subject.
        found = [a for a in _backward(text, folded, before_end, cue, sources)
                 if not _holds_verb(text, folded, a.start, a.end, sources)]
        return _with_stance(folded, found, match.start(), match.end(), speaker_first=True)
    reacting = not introduces_clause and _REACTION_RE.fullmatch(folded, match.start(), match.end()) is not None
    return _with_stance(folded, _backward(text, folded, before_end, cue, sources), match.start(), match.end(),
                        speaker_first=True, reacting=reacting)


def _speaks_nobody(folded: str, before: str, match: re.Match[str]) -> bool:
    """Whether the speech verb at `match` has no speaker to find, by what stands before it or its form."""
    return bool(
        _INVERTED_PRONOUN_RE.search(before)  # "a-t-il dit": a pronoun, already named elsewhere
        or _NEGATION_RE.search(before)  # "la police n'a pas confirmé ce bilan": who says nothing is no source
        or _PASSIVE_RE.search(before)  # "la mort de 20 jihadistes a été annoncée": its subject is what was said
        # "237 attaques recensées en 2018": a participle with no auxiliary qualifies a noun.
        or _AGREED_PARTICIPLE_RE.fullmatch(folded, match.start(), match.end())
        # "l'itinéraire indiqué par les organisateurs": the participle qualifies a noun, its agent follows.
        or _BARE_PARTICIPLE_RE.fullmatch(folded, match.start(), match.end())
        and _PARTICIPLE_AGENT_RE.match(folded, match.end()) is not None
        # "le général Dagalo, dit « Hemetti »": a nickname, nobody speaks.
        or before.endswith(",") and _NICKNAME_RE.match(folded, match.start()))


def _holds_verb(text: str, folded: str, start: int, end: int, sources: SourceDictionary) -> bool:
    """Whether `text[start:end]` holds a verb of its own ("les villageois ont fui"), outside any name
    ("Groupe de soutien à l'islam et aux musulmans" holds "a" as a preposition)."""
    names = sources.alias_spans(text[start:end])
    return any(not any(s <= m.start() - start < e for s, e in names)
               for m in _CLAUSE_VERB_RE.finditer(folded, start, end))


def _with_stance(folded: str, found: list[Attribution], cue_start: int, cue_end: int, *,
                 speaker_first: bool = False, reacting: bool = False) -> list[Attribution]:
    """`found` with the stance of what they say: the rest of the sentence after "X a affirmé", the
    sentence before ", a indiqué X" or "selon X" (after it when "Selon X," opens the sentence)."""
    if not found:
        return found
    window = max(0, cue_start - LOOKBACK_CHARS)
    opening = max((m.end() for m in _SENTENCE_END_RE.finditer(folded, window, cue_start)), default=window)
    closing = _SENTENCE_END_RE.search(folded, cue_end, cue_end + LOOKBACK_CHARS)
    sentence_end = closing.start() if closing else min(len(folded), cue_end + LOOKBACK_CHARS)
    claim = folded[cue_end:sentence_end] if speaker_first else folded[opening:cue_start]
    if not speaker_first and not claim.strip(" ,\n"):
        claim = folded[found[-1].end:sentence_end]
    reacting = reacting or _RESPONSE_RE.search(claim) is not None
    stance: Stance = "denies" if _DENIAL_RE.search(claim) else "reacts" if reacting else "reports"
    return [replace(attribution, stance=stance) for attribution in found]


def _forward(text: str, folded: str, start: int, cue: str, sources: SourceDictionary, *,
             relayed: bool = False) -> list[Attribution]:
    """The speaker noun phrase starting at `start` (after "selon", an inverted verb ...); `relayed` when
    it is the one a phrase cites (which is not followed further: "citant" after "citant" is no chain)."""
    while start < len(folded) and folded[start].isspace():
        start += 1
    stop = _NP_END_RE.search(folded, start, start + MAX_PHRASE_CHARS)
    end = stop.start() if stop else min(len(folded), start + MAX_PHRASE_CHARS)
    end = _close_quote(folded, start, _close_parenthesis(folded, start, end))
    citing = None if relayed else _CITING_AFTER_RE.match(folded, end)
    if citing:  # "l'agence Sana, citant une source militaire": the speaker is the one cited
        cited = _forward(text, folded, citing.end(), _CITING, sources, relayed=True)
        if cited:
            return cited
    found = _resolve_phrase(text, folded, start, end, cue, sources)
    role_start = end + 1
    if len(found) == 1 and _named_only(found[0]) and folded[end:role_start] == ",":
        # "Rami Abdel Rahmane, le directeur de l'OSDH": the apposition says whom the person speaks for.
        stop = _NP_END_RE.search(folded, role_start + 1, role_start + MAX_PHRASE_CHARS)
        role_end = stop.start() if stop else min(len(folded), role_start + MAX_PHRASE_CHARS)
        role = _resolve_phrase(text, folded, role_start, role_end, cue, sources)
        if len(role) == 1 and role[0].source.kind != "unknown":
            return [_merge(text, found[0], role[0])]
    return found


def _named_only(attribution: Attribution) -> bool:
    """A proper name fracas cannot place ("Rami Abdel Rahmane"): what follows it may say whom it speaks for.
    A generic speaker ("des sources") has no apposition: "d'après des sources, des hommes armés ont attaqué"."""
    source = attribution.source
    # "M. Abdel Rahmane" is named "Abdel Rahmane": the honorific before the name keeps it a name.
    return source.kind == "unknown" and source.text is not None and source.text.endswith(source.name) \
        and _names().proper_name.match(source.text) is not None


def _merge(text: str, first: Attribution, second: Attribution) -> Attribution:
    """One attribution spanning a person and their role, named after whichever is in the dictionary."""
    known = first if first.source.kind != "unknown" else second
    words = text[first.start:second.end]
    return Attribution(first.start, second.end, Source(known.source.name, known.source.kind, words), known.cue)


def _backward(text: str, folded: str, end: int, cue: str, sources: SourceDictionary) -> list[Attribution]:
    """The speaker noun phrase ending at `end`, the subject of "X a indiqué"."""
    window = max(0, end - LOOKBACK_CHARS)
    boundary = max((m.end() for m in _CLAUSE_BOUNDARY_RE.finditer(folded, window, end)), default=window)
    chunks = []  # comma-separated pieces of the clause, nearest the verb first
    piece_end = end
    for comma in reversed([m.start() for m in re.finditer(",", folded[boundary:end])]):
        chunks.append((boundary + comma + 1, piece_end))
        piece_end = boundary + comma
    chunks.append((boundary, piece_end))
    for index, (chunk_start, chunk_end) in enumerate(chunks):
        piece = folded[chunk_start:chunk_end]
        if not piece.strip():
            continue
        citing = _CITING_RE.match(piece)
        if citing:
            return _resolve_phrase(text, folded, chunk_start + citing.end(), chunk_end, _CITING, sources)
        if _APPOSITION_RE.match(piece):
            continue  # "l'OSDH, qui dispose d'un réseau de sources, a indiqué": look further back
        found = _subject(text, folded, chunk_start, chunk_end, cue, sources)
        if len(found) == 1 and _named_only(found[0]) and index + 1 < len(chunks):
            # "Un porte-parole de l'armée russe, Igor Konachenkov, a affirmé": the name's role says who.
            role = _resolve_phrase(text, folded, chunks[index + 1][0], chunks[index + 1][1], cue, sources)
            if len(role) == 1 and role[0].source.kind != "unknown":
                return [_merge(text, role[0], found[0])]
        return found
    return []


def _subject(text: str, folded: str, start: int, end: int, cue: str, sources: SourceDictionary) -> list[Attribution]:
    """The subject in a piece before the verb: only the words after its last clause word ("... et l'armée
    a indiqué"), unless they name no one and the whole piece has no verb: "et" then joins two speakers
    ("des sources sécuritaires et militaires évoquaient") or is inside a name ("le Groupe de soutien à
    l'islam et aux musulmans a revendiqué")."""
    clause = None
    for clause in _CLAUSE_WORD_RE.finditer(folded, start, end):
        pass
    if clause is None:
        return _resolve_phrase(text, folded, start, end, cue, sources)
    found = _resolve_phrase(text, folded, clause.end(), end, cue, sources)
    if found or _holds_verb(text, folded, start, end, sources):
        return found
    return _resolve_phrase(text, folded, start, end, cue, sources)


def _resolve_phrase(
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
        return Attribution(start, end, Source(_SAME_SOURCE, "unknown", words), cue)  # named by find_attributions
    source = _person_or_name(phrase, words)
    return Attribution(start, end, source, cue) if source is not None else None


def _person_or_name(phrase: str, words: str) -> Source | None:
    """A speaker the dictionary does not list: a person noun ("un responsable local") or a proper name."""
    person = _PERSON_RE.match(phrase)
    if person and len(phrase.split()) <= 8:
        name, kind = _PERSON_NOUNS[person.group(1)]
        rebel = _REBEL_RE.search(phrase)
        return Source(_PACK["rebel_speaker"], "armed_group", words) if rebel else Source(name, kind, words)
    if found := _names().proper_name.match(words):
        return Source(words[found.end(1):] if found.group(1) else words, "unknown", words)  # "M. X" is X
    return None


def _rebel_rank(source: Source | None, phrase: str, words: str, sources: SourceDictionary) -> Source | None:
    """"le colonel autoproclamé", "un commandant rebelle": a rank the dictionary gives the state's army
    speaks for a rebel group when a rebel word goes with it."""
    entry = sources.entry(source.name) if source is not None else None
    if entry is None or not entry.generic or entry.kind != "government" or not _REBEL_RE.search(phrase):
        return source
    return Source(_PACK["rebel_speaker"], "armed_group", words)


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
_INITIALS_RE = re.compile(rf"{_CAPITALISED}(?:\s+(?:(?:{_alt('acronym_particles')})\s*)?{_CAPITALISED}){{1,7}}")
_PARTICLE_RE = re.compile(rf"(?:{_alt('acronym_particles')})$")


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
    if len(phrase.split()) > 8 or _CLAUSE_VERB_RE.search(phrase):
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
        stop = _NP_END_RE.search(folded, earlier.end(), start)
        mention = folded[earlier.start():stop.start() if stop else start].split()[:7]
        for size in range(len(mention), 1, -1):  # the longest qualified mention first
            source = sources.lookup(" ".join(mention[:size]))
            if source is not None:
                return source
    return None


_RELAYED_BY_RE = re.compile(rf"\s+(?:{_alt('relay_participles')})e?s?\s+(?:{_alt('relay_by')})\s")


def _trim(folded: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, a definite article, and dangling punctuation."""
    while start < end and folded[start] in " \t\n,":
        start += 1
    while end > start and folded[end - 1] in " \t\n,":
        end -= 1
    if folded.endswith(" " + _PACK["and"], start, end):  # "de source militaire et auprès de ...": the next cue's
        end = len(folded[start:end - len(_PACK["and"])].rstrip()) + start
    article = _DEFINITE_RE.match(folded, start, end)
    if article:
        start = article.end()
    # "un responsable local joint par l'AFP": the speaker is the official, the agency only reached him.
    relay = _RELAYED_BY_RE.search(folded, start, end)
    if relay and relay.start() > start:
        end = relay.start()
    return start, end


_QUOTED_NAME_BEFORE_RE = re.compile(_PACK["quoted_name_before"])
_QUOTE_PAIRS = {'"': '"', "«": "»", "“": "”"}


def _close_quote(folded: str, start: int, end: int) -> int:
    """Go on through a quoted name the phrase end stopped at ("le réseau de « Cellules d'urgence »")."""
    closer = _QUOTE_PAIRS.get(folded[end:end + 1])
    if closer is None or not _QUOTED_NAME_BEFORE_RE.search(folded, start, end):
        return end
    closing = folded.find(closer, end + 1, end + MAX_PHRASE_CHARS)
    if closing == -1 or re.search(r"[.;:!?\n]", folded[end + 1:closing]):
        return end
    return closing + 1


def _close_parenthesis(folded: str, start: int, end: int) -> int:
    """Keep "(OSDH)" after a name; cut a parenthesis the phrase end left open."""
    opened = folded.rfind("(", start, end)
    if opened != -1 and folded.find(")", opened, end) == -1:
        closing = folded.find(")", end, opened + 40)
        if closing != -1 and not _CLAUSE_BOUNDARY_RE.search(folded, opened, closing):
            return closing + 1
        kept = len(folded[start:opened].rstrip())
        return start + kept if kept else start
    return end
