"""`fracas bench --warc`: the bench crawl of the bundled texts, and the lines the bench prints.
(The timings themselves are the machine's and never tested.)"""

from __future__ import annotations

from pathlib import Path

from fracas.evaluate.warc_bench import WarcBench, WarcRun, bench_warc_dispatches, write_bench_warc
from fracas.ingest.warc import WarcStats, read_warc
from fracas.model import PublicationDate


def test_the_bench_crawl_gives_back_the_bundled_texts_as_pages(tmp_path: Path) -> None:
    texts = bench_warc_dispatches()[:3]
    path = tmp_path / "bench.warc.gz"
    assert write_bench_warc(path, texts) == 4
    stats = WarcStats()
    read = list(read_warc(str(path), stats=stats))
    assert [(d.text, d.outlet, d.url) for d in read] == [
        (d.text, d.outlet, f"https://{d.outlet.lower()}.example/articles/{n}.html") for n, d in enumerate(texts, 1)
    ]
    assert [d.published for d in read] == [d.published if d.published.precision == "day"
                                           else PublicationDate.parse("2024-06-01") for d in texts]
    assert stats.line("bench") == "bench: 4 records read, 3 kept, 1 skipped (1 not a response), 0 rejected"


def test_the_bench_prints_records_per_second_and_ratios_to_the_single_process_run() -> None:
    bench = WarcBench("crawl.warc.gz", 300, (
        WarcRun("(1) fracas ingest", 60.0, 120), WarcRun("(2) fracas ingest -j 2", 40.0, 120),
        WarcRun("(3) fracas batch --workers 2 + ingest OUT", 50.0, 120),
    ), same_events=True)
    assert bench.lines() == [
        "crawl.warc.gz: 300 WARC records, ingested end to end (a fresh process each, model load included)",
        "(1) fracas ingest                               60.0 s      5.0 records/s  ratio 1.00  120 events",
        "(2) fracas ingest -j 2                          40.0 s      7.5 records/s  ratio 1.50  120 events",
        "(3) fracas batch --workers 2 + ingest OUT       50.0 s      6.0 records/s  ratio 1.20  120 events",
        "the same events in every store: yes",
        "records=300 single_records_per_s=5.0 j2_records_per_s=7.5 dask_records_per_s=6.0 j2_ratio=1.50 "
        "dask_ratio=1.20 same_events=true",
    ]
