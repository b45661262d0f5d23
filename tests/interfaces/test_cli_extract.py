"""`fracas extract`: formats, stdin, and what happens to input that cannot be read."""

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from fracas.interfaces.cli import app

pytestmark = pytest.mark.model
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hama-2015-10-07.txt"
runner = CliRunner()


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, ["extract", *args], input=stdin)


def test_jsonl_records_follow_the_contract(event_schema):
    result = run(str(EXAMPLE), "--published", "2015-10-07", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["location"]["admin1"] for r in records] == ["Hama", "Idleb", "Hama"]
    for record in records:
        jsonschema.validate(record, event_schema)


def test_csv_has_acled_columns_first():
    result = run(str(EXAMPLE), "-p", "2015-10-07", "-f", "csv")
    header = next(csv.reader(io.StringIO(result.stdout)))
    assert header[:8] == ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                          "sub_event_type", "actor1"]


def test_json_lines_from_stdin_with_a_malformed_line():
    lines = [
        json.dumps({"id": "a", "published": "2019-03-24", "text": "Des hommes armés ont tué samedi dix villageois "
                    "à Ogossagou, dans la région de Mopti, selon un responsable local."}),
        "{not json",
    ]
    result = run("-", "-f", "jsonl", stdin="\n".join(lines) + "\n")
    assert result.exit_code == 0
    assert [json.loads(line)["dispatch_ids"] for line in result.stdout.splitlines()] == [["a"]]
    assert result.stderr.startswith("fracas: skipped: <stdin> line 2 is not valid JSON")


def test_unreadable_inputs_are_reported_and_good_ones_still_read(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run(str(empty), str(EXAMPLE), "-p", "2015-10-07", "-f", "jsonl")
    assert result.exit_code == 0
    assert "empty.txt" in result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_nothing_readable_is_an_error(tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\x00\x10JFIF\x00" * 50)
    english = tmp_path / "english.txt"
    english.write_text("The army said on Tuesday that it had repelled an attack on its base near the border, "
                       "killing several of the attackers, according to officials.", encoding="utf-8")
    result = run(str(binary), str(english))
    assert result.exit_code == 1
    assert "photo.jpg" in result.stderr and "english.txt" in result.stderr
    assert "no dispatch could be read" in result.stderr


def test_a_bad_publication_date_says_how_to_write_one():
    result = run(str(EXAMPLE), "--published", "07/10/2015")
    assert result.exit_code == 1
    assert "YYYY-MM-DD" in result.stderr
