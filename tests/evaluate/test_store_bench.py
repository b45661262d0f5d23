"""`fracas bench --store N` on a tiny store: every measurement is printed (values are the machine's)."""

from __future__ import annotations

from fracas.evaluate.store_bench import COUNTED, EXPORT_FORMATS, QUERIES, run_store_bench


def test_the_store_bench_prints_every_measurement(tmp_path):
    result = run_store_bench(30, url=str(tmp_path / "bench.db"), incoming=10)
    lines = result.lines()
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "synthetic store", "size", "pages written per dispatch (WAL)", "ingest (store side, per dispatch)",
        *(f"events {name}" for name in QUERIES), *(f"export {fmt}" for fmt in EXPORT_FORMATS),
    ]
    assert (result.events, sorted(result.exports), [r["events"] for r in result.exports.values()]) == (
        30, sorted(EXPORT_FORMATS), [30 + 10 + COUNTED] * len(EXPORT_FORMATS),  # the 5 re-reports merge; 10 new timed, COUNTED counted
    )
    assert lines[-1].split("=")[0] == "events"
    assert (result.pages_in_use > 0, result.wal_pages_empty > 0, result.wal_pages_full > 0) == (True, True, True)
