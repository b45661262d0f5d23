"""Events as a table for people at a terminal (rich): one line per event, the fields a reader scans."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

from fracas.export._io import Destination, text_output
from fracas.model import Event

TABLE_WIDTH = 160  # for files and pipes, where there is no terminal width to follow


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
    """The rich Table of `events`, and how many rows it holds."""
    table = Table(show_lines=False, header_style="bold")
    for title in ("date", "type / sub-type", "actor1", "actor2", "place", "admin1", "fatalities",
                  "sources", "confidence"):
        table.add_column(title, overflow="fold")
    count = 0
    for event in events:
        date = event.event_date
        table.add_row(
            date if event.date_precision == "day" else f"{date} ({event.date_precision})",
            f"{event.event_type} / {event.sub_event_type}",
            event.actor1.name,
            event.actor2.name if event.actor2 is not None else "",
            event.location.name,
            event.location.admin1 or "",
            fatalities_cell(event),
            "; ".join(source.name for source in event.sources),
            event.confidence,
        )
        count += 1
    return table, count


def write_table(events: Iterable[Event], destination: Destination | Console) -> int:
    """Render the events as a table on a rich Console, a text stream or a file; return the row count."""
    table, count = build_table(events)
    if isinstance(destination, Console):
        destination.print(table)
        return count
    with text_output(destination) as out:
        terminal = out.isatty() if hasattr(out, "isatty") else False
        Console(file=out, width=None if terminal else TABLE_WIDTH, force_terminal=terminal).print(table)
    return count
