"""Showing an EvalReport: rich tables for people, one JSON object per gold file for machines."""

from __future__ import annotations

import json

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from fracas.evaluate.real import RealReport
from fracas.evaluate.scoring import EvalReport


def to_json(report: EvalReport | RealReport, *, by_field: bool = False) -> str:
    return json.dumps(report.to_dict(by_field=by_field), ensure_ascii=False)


def as_rich(report: EvalReport, *, by_field: bool = False) -> Group:
    d = report.detection
    header = Text(f"{report.gold_path}: {report.n_dispatches} dispatches", style="bold")
    detection = Table(title="event detection", title_justify="left")
    for column in ("gold events", "predicted", "matched", "precision", "recall", "F1"):
        detection.add_column(column, justify="right")
    detection.add_row(
        str(d.n_gold), str(d.n_predicted), str(d.n_matched), _pct(d.precision), _pct(d.recall), _pct(d.f1)
    )

    fields = Table(title="field accuracy on matched events", title_justify="left")
    fields.add_column("field")
    fields.add_column("accuracy", justify="right")
    if by_field:
        fields.add_column("correct", justify="right")
        fields.add_column("n", justify="right")
    for score in report.fields:
        row = [score.name, _pct(score.accuracy)]
        fields.add_row(*(row + [str(score.correct), str(score.n)] if by_field else row))

    parts: list[Table | Text] = [header, detection, fields]
    count = len(report.forbidden)
    parts.append(Text(f"forbidden outputs: {count}", style="bold red" if count else "bold green"))
    parts.extend(
        Text(f"  {f.dispatch_id} {f.event_id} {f.reason}: {f.detail}", style="red") for f in report.forbidden
    )
    return Group(*parts)


def print_table(report: EvalReport, *, by_field: bool = False, console: Console | None = None) -> None:
    (console or Console()).print(as_rich(report, by_field=by_field))


def print_real_summary(real: RealReport, console: Console | None = None) -> None:
    """What a real-text split covered: articles scored, the non-conflict figure, texts not scored."""
    gold = real.gold
    lines = [
        f"real-text split {gold.split}: {len(gold.dispatches)} of {gold.n_selected} articles scored "
        f"(texts from {gold.texts_dir})",
    ]
    rate = real.false_events_per_100_nonconflict
    if rate is not None:
        lines.append(
            f"false events per 100 non-conflict articles: {rate:.1f} ({real.n_nonconflict} articles)"
        )
    conflict = real.conflict_detection
    if conflict.n_gold:
        lines.append(f"conflict articles: precision {_pct(conflict.precision)}, recall {_pct(conflict.recall)} "
                     f"({conflict.n_matched} of {conflict.n_gold} gold events found, {conflict.n_predicted} predicted)")
    lines.extend(f"not scored: {problem.message()}" for problem in gold.problems)
    (console or Console()).print(Text("\n".join(lines)))


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"
