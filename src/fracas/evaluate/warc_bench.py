"""`fracas bench --warc FILE`: a crawl ingested end to end, three ways, timed in the same run.

(1) `fracas ingest FILE` in one process, (2) `fracas ingest -j 2 FILE` (extraction in 2 worker
processes), (3) `fracas batch FILE --workers 2` on a Dask LocalCluster followed by `fracas ingest OUT`.
Each is a fresh `fracas` process writing a new store, timed from its start to its exit, so model
loading, reading the WARC, extraction and the store's writes are all in the figure: records/s is the
WARC records read per second of that wall time. The ratios are each run's records/s over the
single-process run's; the stores are then compared event for event. `write_bench_warc` makes a crawl
of the bundled texts (the gold dispatches and the negatives, one page each) to measure on.
Timings are the machine's, never test material.
"""

from __future__ import annotations

import html
import io
import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fracas.errors import UsageError
from fracas.model import Dispatch

WORKERS = 2
_CLI = "from fracas.interfaces.cli import main; main()"


@dataclass(frozen=True)
class WarcRun:
    label: str
    seconds: float
    events: int


@dataclass(frozen=True)
class WarcBench:
    path: str
    records: int
    runs: tuple[WarcRun, ...]  # the single-process run first
    same_events: bool

    def lines(self) -> list[str]:
        base = self.runs[0]
        out = [f"{self.path}: {self.records} WARC records, ingested end to end (a fresh process each, model load included)"]
        out += [f"{run.label:<44} {run.seconds:7.1f} s {self.records / run.seconds:8.1f} records/s  "
                f"ratio {base.seconds / run.seconds:.2f}  {run.events} events" for run in self.runs]
        out.append("the same events in every store: " + ("yes" if self.same_events else "NO"))
        rates = " ".join(f"{key}_records_per_s={self.records / run.seconds:.1f}"
                         for key, run in zip(("single", "j2", "dask"), self.runs))
        ratios = " ".join(f"{key}_ratio={base.seconds / run.seconds:.2f}"
                          for key, run in zip(("j2", "dask"), self.runs[1:]))
        out.append(f"records={self.records} {rates} {ratios} same_events={str(self.same_events).lower()}")
        return out


def run_warc_bench(path: str, *, workers: int = WORKERS, say: Callable[[str], None] = lambda line: None) -> WarcBench:
    """Time the three ways of ingesting the crawl at `path` (see the module doc)."""
    from fracas.ingest.warc import count_records, looks_like_warc

    with open(path, "rb") as handle:
        if not looks_like_warc(handle.read(64)):
            raise UsageError(f"{path} is not a WARC file; give a crawl (.warc or .warc.gz)")
    records = count_records(path)
    # Enough partitions for every worker to stay busy to the end, whatever the crawl's size.
    per_partition = max(1, math.ceil(records / (4 * workers)))
    with tempfile.TemporaryDirectory(prefix="fracas-warc-bench-") as scratch:
        stores = [str(Path(scratch) / name) for name in ("single.db", "jobs.db", "dask.db")]
        out = str(Path(scratch) / "batch")
        plans: list[tuple[str, list[list[str]]]] = [
            ("(1) fracas ingest", [["ingest", path, "--db", stores[0]]]),
            (f"(2) fracas ingest -j {workers}", [["ingest", "-j", str(workers), path, "--db", stores[1]]]),
            (f"(3) fracas batch --workers {workers} + ingest OUT",
             [["batch", path, "-o", out, "--workers", str(workers), "--records", str(per_partition)],
              ["ingest", out, "--db", stores[2]]]),
        ]
        runs = []
        for (label, commands), store in zip(plans, stores):
            say(f"timing {label}")
            runs.append(WarcRun(label, _timed(commands), len(_events(store))))
        same = _events(stores[0]) == _events(stores[1]) == _events(stores[2])
    return WarcBench(path, records, tuple(runs), same)


def _timed(commands: Sequence[Sequence[str]]) -> float:
    start = time.perf_counter()
    for args in commands:
        with tempfile.TemporaryFile(mode="w+") as errors:  # a file: a chatty child never blocks on a pipe
            done = subprocess.run([sys.executable, "-c", _CLI, *args], stdout=subprocess.DEVNULL, stderr=errors,
                                  stdin=subprocess.DEVNULL, check=False)
            if done.returncode != 0:
                errors.seek(0)
                raise UsageError(f"`fracas {' '.join(args)}` failed (exit code {done.returncode}):\n"
                                 f"{errors.read().strip()[-2000:]}")
    return time.perf_counter() - start


def _events(url: str) -> list[dict[str, object]]:
    from fracas.store import open_store

    with open_store(url) as store:
        return sorted((event.to_dict() for event in store.events()), key=lambda e: str(e["event_id"]))


def write_bench_warc(path: str | Path, dispatches: Sequence[Dispatch]) -> int:
    """A gzipped crawl of `dispatches`, one `response` record of an outlet's page each (with its menu,
    related links and footer around the article), after a `warcinfo` record; the number of records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record(str(Path(path).name), {"software": "fracas bench"}))
        for number, dispatch in enumerate(dispatches, start=1):
            url = f"https://{_host(dispatch)}/articles/{number}.html"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(_page(dispatch, url).encode("utf-8")), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-06-01T00:00:00Z"},
            ))
    return len(dispatches) + 1


def _host(dispatch: Dispatch) -> str:
    name = "".join(c for c in (dispatch.outlet or "presse").lower() if c.isalnum())
    return f"{name or 'presse'}.example"


def _page(dispatch: Dispatch, url: str) -> str:
    date = f'<meta property="article:published_time" content="{dispatch.published}">' if dispatch.published and \
        dispatch.published.precision == "day" else ""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in dispatch.text.split("\n") if line.strip())
    outlet = html.escape(dispatch.outlet or "La Presse")
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Actualité - {outlet}</title>'
            f'<meta property="og:site_name" content="{outlet}">{date}<link rel="canonical" href="{url}"></head>'
            '<body><header><nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/sport">Sport</a>'
            f'</nav></header><main><article>{body}</article>'
            '<aside><h2>À lire aussi</h2><ul><li><a href="/1">Les marchés de la semaine</a></li>'
            '<li><a href="/2">Le programme des festivals</a></li></ul></aside></main>'
            '<footer>Tous droits réservés. Contact. Mentions légales.</footer></body></html>')


def bench_warc_dispatches() -> list[Dispatch]:
    """The bundled texts a bench crawl is made of: the gold dispatches, then the negatives."""
    from fracas.evaluate.bench import GOLD_DIR, NEGATIVES_FILE, bundled_dispatches
    from fracas.evaluate.gold import read_gold

    negatives = GOLD_DIR / NEGATIVES_FILE
    return bundled_dispatches() + ([g.to_dispatch() for g in read_gold(negatives)] if negatives.exists() else [])

