"""The `fracas` command: a typer app whose commands live in one module per group.

Each module registers its commands on `app`; library errors become one-line messages and exit code 1.
"""

from __future__ import annotations

import os
import sys

from typing import Annotated, Optional

import typer

from fracas.errors import FracasError

app = typer.Typer(
    name="fracas",
    help="Turn French news dispatches into ACLED-style conflict event records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


# The store option of every command that reads or writes the store.
DbOption = Annotated[
    Optional[str],
    typer.Option(
        "--db", envvar="FRACAS_DB", metavar="URL",
        help="The store: a SQLite file path, sqlite:///PATH or postgresql://USER@HOST/DB. Default: ./fracas.db.",
    ),
]


def fail(message: str) -> typer.Exit:
    """Print an error the way every command does, and return the Exit to raise."""
    typer.secho(f"fracas: error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=1)


def progress_enabled() -> bool:
    """Progress bars go to a person's terminal: not to pipes, files or CI logs."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@app.callback()
def options(
    debug: bool = typer.Option(False, "--debug", help="Show the Python traceback of a failure instead of a "
                               "one-line message (and stop at the first dispatch that fails)."),
) -> None:
    """Turn French news dispatches into ACLED-style conflict event records."""
    if debug:
        os.environ["FRACAS_DEBUG"] = "1"  # read by the extraction component, in worker processes too


def main() -> None:
    try:
        app()
    except FracasError as err:
        typer.secho(f"fracas: error: {err}", err=True, fg=typer.colors.RED)
        sys.exit(1)
    except Exception as err:  # no traceback reaches a user unless asked for with --debug
        if os.environ.get("FRACAS_DEBUG", "") not in ("", "0"):
            raise
        typer.secho(f"fracas: internal error: {type(err).__name__}: {str(err)[:300]}; rerun with --debug "
                    "(fracas --debug COMMAND ...) for the traceback and report it", err=True, fg=typer.colors.RED)
        sys.exit(2)


# Command modules register themselves on `app` when imported.
from fracas.interfaces import (
    cli_batch,  # noqa: E402,F401
    cli_extract,  # noqa: E402,F401
    cli_measure,  # noqa: E402,F401
    cli_real,  # noqa: E402,F401
    cli_serve,  # noqa: E402,F401
    cli_store,  # noqa: E402,F401
    cli_watch,  # noqa: E402,F401
)
