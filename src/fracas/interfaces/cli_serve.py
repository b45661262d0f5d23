"""`fracas serve` and `fracas users add`: thin commands over fracas.serve and fracas.review."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from fracas.errors import FracasError
from fracas.interfaces.cli import DbOption, app, fail
from fracas.store import DEFAULT_URL, open_store

users_app = typer.Typer(help="Analysts who may review events and post dispatches (each gets a token).")
app.add_typer(users_app, name="users")


@users_app.command("add")
def users_add(name: Annotated[str, typer.Argument(help="The analyst's user name, e.g. amina.")],
              db: DbOption = None) -> None:
    """Create a user and print their token (shown once; the store keeps only its hash)."""
    from fracas.review import add_user

    try:
        with open_store(db) as store:
            token = add_user(store, name)
    except FracasError as err:
        raise fail(str(err)) from err
    typer.echo(token)
    typer.echo(f"user {name} added; send the token as 'Authorization: Bearer TOKEN' to write", err=True)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind. Beyond loopback, anyone who can "
                                      "reach it can read the store.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    cache_seconds: Annotated[float, typer.Option(
        "--cache-seconds", min=0, help="Keep read answers this long (writes through the server clear them at "
        "once; another process's ingest shows within this time). 0 turns the cache off.")] = 5.0,
) -> None:
    """Serve the web API, its docs (/docs) and the map dashboard over the store."""
    try:
        import uvicorn

        from fracas.serve.app import create_app
        from fracas.serve.assets import missing_assets
    except ImportError as err:
        raise fail(f"fracas serve needs the serve extra ({err}); install it with pip install 'fracas[serve]'") from err
    if not is_loopback(host):
        typer.secho(f"WARNING: binding {host}: the API is readable by anyone who can reach this address",
                    err=True, fg=typer.colors.YELLOW)
    if missing_assets():
        typer.secho("WARNING: the dashboard's JavaScript is not installed; run scripts/install-dashboard-assets "
                    "(the API works without it)", err=True, fg=typer.colors.YELLOW)
    try:
        application = create_app(db or DEFAULT_URL, load_pipeline=_load_pipeline, cache_seconds=cache_seconds)
    except FracasError as err:
        raise fail(str(err)) from err
    typer.echo(f"fracas serve: http://{host}:{port}/ (API docs at /docs); Ctrl-C stops", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")


def _load_pipeline():  # noqa: ANN202 - fracas.pipeline.Pipeline
    from fracas.pipeline import Pipeline

    return Pipeline.load()
