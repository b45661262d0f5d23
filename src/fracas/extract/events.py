"""EventExtractor: the resources of extraction, and the walk from a parsed Doc to event records."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Span

from fracas.errors import InputError
from fracas.extract.actors import ActorFinder, ActorMention
from fracas.extract.act_dates import resolve_date
from fracas.extract.assemble import Draft, attach_tolls, finish, last_day, long_before, other_stories
from fracas.extract.attribution import Attribution, find_attributions
from fracas.extract.mentions import Mention, find_mentions
from fracas.extract.merging import CATCH_ALL_ACTORS, PRECISION_RANK, fold_restatements, latest_of_type, merge_or_add
from fracas.extract.rulepack import role_cues
from fracas.extract.sides import country_name, fill_open_sides, named_in_country
from fracas.extract.coherence import coherent_events
from fracas.extract.event_sources import attach_sources
from fracas.extract.sense import keep_in_frame
from fracas.extract.places import PlaceMention, dispatch_country, find_places, place_candidates
from fracas.resources import rule_pack
from fracas.extract.triggers import TriggerLexicon, default_lexicon
from fracas.model import Actor, Dispatch, Event, Place
from fracas.nlp.doctext import doc_text
from fracas.resolve.actors import UNIDENTIFIED, ActorDictionary, ActorEntry, default_actor_dictionary
from fracas.resolve.gazetteer import Gazetteer
from fracas.resolve.dates import late_in_month
from fracas.resolve.sources import SourceDictionary
from fracas.text import fold


@dataclass
class EventExtractor:
    actors: ActorDictionary
    lexicon: TriggerLexicon
    gazetteer: Gazetteer

    def __post_init__(self) -> None:
        self.finder = ActorFinder(self.actors)
        self.alpha2_of = {alpha3: alpha2 for alpha2, alpha3 in self.gazetteer._alpha3.items()}

    @classmethod
    def load(cls, gazetteer: Gazetteer | None = None, *, actors_file: Path | None = None) -> EventExtractor:
        actors = ActorDictionary.load(extra=actors_file) if actors_file else default_actor_dictionary()
        return cls(actors, default_lexicon(), gazetteer or Gazetteer.load())

    def extract(self, doc: Doc, dispatch: Dispatch) -> list[Event]:
        return self.extract_explained(doc, dispatch)[0]

    def extract_explained(self, doc: Doc, dispatch: Dispatch, *, strict_sense: bool = False, text_other: int = 0
                          ) -> tuple[list[Event], list[str]]:
        """The events of a parsed dispatch, and why each candidate act that was dropped was dropped.

        `strict_sense`: every sense-dependent trigger needs a conflict frame in its own sentence (the
        relevance stage could not tell from the text alone)."""
        text = dispatch.text
        sentences = list(doc.sents)  # iterating doc.sents walks every token: do it once
        attributions = find_attributions(text)
        # A claim of responsibility names the perpetrator: that speaker stays an actor too.
        source_spans = [(a.start, a.end) for a in attributions if "revendiqu" not in a.cue]
        sources = SourceDictionary.load()
        actor_mentions, capitals, actor_spans = self._actor_mentions(text, source_spans)
        country, places = self._places(doc, sentences, text, sources, actor_mentions, capitals,
                                       source_spans + actor_spans)
        mentions, dropped = keep_in_frame(doc, sentences, find_mentions(doc, sentences, self.lexicon, actor_mentions,
                                                                        source_spans),
                                      strict=strict_sense, text_other=text_other)
        mentions = _without_restating_headline(_outside(other_stories(text), mentions, sentences), sentences)
        # "joint à Bamako", "à 600 km de Bangui": named, but not where anything happened.
        sentence_places = _places_by_sentence([p for p in places if p.locates_acts], sentences)
        speakers = self._party_speakers(attributions, sentences, sources)
        drafts: list[Draft] = []
        for mention in mentions:
            _speaker_as_actor(mention, speakers.get(mention.sentence))
            for draft in self._drafts(sentences, dispatch, mention, drafts, sentence_places, country):
                merge_or_add(drafts, draft)
        attach_tolls(sentences, dispatch, drafts, sentence_places)
        fold_restatements(drafts)
        attach_sources(drafts, attributions, sentences, dispatch)
        named, facing_crowd = self._named(actor_mentions, country, crowd=False), self._named(actor_mentions, country)
        police = self.actors.police_of(self.actors.forces_of(self.gazetteer.alpha3(country) if country else None))
        fill_open_sides(drafts, named, self.actors.named_by_country, police=police.actor(None) if police else None,
                        unclaimed=role_cues().unclaimed.search(fold(text)) is not None, crowd_actors=facing_crowd)
        finished = [finish(draft, dispatch) for draft in drafts]
        # Coherence reads the catch-all names as the pack writes them; the country is added after.
        events, incoherent = coherent_events(finished, sentences, self.lexicon, strict=strict_sense)
        return [named_in_country(event, self.actors, self.gazetteer) for event in events], dropped + incoherent

    def _actor_mentions(self, text: str, source_spans: list[tuple[int, int]]
                        ) -> tuple[list[ActorMention], list[ActorMention], list[tuple[int, int]]]:
        """The actors named outside attributions, the capitals that stand as places ("la gare d'Ankara"), and
        the spans of every actor's name: "les Forces de soutien rapide (FSR)" repeats one actor, and its
        short form is never a place (an airport's code in the gazetteer)."""
        found = [a for a in self.finder.find(text) if not any(a.start < e and s < a.end for s, e in source_spans)]
        capitals = [a for a in found if self._capital_as_place(a, text)]
        named = [a for a in found if a not in capitals]
        actors = _name_catch_alls(_drop_abbreviations(named, text))
        return actors, capitals, [(a.start, a.end) for a in named]

    def _places(self, doc: Doc, sentences: list[Span], text: str, sources: SourceDictionary,
                actors: list[ActorMention], capitals: list[ActorMention], taken: list[tuple[int, int]]
                ) -> tuple[str | None, list[PlaceMention]]:
        """The dispatch's country and the places it names (never inside an actor's or a source's words,
        `taken`)."""
        hints = [self.alpha2_of.get(a.entry.country) for a in actors if a.entry and a.entry.country]
        candidates = {span: admin for span, admin in
                      place_candidates(doc, text, taken + [(a.start, a.end) for a in actors]).items()
                      if not sources.names_organisation(text[span[0]:span[1]])}
        candidates.update({(a.start, a.end): False for a in capitals})
        country = dispatch_country(text, self.gazetteer, [h for h in hints if h], candidates)
        places = find_places(text, sentences, self.gazetteer, country=country, candidates=candidates)
        if country is None:
            named = [p.place.country for p in places if p.place.country]
            country = Counter(named).most_common(1)[0][0] if named else None  # ties: first named wins
        return country, places

    def _capital_as_place(self, mention: ActorMention, text: str) -> bool:
        """ "la gare centrale d'Ankara": a capital standing for its state ("Ankara a riposté") is an actor only
        when no preposition makes it a place."""
        return bool(LOCATIVE.search(text, max(0, mention.start - 12), mention.start)) and mention.text[:1].isupper() \
            and self.gazetteer.find_place(mention.text) is not None

    def _party_speakers(self, attributions: list[Attribution], sentences: list,
                        dictionary: SourceDictionary) -> dict[int, ActorMention]:
        """Sentences where a belligerent's own ministry or army speaks ("le ministère russe de la Défense a
        fait état de frappes"): with no other perpetrator named, the speaker's forces are the actor."""
        found: dict[int, ActorMention] = {}
        for attribution in attributions:
            entry = dictionary.entry(attribution.source.name)
            if entry is None:
                continue
            forces: ActorEntry | None
            if entry.armed_group and entry.armed_group in self.actors.entries:
                forces = self.actors.entries[entry.armed_group]  # "la coalition a annoncé avoir frappé"
            elif attribution.source.kind in ("government", "state_media"):
                forces = self.actors.forces_of(entry.belligerent_country)
            else:
                forces = None
            if forces is None:
                continue
            for index, sentence in enumerate(sentences):
                if sentence.start_char <= attribution.start < sentence.end_char:
                    found.setdefault(index, ActorMention(attribution.start, attribution.end,
                                                         attribution.source.text or "", forces))
        return found

    def _drafts(self, sentences: list[Span], dispatch: Dispatch, mention: Mention, drafts: list[Draft],
                sentence_places: dict[int, list[PlaceMention]], country: str | None) -> list[Draft]:
        actor1, actor2 = self._sides(sentences, mention, drafts, country)
        dated = _event_date(sentences, dispatch, mention, drafts)
        if dated is None:
            return []  # an act weeks before the news ("reprise à l'EI en mars"): background, not an event
        date, precision, date_span = dated
        evidence = [("event_type", mention.trigger_start, mention.trigger_end)]
        if mention.actor1 is not None and actor1.text is not None:
            evidence.append(("actor1", mention.actor1.start, mention.actor1.end))
        if mention.actor2 is not None and actor2 is not None:
            evidence.append(("actor2", mention.actor2.start, mention.actor2.end))
        if date_span:
            evidence.append(("event_date", *date_span))
        sentence = sentences[mention.sentence]
        own_date = date_span is not None and sentence.start_char <= date_span[0] < sentence.end_char
        results = []
        for place, location in self._locations(mention, sentence_places, drafts, country):
            spans = evidence + ([("location", place.start, place.end)] if place else [])
            results.append(Draft(mention, actor1, actor2, place, location, date, precision, date_span,
                                 {mention.sentence}, spans, own_date=own_date))
        return results

    def _sides(self, sentences: list[Span], mention: Mention, drafts: list[Draft],
               country: str | None) -> tuple[Actor, Actor | None]:
        """actor1 (never None: an unnamed group when the text names none) and actor2 of a mention."""
        previous = drafts[-1] if drafts else None
        crowd = mention.event_type in CROWD_EVENT_TYPES
        actor1 = self._actor(mention.actor1, country, crowd=crowd)
        if actor1 is None and previous and previous.mention.sub_event_type == mention.sub_event_type:
            actor1 = previous.actor1
        if actor1 is None:
            actor1 = self._default_actor(mention, country)
        if mention.event_type == "Riots" and actor1.kind == "protesters":
            actor1 = self.actors.by_name("Rioters").actor(actor1.text)  # protesters who riot are rioters
        actor2 = self._actor(mention.actor2, country, crowd=crowd or actor1.kind in CROWD_KINDS)
        if actor2 is not None and actor2.name == actor1.name:
            # "Onze soldats ont été tués ..., a annoncé l'armée": the army reports its own losses; who
            # struck is unsaid.
            actor1 = self._default_actor(mention, country)
        if actor2 is None and self._civilians_hit(mention, sentences):
            actor2 = self.actors.by_name("Civilians").actor(None)
        return actor1, actor2

    def _civilians_hit(self, mention: Mention, sentences: list[Span]) -> bool:
        if mention.sub_event_type in ("Attack", "Abduction/forced disappearance", "Sexual violence"):
            return True
        return mention.sub_event_type in CIVILIAN_TARGETABLE and self._civilian_target(sentences[mention.sentence])

    def _civilian_target(self, sentence: Span) -> bool:
        """A bomb in a market, among worshippers, on a bus: civilians are the target side."""
        text = fold(sentence.text)
        return self.lexicon.has_cue("civilian_target", text) and not self.lexicon.has_cue("military_target", text)

    def _locations(self, mention: Mention, sentence_places: dict[int, list[PlaceMention]],
                   drafts: list[Draft], country: str | None) -> list[tuple[PlaceMention | None, Place]]:
        """Where: the places of the sentence (one event per province named), else carried over, else the country."""
        here = _own_places(mention, sentence_places, country)
        if here:
            return [(p, p.place) for p in here]
        carried = _carried_place(mention, sentence_places, drafts)
        if carried is not None and (carried[1].precision != "country" or _carried_abroad(carried, country)):
            return [carried]
        province = self._only_province(sentence_places, country)
        if province is not None:
            return [(None, province)]
        # "La France rétrocède une base", "les habitants ont fui vers le Cameroun": another country named in
        # the act's sentence is a party or a destination; with no place of its own the act is in the
        # dispatch's country.
        if carried is not None and (carried[0] is None or country is None or carried[1].country == country):
            return [carried]
        return [(None, self.gazetteer.country_place(country, text=None) if country else _nowhere())]

    def _only_province(self, sentence_places: dict[int, list[PlaceMention]], country: str | None) -> Place | None:
        """The one province of the dispatch's country that all the places it names lie in, if there is one.

        "une attaque contre les localités de Blamonga et Kpemboli" (villages no gazetteer has), in a dispatch
        whose other places are all in the Savanes: the act is placed in the Savanes, at admin1 precision, as
        ACLED places an event whose village it cannot find in the smallest area the report supports. Towns
        of several provinces leave the choice to the provinces and districts named as such ("dans l'État
        de Zamfara", a town of the neighbouring state named in passing); one district named in the
        province places the act there ("dans la préfecture de Kpendjal")."""
        homes = _homes_in_one_province(sentence_places, country)
        if country is None or not homes:
            return None
        first = homes[0]
        districts = {p.place.name: p.place for p in homes if p.place.precision == "admin2"}
        if len(districts) == 1:
            return next(iter(districts.values()))
        area = self.gazetteer.find_admin1(first.place.admin1 or "", country=country)
        return replace(area, text=first.place.text) if area is not None else None

    def _named(self, mentions: list[ActorMention], country: str | None, *, crowd: bool = True) -> list[Actor]:
        """The actors the dispatch names, read as facing a crowd or not."""
        return [actor for actor in (self._actor(m, country, crowd=crowd) for m in mentions) if actor is not None]

    def _actor(self, mention: ActorMention | None, country: str | None, *, crowd: bool = False) -> Actor | None:
        """The actor a mention names; `crowd`: the act is a demonstration or a riot, or the other side a crowd."""
        if mention is None:
            return None
        if mention.entry is not None:
            if mention.entry.name == "Syrian Democratic Forces" and country not in (None, "SY"):
                forces = self.actors.forces_of(self.gazetteer.alpha3(country))  # Sahel "FDS": the state's forces
                return forces.actor(mention.text) if forces else None
            entry = self.actors.theatre_group(mention.entry.name, country) or mention.entry
            return entry.actor(mention.text)
        return self._generic_actor(mention, country, crowd)

    def _generic_actor(self, mention: ActorMention, country: str | None, crowd: bool = False) -> Actor | None:
        """An actor named by a common noun ("les forces", "les casques bleus", "les rebelles") in its country.
        "Les forces de sécurité" facing a crowd are its police (ACLED's Police Forces), elsewhere its military."""
        if mention.generic == "peacekeepers":
            mission = self.actors.mission_in(country)
            return mission.actor(mention.text) if mission else None
        alpha3 = self.gazetteer.alpha3(country) if country else None
        if mention.generic in ("forces", "police", "security", "gendarmerie"):
            forces = self.actors.forces_of(alpha3)
            if mention.generic == "gendarmerie":
                forces = self.actors.gendarmerie_of(forces)
            elif mention.generic == "police" or (mention.generic == "security" and crowd):
                forces = self.actors.police_of(forces)
            return forces.actor(mention.text) if forces else None
        theatre = self.actors.theatre_group("rebels", country)
        if theatre is not None:
            return theatre.actor(mention.text)
        if country == "SY":
            return self.actors.by_name("Rebel Groups (Syria)").actor(mention.text)
        name = country_name(country, self.actors, self.gazetteer) if country else None
        return Actor(f"Rebel Groups ({name})" if name else "Rebel Groups", "rebel_group", alpha3, mention.text)

    def _default_actor(self, mention: Mention, country: str | None) -> Actor:
        if mention.event_type in ("Protests", "Riots"):
            name = "Protesters" if mention.event_type == "Protests" else "Rioters"
            return self.actors.by_name(name).actor(None)
        return self.actors.by_name(UNIDENTIFIED).actor(None)


def _event_date(sentences: list[Span], dispatch: Dispatch, mention: Mention, drafts: list[Draft]
                ) -> tuple[str, str, tuple[int, int] | None] | None:
    """The act's date, precision and words; None for an act long before the news (background)."""
    dated = resolve_date(sentences, dispatch, mention.sentence, mention.trigger_start)
    if dated is None:
        raise InputError(
            f"{dispatch.origin}: no publication date, and the text dates its events relative to it; "
            "give the date with --published YYYY-MM-DD (or a `published` field)")
    if not long_before(_latest_day(dated, sentences[mention.sentence]), dispatch):
        return dated
    kin = latest_of_type(drafts, mention.event_type)
    if not mention.re_mention or kin is None:
        return None
    # "l'attentat ..., qui ont multiplié les attaques depuis fin novembre": the date is the clause's,
    # the act is the one already reported.
    return kin.date, kin.date_precision, None


def _latest_day(dated: tuple[str, str, tuple[int, int] | None], sentence: Span) -> str:
    """The last day the act's own date words allow when they name the end of a month ("exécutés fin mars":
    the 31st), else its date: an act of late last month told early this month is the news, a whole month
    is not. Words of another sentence ("une offensive lancée fin janvier") date a campaign, not this act."""
    date, precision, span = dated
    if precision != "month" or span is None or not sentence.start_char <= span[0] < sentence.end_char \
            or not late_in_month(sentence.doc.text[span[0]:span[1]]):
        return date
    return last_day(dt.date.fromisoformat(date), "month").isoformat()


def _outside(spans: list[tuple[int, int]], mentions: list[Mention], sentences: list[Span]) -> list[Mention]:
    """The mentions whose sentence is not another story's headline ("À lire aussi", then its title)."""
    if not spans:
        return mentions
    return [m for m in mentions
            if not any(s <= sentences[m.sentence].start_char < e for s, e in spans)]


# A demonstration or a riot, and the crowd that holds one: the security forces facing them are the police.
CROWD_EVENT_TYPES = ("Protests", "Riots")
CROWD_KINDS = ("protesters", "rioters")
HEADLINE_STOPS = (".", "!", "?", "…", "»", '"', "”")


def _without_restating_headline(mentions: list[Mention], sentences: list[Span]) -> list[Mention]:
    """A headline (a first paragraph with no final stop, before a body) restates the body: its act is the
    body's act of the same type, told again, not a second event. ("Cameroun : cinq gendarmes tués dans le
    Nord-Ouest" over "Des séparatistes ont attaqué mardi un poste de gendarmerie à Bamenda ...")"""
    if len(sentences) < 2:
        return mentions
    first = sentences[0]
    between = doc_text(first.doc)[first.start_char:sentences[1].start_char]
    headline = not first.text.strip().endswith(HEADLINE_STOPS) and "\n\n" in between
    if not headline:
        return mentions
    told_below = {m.event_type for m in mentions if m.sentence > 0}
    return [m for m in mentions if m.sentence > 0 or m.event_type not in told_below]


def _homes_in_one_province(sentence_places: dict[int, list[PlaceMention]], country: str | None
                           ) -> list[PlaceMention]:
    """The dispatch's places in its country, if they lie in one province; else its provinces and districts
    named as such, if those do; else those of the province at least two thirds of its places lie in
    ("la région de Kara" named once as where the president was, the Savanes six times); else none."""
    homes = [p for places in sentence_places.values() for p in places
             if p.place.country == country and p.place.precision != "country" and p.place.admin1]
    if len({p.place.admin1 for p in homes}) == 1:
        return homes
    areas = [p for p in homes if p.place.precision in ("admin1", "admin2")]
    if len({p.place.admin1 for p in areas}) == 1:
        return areas
    return _in_dominant_province(homes)


def _in_dominant_province(homes: list[PlaceMention]) -> list[PlaceMention]:
    """The places of the province that holds two thirds of `homes` (and two at least), if one does."""
    counts = Counter(p.place.admin1 for p in homes).most_common(1)
    if counts and counts[0][1] >= 2 and 3 * counts[0][1] >= 2 * len(homes):
        return [p for p in homes if p.place.admin1 == counts[0][0]]
    return []


def _places_by_sentence(places: list[PlaceMention], sentences: list[Span]) -> dict[int, list[PlaceMention]]:
    found: dict[int, list[PlaceMention]] = {}
    for place in places:
        for index, sentence in enumerate(sentences):
            if sentence.start_char <= place.start < sentence.end_char:
                found.setdefault(index, []).append(place)
    return found


def _speaker_as_actor(mention: Mention, speaker: ActorMention | None) -> None:
    """A belligerent's ministry telling of an act with no perpetrator named: its forces did it — but a
    ministry reporting its own soldiers killed is not claiming the act."""
    if mention.actor1 is not None or speaker is None:
        return
    victims = mention.actor2.entry if mention.actor2 else None
    if speaker.entry != victims and mention.event_type not in ("Protests", "Riots") \
            and mention.sub_event_type not in INSURGENT_MEANS:
        mention.actor1 = speaker


def _own_places(mention: Mention, sentence_places: dict[int, list[PlaceMention]],
                country: str | None) -> list[PlaceMention]:
    """The places the act's own sentence names, the most precise of each province."""
    named = [p for p in sentence_places.get(mention.sentence, []) if p.place.precision != "country"]
    # "Daraya, au sud-ouest de Damas", "Douma, près de Damas": Damas only locates Daraya. With no town of
    # its own, the act is at its first landmark ("près de Djibo, dans la province du Soum"; "près de
    # Baqouba, au nord-est de Bagdad": Bagdad locates Baqouba in turn).
    here = [p for p in named if not p.reference]
    if not any(p.place.precision == "place" for p in here):
        here = here + [p for p in named if p.reference][:1]
    # "négocié à Khartoum" in a Central African dispatch: another country's place is not a second event.
    here = [p for p in here if p.place.country == country] or here
    return _most_precise_by_admin1(here)


def _most_precise_by_admin1(places: list[PlaceMention]) -> list[PlaceMention]:
    by_admin1: dict[str, PlaceMention] = {}
    for place in places:
        key = place.place.admin1 or place.place.name
        current = by_admin1.get(key)
        if current is None or PRECISION_RANK[place.place.precision] > PRECISION_RANK[current.place.precision]:
            by_admin1[key] = place
    return list(by_admin1.values())


def _carried_place(mention: Mention, sentence_places: dict[int, list[PlaceMention]],
                   drafts: list[Draft]) -> tuple[PlaceMention | None, Place] | None:
    """A place for an act whose sentence names none: the earlier act's, the sentence before's, or a country."""
    # "Le ministère a fait état de frappes" after another kind of act: the earlier act of the same kind
    # is the one it tells of, wherever that was.
    kin = next((d for d in reversed(drafts) if d.mention.sub_event_type == mention.sub_event_type), None)
    if kin is not None:
        return None, kin.location
    previous = drafts[-1] if drafts else None
    if previous is not None and mention.sentence - max(previous.sentences) <= 2:
        return None, previous.location
    return _earlier_sentence_place(mention, sentence_places)


def _carried_abroad(carried: tuple[PlaceMention | None, Place], country: str | None) -> bool:
    """An earlier act coded in another country: the act told again is there too."""
    return carried[0] is None and carried[1].country != country


def _earlier_sentence_place(mention: Mention, sentence_places: dict[int, list[PlaceMention]]
                            ) -> tuple[PlaceMention | None, Place] | None:
    earlier = [p for i, ps in sentence_places.items() if i < mention.sentence for p in ps
               if p.place.precision != "country"]
    # "une reconnaissance au sud de X, dans la région de Ségou. Cette mission a permis de localiser un
    # groupe. Une première frappe a été effectuée": the act is where the sentence before last put it.
    if earlier and (mention.sentence - 1 in sentence_places or mention.sentence - 2 in sentence_places):
        return None, earlier[-1].place
    countries = [p for p in sentence_places.get(mention.sentence, []) if p.place.precision == "country"]
    return (countries[0], countries[0].place) if countries else None


LOCATIVE = re.compile(rule_pack("places")["locative_before"])  # words before a place (data/fr/places.yaml)
# Acts a state reporting them has not done: a ministry giving the toll of a suicide bombing is no claimant.
INSURGENT_MEANS = ("Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Abduction/forced disappearance",
                   "Sexual violence", "Mob violence")
# Acts whose target side is civilians when what they hit is (a market, a school, a village's shops).
CIVILIAN_TARGETABLE = ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Shelling/artillery/missile attack",
                       "Looting/property destruction")


