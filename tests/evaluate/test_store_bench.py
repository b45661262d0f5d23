"""`fracas bench --store N` on a tiny store: every measurement is printed (values are the machine's)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_fakes import make_event  # noqa: E402

from fracas.evaluate.bench import bundled_dispatches  # noqa: E402
from fracas.evaluate.store_bench import COUNTED, EXPORT_FORMATS, QUERIES, run_store_bench  # noqa: E402
from fracas.evaluate.store_ingest_bench import marked  # noqa: E402
from fracas.text import plain_whitespace  # noqa: E402


class _OneEventEach:
    """A fast stand-in for the NLP pipeline: one Syrian air strike read from each dispatch."""

    def run_iter(self, dispatches, *, n_process=1, batch_size=32, on_rejection=None):
        for dispatch in dispatches:
            yield dispatch, [make_event(event_id=f"e-{dispatch.id}", dispatch_id=dispatch.id)]


def test_the_store_bench_prints_every_measurement(tmp_path):
    result = run_store_bench(30, url=str(tmp_path / "bench.db"), incoming=10, pipeline=_OneEventEach)
    lines = result.lines()
    gold = len(bundled_dispatches())
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "synthetic store", "size", "pages written per dispatch (WAL)", "ingest (store side, per dispatch)",
        f"ingest (end to end", "end to end, empty store", "end to end, store of 30 events",
        *(f"events {name}" for name in QUERIES), *(f"export {fmt}" for fmt in EXPORT_FORMATS),
    ]
    # The gold dispatches' events all report one strike: the first is new, the others merge into it.
    assert (result.events, sorted(result.exports), [r["events"] for r in result.exports.values()]) == (
        30, sorted(EXPORT_FORMATS), [30 + 10 + COUNTED + 1] * len(EXPORT_FORMATS),  # the 5 re-reports merge; 10 new timed, COUNTED counted
    )
    same_work = f"dispatches: {gold} read, {gold} new, 0 duplicate, 0 near-duplicate, 0 irrelevant; " \
        f"events: 1 new, {gold - 1} merged; rejections: 0"
    assert (result.end_to_end.dispatches, result.end_to_end.empty_summary, result.end_to_end.full_summary) == (
        gold, same_work, same_work)
    assert lines[-1].split("=")[0] == "events"
    assert "end_to_end_ratio=" in lines[-1]
    assert (result.pages_in_use > 0, result.wal_pages_empty > 0, result.wal_pages_full > 0) == (True, True, True)


def test_without_a_pipeline_the_bench_prints_the_store_side_only(tmp_path):
    result = run_store_bench(10, url=str(tmp_path / "bench.db"), incoming=3)
    assert (result.end_to_end, any("end to end" in line for line in result.lines())) == (None, False)


def test_a_marked_dispatch_names_its_run_in_a_last_paragraph_the_pipeline_keeps():
    dispatch = bundled_dispatches()[0]
    one, other = marked(dispatch, 5), marked(dispatch, 26 * 26 + 27)
    assert (one.id, one.text, other.text, plain_whitespace(other.text) == other.text) == (
        f"{dispatch.id}-bench5", dispatch.text + "\n\n(réf. banc f)", dispatch.text + "\n\n(réf. banc bbb)", True)


def test_a_second_run_on_the_same_store_gets_texts_new_to_it(tmp_path):
    url = str(tmp_path / "bench.db")
    run_store_bench(10, url=url, incoming=3, pipeline=_OneEventEach)
    again = run_store_bench(10, url=url, reuse=True, incoming=3, pipeline=_OneEventEach)
    assert again.end_to_end.full_summary.split(";")[0] == f"dispatches: {len(bundled_dispatches())} read, " \
        f"{len(bundled_dispatches())} new, 0 duplicate, {len(bundled_dispatches())} near-duplicate, 0 irrelevant"
