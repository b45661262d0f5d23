"""A `fracas watch` poll in a subprocess, with the fake extractor of tests/store (no model), for the kill
and SIGTERM tests: prints `stored N` after each dispatch is committed, then the poll line.

    python watch_child.py STORE_URL FEED_URL [FEED_URL ...]
"""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_fakes import FakePipeline  # noqa: E402

from fracas.ingest.fetch import FetchSettings  # noqa: E402
from fracas.store import open_store  # noqa: E402
from fracas.watch import FeedPoller, watch  # noqa: E402


def main() -> None:
    url, feeds = sys.argv[1], sys.argv[2:]
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    stored = 0

    def on_dispatch(_result: object) -> None:
        nonlocal stored
        stored += 1
        print(f"stored {stored}", flush=True)

    with open_store(url) as store:
        poller = FeedPoller(store, FakePipeline(), settings=FetchSettings(host_delay_s=0.0), stop=stopping.is_set)
        original = poller.poll
        poller.poll = lambda urls: original(urls, on_dispatch)  # type: ignore[method-assign]
        watch(poller, feeds, every_s=0.0, once=True, on_line=lambda line: print(line, flush=True), stopping=stopping)


if __name__ == "__main__":
    main()
