"""`evaluate()`: run fracas over a gold file and score what it predicts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from fracas.evaluate.gold import GoldDispatch, read_gold
from fracas.evaluate.real import RealGold, RealReport
from fracas.evaluate.scoring import EvalReport, aggregate, score_dispatch
from fracas.model import Dispatch, Event


class EventPipeline(Protocol):
    """What evaluate() and bench need of fracas.pipeline.Pipeline (tests pass a small double)."""

    def run_iter(
        self, dispatches: Iterable[Dispatch], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[tuple[Dispatch, list[Event]]]: ...


class StaticPipeline:
    """A pipeline double that returns given events per dispatch id: for tests, or to score events
    produced elsewhere (e.g. read back with Event.from_dict)."""

    def __init__(self, events_by_dispatch: Mapping[str, Sequence[Event]]) -> None:
        self._events = {key: list(events) for key, events in events_by_dispatch.items()}

    def run_iter(
        self, dispatches: Iterable[Dispatch], n_process: int = 1, batch_size: int = 32
    ) -> Iterator[tuple[Dispatch, list[Event]]]:
        for dispatch in dispatches:
            yield dispatch, list(self._events.get(dispatch.id, ()))


def load_pipeline() -> EventPipeline:
    # Imported here so that reading and scoring gold files never needs the spaCy model.
    from fracas.pipeline import Pipeline

    return Pipeline.load()


def evaluate(
    gold_path: str | Path, *, pipeline: EventPipeline | None = None, n_process: int = 1
) -> EvalReport:
    """Read a gold file, run the pipeline on each dispatch (its published/outlet/id), and score the events."""
    return evaluate_dispatches(str(gold_path), read_gold(gold_path), pipeline=pipeline, n_process=n_process)


def evaluate_dispatches(
    label: str,
    gold: Sequence[GoldDispatch],
    *,
    pipeline: EventPipeline | None = None,
    n_process: int = 1,
) -> EvalReport:
    """Run the pipeline on already-read gold dispatches and score them; `label` names them in the report."""
    if pipeline is None:
        pipeline = load_pipeline()
    predicted: dict[str, list[Event]] = {}
    for dispatch, events in pipeline.run_iter([g.to_dispatch() for g in gold], n_process=n_process):
        predicted[dispatch.id] = list(events)
    missing = [g.id for g in gold if g.id not in predicted]
    if missing:
        # A pipeline that drops a dispatch would otherwise be scored as finding nothing in it.
        raise RuntimeError(
            f"the pipeline returned no result for {len(missing)} gold dispatch(es) "
            f"({', '.join(missing[:5])}); "
            "run_iter must yield every dispatch it is given"
        )
    return aggregate(label, [score_dispatch(g, predicted[g.id]) for g in gold], gold)


def evaluate_real(
    gold: RealGold, *, pipeline: EventPipeline | None = None, n_process: int = 1
) -> RealReport:
    """Score one split of a real-text index joined with its texts (`fracas.evaluate.real.load_real_gold`)."""
    label = f"{gold.index_path} [{gold.split}]"
    report = evaluate_dispatches(label, gold.dispatches, pipeline=pipeline, n_process=n_process)
    return RealReport(report, gold)
