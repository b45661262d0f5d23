"""`fracas ingest`, `events`, `show`, `export`: thin commands over fracas.store (the library does the work)."""

from __future__ import annotations

import datetime as dt
import enum
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from fracas.errors import FracasError, UsageError
from fracas.export.table import TABLE_PAGE_ROWS
from fracas.interfaces.cli import DbOption, app, fail, progress_enabled
from fracas.model import EVENT_TYPE_OF_SUB_TYPE, EVENT_TYPES, Dispatch, Event, Rejection
from fracas.store import EventFilter, EventStore, open_store
from fracas.store.ingest import DispatchResult, ingest
from fracas.text import terminal_safe

# -- options shared by several commands, written once ---------------------------------------------
CountryOption = Annotated[Optional[str], typer.Option("--country", help="ISO 3166-1 alpha-2 code of the location, e.g. SY.")]
Admin1Option = Annotated[Optional[str], typer.Option("--admin1", help="Province / region name as stored, e.g. Hama.")]
SinceOption = Annotated[Optional[str], typer.Option("--since", metavar="YYYY-MM-DD", help="Events on or after this day.")]
UntilOption = Annotated[Optional[str], typer.Option("--until", metavar="YYYY-MM-DD", help="Events on or before this day.")]
TypeOption = Annotated[
    Optional[str],
    typer.Option("--type", help='ACLED event type ("Battles") or sub-event type ("Air/drone strike").'),
]
SubTypeOption = Annotated[Optional[str], typer.Option("--sub-type", help='ACLED sub-event type, e.g. "Armed clash".')]
ActorOption = Annotated[Optional[str], typer.Option("--actor", help="Part of actor1's or actor2's name, any case.")]
SearchOption = Annotated[
    Optional[str],
    typer.Option("--search", help="Words that must all occur in one of the event's dispatches (or its notes); "
                 "accents and case do not matter."),
]
LimitOption = Annotated[Optional[int], typer.Option("--limit", min=0, help="At most this many events.")]


