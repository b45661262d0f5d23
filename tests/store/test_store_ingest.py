"""Ingest: idempotence, dedupe across dispatches, near duplicates, rejections, all-or-nothing dispatches."""

from __future__ import annotations

from dataclasses import replace

import pytest
from store_fakes import FakePipeline, marker, numbered_dispatches

import fracas.dedupe
from fracas.errors import StoreError
from fracas.model import Dispatch, Rejection, Relevance, Source
from fracas.store import StoreCounts
from fracas.store.ingest import IngestSummary, ingest

AFP = (
    "Des avions russes ont frappé mercredi la ville de Talbiseh, dans la province de Homs, tuant cinq civils, "
    "selon l'Observatoire syrien des droits de l'homme. "
    + marker(place="Talbiseh", deaths=5, source="Syrian Observatory for Human Rights:ngo")
)
RFI = (
    "Talbiseh a de nouveau été la cible de bombardements aériens russes ce mercredi; un responsable local "
    "évoque six morts. " + marker(place="Talbiseh", lat=34.85, deaths=6, source="Local official:local_official")
)


def _dispatch(text: str, origin: str = "test") -> Dispatch:
    return Dispatch(id=Dispatch.make_id(text), text=text, origin=origin)


def test_ingesting_a_batch_twice_changes_nothing(store):
    batch = numbered_dispatches(20)
    pipeline = FakePipeline()
    first = ingest(store, batch, pipeline)
    counts = store.counts()
    events = list(store.events())
    second = ingest(store, batch + batch[:3], pipeline)
    assert first == IngestSummary(read=20, new=20, duplicate=0, near_duplicate=0, events_new=23, events_merged=4)
    assert second == IngestSummary(read=23, new=0, duplicate=23)
    assert pipeline.seen == [d.id for d in batch]  # stored dispatches are not extracted again
    assert store.counts() == counts == StoreCounts(dispatches=20, near_duplicates=0, events=23, links=27, rejections=0)
    assert list(store.events()) == events


def test_two_reports_of_one_strike_become_one_event_with_two_sources(store):
    afp, rfi = _dispatch(AFP, "afp.txt"), _dispatch(RFI, "rfi.txt")
    summary = ingest(store, [afp, rfi], FakePipeline())
    assert summary == IngestSummary(read=2, new=2, events_new=1, events_merged=1)
    [event] = store.events()
    assert event.event_id == f"{afp.id}-0"
    assert event.dispatch_ids == (afp.id, rfi.id)
    assert event.sources == (
        Source("Syrian Observatory for Human Rights", "ngo", "Syrian Observatory for Human Rights"),
        Source("Local official", "local_official", "Local official"),
    )
    assert event.confidence in ("fair", "confirmed")
    assert (event.fatalities_low, event.fatalities_high) == (5, 6)
    log = store.merge_log(event.event_id)
    assert [(r.dispatch_id, r.near_duplicate_of) for r in log] == [(afp.id, None), (rfi.id, None)]
    assert log[0].reasons == ()
    assert log[1].reasons[0] == "same sub-event type (Air/drone strike)"
    assert len(log[1].reasons) == 4
    assert [e.dispatch_id for e in log[1].evidence] == [rfi.id]


def test_a_republished_story_is_linked_but_not_counted_as_a_source(store):
    original = _dispatch(AFP, "afp.txt")
    republished = _dispatch("URGENT - " + AFP.replace(
        "Syrian Observatory for Human Rights:ngo", "Syrian Observatory for Human Rights:media"), "site.txt")
    assert fracas.dedupe.similarity(fracas.dedupe.signature(original.text),
                                    fracas.dedupe.signature(republished.text)) >= fracas.dedupe.NEAR_DUPLICATE_THRESHOLD
    summary = ingest(store, [original, republished], FakePipeline())
    assert summary == IngestSummary(read=2, new=2, near_duplicate=1, events_new=1, events_merged=1)
    assert store.get_dispatch(republished.id).near_duplicate_of == original.id
    [event] = store.events()
    assert event.dispatch_ids == (original.id, republished.id)
    assert event.sources == (Source("Syrian Observatory for Human Rights", "ngo", "Syrian Observatory for Human Rights"),)
    assert [r.near_duplicate_of for r in store.merge_log(event.event_id)] == [None, original.id]
    # A republication of the republication points at the first original.
    again = _dispatch("URGENT - " + AFP + " (mise à jour)", "again.txt")
    ingest(store, [again], FakePipeline())
    assert store.get_dispatch(again.id).near_duplicate_of == original.id
    assert store.counts().near_duplicates == 2


