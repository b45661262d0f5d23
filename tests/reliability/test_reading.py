"""Thousands of hostile lines mixed with good ones: each bad line is a rejection naming its line and
reason, each good line a dispatch (reading only; extraction is tested in test_batches.py)."""

from __future__ import annotations

import io
from pathlib import Path

from hostile import mixed_batch

from fracas.ingest import MAX_TEXT_CHARS, read_inputs
from fracas.model import Dispatch, PublicationDate, Rejection


def test_a_few_thousand_mixed_lines(tmp_path: Path) -> None:
    lines, bad, good = mixed_batch(2000)
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_inputs([str(path)]))
    rejections = {item.line: item for item in items if isinstance(item, Rejection)}
    dispatches = [item for item in items if isinstance(item, Dispatch)]
    assert sorted(rejections) == sorted(bad)
    wrong = {n: r.reason for n, r in rejections.items()
             if r.origin != str(path) or not r.reason.startswith(f"{path} line {n}{bad[n]}")}
    assert wrong == {}
    assert [(d.id, d.line, d.origin) for d in dispatches] == [(f"good-{n}", n, f"{path}:{n}") for n in good]


def test_stdin_bytes_are_decoded_like_a_file() -> None:
    text = "Des frappes aériennes ont tué trois civils mercredi à Hama, selon l'OSDH."
    stdin = io.BytesIO(text.encode("cp1252"))
    assert list(read_inputs(["-"], published=PublicationDate.parse("2015-10-07"), stdin=stdin)) == [
        Dispatch(Dispatch.make_id(text), text, PublicationDate.parse("2015-10-07"), None, None, "<stdin>")
    ]


def test_binary_stdin_is_a_rejection() -> None:
    assert list(read_inputs(["-"], stdin=io.BytesIO(b"\x89PNG\r\n\x00\x00"))) == [
        Rejection("<stdin>", "<stdin> is a binary file (NUL byte at offset 6); give a UTF-8 text file")
    ]


def test_the_same_size_limit_for_files_and_stdin(tmp_path: Path) -> None:
    text = "Des frappes ont eu lieu. " * (MAX_TEXT_CHARS // 25 + 1)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    reason = ("is too long to be one dispatch (100,024 characters; the limit is 100,000 characters): "
              "split it into one dispatch per story")
    assert list(read_inputs([str(path), "-"], stdin=io.BytesIO(text.encode("utf-8")))) == [
        Rejection(str(path), f"{path} {reason}"), Rejection("<stdin>", f"<stdin> {reason}"),
    ]
