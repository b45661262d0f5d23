"""RSS/Atom feeds (feedparser) and OPML lists of feeds, to the article pages they point at.

`fracas ingest feed.xml` / `feeds.opml`: each item's page is fetched (`fracas.ingest.fetch`), its
article read (`fracas.ingest.html`) and returned as a dispatch; the item's own date is the fallback
when the page gives none. An item whose page cannot be fetched becomes a Rejection naming the URL; an
item without a link is read from the HTML content the feed carries.
"""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fracas.errors import InputError
from fracas.ingest.fetch import Fetcher, FetchSettings
from fracas.ingest.html import read_html
from fracas.model import Dispatch, PublicationDate, Rejection

_FEED_SUFFIXES = (".rss", ".atom", ".xml")
_OPML_SUFFIXES = (".opml",)
MAX_FEED_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: where its article is and what the feed says of it."""

    feed_url: str
    key: str  # the entry's id (guid), else its link: what the store remembers as seen
    link: str | None
    title: str | None
    published: PublicationDate | None
    content_html: str | None  # the entry's own HTML content, used when it has no link


def is_feed_path(path: str) -> bool:
    return path.lower().endswith(_FEED_SUFFIXES + _OPML_SUFFIXES)


def looks_like_feed(head: bytes) -> bool:
    """True for XML that opens an RSS, RDF, Atom or OPML document."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    return start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf", b"<opml")) and any(
        tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<opml")
    )


def is_opml(data: bytes) -> bool:
    return b"<opml" in data[:2048].lower()


def parse_opml(data: bytes, *, origin: str) -> list[str]:
    """The feed URLs (xmlUrl) of an OPML subscription list, in document order."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as err:
        raise InputError(f"{origin} is not well-formed OPML ({err}); export the subscription list again") from err
    urls = [node.get("xmlUrl") or node.get("xmlurl") for node in root.iter("outline")]
    found = [url.strip() for url in urls if url and url.strip()]
    if not found:
        raise InputError(f"{origin} lists no feed (no <outline xmlUrl=...>); give an OPML file of feeds")
    return found


def parse_feed(data: bytes, *, feed_url: str) -> list[FeedItem]:
    """The items of an RSS or Atom document; InputError when it is neither."""
    try:
        import feedparser
    except ImportError as err:
        raise InputError("reading feeds needs feedparser; install it with: pip install 'fracas[inputs]'") from err
    parsed = feedparser.parse(data, response_headers={"content-location": feed_url})
    if not parsed.entries and (parsed.bozo or not parsed.version):
        reason = getattr(parsed, "bozo_exception", None) or "no RSS or Atom elements"
        raise InputError(f"{feed_url} is not an RSS or Atom feed ({reason}); check the feed URL")
    return [_item(entry, feed_url) for entry in parsed.entries]


def _item(entry: Any, feed_url: str) -> FeedItem:
    link = entry.get("link") or None
    contents = entry.get("content") or []
    content_html = contents[0].get("value") if contents else entry.get("summary")
    return FeedItem(
        feed_url=feed_url,
        key=entry.get("id") or link or entry.get("title") or "",
        link=link,
        title=entry.get("title") or None,
        published=_entry_date(entry),
        content_html=content_html or None,
    )


def _entry_date(entry: Any) -> PublicationDate | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return PublicationDate(dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday), "day")


def read_item(item: FeedItem, fetcher: Fetcher, *, published: PublicationDate | None = None) -> Dispatch | Rejection:
    """The dispatch of one feed item: its page fetched and read, else its own content.

    Raises InputError when the page cannot be fetched (the caller decides to retry or to record it).
    """
    origin = item.link or f"{item.feed_url}#{item.key}"
    if item.link:
        page = fetcher.get(item.link)
        return read_html(page.content, origin=origin, url=page.url, published=published,
                         metadata_date=item.published)
    if item.content_html:
        return read_html(item.content_html, origin=origin, published=published, metadata_date=item.published)
    return Rejection(origin, f"{origin}: the feed item has neither a link nor content; nothing to read")


def read_feed_file(path: str, published: PublicationDate | None = None,
                   settings: FetchSettings | None = None) -> Iterator[Dispatch | Rejection]:
    """Every item of a saved feed, or of every feed an OPML file lists, fetched and read."""
    try:
        if os.path.getsize(path) > MAX_FEED_BYTES:
            yield Rejection(path, f"{path} is larger than 16 MB, too big for a feed; check the file")
            return
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        yield Rejection(path, f"cannot read {path} ({err.strerror}); check its permissions")
        return
    with Fetcher(settings) as fetcher:
        try:
            feeds = [(path, parse_feed(data, feed_url=path))] if not is_opml(data) else None
            if feeds is None:
                feeds = list(_fetched_feeds(parse_opml(data, origin=path), fetcher))
        except InputError as err:
            yield Rejection(path, str(err))
            return
        for origin, items in feeds:
            if isinstance(items, Rejection):
                yield items
                continue
            yield from _read_items(items, fetcher, published)


def _fetched_feeds(urls: list[str], fetcher: Fetcher) -> Iterator[tuple[str, list[FeedItem] | Rejection]]:
    for url in urls:
        try:
            yield url, parse_feed(fetcher.get(url).content, feed_url=url)
        except InputError as err:
            yield url, Rejection(url, str(err))


def _read_items(items: list[FeedItem], fetcher: Fetcher,
                published: PublicationDate | None) -> Iterator[Dispatch | Rejection]:
    for item in items:
        try:
            yield read_item(item, fetcher, published=published)
        except InputError as err:
            yield Rejection(item.link or item.feed_url, str(err))
