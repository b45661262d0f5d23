"""Claim sources: who a dispatch says the information comes from, and how much to believe it.

`SourceDictionary` maps the words naming a source ("l'OSDH", "la télévision d'Etat") to a canonical
`Source`; `grade_confidence` turns the sources of one event into the contract's Airwars-style grade.
The dictionary's source file is data/sources.yaml (its header documents the fields and choices); the
package reads the JSON that data/scripts/build_resources.py generates from it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

import yaml

from fracas.errors import ResourceError
from fracas.model import Actor, Confidence, Source, SourceKind
from fracas.resources import load_resource
from fracas.text import fold

# Kinds that do not fight: an independent monitor. Everything else (government, state_media,
# armed_group) speaks for a party to the conflict; `unknown` is neither and never makes a grade better.
INDEPENDENT_KINDS: frozenset[str] = frozenset({"ngo", "un_agency", "witness", "media", "local_official"})
PARTY_KINDS: frozenset[str] = frozenset({"government", "state_media", "armed_group"})

_SOURCE_KINDS = frozenset(get_args(SourceKind))
_ARTICLE_RE = re.compile(r"^(?:le |la |les |l')")
_PARTY_ACTOR_KINDS = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia"})




@dataclass(frozen=True)
class SourceEntry:
    """One dictionary entry: a canonical source, its aliases, and the party it speaks for, if any."""

    name: str
    kind: SourceKind
    aliases: tuple[str, ...]
    belligerent_country: str | None = None  # ISO alpha-3 of the fighting state it speaks for
    armed_group: str | None = None  # actor name of the non-state party it speaks for
    generic_party: str | None = None  # actor kind an unnamed party speaker speaks for
    generic: bool = False  # named only by its kind ("un habitant"): any named source in the phrase wins
    alone: tuple[str, ...] = ()  # aliases that count only as the whole phrase ("Moscou")


class SourceDictionary:
    """Canonical claim sources and their aliases, matched case- and accent-insensitively on whole words."""

    def __init__(self, entries: Sequence[SourceEntry]) -> None:
        self.entries: tuple[SourceEntry, ...] = tuple(entries)
        self._by_name = {entry.name: entry for entry in self.entries}
        # One alternation, longest aliases first, so a scan can find every alias occurrence.
        aliases = sorted(
            {(_key(alias), entry.name) for entry in self.entries for alias in entry.aliases},
            key=lambda pair: (-len(pair[0]), pair[0], pair[1]),
        )
        self._alias_owner: dict[str, SourceEntry] = {}
        for alias, name in aliases:
            self._alias_owner.setdefault(alias, self._by_name[name])
        self._alone_owner: dict[str, SourceEntry] = {}
        for entry in self.entries:
            for alias in entry.alone:
                self._alone_owner.setdefault(_ARTICLE_RE.sub("", _key(alias)), entry)

    def names_organisation(self, text: str) -> bool:
        """Whether `text` is the name of an organisation or outlet ("ONU", "Croissant-Rouge", "RFI"): never a
        place, whatever a gazetteer's alternate names say. Governments are left out: "Moscou" is a city too."""
        owner = self._alias_owner.get(_ARTICLE_RE.sub("", _key(text.strip())))
        return owner is not None and owner.kind in ("ngo", "un_agency", "media", "state_media", "armed_group")

    @classmethod
    def load(cls, path: str | Path | None = None) -> SourceDictionary:
        """The packaged dictionary (built from data/sources.yaml), or the YAML file at `path`."""
        return _load_cached(str(path) if path is not None else None)

    @classmethod
    def from_data(cls, data: Any, *, origin: str) -> SourceDictionary:
        """The dictionary from parsed data/sources.yaml content."""
        if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
            raise ResourceError(f"{origin} has no `sources:` list; see the header of data/sources.yaml")
        return cls([_entry(raw, origin, index) for index, raw in enumerate(data["sources"])])

    @classmethod
    def from_yaml(cls, text: str, *, origin: str = "<yaml>") -> SourceDictionary:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as err:
            raise ResourceError(f"{origin} is not valid YAML ({err}); fix the file") from err
        return cls.from_data(data, origin=origin)

    def entry(self, name: str) -> SourceEntry | None:
        """The entry whose canonical name is `name`."""
        return self._by_name.get(name)

    def lookup(self, text: str) -> Source | None:
        """The source the words `text` name, or None. A named source beats a generic one ("un
        porte-parole de l'armée russe" is the Russian ministry); among either, the longest alias wins."""
        folded = _key(text)
        alone = self._alone_owner.get(_ARTICLE_RE.sub("", folded.strip()))
        if alone is not None:
            return Source(name=alone.name, kind=alone.kind, text=text)
        # Every occurrence of every alias, overlapping ones included, so the named-beats-generic rule
        # can see "armée russe" inside "porte-parole de l'armée russe".
        matches = [(start, end, self._alias_owner[folded[start:end]]) for start, end in self.alias_spans(text)]
        if not matches:
            return None
        best = max(matches, key=lambda m: (not m[2].generic, m[1] - m[0], -m[0]))
        return Source(name=best[2].name, kind=best[2].kind, text=text)

    def alias_spans(self, text: str) -> list[tuple[int, int]]:
        """Where aliases occur in `text` (offsets into its folded form, which has the same length)."""
        folded = _key(text)
        spans = []
        for alias in self._alias_owner:
            start = folded.find(alias)
            while start != -1:
                if _whole_word(folded, start, start + len(alias)):
                    spans.append((start, start + len(alias)))
                start = folded.find(alias, start + 1)
        return spans

    def is_party(self, source: Source, actor: Actor) -> bool:
        """Whether `source` speaks for `actor`'s side: the actor's own state or group acknowledging it."""
        entry = self._by_name.get(source.name)
        if entry is None or actor is None:
            return False
        if entry.armed_group is not None:
            return entry.armed_group == actor.name
        if entry.belligerent_country is not None:
            return entry.belligerent_country == actor.country and actor.kind == "state_forces"
        if entry.generic_party is not None:
            # An unnamed "l'armée" speaks for the state forces of the dispatch; an unnamed rebel speaker
            # for any non-state fighting group. Which one is not in the words, so any of that kind.
            if entry.generic_party == "state_forces":
                return actor.kind == "state_forces"
            return actor.kind in _PARTY_ACTOR_KINDS - {"state_forces"}
        return False