def test_rejections_and_id_clashes_are_recorded(store):
    clash = Dispatch(id=_dispatch(AFP).id, text="Un autre texte, sans événement.", origin="feed.jsonl:2")
    items = [_dispatch(AFP), Rejection("feed.jsonl", "line is not JSON", line=1), clash]
    summary = ingest(store, items, FakePipeline())
    assert summary == IngestSummary(read=2, new=1, events_new=1, rejections=2)
    assert store.rejections() == [
        Rejection("feed.jsonl", "line is not JSON", line=1),
        Rejection("feed.jsonl:2", f"dispatch id {clash.id!r} is already used by a different text in the store; "
                  "give this dispatch another id"),
    ]


class _FailingDedupe:
    """fracas.dedupe, except that find_match fails on the second event of the dispatch it is told."""

    def __init__(self, fail_on: str) -> None:
        self.fail_on = fail_on
        self.signature = fracas.dedupe.signature
        self.find_near_duplicate = fracas.dedupe.find_near_duplicate
        self.merge = fracas.dedupe.merge

    def find_match(self, incoming, candidates):
        if incoming.event_id == f"{self.fail_on}-1":
            raise StoreError("disk full (simulated)")
        return fracas.dedupe.find_match(incoming, candidates)


def test_a_dispatch_that_fails_midway_leaves_nothing_and_a_rerun_completes(store, tmp_path):
    batch = numbered_dispatches(7)  # dispatch 3 has two events
    with pytest.raises(StoreError, match="disk full"):
        ingest(store, batch, FakePipeline(), dedupe=_FailingDedupe(batch[3].id))
    assert store.counts() == StoreCounts(dispatches=3, near_duplicates=0, events=4, links=4, rejections=0)
    assert store.get_dispatch(batch[3].id) is None
    assert store.get_event(f"{batch[3].id}-0") is None
    summary = ingest(store, batch, FakePipeline())
    assert summary == IngestSummary(read=7, new=4, duplicate=3, events_new=5, events_merged=1)
    assert store.counts() == StoreCounts(dispatches=7, near_duplicates=0, events=9, links=10, rejections=0)


class JudgingPipeline(FakePipeline):
    """The fake pipeline, also giving each dispatch a verdict: no event marker, irrelevant."""

    def run_iter(self, dispatches, *, n_process=1, batch_size=32):
        for dispatch, events in super().run_iter(dispatches, n_process=n_process, batch_size=batch_size):
            verdict = Relevance("relevant", "text", "conflict frame") if events else Relevance(
                "irrelevant", "text", "no conflict frame; the trigger words are in a sport frame", ("frappe",))
            yield replace(dispatch, relevance=verdict), events


def test_an_irrelevant_dispatch_is_stored_with_its_verdict_and_no_events(store):
    match = _dispatch("Une frappe croisée a offert la victoire aux Lions.", "sport.txt")
    strike = _dispatch(AFP, "afp.txt")
    summary = ingest(store, [match, strike], JudgingPipeline())
    assert summary == IngestSummary(read=2, new=2, irrelevant=1, events_new=1)
    assert store.get_dispatch(match.id).dispatch.relevance == Relevance(
        "irrelevant", "text", "no conflict frame; the trigger words are in a sport frame", ("frappe",))
    assert store.counts() == StoreCounts(dispatches=2, near_duplicates=0, events=1, links=1, rejections=0)
