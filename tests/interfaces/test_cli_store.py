"""`fracas ingest`, `events`, `show`, `export` end to end, with a fake pipeline instead of the NLP model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_fakes import FakePipeline, marker  # noqa: E402
from store_servers import new_postgres_url  # noqa: E402,F401 - a fixture

from fracas.interfaces import cli_store  # noqa: E402
from fracas.interfaces.cli import app  # noqa: E402
from fracas.model import Dispatch  # noqa: E402

AFP = (
    "Des avions russes ont frappé mercredi Talbiseh, dans la province de Homs, tuant cinq civils, selon l'OSDH. "
    + marker(place="Talbiseh", deaths=5, source="Syrian Observatory for Human Rights:ngo")
)
RFI = (
    "Talbiseh a de nouveau été bombardée ce mercredi par l'aviation russe; un responsable local évoque six morts. "
    + marker(place="Talbiseh", lat=34.85, deaths=6, source="Local official:local_official")
)
GAO = (
    "Des combats ont opposé mardi l'armée malienne à des jihadistes près de Gao. "
    + marker(sub="Armed clash", place="Gao", admin1="Gao", country="ML", lat=16.27, lon=-0.04, date="2015-10-06",
             actor1="Military Forces of Mali", notes="Malian soldiers fought militants near Gao.")
)

runner = CliRunner()


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(cli_store, "_load_pipeline", FakePipeline)
    monkeypatch.delenv("FRACAS_DB", raising=False)
    (tmp_path / "afp.txt").write_text(AFP, encoding="utf-8")
    lines = [json.dumps({"text": RFI, "published": "2015-10-07", "outlet": "RFI"}), "{not json", json.dumps({"text": GAO})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(tmp_path / "afp.txt"), str(tmp_path / "feed.jsonl")]


def _ingest(inputs: list[str], db: str):
    return runner.invoke(app, ["ingest", *inputs, "--db", db, "--published", "2015-10-07"])


def _events(db: str, *options: str) -> list[dict]:
    result = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_ingest_twice_gives_the_same_events(inputs, tmp_path):
    db = str(tmp_path / "f.db")
    first = _ingest(inputs, db)
    assert first.exit_code == 0, first.output
    assert first.stderr.splitlines()[-1] == (
        "dispatches: 3 read, 3 new, 0 duplicate, 0 near-duplicate, 0 irrelevant; events: 2 new, 1 merged; rejections: 1"
    )
    assert "fracas: skipped: " + inputs[1] + " line 2 is not valid JSON" in first.stderr
    before = _events(db)
    second = _ingest(inputs, db)
    assert second.exit_code == 0, second.output
    assert second.stderr.splitlines()[-1] == (
        "dispatches: 3 read, 0 new, 3 duplicate, 0 near-duplicate, 0 irrelevant; events: 0 new, 0 merged; rejections: 1"
    )
    assert _events(db) == before
    assert [(e["sub_event_type"], e["location"]["name"], len(e["sources"])) for e in before] == [
        ("Armed clash", "Gao", 1), ("Air/drone strike", "Talbiseh", 2),
    ]


def test_events_filters(inputs, tmp_path):
    db = f"sqlite:///{tmp_path / 'f.db'}"
    assert _ingest(inputs, db).exit_code == 0
    names = lambda *options: [e["location"]["name"] for e in _events(db, *options)]  # noqa: E731
    assert names("--country", "sy") == ["Talbiseh"]
    assert names("--admin1", "Gao") == ["Gao"]
    assert names("--since", "2015-10-07") == ["Talbiseh"]
    assert names("--until", "2015-10-06") == ["Gao"]
    assert names("--type", "Battles") == ["Gao"]
    assert names("--type", "air/drone strike") == ["Talbiseh"]
    assert names("--sub-type", "Armed clash") == ["Gao"]
    assert names("--actor", "russia") == ["Talbiseh"]
    assert names("--search", "bombardee") == ["Talbiseh"]
    assert names("--search", "militants") == ["Gao"]
    assert names("--limit", "1") == ["Gao"]
    bad = runner.invoke(app, ["events", "--db", db, "--type", "Bombing"])
    assert bad.exit_code == 1
    assert "--type 'Bombing' is not an ACLED name" in bad.stderr
    bad_date = runner.invoke(app, ["events", "--db", db, "--since", "07/10/2015"])
    assert "--since '07/10/2015' is not a date; give it as YYYY-MM-DD" in bad_date.stderr


def test_events_table_and_csv(inputs, tmp_path):
    db = str(tmp_path / "f.db")
    assert _ingest(inputs, db).exit_code == 0
    table = runner.invoke(app, ["events", "--db", db])
    assert table.exit_code == 0
    assert "Talbiseh" in table.stdout and "Gao" in table.stdout
    csv = runner.invoke(app, ["events", "--db", db, "--format", "csv"])
    assert csv.exit_code == 0
    assert csv.stdout.splitlines()[0].startswith("event_id_cnty,event_date,year")
    assert len(csv.stdout.splitlines()) == 3



def test_events_table_shows_one_page_and_says_how_to_get_the_next(inputs, tmp_path):
    db = str(tmp_path / "f.db")
    assert _ingest(inputs, db).exit_code == 0
    footers = []
    for options in (["--page-size", "1"], ["--page", "2", "--page-size", "1"], ["--page", "3", "--page-size", "1"]):
        result = runner.invoke(app, ["events", "--db", db, *options])
        assert result.exit_code == 0, result.output
        footers.append(result.stderr.splitlines()[-1])
    assert footers == ["page 1: events 1-1; next page: --page 2", "page 2: events 2-2", "page 3: no events"]
    first_page = runner.invoke(app, ["events", "--db", db, "--page-size", "1"]).stdout
    assert ("Gao" in first_page, "Talbiseh" in first_page) == (True, False)
    everything = _events(db)
    assert _events(db, "--page", "2", "--page-size", "1") == everything[1:]
    assert _events(db, "--limit", "1", "--page", "2") == []

def test_show_explains_the_merge(inputs, tmp_path):
    db = str(tmp_path / "f.db")
    assert _ingest(inputs, db).exit_code == 0
    afp_id = Dispatch.make_id(AFP)
    result = runner.invoke(app, ["show", f"{afp_id}-0", "--db", db])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.splitlines()[0] == f"Event {afp_id}-0"
    assert "  - Syrian Observatory for Human Rights (ngo)" in out
    assert "  - Local official (local_official)" in out
    assert "Dispatches (2)" in out
    assert "first report of this event" in out
    assert "merged because: same sub-event type (Air/drone strike);" in out
    assert '    location: "Talbiseh"' in out
    missing = runner.invoke(app, ["show", "nope", "--db", db])
    assert missing.exit_code == 1
    assert "no event 'nope'" in missing.stderr


def test_show_prints_control_sequences_of_the_input_as_text(inputs, tmp_path):
    db = str(tmp_path / "f.db")
    hostile = tmp_path / "hostile.jsonl"
    text = "Des avions russes ont frappé \x1b]0;pwned\x07mercredi Talbiseh \x1b[2J\x1b[31m, selon l'OSDH. " + marker(
        place="Talbiseh", source="Syrian Observatory for Human Rights:ngo")
    hostile.write_text(json.dumps({"text": text, "published": "2015-10-07", "id": "esc-1",
                                   "outlet": "\x1b[1mAFP\x9b2J"}) + "\n", encoding="utf-8")
    assert _ingest([str(hostile)], db).exit_code == 0
    result = runner.invoke(app, ["show", "esc-1-0", "--db", db])
    assert result.exit_code == 0, result.output
    assert [char for char in result.stdout if ord(char) < 32 and char != "\n" or 127 <= ord(char) < 160] == []
    assert "[1] esc-1 (\ufffd[1mAFP\ufffd2J, 2015-10-07) from" in result.stdout
    assert "frappé \ufffd]0;pwned\ufffdmercredi Talbiseh \ufffd[2J\ufffd[31m, selon" in result.stdout


def test_export_formats_open_in_pandas(inputs, tmp_path):
    db = str(tmp_path / "f.db")
    assert _ingest(inputs, db).exit_code == 0
    for fmt, name in (("acled-csv", "out.csv"), ("parquet", "out.parquet"), ("geojson", "out.geojson"),
                      ("jsonl", "out.jsonl")):
        result = runner.invoke(app, ["export", "--db", db, "--format", fmt, "-o", str(tmp_path / name),
                                     "--country", "SY"])
        assert result.exit_code == 0, result.output
        assert result.stderr.strip() == f"1 events written to {tmp_path / name}"
    assert pd.read_csv(tmp_path / "out.csv")["location"].tolist() == ["Talbiseh"]
    assert pd.read_parquet(tmp_path / "out.parquet").shape[0] == 1
    geojson = json.loads((tmp_path / "out.geojson").read_text())
    assert (geojson["type"], len(geojson["features"])) == ("FeatureCollection", 1)
    assert [json.loads(line)["location"]["name"] for line in (tmp_path / "out.jsonl").read_text().splitlines()] == [
        "Talbiseh"
    ]


@pytest.mark.postgres
def test_ingest_into_postgres(inputs, new_postgres_url):
    from fracas.store import open_store

    url = new_postgres_url()
    assert _ingest(inputs, url).exit_code == 0
    assert [e["location"]["name"] for e in _events(url, "--search", "bombardées")] == ["Talbiseh"]
    with open_store(url) as store:
        assert store.counts().events == 2


def test_every_store_command_has_help():
    for command in ("ingest", "events", "show", "export"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "--db" in result.stdout


def test_unknown_store_url_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["events", "--db", "mysql://x/y"])
    assert result.exit_code == 1
    assert "unknown store URL scheme 'mysql'" in result.stderr
