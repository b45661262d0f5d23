"""The `fracas` command: a typer app whose commands live in one module per group.

Each module registers its commands on `app`; library errors become one-line messages and exit code 1.
"""

from __future__ import annotations

import os
import sys

import typer

from fracas.errors import FracasError

app = typer.Typer(
    name="fracas",
    help="Turn French news dispatches into ACLED-style conflict event records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str) -> typer.Exit:
    """Print an error the way every command does, and return the Exit to raise."""
    typer.secho(f"fracas: error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=1)


def progress_enabled() -> bool:
    """Progress bars go to a person's terminal: not to pipes, files or CI logs."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def main() -> None:
    try:
        app()
    except FracasError as err:
        typer.secho(f"fracas: error: {err}", err=True, fg=typer.colors.RED)
        sys.exit(1)


# Command modules register themselves on `app` when imported.
from fracas.interfaces import (
    cli_extract,  # noqa: E402,F401
    cli_measure,  # noqa: E402,F401
    cli_real,  # noqa: E402,F401
    cli_store,  # noqa: E402,F401
    cli_watch,  # noqa: E402,F401
)
