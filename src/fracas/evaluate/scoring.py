"""Scores for predicted events against a gold file: detection, per-field accuracy, forbidden outputs.

Definitions (the README's "Measuring quality" section says the same):
  - detection: a gold event is found when it is paired with a predicted event (matching.py); precision =
    pairs / predicted events, recall = pairs / gold events, F1 their harmonic mean; micro-averaged over
    every event of the file. A ratio with a zero denominator is None (undefined), not 0.
  - field accuracy: over the pairs whose gold event asserts the field, the share the prediction gets right.
  - forbidden outputs: predicted events that must never exist whatever the gold says —
    `context_toll`: fatalities, fatalities_low, fatalities_high or civilian_fatalities equal to a figure the
    gold lists in the dispatch's context_tolls (war-wide or period tolls);
    `unsupported_place`: placed more precisely than a country, with a location.text that does not occur
    in the dispatch (ignoring accents, case and punctuation).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from fracas.evaluate.gold import GoldDispatch
from fracas.evaluate.matching import FIELD_NAMES, FIELDS, match, occurs_in
from fracas.model import Event


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class Detection:
    n_gold: int
    n_predicted: int
    n_matched: int

    @property
    def precision(self) -> float | None:
        return ratio(self.n_matched, self.n_predicted)

    @property
    def recall(self) -> float | None:
        return ratio(self.n_matched, self.n_gold)

    @property
    def f1(self) -> float | None:
        # 2PR/(P+R) written with counts: defined whenever there is any gold or predicted event.
        return ratio(2 * self.n_matched, self.n_gold + self.n_predicted)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True)
class FieldScore:
    name: str
    n: int  # matched pairs whose gold asserts the field
    correct: int

    @property
    def accuracy(self) -> float | None:
        return ratio(self.correct, self.n)


@dataclass(frozen=True)
class ForbiddenOutput:
    dispatch_id: str
    event_id: str
    reason: str  # "context_toll" | "unsupported_place"
    detail: str


@dataclass(frozen=True)
class FieldMiss:
    gold_index: int  # position of the gold event in the dispatch's "events" list
    event_id: str
    field: str
    gold: Any
    predicted: Any


@dataclass(frozen=True)
class DispatchResult:
    dispatch_id: str
    origin: str
    n_gold: int
    n_predicted: int
    pairs: tuple[tuple[int, str], ...]  # (gold index, predicted event_id)
    missed_gold: tuple[dict[str, Any], ...]  # summaries of gold events nothing was paired with
    spurious: tuple[dict[str, Any], ...]  # summaries of predicted events paired with no gold event
    field_misses: tuple[FieldMiss, ...]
    forbidden: tuple[ForbiddenOutput, ...]

    @property
    def clean(self) -> bool:
        return not (self.missed_gold or self.spurious or self.field_misses or self.forbidden)

    def to_dict(self) -> dict[str, Any]:
        raw = asdict(self)
        raw["pairs"] = [list(pair) for pair in self.pairs]
        for key in ("missed_gold", "spurious", "field_misses", "forbidden"):
            raw[key] = list(raw[key])
        return raw


@dataclass(frozen=True)
class EvalReport:
    """Everything `fracas eval` reports for one gold file."""

    gold_path: str
    n_dispatches: int
    detection: Detection
    fields: tuple[FieldScore, ...]
    forbidden: tuple[ForbiddenOutput, ...]
    dispatches: tuple[DispatchResult, ...]

    def field(self, name: str) -> FieldScore:
        return next(score for score in self.fields if score.name == name)

    def metrics(self) -> dict[str, float | None]:
        """The flat numbers a baseline pins: detection_f1, precision, recall, then each field's accuracy."""
        return {
            "detection_f1": self.detection.f1,
            "precision": self.detection.precision,
            "recall": self.detection.recall,
            **{score.name: score.accuracy for score in self.fields},
        }

    def to_dict(self, *, by_field: bool = False) -> dict[str, Any]:
        fields: dict[str, Any] = {
            s.name: {"accuracy": s.accuracy, "n": s.n, "correct": s.correct} if by_field else s.accuracy
            for s in self.fields
        }
        out: dict[str, Any] = {
            "gold": self.gold_path,
            "dispatches": self.n_dispatches,
            "detection": self.detection.to_dict(),
            "fields": fields,
            "forbidden_outputs": len(self.forbidden),
            "forbidden": [asdict(f) for f in self.forbidden],
        }
        if by_field:
            out["misses"] = [d.to_dict() for d in self.dispatches if not d.clean]
        return out


