"""The actor dictionary: aliases (several languages) -> canonical ACLED-style actors.

Built from the packaged `actors` resource (source: data/actors.yaml). Users extend it with their own
YAML file of the same shape (`ActorDictionary.load(extra=path)`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from fracas.errors import ResourceError
from fracas.model import Actor
from fracas.resources import load_resource
from fracas.text import fold

ACTOR_KINDS = {
    "state_forces", "rebel_group", "political_militia", "identity_militia",
    "rioters", "protesters", "civilians", "external_other",
}
UNIDENTIFIED = "Unidentified Armed Group"




@dataclass(frozen=True)
class ActorEntry:
    name: str
    kind: str
    country: str | None

    def actor(self, text: str | None) -> Actor:
        return Actor(name=self.name, kind=self.kind, country=self.country, text=text)  # type: ignore[arg-type]


def demonym_forms(masculine: str) -> tuple[str, ...]:
    """The four forms of a French demonym adjective: russe/russes, syrien/syrienne/syriens/syriennes ..."""
    if masculine.endswith("e") and not masculine.endswith("é"):
        feminine = masculine
    elif masculine.endswith("ien"):
        feminine = masculine + "ne"
    elif masculine.endswith("c"):  # turc -> turque
        feminine = masculine[:-1] + "que"
    else:
        feminine = masculine + "e"
    plural = masculine if masculine.endswith(("s", "x")) else masculine + "s"
    feminine_plural = feminine + "s"
    return tuple(dict.fromkeys((masculine, feminine, plural, feminine_plural)))


class ActorDictionary:
    """Aliases and demonyms, folded, each pointing at one canonical actor entry."""

    def __init__(self, entries: dict[str, ActorEntry], aliases: dict[str, ActorEntry],
                 military_nouns: frozenset[str], demonyms: dict[str, ActorEntry],
                 police_nouns: frozenset[str] = frozenset(),
                 missions: dict[str, ActorEntry] | None = None,
                 named_by_country: frozenset[str] = frozenset(),
                 country_names: dict[str, str] | None = None,
                 theatre_groups: dict[tuple[str, str], ActorEntry] | None = None,
                 coded_as_unidentified: frozenset[str] = frozenset(),
                 generic_words: dict[str, str] | None = None,
                 gendarmerie_military: frozenset[str] = frozenset(),
                 unidentified_abroad: frozenset[str] = frozenset()) -> None:
        self.entries = entries
        self.unidentified_abroad = unidentified_abroad  # national catch-alls ("Bandits (Nigeria)"): see in_country
        self.gendarmerie_military = gendarmerie_military  # alpha-3 of states whose gendarmerie is military
        self.generic_words = generic_words or {}  # folded common noun -> the kind it names (`generic_words`)
        self.theatre_groups = theatre_groups or {}
        self.coded_as_unidentified = coded_as_unidentified
        self.named_by_country = named_by_country
        self.country_names = country_names or {}
        self.missions = missions or {}
        self.aliases = aliases
        self.military_nouns = military_nouns
        self.police_nouns = police_nouns
        self.demonyms = demonyms
        self.forces_by_country = {entry.country: entry for entry in demonyms.values() if entry.country}

    @classmethod
    def load(cls, extra: Path | None = None) -> ActorDictionary:
        documents = [load_resource("actors")]
        if extra is not None:
            try:
                documents.append(yaml.safe_load(extra.read_text(encoding="utf-8")))
            except (OSError, yaml.YAMLError) as err:
                raise ResourceError(f"cannot read actor dictionary {extra}: {err}") from err
        entries: dict[str, ActorEntry] = {}
        aliases: dict[str, ActorEntry] = {}
        demonyms: dict[str, ActorEntry] = {}
        nouns: set[str] = set()
        police: set[str] = set()
        missions: dict[str, ActorEntry] = {}
        named_by_country: set[str] = set()
        country_names: dict[str, str] = {}
        theatre: dict[tuple[str, str], str] = {}
        unidentified: set[str] = set()
        abroad: set[str] = set()
        generic_words: dict[str, str] = {}
        gendarmerie_military: set[str] = set()
        for document in documents:
            _parse_theatres(document, theatre, unidentified, abroad)
            _parse_generic_words(document, generic_words, gendarmerie_military)
            named_by_country.update(document.get("named_by_country") or ())
            country_names.update({str(k).upper(): str(v) for k, v in (document.get("country_names") or {}).items()})
            _parse_document(document, entries, aliases, demonyms, nouns)
            police.update(fold(noun) for noun in document.get("police_nouns") or ())
            for raw in document["actors"]:
                for alpha2 in raw.get("deployed_in") or ():
                    missions[str(alpha2).upper()] = entries[raw["name"]]
        unknown = sorted(named_by_country - entries.keys())
        if unknown:
            raise ResourceError(f"named_by_country lists {unknown}, which are not actors of the dictionary; "
                                "list the `name` of an actor entry")
        _check_named(set(theatre.values()) | unidentified | abroad, entries)
        return cls(entries, aliases, frozenset(nouns), demonyms, frozenset(police), missions,
                   frozenset(named_by_country), country_names,
                   {key: entries[name] for key, name in theatre.items()}, frozenset(unidentified), generic_words,
                   frozenset(gendarmerie_military), frozenset(abroad))

    def by_name(self, name: str) -> ActorEntry:
        try:
            return self.entries[name]
        except KeyError as err:
            raise ResourceError(f"actor {name!r} is not in the actor dictionary (data/actors.yaml)") from err

    def forces_of(self, alpha3: str | None) -> ActorEntry | None:
        return self.forces_by_country.get(alpha3) if alpha3 else None

    def mission_in(self, alpha2: str | None) -> ActorEntry | None:
        """The UN peacekeeping mission deployed in a country ("les Casques bleus" in a Malian dispatch)."""
        return self.missions.get(alpha2.upper()) if alpha2 else None

    def theatre_group(self, key: str, alpha2: str | None) -> ActorEntry | None:
        """The group ACLED codes an unnamed party of a theatre as ("les séparatistes" in Cameroon are the
        Ambazonian Separatists), by the dictionary's `theatre_groups`; `key` is an actor's name or "rebels"."""
        return self.theatre_groups.get((key, alpha2.upper())) if alpha2 else None

    def in_country(self, actor: Actor, alpha2: str | None, alpha3: str | None, country_name: str | None) -> Actor:
        """A catch-all actor named after the country where it acts, as ACLED names it ("Civilians (Mali)");
        any other actor, or one with no known country, unchanged."""
        abroad = actor.name in self.unidentified_abroad and alpha3 is not None and actor.country != alpha3
        if actor.name in self.coded_as_unidentified or abroad:
            # "des jihadistes" named no group, "des bandits" outside Nigeria are not Nigeria's Bandits: ACLED
            # codes them as the country's unidentified armed group.
            actor = self.entries[UNIDENTIFIED].actor(actor.text)
        if actor.name not in self.named_by_country or alpha2 is None or country_name is None:
            return actor
        name = self.country_names.get(alpha2.upper(), country_name)
        return Actor(name=f"{actor.name} ({name})", kind=actor.kind, country=alpha3, text=actor.text)

    def gendarmerie_of(self, forces: ActorEntry | None) -> ActorEntry | None:
        """A state's gendarmerie: its military forces where the gendarmerie is military, else its police."""
        if forces is not None and forces.country in self.gendarmerie_military:
            return forces
        return self.police_of(forces)

    def police_of(self, forces: ActorEntry | None) -> ActorEntry | None:
        """A state's police, named after its military forces ("Police Forces of Nigeria")."""
        if forces is None:
            return None
        name = forces.name.replace("Military Forces", "Police Forces")
        return self.entries.get(name) or ActorEntry(name, "state_forces", forces.country)


