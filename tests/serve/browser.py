"""Headless Chromium (Debian's chromium + chromium-driver, via selenium) for the dashboard's tests and screenshot.

Offline by construction: the flags turn off Chrome's own network traffic, and every request to a host
other than loopback goes to a proxy on a closed local port (127.0.0.9:9), so it fails; Chrome never
proxies loopback, so only the test server answers.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,900", "--proxy-server=http://127.0.0.9:9")


def browser_paths() -> tuple[str, str] | None:
    """(chromium, chromedriver) from FRACAS_TEST_CHROMIUM/CHROMEDRIVER or PATH; None when missing."""
    chromium = os.environ.get("FRACAS_TEST_CHROMIUM") or shutil.which("chromium")
    driver = os.environ.get("FRACAS_TEST_CHROMEDRIVER") or shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@contextmanager
def headless_chromium() -> Iterator[Any]:
    """A selenium driver that can reach loopback (`base_url`) and nothing else."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = browser_paths()
    assert paths is not None, "no chromium: run scripts/browser-for-tests"
    profile = tempfile.mkdtemp(prefix="fracas-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=paths[1]), options=options)
    try:
        driver.set_page_load_timeout(30)
        driver.set_script_timeout(30)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)



WAIT_SECONDS = 20.0
SKIP_REASON = ("no headless Chromium: Debian's chromium and chromium-driver are missing (./run-tests installs them "
               "with scripts/browser-for-tests)")


def wait_for(driver: Any, script: str) -> Any:
    """Poll `script` (JavaScript returning a value) until it is truthy, for at most WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"the dashboard did not get there in {WAIT_SECONDS} s: {script}")


def open_dashboard(driver: Any, url: str) -> None:
    driver.get(url)
    wait_for(driver, "return document.body.dataset.ready === 'yes'")


def refreshed(driver: Any, action: Any) -> None:
    """Do `action` (which makes the page refresh its listings) and wait until the page is ready again."""
    driver.execute_script("document.body.dataset.ready = 'no'")
    action()
    wait_for(driver, "return document.body.dataset.ready === 'yes'")


def table_ids(driver: Any) -> list[str]:
    return list(driver.execute_script(
        "return [...document.querySelectorAll('#events tbody tr')].map(r => r.dataset.eventId)"))


def marker_count(driver: Any) -> int:
    return int(driver.execute_script("return Number(document.getElementById('map').dataset.markers)"))
