"""The language rule pack and the sub-type policy table, loaded once and typed.

French words live in `data/fr/*.yaml` (packaged as `resources/fr_*.json`); the behaviour of each ACLED
sub-type lives in `data/subtypes.yaml`. Code that uses them knows no French and no sub-type by name:
a new sub-type is a row of the table, a second language a second pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from fracas.errors import ResourceError
from fracas.model import EVENT_TYPE_OF_SUB_TYPE
from fracas.resources import load_resource

RoleRule = Literal["perpetrator", "sides", "crowd"]
CrowdOpponent = Literal["police", "hit_or_police", "none"]
Told = Literal["generic", "precise", "intervention"]
ROLE_CUE_NAMES = ("target", "agent", "held_by", "victims_verb", "between_sides", "coordinated", "genitive", "support",
                  "unclaimed", "repelled", "defender", "attacker",
                  "installation")


@dataclass(frozen=True)
class SubtypePolicy:
    """One row of the policy table: how an event of this sub-type is assembled."""

    sub_event_type: str
    event_type: str
    roles: RoleRule
    crowd_opponent: CrowdOpponent | None = None
    one_sided: bool = False  # a development with one party: other actors named are context
    toll: bool = True  # a casualty figure may attach
    civilian_victims: bool = False  # the victims are civilians: fighters' dead told later are another act's
    checks: tuple[str, ...] = ()  # coherence checks an event must pass (src/fracas/extract/coherence.py)
    told: Told | None = None  # how a retelling in another sub-type's words merges with it (merging.py)
    with_intervention: str | None = None  # the sub-type a demonstration becomes when the police intervene
    open_perpetrator: str = "group"  # who an unnamed perpetrator is: the dispatch's one group, or its forces


@dataclass(frozen=True)
class RoleCues:
    """The compiled role cues of one language (regular expressions over folded text)."""

    target: re.Pattern[str]
    agent: re.Pattern[str]
    held_by: re.Pattern[str]
    victims_verb: re.Pattern[str]
    between_sides: re.Pattern[str]
    coordinated: re.Pattern[str]
    genitive: re.Pattern[str]
    support: re.Pattern[str]
    unclaimed: re.Pattern[str]  # "n'a pas été revendiqué": no group named elsewhere is the perpetrator
    repelled: re.Pattern[str]  # "ont repoussé les assaillants": the side repelled struck first
    defender: re.Pattern[str]  # "les soldats ont riposté": the side that fights back was struck
    attacker: re.Pattern[str]  # "les assaillants": an actor whose own name says it struck first
    installation: re.Pattern[str]  # "un poste militaire": an actor named by the post it holds is hit


@lru_cache(maxsize=None)
def subtype_policies() -> dict[str, SubtypePolicy]:
    """The policy table, checked against the record contract's sub-types."""
    rows = load_resource("subtypes")["subtypes"]
    policies = {name: SubtypePolicy(sub_event_type=name, **{**row, "checks": tuple(row.get("checks", ()))})
                for name, row in rows.items()}
    missing = sorted(set(EVENT_TYPE_OF_SUB_TYPE) - set(policies))
    unknown = sorted(set(policies) - set(EVENT_TYPE_OF_SUB_TYPE))
    wrong = sorted(n for n, p in policies.items() if EVENT_TYPE_OF_SUB_TYPE.get(n, p.event_type) != p.event_type)
    if missing or unknown or wrong:
        raise ResourceError(
            f"data/subtypes.yaml does not match the record contract: missing {missing}, unknown {unknown}, "
            f"wrong event type {wrong}; fix the table and run `fracas resources build`"
        )
    return policies


def policy_of(sub_event_type: str) -> SubtypePolicy:
    return subtype_policies()[sub_event_type]


@lru_cache(maxsize=None)
def role_cues(language: str = "fr") -> RoleCues:
    """The role cues of a language pack, each compiled from its list of alternatives."""
    cues = load_resource(f"{language}_roles")["cues"]
    absent = [name for name in ROLE_CUE_NAMES if name not in cues]
    if absent:
        raise ResourceError(f"data/{language}/roles.yaml lacks the cues {absent}; add them and rebuild")
    try:
        compiled = {name: re.compile("|".join(cues[name]["any"])) for name in ROLE_CUE_NAMES}
    except re.error as err:
        raise ResourceError(f"data/{language}/roles.yaml has a pattern that does not compile: {err}") from err
    return RoleCues(**compiled)
