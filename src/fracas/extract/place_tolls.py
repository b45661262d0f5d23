"""Tolls told place by place: one event per place an act's wave hit, each with its own toll.

"33 corps ont été découverts à Kilo et 8 à Matete", "à Blamonga, dix habitants ont été tués. Cinq autres
à Kpemboli": ACLED codes one event per location, with the act's sub-type, actors and day, and the toll
of that place. The parts replace the total they break down ("62 morts ... 33 à Kilo et 8 à Matete" gives
33 and 8, not 62 + 33 + 8). The words are data/fr/place_tolls.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from fracas.extract.casualties import CasualtyMention
from fracas.extract.places import PlaceMention
from fracas.model import Place
from fracas.resolve.numbers import find_quantities
from fracas.resources import pack_alternation, rule_pack
from fracas.text import fold

if TYPE_CHECKING:
    from fracas.extract.assemble import Draft

# A village beats its district, a district its province.
_RANK = {"country": 0, "admin1": 1, "admin2": 2, "place": 3}
_PART_PRECISIONS = ("place", "admin2")

Located = tuple[CasualtyMention, int, int, PlaceMention | None]  # a toll, its offsets, the place it is tied to


@dataclass(frozen=True)
class PlaceTollCues:
    tied_after: re.Pattern[str]
    fronted_before: re.Pattern[str]
    fronted_gap: re.Pattern[str]
    part_before: re.Pattern[str]
    part_after: re.Pattern[str]
    place_list_gap: re.Pattern[str]


@lru_cache(maxsize=None)
def place_toll_cues(language: str = "fr") -> PlaceTollCues:
    pack = rule_pack("place_tolls", language)

    def compiled(key: str, suffix: str = "") -> re.Pattern[str]:
        return re.compile(rf"(?:{pack_alternation(pack[key])}){suffix}")

    return PlaceTollCues(compiled("tied_after", r"\s*"), compiled("fronted_before", r"\s*$"), compiled("fronted_gap"),
                         compiled("part_before", r"\s*$"), compiled("part_after", r"\s*"),
                         compiled("place_list_gap"))


def located_tolls(text: str, offset: int, tolls: list[tuple[CasualtyMention, int, int]],
                  places: list[PlaceMention], killed_before: bool) -> list[Located]:
    """A sentence's tolls, each with the place its words tie it to (or None), and the bare figures that
    share a toll's verb at another place ("et 8 à Matete"; "Cinq autres à Kpemboli" after a sentence that
    told of the dead, `killed_before`). `text` is the sentence, starting at `offset` in the dispatch."""
    folded = fold(text)
    cues = place_toll_cues()
    parts = [p for p in places if p.place.precision in _PART_PRECISIONS and p.locates_acts]
    located: list[Located] = [(c, s, e, _tied_place(folded, offset, c, s, e, parts, cues)) for c, s, e in tolls]
    if not (killed_before or any(c.outcome == "killed" for c, _, _ in tolls)):
        return located
    located += _verbless_parts(text, folded, offset, tolls, parts, cues)
    return sorted(located, key=lambda item: item[1])


def _verbless_parts(text: str, folded: str, offset: int, tolls: list[tuple[CasualtyMention, int, int]],
                    parts: list[PlaceMention], cues: PlaceTollCues) -> list[Located]:
    located: list[Located] = []
    taken = [(s, e) for _, s, e in tolls]
    for quantity in find_quantities(text):
        start, end = offset + quantity.start, offset + quantity.end
        best = quantity.quantity.best
        if not best or any(s < end and start < e for s, e in taken) \
                or not cues.part_before.search(folded, 0, quantity.start):
            continue
        place = next((p for p in parts if cues.part_after.fullmatch(folded, quantity.end, p.start - offset)), None)
        if place is not None:
            part = CasualtyMention(quantity.start, quantity.end, "killed", quantity.quantity.low, best,
                                   quantity.quantity.high, None, "")
            located.append((part, start, end, place))
    return located


def _tied_place(folded: str, offset: int, casualty: CasualtyMention, start: int, end: int,
                places: list[PlaceMention], cues: PlaceTollCues) -> PlaceMention | None:
    if casualty.outcome != "killed":
        return None
    for place in places:
        if place.start >= end and cues.tied_after.fullmatch(folded, end - offset, place.start - offset):
            listed = any(cues.place_list_gap.fullmatch(folded, place.end - offset, p.start - offset) for p in places)
            return None if listed else place
        if place.end <= start and cues.fronted_gap.fullmatch(folded, place.end - offset, start - offset) \
                and cues.fronted_before.search(folded, 0, place.start - offset):
            return place
    return None


def draft_at_place(target: Draft, place: PlaceMention, drafts: list[Draft], violent: list[Draft],
                   parted: set[int]) -> Draft:
    """The act at `place` of the wave `target` tells of: the target itself when it is there (or the place
    is its district or province), an act already drafted there, the target moved there when it is placed
    only at the area holding the place (its total then gives way to the parts), else a new act there with
    the target's sub-type, actors and day. `parted`: the ids of the drafts whose toll is told by place."""
    location = target.location
    if place.place.name == location.name or place.place.country != location.country \
            or place.place.precision != "place" and place.place.name in (location.admin2, location.admin1):
        return target
    kind = target.mention.sub_event_type
    there = next((d for d in drafts if d.mention.sub_event_type == kind and d.location.name == place.place.name), None)
    if there is not None:
        return there
    evidence = [e for e in target.evidence if e[0] != "location"] + [("location", place.start, place.end)]
    if id(target) not in parted and _holds(location, place) and location.admin1 in (None, place.place.admin1):
        parted.add(id(target))
        target.place, target.location, target.evidence = place, place.place, evidence
        _drop_killed(target)
        return target
    from fracas.extract.assemble import Toll  # assemble imports this module
    part = replace(target, place=place, location=place.place, evidence=evidence, toll=Toll(), sources=[],
                   sentences=set(target.sentences))
    parted.update((id(target), id(part)))
    drafts.append(part)
    violent.append(part)
    return part


def _holds(location: Place, place: PlaceMention) -> bool:
    """Whether an act's location is only the area the place lies in ("la localité de Djugu": the
    territoire's seat, named for the territoire)."""
    return _RANK[location.precision] < _RANK[place.place.precision] \
        or location.name in (place.place.admin2, place.place.admin1)


def _drop_killed(draft: Draft) -> None:
    """The total of an act told by place gives way to its parts."""
    toll = draft.toll
    toll.killed.clear()
    toll.civilian_counts.clear()
    toll.updates.clear()
    toll.rivals.clear()
    toll.spans[:] = [s for s in toll.spans if s[0] != "fatalities"]
