"""Measuring fracas against hand-coded gold files: `evaluate()`, its report, and the quality-gate floors."""

from fracas.evaluate.baseline import check_baseline, check_report, write_baseline
from fracas.evaluate.gold import GoldDispatch, GoldEvent, GoldPlace, read_gold
from fracas.evaluate.real import RealGold, RealReport, load_real_gold, read_index
from fracas.evaluate.run import EventPipeline, StaticPipeline, evaluate, evaluate_real
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
    "RealGold",
    "RealReport",
    "StaticPipeline",
    "check_baseline",
    "check_report",
    "evaluate",
    "evaluate_real",
    "load_real_gold",
    "read_gold",
    "read_index",
    "write_baseline",
]
