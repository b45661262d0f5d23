"""`fracas ingest OUT`: the partitions of a batch merged into the store with the usual dedupe.

The events were extracted on the cluster; here they go through `fracas.store.ingest` exactly as
freshly extracted ones do (same transactions, same dedupe, in input order), so merging twice, or
after a crash, changes nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from fracas.batch.partitions import read_partitions
from fracas.model import Dispatch, Event, Rejection
from fracas.store.ingest import DispatchResult, IngestSummary, ingest


class _Extracted:
    """An Extractor that hands back the events the cluster found for each dispatch."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events

    def run_iter(self, dispatches: Iterable[Dispatch], *, n_process: int = 1,
                 batch_size: int = 32,
                 on_rejection: Callable[[Rejection], None] | None = None) -> Iterator[tuple[Dispatch, list[Event]]]:
        # The cluster already recorded its rejections in the partition; none arise again here.
        for dispatch in dispatches:
            yield dispatch, self.events.get(dispatch.id, [])


def ingest_batch(store: object, out_dir: str, *,
                 on_item: Callable[[Dispatch | Rejection, DispatchResult | None], None] | None = None) -> IngestSummary:
    total = IngestSummary()
    for partition in read_partitions(out_dir):
        items: list[Dispatch | Rejection] = [*partition.rejections, *partition.dispatches]
        done = ingest(store, items, _Extracted(partition.events), on_item=on_item)  # type: ignore[arg-type]
        total += done
    return total