class ListFormat(str, enum.Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(str, enum.Enum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"
    json = "json"
    gold = "gold"


def build_filter(
    *, country: str | None = None, admin1: str | None = None, since: str | None = None, until: str | None = None,
    event_type: str | None = None, sub_type: str | None = None, actor: str | None = None,
    search: str | None = None, limit: int | None = None,
) -> EventFilter:
    """The EventFilter of the shared command-line options (names matched case-insensitively)."""
    type_filter, sub_filter = None, _canonical(sub_type, EVENT_TYPE_OF_SUB_TYPE, "--sub-type") if sub_type else None
    if event_type:
        if event_type.lower() in {t.lower() for t in EVENT_TYPES}:
            type_filter = _canonical(event_type, EVENT_TYPES, "--type")
        else:
            # `--type "Air/drone strike"` reads naturally: accept a sub-event type here too.
            sub_type_given = _canonical(event_type, {**EVENT_TYPES, **EVENT_TYPE_OF_SUB_TYPE}, "--type")
            if sub_filter is not None and sub_filter != sub_type_given:
                raise UsageError(f"--type {event_type!r} and --sub-type {sub_type!r} contradict each other")
            sub_filter = sub_type_given
    return EventFilter(
        country=country.upper() if country else None, admin1=admin1, since=_day(since, "--since"),
        until=_day(until, "--until"), event_type=type_filter, sub_event_type=sub_filter, actor=actor,
        search=search, limit=limit,
    )


def _canonical(value: str, names: Iterable[str], option: str) -> str:
    for name in names:
        if name.lower() == value.strip().lower():
            return name
    raise UsageError(f"{option} {value!r} is not an ACLED name; use one of: {', '.join(names)}")


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise UsageError(f"{option} {value!r} is not a date; give it as YYYY-MM-DD") from err


def _load_pipeline():  # noqa: ANN202 - fracas.pipeline.Pipeline; tests replace this function
    from fracas.pipeline import Pipeline

    return Pipeline.load()


class _LazyPipeline:
    """Loads the NLP pipeline only when a new dispatch needs it: re-ingesting stored input is instant."""

    def run_iter(
        self, dispatches: Iterable[Dispatch], *, n_process: int = 1, batch_size: int = 32,
        on_rejection: Callable[[Rejection], None] | None = None,
    ) -> Iterator[tuple[Dispatch, list[Event]]]:
        items = iter(dispatches)
        first = next(items, None)
        if first is None:
            return
        yield from _load_pipeline().run_iter(chain([first], items), n_process=n_process, batch_size=batch_size,
                                             on_rejection=on_rejection)


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[str], typer.Argument(
        help="Files to read: plain text, ' date YYYY-MM-DD TEXT' lines, JSON Lines, web pages, feeds, OPML, "
             "WARC; a `fracas batch` output folder; '-' reads stdin.")],
    db: DbOption = None,
    published: Annotated[Optional[str], typer.Option(
        "--published", "-p", help="Publication date YYYY, YYYY-MM or YYYY-MM-DD of every dispatch read.")] = None,
    processes: Annotated[int, typer.Option("--processes", "-j", min=1, help="Worker processes for the NLP model.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Dispatches per NLP batch.")] = 32,
) -> None:
    """Read dispatches, extract their events and keep them in the store, merging repeated reports.

    A dispatch already stored (same text) is skipped, so running an ingest again is harmless; each
    dispatch is stored whole or not at all, so an interrupted ingest is completed by running it again.
    Unreadable input is reported and recorded in the store. The last line sums up what was done.
    """
    from fracas.ingest import read_inputs
    from fracas.interfaces.cli_extract import published_option, rejection_line, report_rejection

    from fracas.batch.partitions import is_batch_output

    batch_outputs = [path for path in paths if is_batch_output(path)]  # `fracas batch -o DIR` results
    paths = [path for path in paths if path not in batch_outputs]
    try:
        # Read as it is ingested, never collected first: memory does not grow with the input.
        items = read_inputs(paths, published=published_option(published))
        progress = Progress(
            TextColumn("ingesting"), BarColumn(), TextColumn("{task.completed} dispatches"), TimeElapsedColumn(),
            console=Console(stderr=True), disable=not progress_enabled(), transient=True,
        )
        task = progress.add_task("ingest", total=None)

        def on_item(item: Dispatch | Rejection, result: DispatchResult | None) -> None:
            if isinstance(item, Rejection):
                progress.console.print(Text(rejection_line(item), style="yellow")) if progress_enabled() \
                    else report_rejection(item)
            elif result is not None and result.rejection is not None:
                report_rejection(result.rejection)
            if isinstance(item, Dispatch):
                progress.advance(task)

        with open_store(db) as store, progress:
            summary = ingest(store, items, _LazyPipeline(), n_process=processes, batch_size=batch_size, on_item=on_item)
            summary = _merge_batch_outputs(store, batch_outputs, summary, on_item)
    except FracasError as err:
        raise fail(str(err)) from err
    typer.echo(summary.line(), err=True)
    if summary.read == 0:
        raise fail("no dispatch could be read from the input (see the messages above)")


def _merge_batch_outputs(store: EventStore, out_dirs: list[str], summary, on_item):  # noqa: ANN001,ANN202
    from fracas.batch.merge import ingest_batch

    for out_dir in out_dirs:
        summary += ingest_batch(store, out_dir, on_item=on_item)
    return summary


@app.command("events")
def events_command(
    db: DbOption = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    since: SinceOption = None,
    until: UntilOption = None,
    event_type: TypeOption = None,
    sub_type: SubTypeOption = None,
    actor: ActorOption = None,
    search: SearchOption = None,
    limit: LimitOption = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table for people; jsonl (the contract "
                                            "records) or csv (ACLED columns) for programs.")] = ListFormat.table,
    page: Annotated[Optional[int], typer.Option(
        "--page", min=1, help="Show only this page of the listing (default for the table: page 1; "
        "jsonl and csv list everything unless --page is given).")] = None,
    page_size: Annotated[int, typer.Option("--page-size", min=1, help="Events per page.")] = TABLE_PAGE_ROWS,
) -> None:
    """List stored events, oldest first, that match every filter given.

    The table shows one page at a time (--page-size events, page 1 unless --page says otherwise) and
    says on stderr how to get the next one; jsonl and csv stream the whole listing.
    """
    from fracas.export import export

    try:
        filters = build_filter(country=country, admin1=admin1, since=since, until=until, event_type=event_type,
                               sub_type=sub_type, actor=actor, search=search, limit=limit)
        if page is None and fmt is ListFormat.table:
            page = 1
        with open_store(db) as store:
            if page is None:
                export(store.events(filters), fmt.value, sys.stdout)
                return
            shown = _PageOf(store.events(filters.page(page, page_size)), page_size)
            export(shown, fmt.value, sys.stdout)
    except FracasError as err:
        raise fail(str(err)) from err
    first = (page - 1) * page_size + 1
    where = f"events {first}-{first + shown.count - 1}" if shown.count else "no events"
    typer.echo(f"page {page}: {where}" + (f"; next page: --page {page + 1}" if shown.more else ""), err=True)