def _parse_theatres(document: Any, theatre: dict[tuple[str, str], str], unidentified: set[str],
                    abroad: set[str]) -> None:
    """A document's `theatre_groups` ((key, alpha-2) -> actor name), `coded_as_unidentified` and
    `unidentified_abroad`."""
    unidentified.update(document.get("coded_as_unidentified") or ())
    abroad.update(document.get("unidentified_abroad") or ())
    for key, by_country in (document.get("theatre_groups") or {}).items():
        theatre.update({(str(key), str(alpha2).upper()): name for alpha2, name in by_country.items()})


GENERIC_KINDS = ("rebels", "forces", "security", "police", "gendarmerie", "peacekeepers")


def _parse_generic_words(document: Any, generic_words: dict[str, str], gendarmerie_military: set[str]) -> None:
    """A document's `generic_words` (kind -> common nouns), folded, as noun -> kind; and the states whose
    gendarmerie is military (`gendarmerie_military`)."""
    gendarmerie_military.update(str(code).upper() for code in (document or {}).get("gendarmerie_military") or ())
    for kind, words in ((document or {}).get("generic_words") or {}).items():
        if kind not in GENERIC_KINDS:
            raise ResourceError(f"generic_words has kind {kind!r}; use one of {list(GENERIC_KINDS)}")
        generic_words.update({fold(str(word)): kind for word in words})


def _check_named(names: set[str], entries: dict[str, ActorEntry]) -> None:
    unknown = sorted(names - entries.keys())
    if unknown:
        raise ResourceError(f"theatre_groups or coded_as_unidentified name {unknown}, which are not actors "
                            "of the dictionary; list the `name` of an actor entry")


def _parse_document(document: Any, entries: dict[str, ActorEntry], aliases: dict[str, ActorEntry],
                    demonyms: dict[str, ActorEntry], nouns: set[str]) -> None:
    if not isinstance(document, dict) or not isinstance(document.get("actors"), list):
        raise ResourceError("an actor dictionary must be a mapping with an `actors:` list (see data/actors.yaml)")
    for position, raw in enumerate(document["actors"], start=1):
        entry = _actor_entry(raw, position)
        entries[entry.name] = entry
        for names in (raw.get("aliases") or {}).values():
            for alias in names:
                aliases[fold(str(alias))] = entry
    for noun in document.get("military_nouns") or ():
        nouns.add(fold(noun))
    for masculine, (alpha3, forces_name) in (document.get("demonyms") or {}).items():
        entry = entries.get(forces_name) or ActorEntry(forces_name, "state_forces", alpha3)
        entries.setdefault(forces_name, entry)
        for form in demonym_forms(fold(masculine)):
            demonyms[form] = entry


def _actor_entry(raw: Any, position: int) -> ActorEntry:
    try:
        entry = ActorEntry(name=raw["name"], kind=raw["kind"], country=raw.get("country"))
    except (KeyError, TypeError) as err:
        raise ResourceError(f"actor entry #{position} needs name and kind: {raw!r}") from err
    if entry.kind not in ACTOR_KINDS:
        raise ResourceError(f"actor {entry.name!r} has kind {entry.kind!r}; use one of {sorted(ACTOR_KINDS)}")
    return entry


@lru_cache(maxsize=1)
def default_actor_dictionary() -> ActorDictionary:
    return ActorDictionary.load()
