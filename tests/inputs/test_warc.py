"""WARC crawls written by the test with warcio: French article pages kept, the rest counted."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from web_fixtures import ARTICLE_ENGLISH, ARTICLE_MALI, ARTICLE_NIGER, page, warc_file

from fracas.ingest import read_inputs
from fracas.ingest.warc import WarcStats, read_warc
from fracas.model import Dispatch, PublicationDate, Rejection

HTML = "text/html; charset=utf-8"
ENGLISH_PAGE = (f"<html lang='en'><body><nav>Home News Sport Business</nav><article><p>{ARTICLE_ENGLISH}</p>"
                "</article><footer>All rights reserved. Contact us.</footer></body></html>").encode()


def _crawl(tmp_path: Path, *, gzip: bool = True) -> Path:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc_file([
        ("https://courrier-sahel.example/mali", 200, HTML, page(ARTICLE_MALI).encode()),
        ("https://english.example/fuel", 200, HTML, ENGLISH_PAGE),
        ("https://courrier-sahel.example/logo.png", 200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("https://courrier-sahel.example/old", 404, HTML, b"<html><body>introuvable</body></html>"),
        ("https://radio.example/niger", 200, HTML, page(ARTICLE_NIGER, published=None, site_name=None).encode()),
        ("https://radio.example/menu", 200, HTML,
         "<html lang='fr'><body><nav>Accueil de la radio et des nouvelles du pays</nav></body></html>".encode()),
    ], gzip=gzip))
    return path


@pytest.mark.parametrize("gzip", [True, False])
def test_a_warc_keeps_the_french_article_pages(tmp_path: Path, gzip: bool) -> None:
    path = _crawl(tmp_path, gzip=gzip)
    stats = WarcStats()
    found = list(read_warc(str(path), stats=stats))
    assert found == [
        Dispatch(Dispatch.make_id(ARTICLE_MALI), ARTICLE_MALI, PublicationDate.parse("2024-03-13"),
                 "Le Courrier du Sahel", "https://courrier-sahel.example/mali", f"{path}:2"),
        # No date in the page, none in the text: the crawl's WARC-Date.
        Dispatch(Dispatch.make_id(ARTICLE_NIGER), ARTICLE_NIGER, PublicationDate.parse("2024-03-14"),
                 "radio.example", "https://radio.example/niger", f"{path}:6"),
        Rejection(str(path), f"{path} record 7 (https://radio.example/menu): no article text found in the page "
                             "(only navigation, links or boilerplate); give the article's own page", 7),
    ]
    assert stats.line("crawl") == ("crawl: 7 records read, 2 kept, 4 skipped (1 not French, 1 not HTML, "
                                   "1 not HTTP 200, 1 not a response), 1 rejected")


def test_read_inputs_recognises_a_warc_and_logs_its_counts(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = _crawl(tmp_path)
    renamed = tmp_path / "crawl-without-suffix"
    path.rename(renamed)
    with caplog.at_level(logging.INFO, logger="fracas.ingest"):
        found = list(read_inputs([str(renamed)]))
    assert [type(item).__name__ for item in found] == ["Dispatch", "Dispatch", "Rejection"]
    assert caplog.messages == [f"{renamed}: 7 records read, 2 kept, 4 skipped (1 not French, 1 not HTML, "
                               "1 not HTTP 200, 1 not a response), 1 rejected"]


def test_a_corrupt_warc_is_a_rejection_after_the_records_read(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(warc_file([("https://a.example/x", 200, HTML, page(ARTICLE_MALI).encode())], gzip=False)
                     + b"this is not a warc record\r\n\r\n")
    found = list(read_warc(str(path)))
    assert [type(item).__name__ for item in found] == ["Dispatch", "Rejection"]
    assert found[1] == Rejection(str(path), f"{path}: not a readable WARC file after record 2 (Invalid WARC record, "
                                            "first line: this is not a warc record); check that the download is "
                                            "complete", 2)
