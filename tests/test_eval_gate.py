"""Runs tests/eval_gate.py under pytest (pytest only collects test_*.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from fracas.evaluate import StaticPipeline
from fracas.model import Actor, Event, Place

# Loaded by path so that this works under any pytest import mode.
_spec = importlib.util.spec_from_file_location("eval_gate", Path(__file__).with_name("eval_gate.py"))
assert _spec is not None and _spec.loader is not None
eval_gate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_gate)


@pytest.mark.model
def test_gold_scores_stay_above_their_pinned_floors():
    problems = eval_gate.gate_problems()
    assert not problems, eval_gate.gate_message(problems)


def test_gate_reports_every_metric_below_its_floor(tmp_path):
    # The mechanism on a fake pipeline: of two gold events one is found, with a context toll as its toll.
    place = {"admin1": "Hama", "country": "SY"}
    lines = [
        {
            "id": "d1",
            "text": "Frappe sur Hama. La guerre a fait 100 morts.",
            "context_tolls": [100],
            "events": [{"event_type": "Battles", "location": place, "fatalities": 4}],
        },
        {"id": "d2", "text": "Combats à Hama.", "events": [{"event_type": "Battles", "location": place}]},
    ]
    (tmp_path / "dev.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    floors = {
        "detection_f1": 0.9,
        "precision": 0.9,
        "recall": 0.9,
        "accuracy": {"fatalities": 0.5},
        "forbidden_outputs_max": 0,
    }
    (tmp_path / "baseline.json").write_text(json.dumps({"splits": {"dev.jsonl": floors}}), encoding="utf-8")
    found = Event(
        event_id="e1",
        event_date="2015-10-07",
        date_precision="day",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=Actor("Military Forces of Syria", "state_forces", "SYR", "armée"),
        actor2=None,
        location=Place("Hama", "Hama", None, "SY", 35.13, 36.75, None, "admin1", "Hama"),
        fatalities=100,
        sources=(),
        confidence="weak",
        evidence=(),
        dispatch_ids=("d1",),
    )
    problems = eval_gate.gate_problems(
        (tmp_path / "dev.jsonl",), tmp_path / "baseline.json", pipeline=StaticPipeline({"d1": [found]})
    )
    assert problems == [
        "dev.jsonl: detection_f1 0.667 is below its floor 0.9",
        "dev.jsonl: recall 0.500 is below its floor 0.9",
        "dev.jsonl: fatalities accuracy 0.000 is below its floor 0.5",
        "dev.jsonl: 1 forbidden output(s), at most 0 allowed:",
        "  d1 e1 context_toll: fatalities=100 is a context toll of the dispatch",
    ]
    assert eval_gate.gate_message(problems).splitlines()[0] == "the quality gate failed (eval_baseline.json):"
