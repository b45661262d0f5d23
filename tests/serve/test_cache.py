"""The read cache of `fracas serve`: answers kept, writes forget them, a racing answer is not kept."""

from __future__ import annotations

from fracas.serve.cache import Answer, ReadCache


def test_an_answer_is_kept_until_a_write() -> None:
    cache = ReadCache(60.0)
    answer = Answer(b'{"events": []}', "application/json")
    cache.put("/api/events?", answer, cache.generation)
    assert cache.get("/api/events?") == answer
    cache.clear()
    assert (cache.get("/api/events?"), cache.generation) == (None, 1)


def test_an_answer_computed_across_a_write_is_not_kept() -> None:
    cache = ReadCache(60.0)
    before = cache.generation
    cache.clear()
    cache.put("/api/stats?", Answer(b"{}", "application/json"), before)
    assert cache.get("/api/stats?") is None


def test_no_cache_at_zero_seconds_and_memory_is_bounded() -> None:
    off = ReadCache(0.0)
    off.put("a", Answer(b"x", "text/plain"), off.generation)
    assert off.get("a") is None
    small = ReadCache(60.0, max_bytes=40)
    for key in ("a", "b", "c"):
        small.put(key, Answer(b"0123456789", "text/plain"), small.generation)
    small.put("d", Answer(b"0123456789", "text/plain"), small.generation)
    small.put("e", Answer(b"0123456789", "text/plain"), small.generation)
    assert [key for key in "abcde" if small.get(key)] == ["b", "c", "d", "e"]
    small.put("big", Answer(b"x" * 11, "text/plain"), small.generation)
    assert small.get("big") is None


def test_the_api_serves_a_review_at_once_despite_the_cache(client, auth) -> None:
    assert client.get("/api/events/e1").json()["event"]["fatalities"] == 12
    assert client.get("/api/events", params={"format": "csv"}).text.splitlines()[1].split(",")[0] == "e1"
    before = client.get("/api/stats").json()["by_type"]
    client.post("/api/events/e2/edit", json={"changes": {"sub_event_type": "Air/drone strike"}, "note": "strike"},
                headers=auth)
    after = client.get("/api/stats").json()["by_type"]
    assert (before, after) == ({"Battles": 1, "Explosions/Remote violence": 2}, {"Explosions/Remote violence": 3})
