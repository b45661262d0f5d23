"""Saved web pages: the article alone, its metadata, the date fallbacks, and the same events as its text."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_fixtures import ARTICLE_ENGLISH, ARTICLE_MALI, page

from fracas.ingest import read_inputs
from fracas.ingest.html import read_html, text_publication_date
from fracas.model import Dispatch, PublicationDate, Rejection

CANONICAL = "https://courrier-sahel.example/mali/attaque-diallassagou"


def test_a_saved_page_gives_the_article_text_and_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    path.write_text(page(ARTICLE_MALI, title="Mali : sept civils tués", canonical=CANONICAL), encoding="utf-8")
    # Navigation, the byline, the related articles, the comments and the footer are not read.
    assert list(read_inputs([str(path)])) == [Dispatch(
        id=Dispatch.make_id(ARTICLE_MALI), text=ARTICLE_MALI, published=PublicationDate.parse("2024-03-13"),
        outlet="Le Courrier du Sahel", url=CANONICAL, origin=str(path),
    )]


def test_a_page_without_extension_is_recognised_by_its_first_bytes(tmp_path: Path) -> None:
    path = tmp_path / "saved-page"
    path.write_text(page(ARTICLE_MALI, canonical=CANONICAL), encoding="utf-8")
    assert [(d.text, d.url) for d in read_inputs([str(path)])] == [(ARTICLE_MALI, CANONICAL)]


def test_without_a_canonical_url_or_site_name_the_fetched_url_and_its_host_are_kept() -> None:
    html = page(ARTICLE_MALI, site_name=None)
    found = read_html(html, origin="x", url="https://www.lefaso.example/spip.php?article1")
    assert (found.url, found.outlet) == ("https://www.lefaso.example/spip.php?article1", "lefaso.example")


def test_the_date_falls_back_to_the_item_date_then_the_dateline_then_the_text() -> None:
    dated = "BAMAKO, 12 mars 2024 - " + ARTICLE_MALI
    item_date = PublicationDate.parse("2024-03-11")
    crawl_date = PublicationDate.parse("2024-03-20")
    undated = page(dated, published=None)
    assert read_html(undated, origin="x", metadata_date=item_date).published == item_date
    assert read_html(undated, origin="x", crawl_date=crawl_date).published == PublicationDate.parse("2024-03-12")
    in_text = ARTICLE_MALI + "\n\nLe dernier bilan, publié le 14 mars 2024, fait état de sept morts."
    assert read_html(page(in_text, published=None), origin="x").published == PublicationDate.parse("2024-03-14")
    assert read_html(page(ARTICLE_MALI, published=None), origin="x", crawl_date=crawl_date).published == crawl_date
    # The page's own date wins over every fallback; --published over everything.
    assert read_html(page(dated), origin="x", metadata_date=item_date).published == PublicationDate.parse("2024-03-13")
    assert read_html(page(dated), origin="x", published=item_date).published == item_date


def test_the_dateline_is_preferred_to_later_dates_of_the_text() -> None:
    text = "NIAMEY, 2 février 2023 (AFP) - Le bilan de l'attaque du 28 janvier 2023 est monté à dix morts."
    assert text_publication_date(text) == PublicationDate.parse("2023-02-02")
    assert text_publication_date("Le bilan est monté à dix morts, selon la gendarmerie.") is None


def test_pages_with_no_article_or_not_in_french_are_rejections(tmp_path: Path) -> None:
    empty = tmp_path / "menu.html"
    empty.write_text("<!DOCTYPE html><html><body><nav><a href='/'>Accueil</a></nav></body></html>", encoding="utf-8")
    english = tmp_path / "english.html"
    english.write_text(page(ARTICLE_ENGLISH, lang="en"), encoding="utf-8")
    assert list(read_inputs([str(empty), str(english)])) == [
        Rejection(str(empty), f"{empty}: no article text found in the page (only navigation, links or "
                              "boilerplate); give the article's own page"),
        Rejection(str(english), f"{english}: the article does not look like French (detected: mostly English "
                                "words); fracas reads French dispatches"),
    ]


@pytest.mark.model
def test_a_saved_page_gives_the_same_events_as_its_plain_text(tmp_path: Path) -> None:
    from fracas.pipeline import Pipeline

    html_path = tmp_path / "article.html"
    html_path.write_text(page(ARTICLE_MALI, canonical=CANONICAL), encoding="utf-8")
    text_path = tmp_path / "article.txt"
    text_path.write_text(ARTICLE_MALI, encoding="utf-8")
    pipeline = Pipeline.load()
    from_page = pipeline.run(read_inputs([str(html_path)])).events
    from_text = pipeline.run(read_inputs([str(text_path)], published=PublicationDate.parse("2024-03-13"))).events
    assert [e.to_dict() for e in from_page] == [e.to_dict() for e in from_text]
    assert [e.sub_event_type for e in from_page] != []
