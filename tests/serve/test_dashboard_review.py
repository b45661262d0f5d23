"""The dashboard in headless Chromium: the timeline brush filters everything; merge, split and a place
edit from the event panel persist; a field holding markup renders as text. Screenshots go to tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import SKIP_REASON, browser_paths, marker_count, open_dashboard, refreshed, table_ids, wait_for
from serve_seed import XSS_TEXT

pytestmark = pytest.mark.skipif(browser_paths() is None, reason=SKIP_REASON)
XSS_NAME = '<img src=x onerror="document.body.dataset.pwned=1">Forces'


def _drag_across(driver, first: int, last: int) -> None:  # noqa: ANN001 - a selenium driver
    """Drag on the timeline from the left part of bar `first` to the right part of bar `last`."""
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = driver.find_element("id", "timeline")
    x0, x1, y, width, height = driver.execute_script(
        "const s = chart.scales.x, w = (s.getPixelForValue(1) - s.getPixelForValue(0)) || s.width;"
        f"return [s.getPixelForValue({first}) - w / 3, s.getPixelForValue({last}) + w / 3,"
        " (chart.chartArea.top + chart.chartArea.bottom) / 2, chart.canvas.clientWidth, chart.canvas.clientHeight];")
    # ActionChains offsets are from the element's centre.
    (ActionChains(driver).move_to_element_with_offset(canvas, int(x0 - width / 2), int(y - height / 2))
     .click_and_hold().move_by_offset(int(x1 - x0), 0).release().perform())


def _review(driver, token: str, note: str, button: str) -> None:  # noqa: ANN001
    driver.find_element("css selector", "#panel input[name=token]").send_keys(token)
    driver.find_element("css selector", "#panel textarea[name=note]").send_keys(note)
    driver.find_element("css selector", f"#panel button[name='{button}']").click()
    wait_for(driver, f"return [...document.querySelectorAll('#panel li')].some(li => li.textContent.includes({note!r}))")


def _open_event(driver, event_id: str) -> None:  # noqa: ANN001
    driver.find_element("css selector", f"#events tbody tr[data-event-id='{event_id}'] td:nth-child(2)").click()
    wait_for(driver, f"return document.querySelector('#panel .hint')?.textContent === {event_id!r}")


def test_the_timeline_brush_filters_map_table_and_counts(dashboard, tmp_path: Path) -> None:
    driver, base, client = dashboard
    open_dashboard(driver, base + "/")
    days = driver.execute_script("return chart.data.labels")
    assert (days, driver.find_element("id", "count").text) == (["2015-10-07", "2015-10-08"], "3 events")
    refreshed(driver, lambda: _drag_across(driver, 1, 1))
    api = client.get("/api/events", params={"since": "2015-10-08", "until": "2015-10-08"}).json()
    dates = driver.execute_script("return [document.forms.filters.since.value, document.forms.filters.until.value]")
    assert (dates, table_ids(driver), marker_count(driver), driver.find_element("id", "count").text) == (
        ["2015-10-08", "2015-10-08"], [e["event_id"] for e in api["events"]], 2, "2 events match the filters")
    driver.save_screenshot(str(tmp_path / "brushed.png"))
    driver.find_element("id", "reset-filters").click()
    wait_for(driver, "return document.getElementById('count').textContent === '3 events'")
    refreshed(driver, lambda: _drag_across(driver, 0, 1))
    assert (table_ids(driver), driver.find_element("id", "count").text) == (
        ["e1", "e2", "e3"], "3 events match the filters")


def test_merge_ticked_events_into_the_open_one(dashboard, seeded, tmp_path: Path) -> None:
    driver, base, client = dashboard
    open_dashboard(driver, base + "/")
    _open_event(driver, "e1")
    assert driver.find_element("css selector", "#panel button[name=merge]").is_enabled() is False
    driver.find_element("css selector", "#events tbody tr[data-event-id=e3] input[name=pick]").click()
    wait_for(driver, "return !document.querySelector('#panel button[name=merge]').disabled")
    _review(driver, seeded[1], "same strike, two reports", "merge")
    statuses = {e["event_id"]: e["review_status"] for e in client.get("/api/events").json()["events"]}
    merged = client.get("/api/events/e1").json()
    assert (statuses, [d["id"] for d in merged["dispatches"]], merged["event"]["dispatch_ids"]) == (
        {"e1": "merged", "e2": "machine", "e3": "duplicate"}, ["d-e1", "d-e3"], ["d-e1", "d-e3"])
    texts = driver.execute_script("return [...document.querySelectorAll('#panel .dispatch')].map(d => d.textContent)")
    assert texts == [XSS_TEXT, "Dépêche e3 : des combats."]
    shown = driver.execute_script("return document.querySelector('#events tbody tr[data-event-id=e3] .status').textContent")
    assert shown == "duplicate"
    driver.save_screenshot(str(tmp_path / "merged.png"))


def test_split_from_the_panel_opens_the_new_event(dashboard, seeded, tmp_path: Path) -> None:
    driver, base, client = dashboard
    open_dashboard(driver, base + "/")
    _open_event(driver, "e2")
    deaths = driver.find_element("css selector", "#panel input[name=fatalities]")
    deaths.clear()
    deaths.send_keys("4")
    _review(driver, seeded[1], "two clashes on the same day", "split")
    new = client.get("/api/events/e2-split1").json()
    assert (driver.find_element("css selector", "#panel .hint").text, new["event"]["fatalities"],
            new["event"]["review_status"], client.get("/api/events/e2").json()["event"]["fatalities"]) == (
        "e2-split1", 4, "split", None)
    assert table_ids(driver) == ["e1", "e2", "e2-split1", "e3"]
    driver.save_screenshot(str(tmp_path / "split.png"))


def test_place_search_edit_and_markup_in_a_field_render_as_text(dashboard, seeded, tmp_path: Path) -> None:
    driver, base, client = dashboard
    open_dashboard(driver, base + "/")
    _open_event(driver, "e3")
    driver.find_element("css selector", "#panel input[name=place_query]").send_keys("Rastan")
    driver.find_element("css selector", "#panel button[name='find place']").click()
    wait_for(driver, "return document.querySelector('#panel select[name=place]').options.length === 2")
    driver.find_element("css selector", "#panel select[name=place]").send_keys("Ar Rastan")
    actor = driver.find_element("css selector", "#panel input[name=actor1]")
    actor.clear()
    actor.send_keys(XSS_NAME)
    _review(driver, seeded[1], "the strike hit Rastan", "save edit")
    event = client.get("/api/events/e3").json()["event"]
    assert ({k: event["location"][k] for k in ("name", "admin1", "country", "precision", "geonames_id", "text")},
            event["actor1"]["name"]) == (
        {"name": "Ar Rastan", "admin1": "Homs", "country": "SY", "precision": "place", "geonames_id": 172946,
         "text": None}, XSS_NAME)
    cells = driver.execute_script(
        "const row = document.querySelector('#events tbody tr[data-event-id=e3]');"
        "return [row.children[4].textContent, row.querySelectorAll('img').length, document.querySelectorAll('#panel img').length,"
        " document.body.dataset.pwned || null]")
    assert cells == [XSS_NAME, 0, 0, None]
    driver.save_screenshot(str(tmp_path / "place-edit.png"))
