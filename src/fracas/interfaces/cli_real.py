"""`fracas real`: keep the cache of real-article texts in step with the real-text index.

The texts are not in the repository and cannot be fetched from the shell: a session retrieves a missing
one with the search tool (the index gives its query and rank) and checks it in with `fracas real add`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer

from fracas.errors import FracasError
from fracas.evaluate.real import TEXTS_ENV, add_text, default_texts_dir, join_texts, read_index
from fracas.interfaces.cli import app, fail

real_app = typer.Typer(
    help="Check and restore the cached texts of the real-text index.", no_args_is_help=True
)
app.add_typer(real_app, name="real")

INDEX_OPTION = typer.Option(Path("tests/real/index.jsonl"), "--index", help="The real-text index.")
TEXTS_OPTION = typer.Option(
    None,
    "--texts",
    metavar="DIR",
    help=f"Cached texts (default ${TEXTS_ENV}, else .cache/real at the repo root).",
)


@real_app.command("missing")
def missing(index: Path = INDEX_OPTION, texts: Path | None = TEXTS_OPTION) -> None:
    """List the articles whose text is missing or changed, with the query, rank and url to retrieve it."""
    try:
        entries = read_index(index)
        _, problems = join_texts(entries, texts or default_texts_dir(index))
    except FracasError as err:
        raise fail(str(err)) from err
    for problem in problems:
        typer.echo(problem.message())
    if problems:
        raise typer.Exit(code=1)


@real_app.command("check")
def check(index: Path = INDEX_OPTION, texts: Path | None = TEXTS_OPTION) -> None:
    """Check the index and every cached text against its sha256; exit 1 when any is missing or changed."""
    try:
        entries = read_index(index)
        folder = texts or default_texts_dir(index)
        dispatches, problems = join_texts(entries, folder)
    except FracasError as err:
        raise fail(str(err)) from err
    splits = Counter(entry.split for entry in entries)
    kinds = Counter(entry.kind for entry in entries)
    n_events = sum(len(d.events) for d in dispatches)
    typer.echo(
        f"{index}: {len(entries)} articles (dev {splits['dev']}, heldout {splits['heldout']}; "
        f"conflict {kinds['conflict']}, nonconflict {kinds['nonconflict']}); "
        f"{len(dispatches)} texts OK in {folder} with {n_events} gold events"
    )
    if problems:
        raise fail(
            f"{len(problems)} text(s) missing or changed:\n" + "\n".join(p.message() for p in problems)
        )


@real_app.command("add")
def add(
    article_id: str = typer.Argument(..., metavar="ID", help="The article's id in the index."),
    file: Path = typer.Argument(..., help="The re-retrieved text, saved verbatim as UTF-8."),
    index: Path = INDEX_OPTION,
    texts: Path | None = TEXTS_OPTION,
) -> None:
    """Check a re-retrieved text against its sha256 in the index and put it in the cache."""
    try:
        target = add_text(index, article_id, file, texts_dir=texts)
    except FracasError as err:
        raise fail(str(err)) from err
    typer.echo(f"{article_id}: text checked and stored at {target}")