class _PageOf:
    """The first `size` events of `events` (fetched with one more), counting them and noting whether more exist."""

    def __init__(self, events: Iterable[Event], size: int) -> None:
        self._events, self._size = events, size
        self.count, self.more = 0, False

    def __iter__(self) -> Iterator[Event]:
        for event in self._events:
            if self.count == self._size:
                self.more = True
                return
            self.count += 1
            yield event


@app.command("export")
def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="acled-csv (ACLED's columns, then "
                                              "fracas'), geojson, parquet, jsonl or json.")],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="OUT",
                                         help="The file to write (written whole, or not at all).")],
    db: DbOption = None,
    country: CountryOption = None,
    admin1: Admin1Option = None,
    since: SinceOption = None,
    until: UntilOption = None,
    event_type: TypeOption = None,
    sub_type: SubTypeOption = None,
    actor: ActorOption = None,
    search: SearchOption = None,
    limit: LimitOption = None,
) -> None:
    """Write the stored events that match the filters to a file, for pandas, R, Stata or a GIS.

    Events are written as reviewed (`fracas serve`); `--format gold` writes the reviewed events as a
    gold file that `fracas eval` scores.
    """

    try:
        filters = build_filter(country=country, admin1=admin1, since=since, until=until, event_type=event_type,
                               sub_type=sub_type, actor=actor, search=search, limit=limit)
        with open_store(db) as store:
            count = _export_reviewed(store, filters, fmt.value, output)
    except FracasError as err:
        raise fail(str(err)) from err
    typer.echo(f"{count} events written to {output}", err=True)


def _export_reviewed(store: EventStore, filters: EventFilter, fmt: str, output: Path) -> int:
    from fracas.export import export
    from fracas.export._io import text_output
    from fracas.model import Event
    from fracas.review import reviewed_events, write_gold

    if fmt == "gold":
        with text_output(output) as out:
            return write_gold(store, reviewed_events(store, filters), out)
    statuses: dict[str, str] = {}

    def served() -> Iterator[Event]:
        for item in reviewed_events(store, filters):
            statuses[item.event.event_id] = item.review_status
            yield item.event

    return export(served(), fmt, output,  # type: ignore[arg-type]
                  review_status=lambda event: statuses.pop(event.event_id, "machine"))


@app.command("show")
def show_command(
    event_id: Annotated[str, typer.Argument(help="The event's id, as listed by `fracas events --format jsonl`.")],
    db: DbOption = None,
) -> None:
    """Show one event, its sources, and each dispatch it was read from, with evidence highlighted.

    For every dispatch after the first, says why it was merged into the event (same sub-type, place,
    date, compatible actors) or that it republishes another dispatch and so adds no source.
    """
    try:
        with open_store(db) as store:
            event = store.get_event(event_id)
            if event is None:
                raise UsageError(f"no event {event_id!r} in {store.url}; list ids with `fracas events --format jsonl`")
            render_event(store, event, Console(soft_wrap=True, highlight=False))
    except FracasError as err:
        raise fail(str(err)) from err


