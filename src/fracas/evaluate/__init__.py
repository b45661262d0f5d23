"""Measuring fracas against hand-coded gold files: `evaluate()`, its report, and the quality-gate floors."""

from fracas.evaluate.baseline import check_baseline, check_report, write_baseline
from fracas.evaluate.gold import GoldDispatch, GoldEvent, GoldPlace, read_gold
from fracas.evaluate.run import EventPipeline, StaticPipeline, evaluate
from fracas.evaluate.scoring import Detection, DispatchResult, EvalReport, FieldScore, ForbiddenOutput

__all__ = [
    "Detection",
    "DispatchResult",
    "EvalReport",
    "EventPipeline",
    "FieldScore",
    "ForbiddenOutput",
    "GoldDispatch",
    "GoldEvent",
    "GoldPlace",
    "StaticPipeline",
    "check_baseline",
    "check_report",
    "evaluate",
    "read_gold",
    "write_baseline",
]
