"""`fracas batch`: a thin command over fracas.batch.run_batch."""

from __future__ import annotations

import glob
from typing import Annotated, Optional

import typer

from fracas.errors import FracasError, UsageError
from fracas.interfaces.cli import app, fail, progress_enabled


@app.command("batch")
def batch_command(
    inputs: Annotated[list[str], typer.Argument(help="Input files or quoted globs, e.g. 'crawl/*.warc.gz'.")],
    output: Annotated[str, typer.Option("--output", "-o", help="Folder for the Parquet partitions.")],
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", metavar="tcp://HOST:8786", help="A running dask scheduler; default: a LocalCluster.")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="LocalCluster worker processes.")] = 2,
    records: Annotated[int, typer.Option("--records", min=1, help="Records per partition of a JSON Lines file.")] = 500,
    published: Annotated[Optional[str], typer.Option(
        "--published", "-p", help="Publication date YYYY, YYYY-MM or YYYY-MM-DD of every dispatch read.")] = None,
) -> None:
    """Extract events on a dask.distributed cluster; merge the result with `fracas ingest OUTPUT`."""
    from fracas.batch import run_batch
    from fracas.interfaces.cli_extract import published_option

    try:
        paths = [path for pattern in inputs for path in (sorted(glob.glob(pattern)) or [pattern])]
        if not paths:
            raise UsageError("no input files; give files or a glob that matches some")
        summary = run_batch(
            paths, output, scheduler=scheduler, workers=workers, records=records,
            published=published_option(published),
            on_dashboard=lambda link: typer.echo(f"dask dashboard: {link}", err=True),
            on_done=lambda done, total: typer.echo(f"partitions done: {done}/{total}", err=True)
            if progress_enabled() or done == total else None,
        )
    except FracasError as err:
        raise fail(str(err)) from err
    typer.echo(summary.line() + f"; merge with: fracas ingest {output}", err=True)
