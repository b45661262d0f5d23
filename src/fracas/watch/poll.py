"""Polling feeds into the store, idempotently across restarts.

One poll: for each feed not in back-off, a conditional GET (the ETag / Last-Modified the store kept);
304 ends there. Otherwise each item the store has not seen is fetched, read and ingested (one
transaction per dispatch, `fracas.store.ingest`), then marked seen. A kill at any point loses nothing:
an item ingested but not yet marked is fetched again at the next poll and found already stored (same
text), an item not yet ingested is simply read again. A page that cannot be fetched is not marked, so
it is retried; a page that is read but rejected (not French, no article) is recorded and marked.
A feed that fails is reported in the poll line and left alone for `backoff_s * 2**(errors-1)` (at
most `max_backoff_s`); the other feeds go on. `stop()` is asked between dispatches: SIGTERM sets it,
the current dispatch is finished, and the poll returns.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from fracas.errors import InputError
from fracas.ingest.feeds import FeedItem, parse_feed, read_item
from fracas.ingest.fetch import Fetcher, FetchSettings
from fracas.model import Rejection
from fracas.store.feed_state import FeedState
from fracas.store.ingest import DispatchResult, Extractor, IngestSummary, ingest


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def read_feed_list(path: str) -> list[str]:
    """Feed URLs of a list file: one per line; blank lines and # comments ignored; or an OPML file."""
    from fracas.ingest.feeds import is_opml, parse_opml

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise InputError(f"cannot read the feed list {path} ({err.strerror}); check the path") from err
    if is_opml(data):
        return parse_opml(data, origin=path)
    lines = (line.split("#", 1)[0].strip() for line in data.decode("utf-8", errors="replace").splitlines())
    urls = [line for line in lines if line]
    if not urls:
        raise InputError(f"{path} lists no feed; give one feed URL per line")
    return urls


class FeedPoller:
    """Polls feeds into a store (see the module doc); `store` is an EventStore with feed state."""

    def __init__(self, store: Any, pipeline: Extractor, *, settings: FetchSettings | None = None,
                 backoff_s: float = 300.0, max_backoff_s: float = 6 * 3600.0,
                 clock: Callable[[], dt.datetime] = utc_now, stop: Callable[[], bool] = lambda: False,
                 fetcher_factory: Callable[[], Fetcher] | None = None) -> None:
        self.store = store
        self.pipeline = pipeline
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.clock = clock
        self.stop = stop
        self._new_fetcher = fetcher_factory or (lambda: Fetcher(settings))
        self.polls = 0

    def poll(self, feed_urls: Iterable[str],
             on_dispatch: Callable[[DispatchResult], None] | None = None) -> IngestSummary:
        self.polls += 1
        summary = IngestSummary(poll=self.polls)
        with self._new_fetcher() as fetcher:
            for url in feed_urls:
                if self.stop():
                    summary.stopped = True
                    break
                summary.feeds += 1
                self._poll_feed(url, fetcher, summary, on_dispatch)
        summary.stopped = summary.stopped or self.stop()
        return summary

    def _poll_feed(self, url: str, fetcher: Fetcher, summary: IngestSummary,
                   on_dispatch: Callable[[DispatchResult], None] | None) -> None:
        now = self.clock()
        state = self.store.feed_state(url) or FeedState(url)
        if state.next_poll and _iso(now) < state.next_poll:
            summary.backing_off += 1
            return
        try:
            answer = fetcher.get(url, etag=state.etag, last_modified=state.last_modified)
            items = [] if answer.not_modified else parse_feed(answer.content, feed_url=url)
        except InputError as err:
            summary.failed += 1
            errors = state.errors + 1
            wait = min(self.backoff_s * 2 ** (errors - 1), self.max_backoff_s)
            self.store.save_feed_state(replace(
                state, last_poll=_iso(now), last_status="failed", last_error=str(err), errors=errors,
                next_poll=_iso(now + dt.timedelta(seconds=wait)),
            ))
            return
        if answer.not_modified:
            summary.not_modified += 1
            self.store.save_feed_state(replace(state, last_poll=_iso(now), last_status="not-modified",
                                               last_error=None, errors=0, next_poll=None))
            return
        # The validators are saved only after the items are read: a kill meanwhile re-reads the feed.
        self._read_items(items, fetcher, summary, on_dispatch)
        if not summary.stopped:
            self.store.save_feed_state(replace(
                state, etag=answer.etag, last_modified=answer.last_modified, last_poll=_iso(now),
                last_status="ok", last_error=None, errors=0, next_poll=None,
            ))

    def _read_items(self, items: list[FeedItem], fetcher: Fetcher, summary: IngestSummary,
                    on_dispatch: Callable[[DispatchResult], None] | None) -> None:
        for item in items:
            if self.store.has_seen_item(item.feed_url, item.key):
                continue
            if self.stop():
                summary.stopped = True
                return
            try:
                read = read_item(item, fetcher)
            except InputError:
                summary.items_failed += 1  # not marked seen: fetched again at the next poll
                continue
            summary.items_new += 1
            self._ingest_one(item, read, summary, on_dispatch)

    def _ingest_one(self, item: FeedItem, read: Any, summary: IngestSummary,
                    on_dispatch: Callable[[DispatchResult], None] | None) -> None:
        results: list[DispatchResult] = []
        done = ingest(self.store, [read], self.pipeline,
                      on_item=lambda _item, result: results.append(result) if result is not None else None)
        summary += done
        dispatch_id = None if isinstance(read, Rejection) else read.id
        self.store.mark_item_seen(item.feed_url, item.key, dispatch_id, _iso(self.clock()))
        for result in results:
            if on_dispatch is not None:
                on_dispatch(result)


def watch(poller: FeedPoller, feed_urls: list[str], *, every_s: float, once: bool,
          on_line: Callable[[str], None], stopping: threading.Event) -> int:
    """Poll every `every_s` seconds until `stopping` is set (or once); returns the number of polls."""
    while True:
        summary = poller.poll(feed_urls)
        on_line(summary.poll_line(_iso(poller.clock())))
        if once or stopping.is_set() or stopping.wait(every_s):
            return poller.polls
