"""`fracas batch`: extraction on a dask.distributed cluster, results as Parquet partitions that
`fracas ingest DIR` merges into the store (the store stays the single writer)."""

from fracas.batch.partitions import BatchPartition, is_batch_output, read_partitions, write_partition
from fracas.batch.runner import BatchSummary, Partition, plan_partitions, run_batch

__all__ = [
    "BatchPartition", "BatchSummary", "Partition", "is_batch_output", "plan_partitions", "read_partitions",
    "run_batch", "write_partition",
]
