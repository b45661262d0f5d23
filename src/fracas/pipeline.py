"""Pipeline: the one place the stages are chained — dispatches in, events (and rejections) out."""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from fracas.model import Dispatch, Event, ExtractionResult, Rejection
from fracas.nlp.components import dispatch_to_user_data
from fracas.nlp.loading import load_language


class Pipeline:
    """The French model with the fracas components; load once, run on many dispatches."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    @classmethod
    def load(cls, *, actors_file: str | Path | None = None) -> Pipeline:
        """Load the model once; `actors_file` adds your own actors (YAML, the shape of data/actors.yaml)."""
        return cls(load_language(str(actors_file) if actors_file else None))

    def run_iter(self, dispatches: Iterable[Dispatch], *, n_process: int = 1, batch_size: int = 32,
                 on_rejection: Callable[[Rejection], None] | None = None) -> Iterator[tuple[Dispatch, list[Event]]]:
        """Each dispatch with its events, in input order.

        A dispatch whose events cannot be read (no date to resolve them against, say) yields no events and
        is reported through `on_rejection`. With `n_process` > 1, forked workers each run the whole pipeline
        on batches of dispatches and send back only the events: unlike `nlp.pipe(n_process=...)`, no parsed
        Doc crosses a process boundary, so the parent stays idle and the workers get the cores.
        """
        if n_process > 1 and "fork" in mp.get_all_start_methods():
            results = self._forked(dispatches, n_process, batch_size)
        else:
            results = self._extracted(dispatches, n_process=n_process, batch_size=batch_size)
        for dispatch, events, rejection in results:
            if rejection is not None and on_rejection is not None:
                on_rejection(dispatch.rejected(rejection))
            yield dispatch, [Event.from_dict(data) for data in events]

    def _extracted(self, dispatches: Iterable[Dispatch], *, n_process: int = 1,
                   batch_size: int = 32) -> Iterator[tuple[Dispatch, list[dict[str, Any]], str | None]]:
        """(dispatch, event dicts, rejection message) in input order, from this process's model."""
        pending: deque[Dispatch] = deque()

        def docs() -> Iterator[Doc]:
            for dispatch in dispatches:
                doc = self.nlp.make_doc(dispatch.text)
                doc._.fracas_dispatch = dispatch_to_user_data(dispatch)
                pending.append(dispatch)
                yield doc

        for doc in self.nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
            yield pending.popleft(), list(doc._.fracas_events or ()), doc._.fracas_rejection

    def _forked(self, dispatches: Iterable[Dispatch], n_process: int,
                batch_size: int) -> Iterator[tuple[Dispatch, list[dict[str, Any]], str | None]]:
        global _FORKED_PIPELINE
        # Small batches keep both workers busy to the end of a short run.
        size = max(1, min(batch_size, 8))
        pending: deque[list[Dispatch]] = deque()

        def batches() -> Iterator[list[Dispatch]]:
            for batch in minibatch(dispatches, size):
                pending.append(list(batch))  # the pool's feeder thread runs this: deque appends are atomic
                yield pending[-1]

        _FORKED_PIPELINE = self  # inherited by the forked workers, with the model already loaded
        try:
            with mp.get_context("fork").Pool(n_process) as pool:
                for found in pool.imap(_extract_batch, batches()):
                    batch = pending.popleft()
                    for dispatch, (events, rejection) in zip(batch, found, strict=True):
                        yield dispatch, events, rejection
        finally:
            _FORKED_PIPELINE = None

    def run(self, items: Iterable[Dispatch | Rejection], *, n_process: int = 1,
            batch_size: int = 32) -> ExtractionResult:
        """All events of the dispatches; rejections read earlier (by ingest) are passed through."""
        rejections: list[Rejection] = []
        read: list[Dispatch] = []

        def dispatches() -> Iterator[Dispatch]:
            for item in items:
                if isinstance(item, Rejection):
                    rejections.append(item)
                else:
                    read.append(item)
                    yield item

        events: list[Event] = []
        for _, found in self.run_iter(dispatches(), n_process=n_process, batch_size=batch_size,
                                      on_rejection=rejections.append):
            events.extend(found)
        return ExtractionResult(events=tuple(events), rejections=tuple(rejections), dispatches=tuple(read))


_FORKED_PIPELINE: Pipeline | None = None


def _extract_batch(batch: list[Dispatch]) -> list[tuple[list[dict[str, Any]], str | None]]:
    """In a forked worker: one batch through the parent's pipeline, events as plain data."""
    if _FORKED_PIPELINE is None:
        raise RuntimeError("fracas worker started without a pipeline; workers are forked by Pipeline.run_iter")
    return [(events, rejection) for _, events, rejection in _FORKED_PIPELINE._extracted(batch)]
