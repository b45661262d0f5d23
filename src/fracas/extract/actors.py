"""Actor mentions: dictionary aliases and "<military noun> <demonym>" patterns, with character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fracas.resolve.actors import ActorDictionary, ActorEntry
from fracas.text import alias_pattern, fold

@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    entry: ActorEntry | None  # None: a generic word ("l'armée", "les rebelles") resolved by the country later
    generic: str | None = None  # the kind a generic mention names: `generic_words` of data/actors.yaml


class ActorFinder:
    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self._aliases = alias_pattern(dictionary.aliases)
        demonyms = "|".join(sorted(map(re.escape, dictionary.demonyms), key=len, reverse=True))
        nouns = "|".join(sorted(map(re.escape, dictionary.military_nouns), key=len, reverse=True))
        # "l'armée syrienne", "des avions russes", "les forces armées maliennes", "l'aviation du régime syrien"
        self._forces = re.compile(
            rf"(?<![\w])(?:{nouns})(?:\s+(?:armees|speciales|de\s+securite|gouvernementales|de\s+l'air|de\s+combat"
            rf"|aeriennes?|de\s+(?:missiles?|drones?|l'armee)))?"
            rf"\s+(?P<demonym>{demonyms})(?![\w])"
        )
        police = "|".join(sorted(map(re.escape, dictionary.police_nouns), key=len, reverse=True))
        self._police = re.compile(rf"(?<![\w])(?:{police})\s+(?P<demonym>{demonyms})(?![\w])")
        self._generic = alias_pattern(dictionary.generic_words)

    def find(self, text: str) -> list[ActorMention]:
        folded = fold(text)
        found: list[ActorMention] = []
        taken = bytearray(len(folded))  # 1 where a mention already stands: checked in its span's length

        def free(start: int, end: int) -> bool:
            return not any(taken[start:end])

        def take(span: tuple[int, int]) -> None:
            taken[span[0]:span[1]] = b"\x01" * (span[1] - span[0])

        for match in self._police.finditer(folded):
            forces = self.dictionary.demonyms[match.group("demonym")]
            gendarmerie = match.group().startswith("gendarm")
            entry = self.dictionary.gendarmerie_of(forces) if gendarmerie else self.dictionary.police_of(forces)
            found.append(ActorMention(match.start(), match.end(), text[match.start():match.end()], entry))
            take(match.span())
        for match in self._forces.finditer(folded):
            if free(*match.span()):
                entry = self.dictionary.demonyms[match.group("demonym")]
                found.append(ActorMention(match.start(), match.end(), text[match.start():match.end()], entry))
                take(match.span())
        for match in self._aliases.finditer(folded):
            if free(*match.span()):
                entry = self.dictionary.aliases[_squash(match.group())]
                found.append(ActorMention(match.start(), match.end(), text[match.start():match.end()], entry))
                take(match.span())
        for match in self._generic.finditer(folded):
            if free(*match.span()):
                generic = self.dictionary.generic_words[_squash(match.group())]
                found.append(ActorMention(match.start(), match.end(), text[match.start():match.end()], None, generic))
                take(match.span())
        return _drop_vague_before_named(sorted(found, key=lambda m: m.start), folded)


def _squash(text: str) -> str:
    """The alias key of a matched text: single spaces (the pattern accepts hyphens and runs of spaces)."""
    return re.sub(r"[\s]+", " ", text)


VAGUE = {"Jihadist Groups", "Unidentified Armed Group", "Gang (Haiti)", "Bandits (Nigeria)"}
OF_JOIN = re.compile(r"^\s+(?:du|de\s+la|de\s+l'|de|d'|des)\s*$")
# "des hommes armés, appartenant au mouvement indépendantiste de l'Ambazonie", "des hommes armés habillés
# en tenue de chasseurs dozos", "des djihadistes liés à l'État islamique", "le gang “Gran Grif”", "le gang
# dirigé par Ti Lapli": the words between a vague mention and a named group that say they are one actor.
SAME_ACTOR_JOIN = re.compile(
    r"^[\s,«»\"“”(]*(?:(?:appartenant|affilie|lie|rattache|membre|proche|issu)e?s?\s+(?:a|au|aux|du|des|de)"
    r"|se\s+reclamant\s+(?:du|de|des)|identifies?\s+comme(?:\s+etant)?|soupconnes?\s+d'appartenir\s+(?:a|au|aux)"
    r"|habilles?\s+en\s+(?:tenue|tenues)\s+de|dirige\s+par|(?:du|de)\s+la\s+coalition)"
    r"(?:\s+[\w'-]+){0,4}?[\s«»\"“”(]*$")
QUOTES_ONLY = re.compile(r"^[\s«»\"“”(]*$")
ARMED_GROUP_KINDS = ("rebel_group", "political_militia", "identity_militia", "external_other")


def _joined(vague: ActorMention, named: ActorMention, folded: str) -> bool:
    gap = folded[vague.end:named.start]
    if OF_JOIN.match(gap):
        return True
    if named.entry is None or named.entry.kind not in ARMED_GROUP_KINDS:
        return False
    # A gang word right before a gang's name is its apposition ("le gang “Gran Grif”"); a descriptor
    # ("appartenant au", "liés à") joins any vague word to the group it names.
    gang = vague.entry is not None and vague.entry.name == "Gang (Haiti)"
    return (gang and bool(QUOTES_ONLY.match(gap))) or (len(gap) <= 60 and bool(SAME_ACTOR_JOIN.match(gap)))


def _drop_vague_before_named(mentions: list[ActorMention], folded: str) -> list[ActorMention]:
    """"les rebelles du M23", "les jihadistes de l'EI": the named group is the actor, not the vague word;
    "les bandits du gang “Gran Grif”": a vague word joined to a vague word that names the group goes too."""
    kept: list[ActorMention] = []
    named: ActorMention | None = None  # the named group the mentions after this one stand for, if any
    for index in range(len(mentions) - 1, -1, -1):
        mention = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        vague = mention.entry is None or mention.entry.name in VAGUE
        if not vague:
            named = mention
        elif following is not None and named is not None and following.entry is not None \
                and (following is named or _joined(following, named, folded)) and _joined(mention, following, folded):
            continue
        else:
            named = None
        kept.append(mention)
    return kept[::-1]
