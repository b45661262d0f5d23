"""Packed rows (migration m0007): the packed forms read back whole, the signature sketch never drops a
near duplicate, and a schema-6 store is converted with every answer it gave unchanged."""

from __future__ import annotations

import json
import random
import struct

import pytest
from store_fakes import make_event

from fracas.dedupe import NEAR_DUPLICATE_THRESHOLD, signature, similarity
from fracas.model import Dispatch, Evidence
from fracas.store import content_hash, open_store
from fracas.store.lsh import (
    LSH_MIN_SHARED, lsh_buckets, may_be_near_duplicate, near_duplicate_sketches, pack_signature, sketch,
)
from fracas.store.migrations import BOOTSTRAP, LATEST_VERSION, MIGRATIONS
from fracas.store.packing import (
    pack_record,
    pack_spans,
    pack_text,
    unpack_record,
    unpack_spans,
    unpack_text,
)
from fracas.store.sqlite import SQLiteStore

TEXT = ("Des avions russes ont frappé mercredi Talbiseh, tuant cinq civils, selon l'OSDH. Le bilan pourrait "
        "s'alourdir, a indiqué l'ONG basée à Londres, qui dispose d'un vaste réseau de sources en Syrie.")


def test_a_packed_record_reads_back_whole_with_the_rows_notes():
    record = make_event().to_dict()
    packed = pack_record(record)
    assert (unpack_record(packed, record["notes"]), packed[0]) == (record, 1)
    assert len(packed) < len(json.dumps(record)) / 2
    assert unpack_record(json.dumps(record), "ignored") == record  # the JSON written before m0007
    assert unpack_record(record, "ignored") == record  # PostgreSQL's JSONB comes back a dict


def test_packed_text_reads_back_and_a_short_text_stays_plain():
    packed = pack_text(TEXT)
    assert (isinstance(packed, bytes), unpack_text(packed), len(packed) < len(TEXT.encode())) == (True, TEXT, True)
    assert (pack_text("Bamako"), unpack_text("Bamako")) == ("Bamako", "Bamako")


def test_packed_spans_read_back_with_any_field_name_and_offset():
    spans = [("location", 0, 8), ("actor1", 300, 100_000), ("a new field", 5, 6), ("lieu é", 2**40, 2**40 + 1)]
    packed = pack_spans(spans)
    assert unpack_spans(packed) == spans
    assert (unpack_spans(pack_spans([])), len(pack_spans([("location", 36, 44)]))) == ([], 4)


def test_the_sketch_never_drops_a_near_duplicate():
    rng = random.Random(3)
    words = [f"mot{i}" for i in range(400)]
    checked = near = 0
    for _ in range(300):
        base = rng.sample(words, 60)
        other = list(base)
        for _ in range(rng.randrange(0, 20)):
            other[rng.randrange(len(other))] = rng.choice(words)
        a, b = signature(" ".join(base)), signature(" ".join(other))
        exact = similarity(a, b) >= NEAR_DUPLICATE_THRESHOLD
        kept = may_be_near_duplicate(a, sketch(b), NEAR_DUPLICATE_THRESHOLD)
        assert kept or not exact
        checked += 1
        near += exact
    assert 30 < near < checked  # both kinds occurred
    unrelated = signature(" ".join(rng.sample(words, 60)))
    assert may_be_near_duplicate(signature(TEXT), sketch(unrelated), NEAR_DUPLICATE_THRESHOLD) is False
    # A whole signature stored before m0007 is compared through its sketch too.
    assert may_be_near_duplicate(signature(TEXT), pack_signature(signature("URGENT " + TEXT)), 0.8) is True


def test_bucket_keys_are_32_bit():
    buckets = lsh_buckets(signature(TEXT))
    assert all(-(2**31) <= bucket < 2**31 for bucket in buckets) and len(set(buckets)) == len(buckets)


def _schema_6(url: str):
    """A store at schema 6 holding two dispatches (one republishing the other) and an event linked to
    both, its rows written as schema 6 wrote them (JSON records and spans, plain text, hex hashes,
    whole signatures, 64-bit bucket keys)."""
    store = open_store(url, migrate=False)
    with store.transaction():
        store._execute(BOOTSTRAP[store.dialect])
    for migration in MIGRATIONS[:6]:
        with store.transaction():
            for statement in migration.statements(store.dialect):
                store._execute(statement)
            store._execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                           (migration.version, migration.name))
    event = make_event(dispatch_ids=("d-1", "d-2"), evidence=(Evidence("location", "d-1", 0, 8),
                                                              Evidence("actor1", "d-2", 7, 13)))
    with store.transaction():
        for dispatch_id, text in (("d-1", TEXT), ("d-2", "URGENT " + TEXT)):
            sig = signature(text)
            seq = store._one(
                "INSERT INTO dispatches (id, content_hash, text, origin, signature) VALUES (?, ?, ?, ?, ?) RETURNING seq",
                (dispatch_id, content_hash(text), text, "a.txt", pack_signature(sig)),
            )[0]
            store._executemany("INSERT INTO lsh_buckets (bucket, dispatch_seq) VALUES (?, ?)",
                               [(_old_bucket(sig, band), seq) for band in range(20)])
            if store.dialect == "sqlite":
                store._execute("INSERT INTO dispatch_fts (rowid, text) VALUES (?, ?)", (seq, text))
        store.upsert_event(event)  # schema 6 wrote the record as JSON: overwritten below
        store._execute("UPDATE events SET record = ?", (store._json(event.to_dict()),))
        for dispatch_id, spans in (("d-1", [["location", 0, 8]]), ("d-2", [["actor1", 7, 13]])):
            store._execute("INSERT INTO event_dispatches (event_id, dispatch_id, evidence, reasons) VALUES (?, ?, ?, ?)",
                           (event.event_id, dispatch_id, store._json(spans), store._json([])))
    return store, event


