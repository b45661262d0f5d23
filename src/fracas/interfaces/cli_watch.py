"""`fracas watch`: a thin loop over fracas.watch (the library polls, reads and ingests)."""

from __future__ import annotations

import re
import signal
import threading
from typing import Annotated, Optional

import typer

from fracas.errors import FracasError, UsageError
from fracas.interfaces.cli import app, fail

_DURATION_RE = re.compile(r"^(\d+(?:\.\d+)?)([smhd]?)$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds of "90", "90s", "15m", "2h", "1d"."""
    match = _DURATION_RE.match(text.strip().lower())
    if match is None:
        raise UsageError(f"--every {text!r} is not a duration; give e.g. 30s, 15m or 2h")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


@app.command("watch")
def watch_command(
    feeds: Annotated[str, typer.Argument(help="A file of feed URLs (one per line, # comments) or an OPML file.")],
    every: Annotated[str, typer.Option("--every", help="Time between polls: 30s, 15m, 2h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (for cron).")] = False,
    db: Annotated[Optional[str], typer.Option(
        "--db", envvar="FRACAS_DB", metavar="URL", help="The store, as for `fracas ingest` (default ./fracas.db).")] = None,
) -> None:
    """Poll feeds, fetch and ingest the items not seen before; one line per poll.

    The store remembers each feed's ETag, errors and the items read, so a restarted watcher fetches
    only what is new. SIGTERM (or Ctrl-C) finishes the current dispatch and exits cleanly.
    """
    # Imported here: cli_store imports this module's `app` while it is itself being imported.
    from fracas.interfaces.cli_store import _LazyPipeline
    from fracas.store import open_store
    from fracas.watch import FeedPoller, read_feed_list, watch

    stopping = threading.Event()
    # The handlers are put back on the way out, so that a program that runs this command in-process
    # (a test, a notebook) keeps its own.
    previous = {signum: signal.signal(signum, lambda *_: stopping.set()) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        every_s = parse_duration(every)
        urls = read_feed_list(feeds)
        with open_store(db) as store:
            poller = FeedPoller(store, _LazyPipeline(), stop=stopping.is_set)
            watch(poller, urls, every_s=every_s, once=once, on_line=typer.echo, stopping=stopping)
    except FracasError as err:
        raise fail(str(err)) from err
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
