"""WARC crawls written by the test with warcio: French article pages kept, the rest counted."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from web_fixtures import ARTICLE_MALI, ARTICLE_NIGER, page, warc_file, write_crawl

from fracas.ingest import read_inputs
from fracas.ingest.warc import WarcStats, count_records, read_warc
from fracas.model import Dispatch, PublicationDate, Rejection

HTML = "text/html; charset=utf-8"


def _crawl(tmp_path: Path, *, gzip: bool = True) -> Path:
    return write_crawl(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)


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


def test_a_range_of_records_reads_those_records_only(tmp_path: Path) -> None:
    path = _crawl(tmp_path)
    whole = list(read_warc(str(path)))
    parts = [list(read_warc(str(path), records=range(start, start + 3))) for start in (1, 4, 7)]
    assert parts == [whole[:1], whole[1:2], whole[2:]]
    assert count_records(str(path)) == 7
    stats = WarcStats()
    list(read_warc(str(path), stats=stats, records=range(4, 7)))
    assert stats.line("crawl") == "crawl: 3 records read, 1 kept, 2 skipped (1 not HTML, 1 not HTTP 200), 0 rejected"


def test_a_batch_cuts_a_crawl_into_record_ranges(tmp_path: Path) -> None:
    from fracas.batch import Partition, plan_partitions

    path = str(_crawl(tmp_path))
    assert plan_partitions([path], 3) == [Partition("part-00000", path, 0, 3), Partition("part-00001", path, 3, 6),
                                          Partition("part-00002", path, 6, 7)]
    assert plan_partitions([path], 7) == [Partition("part-00000", path, 0, None)]
