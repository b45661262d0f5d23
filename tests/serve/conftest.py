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
