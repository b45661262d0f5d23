"""RSS, Atom and OPML: items parsed, their pages fetched from a loopback site and read as dispatches."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_fixtures import ARTICLE_MALI, ARTICLE_NIGER, LoopbackSite, atom, opml, page, rss

from fracas.errors import InputError
from fracas.ingest import read_inputs
from fracas.ingest.feeds import FeedItem, parse_feed, parse_opml
from fracas.model import Dispatch, PublicationDate, Rejection


def _two_item_feed(site: LoopbackSite) -> str:
    mali = site.add("/mali.html", page(ARTICLE_MALI, canonical=None))
    niger = site.add("/niger.html", page(ARTICLE_NIGER, published=None, site_name="Radio Exemple"))
    return rss([
        {"title": "Mali", "link": mali, "guid": "mali-1", "pubDate": "Tue, 12 Mar 2024 18:00:00 GMT"},
        {"title": "Niger", "link": niger, "guid": "niger-1", "pubDate": "Sun, 10 Mar 2024 07:00:00 GMT"},
    ])


def test_rss_items_are_parsed() -> None:
    # feedparser resolves a relative guid against the feed URL, as it does links.
    xml = rss([{"title": "Mali", "link": "http://a.invalid/1", "guid": "g1", "pubDate": "Tue, 12 Mar 2024 18:00:00 GMT"},
               {"title": "Sans date", "link": "http://a.invalid/2"}])
    assert parse_feed(xml.encode(), feed_url="http://a.invalid/rss") == [
        FeedItem("http://a.invalid/rss", "http://a.invalid/g1", "http://a.invalid/1", "Mali", PublicationDate.parse("2024-03-12"), None),
        FeedItem("http://a.invalid/rss", "http://a.invalid/2", "http://a.invalid/2", "Sans date", None, None),
    ]


def test_atom_entries_are_parsed() -> None:
    xml = atom([{"id": "urn:1", "title": "Tchad", "link": "http://b.invalid/t", "updated": "2024-03-09T10:00:00Z"}])
    assert parse_feed(xml.encode(), feed_url="http://b.invalid/atom") == [
        FeedItem("http://b.invalid/atom", "urn:1", "http://b.invalid/t", "Tchad", PublicationDate.parse("2024-03-09"), None),
    ]


def test_opml_lists_its_feeds_and_bad_xml_is_an_input_error() -> None:
    assert parse_opml(opml(["http://a.invalid/rss", "http://b.invalid/atom"]).encode(), origin="veille.opml") == [
        "http://a.invalid/rss", "http://b.invalid/atom",
    ]
    with pytest.raises(InputError) as raised:
        parse_feed(b"this is not a feed", feed_url="http://a.invalid/x")
    assert str(raised.value).startswith("http://a.invalid/x is not an RSS or Atom feed (")


def test_ingesting_a_saved_feed_fetches_and_reads_each_item(site: LoopbackSite, tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(_two_item_feed(site), encoding="utf-8")
    assert list(read_inputs([str(path)])) == [
        Dispatch(Dispatch.make_id(ARTICLE_MALI), ARTICLE_MALI, PublicationDate.parse("2024-03-13"),
                 "Le Courrier du Sahel", site.url("/mali.html"), site.url("/mali.html")),
        # The page has no date: the item's date is taken.
        Dispatch(Dispatch.make_id(ARTICLE_NIGER), ARTICLE_NIGER, PublicationDate.parse("2024-03-10"),
                 "Radio Exemple", site.url("/niger.html"), site.url("/niger.html")),
    ]
    assert site.paths() == ["/robots.txt", "/mali.html", "/niger.html"]


def test_an_opml_list_reads_every_feed_and_a_failing_one_is_a_rejection(
    site: LoopbackSite, failing_site: LoopbackSite, tmp_path: Path
) -> None:
    feed_url = site.add("/rss.xml", _two_item_feed(site), content_type="application/rss+xml")
    dead_url = failing_site.url("/rss.xml")
    path = tmp_path / "veille.opml"
    path.write_text(opml([dead_url, feed_url]), encoding="utf-8")
    found = list(read_inputs([str(path)]))
    assert [type(item).__name__ for item in found] == ["Rejection", "Dispatch", "Dispatch"]
    assert found[0] == Rejection(dead_url, f"{dead_url}: robots.txt of {failing_site.base} does not allow fracas "
                                           "to fetch it; skipped")
    assert [item.text for item in found[1:]] == [ARTICLE_MALI, ARTICLE_NIGER]  # type: ignore[union-attr]


def test_an_item_whose_page_is_missing_is_a_rejection_naming_its_url(site: LoopbackSite, tmp_path: Path) -> None:
    missing = site.url("/gone.html")
    path = tmp_path / "feed.rss"
    path.write_text(rss([{"title": "Parti", "link": missing}]), encoding="utf-8")
    assert list(read_inputs([str(path)])) == [
        Rejection(missing, f"cannot fetch {missing}: HTTP 404; check the URL"),
    ]
