"""Builders for hand-made events and gold files, shared by the evaluation tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fracas.model import Actor, Event, Place, Source

HAMA = {"name": "Hama", "admin1": "Hama", "country": "SY", "precision": "admin1", "lat": 35.13, "lon": 36.75}
LATAMNEH = {
    "name": "Latamneh",
    "admin1": "Hama",
    "country": "SY",
    "precision": "place",
    "lat": 35.32,
    "lon": 36.62,
}


def make_place(**fields: Any) -> Place:
    base: dict[str, Any] = {
        "name": "Hama",
        "admin1": "Hama",
        "admin2": None,
        "country": "SY",
        "lat": 35.13,
        "lon": 36.75,
        "geonames_id": None,
        "precision": "admin1",
        "text": "Hama",
    }
    return Place(**{**base, **fields})


def make_event(event_id: str = "e1", **fields: Any) -> Event:
    """A predicted event: an air strike by Russia in Hama on 2015-10-07, 3 killed, per the SOHR."""
    base: dict[str, Any] = {
        "event_id": event_id,
        "event_date": "2015-10-07",
        "date_precision": "day",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": Actor("Military Forces of Russia", "state_forces", "RUS", "russes"),
        "actor2": None,
        "location": make_place(),
        "fatalities": 3,
        "sources": (Source("Syrian Observatory for Human Rights", "ngo", "OSDH"),),
        "confidence": "fair",
        "evidence": (),
        "dispatch_ids": ("d1",),
    }
    return Event(**{**base, **fields})


def gold_event(**fields: Any) -> dict[str, Any]:
    """The gold line for make_event()'s event."""
    base: dict[str, Any] = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "actor1": {"name": "Military Forces of Russia"},
        "actor2": None,
        "location": dict(HAMA),
        "event_date": "2015-10-07",
        "fatalities": 3,
        "sources": [{"kind": "ngo", "name": "Syrian Observatory for Human Rights"}],
    }
    return {**base, **fields}


@pytest.fixture
def write_gold(tmp_path: Path) -> Callable[..., Path]:
    """Write gold lines (dicts are dumped as JSON, strings written as they are) to a file."""

    def write(*lines: dict[str, Any] | str, name: str = "gold.jsonl") -> Path:
        path = tmp_path / name
        path.write_text(
            "".join(
                (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
                for line in lines
            ),
            encoding="utf-8",
        )
        return path

    return write


@pytest.fixture
def event() -> Callable[..., Event]:
    return make_event


@pytest.fixture
def place() -> Callable[..., Place]:
    return make_place


@pytest.fixture
def gold() -> Callable[..., dict[str, Any]]:
    return gold_event
