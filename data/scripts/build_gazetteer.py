"""Build the offline gazetteer index (what ./setup runs).

    python data/scripts/build_gazetteer.py            # build at $FRACAS_DATA_DIR or ~/.cache/fracas if stale
    python data/scripts/build_gazetteer.py --force    # rebuild even when up to date
    python data/scripts/build_gazetteer.py PATH       # build at PATH
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from fracas.errors import FracasError
from fracas.resolve.gazetteer import build_gazetteer, default_path, ensure_built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the fracas gazetteer (SQLite) from installed packages.")
    parser.add_argument("path", nargs="?", type=Path, help=f"where to write it (default {default_path()})")
    parser.add_argument("--force", action="store_true", help="rebuild even if the index is up to date")
    args = parser.parse_args(argv)
    started = time.monotonic()

    def progress(message: str) -> None:
        print(f"[{time.monotonic() - started:5.1f}s] gazetteer: {message}", file=sys.stderr)

    try:
        if args.force:
            path = build_gazetteer(args.path, progress=progress)
        else:
            path = ensure_built(args.path, progress=progress)
    except FracasError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
