from __future__ import annotations

import json

import pytest

from fracas.errors import UsageError
from fracas.evaluate import StaticPipeline, check_baseline, evaluate, write_baseline
from fracas.evaluate.baseline import floor2, split_key


@pytest.fixture
def split(tmp_path, write_gold, gold):
    (tmp_path / "gold").mkdir()
    path = write_gold(
        {"id": "d1", "text": "Hama", "context_tolls": [500], "events": [gold(), gold(fatalities=7)]},
        {"id": "d2", "text": "Hama", "events": [gold()]},
        name="gold/dev.jsonl",
    )
    return path


def test_floor2_rounds_down_without_float_noise():
    assert [floor2(0.29), floor2(0.2999), floor2(2 / 3), floor2(1.0), floor2(0.0)] == [
        0.29,
        0.29,
        0.66,
        1.0,
        0.0,
    ]


def test_splits_are_keyed_relative_to_the_baseline_folder(tmp_path):
    assert split_key(tmp_path / "gold" / "dev.jsonl", tmp_path / "eval_baseline.json") == "gold/dev.jsonl"


def test_written_floors_are_measured_values_rounded_down(tmp_path, split, event):
    # 3 gold events, 2 found (both agree with the fatalities=3 events): P 1, R 2/3, F1 0.8.
    report = evaluate(split, pipeline=StaticPipeline({"d1": [event()], "d2": [event()]}))
    written = write_baseline(tmp_path / "eval_baseline.json", [report])
    assert written["splits"] == {
        "gold/dev.jsonl": {
            "detection_f1": 0.8,
            "precision": 1.0,
            "recall": 0.66,
            "accuracy": {
                "sub_event_type": 1.0,
                "actor1": 1.0,
                "actor2": 1.0,
                "location_admin1": 1.0,
                "event_date": 1.0,
                "fatalities": 1.0,
                "fatalities_20pct": 1.0,
                "sources_kind": 1.0,
            },
            "forbidden_outputs_max": 0,
        }
    }
    assert json.loads((tmp_path / "eval_baseline.json").read_text()) == written
    assert check_baseline([report], tmp_path / "eval_baseline.json") == []


def test_a_drop_below_a_floor_is_reported_and_writing_it_is_refused(tmp_path, split, event):
    good = evaluate(split, pipeline=StaticPipeline({"d1": [event()], "d2": [event()]}))
    worse = evaluate(split, pipeline=StaticPipeline({"d1": [event(fatalities=500)], "d2": [event()]}))
    baseline = tmp_path / "eval_baseline.json"
    write_baseline(baseline, [good])
    assert check_baseline([worse], baseline) == [
        "gold/dev.jsonl: fatalities accuracy 0.500 is below its floor 1.0",
        "gold/dev.jsonl: fatalities_20pct accuracy 0.500 is below its floor 1.0",
        "gold/dev.jsonl: 1 forbidden output(s), at most 0 allowed:",
        "  d1 e1 context_toll: fatalities=500 is a context toll of the dispatch",
    ]
    with pytest.raises(UsageError) as err:
        write_baseline(baseline, [worse])
    assert str(err.value) == (
        "writing the baseline would lower these floors:\n"
        "  gold/dev.jsonl: fatalities 1.0 -> 0.5\n"
        "  gold/dev.jsonl: fatalities_20pct 1.0 -> 0.5\n"
        "fix the regression, or pass --allow-lower and explain why in the commit"
    )
    lowered = write_baseline(baseline, [worse], allow_lower=True)
    assert lowered["splits"]["gold/dev.jsonl"]["accuracy"]["fatalities"] == 0.5
    # Measuring never raises the forbidden-output allowance.
    assert lowered["splits"]["gold/dev.jsonl"]["forbidden_outputs_max"] == 0


def test_other_splits_in_the_baseline_are_kept(tmp_path, split, event):
    baseline = tmp_path / "eval_baseline.json"
    baseline.write_text(json.dumps({"splits": {"gold/test.jsonl": {"detection_f1": 0.5}}}))
    write_baseline(baseline, [evaluate(split, pipeline=StaticPipeline({}))])
    assert sorted(json.loads(baseline.read_text())["splits"]) == ["gold/dev.jsonl", "gold/test.jsonl"]


def test_unmeasured_metrics_unknown_names_and_missing_splits_are_problems(tmp_path, split, event):
    baseline = tmp_path / "eval_baseline.json"
    baseline.write_text(
        json.dumps(
            {
                "splits": {
                    "gold/dev.jsonl": {
                        "detection_f1": 0.5,
                        "accuracy": {"civilian_fatalities": 0.5, "wounded": 0.5},
                    }
                }
            }
        )
    )
    report = evaluate(split, pipeline=StaticPipeline({"d1": [event()]}))
    assert check_baseline([report], baseline) == [
        "gold/dev.jsonl: civilian_fatalities accuracy was not measured (no gold event asserts it) "
        "but has floor 0.5",
        "gold/dev.jsonl: the baseline pins unknown metric 'wounded'; known: detection_f1, precision, recall, "
        "sub_event_type, actor1, actor2, actor1_kind_country, actor2_kind_country, location_admin1, "
        "location_25km, event_date, fatalities, "
        "fatalities_20pct, civilian_fatalities, sources_kind",
    ]
    baseline.write_text(json.dumps({"splits": {}}))
    assert check_baseline([report], baseline) == [
        f"gold/dev.jsonl: no floors in {baseline}; add them with --write-baseline"
    ]


def test_a_malformed_baseline_is_a_usage_error(tmp_path):
    baseline = tmp_path / "eval_baseline.json"
    baseline.write_text("[]")
    with pytest.raises(UsageError) as err:
        check_baseline([], baseline)
    assert str(err.value) == f'{baseline}: a baseline is an object with a "splits" object keyed by gold file'
