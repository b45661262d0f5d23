"""Dispatch files to `Dispatch` records: plain text, " date YYYY-MM[-DD] TEXT" lines, JSON Lines.

Bad input never raises: it becomes a `Rejection` saying what was wrong and what to do, and reading goes
on with the next line or file. Line-oriented files are streamed, so a 50 MB JSONL file is never held in
memory at once.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, TextIO

from fracas.errors import InputError, UsageError
from fracas.ingest.decode import decode, language_problem
from fracas.ingest.kinds import reader_for
from fracas.model import Dispatch, PublicationDate, Rejection

MAX_PLAIN_BYTES = 5 * 1024 * 1024  # one dispatch is a few kB; more is a corpus pasted into one file
_DATE_LINE_RE = re.compile(r"^ date (\d{4}-\d{2}(?:-\d{2})?) (.*)$", re.DOTALL)
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
Format = Literal["text", "lines", "jsonl"]


def read_text(
    text: str,
    *,
    origin: str = "<text>",
    published: PublicationDate | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    dispatch_id: str | None = None,
) -> Dispatch:
    """One dispatch from text already in memory (the Python API).

    Raises InputError when the text is not a str, is empty, or does not look like French: there is no
    Rejection to return here, and the caller can fix the call.
    """
    if not isinstance(text, str):
        raise InputError(f"dispatch text must be a str, not {type(text).__name__}; decode bytes first")
    if not text.strip():
        raise InputError(f"{origin} is empty: give the dispatch text")
    problem = language_problem(text)
    if problem is not None:
        raise InputError(f"{origin} does not look like French (detected: {problem}); fracas reads French dispatches")
    if isinstance(published, str):
        published = PublicationDate.parse(published)
    return Dispatch(
        id=dispatch_id or Dispatch.make_id(text),
        text=text,
        published=published,
        outlet=outlet,
        url=url,
        origin=origin,
    )


def read_inputs(
    paths: Sequence[str],
    *,
    published: PublicationDate | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Dispatch | Rejection]:
    """Every dispatch in `paths` ("-" is standard input), and a Rejection for everything unreadable.

    `published` is the publication date of every dispatch read, overriding dates given in the files.
    """
    if isinstance(paths, str):
        raise InputError("read_inputs takes a list of paths, not one string; wrap it: [path]")
    for path in paths:
        if path == "-":
            yield from _read_stream(stdin if stdin is not None else sys.stdin, "<stdin>", published)
        else:
            yield from _read_path(path, published)


def _read_path(path: str, published: PublicationDate | None) -> Iterator[Dispatch | Rejection]:
    if not os.path.exists(path):
        yield Rejection(path, f"{path} does not exist: give the path of a dispatch file")
        return
    if os.path.isdir(path):
        yield Rejection(path, f"{path} is a directory: give the dispatch files in it, e.g. {path}/*.txt")
        return
    reader = reader_for(path)  # web pages, feeds, crawls: fracas.ingest.kinds
    if reader is not None:
        yield from reader(path, published)
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
            kind = _detect(path, head)
            if kind == "text":
                if os.fstat(handle.fileno()).st_size > MAX_PLAIN_BYTES:
                    yield Rejection(path, f"{path} is larger than 5 MB, too big to be one dispatch: "
                                          "split it into one file per dispatch, or use JSON Lines")
                    return
                yield _plain(head + handle.read(), path, published)
                return
            handle.seek(0)
            yield from _read_lines(path, handle, kind, published)
    except OSError as err:
        yield Rejection(path, f"cannot read {path} ({err.strerror}); check its permissions")


def _detect(path: str, head: bytes) -> Format:
    """The format of a file from its extension, else its first non-blank line."""
    if path.lower().endswith(_JSONL_SUFFIXES):
        return "jsonl"
    first = next((line for line in head.splitlines() if line.strip()), b"")
    first = first.removeprefix(b"\xef\xbb\xbf")
    if first.lstrip().startswith(b"{"):
        return "jsonl"
    if _DATE_LINE_RE.match(first.decode("latin-1")):
        return "lines"
    return "text"


def _plain(data: bytes, path: str, published: PublicationDate | None) -> Dispatch | Rejection:
    decoded = decode(data, name=path)
    if decoded.text is None:
        return Rejection(path, str(decoded.problem))
    return _checked(decoded.text.strip(), path, None, path, published, None, None, None)


def _read_lines(
    path: str, lines: Iterable[bytes], kind: Format, published: PublicationDate | None
) -> Iterator[Dispatch | Rejection]:
    empty = True
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        empty = False
        decoded = decode(raw, name=f"{path} line {number}")
        if decoded.text is None:
            yield Rejection(path, str(decoded.problem), number)
            continue
        parse = _jsonl_record if kind == "jsonl" else _date_line
        yield parse(decoded.text.rstrip("\n"), path, number, published)
    if empty:
        yield Rejection(path, f"{path} is empty: give a file with the dispatch text")


def _read_stream(stream: TextIO, name: str, published: PublicationDate | None) -> Iterator[Dispatch | Rejection]:
    """Standard input: already text; detected from its first line like a file without extension."""
    first = ""
    for first in stream:
        if first.strip():
            break
    if not first.strip():
        yield Rejection(name, f"{name} is empty: give a file with the dispatch text")
        return
    kind = _detect(name, first.encode("utf-8"))
    if kind == "text":
        yield _plain((first + stream.read()).encode("utf-8"), name, published)
        return
    encoded = (line.encode("utf-8") for line in _chain(first, stream))
    yield from _read_lines(name, encoded, kind, published)


def _chain(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


def _date_line(line: str, path: str, number: int, published: PublicationDate | None) -> Dispatch | Rejection:
    match = _DATE_LINE_RE.match(line)
    if match is None:
        return Rejection(path, f"{path} line {number} is not ' date YYYY-MM[-DD] TEXT' "
                               "(a space, the word date, a date, the text); fix or remove the line", number)
    try:
        date = published or PublicationDate.parse(match.group(1))
    except UsageError as err:
        return Rejection(path, f"{path} line {number}: {err}", number)
    return _checked(match.group(2).strip(), f"{path}:{number}", number, path, date, None, None, None)


def _jsonl_record(line: str, path: str, number: int, published: PublicationDate | None) -> Dispatch | Rejection:
    where = f"{path} line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return Rejection(path, f"{where} is not valid JSON ({err.msg}, column {err.colno}); "
                               "each line must be one JSON object", number)
    if not isinstance(record, dict):
        return Rejection(path, f"{where} is a JSON {type(record).__name__}, not an object with a \"text\"", number)
    text = record.get("text")
    if not isinstance(text, str):
        return Rejection(path, f"{where} has no \"text\" string; give the dispatch text in \"text\"", number)
    for key in ("published", "outlet", "url", "id"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return Rejection(path, f"{where}: \"{key}\" must be a string", number)
    date = published
    if date is None and record.get("published"):
        try:
            date = PublicationDate.parse(record["published"])
        except UsageError as err:
            return Rejection(path, f"{where}: {err}", number)
    return _checked(text.strip(), f"{path}:{number}", number, path, date,
                    record.get("outlet"), record.get("url"), record.get("id"))


def _checked(
    text: str,
    origin: str,
    line: int | None,
    path: str,
    published: PublicationDate | None,
    outlet: str | None,
    url: str | None,
    dispatch_id: str | None,
) -> Dispatch | Rejection:
    """A Dispatch, unless the text is empty or not French."""
    where = path if line is None else f"{path} line {line}"
    if not text:
        return Rejection(path, f"{where} is empty: give a file with the dispatch text", line)
    problem = language_problem(text)
    if problem is not None:
        return Rejection(path, f"{where} does not look like French (detected: {problem}); "
                               "fracas reads French dispatches", line)
    return Dispatch(
        id=dispatch_id or Dispatch.make_id(text),
        text=text,
        published=published,
        outlet=outlet,
        url=url,
        origin=origin,
    )