NAMING_GAP = re.compile(r"\s*(?:\s(?:de la|de l['’]|du|des|de|d['’])\s*)?(?:« ?)?")


def _drop_abbreviations(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """"le groupe Etat islamique (EI)": the bracketed short form repeats the actor, it is not a second one;
    "les rebelles ADF": the generic word is the named group, not a second actor."""
    kept: list[ActorMention] = []
    for mention in mentions:
        previous = kept[-1] if kept else None
        if previous is not None and _is_abbreviation(previous, mention, text):
            continue
        if previous is not None and _names_the_generic(previous, mention, text):
            # One mention over both words, so the cues before "les rebelles" still read as the group's.
            kept[-1] = replace(mention, start=previous.start, text=text[previous.start:mention.end])
            continue
        kept.append(mention)
    return kept


def _is_abbreviation(previous: ActorMention, mention: ActorMention, text: str) -> bool:
    return previous.entry is not None and mention.entry == previous.entry \
        and text[previous.end:mention.start].strip() == "("


def _names_the_generic(previous: ActorMention, mention: ActorMention, text: str) -> bool:
    generic = previous.entry is None and previous.generic == "rebels" \
        or previous.entry is not None and previous.entry.name in CATCH_ALL_ACTORS
    return (mention.entry is not None and mention.entry.name not in CATCH_ALL_ACTORS and generic
            and NAMING_GAP.fullmatch(text, previous.end, mention.start) is not None)


def _name_catch_alls(mentions: list[ActorMention]) -> list[ActorMention]:
    """ "les jihadistes" after "l'Etat islamique en Afrique de l'Ouest (Iswap)" is that group again."""
    named: ActorEntry | None = None
    resolved: list[ActorMention] = []
    for mention in mentions:
        entry = mention.entry
        if entry is not None and entry.name == "Jihadist Groups" and named is not None:
            mention = replace(mention, entry=named)
        elif entry is not None and entry.kind == "rebel_group" and entry.name not in CATCH_ALL_ACTORS:
            named = entry
        resolved.append(mention)
    return resolved


def _nowhere() -> Place:
    return Place(name="Unknown", admin1=None, admin2=None, country=None, lat=None, lon=None, geonames_id=None,
                 precision="country", text=None)
