"""Attributions: who a dispatch says the information comes from ("selon l'OSDH", "a indiqué l'armée").

`find_attributions(text)` returns the speakers of a sentence or a whole dispatch, with offsets into
the given string. It works on plain text (no spaCy Doc needed) with patterns over a lower-cased,
accent-free copy of the text that has the same length, so every match is also a span of `text`.
This module finds the cues and the speaker phrase each introduces; fracas.extract.speaker_phrases says
which source a phrase names.

Choices:
- The speaker, never the outlet: "a déclaré à l'AFP un responsable" gives the official; in
  "X, cité par l'agence Y" and "Y, citant X" the speaker is X.
- "selon la même source" is the previous speaker.
- A negated or passive verb has no speaker ("la police n'a pas confirmé", "a été annoncée").
- `cue` is the dispatch's words that mark the attribution, lower-cased ("selon", "a indiqué", "de").
- `stance` says what the speaker does with the act: "reports" it; "denies" it ("l'armée « dément »
  avoir frappé", "Moscou a affirmé que son aviation n'avait mené aucune frappe"), so it is no source
  for the act; or "reacts" to it ("l'ONU a dénoncé une spirale de violence"), a comment, not a report.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fracas.extract.speaker_phrases import (
    AUX,
    CLAUSE_VERB_RE,
    DAY,
    LOOKBACK_CHARS,
    MAX_PHRASE_CHARS,
    PACK,
    PHRASE_END_RE,
    SAME_SOURCE,
    Attribution,
    Stance,
    alternation,
    honorific_stops,
    name_patterns,
    resolve_phrase,
)
from fracas.model import Source
from fracas.resolve.sources import SourceDictionary
from fracas.text import fold

__all__ = ["Attribution", "Stance", "bare_name", "find_attributions", "refers_back"]


_PAST = rf"(?:{alternation('speech_verbs')})"
_ADVERB = rf"(?:{alternation('adverbs')})"
# "a indiqué", "ont de leur côté affirmé", "indique" (present, only in inverted position), "fait état".
# "on indiqué des sources": a misspelt auxiliary, read as one only when the speaker follows the verb.
_MISSPELT_AUX = rf"(?:{alternation('misspelt_auxiliaries')})"
_MISSPELT_AUX_RE = re.compile(rf"{_MISSPELT_AUX}\s")
# Verbs that speak only before a clause or before their speaker: "a relevé le niveau d'alerte" raised it.
_CLAUSE_ONLY_RE = re.compile(rf"(?:\w+\s+)*(?:{alternation('clause_only_verbs')}){PACK['speech_verb_endings']}")
_VERB_RE = re.compile(
    rf"(?<![\w'-])(?:(?:{AUX}|{_MISSPELT_AUX})\s+(?:,?\s*{_ADVERB}\s*,?\s+)*)?{_PAST}{PACK['speech_verb_endings']}(?![\w-])"
)
_OBJECT_RE = re.compile(rf"(?:(?:{alternation('person_determiners')}|{alternation('definite_articles')})\s*)?(?:{alternation('object_nouns')})(?![\w])")
_AGREED_PARTICIPLE_RE = re.compile(rf"(?:{_PAST})(?:{PACK['participle_agreements']})")
_BARE_PARTICIPLE_RE = re.compile(rf"(?:{_PAST}){PACK['speech_verb_endings']}")
_PARTICIPLE_AGENT_RE = re.compile(PACK["bare_participle_agent"])
# What may stand between an inverted verb and its speaker: "a déclaré [mardi] [à l'AFP] un responsable".
_ADJUNCT_RE = re.compile(rf"\s*(?:,\s*)?(?:{DAY}(?:\s+(?:{alternation('parts_of_day')}))?|{alternation('adjuncts')})(?![\w])")
_FORWARD_CUE_RE = re.compile(rf"(?<![\w'])(?:{alternation('forward_cues')})(?:(?<=')|(?=\s))\s*")
_SOURCE_OF_RE = re.compile(rf"(?<![\w'])({alternation('source_of')})\s+(?={PACK['source_of_follow']})")
_UNVERIFIED_RE = re.compile(PACK["unverified_before"])
_CLAUSE_BOUNDARY_RE = re.compile(r"[.;:!?«»\"“”\n]")
_APPOSITION_RE = re.compile(r"^\s*(?:" + alternation("apposition_openers") + r")(?![\w])")
_NEGATION_RE = re.compile(rf"{PACK['negation_opener']}(?:(?:{alternation('negation_words')})\s*)+$")
_PASSIVE_RE = re.compile(rf"(?<![\w])(?:{alternation('passive_auxiliaries')})$")
_INVERTED_PRONOUN_RE = re.compile(PACK["inverted_pronoun"])
_NICKNAME_RE = re.compile(PACK["nickname"])
_CLAUSE_OPENER_RE = re.compile(rf"(?:{alternation('clause_openers')})")
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s|$)|\n")
_CITING = PACK["citing"]
_CITING_AFTER_RE = re.compile(rf"\s*,?\s*{_CITING}\s+")
_CITING_RE = re.compile(rf"\s*{_CITING}\s+")
_CLAUSE_WORD_RE = re.compile(rf"(?<![\w])(?:{alternation('clause_conjunctions')})\s+")
# A claim that the act did not happen or was not theirs (see `denials` in the pack).
_DENIAL_RE = re.compile(rf"(?<![\w])(?:{alternation('denials')})(?![\w])")
# Verbs that comment on an act when they take it as object ("l'ONU a dénoncé une spirale de violence").
_REACTION_RE = re.compile(rf"(?:\w+\s+)*(?:{alternation('reaction_verbs')})")
# An answer to an accusation that neither confirms nor denies it: "elle allait examiner ces allégations".
_RESPONSE_RE = re.compile(rf"(?<![\w])(?:{alternation('responses')})(?![\w])")


_BACK_REFERENCE_RE = re.compile(rf"(?<![\w])(?:{alternation('back_references')})(?![\w])")


def refers_back(sentence: str) -> bool:
    """Whether a sentence tells more of an act told before: its toll, its victims, the act named again, a
    confirmation ("trente autres ont été blessés", "ce bilan est confirmé par", "parmi les victimes")."""
    return _BACK_REFERENCE_RE.search(fold(sentence)) is not None


def find_attributions(text: str, *, dictionary: SourceDictionary | None = None) -> list[Attribution]:
    """Every speaker `text` attributes information to, in text order, one per span."""
    sources = dictionary or SourceDictionary.load()
    folded = honorific_stops(text, fold(text))
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
        if attribution.source.name == SAME_SOURCE:
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
        if described and source.kind != "unknown" and name_patterns().proper_name.match(name.strip()):
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
    inverted = _inverted(text, before, match.start()) and not introduces_clause
    misspelt = _MISSPELT_AUX_RE.match(folded, match.start()) is not None
    if not inverted and _speaks_not(folded, match, misspelt=misspelt, introduces_clause=bool(introduces_clause)):
        return []
    if inverted:
        # "X, un collectif, a signalé une attaque contre l'hôpital": an act named after the verb is its object.
        found = [] if _OBJECT_RE.match(rest) else _forward(text, folded, after, cue, sources)
        if found or misspelt:
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


_ABBREVIATION_BEFORE_RE = re.compile(r"\(\s*[A-ZÀ-Ý][\w-]{1,14}\s*\)\s*$")


def _speaks_not(folded: str, match: re.Match[str], *, misspelt: bool, introduces_clause: bool) -> bool:
    """Whether a verb with its speaker before it is no speech: "on dit que" (a pronoun speaks, not a misspelt
    auxiliary), "a relevé le niveau d'alerte" (a verb that speaks only before a clause, with an object)."""
    return misspelt or not introduces_clause and _CLAUSE_ONLY_RE.fullmatch(folded, match.start(), match.end()) is not None


def _inverted(text: str, before: str, verb_start: int) -> bool:
    """Whether the speaker follows the verb: it comes after a comma or a quotation ("», a indiqué l'OSDH"), or
    a bracket that is no abbreviation of the subject: in "la Mission des Nations unies (Monusco) a relevé le niveau d'alerte"
    the bracket closes the speaker's own name, and what follows the verb is its object."""
    if before.endswith((",", "»", '"', "”")):
        return True
    return before.endswith(")") and not _ABBREVIATION_BEFORE_RE.search(text, max(0, verb_start - 40), verb_start)


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
               for m in CLAUSE_VERB_RE.finditer(folded, start, end))


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
    stop = PHRASE_END_RE.search(folded, start, start + MAX_PHRASE_CHARS)
    end = stop.start() if stop else min(len(folded), start + MAX_PHRASE_CHARS)
    end = _close_quote(folded, start, _close_parenthesis(folded, start, end))
    citing = None if relayed else _CITING_AFTER_RE.match(folded, end)
    if citing:  # "l'agence Sana, citant une source militaire": the speaker is the one cited
        cited = _forward(text, folded, citing.end(), _CITING, sources, relayed=True)
        if cited:
            return cited
    found = resolve_phrase(text, folded, start, end, cue, sources)
    role_start = end + 1
    if len(found) == 1 and _named_only(found[0]) and folded[end:role_start] == ",":
        # "Rami Abdel Rahmane, le directeur de l'OSDH": the apposition says whom the person speaks for.
        stop = PHRASE_END_RE.search(folded, role_start + 1, role_start + MAX_PHRASE_CHARS)
        role_end = stop.start() if stop else min(len(folded), role_start + MAX_PHRASE_CHARS)
        role = resolve_phrase(text, folded, role_start, role_end, cue, sources)
        if len(role) == 1 and role[0].source.kind != "unknown":
            return [_merge(text, found[0], role[0])]
    return found