@lru_cache(maxsize=4)
def _load_cached(path: str | None) -> SourceDictionary:
    if path is None:
        return SourceDictionary.from_data(load_resource("sources"), origin="fracas/resources/sources.json")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise ResourceError(f"cannot read the source dictionary {path} ({err}); reinstall fracas") from err
    return SourceDictionary.from_yaml(text, origin=path)


def _key(text: str) -> str:
    """`text` folded, a hyphen read as a space: "Croix Rouge libanaise" is "Croix-Rouge libanaise". Same length."""
    return fold(text).replace("-", " ")


def _whole_word(folded: str, start: int, end: int) -> bool:
    before = folded[start - 1] if start > 0 else " "
    after = folded[end] if end < len(folded) else " "
    return not before.isalnum() and before != "_" and not after.isalnum() and after != "_"


def _entry(raw: Any, origin: str, index: int) -> SourceEntry:
    where = f"{origin}: source #{index + 1}"
    if not isinstance(raw, dict) or not raw.get("name"):
        raise ResourceError(f"{where} has no name; every source needs `name:` and `kind:`")
    if raw.get("kind") not in _SOURCE_KINDS:
        raise ResourceError(
            f"{where} ({raw['name']}) has kind {raw.get('kind')!r}; use one of {sorted(_SOURCE_KINDS)}"
        )
    aliases_by_lang = raw.get("aliases") or {}
    if not isinstance(aliases_by_lang, dict):
        raise ResourceError(f"{where} ({raw['name']}): `aliases:` must map a language to a list")
    aliases = tuple(str(alias) for values in aliases_by_lang.values() for alias in values or ())
    return SourceEntry(
        name=str(raw["name"]),
        kind=raw["kind"],
        aliases=aliases,
        belligerent_country=raw.get("belligerent_country"),
        armed_group=raw.get("armed_group"),
        generic_party=raw.get("generic_party"),
        generic=bool(raw.get("generic", False)),
        alone=tuple(str(alias) for alias in raw.get("alone") or ()),
    )


def lookup(text: str) -> Source | None:
    """`SourceDictionary.load().lookup(text)`."""
    return SourceDictionary.load().lookup(text)


def is_party(source: Source, actor: Actor, *, dictionary: SourceDictionary | None = None) -> bool:
    """Whether `source` speaks for `actor`'s side (see `SourceDictionary.is_party`)."""
    return (dictionary or SourceDictionary.load()).is_party(source, actor)


def grade_confidence(
    sources: Sequence[Source],
    *,
    perpetrator: Actor | None = None,
    disputed: bool = False,
    has_specifics: bool = False,
    dictionary: SourceDictionary | None = None,
) -> Confidence:
    """The contract's Airwars-style grade of one event's sources.

    contested  the sources disagree on who did it or what was hit (`disputed`, decided by the caller);
    confirmed  the perpetrator's own side acknowledges it and an independent source reports it;
    fair       two or more independent sources, or one with specifics (`has_specifics`: place and toll);
    weak       anything else: one source, only parties to the conflict, unknown sources, or none.
    The same source named twice counts once.
    """
    if disputed:
        return "contested"
    independent = {source.name for source in sources if source.kind in INDEPENDENT_KINDS}
    if perpetrator is not None and independent:
        dictionary = dictionary or SourceDictionary.load()
        if any(dictionary.is_party(source, perpetrator) for source in sources):
            return "confirmed"
    if len(independent) >= 2 or (len(independent) == 1 and has_specifics):
        return "fair"
    return "weak"
