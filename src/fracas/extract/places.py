"""Place mentions in a dispatch, resolved with the gazetteer.

Candidates come from the proper names of the tagged text (`fracas.extract.place_names`) and from French place phrasing ("dans la province de Hama",
"celle d'Idleb", "à Daret Ezza", "le village de ..."); each is resolved in the dispatch's country and,
when the text puts it in a province, inside that province.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from spacy.tokens import Doc, Span

from fracas.extract.place_names import name_spans
from fracas.model import Place
from fracas.resolve.dateline import dateline_reader
from fracas.resources import rule_pack
from fracas.text import fold, in_illustration_caption

# "le préfet de l'Ouham-Pendé", "le gouverneur de Zamfara" name the province they govern.
ADMIN_WORDS = (r"provinces?|gouvernorats?|r[ée]gions?|[ée]tats?|pr[ée]fectures?|wilayas?|mohafazats?|pr[ée]fets?"
               r"|gouverneurs?")
# Units below a province (a Congolese territoire, a Malian cercle, a Nigerien département, a Lebanese caza)
# are named after their chief town: "le territoire de Beni" is looked up as the town, never as a province.
SUB_ADMIN_WORDS = r"territoires?|cercles?|d[ée]partements?|districts?|communes?|cazas?|qadas?|sous-pr[ée]fectures?"
# "à el-Facher", "d'al-Qaïm": an Arabic article written in lower case still opens the name.
NAME = r"(?:(?:el|al|an|ad|as|ar|ash|ech|es|et)-)?[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:[ \-](?:(?:al|el|ad|ad-|as|ar|an|ash|ech|es|et|de|du|des|la|le|ben|bin|ibn|abou|abu|d')[ \-]?)?[A-ZÀ-ÖØ-Þ][\w'’\-]*)*"
ADMIN_PHRASE = re.compile(
    rf"(?:{ADMIN_WORDS}|celle|celui)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])(?P<name>{NAME})"
)
SITE_PHRASE = re.compile(
    rf"(?:\b[àa]|\bpr[eè]s\s+de|\bpr[eè]s\s+d['’]|\bvillage\s+de|\bvillage\s+d['’]|\blocalit[ée]\s+de|\bville\s+de"
    rf"|\bville\s+d['’]|\bquartier\s+de|\bbourgade\s+de|\bsur|\bvers|\bentre|\bcontre|\bdans"
    # "dans les rues de N'Djamena", "les rues d'Abidjan": where a crowd marched.
    rf"|\brues\s+de|\brues\s+d['’])"
    # "la ville d'Ouallam": no space after an elided "d'".
    rf"(?:\s+|(?<=['’])\s*)(?:la\s+|le\s+|l['’]|les\s+)?(?P<name>{NAME})"
)
SUB_ADMIN_PHRASE = re.compile(
    rf"\b(?:{SUB_ADMIN_WORDS})\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])(?P<name>{NAME})")
# Countries named as where things happen ("en Syrie", "au Mali", "dans le nord du Niger"), not as parties
# ("hostiles à la France", "accuse la France").
COUNTRY_PHRASE = re.compile(
    rf"(?:\b(?:[Ee]n|[Aa]u|[Aa]ux)\s+|\b[Dd]ans\s+l(?:e|a|es|['’])\s*|(?:nord|sud|est|ouest|centre)(?:-\w+)?\s+"
    rf"(?:du\s+|de\s+la\s+|de\s+l['’]|des\s+))(?P<name>{NAME})")
RELATIVE = re.compile(
    r"(?:\b(?:nord|sud|est|ouest)(?:-(?:est|ouest))?|\bkm|kilom[eè]tres|\bmilles)\s+(?:de\s+|d['’]|du\s+)(?:la\s+|l['’])?$")
# "le quartier commerçant de Karrada": a neighbourhood is not in the gazetteer under its own name (a
# village elsewhere may share it); the city the sentence names places the act. ("le quartier Al-Ahrar de
# Bagdad" keeps Bagdad: the pattern wants a lower-case qualifier, if any; "les quartiers d'Alep" and
# "Canapé-Vert, un quartier de Port-au-Prince" name the city.)
NEIGHBOURHOOD = re.compile(r"\b(?:le|du|au)\s+quartier(?:\s+[a-zà-ÿ-]+)?\s+(?:de\s+|d['’]|du\s+)?$")
# "dans les provinces de Hama et d'Idleb": the second province of a coordination.
ADMIN_COORDINATION = re.compile(
    rf"(?:{ADMIN_WORDS})\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]){NAME}\s*(?:,\s*|\s+et\s+)"
    rf"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?(?P<name>{NAME})")
# Capitalised words that open sentences or name days and months, never places.
NOT_PLACES = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "fevrier", "mars",
    "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "le", "la",
    "les", "un", "une", "des", "selon", "il", "elle", "ils", "ce", "cette", "ces", "depuis", "dans", "au",
}


class GazetteerLike(Protocol):
    def is_capital(self, place: Place) -> bool: ...
    def find_place(self, name: str, *, country: str | None = None, admin1: str | None = None) -> Place | None: ...
    def find_admin1(self, name: str, *, country: str | None = None) -> Place | None: ...
    def find_admin2(self, name: str, *, country: str | None = None) -> Place | None: ...
    def find_country(self, name: str) -> str | None: ...
    def admin1_countries(self, name: str) -> frozenset[str]: ...
    def country_place(self, alpha2: str, *, text: str | None = None) -> Place: ...


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: Place  # its `text` is the words of the dispatch
    reference: bool = False  # "au nord de Bagdad": a landmark that locates another place
    # "à 600 km au nord-ouest de Bangui" (far), "un responsable joint à Bamako" (seat): named, but never
    # the act's place.
    far: bool = False
    seat: bool = False
    # "Un troupeau dans la région de X. (Photo d'illustration)": where a stock picture was taken.
    caption: bool = False

    @property
    def locates_acts(self) -> bool:
        return not (self.far or self.seat or self.caption)


def dateline_end(text: str) -> int:
    return dateline_reader().end(text)


def find_countries(text: str, gazetteer: GazetteerLike) -> list[tuple[int, int, str]]:
    """Country names in the text ("en Syrie", "du Mali"), as (start, end, alpha-2)."""
    found = []
    for match in COUNTRY_PHRASE.finditer(text):
        code = gazetteer.find_country(match.group("name"))
        if code:
            found.append((match.start("name"), match.end("name"), code))
    return found


def place_candidates(doc: Doc, text: str, skip: list[tuple[int, int]]) -> dict[tuple[int, int], bool]:
    """Spans that may name a place, each flagged when French phrasing makes it a province ("province de X").

    `skip` holds spans already taken (actors, sources); the dateline's city is where the reporter is.
    """
    start_at = dateline_end(text)
    candidates: dict[tuple[int, int], bool] = {}
    taken = _merged(skip)
    taken_starts = [s for s, _ in taken]

    def add(start: int, end: int, admin: bool) -> None:
        last_before = bisect_left(taken_starts, end) - 1  # the last taken span starting before `end`
        if start < start_at or (last_before >= 0 and taken[last_before][1] > start):
            return
        name = text[start:end].strip(" '’-")
        if not name or name.lower() in NOT_PLACES:
            return
        candidates[(start, start + len(name))] = candidates.get((start, start + len(name)), False) or admin

    for pattern in (ADMIN_PHRASE, ADMIN_COORDINATION):
        for match in pattern.finditer(text):
            add(match.start("name"), match.end("name"), True)
    for pattern in (SUB_ADMIN_PHRASE, SITE_PHRASE):
        for match in pattern.finditer(text):
            add(match.start("name"), match.end("name"), False)
    # The whole "parc national du W" is the place's name; it is tried before the bare "W" (it starts first).
    for match in protected_area_phrase().finditer(text):
        add(match.start(), match.end("name"), False)
    for start, end in name_spans(doc):
        add(start, end, False)
        # "PK5 de Bangui", "quartier Al-Ahrar de Bagdad": the town after "de" is a place too.
        tail = re.search(rf"\s(?:de|d['’])\s*(?P<name>{NAME})$", text[start:end])
        if tail:
            add(start + tail.start("name"), end, False)
    return candidates


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined, in order: a span overlaps one of `spans` iff it overlaps one of these."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def dispatch_country(text: str, gazetteer: GazetteerLike, hints: list[str],
                     candidates: dict[tuple[int, int], bool]) -> str | None:
    """The country a dispatch is about: named countries and provinces, then its places, then actors' countries."""
    votes: dict[str, float] = defaultdict(float)
    for _, _, code in find_countries(text, gazetteer):
        votes[code] += 2
    for (start, end), admin in candidates.items():
        for code, weight in _country_votes(text[start:end], admin, gazetteer):
            votes[code] += weight
    votes.pop("", None)
    for hint in hints:
        votes[hint] += 0.5  # actors' countries weigh least: forces fight abroad
    # The most votes wins; among equals, the first named (dicts keep insertion order).
    return max(votes, key=lambda code: votes[code]) if votes else None


