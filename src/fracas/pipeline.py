"""Pipeline: the one place the stages are chained — dispatches in, events (and rejections) out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language

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
        is reported through `on_rejection`.
        """
        pending: list[Dispatch] = []

        def docs() -> Iterator:
            for dispatch in dispatches:
                doc = self.nlp.make_doc(dispatch.text)
                doc._.fracas_dispatch = dispatch_to_user_data(dispatch)
                pending.append(dispatch)
                yield doc

        for doc in self.nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
            dispatch = pending.pop(0)
            if doc._.fracas_rejection and on_rejection is not None:
                on_rejection(Rejection(origin=dispatch.origin, reason=doc._.fracas_rejection))
            yield dispatch, [Event.from_dict(data) for data in doc._.fracas_events or ()]

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
