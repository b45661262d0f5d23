"""Which reader takes a file that is not plain text, " date" lines or JSON Lines.

Web pages (`.html`), feeds and OPML lists (`.rss`, `.atom`, `.xml`, `.opml`) and crawls (`.warc`,
`.warc.gz`) are recognised by their name, else by their first bytes; `fracas.ingest.readers` asks
`reader_for` before its own formats. The readers are imported only when such a file comes, so the
core formats need none of the `inputs` extra.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from fracas.model import Dispatch, PublicationDate, Rejection

Reader = Callable[[str, PublicationDate | None], Iterable[Dispatch | Rejection]]
_HEAD_BYTES = 4096


def reader_for(path: str) -> Reader | None:
    """The reader of a page, feed or crawl file at `path`; None for the core formats (or no file)."""
    from fracas.ingest.feeds import is_feed_path, looks_like_feed
    from fracas.ingest.html import is_html_path, looks_like_html
    from fracas.ingest.warc import is_warc_path, looks_like_warc

    if is_warc_path(path):
        return _warc
    if is_html_path(path):
        return _html
    if is_feed_path(path):
        return _feed
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None  # the core reader reports the file as unreadable, with the reason
    for looks_like, reader in ((looks_like_warc, _warc), (looks_like_html, _html), (looks_like_feed, _feed)):
        if looks_like(head):
            return reader
    return None


def is_warc_reader(reader: object) -> bool:
    """True for the reader `reader_for` gives a WARC crawl (which `fracas batch` cuts by record ranges)."""
    return reader is _warc


def _html(path: str, published: PublicationDate | None) -> Iterator[Dispatch | Rejection]:
    from fracas.ingest.html import read_html_file

    yield read_html_file(path, published)


def _feed(path: str, published: PublicationDate | None) -> Iterator[Dispatch | Rejection]:
    from fracas.ingest.feeds import read_feed_file

    yield from read_feed_file(path, published)


def _warc(path: str, published: PublicationDate | None) -> Iterator[Dispatch | Rejection]:
    from fracas.ingest.warc import read_warc

    yield from read_warc(path, published)
