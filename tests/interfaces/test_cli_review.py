"""Review round trips through the CLI: users add, a review edit, export (ACLED CSV and gold), fracas eval."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_fakes import FakePipeline  # noqa: E402
from test_cli_store import AFP, GAO  # noqa: E402 - the same two dispatches

from fracas.interfaces import cli_measure, cli_store  # noqa: E402
from fracas.interfaces.cli import app  # noqa: E402
from fracas.interfaces.cli_serve import is_loopback  # noqa: E402
from fracas.review import edit, reject, user_of_token  # noqa: E402
from fracas.store import open_store  # noqa: E402

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(cli_store, "_load_pipeline", FakePipeline)
    monkeypatch.setattr(cli_measure, "load_pipeline", FakePipeline)
    monkeypatch.delenv("FRACAS_DB", raising=False)
    lines = [json.dumps({"id": "afp-1", "text": AFP, "published": "2015-10-07"}),
             json.dumps({"id": "gao-1", "text": GAO, "published": "2015-10-07"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = str(tmp_path / "f.db")
    result = runner.invoke(app, ["ingest", str(tmp_path / "feed.jsonl"), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def test_users_add_prints_a_working_token(db: str) -> None:
    result = runner.invoke(app, ["users", "add", "amina", "--db", db])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip()
    with open_store(db) as store:
        assert user_of_token(store, token) == "amina"
    again = runner.invoke(app, ["users", "add", "amina", "--db", db])
    assert (again.exit_code, again.stderr.strip()) == (1, "fracas: error: user 'amina' already exists; pick another name")


def test_review_edit_round_trips_to_the_acled_csv_and_gold_scored_by_eval(db: str, tmp_path: Path) -> None:
    runner.invoke(app, ["users", "add", "amina", "--db", db])
    with open_store(db) as store:
        strike, clash = sorted(store.events(), key=lambda event: event.event_type)[::-1]
        edit(store, strike.event_id, {"fatalities": 4}, reviewer="amina", note="one of five died later")
        reject(store, clash.event_id, reviewer="amina", note="not political violence")
    csv_path, gold_path = tmp_path / "out.csv", tmp_path / "gold.jsonl"
    assert runner.invoke(app, ["export", "--format", "acled-csv", "-o", str(csv_path), "--db", db]).exit_code == 0
    frame = pd.read_csv(csv_path, dtype={"fatalities": "Int64"})
    # The ACLED CSV serves the reviewed values: the edited toll (the rejected event is still listed).
    assert frame[["event_type", "fatalities", "review_status"]].astype(object).where(frame.notna(), None).to_dict(
        "records") == [
        {"event_type": "Battles", "fatalities": None, "review_status": "rejected"},
        {"event_type": "Explosions/Remote violence", "fatalities": 4, "review_status": "edited"},
    ]
    geojson_path = tmp_path / "out.geojson"
    assert runner.invoke(app, ["export", "--format", "geojson", "-o", str(geojson_path), "--db", db]).exit_code == 0
    features = json.loads(geojson_path.read_text(encoding="utf-8"))["features"]
    assert [(f["properties"]["fatalities"], f["properties"]["review_status"]) for f in features] == [
        (None, "rejected"), (4, "edited")]
    result = runner.invoke(app, ["export", "--format", "gold", "-o", str(gold_path), "--db", db])
    assert (result.exit_code, result.stderr.strip()) == (0, f"1 events written to {gold_path}")
    (line,) = [json.loads(text) for text in gold_path.read_text(encoding="utf-8").splitlines()]
    assert (line["id"], line["text"], line["published"], [e["fatalities"] for e in line["events"]]) == (
        "afp-1", AFP, "2015-10-07", [4])
    scored = runner.invoke(app, ["eval", str(gold_path), "--format", "json", "--by-field"])
    assert scored.exit_code == 0, scored.output
    report = json.loads(scored.stdout)
    # The machine still reads five deaths; the analyst's gold says four: detection matches, the toll does not.
    assert (report["detection"], report["fields"]["fatalities"], report["misses"][0]["field_misses"]) == (
        {"n_gold": 1, "n_predicted": 1, "n_matched": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0},
        {"accuracy": 0.0, "n": 1, "correct": 0},
        [{"gold_index": 0, "event_id": "afp-1-0", "field": "fatalities", "gold": 4, "predicted": 5},
         {"gold_index": 0, "event_id": "afp-1-0", "field": "fatalities_20pct", "gold": 4, "predicted": 5}],
    )
    assert report["fields"]["fatalities"]["correct"] == 0


def test_loopback_addresses() -> None:
    assert [is_loopback(host) for host in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "192.168.1.2", "example")] == [
        True, True, True, False, False, False]
