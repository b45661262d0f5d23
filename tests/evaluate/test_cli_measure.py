from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from fracas.evaluate import StaticPipeline, evaluate
from fracas.evaluate import bench as benchmod
from fracas.evaluate.memory import PeakMemory
from fracas.interfaces import cli_measure
from fracas.interfaces.cli import app
from fracas.model import Dispatch

runner = CliRunner()


@pytest.fixture
def gold_path(write_gold, gold):
    return write_gold(
        {"id": "d1", "text": "Frappes russes sur Hama.", "events": [gold()]},
        {
            "id": "d2",
            "text": "Combats à Hama.",
            "events": [gold(event_type="Battles", sub_event_type="Armed clash")],
        },
    )


@pytest.fixture
def pipeline(monkeypatch, event):
    fake = StaticPipeline({"d1": [event()]})
    monkeypatch.setattr(cli_measure, "load_pipeline", lambda: fake)
    return fake


def test_eval_json_is_one_report_object_per_gold_file(gold_path, pipeline):
    result = runner.invoke(app, ["eval", str(gold_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        evaluate(gold_path, pipeline=pipeline).to_dict()
    ]


def test_eval_by_field_json_carries_counts_and_misses(gold_path, pipeline):
    result = runner.invoke(app, ["eval", str(gold_path), "--format", "json", "--by-field"])
    assert json.loads(result.stdout) == evaluate(gold_path, pipeline=pipeline).to_dict(by_field=True)


def test_eval_table(gold_path, pipeline):
    result = runner.invoke(app, ["eval", str(gold_path), "--by-field"])
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert " ".join(lines).startswith(f"{gold_path}: 2 dispatches event detection")
    assert "│ 2 │ 1 │ 1 │ 100.0% │ 50.0% │ 66.7% │" in lines
    assert "│ fatalities_20pct │ 100.0% │ 1 │ 1 │" in lines
    assert lines[-1] == "forbidden outputs: 0"


def test_eval_check_fails_below_the_baseline_and_write_baseline_pins(tmp_path, gold_path, pipeline):
    baseline = tmp_path / "eval_baseline.json"
    written = runner.invoke(
        app, ["eval", str(gold_path), "--format", "json", "--write-baseline", str(baseline)]
    )
    assert written.exit_code == 0, written.output
    assert json.loads(baseline.read_text())["splits"]["gold.jsonl"]["recall"] == 0.5
    assert (
        runner.invoke(app, ["eval", str(gold_path), "--format", "json", "--check", str(baseline)]).exit_code
        == 0
    )
    data = json.loads(baseline.read_text())
    data["splits"]["gold.jsonl"]["recall"] = 0.9
    baseline.write_text(json.dumps(data))
    failed = runner.invoke(app, ["eval", str(gold_path), "--format", "json", "--check", str(baseline)])
    assert failed.exit_code == 1
    assert (
        failed.stderr
        == "fracas: error: below the baseline:\ngold.jsonl: recall 0.500 is below its floor 0.9\n"
    )


def test_eval_bad_gold_file_is_a_one_line_error(write_gold, pipeline):
    path = write_gold('{"id": "a", "text": "x", "events": [}')
    result = runner.invoke(app, ["eval", str(path)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"fracas: error: {path}:1: not valid JSON (Expecting value at column 37)\n",
    )


class FakeNlp:
    def pipe(self, texts, n_process=1, batch_size=32):
        yield from texts


def test_bench_prints_the_machine_readable_line_last(monkeypatch, pipeline):
    dispatches = [
        Dispatch(id="d1", text="Frappes russes sur Hama."),
        Dispatch(id="d2", text="Combats à Hama."),
    ]
    monkeypatch.setattr(cli_measure, "_load_spacy", FakeNlp)
    monkeypatch.setattr(benchmod, "bundled_dispatches", lambda: dispatches)
    result = runner.invoke(app, ["bench", "--no-cold-start", "--repeat", "3"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "6 dispatches, 21 words, --processes 1"
    assert re.fullmatch(
        r"throughput_ratio=\d+\.\d\d fracas_words_per_s=\d+ spacy_words_per_s=\d+ peak_rss_mb=\d+ "
        r"cold_start_s=nan cpu_ratio=(\d+\.\d\d|nan)",
        lines[-1],
    ), lines[-1]


def test_repeats_get_distinct_ids_and_default_to_400_dispatches():
    dispatches = [Dispatch(id="a", text="x"), Dispatch(id="b", text="y")]
    assert [d.id for d in benchmod.repeat_dispatches(dispatches, 2)] == ["a#0", "b#0", "a#1", "b#1"]
    assert (benchmod.default_repeat(2), benchmod.default_repeat(90), benchmod.default_repeat(500)) == (
        200,
        5,
        1,
    )


def test_cold_start_waits_for_the_first_event_marker():
    code = (
        "import sys, json; json.loads(sys.argv[1]); print('loading');"
        "print('FRACAS_FIRST_EVENT 2', flush=True);"
        "print('FRACAS_PEAK_MB 812.5')"
    )
    cold = benchmod.measure_cold_start(Dispatch(id="a", text="Hama"), code=code)
    assert (cold.events, cold.seconds > 0, cold.peak_rss_mb) == (2, True, 812.5)


def test_a_failing_cold_start_shows_its_error():
    with pytest.raises(benchmod.UsageError) as err:
        benchmod.measure_cold_start(Dispatch(id="a", text="Hama"), code="raise SystemExit('no model')")
    assert str(err.value) == "the cold-start run failed (exit code 1); its error output:\nno model"


def test_peak_memory_of_this_process_tree_is_measured():
    with PeakMemory(interval_s=0.01) as memory:
        data = bytearray(10 * 2**20)
    assert (memory.method in ("pss", "rusage"), memory.peak_mb > 10, len(data)) == (True, True, 10 * 2**20)