def _country_votes(name: str, admin: bool, gazetteer: GazetteerLike) -> list[tuple[str, float]]:
    """What one place name says of the dispatch's country: a province weighs more than a town."""
    return _area_votes(name, gazetteer) if admin else _site_votes(name, gazetteer)


def _site_votes(name: str, gazetteer: GazetteerLike) -> list[tuple[str, float]]:
    code = gazetteer.find_country(name)
    if code is not None:
        # "aux frontières du Niger" names the country, not Nigeria's Niger state; a country named
        # without "en"/"au" is as often a party ("hostiles à la France") as the scene: it weighs little.
        return [(code, 0.5)]
    found = gazetteer.find_place(name) or gazetteer.find_admin1(name)
    return [(found.country, 1)] if found is not None and found.country else []


def _area_votes(name: str, gazetteer: GazetteerLike) -> list[tuple[str, float]]:
    province, town = gazetteer.find_admin1(name), gazetteer.find_place(name)
    if province is not None and town is not None and town.country != province.country:
        # "la région de Beni" (a Congolese town) vs Bolivia's Beni department: both stay possible.
        return [(province.country or "", 1), (town.country or "", 1)]
    if province is not None:
        # "la région du Nord-Ouest" names a province of Cameroon and of Haiti: a name many countries give a
        # province says little of which country the dispatch is about, so its weight is shared out.
        homes = gazetteer.admin1_countries(name) or {province.country or ""}
        return [(code, 2 / len(homes)) for code in sorted(homes)]
    district = gazetteer.find_admin2(name)
    # "la province du Soum": a Burkinabè province is a district
    if district is not None:
        return [(district.country or "", 2)]
    # "la région d'Ouallam": the area around a town (a Nigerien département named after its seat) is in
    # the town's country, even when no gazetteer lists the area itself.
    return [(town.country or "", 2)] if town is not None else []


