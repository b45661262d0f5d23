"""Packaged data resources, generated from the reviewable sources in `data/`.

The files here are written by `python data/scripts/build_resources.py` — never edit them by hand;
edit `data/*.yaml` and rebuild (a test fails when they are out of date).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from fracas.errors import ResourceError

RESOURCE_NAMES = ("actors", "sources", "gazetteer_supplement", "triggers", "subtypes", "fr_roles", "fr_relevance",
                  "fr_reading_cues", "fr_calendar", "fr_casualties", "fr_numbers",
                  "fr_attribution", "fr_dates", "fr_names", "fr_places", "fr_place_tolls")


@lru_cache(maxsize=None)
def load_resource(name: str) -> Any:
    """The parsed content of a packaged resource (`actors`, `sources`, `gazetteer_supplement`)."""
    if name not in RESOURCE_NAMES:
        raise ResourceError(f"unknown resource {name!r}; known resources are {', '.join(RESOURCE_NAMES)}")
    path = resources.files(__package__).joinpath(f"{name}.json")
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise ResourceError(
            f"resource {name}.json is missing from the fracas package; run `python data/scripts/build_resources.py`"
        ) from err
    return payload["data"]


def rule_pack(name: str, language: str = "fr") -> Any:
    """One file of a language's rule pack (`data/<language>/<name>.yaml`), parsed."""
    return load_resource(f"{language}_{name}")


_PLACEHOLDER_RE = re.compile(r"\{([A-Z_]+)\}")


def pack_fragment(entry: str, *, gap: str = r"\s+", fill: Mapping[str, str] | None = None) -> str:
    """A rule-pack entry as a regex fragment: each space becomes `gap`, each `{NAME}` becomes `fill[NAME]`."""
    fragment = entry.replace(" ", gap)
    if fill is None:
        return fragment
    try:
        return _PLACEHOLDER_RE.sub(lambda m: fill[m.group(1)], fragment)
    except KeyError as err:
        raise ResourceError(f"rule-pack entry {entry!r} names {err.args[0]!r}, which its engine does not fill") from err


def pack_alternation(entries: str | Iterable[str], *, gap: str = r"\s+", fill: Mapping[str, str] | None = None) -> str:
    """Rule-pack entries (a list, or one entry) as regex alternatives, in pack order ("a|b|c", not grouped)."""
    if isinstance(entries, str):
        entries = [entries]
    return "|".join(pack_fragment(entry, gap=gap, fill=fill) for entry in entries)