def render_event(store: EventStore, event: Event, console: Console) -> None:
    """The `fracas show` page of one stored event. Stored text (dispatches, names, outlets) passes
    through `terminal_safe`: a control sequence in an input is shown, never obeyed by the terminal."""
    console.print(Text(terminal_safe(f"Event {event.event_id}"), style="bold"))
    for label, value in _event_rows(event):
        console.print(Text.assemble((f"{label:>11}: ", "dim"), terminal_safe(value)))
    console.print(Text("Sources", style="bold"))
    for source in event.sources:
        quoted = f' "{source.text}"' if source.text and source.text != source.name else ""
        console.print(terminal_safe(f"  - {source.name} ({source.kind}){quoted}"), markup=False)
    log = {record.dispatch_id: record for record in store.merge_log(event.event_id)}
    stored = store.dispatches_of(event.event_id)
    console.print(Text(f"Dispatches ({len(stored)})", style="bold"))
    for number, item in enumerate(stored, 1):
        _render_dispatch(console, event, item.dispatch, log[item.dispatch.id], number)


def _event_rows(event: Event) -> list[tuple[str, str]]:
    place = event.location
    where = ", ".join(part for part in (place.name, place.admin2, place.admin1, place.country) if part)
    coordinates = f" ({place.lat}, {place.lon})" if place.lat is not None else ""
    return [
        ("date", f"{event.event_date} ({event.date_precision})"),
        ("type", f"{event.event_type} / {event.sub_event_type}"),
        ("actor1", _actor(event.actor1)),
        ("actor2", _actor(event.actor2) if event.actor2 else "-"),
        ("location", f"{where}{coordinates}, precision {place.precision}"),
        ("fatalities", _fatalities(event)),
        ("confidence", event.confidence),
        ("notes", event.notes),
    ]


def _render_dispatch(console: Console, event: Event, dispatch: Dispatch, record, number: int) -> None:  # noqa: ANN001
    """One dispatch of the event: where it came from, why it was merged, its text with the evidence lit."""
    safe = terminal_safe
    about = ", ".join(str(part) for part in (dispatch.outlet, dispatch.published, dispatch.url) if part)
    console.print(Text(safe(f"[{number}] {dispatch.id}" + (f" ({about})" if about else "") + f" from {dispatch.origin}"),
                       style="bold"))
    console.print(safe("    " + _why(record)), markup=False)
    spans = [e for e in event.evidence if e.dispatch_id == dispatch.id] or list(record.evidence)
    console.print(_highlighted(safe(dispatch.text), spans))
    for span in sorted(spans, key=lambda e: (e.start, e.field)):
        console.print(Text.assemble("    ", (span.field, "cyan"), safe(f": \"{dispatch.text[span.start:span.end]}\"")))


def _why(record) -> str:  # noqa: ANN001 - a MergeRecord
    if record.near_duplicate_of:
        return (f"republishes {record.near_duplicate_of}: merged as a re-report, its sources not counted again"
                + (f" ({'; '.join(record.reasons)})" if record.reasons else ""))
    if not record.reasons:
        return "first report of this event"
    distance = f", {record.distance_km:.1f} km apart" if record.distance_km is not None else ""
    return f"merged because: {'; '.join(record.reasons)}{distance}"


def _highlighted(text: str, spans) -> Text:  # noqa: ANN001 - Evidence spans
    rich_text = Text(text)
    for span in spans:
        if 0 <= span.start < span.end <= len(text):
            rich_text.stylize("bold black on yellow", span.start, span.end)
    return rich_text


def _actor(actor) -> str:  # noqa: ANN001 - an Actor
    details = ", ".join(part for part in (actor.kind, actor.country) if part)
    return f"{actor.name} ({details})" + (f' "{actor.text}"' if actor.text else "")


def _fatalities(event: Event) -> str:
    if event.fatalities is None and event.fatalities_low is None:
        return "not given"
    parts = [str(event.fatalities) if event.fatalities is not None else "?"]
    if event.fatalities_low is not None or event.fatalities_high is not None:
        parts.append(f"range {event.fatalities_low if event.fatalities_low is not None else '?'}"
                     f"-{event.fatalities_high if event.fatalities_high is not None else '?'}")
    if event.civilian_fatalities is not None:
        parts.append(f"civilians {event.civilian_fatalities}")
    if event.wounded is not None:
        parts.append(f"wounded {event.wounded}")
    return ", ".join(parts)
