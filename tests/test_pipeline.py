"""Pipeline.run_iter: the same events, in input order, with one process or several."""

import json
from pathlib import Path

import pytest

from fracas.ingest import read_text
from fracas.pipeline import Pipeline

pytestmark = pytest.mark.model

DEV = Path(__file__).parent / "gold" / "dev.jsonl"


def dispatches():
    lines = DEV.read_text(encoding="utf-8").splitlines()[:12]
    found = [read_text(d["text"], published=d.get("published"), dispatch_id=d["id"]) for d in map(json.loads, lines)]
    # No publication date and a weekday to resolve: this one must come back as a rejection, in its place.
    found.insert(5, read_text("Des hommes armés ont tué mardi quatre civils à Kidal, selon un élu local.",
                              dispatch_id="undated"))
    return found


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline.load()


def run(pipeline, n_process):
    rejections = []
    results = [(dispatch.id, [event.to_dict() for event in events])
               for dispatch, events in pipeline.run_iter(dispatches(), n_process=n_process, batch_size=4,
                                                         on_rejection=rejections.append)]
    return results, [(r.origin, r.reason.split(":")[0]) for r in rejections]


def test_worker_processes_give_the_same_events_in_the_same_order(pipeline):
    one, rejected_by_one = run(pipeline, 1)
    two, rejected_by_two = run(pipeline, 2)
    assert [dispatch_id for dispatch_id, _ in one] == [d.id for d in dispatches()]
    assert two == one
    assert rejected_by_two == rejected_by_one == [("<text>", "<text>")]
    assert dict(one)["undated"] == []
