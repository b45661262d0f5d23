"""Where an export goes: a path (written whole or not at all) or an open text or binary stream."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO, TextIO, Union

from fracas.errors import UsageError

Destination = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]


def is_path(destination: object) -> bool:
    return isinstance(destination, (str, os.PathLike))


@contextmanager
def atomic_path(destination: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside `destination`, renamed onto it only when the block succeeds.

    An interrupted export therefore never leaves a truncated file that looks complete.
    """
    target = Path(destination)
    if not target.parent.is_dir():
        raise UsageError(
            f"cannot write {target}: the directory {target.parent} does not exist; create it first"
        )
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def text_output(destination: Destination) -> Iterator[TextIO]:
    """A text stream writing UTF-8 to `destination`; a caller's stream is flushed, never closed."""
    if is_path(destination):
        with atomic_path(destination) as temp:  # type: ignore[arg-type]
            try:
                stream = open(temp, "w", encoding="utf-8", newline="")
            except OSError as err:
                raise UsageError(f"cannot write {destination} ({err}); check the path is writable") from err
            with stream:
                yield stream
        return
    if isinstance(destination, io.TextIOBase):
        yield destination  # type: ignore[misc]
        destination.flush()
        return
    if not hasattr(destination, "write"):
        raise UsageError(f"cannot export to {destination!r}: give a file path or an open stream")
    wrapper = io.TextIOWrapper(destination, encoding="utf-8", newline="")  # type: ignore[arg-type,type-var]
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()  # hand the caller's binary stream back open


@contextmanager
def binary_output(destination: Destination) -> Iterator[BinaryIO | Path]:
    """A binary stream (or, for a path, the temporary path to write) for binary formats such as Parquet."""
    if is_path(destination):
        with atomic_path(destination) as temp:  # type: ignore[arg-type]
            yield temp
        return
    if isinstance(destination, io.TextIOBase):
        raise UsageError(
            "this format is binary: give a file path or a binary stream (e.g. sys.stdout.buffer)"
        )
    if not hasattr(destination, "write"):
        raise UsageError(f"cannot export to {destination!r}: give a file path or an open binary stream")
    yield destination  # type: ignore[misc]
