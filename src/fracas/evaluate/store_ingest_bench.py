"""The end-to-end part of `fracas bench --store N`: what `fracas ingest` costs per dispatch, NLP included.

The store-side figure of the bench (dedupe and writes of pre-extracted dispatches) shows how the store
grows; a user waits for the whole of `fracas ingest`: reading the dispatch with the NLP pipeline, then
storing it. Here the bundled gold dispatches (dev then test: real-looking French wire dispatches) go
through `fracas.store.ingest.ingest`, the function `fracas ingest` runs, into the N store and into an
empty store, in the same process and the same run:

- the same texts on both stores, each text new to both: a dispatch gets an id of its own run and a
  last paragraph naming the run, "(réf. banc XYZ)" with the run's salt in letters, which changes no
  event the pipeline reads (checked on the gold dispatches, events and relevance verdicts) but changes
  the content hash. (Blanks would not do: the pipeline reads runs of blanks as one space, and stores
  the text as it read it.)
- in chunks, the two stores taking turns at going first, so a change of the machine's load during the
  run falls on both alike;
- after a few dispatches read by the pipeline untimed, so the model's first batches are not timed;
- each chunk's WAL copied back into the file inside its timing, as the store-side figure does.
"""

from __future__ import annotations

import dataclasses
import string
import time
from collections.abc import Sequence
from dataclasses import dataclass

from fracas.model import Dispatch
from fracas.store import EventStore
from fracas.store.ingest import Extractor, IngestSummary, ingest

CHUNK = 29  # dispatches per turn (the 116 gold dispatches in four turns)
WARMUP = 4  # dispatches read by the pipeline, untimed, before anything is timed


@dataclass(frozen=True)
class EndToEnd:
    """Milliseconds per dispatch of `fracas ingest` (wall and CPU) on the empty and the N store."""

    dispatches: int
    empty_ms: float
    full_ms: float
    empty_cpu_ms: float
    full_cpu_ms: float
    empty_summary: str  # IngestSummary.line() of each store: the same work on both, or where it differed
    full_summary: str

    @property
    def ratio(self) -> float:
        return self.full_ms / self.empty_ms if self.empty_ms else float("nan")

    @property
    def cpu_ratio(self) -> float:
        return self.full_cpu_ms / self.empty_cpu_ms if self.empty_cpu_ms else float("nan")

    def lines(self, events: int) -> list[str]:
        return [
            f"ingest (end to end: `fracas ingest`, extraction + store, per dispatch, {self.dispatches} gold "
            f"dispatches): {self.empty_ms:.1f} ms empty, {self.full_ms:.1f} ms at {events} events: ratio "
            f"{self.ratio:.2f}; CPU time {self.empty_cpu_ms:.1f} ms empty, {self.full_cpu_ms:.1f} ms at {events} "
            f"events: ratio {self.cpu_ratio:.2f}",
            f"end to end, empty store: {self.empty_summary}",
            f"end to end, store of {events} events: {self.full_summary}",
        ]


def marked(dispatch: Dispatch, salt: int) -> Dispatch:
    """The dispatch as a text new to a store that holds those of other salts: its own id and a last
    paragraph naming the salt in letters (no figure, which the pipeline could read as a toll or a date)."""
    return dataclasses.replace(dispatch, id=f"{dispatch.id}-bench{salt}",
                               text=f"{dispatch.text}\n\n(réf. banc {_letters(salt)})")


def _letters(number: int) -> str:
    """`number` in base 26, written with the letters a to z."""
    out = ""
    while True:
        number, digit = divmod(number, 26)
        out = string.ascii_lowercase[digit] + out
        if number == 0:
            return out


def time_end_to_end(empty: EventStore, full: EventStore, pipeline: Extractor, dispatches: Sequence[Dispatch], *,
                    salt: int, chunk: int = CHUNK) -> EndToEnd:
    """Ingest `dispatches` (marked with `salt`) into both stores, timed per store (see the module doc)."""
    texts = [marked(d, salt) for d in dispatches]
    list(pipeline.run_iter(texts[:WARMUP]))  # warm-up: read, not stored
    stores = {"empty": empty, "full": full}
    wall = dict.fromkeys(stores, 0.0)
    cpu = dict.fromkeys(stores, 0.0)
    summaries = {name: IngestSummary() for name in stores}
    for turn, first in enumerate(range(0, len(texts), chunk)):
        part = texts[first : first + chunk]
        for name in (("empty", "full") if turn % 2 == 0 else ("full", "empty")):
            start, start_cpu = time.perf_counter(), time.process_time()
            summaries[name] += ingest(stores[name], part, pipeline)
            _checkpoint(stores[name])
            wall[name] += time.perf_counter() - start
            cpu[name] += time.process_time() - start_cpu
    per_ms = 1000 / max(1, len(texts))
    return EndToEnd(len(texts), wall["empty"] * per_ms, wall["full"] * per_ms, cpu["empty"] * per_ms,
                    cpu["full"] * per_ms, summaries["empty"].line(), summaries["full"].line())


def _checkpoint(store: EventStore) -> None:
    if store.url.startswith("sqlite"):
        store._execute("PRAGMA wal_checkpoint(PASSIVE)")  # type: ignore[attr-defined]