def score_dispatch(gold: GoldDispatch, predicted: Sequence[Event]) -> DispatchResult:
    # Sorted by their stable ids, so that ties in the matching never depend on the pipeline's output order.
    predicted = sorted(predicted, key=lambda event: event.event_id)
    pairs = match(gold.events, predicted)
    paired_gold = {i for i, _ in pairs}
    paired_pred = {j for _, j in pairs}
    misses = []
    for i, j in pairs:
        g, p = gold.events[i], predicted[j]
        for spec in FIELDS:
            if spec.applies(g) and not spec.correct(g, p):
                misses.append(FieldMiss(i, p.event_id, spec.name, spec.gold_value(g), spec.pred_value(p)))
    return DispatchResult(
        dispatch_id=gold.id,
        origin=gold.origin,
        n_gold=len(gold.events),
        n_predicted=len(predicted),
        pairs=tuple((i, predicted[j].event_id) for i, j in pairs),
        missed_gold=tuple(
            {"gold_index": i, **g.summary()} for i, g in enumerate(gold.events) if i not in paired_gold
        ),
        spurious=tuple(_summary(p) for j, p in enumerate(predicted) if j not in paired_pred),
        field_misses=tuple(misses),
        forbidden=forbidden_outputs(gold, predicted),
    )


def forbidden_outputs(gold: GoldDispatch, predicted: Sequence[Event]) -> tuple[ForbiddenOutput, ...]:
    found = []
    tolls = set(gold.context_tolls)
    for event in predicted:
        counts = {
            "fatalities": event.fatalities,
            "fatalities_low": event.fatalities_low,
            "fatalities_high": event.fatalities_high,
            "civilian_fatalities": event.civilian_fatalities,
        }
        used = [f"{key}={value}" for key, value in counts.items() if value is not None and value in tolls]
        if used:
            found.append(
                ForbiddenOutput(
                    gold.id,
                    event.event_id,
                    "context_toll",
                    f"{', '.join(used)} is a context toll of the dispatch",
                )
            )
        place = event.location
        if place.precision != "country" and not (place.text and occurs_in(place.text, gold.text)):
            found.append(
                ForbiddenOutput(
                    gold.id,
                    event.event_id,
                    "unsupported_place",
                    f"placed at {place.precision} level ({place.name}) but location.text {place.text!r} "
                    "is not in the dispatch",
                )
            )
    return tuple(found)


def aggregate(gold_path: str, results: Sequence[DispatchResult], gold: Sequence[GoldDispatch]) -> EvalReport:
    """Micro-averaged scores over every dispatch of a gold file."""
    n_total = dict.fromkeys(FIELD_NAMES, 0)
    wrong = dict.fromkeys(FIELD_NAMES, 0)
    by_id = {g.id: g for g in gold}
    for result in results:
        dispatch = by_id[result.dispatch_id]
        for i, _ in result.pairs:
            for spec in FIELDS:
                n_total[spec.name] += spec.applies(dispatch.events[i])
        for miss in result.field_misses:
            wrong[miss.field] += 1
    return EvalReport(
        gold_path=gold_path,
        n_dispatches=len(results),
        detection=Detection(
            n_gold=sum(r.n_gold for r in results),
            n_predicted=sum(r.n_predicted for r in results),
            n_matched=sum(len(r.pairs) for r in results),
        ),
        fields=tuple(FieldScore(name, n_total[name], n_total[name] - wrong[name]) for name in FIELD_NAMES),
        forbidden=tuple(f for r in results for f in r.forbidden),
        dispatches=tuple(results),
    )


def _summary(event: Event) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "place": event.location.name,
        "fatalities": event.fatalities,
    }