def _named_only(attribution: Attribution) -> bool:
    """A proper name fracas cannot place ("Rami Abdel Rahmane"): what follows it may say whom it speaks for.
    A generic speaker ("des sources") has no apposition: "d'après des sources, des hommes armés ont attaqué"."""
    source = attribution.source
    # "M. Abdel Rahmane" is named "Abdel Rahmane": the honorific before the name keeps it a name.
    return source.kind == "unknown" and source.text is not None and source.text.endswith(source.name) \
        and name_patterns().proper_name.match(source.text) is not None


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
            return resolve_phrase(text, folded, chunk_start + citing.end(), chunk_end, _CITING, sources)
        if _APPOSITION_RE.match(piece):
            continue  # "l'OSDH, qui dispose d'un réseau de sources, a indiqué": look further back
        found = _subject(text, folded, chunk_start, chunk_end, cue, sources)
        if len(found) == 1 and _named_only(found[0]) and index + 1 < len(chunks):
            # "Un porte-parole de l'armée russe, Igor Konachenkov, a affirmé": the name's role says who.
            role = resolve_phrase(text, folded, chunks[index + 1][0], chunks[index + 1][1], cue, sources)
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
        return resolve_phrase(text, folded, start, end, cue, sources)
    found = resolve_phrase(text, folded, clause.end(), end, cue, sources)
    if found or _holds_verb(text, folded, start, end, sources):
        return found
    return resolve_phrase(text, folded, start, end, cue, sources)


_QUOTED_NAME_BEFORE_RE = re.compile(PACK["quoted_name_before"])
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
