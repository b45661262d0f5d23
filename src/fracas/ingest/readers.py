"""Dispatch files to `Dispatch` records: plain text, " date YYYY-MM[-DD] TEXT" lines, JSON Lines.

Bad input never raises: it becomes a `Rejection` saying what was wrong and what to do, and reading goes
on with the next line or file. Line-oriented files are streamed, so a 50 MB JSONL file is never held in
memory at once.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO, Literal, TextIO, cast

from fracas.errors import InputError, UsageError
from fracas.resolve.dateline import dateline_reader
from fracas.ingest.decode import decode, language_problem
from fracas.ingest.kinds import reader_for
from fracas.model import Dispatch, PublicationDate, Rejection
from fracas.text import plain_whitespace

# One limit for every way a dispatch arrives (a file, stdin, a JSON "text" field): a dispatch is a few
# thousand characters, and spaCy refuses texts of over a million. A longer text is refused, not split,
# because cutting a story in the middle would invent context for both halves.
MAX_TEXT_CHARS = 100_000
MAX_PLAIN_BYTES = 4 * MAX_TEXT_CHARS  # UTF-8 takes at most 4 bytes a character: a bigger file is too long
MAX_ID_CHARS = 200
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/-]*")
_DATE_LINE_RE = re.compile(r"^ date (\d{4}-\d{2}(?:-\d{2})?)(?:\s(.*))?$", re.DOTALL)
_DATE_LINE_START = " date "  # a line starting so opens a dispatch; the lines after it, up to the next, continue it
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
Format = Literal["text", "lines", "jsonl"]
_JSON_KINDS = {list: "list", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}


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
    text = plain_whitespace(text).strip()
    if not text:
        raise InputError(f"{origin} is empty: give the dispatch text")
    problem = text_problem(text, origin) or id_problem(dispatch_id, origin)
    if problem is not None:
        raise InputError(problem)
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


def text_problem(text: str, where: str) -> str | None:
    """Why `text` cannot be stored as given (too long, a lone surrogate), or None."""
    if len(text) > MAX_TEXT_CHARS:
        return _too_long(where, f"{len(text):,} characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        return (f"{where} holds a lone surrogate (\\u{ord(text[err.start]):04x} at character {err.start}), "
                "which is no character; fix the escape in the input")
    return None


def id_problem(dispatch_id: str | None, where: str) -> str | None:
    """Why a user-given dispatch id cannot be used (length, characters), or None."""
    if dispatch_id is None:
        return None
    if len(dispatch_id) > MAX_ID_CHARS or not _ID_RE.fullmatch(dispatch_id):
        shown = dispatch_id[:40] + ("..." if len(dispatch_id) > 40 else "")
        return (f"{where}: id {shown!r} is not usable: give at most {MAX_ID_CHARS} letters, digits and . _ : / -, "
                "starting with a letter or digit")
    return None


def _too_long(where: str, size: str) -> str:
    return (f"{where} is too long to be one dispatch ({size}; the limit is {MAX_TEXT_CHARS:,} characters): "
            "split it into one dispatch per story")


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
            yield from _read_stream(stdin if stdin is not None else sys.stdin.buffer, "<stdin>", published)
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
            yield from _read_binary(handle, path, published)
    except OSError as err:
        yield Rejection(path, f"cannot read {path} ({err.strerror}); check its permissions")


def _read_binary(handle: BinaryIO, path: str, published: PublicationDate | None) -> Iterator[Dispatch | Rejection]:
    """A file or standard input as bytes: its format from the first 4 kB, then its dispatches."""
    head = handle.read(4096)
    kind = _detect(path, head)
    if kind == "text":
        data = head + handle.read(MAX_PLAIN_BYTES + 1 - len(head))
        if len(data) > MAX_PLAIN_BYTES:
            yield Rejection(path, _too_long(path, f"over {MAX_PLAIN_BYTES:,} bytes"))
            return
        yield _plain(data, path, published)
        return
    yield from _read_lines(path, _chain(head, handle), kind, published)


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
    items = _decoded_lines(path, lines)
    for number, line in _dispatch_lines(items) if kind == "lines" else items:
        if line == "":
            continue
        empty = False
        if isinstance(line, Rejection):
            yield line
        elif kind == "jsonl":
            yield _jsonl_record(line, path, number, published)
        else:
            yield _date_line(line, path, number, published)
    if empty:
        yield Rejection(path, f"{path} is empty: give a file with the dispatch text")


def _decoded_lines(path: str, lines: Iterable[bytes]) -> Iterator[tuple[int, str | Rejection]]:
    """(line number, its text or why it cannot be decoded) for each line; "" for a blank line."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            yield number, ""
            continue
        decoded = decode(raw, name=f"{path} line {number}")
        yield number, Rejection(path, str(decoded.problem), number) if decoded.text is None else decoded.text.rstrip("\r\n")


