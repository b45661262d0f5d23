"""The dashboard in headless Chromium, offline: map, table and API agree; evidence; review; XSS as text.

Screenshots are kept under the test's temp dir (pytest's tmp_path) as artefacts.
"""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest
from browser import browser_paths, headless_chromium
from serve_seed import XSS_TEXT

pytestmark = pytest.mark.skipif(
    browser_paths() is None,
    reason="no headless Chromium: Debian's chromium and chromium-driver are missing (./run-tests installs them "
           "with scripts/browser-for-tests)",
)
WAIT_SECONDS = 20.0


def _wait(driver, script: str):  # noqa: ANN001, ANN202 - a selenium driver; the script's value
    """Poll `script` (JavaScript returning a value) until it is truthy, for at most WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"the dashboard did not get there in {WAIT_SECONDS} s: {script}")


@pytest.fixture
def dashboard(seeded: tuple[str, str]):  # noqa: ANN201 - (driver, base URL, client)
    from fastapi.testclient import TestClient

    from fracas.serve.app import create_app
    from fracas.serve.running import running_server

    app = create_app(seeded[0])
    with running_server(app) as base, headless_chromium() as driver, TestClient(app) as client:
        yield driver, base, client


def _open(driver, url: str) -> None:  # noqa: ANN001
    driver.get(url)
    _wait(driver, "return document.body.dataset.ready === 'yes'")


def test_map_and_table_agree_with_the_api_for_a_filter_offline(dashboard, tmp_path: Path) -> None:
    driver, base, client = dashboard
    _open(driver, base + "/")
    driver.find_element("name", "event_type").send_keys("Explosions/Remote violence")
    driver.execute_script("document.body.dataset.ready = 'no'")
    driver.find_element("css selector", "#filters button[type=submit]").click()
    _wait(driver, "return document.body.dataset.ready === 'yes'")
    api = [e["event_id"] for e in client.get("/api/events", params={"event_type": "Explosions/Remote violence"})
           .json()["events"]]
    rows = driver.execute_script("return [...document.querySelectorAll('#events tbody tr')].map(r => r.dataset.eventId)")
    markers = driver.execute_script("return Number(document.getElementById('map').dataset.markers)")
    assert (api, rows, markers) == (["e1", "e3"], ["e1", "e3"], 2)
    # Every resource the page loaded came from the server itself (the proxy flag refuses all others).
    hosts = driver.execute_script(
        "return [...new Set(performance.getEntriesByType('resource').map(r => new URL(r.name).origin))]")
    assert hosts == [base]
    outlines = driver.execute_script("return document.querySelectorAll('.leaflet-overlay-pane path').length")
    assert outlines > 100, "the country outlines (world-atlas) were not drawn"
    driver.save_screenshot(str(tmp_path / "filtered.png"))


def test_evidence_highlight_and_xss_probes_render_as_text(dashboard, tmp_path: Path) -> None:
    driver, base, _ = dashboard
    _open(driver, base + "/")
    driver.find_element("css selector", "#events tbody tr[data-event-id=e1]").click()
    _wait(driver, "return document.querySelector('#panel .dispatch')")
    marks = driver.execute_script(
        "return [...document.querySelectorAll('#panel .dispatch mark')].map(m => [m.className, m.textContent])")
    assert marks == [["ev-event_type", XSS_TEXT[0:10]]]
    text = driver.execute_script("return document.querySelector('#panel .dispatch').textContent")
    injected = driver.execute_script("return document.querySelectorAll('#panel script, #panel img').length")
    assert (text, injected) == (XSS_TEXT, 0)
    driver.save_screenshot(str(tmp_path / "panel.png"))


def test_a_review_edit_persists_and_shows_in_the_export(dashboard, seeded, tmp_path: Path) -> None:
    driver, base, client = dashboard
    _open(driver, base + "/")
    driver.find_element("css selector", "#events tbody tr[data-event-id=e1]").click()
    _wait(driver, "return document.querySelector('#panel .review')")
    driver.find_element("css selector", "#panel input[name=token]").send_keys(seeded[1])
    deaths = driver.find_element("css selector", "#panel input[name=fatalities]")
    deaths.clear()
    deaths.send_keys("9")
    driver.find_element("css selector", "#panel textarea[name=note]").send_keys("recount by the desk")
    driver.find_element("css selector", "#panel button[name='save edit']").click()
    _wait(driver, "return [...document.querySelectorAll('#panel li')].some(li => li.textContent.includes('recount'))")
    first = next(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv"}).text)))
    assert (first["event_id_cnty"], first["fatalities"], first["review_status"]) == ("e1", "9", "edited")
    versions = client.get("/api/events/e1").json()["versions"]
    assert [(v["review_status"], v["reviewer"], v["note"]) for v in versions] == [
        ("machine", None, None), ("edited", "amina", "recount by the desk")]
    driver.save_screenshot(str(tmp_path / "reviewed.png"))
