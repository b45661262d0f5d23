"""The dashboard in headless Chromium, offline: map, table and API agree; evidence; review; XSS as text.

Screenshots are kept under the test's temp dir (pytest's tmp_path) as artefacts.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from browser import SKIP_REASON, browser_paths, marker_count, open_dashboard, refreshed, table_ids, wait_for
from serve_seed import XSS_TEXT

pytestmark = pytest.mark.skipif(browser_paths() is None, reason=SKIP_REASON)


def test_map_and_table_agree_with_the_api_for_a_filter_offline(dashboard, tmp_path: Path) -> None:
    driver, base, client = dashboard
    open_dashboard(driver, base + "/")
    driver.find_element("name", "event_type").send_keys("Explosions/Remote violence")
    refreshed(driver, driver.find_element("css selector", "#filters button[type=submit]").click)
    api = [e["event_id"] for e in client.get("/api/events", params={"event_type": "Explosions/Remote violence"})
           .json()["events"]]
    assert (api, table_ids(driver), marker_count(driver)) == (["e1", "e3"], ["e1", "e3"], 2)
    # Every resource the page loaded came from the server itself (the proxy flag refuses all others).
    hosts = driver.execute_script(
        "return [...new Set(performance.getEntriesByType('resource').map(r => new URL(r.name).origin))]")
    assert hosts == [base]
    outlines = driver.execute_script("return document.querySelectorAll('.leaflet-overlay-pane path').length")
    assert outlines > 100, "the country outlines (world-atlas) were not drawn"
    driver.save_screenshot(str(tmp_path / "filtered.png"))


def test_evidence_highlight_and_xss_probes_render_as_text(dashboard, tmp_path: Path) -> None:
    driver, base, _ = dashboard
    open_dashboard(driver, base + "/")
    driver.find_element("css selector", "#events tbody tr[data-event-id=e1]").click()
    wait_for(driver, "return document.querySelector('#panel .dispatch')")
    marks = driver.execute_script(
        "return [...document.querySelectorAll('#panel .dispatch mark')].map(m => [m.className, m.textContent])")
    assert marks == [["ev-event_type", XSS_TEXT[0:10]]]
    text = driver.execute_script("return document.querySelector('#panel .dispatch').textContent")
    injected = driver.execute_script("return document.querySelectorAll('#panel script, #panel img').length")
    assert (text, injected) == (XSS_TEXT, 0)
    driver.save_screenshot(str(tmp_path / "panel.png"))


def test_a_review_edit_persists_and_shows_in_the_export(dashboard, seeded, tmp_path: Path) -> None:
    driver, base, client = dashboard
    open_dashboard(driver, base + "/")
    driver.find_element("css selector", "#events tbody tr[data-event-id=e1]").click()
    wait_for(driver, "return document.querySelector('#panel .review')")
    driver.find_element("css selector", "#panel input[name=token]").send_keys(seeded[1])
    deaths = driver.find_element("css selector", "#panel input[name=fatalities]")
    deaths.clear()
    deaths.send_keys("9")
    driver.find_element("css selector", "#panel textarea[name=note]").send_keys("recount by the desk")
    driver.find_element("css selector", "#panel button[name='save edit']").click()
    wait_for(driver, "return [...document.querySelectorAll('#panel li')].some(li => li.textContent.includes('recount'))")
    first = next(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv"}).text)))
    assert (first["event_id_cnty"], first["fatalities"], first["review_status"]) == ("e1", "9", "edited")
    versions = client.get("/api/events/e1").json()["versions"]
    assert [(v["review_status"], v["reviewer"], v["note"]) for v in versions] == [
        ("machine", None, None), ("edited", "amina", "recount by the desk")]
    driver.save_screenshot(str(tmp_path / "reviewed.png"))
