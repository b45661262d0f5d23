"""The contract record as JSON Lines (one event per line) or as one JSON array."""

from __future__ import annotations

import json
from collections.abc import Iterable

from fracas.export._io import Destination, text_output
from fracas.model import Event


def write_jsonl(events: Iterable[Event], destination: Destination) -> int:
    """Write each event's contract record on its own line; return how many were written."""
    count = 0
    with text_output(destination) as out:
        for event in events:
            out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def write_json(events: Iterable[Event], destination: Destination) -> int:
    """Write the events' contract records as one JSON array, streamed; return how many were written."""
    count = 0
    with text_output(destination) as out:
        out.write("[")
        for event in events:
            out.write(",\n" if count else "\n")
            out.write(json.dumps(event.to_dict(), ensure_ascii=False))
            count += 1
        out.write("\n]\n" if count else "]\n")
    return count