def find_places(text: str, sentences: list[Span], gazetteer: GazetteerLike, *, country: str | None,
                candidates: dict[tuple[int, int], bool]) -> list[PlaceMention]:
    """The candidates that resolve to places of the dispatch's country (or to provinces and countries)."""
    mentions: list[PlaceMention] = []
    admin_context: list[tuple[int, Place]] = []
    # Provinces first, so villages can be looked up inside the province their sentence names.
    for (start, end), admin in sorted(candidates.items(), key=lambda item: (not item[1], item[0])):
        name = text[start:end]
        if any(m.start < end and start < m.end for m in mentions) or NEIGHBOURHOOD.search(text, max(0, start - 40), start):
            continue
        province = _province_near(start, admin_context, sentences)
        place = _resolve_place(name, admin, gazetteer, country, province)
        if place is None:
            continue
        place = _with_text(place, name)
        mentions.append(_mention(text, start, end, place, gazetteer))
        if place.precision in ("admin1", "admin2"):
            admin_context.append((start, place))
    return sorted(mentions, key=lambda m: m.start)


def _mention(text: str, start: int, end: int, place: Place, gazetteer: GazetteerLike) -> PlaceMention:
    """A resolved place with what its surrounding words say of it (landmark, far landmark, seat)."""
    reference = bool(RELATIVE.search(text[max(0, start - 40):start]))
    cues = place_cues()
    before, after = fold(text[max(0, start - 60):start]), fold(text[end:end + 60])
    seat = cues.seat(before, after) or (place.precision == "place" and cues.capital_seat(before, after)
                                        and gazetteer.is_capital(place)) \
        or (text[start:end].isupper() and cues.dateline_after.match(after) is not None)
    return PlaceMention(start, end, place, reference=reference, far=reference and cues.far(before), seat=seat,
                        caption=in_illustration_caption(text, start))


