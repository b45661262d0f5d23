"""A seeded store and a TestClient over `fracas serve`'s app (no socket: httpx in process)."""

from __future__ import annotations

from pathlib import Path

import pytest
from serve_seed import FakePipeline, seed

pytest.importorskip("fastapi", reason="the fracas[serve] extra is not installed (./setup installs it)")


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[str, str]:
    url = str(tmp_path / "serve.db")
    return url, seed(url)


@pytest.fixture
def client(seeded: tuple[str, str]):  # noqa: ANN201 - a fastapi.testclient.TestClient
    from fastapi.testclient import TestClient

    from fracas.serve.app import create_app

    with TestClient(create_app(seeded[0], load_pipeline=FakePipeline)) as test_client:
        yield test_client


@pytest.fixture
def auth(seeded: tuple[str, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {seeded[1]}"}


@pytest.fixture
def dashboard(seeded: tuple[str, str]):  # noqa: ANN201 - (driver, base URL, client)
    """The app on loopback, a headless Chromium that can reach nothing else, and a client of the same app."""
    from browser import headless_chromium
    from fastapi.testclient import TestClient

    from fracas.serve.app import create_app
    from fracas.serve.running import running_server

    app = create_app(seeded[0])
    with running_server(app) as base, headless_chromium() as driver, TestClient(app) as client:
        yield driver, base, client
