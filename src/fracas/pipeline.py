"""Pipeline: the one place the stages are chained — dispatches in, events (and rejections) out."""

from __future__ import annotations

import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from fracas.model import Dispatch, Event, ExtractionResult, Rejection, Relevance
from fracas.nlp.components import dispatch_to_user_data
from fracas.extract.triggers import default_lexicon
from fracas.nlp.lemmas import FrenchRuleLemmas
from fracas.nlp.loading import load_language
from fracas.nlp.prescreen import Prescreen
from fracas.relevance import TextScreening, after_sentences, screen_text
from fracas.text import plain_whitespace

Extracted = tuple[Dispatch, list[dict[str, Any]], str | None]  # dispatch (with its verdict), events, rejection


class Pipeline:
    """The French model with the fracas components; load once, run on many dispatches."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.prescreen = prescreen_for(nlp)

    @classmethod
    def load(cls, *, actors_file: str | Path | None = None) -> Pipeline:
        """Load the model once; `actors_file` adds your own actors (YAML, the shape of data/actors.yaml)."""
        return cls(load_language(str(actors_file) if actors_file else None))

    def run_iter(self, dispatches: Iterable[Dispatch], *, n_process: int = 1, batch_size: int = 32,
                 on_rejection: Callable[[Rejection], None] | None = None) -> Iterator[tuple[Dispatch, list[Event]]]:
        """Each dispatch with its events, in input order.

        A dispatch whose events cannot be read (no date to resolve them against, say) yields no events and
        is reported through `on_rejection`. Each dispatch's line breaks are read first (see
        `fracas.text.plain_whitespace`; the readers already did so): its events' offsets are into the text
        of the dispatch yielded with them. With `n_process` > 1, forked workers each run the whole pipeline
        on batches of dispatches and send back only the events: unlike `nlp.pipe(n_process=...)`, no parsed
        Doc crosses a process boundary, so the parent stays idle and the workers get the cores.
        """
        dispatches = (_plain(dispatch) for dispatch in dispatches)
        if n_process > 1 and "fork" in mp.get_all_start_methods():
            results = self._forked(dispatches, n_process, batch_size)
        else:
            results = self._extracted(dispatches, n_process=n_process, batch_size=batch_size)
        for dispatch, events, rejection in results:
            if rejection is not None and on_rejection is not None:
                on_rejection(dispatch.rejected(rejection))
            yield dispatch, [Event.from_dict(data) for data in events]

    def _extracted(self, dispatches: Iterable[Dispatch], *, n_process: int = 1,
                   batch_size: int = 32) -> Iterator[Extracted]:
        """(dispatch with its relevance verdict, event dicts, rejection message) in input order.

        The relevance stage runs first on each raw text: a dispatch it judges irrelevant is never parsed.
        The input is read `batch_size` dispatches at a time, so at most one batch is held however long
        the input is (even when every text is screened out and nothing reaches the parser).
        """
        if n_process > 1:  # no fork on this platform: spaCy's own worker processes, over one stream
            yield from self._screened_and_parsed(dispatches, n_process=n_process, batch_size=batch_size)
            return
        for batch in minibatch(dispatches, batch_size):
            yield from self._screened_and_parsed(batch, n_process=1, batch_size=batch_size)

    def _screened_and_parsed(self, dispatches: Iterable[Dispatch], *, n_process: int,
                             batch_size: int) -> Iterator[Extracted]:
        pending: deque[tuple[Dispatch, TextScreening]] = deque()

        def docs() -> Iterator[Doc]:
            for dispatch in dispatches:
                screened = screen_text(dispatch.text)
                pending.append((dispatch, screened))
                if screened.screening == "irrelevant":
                    continue
                doc = self.nlp.make_doc(dispatch.text)
                if screened.screening == "undecided" and self.prescreen is not None:
                    decided = self.prescreen(doc, screened)
                    if decided is not None:  # no trigger could pass its sentence's frame: no parse
                        pending[-1] = (dispatch, decided)
                        continue
                doc._.fracas_dispatch = dispatch_to_user_data(dispatch, strict_sense=screened.screening == "undecided",
                                                              text_other=screened.other_score)
                yield doc

        for doc in self.nlp.pipe(docs(), n_process=n_process, batch_size=batch_size):
            while pending[0][1].screening == "irrelevant":  # skipped texts before this one, in input order
                yield _not_parsed(*pending.popleft())
            dispatch, screened = pending.popleft()
            events = list(doc._.fracas_events or ())
            relevance = after_sentences(screened, len(events), tuple(doc._.fracas_dropped or ()))
            yield replace(dispatch, relevance=relevance), events, doc._.fracas_rejection
        while pending:
            yield _not_parsed(*pending.popleft())

    def _forked(self, dispatches: Iterable[Dispatch], n_process: int,
                batch_size: int) -> Iterator[Extracted]:
        """The batches sent to forked workers, `2 * n_process` at most in flight: the input is read as
        the results come back, never further ahead (a pool's `imap` would read all of it at once)."""
        global _FORKED_PIPELINE
        # Small batches keep both workers busy to the end of a short run.
        size = max(1, min(batch_size, 8))
        in_flight: deque[tuple[list[Dispatch], Any]] = deque()
        _FORKED_PIPELINE = self  # inherited by the forked workers, with the model already loaded
        try:
            with mp.get_context("fork").Pool(n_process, initializer=_worker_signals) as pool:
                for batch in minibatch(dispatches, size):
                    in_flight.append((batch, pool.apply_async(_extract_batch, (batch,))))
                    if len(in_flight) >= 2 * n_process:
                        yield from _returned(*in_flight.popleft())
                while in_flight:
                    yield from _returned(*in_flight.popleft())
                pool.close()  # all done: the workers exit by themselves (leaving the block terminates them)
                pool.join()
        finally:
            _FORKED_PIPELINE = None

    def run(self, items: Iterable[Dispatch | Rejection], *, n_process: int = 1,
            batch_size: int = 32) -> ExtractionResult:
        """All events of the dispatches (each with its relevance verdict); rejections read earlier (by
        ingest) are passed through."""
        rejections: list[Rejection] = []
        read: list[Dispatch] = []

        def dispatches() -> Iterator[Dispatch]:
            for item in items:
                if isinstance(item, Rejection):
                    rejections.append(item)
                else:
                    yield item

        events: list[Event] = []
        for dispatch, found in self.run_iter(dispatches(), n_process=n_process, batch_size=batch_size,
                                             on_rejection=rejections.append):
            read.append(dispatch)
            events.extend(found)
        return ExtractionResult(events=tuple(events), rejections=tuple(rejections), dispatches=tuple(read))


_FORKED_PIPELINE: Pipeline | None = None


def _worker_signals() -> None:
    """In a forked worker: SIGTERM and SIGINT back to their defaults. A worker inherits the parent's
    handlers, and one that only sets a flag (as `fracas watch` installs) would make the worker ignore
    the SIGTERM with which the pool ends it, and the parent wait for it forever."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides


def _returned(batch: list[Dispatch], result: Any) -> Iterator[Extracted]:
    """One batch's results from a forked worker, each with its dispatch."""
    for dispatch, (events, rejection, relevance) in zip(batch, result.get(), strict=True):
        yield replace(dispatch, relevance=relevance), events, rejection


def prescreen_for(nlp: Language) -> Callable[[Doc, TextScreening], TextScreening | None] | None:
    """The check that decides an `undecided` text from its tokens and sentences (fracas.nlp.prescreen), for a
    pipeline with fracas's sentences and lemmas; None for any other."""
    names = getattr(nlp, "pipe_names", ())
    if "fracas_sentences" not in names or "lemmatizer" not in names \
            or not isinstance(nlp.get_pipe("lemmatizer"), FrenchRuleLemmas):
        return None
    sentences = nlp.get_pipe("fracas_sentences")
    check = Prescreen(default_lexicon(), nlp.get_pipe("lemmatizer"))

    def decide(doc: Doc, screened: TextScreening) -> TextScreening | None:
        verdict = check.verdict(sentences(doc), screened.relevance.cues, screened.other_score)
        return None if verdict is None else TextScreening("irrelevant", verdict, screened.other_score)
    return decide


def _not_parsed(dispatch: Dispatch, screened: TextScreening) -> Extracted:
    """A dispatch the relevance stage judged irrelevant from its text: kept with its verdict, no events."""
    return replace(dispatch, relevance=screened.relevance), [], None


def _extract_batch(batch: list[Dispatch]) -> list[tuple[list[dict[str, Any]], str | None, Relevance | None]]:
    """In a forked worker: one batch through the parent's pipeline, events as plain data."""
    if _FORKED_PIPELINE is None:
        raise RuntimeError("fracas worker started without a pipeline; workers are forked by Pipeline.run_iter")
    return [(events, rejection, dispatch.relevance)
            for dispatch, events, rejection in _FORKED_PIPELINE._extracted(batch)]


def _plain(dispatch: Dispatch) -> Dispatch:
    """The dispatch with its line breaks read: a hard-wrapped line is one sentence, a blank line a break."""
    text = plain_whitespace(dispatch.text)
    return dispatch if text == dispatch.text else replace(dispatch, text=text)
