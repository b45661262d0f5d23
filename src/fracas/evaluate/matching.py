"""Pairing predicted events with gold events, and the per-field agreement used both to pair and to score.

A predicted and a gold event may be paired (are *admissible*) when they have the same event_type and
the same place:
  - not in two different countries (when both give a country), and
  - the same admin1 name after folding accents, case and punctuation ("Deir ez-Zor" = "deir-ez-zor"), or
  - within 25 km of each other when both have coordinates, or
  - both placed only at country level.
Among admissible pairs, the one-to-one assignment first maximises the number of pairs, then the number
of agreeing fields, so that with two strikes in Hama the gold strike on Latamneh is paired with the
predicted one that has Latamneh's toll and date.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from fracas.evaluate.gold import GoldEvent, GoldPlace
from fracas.model import Actor, Event, Place
from fracas.text import without_country_qualifier

RADIUS_KM = 25.0
TOLERANCE = 0.20  # fatalities within ±20 % of the gold figure
_NON_ALNUM = re.compile(r"[^0-9a-z]+")




def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: how admin1 names are compared."""
    return _NON_ALNUM.sub("", _strip_accents(text).casefold())


def fold_words(text: str) -> str:
    """Lower-case ASCII words separated by single spaces: how place words are looked up in a text."""
    return " ".join(_NON_ALNUM.sub(" ", _strip_accents(text).casefold()).split())


def occurs_in(needle: str, haystack: str) -> bool:
    """Whether `needle` occurs as whole words in `haystack`, ignoring accents, case and punctuation."""
    folded = fold_words(needle)
    return bool(folded) and f" {folded} " in f" {fold_words(haystack)} "


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def same_place(gold: GoldPlace, pred: Place) -> bool:
    if gold.country and pred.country and gold.country.upper() != pred.country.upper():
        return False  # "Centre" is an admin1 of both Burkina Faso and Haiti
    if gold.admin1 and pred.admin1 and fold(gold.admin1) == fold(pred.admin1):
        return True
    if within_radius(gold, pred):
        return True
    return (
        gold.is_country_level
        and pred.precision == "country"
        and gold.country is not None
        and pred.country is not None
    )


def within_radius(gold: GoldPlace, pred: Place) -> bool:
    if gold.lat is None or gold.lon is None or pred.lat is None or pred.lon is None:
        return False
    return distance_km(gold.lat, gold.lon, pred.lat, pred.lon) <= RADIUS_KM


def admissible(gold: GoldEvent, pred: Event) -> bool:
    return gold.event_type == pred.event_type and same_place(gold.location, pred.location)


@dataclass(frozen=True)
class FieldSpec:
    """One scored field: when the gold asserts it, whether a prediction is right, and the values shown."""

    name: str
    applies: Callable[[GoldEvent], bool]
    correct: Callable[[GoldEvent, Event], bool]
    gold_value: Callable[[GoldEvent], Any]
    pred_value: Callable[[Event], Any]