@dataclass(frozen=True)
class PlaceCues:
    """The place cues of a language pack (data/fr/places.yaml), compiled."""

    seat_before: re.Pattern[str]
    seat_after: re.Pattern[str]
    capital_before: re.Pattern[str]
    capital_after: re.Pattern[str]
    dateline_after: re.Pattern[str]
    distance: re.Pattern[str]
    far_km: float

    def seat(self, before: str, after: str) -> bool:
        return bool(self.seat_before.search(before) or self.seat_after.match(after))

    def capital_seat(self, before: str, after: str) -> bool:
        return bool(self.capital_before.search(before) or self.capital_after.match(after))

    def far(self, before: str) -> bool:
        match = self.distance.search(before)
        if match is None:
            return False
        digits = re.sub(r"\D", "", match.group("km").split(",")[0])
        return bool(digits) and float(digits) >= self.far_km


@lru_cache(maxsize=None)
def protected_area_phrase(language: str = "fr") -> re.Pattern[str]:
    """"le parc national du W": the kind of protected area, a linking "de", and its capitalised name."""
    kind = rule_pack("places", language)["protected_area"]
    return re.compile(rf"\b(?i:{kind})\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])(?P<name>{NAME})")


@lru_cache(maxsize=None)
def place_cues(language: str = "fr") -> PlaceCues:
    pack = rule_pack("places", language)

    def compiled(cue: str, where: str) -> re.Pattern[str]:
        return re.compile("|".join(pack[cue][where]) or "(?!)")  # no alternative: never matches

    return PlaceCues(compiled("seat", "before"), compiled("seat", "after"), compiled("capital_seat", "before"),
                     compiled("capital_seat", "after"), re.compile(pack["dateline_after"]),
                     re.compile(pack["distance"]), float(pack["far_km"]))


def _resolve_place(name: str, admin: bool, gazetteer: GazetteerLike, country: str | None,
                   province: str | None) -> Place | None:
    """A candidate name as a province or district (when its words say so), a town, or a country."""
    place = _resolve_area(name, gazetteer, country) if admin else _as_country(name, gazetteer, country)
    if place is None:
        place = gazetteer.find_place(name, country=country, admin1=province)
        if place is None and province is None and not admin:
            place = gazetteer.find_admin1(name, country=country)
    if place is None:
        code = gazetteer.find_country(name)
        place = gazetteer.country_place(code, text=name) if code else None
    return place


def _as_country(name: str, gazetteer: GazetteerLike, country: str | None = None) -> Place | None:
    """A country's name names the country ("au Niger" is not Nigeria's Niger state, "Nigeria" not a
    misspelt "Niger"), or the capital that bears it (Djibouti, Koweït) — unless the curated supplement has
    a village of that name in the dispatch's country ("près de Mann" in a Central African dispatch)."""
    code = gazetteer.find_country(name)
    if code is None:
        return None
    if country is not None and code != country:
        local = gazetteer.find_place(name, country=country)
        if local is not None and local.geonames_id is None:
            return local
    return gazetteer.find_place(name, country=code) or gazetteer.country_place(code, text=name)


def _resolve_area(name: str, gazetteer: GazetteerLike, country: str | None) -> Place | None:
    place = gazetteer.find_admin1(name, country=country)
    if place is None and country is None:
        place = gazetteer.find_admin1(name)
    return place if place is not None else gazetteer.find_admin2(name, country=country)


def _province_near(start: int, admin_context: list[tuple[int, Place]], sentences: list[Span]) -> str | None:
    """The province named in the same sentence as `start` ("X, dans la province d'Alep"), if any."""
    sent = next((s for s in sentences if s.start_char <= start < s.end_char), None)
    if sent is None:
        return None
    inside = [p for s, p in admin_context if sent.start_char <= s < sent.end_char]
    if not inside:
        return None
    # The nearest province after the name wins ("à Mansoura, dans la province d'Alep").
    after = [(s, p) for s, p in admin_context if sent.start_char <= s < sent.end_char and s > start]
    chosen = after[0][1] if after else inside[-1]
    return chosen.admin1


def _with_text(place: Place, text: str) -> Place:
    from dataclasses import replace

    return replace(place, text=text)
