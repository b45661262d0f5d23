"""The quality gate's pinned floors: a JSON file of minimum scores per gold file.

    {"splits": {"gold/dev.jsonl": {"detection_f1": 0.71, "precision": 0.8, "recall": 0.64,
                                   "accuracy": {"sub_event_type": 0.9, ...},
                                   "forbidden_outputs_max": 0},
               "gold/negatives.jsonl": {"accuracy": {}, "forbidden_outputs_max": 0, "false_events_max": 0}}}

Gold files are keyed by their path relative to the baseline file's folder, so the gate finds them from
any working directory. Floors are measured values rounded *down* to two decimals. Writing never lowers
an existing floor unless asked (`allow_lower`): lowering one is a deliberate, explained change.
A gold file with no gold event at all (dispatches that report no conflict) is pinned by
`false_events_max`: the events predicted in it, all false, at most that many (0, never raised).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

from fracas.errors import UsageError
from fracas.evaluate.scoring import EvalReport

TOP_METRICS = ("detection_f1", "precision", "recall")


def split_key(gold_path: str | Path, baseline_path: str | Path) -> str:
    base = Path(baseline_path).resolve().parent
    return Path(os.path.relpath(Path(gold_path).resolve(), base)).as_posix()


def floor2(value: float) -> float:
    """Round down to 2 decimals without float noise (0.29 stays 0.29, 0.2999 becomes 0.29)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_FLOOR))


def load_baseline(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise UsageError(
            f"{path}: no baseline file; write one with `fracas eval --write-baseline {path} GOLD...`"
        ) from err
    except json.JSONDecodeError as err:
        raise UsageError(f"{path}: baseline is not valid JSON ({err})") from err
    if not isinstance(data, dict) or not isinstance(data.get("splits"), dict):
        raise UsageError(f'{path}: a baseline is an object with a "splits" object keyed by gold file')
    return data


def floors_from(report: EvalReport) -> dict[str, Any]:
    """Floors for one report: measured values rounded down; metrics that were not measured get none."""
    metrics = report.metrics()
    floors: dict[str, Any] = {name: floor2(v) for name in TOP_METRICS if (v := metrics[name]) is not None}
    floors["accuracy"] = {
        score.name: floor2(score.accuracy) for score in report.fields if score.accuracy is not None
    }
    floors["forbidden_outputs_max"] = 0
    if report.detection.n_gold == 0:
        floors["false_events_max"] = 0
    return floors


def false_events(report: EvalReport) -> int:
    """Predicted events paired with no gold event."""
    return report.detection.n_predicted - report.detection.n_matched


def check_report(report: EvalReport, floors: dict[str, Any], *, label: str) -> list[str]:
    """Every way `report` falls short of `floors`, one readable line each (empty when it passes)."""
    metrics = report.metrics()
    wanted = {name: floors[name] for name in TOP_METRICS if name in floors}
    wanted.update({name: floor for name, floor in floors.get("accuracy", {}).items()})
    problems = []
    for name, floor in wanted.items():
        label_name = name if name in TOP_METRICS else f"{name} accuracy"
        if name not in metrics:
            problems.append(
                f"{label}: the baseline pins unknown metric {name!r}; known: {', '.join(metrics)}"
            )
        elif metrics[name] is None:
            problems.append(
                f"{label}: {label_name} was not measured (no gold event asserts it) but has floor {floor}"
            )
        elif metrics[name] < floor:  # type: ignore[operator]
            problems.append(f"{label}: {label_name} {metrics[name]:.3f} is below its floor {floor}")
    allowed = floors.get("forbidden_outputs_max", 0)
    if len(report.forbidden) > allowed:
        problems.append(f"{label}: {len(report.forbidden)} forbidden output(s), at most {allowed} allowed:")
        problems.extend(f"  {f.dispatch_id} {f.event_id} {f.reason}: {f.detail}" for f in report.forbidden)
    return problems + _false_event_problems(report, floors, label)


def _false_event_problems(report: EvalReport, floors: dict[str, Any], label: str) -> list[str]:
    if "false_events_max" not in floors or false_events(report) <= floors["false_events_max"]:
        return []
    return [f"{label}: {false_events(report)} false event(s), at most {floors['false_events_max']} allowed:"] + [
        f"  {d.dispatch_id} {e['event_id']} {e['sub_event_type']} at {e['place']}"
        for d in report.dispatches for e in d.spurious]


def check_baseline(reports: Sequence[EvalReport], baseline_path: str | Path) -> list[str]:
    """Check each report against its split's floors; a report with no floors in the baseline is a problem."""
    splits = load_baseline(baseline_path)["splits"]
    problems = []
    for report in reports:
        key = split_key(report.gold_path, baseline_path)
        if key not in splits:
            problems.append(f"{key}: no floors in {baseline_path}; add them with --write-baseline")
            continue
        problems.extend(check_report(report, splits[key], label=key))
    return problems


def write_baseline(
    baseline_path: str | Path, reports: Sequence[EvalReport], *, allow_lower: bool = False
) -> dict[str, Any]:
    """Pin the reports' measured values as floors; other splits already in the file are kept."""
    path = Path(baseline_path)
    data: dict[str, Any] = (
        load_baseline(path)
        if path.exists()
        else {
            "about": "Quality floors checked by tests/eval_gate.py. Raise them with "
            "`fracas eval --write-baseline`; "
            "lowering one is a deliberate, explained commit.",
            "splits": {},
        }
    )
    lowered = []
    for report in reports:
        key = split_key(report.gold_path, path)
        new, old = floors_from(report), data["splits"].get(key, {})
        for name, floor in _flat(old).items():
            if name != "forbidden_outputs_max" and _flat(new).get(name, -1.0) < floor:
                lowered.append(f"{key}: {name} {floor} -> {_flat(new).get(name, 'not measured')}")
        # The forbidden-output allowance is never raised by measuring: outputs must be fixed, not pinned.
        new["forbidden_outputs_max"] = min(old.get("forbidden_outputs_max", 0), 0)
        if "false_events_max" in old or "false_events_max" in new:
            new["false_events_max"] = min(old.get("false_events_max", 0), 0)
        data["splits"][key] = new
    if lowered and not allow_lower:
        raise UsageError(
            "writing the baseline would lower these floors:\n  "
            + "\n  ".join(lowered)
            + "\nfix the regression, or pass --allow-lower and explain why in the commit"
        )
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return data


def _flat(floors: dict[str, Any]) -> dict[str, float]:
    flat = {k: v for k, v in floors.items() if k not in ("accuracy", "false_events_max")}
    flat.update(floors.get("accuracy", {}))
    return flat