def _name_equal(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if fold(gold) == fold(pred):
        return True
    # A gold name coded without ACLED's country qualifier ("Civilians") is matched by the same actor
    # with one ("Civilians (Mali)"); a qualified gold name must be matched in full.
    return "(" not in gold and fold(without_country_qualifier(pred)) == fold(gold)


def _kind_country_equal(gold: tuple[str, str | None] | None, pred: Actor | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return gold == (pred.kind, pred.country)


def _kind_country(actor: Actor | None) -> list[str | None] | None:
    return [actor.kind, actor.country] if actor else None


def _actor2_kind_country_applies(gold: GoldEvent) -> bool:
    if gold.actor2_kind_country is not None:
        return True
    return "actor2" in gold.asserted and gold.actor2 is None and gold.actor1_kind_country is not None


def _within_tolerance(gold: int | None, pred: int | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return abs(pred - gold) <= TOLERANCE * gold


def _admin1_equal(gold: GoldEvent, pred: Event) -> bool:
    return _name_equal(gold.location.admin1, pred.location.admin1)


def _radius_applies(gold: GoldEvent) -> bool:
    return gold.location.precision == "place" and gold.location.lat is not None


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "sub_event_type",
        lambda g: "sub_event_type" in g.asserted,
        lambda g, p: g.sub_event_type == p.sub_event_type,
        lambda g: g.sub_event_type,
        lambda p: p.sub_event_type,
    ),
    FieldSpec(
        "actor1",
        lambda g: "actor1" in g.asserted,
        lambda g, p: _name_equal(g.actor1, p.actor1.name),
        lambda g: g.actor1,
        lambda p: p.actor1.name,
    ),
    FieldSpec(
        "actor2",
        lambda g: "actor2" in g.asserted,
        lambda g, p: _name_equal(g.actor2, p.actor2.name if p.actor2 else None),
        lambda g: g.actor2,
        lambda p: p.actor2.name if p.actor2 else None,
    ),
    # By kind and country, as ACLED's interaction codes read actors: a right "Civilians (Mali)" under
    # another spelling still counts here. Scored where the gold actor gives kind and country; a null
    # actor2 is scored too when the event's gold is coded that way (its actor1 gives kind and country):
    # a one-sided event must predict no target.
    FieldSpec(
        "actor1_kind_country",
        lambda g: g.actor1_kind_country is not None,
        lambda g, p: _kind_country_equal(g.actor1_kind_country, p.actor1),
        lambda g: list(g.actor1_kind_country or ()),
        lambda p: _kind_country(p.actor1),
    ),
    FieldSpec(
        "actor2_kind_country",
        _actor2_kind_country_applies,
        lambda g, p: _kind_country_equal(g.actor2_kind_country, p.actor2),
        lambda g: list(g.actor2_kind_country) if g.actor2_kind_country else None,
        lambda p: _kind_country(p.actor2),
    ),
    FieldSpec(
        "location_admin1",
        lambda g: "location.admin1" in g.asserted,
        _admin1_equal,
        lambda g: g.location.admin1,
        lambda p: p.location.admin1,
    ),
    FieldSpec(
        "location_25km",
        _radius_applies,
        lambda g, p: within_radius(g.location, p.location),
        lambda g: [g.location.lat, g.location.lon],
        lambda p: [p.location.lat, p.location.lon],
    ),
    FieldSpec(
        "event_date",
        lambda g: "event_date" in g.asserted,
        lambda g, p: g.event_date == p.event_date,
        lambda g: g.event_date,
        lambda p: p.event_date,
    ),
    FieldSpec(
        "fatalities",
        lambda g: "fatalities" in g.asserted,
        lambda g, p: g.fatalities == p.fatalities,
        lambda g: g.fatalities,
        lambda p: p.fatalities,
    ),
    FieldSpec(
        "fatalities_20pct",
        lambda g: "fatalities" in g.asserted,
        lambda g, p: _within_tolerance(g.fatalities, p.fatalities),
        lambda g: g.fatalities,
        lambda p: p.fatalities,
    ),
    FieldSpec(
        "civilian_fatalities",
        lambda g: "civilian_fatalities" in g.asserted,
        lambda g, p: g.civilian_fatalities == p.civilian_fatalities,
        lambda g: g.civilian_fatalities,
        lambda p: p.civilian_fatalities,
    ),
    # The set of source kinds must be equal: an extra kind is as wrong as a missing one, because the
    # confidence grade is computed from exactly this set.
    FieldSpec(
        "sources_kind",
        lambda g: "sources" in g.asserted,
        lambda g, p: g.source_kinds == frozenset(s.kind for s in p.sources),
        lambda g: sorted(g.source_kinds),
        lambda p: sorted({s.kind for s in p.sources}),
    ),
)
FIELD_NAMES: tuple[str, ...] = tuple(spec.name for spec in FIELDS)


def agreement(gold: GoldEvent, pred: Event) -> int:
    """How many of the fields the gold asserts the prediction gets right."""
    return sum(1 for spec in FIELDS if spec.applies(gold) and spec.correct(gold, pred))


def match(gold: Sequence[GoldEvent], predicted: Sequence[Event]) -> list[tuple[int, int]]:
    """Optimal one-to-one pairs (gold index, predicted index) among admissible pairs, sorted by gold index."""
    if not gold or not predicted:
        return []
    # Each pair is worth more than any sum of agreements over a whole assignment, so the number of
    # pairs is maximised first and agreement only breaks ties between equally large assignments.
    pair_bonus = len(FIELDS) * min(len(gold), len(predicted)) + 1
    weights = np.zeros((len(gold), len(predicted)))
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            if admissible(g, p):
                weights[i, j] = pair_bonus + agreement(g, p)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if weights[i, j] > 0)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
