"""Extraction on a dask.distributed cluster.

Inputs are cut into partitions: a JSON Lines or " date" lines file by ranges of `records` records, a
WARC crawl by ranges of `records` WARC records, any other file (a page, a feed, a plain text) whole. Each partition is a task; a worker plugin loads
the NLP pipeline once per worker, and each task writes its partition's Parquet files
(`fracas.batch.partitions`) into the output folder, which must be reachable by every worker (a shared
file system). The store is never written here: `fracas ingest OUT` merges the partitions.
Without a scheduler address a `LocalCluster` of `workers` processes is started.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fracas.errors import UsageError
from fracas.model import Dispatch, PublicationDate, Rejection

PLUGIN_NAME = "fracas-pipeline"
_RANGED_SUFFIXES = (".jsonl", ".ndjson", ".json")


@dataclass(frozen=True)
class Partition:
    name: str
    path: str
    start: int = 0  # first item (record) of the file in this partition
    stop: int | None = None  # after the last; None = to the end of the file


@dataclass(frozen=True)
class BatchSummary:
    partitions: int
    dispatches: int
    events: int
    rejections: int

    def line(self) -> str:
        return (f"batch: {self.partitions} partitions, {self.dispatches} dispatches, {self.events} events, "
                f"{self.rejections} rejections")


def _records(path: str) -> int:
    """Non-blank lines: one item each in JSON Lines and " date" lines files."""
    with open(path, "rb") as handle:
        return sum(1 for line in handle if line.strip())


def _range_count(path: str, reader: object) -> int:
    """How many items a ranged partition of `path` counts in (0: the file is not cut)."""
    from fracas.ingest.kinds import is_warc_reader
    from fracas.ingest.warc import count_records

    if reader is None:
        return _records(path) if path.lower().endswith(_RANGED_SUFFIXES) else 0
    if not is_warc_reader(reader):
        return 0
    from warcio.exceptions import ArchiveLoadFailed

    try:
        return count_records(path)
    except (ArchiveLoadFailed, OSError):
        return 0  # a damaged or unreadable crawl is read whole: its reader reports the problem


def plan_partitions(paths: Sequence[str], records: int) -> list[Partition]:
    from fracas.ingest.kinds import reader_for

    if records < 1:
        raise UsageError(f"--records must be 1 or more, not {records}")
    plan: list[Partition] = []
    for path in paths:
        if not Path(path).is_file():
            raise UsageError(f"{path} is not a file; give input files (a shell glob like 'crawl/*.warc.gz')")
        count = _range_count(path, reader_for(path))
        if count > records:
            plan += [Partition("", path, start, min(start + records, count)) for start in range(0, count, records)]
        else:
            plan.append(Partition("", path))
    return [Partition(f"part-{i:05d}", p.path, p.start, p.stop) for i, p in enumerate(plan)]


def extract_partition(partition: Partition, out_dir: str, published: PublicationDate | None) -> tuple[int, int, int]:
    """On a worker: read, extract and write one partition; (dispatches, events, rejections)."""
    from distributed import get_worker

    from fracas.batch.partitions import write_partition
    from fracas.ingest import read_inputs
    from fracas.ingest.kinds import is_warc_reader, reader_for
    from fracas.ingest.warc import read_warc

    pipeline = get_worker().plugins[PLUGIN_NAME].pipeline
    if partition.stop is not None and is_warc_reader(reader_for(partition.path)):
        # WARC records are numbered from 1; records outside the range are passed over unread.
        items: Iterable[Dispatch | Rejection] = read_warc(partition.path, published,
                                                          records=range(partition.start + 1, partition.stop + 1))
    else:
        items = itertools.islice(read_inputs([partition.path], published=published), partition.start, partition.stop)
    rejections: list[Rejection] = []
    dispatches = (item for item in items if isinstance(item, Dispatch) or rejections.append(item))
    results = list(pipeline.run_iter(dispatches, on_rejection=rejections.append))
    write_partition(out_dir, partition.name, results, rejections)
    return len(results), sum(len(events) for _, events in results), len(rejections)


def run_batch(paths: Sequence[str], out_dir: str, *, scheduler: str | None = None, workers: int = 2,
              records: int = 500, published: PublicationDate | None = None, actors_file: str | None = None,
              on_dashboard: Callable[[str], None] = lambda link: None,
              on_done: Callable[[int, int], None] = lambda done, total: None) -> BatchSummary:
    """Extract every partition of `paths` on the cluster; see the module doc."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as err:
        raise UsageError("fracas batch needs dask.distributed; install it with: pip install 'fracas[dask]'") from err
    plan = plan_partitions(paths, records)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
    try:
        with Client(scheduler or cluster) as client:
            on_dashboard(client.dashboard_link)
            from fracas.batch.plugin import PipelinePlugin

            client.register_plugin(PipelinePlugin(actors_file), name=PLUGIN_NAME)
            futures = client.map(extract_partition, plan, out_dir=str(out_dir), published=published, pure=False)
            totals = [0, 0, 0]
            for done, future in enumerate(as_completed(futures), start=1):
                for index, value in enumerate(future.result()):
                    totals[index] += value
                on_done(done, len(plan))
    finally:
        if cluster is not None:
            cluster.close()
    return BatchSummary(len(plan), *totals)
