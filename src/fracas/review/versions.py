"""Reviewing events: accept, edit, merge, split or reject, each a new version with who, when and why.

The machine's record stays as it was extracted (the `events` table); every review action appends a
version to `event_reviews` holding the record the event now stands for and its review status. The
latest version is what the API, the exports and the gold file serve.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from fracas.errors import UsageError
from fracas.model import EVENT_TYPE_OF_SUB_TYPE, Event
from fracas.store import EventFilter, EventStore

ReviewStatus = Literal["machine", "accepted", "edited", "merged", "duplicate", "split", "rejected"]
REVIEW_STATUSES: tuple[str, ...] = ("machine", "accepted", "edited", "merged", "duplicate", "split", "rejected")
# Statuses whose event no longer stands as an event of its own (not in gold files).
WITHDRAWN = frozenset({"duplicate", "rejected"})
# Fields an analyst may not edit: the identity of the event and what the machine read.
_FIXED_FIELDS = frozenset({"event_id", "evidence", "dispatch_ids"})
_BATCH = 500


@dataclass(frozen=True)
class ReviewedEvent:
    """An event as it is now served: the reviewed record (or the machine's) and its review status."""

    event: Event
    review_status: str
    version: int  # 0 = the machine's version


def reviewed_event(store: EventStore, event_id: str) -> ReviewedEvent | None:
    machine = store.get_event(event_id)
    if machine is None:
        return None
    return _serve(machine, store.latest_reviews([event_id]).get(event_id))  # type: ignore[attr-defined]


def reviewed_events(
    store: EventStore, filters: EventFilter | None = None, *, status: str | None = None
) -> Iterator[ReviewedEvent]:
    """The stored events matching `filters` (on the machine's values), as reviewed, in store order."""
    if status is not None and status not in REVIEW_STATUSES:
        raise UsageError(f"unknown review status {status!r}; use one of: {', '.join(REVIEW_STATUSES)}")
    for batch in _batches(store.events(filters), _BATCH):
        latest = store.latest_reviews([event.event_id for event in batch])  # type: ignore[attr-defined]
        for event in batch:
            served = _serve(event, latest.get(event.event_id))
            if status is None or served.review_status == status:
                yield served


def accept(store: EventStore, event_id: str, *, reviewer: str, note: str = "") -> int:
    current = _require(store, event_id)
    return _append(store, current.event, action="accept", status="accepted", reviewer=reviewer, note=note)


def reject(store: EventStore, event_id: str, *, reviewer: str, note: str) -> int:
    current = _require(store, event_id)
    _need_note(note, "rejecting")
    return _append(store, current.event, action="reject", status="rejected", reviewer=reviewer, note=note)


def edit(store: EventStore, event_id: str, changes: dict[str, Any], *, reviewer: str, note: str = "") -> int:
    """Change contract fields of the event (whole values: an actor is a full actor object)."""
    current = _require(store, event_id)
    event = apply_changes(current.event, changes)
    return _append(store, event, action="edit", status="edited", reviewer=reviewer, note=note)


def merge(store: EventStore, event_ids: Sequence[str], *, reviewer: str, note: str) -> int:
    """The events are one: the first is kept, with the others' dispatches and sources; they become duplicates."""
    if len(event_ids) < 2 or len(set(event_ids)) != len(event_ids):
        raise UsageError(f"merge needs two or more different event ids, not {list(event_ids)}")
    _need_note(note, "merging")
    kept, *others = [_require(store, event_id).event for event_id in event_ids]
    combined = kept
    for other in others:
        combined = combined.evolve(
            dispatch_ids=_union(combined.dispatch_ids, other.dispatch_ids),
            sources=_union(combined.sources, other.sources),
            evidence=_union(combined.evidence, other.evidence),
        )
    with store.transaction():
        version = _append(store, combined, action="merge", status="merged", reviewer=reviewer, note=note)
        for other in others:
            _append(store, other, action="merge", status="duplicate", reviewer=reviewer,
                    note=f"merged into {kept.event_id}: {note}")
    return version


def split(
    store: EventStore, event_id: str, changes: dict[str, Any], *, reviewer: str, note: str
) -> str:
    """The event is two: a new event is made from it with `changes`; return the new event's id."""
    _need_note(note, "splitting")
    current = _require(store, event_id)
    number = 1
    while store.get_event(f"{event_id}-split{number}") is not None:
        number += 1
    new_id = f"{event_id}-split{number}"
    part = apply_changes(current.event, changes).evolve(event_id=new_id)
    with store.transaction():
        store.upsert_event(part)
        for dispatch_id in part.dispatch_ids:
            store.link(new_id, dispatch_id, reasons=[f"split from {event_id} by {reviewer}: {note}"])
        _append(store, current.event, action="split", status="split", reviewer=reviewer,
                note=f"split into {new_id}: {note}")
        _append(store, part, action="split", status="split", reviewer=reviewer,
                note=f"split from {event_id}: {note}")
    return new_id


def history(store: EventStore, event_id: str) -> list[dict[str, Any]]:
    """Every version of the event, the machine's first (version 0), as JSON objects."""
    machine = store.get_event(event_id)
    if machine is None:
        raise UsageError(f"no event {event_id!r} in the store; list events with `fracas events`")
    versions: list[dict[str, Any]] = [
        {"version": 0, "action": "extract", "review_status": "machine", "reviewer": None, "note": None,
         "created_at": None, "record": machine.to_dict()}
    ]
    for review in store.reviews_of(event_id):  # type: ignore[attr-defined]
        versions.append({
            "version": review.version, "action": review.action, "review_status": review.status,
            "reviewer": review.reviewer, "note": review.note, "created_at": review.created_at,
            "record": review.record,
        })
    return versions


def apply_changes(event: Event, changes: dict[str, Any]) -> Event:
    """`event` with the contract fields in `changes` replaced; a wrong field or value raises UsageError."""
    record = event.to_dict()
    unknown = sorted(set(changes) - set(record))
    if unknown:
        raise UsageError(f"unknown event fields {unknown}; edit fields of the record contract only")
    fixed = sorted(set(changes) & _FIXED_FIELDS)
    if fixed:
        raise UsageError(f"fields {fixed} cannot be edited: they say what the machine read")
    record.update(changes)
    if "sub_event_type" in changes and "event_type" not in changes:
        record["event_type"] = EVENT_TYPE_OF_SUB_TYPE.get(record["sub_event_type"], record["event_type"])
    _check_types(record)
    try:
        return Event.from_dict(record)
    except (TypeError, KeyError) as err:
        raise UsageError(f"the edited record is not a valid event ({err}); give whole actor/place objects") from err


def _check_types(record: dict[str, Any]) -> None:
    sub_type = record["sub_event_type"]
    if sub_type not in EVENT_TYPE_OF_SUB_TYPE:
        raise UsageError(f"unknown sub_event_type {sub_type!r}; use one of: {', '.join(EVENT_TYPE_OF_SUB_TYPE)}")
    if EVENT_TYPE_OF_SUB_TYPE[sub_type] != record["event_type"]:
        raise UsageError(
            f"sub_event_type {sub_type!r} belongs to {EVENT_TYPE_OF_SUB_TYPE[sub_type]!r}, not {record['event_type']!r}"
        )
    for key in ("fatalities", "fatalities_low", "fatalities_high", "civilian_fatalities", "wounded"):
        value = record.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise UsageError(f"{key} must be a non-negative integer or null, not {value!r}")


def _serve(machine: Event, review: Any) -> ReviewedEvent:
    if review is None:
        return ReviewedEvent(machine, "machine", 0)
    return ReviewedEvent(Event.from_dict(review.record), review.status, review.version)


def _require(store: EventStore, event_id: str) -> ReviewedEvent:
    current = reviewed_event(store, event_id)
    if current is None:
        raise UsageError(f"no event {event_id!r} in the store; list events with `fracas events`")
    return current


def _append(store: EventStore, event: Event, *, action: str, status: str, reviewer: str, note: str) -> int:
    return store.add_review(  # type: ignore[attr-defined, no-any-return]
        event.event_id, action=action, status=status, record=event.to_dict(), reviewer=reviewer, note=note
    )


def _need_note(note: str, doing: str) -> None:
    if not note.strip():
        raise UsageError(f"{doing} an event needs a note saying why")


def _union(first: tuple[Any, ...], second: tuple[Any, ...]) -> tuple[Any, ...]:
    return first + tuple(item for item in second if item not in first)


def _batches(events: Iterable[Event], size: int) -> Iterator[list[Event]]:
    batch: list[Event] = []
    for event in events:
        batch.append(event)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
