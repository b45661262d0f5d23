"""Events as a table for people at a terminal (rich): one line per event, the fields a reader scans.

A rich Table measures every row before printing, so it holds all of them: `write_table` therefore
prints successive tables of at most `page_rows` rows (the header repeated on each), and memory stays
bounded however many events are listed. Up to `page_rows` events, the output is one table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from rich.console import Console
from rich.table import Table

from fracas.errors import UsageError
from fracas.export._io import Destination, text_output
from fracas.model import Event
from fracas.text import terminal_safe

TABLE_WIDTH = 160  # for files and pipes, where there is no terminal width to follow
TABLE_PAGE_ROWS = 50  # rows per printed table: a screenful, and the bound on what is held in memory


def fatalities_cell(event: Event) -> str:
    """The best figure, with its range when there is one: "12 (10-15)", "10 (10+)", "" when unknown."""
    low, high, best = event.fatalities_low, event.fatalities_high, event.fatalities
    if low is not None and high is None:
        span = f"{low}+"
    elif low is not None and high is not None and low != high:
        span = f"{low}-{high}"
    else:
        span = ""
    if best is None:
        return span
    return f"{best} ({span})" if span else str(best)


def build_table(events: Iterable[Event]) -> tuple[Table, int]:
    """The rich Table of `events`, and how many rows it holds; no cell holds a terminal control."""
    table = Table(show_lines=False, header_style="bold")
    for title in ("date", "type / sub-type", "actor1", "actor2", "place", "admin1", "fatalities",
                  "sources", "confidence"):
        table.add_column(title, overflow="fold")
    count = 0
    for event in events:
        date = event.event_date
        table.add_row(*map(terminal_safe, (
            date if event.date_precision == "day" else f"{date} ({event.date_precision})",
            f"{event.event_type} / {event.sub_event_type}",
            event.actor1.name,
            event.actor2.name if event.actor2 is not None else "",
            event.location.name,
            event.location.admin1 or "",
            fatalities_cell(event),
            "; ".join(source.name for source in event.sources),
            event.confidence,
        )))
        count += 1
    return table, count


def write_table(
    events: Iterable[Event], destination: Destination | Console, *, page_rows: int = TABLE_PAGE_ROWS
) -> int:
    """Render the events as tables of at most `page_rows` rows on a rich Console, a text stream or a
    file; return the row count. An empty input prints one empty table (the header)."""
    if isinstance(destination, Console):
        return _print_pages(events, destination, page_rows)
    with text_output(destination) as out:
        terminal = out.isatty() if hasattr(out, "isatty") else False
        console = Console(file=out, width=None if terminal else TABLE_WIDTH, force_terminal=terminal)
        return _print_pages(events, console, page_rows)


def _print_pages(events: Iterable[Event], console: Console, page_rows: int) -> int:
    count = 0
    for page in _pages(events, page_rows):
        table, rows = build_table(page)
        if rows or not count:
            console.print(table)
        count += rows
    return count


def _pages(events: Iterable[Event], page_rows: int) -> Iterator[list[Event]]:
    if page_rows < 1:
        raise UsageError(f"page_rows must be 1 or more, not {page_rows}")
    iterator = iter(events)
    page = list(islice(iterator, page_rows))
    yield page  # the first page even when empty, so an empty listing still shows its header
    while page := list(islice(iterator, page_rows)):
        yield page
