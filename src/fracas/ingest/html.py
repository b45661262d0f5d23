"""Saved or fetched web pages to dispatches: the article's main text and its metadata, by trafilatura.

Only the article body is read: navigation, boilerplate, comments, tables and related-article lists are
left out (trafilatura's precision mode without comments or tables). The publication date comes from
the page's own markup (htmldate on meta tags, <time> elements and the URL, through trafilatura); when
the page has none, the caller's metadata (a feed item's date) is used, then a date in the dateline
(the opening words, "BAMAKO, 12 mars 2024 -"), then the first full date in the text, and last the
date a crawler saw the page. The URL is the
page's canonical URL, else the one it was fetched from; the outlet is the site's name, else its host.

Needs the `inputs` extra: `pip install 'fracas[inputs]'`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from fracas.errors import InputError, UsageError
from fracas.ingest.decode import decode, language_problem
from fracas.model import Dispatch, PublicationDate, Rejection
from fracas.resolve.dates import find_time_expressions
from fracas.text import plain_whitespace

MAX_PAGE_BYTES = 8 * 1024 * 1024  # a news page with inline scripts is a few hundred kB
DATELINE_CHARS = 160  # the dateline is the opening words of a dispatch, before the first sentence
# Fewer words than this is a menu or a caption that trafilatura fell back on, not an article.
MIN_ARTICLE_WORDS = 12
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class PageMetadata:
    """What the page says about itself (each None when it does not say)."""

    title: str | None
    published: PublicationDate | None
    outlet: str | None
    url: str | None


def is_html_path(path: str) -> bool:
    return path.lower().endswith(_HTML_SUFFIXES)


def looks_like_html(head: bytes) -> bool:
    """True for bytes that start like an HTML document (after a BOM, blanks and comments)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    return start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<!--") and b"<html" in start)


def read_html_file(path: str, published: PublicationDate | None = None) -> Dispatch | Rejection:
    """One dispatch from a saved page; `published` overrides the page's date (`--published`)."""
    try:
        size = os.path.getsize(path)
        if size > MAX_PAGE_BYTES:
            return Rejection(path, f"{path} is larger than 8 MB, too big to be one web page; "
                                   "save the article page alone")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        return Rejection(path, f"cannot read {path} ({err.strerror}); check its permissions")
    return read_html(data, origin=path, published=published)


def read_html(
    data: bytes | str,
    *,
    origin: str,
    url: str | None = None,
    published: PublicationDate | None = None,
    metadata_date: PublicationDate | None = None,
    crawl_date: PublicationDate | None = None,
    outlet: str | None = None,
) -> Dispatch | Rejection:
    """The article of one page, or a Rejection saying why there is none.

    `published` overrides every date found. Otherwise the page's own date is taken, then
    `metadata_date` (what a feed item says), the dateline, the first full date of the text, and
    last `crawl_date` (when a crawler saw the page).
    """
    html = _html_text(data, origin)
    if isinstance(html, Rejection):
        return html
    document = _extract(html, url)
    # Each line of the extracted article is a paragraph of the page: a paragraph boundary in the dispatch.
    text = plain_whitespace("\n\n".join((document.get("text") or "").splitlines())).strip() if document else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return Rejection(origin, f"{origin}: no article text found in the page (only navigation, links or "
                                 "boilerplate); give the article's own page")
    problem = language_problem(text)
    if problem is not None:
        return Rejection(origin, f"{origin}: the article does not look like French (detected: {problem}); "
                                 "fracas reads French dispatches")
    meta = page_metadata(document, url)
    date = published or meta.published or metadata_date or text_publication_date(text) or crawl_date
    return Dispatch(
        id=Dispatch.make_id(text),
        text=text,
        published=date,
        outlet=outlet or meta.outlet,
        url=meta.url or url,
        origin=origin,
    )


def _html_text(data: bytes | str, origin: str) -> str | Rejection:
    if isinstance(data, str):
        return data
    if not data.strip():
        return Rejection(origin, f"{origin} is empty: give a saved web page")
    decoded = decode(data, name=origin)
    if decoded.text is None:
        return Rejection(origin, str(decoded.problem))
    return decoded.text


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    try:
        import trafilatura
    except ImportError as err:
        raise InputError("reading web pages needs trafilatura; install it with: pip install 'fracas[inputs]'") from err
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_links=False,
        favor_precision=True,
        # Markup only (meta tags, <time>, the URL): a date in the text is our own last fallback.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return None
    return document.as_dict() if hasattr(document, "as_dict") else dict(document)


def page_metadata(document: dict[str, Any], url: str | None) -> PageMetadata:
    """Title, date, outlet and URL from trafilatura's metadata."""
    page_url = document.get("url") or url
    outlet = document.get("sitename") or document.get("hostname") or _host(page_url)
    return PageMetadata(
        title=document.get("title") or None,
        published=_publication_date(document.get("date")),
        outlet=outlet or None,
        url=page_url or None,
    )


def _publication_date(value: str | None) -> PublicationDate | None:
    if not value:
        return None
    try:
        return PublicationDate.parse(value[:10])
    except UsageError:
        return None  # a malformed date in the page's markup: the dateline and text are read instead


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def text_publication_date(text: str) -> PublicationDate | None:
    """The date of the dateline ("BAMAKO, 12 mars 2024 -"), else the first full date in the text."""
    mentions = [m for m in find_time_expressions(text, None)
                if m.kind == "absolute" and m.value is not None and m.precision in ("day", "month")]
    in_dateline = [m for m in mentions if m.start < DATELINE_CHARS]
    chosen = (in_dateline or mentions or [None])[0]
    if chosen is None or chosen.value is None:
        return None
    precision = "day" if chosen.precision == "day" else "month"
    return PublicationDate(chosen.value, precision)
