"""The synthetic store of `fracas bench --store`: deterministic reports, written as ingest writes them."""

from __future__ import annotations

import fracas.dedupe
from fracas.evaluate.synthetic_store import fill, new_report, re_report, report
from fracas.store import StoreCounts, open_store
from fracas.store.ingest import store_dispatch


def test_reports_are_the_same_on_every_run():
    assert report(1, 5) == report(1, 5)
    assert report(1, 5) != report(2, 5)


def test_a_filled_store_holds_each_report_and_a_re_report_merges_into_it(tmp_path):
    with open_store(str(tmp_path / "s.db")) as store:
        written = fill(store, 40, seed=3, chunk=16)
        expected_dispatches = sum(len(report(3, i).dispatches) for i in range(40))
        assert (written, store.counts().dispatches, store.counts().events) == (expected_dispatches,) * 2 + (40,)
        assert store.get_event(report(3, 7).event.event_id) == report(3, 7).event
        dispatch, events = re_report(3, 7, salt=1)
        merged = store_dispatch(store, dispatch, events, dedupe=fracas.dedupe)
        fresh_dispatch, fresh_events = new_report(3, 1000)
        fresh = store_dispatch(store, fresh_dispatch, fresh_events, dedupe=fracas.dedupe)
        assert (merged.events_merged, merged.events_new) == ((report(3, 7).event.event_id,), ())
        assert (fresh.events_merged, fresh.events_new) == ((), (fresh_events[0].event_id,))
        republished = sum(d.near_duplicate_of is not None for i in range(40) for d in report(3, i).dispatches)
        assert store.counts() == StoreCounts(dispatches=expected_dispatches + 2, near_duplicates=republished,
                                             events=41, links=expected_dispatches + 2, rejections=0)