def _old_bucket(sig: tuple[int, ...], band: int) -> int:
    import hashlib

    digest = hashlib.blake2b(struct.pack(">B4I", band, *sig[band * 4 : band * 4 + 4]), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _answers(store):
    republished = signature("URGENT " + TEXT + " (mise à jour)")
    return (
        list(store.events()), store.get_event("e-1"), list(store.search("Talbiseh")), list(store.search("Londres")),
        [(r.dispatch_id, r.evidence, r.reasons) for r in store.merge_log("e-1")],
        [(d.dispatch, d.content_hash) for d in store.dispatches_of("e-1")],
        store.has_dispatch(content_hash(TEXT)), store.near_duplicate_candidates(republished),
        store.candidates_for(make_event(event_id="new")), store.counts(),
    )


def test_a_schema_6_store_is_converted_and_answers_the_same(store_url, new_store_url):
    old, event = _schema_6(store_url)
    before = _answers(old)
    old.close()
    with open_store(store_url) as store:
        assert store.schema_version() == LATEST_VERSION
        after = _answers(store)
        # Values of either form read back the same; the hash lookup and the near-duplicate candidates
        # need the packed hashes and the new bucket keys m0007 wrote.
        assert after[:6] + after[8:] == before[:6] + before[8:]
        hashes_packed = isinstance(store, SQLiteStore)  # PostgreSQL keeps them in hex
        assert (after[6], [d for d, _ in after[7]], before[6], before[7]) == (True, ["d-1", "d-2"], not hashes_packed, [])
        assert after[2] == [event] == after[3]
        if isinstance(store, SQLiteStore):
            assert store.integrity_problems() == []
            record, text, key, evidence = store._one(
                "SELECT e.record, d.text, d.content_hash, l.evidence FROM events e, dispatches d, event_dispatches l"
                " WHERE d.id = 'd-1' AND l.dispatch_id = 'd-1'")
            assert (record[0], text[0], len(key), evidence[0]) == (1, 1, 32, 1)  # all packed
        # The same rows written by today's store give the same answers.
        with open_store(new_store_url()) as fresh:
            for dispatch_id, text in (("d-1", TEXT), ("d-2", "URGENT " + TEXT)):
                fresh.add_dispatch(Dispatch(id=dispatch_id, text=text, origin="a.txt"), signature=signature(text))
            fresh.upsert_event(event)
            fresh.link("e-1", "d-1", evidence=[Evidence("location", "d-1", 0, 8)])
            fresh.link("e-1", "d-2", evidence=[Evidence("actor1", "d-2", 7, 13)])
            assert _answers(fresh)[:8] == after[:8]


def test_a_link_with_another_dispatchs_span_keeps_it(store):
    store.add_dispatch(Dispatch(id="d-1", text=TEXT), signature=signature(TEXT))
    store.upsert_event(make_event())
    spans = [Evidence("location", "d-1", 0, 8), Evidence("actor1", "d-9", 3, 9), Evidence("notes", "d-1", 1, 2)]
    store.link("e-1", "d-1", evidence=spans)
    assert [record.evidence for record in store.merge_log("e-1")] == [tuple(spans)]


@pytest.mark.parametrize("shared", [LSH_MIN_SHARED])
def test_an_unrelated_candidate_is_not_given_back(store, shared):
    # A dispatch sharing bands with the incoming one but far from the threshold is dropped by its sketch.
    sig = signature(TEXT)
    store.add_dispatch(Dispatch(id="d-1", text=TEXT), signature=sig)
    twisted = tuple(value if i < 4 * shared else value ^ 1 for i, value in enumerate(sig))
    assert store.near_duplicate_candidates(twisted) == []
    assert store.near_duplicate_candidates(sig) == [("d-1", sig)]


def test_the_sketches_of_many_candidates_are_tested_as_each_one_alone():
    texts = [TEXT, "URGENT " + TEXT, "Une manifestation pacifique a réuni des enseignants devant la mairie.",
             TEXT.replace("a", "o")]
    mine = signature(TEXT)
    stored = [sketch(signature(text)) for text in texts] + [pack_signature(signature(texts[1])), b"\x01\x02"]
    assert near_duplicate_sketches(mine, stored, NEAR_DUPLICATE_THRESHOLD) == [
        may_be_near_duplicate(mine, value, NEAR_DUPLICATE_THRESHOLD) for value in stored]
    assert near_duplicate_sketches(mine, stored, NEAR_DUPLICATE_THRESHOLD)[:3] == [True, True, False]
    assert near_duplicate_sketches(mine, [], NEAR_DUPLICATE_THRESHOLD) == []
