"""The compact store (migration 6): packed signatures, the LSH bucket table, candidates found through the
index without losing a match, and a schema-1 store converted with its rows (SQLite and PostgreSQL)."""

from __future__ import annotations

import random

import pytest
from datasketch import MinHash
from store_fakes import make_event

from fracas.dedupe import find_match, signature
from fracas.dedupe.minhash import NUM_PERM, SCHEME, SEED, shingles
from fracas.errors import StoreError
from fracas.model import Actor, Dispatch, Place
from fracas.store import content_hash, open_store
from fracas.store.lsh import LSH_BANDS, lsh_buckets, pack_signature, sketch, unpack_signature
from fracas.store.migrations import BOOTSTRAP, LATEST_VERSION, MIGRATIONS
from fracas.store.sqlite import SQLiteStore

TEXT = "Des avions russes ont frappé mercredi Talbiseh, tuant cinq civils, selon l'OSDH. Le bilan pourrait s'alourdir."


def test_signatures_are_packed_four_bytes_a_value_and_read_back():
    sig = signature(TEXT)
    packed = pack_signature(sig)
    assert (len(packed), unpack_signature(packed), unpack_signature(memoryview(packed))) == (512, sig, sig)
    assert unpack_signature("[1, 2, 3]") == (1, 2, 3)  # the JSON list schema 1 stored
    with pytest.raises(StoreError, match="does not fit in 32 bits"):
        pack_signature([2**32])


def test_a_signature_has_one_bucket_per_band_and_the_same_buckets_everywhere():
    sig = signature(TEXT)
    buckets = lsh_buckets(sig)
    assert (len(buckets), len(set(buckets)), lsh_buckets(list(sig))) == (LSH_BANDS, LSH_BANDS, buckets)
    assert lsh_buckets(sig[:7]) == lsh_buckets(sig)[:1]
    assert lsh_buckets(()) == []


def test_signatures_are_those_of_a_fresh_datasketch_minhash():
    # The permutations are drawn once and reused: the values must be what datasketch gives afresh.
    fresh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    fresh.update_batch([s.encode("utf-8") for s in sorted(shingles(TEXT))])
    assert signature(TEXT) == tuple(int(v) for v in fresh.hashvalues)


def test_the_dispatch_row_keeps_the_signature_sketch_and_its_buckets(store):
    sig = signature(TEXT)
    store.add_dispatch(Dispatch(id="d-1", text=TEXT), signature=sig)
    stored = store._one("SELECT signature FROM dispatches WHERE id = 'd-1'")[0]
    buckets = store._all("SELECT bucket FROM lsh_buckets ORDER BY bucket")
    assert (bytes(stored), [row[0] for row in buckets]) == (sketch(sig), sorted(lsh_buckets(sig)))
    assert bytes(stored) == bytes(value % 256 for value in sig) and len(bytes(stored)) == 128
    # The candidate's whole signature is computed again from its text.
    assert store.near_duplicate_candidates(signature("URGENT " + TEXT)) == [("d-1", sig)]


def _random_place(rng: random.Random) -> Place:
    precision = rng.choice(("place", "place", "place", "admin1", "admin2", "country"))
    country = rng.choice(("SY", "SY", "SY", None))
    if precision == "country":
        return Place(country or "?", None, None, country, None, None, None, "country", None)
    admin1 = rng.choice(("Homs", "Hama"))
    if precision in ("admin1", "admin2"):
        admin2 = rng.choice(("Rastan", "Talbiseh district")) if precision == "admin2" else None
        return Place(admin1, admin1, admin2, country, 34.8, 36.7, None, precision, admin1)  # type: ignore[arg-type]
    lat, lon = 34.8 + rng.uniform(-0.2, 0.2), 36.7 + rng.uniform(-0.2, 0.2)
    return Place("Village", admin1, None, country, round(lat, 4), round(lon, 4),
                 rng.choice((None, 1, 2, 3)), "place", "Village")


def _random_event(rng: random.Random, event_id: str):
    precision = rng.choice(("day", "day", "day", "week", "month", "year"))
    day = 1 if precision in ("month", "year") else rng.randrange(1, 20)
    month = 1 if precision == "year" else rng.choice((9, 10))
    return make_event(
        event_id=event_id, event_date=f"2015-{month:02d}-{day:02d}", date_precision=precision,
        sub_event_type=rng.choice(("Air/drone strike", "Shelling/artillery/missile attack")),
        actor1=Actor(rng.choice(("Military Forces of Russia", "Military Forces of Syria", "Unidentified Armed Group")),
                     "state_forces", None, None),
        location=_random_place(rng),
    )


