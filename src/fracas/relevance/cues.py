"""The relevance cue pack of a language (data/<lang>/relevance.yaml), compiled once.

Every list is matched on folded text (lower case, no accents, offsets kept) as whole words; an entry
ending in `*` accepts any ending, and a `~` between two words accepts up to five words between them
("executer ~ mandat"). Code here knows no French: the words and weights are data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fracas.errors import ResourceError
from fracas.resources import load_resource
from fracas.text import fold

# Actor kinds whose names (from the actor dictionary) put a text in a conflict frame by themselves.
ARMED_GROUP_KINDS = ("rebel_group", "political_militia", "identity_militia")


# Between two words of an entry: spaces, and the quotation marks a dispatch puts round a word
# (la manifestation du « terrorisme international »).
SEP = r"[\s\"«»“”]+"
GAP = rf"(?:{SEP}[\w'-]+){{0,5}}?{SEP}"  # `~`: up to five words between two words of an entry


def _entry(word: str) -> str:
    """The regex of one entry: words joined by spaces, `*` for any ending of a word, `~` for a short gap."""
    def piece(token: str) -> str:
        return re.escape(token[:-1]) + r"[\w-]*" if token.endswith("*") else re.escape(token)
    return GAP.join(SEP.join(piece(t) for t in part.split()) for part in word.split("~"))


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One regex for a list of cue words: whole words, `*` for any ending, `~` for a gap, longest first."""
    entries = sorted({fold(str(w)).strip() for w in words if str(w).strip()}, key=len, reverse=True)
    if not entries:
        return re.compile(r"(?!x)x")  # an empty list matches nothing
    if any(not entry[0].isalnum() for entry in entries):
        return re.compile(r"(?<![\w-])(?:" + "|".join(_entry(e) for e in entries) + r")(?![\w-])")
    return re.compile("(?:" + "|".join(_by_first_letter(entries)) + r")(?![\w-])")


def _by_first_letter(entries: list[str]) -> list[str]:
    """The entries grouped by their first letter, the word-start check after that letter: the same
    matches as one flat alternation (an entry can only match where its first letter is, and the order
    of the entries within a letter is kept), but the regex engine then skips every position whose
    letter starts no entry instead of trying each entry there, which makes it several times faster."""
    groups: dict[str, list[str]] = {}
    for entry in entries:
        groups.setdefault(entry[0], []).append(_entry(entry)[len(re.escape(entry[0])):])
    return [f"{re.escape(letter)}(?<![\\w-]{re.escape(letter)})(?:{'|'.join(rests)})"
            for letter, rests in groups.items()]


def pair_pattern(firsts: Iterable[str], seconds: Iterable[str]) -> re.Pattern[str]:
    """Whole words of the first list followed by one of the second ("avions russes"), as one regex:
    two short alternations, not every pair spelt out (which makes the regex slow)."""
    def alternation(words: Iterable[str]) -> str:
        ordered = sorted({fold(str(w)).strip() for w in words if str(w).strip()}, key=len, reverse=True)
        return "|".join(r"\s+".join(re.escape(piece) for piece in w.split()) for w in ordered)
    return re.compile(rf"(?<![\w-])(?:{alternation(firsts)})\s+(?:{alternation(seconds)})(?![\w-])")


_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Frame:
    """A named list of cue words and what each distinct word found counts."""

    name: str
    weight: int
    pattern: re.Pattern[str]

    def found(self, folded: str, text: str, start: int = 0, end: int | None = None) -> dict[str, str]:
        """The distinct cue words of the frame in folded[start:end]: folded form -> the words as written."""
        words: dict[str, str] = {}
        for key, (s, e) in self.spans(folded, start, end):
            words.setdefault(key, text[s:e])
        return words

    def spans(self, folded: str, start: int = 0, end: int | None = None) -> list[tuple[str, tuple[int, int]]]:
        """Each match of the frame in folded[start:end]: its folded form and where it is."""
        return [(_SPACES.sub(" ", m.group()), m.span())
                for m in self.pattern.finditer(folded, start, len(folded) if end is None else end)]


@dataclass(frozen=True)
class CuePack:
    triggers: re.Pattern[str]
    sense_words: frozenset[str]
    conflict: tuple[Frame, ...]
    nonconflict: tuple[Frame, ...]
    relevant_threshold: int
    not_acts: re.Pattern[str]  # phrases in which a trigger word names a thing, not an act ("avion de combat")
    always_acts: re.Pattern[str]  # phrases in which a sense-dependent trigger reports an act in any frame
    death_words: frozenset[str]  # triggers that report a death, whatever caused it
    accidental_causes: re.Pattern[str]  # causes of death that are no one's act ("dans le crash")
    hostile_causes: re.Pattern[str]  # words that put an act of violence back beside an accidental cause


def _frames(raw: dict[str, Any], default_weight: int, where: str) -> tuple[Frame, ...]:
    try:
        return tuple(Frame(name, int(row.get("weight", default_weight)), word_pattern(row["words"]))
                     for name, row in raw.items())
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ResourceError(f"{where}: each frame needs a list `words` and an optional integer `weight` ({err}); "
                            "fix the file and run `fracas resources build`") from err


@lru_cache(maxsize=None)
def cue_pack(language: str = "fr") -> CuePack:
    """The compiled relevance cues of a language pack, with the armed groups of the actor dictionary."""
    from fracas.resolve.actors import default_actor_dictionary

    where = f"data/{language}/relevance.yaml"
    data = load_resource(f"{language}_relevance")
    missing = [key for key in ("thresholds", "triggers", "sense_words", "conflict", "nonconflict") if key not in data]
    if missing:
        raise ResourceError(f"{where} lacks {missing}; add them and run `fracas resources build`")
    actors = default_actor_dictionary()
    groups = [alias for alias, entry in actors.aliases.items() if entry.kind in ARMED_GROUP_KINDS]
    # "des avions russes", "l'armée malienne": a military noun and a demonym name a state's forces.
    conflict = _frames(data["conflict"], 2, where) + (
        Frame("armed_groups", 2, word_pattern(groups)),
        Frame("state_forces", 2, pair_pattern(actors.military_nouns, actors.demonyms)))
    # Every first word of the event lexicon is a trigger too, so the gate never hides what extraction reads.
    lexicon = [form for entry in load_resource("triggers")["triggers"] for form in entry["words"][0]]
    return CuePack(
        triggers=word_pattern([*data["triggers"], *lexicon]),
        sense_words=frozenset(fold(w) for w in data["sense_words"]),
        conflict=conflict,
        nonconflict=_frames(data["nonconflict"], 1, where),
        relevant_threshold=int(data["thresholds"]["relevant"]),
        not_acts=word_pattern(data.get("not_acts", [])),
        always_acts=word_pattern(data.get("always_acts", [])),
        death_words=frozenset(fold(w) for w in data.get("death_words", [])),
        accidental_causes=word_pattern(data.get("accidental_causes", [])),
        hostile_causes=word_pattern(data.get("hostile_causes", [])),
    )
