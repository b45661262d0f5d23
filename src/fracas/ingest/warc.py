"""Web crawls (WARC, as Common Crawl News ships them) to dispatches, streamed in constant memory.

Records are read one at a time with warcio. Only `response` records of an HTML page with HTTP 200 are
looked at; each is tested for French by the cheap function-word count of `fracas.ingest.decode` on its
tag-stripped bytes BEFORE trafilatura parses it, since most of a news crawl is in other languages.
What is done with each record is counted in `WarcStats`: read, kept (a dispatch), skipped (not a
page, not HTML, not 200, not French: out of scope by design) and rejected (a French page with no
article text, or too large: recorded as a Rejection). The totals are logged on the `fracas.ingest`
logger when the file is done; the WARC-Date is the last fallback for the publication date.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from fracas.errors import InputError, UsageError
from fracas.ingest.decode import language_problem
from fracas.ingest.html import MAX_PAGE_BYTES, read_html
from fracas.model import Dispatch, PublicationDate, Rejection

logger = logging.getLogger("fracas.ingest")

_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SCRIPT_RE = re.compile(rb"<(script|style|noscript)\b.*?</\1\s*>", re.I | re.S)
_TAG_RE = re.compile(rb"<[^>]*>")
_LANGUAGE_SAMPLE_BYTES = 64 * 1024  # enough visible text to count function words


@dataclass
class WarcStats:
    """What was done with the records of one or more WARC files."""

    read: int = 0
    kept: int = 0
    rejected: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> records

    def line(self, name: str) -> str:
        reasons = ", ".join(f"{count} {reason}" for reason, count in sorted(self.skipped.items()))
        skipped = sum(self.skipped.values())
        return (f"{name}: {self.read} records read, {self.kept} kept, {skipped} skipped"
                + (f" ({reasons})" if reasons else "") + f", {self.rejected} rejected")


def is_warc_path(path: str) -> bool:
    return path.lower().endswith(_WARC_SUFFIXES)


def looks_like_warc(head: bytes) -> bool:
    """True for the first bytes of a WARC file, plain or gzipped record by record."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_warc(path: str, published: PublicationDate | None = None, stats: WarcStats | None = None, *,
              records: range | None = None) -> Iterator[Dispatch | Rejection]:
    """Every French article page of the WARC file at `path`; see the module doc.

    `records` reads only the records of those numbers (the first is 1), as `fracas batch` partitions a
    crawl; the others are passed over unread (warcio skips their content).
    """
    stats = stats if stats is not None else WarcStats()
    try:
        with open(path, "rb") as stream:
            yield from read_warc_stream(stream, origin=path, published=published, stats=stats, records=records)
    except OSError as err:
        yield Rejection(path, f"cannot read {path} ({err.strerror}); check its permissions")
    logger.info(stats.line(path))


def count_records(path: str) -> int:
    """How many records the WARC file at `path` holds (their contents are not read)."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        return sum(1 for _record in ArchiveIterator(stream))


def read_warc_stream(stream: Any, *, origin: str, published: PublicationDate | None = None,
                     stats: WarcStats, records: range | None = None) -> Iterator[Dispatch | Rejection]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as err:
        raise InputError("reading WARC files needs warcio; install it with: pip install 'fracas[inputs]'") from err
    number = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            if records is not None and number not in records:
                if number >= records.stop:
                    break
                continue
            stats.read += 1
            item = _record(record, origin, number, published, stats)
            if item is not None:
                yield item
    except ArchiveLoadFailed as err:
        stats.rejected += 1
        yield Rejection(origin, f"{origin}: not a readable WARC file after record {number} "
                                f"({str(err).strip()}); "
                                "check that the download is complete", number or None)


def _record(record: Any, origin: str, number: int, published: PublicationDate | None,
            stats: WarcStats) -> Dispatch | Rejection | None:
    reason = _out_of_scope(record)
    if reason is not None:
        stats.skipped[reason] += 1
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{origin} record {number} ({url})"
    data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        stats.rejected += 1
        return Rejection(origin, f"{where} is larger than 8 MB, too big to be a news page", number)
    if language_problem(visible_text(data)) is not None:
        stats.skipped["not French"] += 1
        return None
    item = read_html(data, origin=f"{origin}:{number}", url=url, published=published,
                     crawl_date=_warc_date(record.rec_headers.get_header("WARC-Date")))
    if isinstance(item, Rejection):
        stats.rejected += 1
        return Rejection(origin, item.reason.replace(f"{origin}:{number}", where, 1), number)
    stats.kept += 1
    return item


def _out_of_scope(record: Any) -> str | None:
    """Why a record is not an article page, or None when it may be one."""
    if record.rec_type != "response":
        return "not a response"
    if record.http_headers is None:
        return "not HTTP"
    if record.http_headers.get_statuscode() != "200":
        return "not HTTP 200"
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(_HTML_TYPES):
        return "not HTML"
    return None


def visible_text(data: bytes) -> str:
    """Roughly the words a reader sees: scripts, styles and tags removed; for the language test only."""
    sample = _SCRIPT_RE.sub(b" ", data[: _LANGUAGE_SAMPLE_BYTES * 4])
    return _TAG_RE.sub(b" ", sample)[:_LANGUAGE_SAMPLE_BYTES].decode("utf-8", errors="replace")


def _warc_date(value: str | None) -> PublicationDate | None:
    if not value or len(value) < 10:
        return None
    try:
        return PublicationDate.parse(value[:10])
    except UsageError:
        return None  # a malformed WARC-Date only loses the last fallback date
