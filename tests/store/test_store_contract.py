"""The EventStore contract, run against SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt

import pytest
from store_fakes import make_event

from fracas.dedupe import signature
from fracas.errors import StoreError, UsageError
from fracas.model import Actor, Dispatch, Evidence, Place, PublicationDate, Rejection, Relevance
from fracas.store import EventFilter, MergeRecord, StoreCounts, content_hash, open_store
from fracas.store.migrations import LATEST_VERSION

TEXT = "Des avions russes ont frappé mercredi Talbiseh, tuant cinq civils, selon l'OSDH."


def test_migrations_are_recorded_and_applied_once(store_url):
    with open_store(store_url) as store:
        assert store.schema_version() == LATEST_VERSION
        assert store.migrate() == []
    with open_store(store_url) as again:
        assert again.migrate() == []
        assert again.schema_version() == LATEST_VERSION


def test_dispatch_round_trip_and_idempotence(store):
    dispatch = Dispatch(
        id="d-1", text=TEXT, published=PublicationDate.parse("2015-10"), outlet="AFP", url="https://x/1", origin="a.txt"
    )
    assert store.add_dispatch(dispatch, signature=signature(TEXT)) is True
    assert store.has_dispatch(content_hash(TEXT)) is True
    assert store.has_dispatch(content_hash(TEXT + " ")) is False
    stored = store.get_dispatch("d-1")
    assert (stored.dispatch, stored.content_hash, stored.near_duplicate_of) == (dispatch, content_hash(TEXT), None)
    # The same text under another id, and another text under the same id, are both refused.
    assert store.add_dispatch(Dispatch(id="d-2", text=TEXT)) is False
    assert store.add_dispatch(Dispatch(id="d-1", text="Autre texte.")) is False
    assert store.get_dispatch("d-2") is None
    assert store.counts() == StoreCounts(dispatches=1, near_duplicates=0, events=0, links=0, rejections=0)


def test_the_relevance_verdict_is_kept_with_the_dispatch(store):
    verdict = Relevance("irrelevant", "text", "no conflict frame; the trigger words are in a sport frame",
                        ("frappe", "attaquant"), ("sense: Air/drone strike on 'frappe' dropped: in a sport frame",))
    judged = Dispatch(id="d-7", text="Une frappe croisée de l'attaquant.", relevance=verdict)
    assert store.add_dispatch(judged) is True
    assert store.add_dispatch(Dispatch(id="d-8", text="Sans verdict.")) is True
    assert [d.dispatch.relevance for d in (store.get_dispatch("d-7"), store.get_dispatch("d-8"))] == [verdict, None]


def test_event_round_trip_and_replace(store):
    store.add_dispatch(Dispatch(id="d-1", text=TEXT))
    event = make_event()
    store.upsert_event(event)
    store.link("e-1", "d-1", evidence=event.evidence)
    assert store.get_event("e-1") == event
    assert list(store.events()) == [event]
    changed = event.evolve(fatalities=7, notes="Russian aircraft struck Talbiseh, killing 7.")
    store.upsert_event(changed)
    assert store.get_event("e-1") == changed
    assert store.get_event("nope") is None
    assert store.counts() == StoreCounts(dispatches=1, near_duplicates=0, events=1, links=1, rejections=0)


def _three_events(store):
    store.add_dispatch(Dispatch(id="d-1", text=TEXT))
    store.add_dispatch(Dispatch(id="d-2", text="Des combats ont opposé l'armée malienne aux jihadistes près de Gao."))
    a = make_event()
    b = make_event(
        event_id="e-2", event_date="2015-10-09",
        location=Place("Kafr Nabudah", "Hama", None, "SY", 35.4, 36.5, None, "place", "Kafr Nabudah"),
        actor1=Actor("Military Forces of Syria", "state_forces", "SYR", None), notes="Shelling of Kafr Nabudah.",
        sub_event_type="Shelling/artillery/missile attack",
    )
    c = make_event(
        event_id="e-3", event_date="2015-11-02", dispatch_id="d-2", event_type="Battles", sub_event_type="Armed clash",
        location=Place("Gao", "Gao", None, "ML", 16.27, -0.04, None, "place", "Gao"),
        actor1=Actor("Military Forces of Mali", "state_forces", "MLI", None),
        actor2=Actor("JNIM: Group for Support of Islam and Muslims", "rebel_group", None, None),
        notes="Malian soldiers fought militants near Gao.",
    )
    for event, dispatch_id in ((a, "d-1"), (b, "d-1"), (c, "d-2")):
        store.upsert_event(event)
        store.link(event.event_id, dispatch_id)
    return a, b, c


def test_filters(store):
    a, b, c = _three_events(store)
    ids = lambda **kw: [e.event_id for e in store.events(EventFilter(**kw))]  # noqa: E731
    assert ids() == ["e-1", "e-2", "e-3"]
    assert ids(country="sy") == ["e-1", "e-2"]
    assert ids(country="ML") == ["e-3"]
    assert ids(admin1="Hama") == ["e-2"]
    assert ids(since=dt.date(2015, 10, 8)) == ["e-2", "e-3"]
    assert ids(until=dt.date(2015, 10, 9)) == ["e-1", "e-2"]
    assert ids(since=dt.date(2015, 10, 8), until=dt.date(2015, 10, 9)) == ["e-2"]
    assert ids(event_type="Battles") == ["e-3"]
    assert ids(sub_event_type="Air/drone strike") == ["e-1"]
    assert ids(actor="syria") == ["e-1", "e-2"]  # actor2 of e-1 is Civilians (Syria)
    assert ids(actor="JNIM") == ["e-3"]
    assert ids(actor="100%") == []
    assert ids(limit=2) == ["e-1", "e-2"]
    assert ids(country="SY", limit=0) == []


def test_text_search_folds_accents_and_case(store):
    _three_events(store)
    ids = lambda text: [e.event_id for e in store.search(text)]  # noqa: E731
    assert ids("frappé") == ["e-1", "e-2"]  # dispatch d-1's text
    assert ids("FRAPPE") == ["e-1", "e-2"]
    assert ids("opposé armée") == ["e-3"]
    assert ids("oppose armee") == ["e-3"]
    assert ids("militants") == ["e-3"]  # notes
    assert ids("Talbiseh Gao") == []  # all words, in one dispatch or in the notes
    assert [e.event_id for e in store.events(EventFilter(search="frappé", country="SY", admin1="Hama"))] == ["e-2"]
    with pytest.raises(UsageError, match="no words"):
        list(store.search("?!"))


def test_candidates_are_same_sub_type_country_and_near_date(store):
    store.add_dispatch(Dispatch(id="d-1", text=TEXT))
    stored = [
        make_event(event_id="same-day"),
        make_event(event_id="day-after", event_date="2015-10-08"),
        make_event(event_id="two-days-after", event_date="2015-10-09"),
        make_event(event_id="other-type", sub_event_type="Shelling/artillery/missile attack"),
        make_event(event_id="other-country",
                   location=Place("Gao", "Gao", None, "ML", 16.27, -0.04, None, "place", "Gao")),
        make_event(event_id="that-month", event_date="2015-10-01", date_precision="month"),
        make_event(event_id="last-month", event_date="2015-09-01", date_precision="month"),
    ]
    for event in stored:
        store.upsert_event(event)
    assert [e.event_id for e in store.candidates_for(make_event(event_id="new"))] == [
        "day-after", "same-day", "that-month",
    ]


def test_rejections_are_recorded_once(store):
    store.add_rejection(Rejection("feed.jsonl", "line is not JSON", line=3))
    store.add_rejection(Rejection("feed.jsonl", "line is not JSON", line=3))
    store.add_rejection(Rejection("empty.txt", "the file is empty"))
    store.add_rejection(Rejection("empty.txt", "the file is empty"))
    assert store.rejections() == [
        Rejection("feed.jsonl", "line is not JSON", line=3),
        Rejection("empty.txt", "the file is empty"),
    ]


def test_a_failed_transaction_writes_nothing(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_dispatch(Dispatch(id="d-1", text=TEXT))
            store.upsert_event(make_event())
            store.link("e-1", "d-1")
            raise RuntimeError("crash in the middle")
    assert store.counts() == StoreCounts(dispatches=0, near_duplicates=0, events=0, links=0, rejections=0)
    assert list(store.search("Talbiseh")) == []


def test_a_link_to_a_missing_event_is_refused(store):
    store.add_dispatch(Dispatch(id="d-1", text=TEXT))
    with pytest.raises(StoreError):
        store.link("no-such-event", "d-1")


def test_merge_log_and_dispatches_of(store):
    first = Dispatch(id="d-1", text=TEXT, outlet="AFP")
    second = Dispatch(id="d-2", text="Talbiseh a été bombardée mercredi par l'aviation russe.", outlet="RFI")
    store.add_dispatch(first)
    store.add_dispatch(second, near_duplicate_of=None)
    store.upsert_event(make_event(dispatch_ids=("d-1", "d-2")))
    store.link("e-1", "d-1", evidence=[Evidence("location", "d-1", 36, 44)])
    store.link("e-1", "d-2", evidence=[Evidence("location", "d-2", 0, 8)],
               reasons=("same sub-event type (Air/drone strike)", "same place"), distance_km=0.0)
    assert [s.dispatch for s in store.dispatches_of("e-1")] == [first, second]
    log = store.merge_log("e-1")
    assert [(r.dispatch_id, r.reasons, r.distance_km, r.near_duplicate_of, r.evidence) for r in log] == [
        ("d-1", (), None, None, (Evidence("location", "d-1", 36, 44),)),
        ("d-2", ("same sub-event type (Air/drone strike)", "same place"), 0.0, None,
         (Evidence("location", "d-2", 0, 8),)),
    ]
    assert all(isinstance(r, MergeRecord) and r.linked_at for r in log)


def test_near_duplicate_candidates_come_from_the_lsh_index(store):
    original = TEXT + " Le bilan pourrait s'alourdir, selon l'ONG basée à Londres."
    republished = "URGENT " + original
    unrelated = "Des manifestants ont défilé à Bamako contre la vie chère, sans incident."
    store.add_dispatch(Dispatch(id="d-1", text=original), signature=signature(original))
    store.add_dispatch(Dispatch(id="d-3", text=unrelated), signature=signature(unrelated))
    found = store.near_duplicate_candidates(signature(republished))
    assert [dispatch_id for dispatch_id, _ in found] == ["d-1"]
    assert found[0][1] == signature(original)
    assert store.near_duplicate_candidates(()) == []
