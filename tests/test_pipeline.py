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


NEGATIVES = Path(__file__).parent / "gold" / "negatives.jsonl"


def guarded(dispatches, done, limit):
    """The dispatches one at a time; fails when asked for one while `limit` given are not yet done."""
    for given, dispatch in enumerate(dispatches):
        if given - done() > limit:
            raise AssertionError(f"asked for dispatch {given + 1} with only {done()} done")
        yield dispatch


@pytest.mark.parametrize(("n_process", "limit"), [(1, 4), (2, 20)])
def test_the_input_is_read_a_bounded_way_ahead_even_when_nothing_is_parsed(pipeline, n_process, limit):
    # Texts the relevance stage screens out from their words alone: none reaches the parser, which
    # would otherwise be left pulling the whole input in search of a text to parse.
    lines = NEGATIVES.read_text(encoding="utf-8").splitlines()
    negatives = [read_text(d["text"], published=d.get("published"), dispatch_id=f"{d['id']}.{k}")
                 for k in range(3) for d in map(json.loads, lines[:30])]
    done = []
    for dispatch, events in pipeline.run_iter(guarded(negatives, lambda: len(done), limit), n_process=n_process,
                                              batch_size=4):
        done.append((dispatch.id, events))
    assert done == [(d.id, []) for d in negatives]
