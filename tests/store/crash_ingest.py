"""A separate process for test_crash.py: ingest numbered dispatches into a store, saying what it did.

    python crash_ingest.py URL COUNT [--pause-in DISPATCH_INDEX] [--slow]

Prints "committed N" after each dispatch is stored. With --pause-in, it stops forever in the middle of
that dispatch's transaction (after the dispatch row and its first event are written, before its
second event), printing "paused", so the test can kill -9 it there. With --slow, each dedupe decision
takes a moment, so that a kill at an arbitrary time most likely lands inside a transaction.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store_fakes import FakePipeline, numbered_dispatches  # noqa: E402

import fracas.dedupe  # noqa: E402
from fracas.store import open_store  # noqa: E402
from fracas.store.ingest import ingest  # noqa: E402


class Dedupe:
    def __init__(self, pause_event: str | None, slow: bool) -> None:
        self.pause_event = pause_event
        self.slow = slow
        self.signature = fracas.dedupe.signature
        self.find_near_duplicate = fracas.dedupe.find_near_duplicate
        self.merge = fracas.dedupe.merge

    def find_match(self, incoming, candidates):
        if incoming.event_id == self.pause_event:
            print("paused", flush=True)
            while True:
                time.sleep(60)
        if self.slow:
            time.sleep(0.002)
        return fracas.dedupe.find_match(incoming, candidates)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("count", type=int)
    parser.add_argument("--pause-in", type=int)
    parser.add_argument("--slow", action="store_true")
    args = parser.parse_args()
    dispatches = numbered_dispatches(args.count)
    pause_event = f"{dispatches[args.pause_in].id}-1" if args.pause_in is not None else None
    committed = 0

    def report(item, result) -> None:
        nonlocal committed
        committed += 1
        print(f"committed {committed}", flush=True)

    with open_store(args.url) as store:
        ingest(store, dispatches, FakePipeline(), dedupe=Dedupe(pause_event, args.slow), on_item=report)
    print("done", flush=True)


if __name__ == "__main__":
    main()
