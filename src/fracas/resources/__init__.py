"""Packaged data resources, generated from the reviewable sources in `data/`.

The files here are written by `python data/scripts/build_resources.py` — never edit them by hand;
edit `data/*.yaml` and rebuild (a test fails when they are out of date).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from fracas.errors import ResourceError

RESOURCE_NAMES = ("actors", "sources", "gazetteer_supplement", "triggers", "subtypes", "fr_roles", "fr_relevance",
                  "fr_reading_cues", "fr_names")


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