def test_candidates_found_through_the_index_lose_no_match(store):
    rng = random.Random(7)
    stored = [_random_event(rng, f"s-{i:03d}") for i in range(150)]
    for event in stored:
        store.upsert_event(event)
    decisions = []
    for i in range(150):
        incoming = _random_event(rng, f"n-{i:03d}")
        candidates = store.candidates_for(incoming)
        assert [c.event_id for c in candidates] == sorted(c.event_id for c in candidates)
        # Candidates were always of the incoming event's country (schema 1 already looked them up so).
        same_country = [e for e in stored if e.location.country == incoming.location.country]
        decisions.append((find_match(incoming, candidates), find_match(incoming, same_country)))
    assert [found for found, _ in decisions] == [expected for _, expected in decisions]
    assert sum(expected is not None for _, expected in decisions) > 20  # the case is not vacuous


def _schema_1(url: str):
    """A store at schema 1 holding one dispatch and one event, written as schema 1 wrote them."""
    store = open_store(url, migrate=False)
    first = MIGRATIONS[0]
    with store.transaction():
        store._execute(BOOTSTRAP[store.dialect])
        for statement in first.statements(store.dialect):
            store._execute(statement)
        store._execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", (1, first.name))
    event = make_event()
    with store.transaction():
        seq = store._one(
            "INSERT INTO dispatches (id, content_hash, text, origin, signature) VALUES (?, ?, ?, ?, ?) RETURNING seq",
            ("d-1", content_hash(TEXT), TEXT, "a.txt", store._json(list(signature(TEXT)))),
        )[0]
        event_seq = store._one(
            "INSERT INTO events (event_id, record, event_date, event_date_end, date_precision, event_type,"
            " sub_event_type, actor1, country, admin1, location, latitude, longitude, confidence, notes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
            (event.event_id, store._json(event.to_dict()), "2015-10-07", "2015-10-07", "day", event.event_type,
             event.sub_event_type, event.actor1.name, "SY", "Homs", "Talbiseh", 34.84, 36.73, "weak", event.notes),
        )[0]
        store._execute("INSERT INTO event_dispatches (event_id, dispatch_id, evidence, reasons) VALUES (?, ?, ?, ?)",
                       (event.event_id, "d-1", store._json([]), store._json([])))
        if store.dialect == "sqlite":
            store._execute("INSERT INTO dispatch_fts (rowid, text) VALUES (?, ?)", (seq, TEXT))
            store._execute("INSERT INTO event_fts (rowid, notes) VALUES (?, ?)", (event_seq, event.notes))
    return store, event


def test_a_schema_1_store_is_converted_with_its_rows(store_url):
    old, event = _schema_1(store_url)
    old.close()
    with open_store(store_url) as store:
        assert store.schema_version() == LATEST_VERSION
        stored = store._one("SELECT signature FROM dispatches WHERE id = 'd-1'")[0]
        assert bytes(stored) == sketch(signature(TEXT))
        assert store.near_duplicate_candidates(signature("URGENT " + TEXT)) == [("d-1", signature(TEXT))]
        assert store._one("SELECT count(*) FROM lsh_buckets")[0] == LSH_BANDS
        assert store._one("SELECT location_precision, geonames_id FROM events")[0:2] == ("place", 163345)
        assert list(store.search("Talbiseh")) == [event]  # notes (and dispatch text) still indexed
        assert list(store.search("killing")) == [event]
        assert store.candidates_for(make_event(event_id="new")) == [event]
        if isinstance(store, SQLiteStore):
            assert store.integrity_problems() == []


def test_the_notes_index_follows_updates(store):
    store.add_dispatch(Dispatch(id="d-1", text=TEXT))
    store.upsert_event(make_event())
    store.upsert_event(make_event(notes="Aircraft bombed the market."))
    assert [e.event_id for e in store.search("market")] == ["e-1"]
    assert [e.event_id for e in store.search("killing")] == []
    if isinstance(store, SQLiteStore):
        assert store.integrity_problems() == []


def test_link_evidence_keeps_spans_without_the_dispatch_id_and_reads_whole_ones_of_older_links(store):
    from fracas.model import Evidence

    store.add_dispatch(Dispatch(id="d-1", text=TEXT), signature=signature(TEXT))
    store.add_dispatch(Dispatch(id="d-2", text="URGENT " + TEXT), signature=signature("URGENT " + TEXT))
    store.upsert_event(make_event())
    own, other = Evidence("location", "d-1", 0, 8), Evidence("actor1", "d-2", 3, 9)
    store.link("e-1", "d-1", evidence=[own, other])
    raw = store._one("SELECT evidence FROM event_dispatches WHERE dispatch_id = 'd-1'")[0]
    assert store._unjson(raw) == [["location", 0, 8], {"field": "actor1", "dispatch_id": "d-2", "start": 3, "end": 9}]
    # A link written before schema 6 kept every span whole.
    store._execute("INSERT INTO event_dispatches (event_id, dispatch_id, evidence, reasons) VALUES (?, ?, ?, ?)",
                   ("e-1", "d-2", store._json([{"field": "notes", "dispatch_id": "d-2", "start": 1, "end": 4}]),
                    store._json([])))
    assert [record.evidence for record in store.merge_log("e-1")] == [(own, other), (Evidence("notes", "d-2", 1, 4),)]
