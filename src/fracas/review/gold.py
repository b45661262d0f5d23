"""Reviewed events as a gold file (tests/gold/README.md's format) that `fracas eval` scores.

Each dispatch an analyst reviewed an event of becomes one gold line: its text, and the reviewed
events first read from it (an event reported by several dispatches is coded under its first one).
Only events a person has reviewed and kept are written; rejected and merged-away events are not.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from fracas.evaluate.gold import EVENT_KEYS
from fracas.model import Event
from fracas.review.versions import WITHDRAWN, ReviewedEvent
from fracas.store import EventStore


def gold_event(event: Event) -> dict[str, Any]:
    """The gold form of a reviewed event: the contract fields a gold file may assert."""
    record = event.to_dict()
    return {key: record[key] for key in record if key in EVENT_KEYS}


def gold_lines(store: EventStore, reviewed: Iterable[ReviewedEvent]) -> list[dict[str, Any]]:
    """One gold object per dispatch with reviewed events, in the order the events come."""
    by_dispatch: dict[str, list[dict[str, Any]]] = {}
    for item in reviewed:
        if item.review_status == "machine" or item.review_status in WITHDRAWN or not item.event.dispatch_ids:
            continue
        by_dispatch.setdefault(item.event.dispatch_ids[0], []).append(gold_event(item.event))
    lines = []
    for dispatch_id, events in by_dispatch.items():
        stored = store.get_dispatch(dispatch_id)
        if stored is None:
            continue
        dispatch = stored.dispatch
        line: dict[str, Any] = {"id": dispatch.id, "text": dispatch.text}
        if dispatch.published is not None:
            line["published"] = str(dispatch.published)
        for key in ("outlet", "url"):
            if getattr(dispatch, key) is not None:
                line[key] = getattr(dispatch, key)
        line["events"] = events
        lines.append(line)
    return lines


def write_gold(store: EventStore, reviewed: Iterable[ReviewedEvent], stream: TextIO) -> int:
    """Write the gold lines to `stream`; return how many events they hold."""
    count = 0
    for line in gold_lines(store, reviewed):
        stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += len(line["events"])
    return count
