"""Screenshot of the dashboard over a store: `python scripts/dashboard_screenshot.py STORE OUT.png`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "serve"))
from browser import headless_chromium  # noqa: E402

from fracas.serve.app import create_app  # noqa: E402
from fracas.serve.running import running_server  # noqa: E402

WAIT_SECONDS = 30.0


def wait_for(driver, script: str) -> None:  # noqa: ANN001 - a selenium driver
    deadline = time.monotonic() + WAIT_SECONDS
    while not driver.execute_script(script):
        if time.monotonic() > deadline:
            raise SystemExit(f"dashboard-screenshot: the page never got there: {script}")
        time.sleep(0.1)


def main(store: str, out: str) -> None:
    with running_server(create_app(store)) as base, headless_chromium() as driver:
        driver.get(base + "/")
        wait_for(driver, "return document.body.dataset.ready === 'yes'")
        driver.execute_script("document.querySelector('#events tbody tr').click()")
        wait_for(driver, "return document.querySelector('#panel .dispatch')")
        time.sleep(0.5)  # let the map finish drawing its clusters
        driver.save_screenshot(out)
    print(f"dashboard-screenshot: wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