def _dispatch_lines(items: Iterable[tuple[int, str | Rejection]]) -> Iterator[tuple[int, str | Rejection]]:
    """' date ' lines with the lines that continue them joined on: one dispatch may span several lines.

    A blank line inside one is a paragraph boundary; text over the size limit stops being gathered (the
    dispatch is then refused as too long). An undecodable line is passed on as its rejection.
    """
    opened: tuple[int, list[str]] | None = None
    size = 0
    for number, line in items:
        if isinstance(line, Rejection):
            yield number, line
            continue
        if line.startswith(_DATE_LINE_START):
            if opened is not None:
                yield opened[0], "\n".join(opened[1])
            opened, size = (number, []), 0
        elif opened is None:
            if line:
                yield number, line  # text before any ' date ' line: rejected as not a date line
            continue
        if size <= MAX_TEXT_CHARS:
            opened[1].append(line)
            size += len(line) + 1
    if opened is not None:
        yield opened[0], "\n".join(opened[1])


def _read_stream(stream: BinaryIO | TextIO, name: str, published: PublicationDate | None
                 ) -> Iterator[Dispatch | Rejection]:
    """Standard input, read as bytes so that its encoding is detected as a file's is."""
    if isinstance(stream, io.TextIOBase):
        # A text stream (a test's StringIO): its characters as UTF-8, lone surrogates kept for the check.
        stream = io.BytesIO(stream.read().encode("utf-8", "surrogatepass"))
    yield from _read_binary(cast(BinaryIO, stream), name, published)


def _chain(head: bytes, handle: BinaryIO) -> Iterator[bytes]:
    """The lines of a binary stream whose first `head` bytes were already read."""
    rest = handle.readline() if not head.endswith(b"\n") else b""
    lines = (head + rest).splitlines(keepends=True)
    yield from lines
    yield from handle


def _date_line(line: str, path: str, number: int, published: PublicationDate | None) -> Dispatch | Rejection:
    match = _DATE_LINE_RE.match(line)
    if match is None:
        return Rejection(path, f"{path} line {number} is not ' date YYYY-MM[-DD] TEXT' "
                               "(a space, the word date, a date, the text); fix or remove the line", number)
    try:
        date = published or PublicationDate.parse(match.group(1))
    except UsageError as err:
        return Rejection(path, f"{path} line {number}: {err}", number)
    return _checked(match.group(2) or "", f"{path}:{number}", number, path, date, None, None, None)


def _jsonl_record(line: str, path: str, number: int, published: PublicationDate | None) -> Dispatch | Rejection:
    where = f"{path} line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return Rejection(path, f"{where} is not valid JSON ({err.msg}, column {err.colno}); "
                               "each line must be one JSON object", number)
    except RecursionError:
        return Rejection(path, f"{where} is JSON nested too deeply to read; each line must be one flat JSON "
                               "object with a \"text\"", number)
    if not isinstance(record, dict):
        kind = _JSON_KINDS.get(type(record), type(record).__name__)
        return Rejection(path, f"{where} is a JSON {kind}, not an object with a \"text\"", number)
    text = record.get("text")
    if not isinstance(text, str):
        return Rejection(path, f"{where} has no \"text\" string; give the dispatch text in \"text\"", number)
    for key in ("published", "outlet", "url", "id"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return Rejection(path, f"{where}: \"{key}\" must be a string", number)
        problem = text_problem(record.get(key) or "", f"{where}: \"{key}\"")
        if problem is not None:
            return Rejection(path, problem, number)
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
    """A Dispatch, unless the text is empty, too long, unencodable or not French, or its id is unusable."""
    where = path if line is None else f"{path} line {line}"
    text = plain_whitespace(text).strip()
    if not text:
        return Rejection(path, f"{where} is empty: give a file with the dispatch text", line)
    problem = text_problem(text, where) or id_problem(dispatch_id, where)
    if problem is not None:
        return Rejection(path, problem, line)
    problem = language_problem(text)
    published = published or dateline_reader().published(text)
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
        line=line,
    )
