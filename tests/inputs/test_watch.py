"""`fracas watch` polls: new items ingested once, 304 feeds left alone, failing feeds backed off,
state kept in the store across restarts, and a kill or SIGTERM during a poll loses nothing."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from web_fixtures import LoopbackSite, page, rss

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_fakes import FakePipeline, marker  # noqa: E402

from fracas.ingest.fetch import Fetcher, FetchSettings  # noqa: E402
from fracas.store import open_store  # noqa: E402
from fracas.store.feed_state import FeedState  # noqa: E402
from fracas.watch import FeedPoller  # noqa: E402

CHILD = Path(__file__).with_name("watch_child.py")
ITEMS = 6
NOW = dt.datetime(2024, 3, 13, 12, 0, tzinfo=dt.timezone.utc)


def _article(i: int) -> str:
    return (f"Dépêche numéro {i} : des frappes ont visé le village de Hameau{i} mercredi, selon des sources "
            f"locales jointes par téléphone, qui font état de plusieurs morts. "
            + marker(place=f"Hameau{i}", lat=34.0 + i, lon=36.5, deaths=i + 1, source=f"Source{i}:media"))


def _feed_site(site: LoopbackSite, count: int = ITEMS) -> str:
    items = []
    for i in range(count):
        link = site.add(f"/a{i}.html", page(_article(i), title=f"Dépêche {i}"))
        items.append({"title": f"Dépêche {i}", "link": link, "guid": f"item-{i}"})
    return site.add("/rss.xml", rss(items), content_type="application/rss+xml", etag='"feed-v1"')


def _poller(store, **options) -> FeedPoller:  # type: ignore[no-untyped-def]
    return FeedPoller(store, FakePipeline(), settings=FetchSettings(host_delay_s=0.0), clock=lambda: NOW, **options)


def _snapshot(url: str) -> list[dict]:
    with open_store(url) as store:
        return sorted((e.to_dict() for e in store.events()), key=lambda e: e["event_id"])


def test_a_poll_ingests_new_items_and_the_next_gets_304(site: LoopbackSite, tmp_path: Path) -> None:
    feed = _feed_site(site)
    with open_store(str(tmp_path / "w.db")) as store:
        poller = _poller(store)
        first = poller.poll([feed])
        second = poller.poll([feed])
        state = store.feed_state(feed)
        counts = store.counts()
    assert first.poll_line("T") == ("T poll 1: 1 feeds (0 not modified, 0 backing off, 0 failed); items: 6 new, "
                               "0 not fetched; dispatches: 6 read, 6 new, 0 duplicate, 0 near-duplicate, 0 irrelevant; events: 6 new, 0 merged; rejections: 0")
    assert second.poll_line("T") == ("T poll 2: 1 feeds (1 not modified, 0 backing off, 0 failed); items: 0 new, "
                                "0 not fetched; dispatches: 0 read, 0 new, 0 duplicate, 0 near-duplicate, 0 irrelevant; events: 0 new, 0 merged; rejections: 0")
    assert state == FeedState(feed, '"feed-v1"', None, "2024-03-13T12:00:00Z", "not-modified", None, 0, None)
    assert (counts.dispatches, counts.events) == (6, 6)
    pages = [p for p in site.paths() if p.endswith(".html")]
    assert pages == [f"/a{i}.html" for i in range(ITEMS)]  # each page fetched once


def test_a_failing_feed_is_backed_off_and_the_others_go_on(site: LoopbackSite, failing_site: LoopbackSite,
                                                           tmp_path: Path) -> None:
    feed = _feed_site(site, 2)
    dead = failing_site.url("/rss.xml")
    quick = FetchSettings(host_delay_s=0.0, attempts=1)
    with open_store(str(tmp_path / "w.db")) as store:
        poller = FeedPoller(store, FakePipeline(), clock=lambda: NOW, backoff_s=60.0,
                            fetcher_factory=lambda: Fetcher(quick))
        first = poller.poll([dead, feed])
        second = poller.poll([dead, feed])
        state = store.feed_state(dead)
    assert (first.failed, first.new, second.backing_off, second.not_modified) == (1, 2, 1, 1)
    assert state == FeedState(
        dead, None, None, "2024-03-13T12:00:00Z", "failed",
        f"{dead}: robots.txt of {failing_site.base} does not allow fracas to fetch it; skipped", 1,
        "2024-03-13T12:01:00Z",
    )


def _child(url: str, feed: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(CHILD), url, feed], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def _read_until(process: subprocess.Popen[str], line: str) -> None:
    assert process.stdout is not None
    for out in process.stdout:
        if out.strip() == line:
            return
    pytest.fail(f"the watcher ended before printing {line!r}: {process.stderr.read() if process.stderr else ''}")


def test_a_kill_during_a_poll_loses_nothing(site: LoopbackSite, tmp_path: Path) -> None:
    feed = _feed_site(site)
    clean, killed = str(tmp_path / "clean.db"), str(tmp_path / "killed.db")
    assert subprocess.run([sys.executable, str(CHILD), clean, feed], capture_output=True).returncode == 0
    process = _child(killed, feed)
    _read_until(process, "stored 2")
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    again = subprocess.run([sys.executable, str(CHILD), killed, feed], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert _snapshot(killed) == _snapshot(clean)
    with open_store(killed) as store:
        assert store.counts().dispatches == ITEMS


def test_sigterm_finishes_the_current_dispatch_and_exits_cleanly(site: LoopbackSite, tmp_path: Path) -> None:
    feed = _feed_site(site)
    url = str(tmp_path / "w.db")
    process = _child(url, feed)
    _read_until(process, "stored 1")
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert out.strip().splitlines()[-1].endswith("; stopped")
    with open_store(url) as store:
        stored = store.counts().dispatches
        assert store.feed_state(feed) is None  # the feed is read again next time: its items are not all in
    assert 1 <= stored < ITEMS
    finish = subprocess.run([sys.executable, str(CHILD), url, feed], capture_output=True, text=True)
    assert finish.returncode == 0, finish.stderr
    with open_store(url) as store:
        assert store.counts().dispatches == ITEMS


def test_the_watch_command_polls_once_and_prints_one_line(site: LoopbackSite, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from fracas.interfaces import cli_store
    from fracas.interfaces.cli import app

    monkeypatch.setattr(cli_store, "_load_pipeline", FakePipeline)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# veille\n{_feed_site(site, 2)}\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    handlers = [signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)]
    result = CliRunner().invoke(app, ["watch", str(feeds), "--once", "--db", db])
    assert result.exit_code == 0, result.output
    # Run in-process, it gives the process its own handlers back (a forked worker inherits them).
    assert [signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)] == handlers
    line = result.stdout.strip()
    assert line.split(" ", 1)[1] == ("poll 1: 1 feeds (0 not modified, 0 backing off, 0 failed); items: 2 new, "
                                     "0 not fetched; dispatches: 2 read, 2 new, 0 duplicate, 0 near-duplicate, 0 irrelevant; "
                                     "events: 2 new, 0 merged; "
                                     "rejections: 0")
    bad = CliRunner().invoke(app, ["watch", str(feeds), "--every", "soon", "--db", db])
    assert (bad.exit_code, bad.stderr.strip()) == (1, "fracas: error: --every 'soon' is not a duration; "
                                                      "give e.g. 30s, 15m or 2h")
