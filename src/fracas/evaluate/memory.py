"""Peak memory of a process tree, for `fracas bench`.

getrusage's ru_maxrss is misleading for a tree on Linux: a forked worker's RSS counts every page it
shares with its parent, and a child started with fork+exec inherits its parent's high-water mark. So on
Linux a thread samples the tree's proportional set size (PSS: a page shared by k processes counts 1/k
in each, so the sum counts it once) from /proc. Where /proc is not available, getrusage's main process
peak plus largest child peak is used instead, which errs high.
"""

from __future__ import annotations

import os
import resource
import sys
import threading
from pathlib import Path
from types import TracebackType

_PROC = Path("/proc")


def _kib(path: Path, key: str) -> int | None:
    try:
        for line in path.read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None  # the process ended between listing and reading: it no longer uses memory
    return None


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for children in (_PROC / str(current) / "task").glob("*/children"):
            try:
                todo.extend(int(child) for child in children.read_text().split())
            except (FileNotFoundError, ProcessLookupError):
                continue  # the thread or process ended while we looked
    return found


def tree_pss_mb(pid: int | None = None) -> float | None:
    """Current summed PSS of `pid` (default: this process) and its descendants, or None without /proc."""
    pid = pid or os.getpid()
    if not (_PROC / str(pid) / "smaps_rollup").exists():
        return None
    total = sum(_kib(_PROC / str(p) / "smaps_rollup", "Pss:") or 0 for p in _descendants(pid))
    return total / 1024


def rusage_peak_mb() -> float:
    """Main process peak + largest reaped child peak, from getrusage (KiB on Linux, bytes on macOS)."""
    scale = 1 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) * scale / 2**20


class PeakMemory:
    """Context manager sampling this process tree's memory; `peak_mb` after exit, `method` says how."""

    # Reading smaps_rollup walks a process's page tables: for three 500 MB processes that costs tens of
    # milliseconds of a core, so sampling every 50 ms would steal half a core from the run it measures.
    def __init__(self, interval_s: float = 0.5) -> None:
        self.interval_s = interval_s
        self.peak_mb = 0.0
        self.method = "pss" if tree_pss_mb() is not None else "rusage"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            current = tree_pss_mb()
            if current is not None:
                self.peak_mb = max(self.peak_mb, current)
            if self._stop.wait(self.interval_s):
                return

    def __enter__(self) -> PeakMemory:
        if self.method == "pss":
            self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.method == "pss":
            self._stop.set()
            self._thread.join()
        else:
            self.peak_mb = rusage_peak_mb()


def own_high_water_mb() -> float:
    """This process's own peak RSS since exec (VmHWM), which unlike ru_maxrss is not inherited."""
    hwm = _kib(_PROC / "self" / "status", "VmHWM:")
    if hwm is not None:
        return hwm / 1024
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20
