"""The web API over a seeded store: listings, detail, stats, the ACLED endpoint, review, security headers."""

from __future__ import annotations

import csv
import io

from serve_seed import XSS_TEXT
from sample_records import strike

from fracas.serve.app import CSP


def _ids(answer: dict) -> list[str]:
    return [event["event_id"] for event in answer["events"]]


def test_events_list_filters_and_pages(client) -> None:
    answer = client.get("/api/events").json()
    assert (answer["page"], answer["has_next"], _ids(answer)) == (1, False, ["e1", "e2", "e3"])
    assert answer["events"][0] == {**strike("e1", fatalities=12).to_dict(), "review_status": "machine",
                                   "review_version": 0}
    assert _ids(client.get("/api/events", params={"event_type": "Battles"}).json()) == ["e2"]
    assert _ids(client.get("/api/events", params={"confidence": "weak", "since": "2015-10-08"}).json()) == ["e3"]
    second = client.get("/api/events", params={"page": 2, "page_size": 2}).json()
    assert (second["has_next"], _ids(second)) == (False, ["e3"])
    first = client.get("/api/events", params={"page": 1, "page_size": 2}).json()
    assert (first["has_next"], _ids(first)) == (True, ["e1", "e2"])


def test_events_bad_filters_say_what_to_do(client) -> None:
    answer = client.get("/api/events", params={"event_type": "Bombing"})
    assert answer.status_code == 400
    assert answer.json()["detail"].startswith("unknown event type 'Bombing'; use one of: Battles")
    assert client.get("/api/events", params={"since": "hier"}).json() == {
        "detail": "since 'hier' is not a date; give it as YYYY-MM-DD"}
    assert client.get("/api/events", params={"format": "xml"}).json() == {
        "detail": "unknown format 'xml'; use json, csv or geojson"}


def test_geojson_and_csv_carry_review_status(client, auth) -> None:
    client.post("/api/events/e1/edit", json={"changes": {"fatalities": 11}, "note": "recount"}, headers=auth)
    geojson = client.get("/api/events", params={"format": "geojson"}).json()
    assert [(f["id"], f["properties"]["review_status"], f["properties"]["fatalities"], f["geometry"])
            for f in geojson["features"]] == [
        ("e1", "edited", 11, {"type": "Point", "coordinates": [36.7308, 34.8413]}),
        ("e2", "machine", None, {"type": "Point", "coordinates": [37.5, 34.5]}),
        ("e3", "machine", None, {"type": "Point", "coordinates": [36.7308, 34.8413]}),
    ]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events", params={"format": "csv"}).text)))
    assert [(r["event_id_cnty"], r["fatalities"], r["review_status"]) for r in rows] == [
        ("e1", "11", "edited"), ("e2", "", "machine"), ("e3", "", "machine")]


def test_event_detail_has_dispatch_text_evidence_and_versions(client, auth) -> None:
    client.post("/api/events/e1/accept", json={"note": "checked"}, headers=auth)
    detail = client.get("/api/events/e1").json()
    assert detail["event"]["review_status"] == "accepted"
    assert [(d["id"], d["text"], d["evidence"]) for d in detail["dispatches"]] == [
        ("d-e1", XSS_TEXT, [{"field": "event_type", "dispatch_id": "d-e1", "start": 0, "end": 10}])]
    assert [(m["dispatch_id"], m["reasons"]) for m in detail["merges"]] == [("d-e1", [])]
    assert [(v["version"], v["review_status"], v["reviewer"], v["note"]) for v in detail["versions"]] == [
        (0, "machine", None, None), (1, "accepted", "amina", "checked")]
    assert client.get("/api/events/nope").json() == {"detail": "no event 'nope'"}
    assert client.get("/api/dispatches/d-e2").json()["text"] == "Dépêche e2 : des combats."
    assert client.get("/api/dispatches/nope").status_code == 404


def test_stats(client) -> None:
    assert client.get("/api/stats").json() == {
        "total": 3,
        "by_day": [
            {"date": "2015-10-07", "event_type": "Explosions/Remote violence", "count": 1},
            {"date": "2015-10-08", "event_type": "Battles", "count": 1},
            {"date": "2015-10-08", "event_type": "Explosions/Remote violence", "count": 1},
        ],
        "by_type": {"Battles": 1, "Explosions/Remote violence": 2},
        "by_admin1": {"Homs": 3},
    }


def test_acled_endpoint_takes_acled_parameters_and_returns_acled_columns(client) -> None:
    answer = client.get("/api/acled/read", params={
        "country": "Syria", "event_date": "2015-10-08|2015-10-31", "event_date_where": "BETWEEN",
        "event_type": "Battles", "fields": "event_id_cnty|event_date|country|admin1|actor1|fatalities",
        "limit": 10, "page": 1,
    }).json()
    assert answer == {"status": 200, "success": True, "count": 1, "messages": [], "data": [
        {"event_id_cnty": "e2", "event_date": "2015-10-08", "country": "Syria", "admin1": "Homs",
         "actor1": "Military Forces of Syria", "fatalities": None}]}
    assert client.get("/api/acled/read", params={"country": "Narnia"}).json() == {
        "detail": "unknown country 'Narnia'; give its English name as ACLED does (e.g. Syria, Mali)"}
    assert client.get("/api/acled/read", params={"fields": "event_date|colour"}).json() == {
        "detail": "unknown ACLED fields ['colour']; separate ACLED column names with '|'"}


def test_write_endpoints_need_a_token(client, auth) -> None:
    for path, body in (("/api/events/e1/accept", {}), ("/api/events/e1/reject", {"note": "x"}),
                       ("/api/merge", {"event_ids": ["e1", "e3"], "note": "x"}),
                       ("/api/dispatches", {"id": "n1", "text": "Texte."})):
        for headers in ({}, {"Authorization": "Bearer wrong"}):
            answer = client.post(path, json=body, headers=headers)
            assert (answer.status_code, answer.json()["detail"][:22]) == (401, "a valid token is neede")
    assert client.get("/api/events/e1").json()["event"]["review_status"] == "machine"


def test_review_actions_through_the_api(client, auth) -> None:
    assert client.post("/api/merge", json={"event_ids": ["e1", "e3"], "note": "same strike"},
                       headers=auth).json() == {"version": 1}
    assert client.post("/api/events/e2/split", json={"changes": {"fatalities": 1}, "note": "two clashes"},
                       headers=auth).json() == {"event_id": "e2-split1"}
    assert client.post("/api/events/e2/reject", json={"note": ""}, headers=auth).json() == {
        "detail": "rejecting an event needs a note saying why"}
    statuses = {e["event_id"]: e["review_status"] for e in client.get("/api/events").json()["events"]}
    assert statuses == {"e1": "merged", "e2": "split", "e2-split1": "split", "e3": "duplicate"}
    assert _ids(client.get("/api/events", params={"review_status": "duplicate"}).json()) == ["e3"]


def test_post_dispatch_ingests_with_the_pipeline(client, auth) -> None:
    answer = client.post("/api/dispatches", json={"id": "n1", "text": "Nouvelle dépêche.", "published": "2016-01-02"},
                         headers=auth)
    assert answer.json() == {"dispatch_id": "n1", "outcome": "new", "events_new": ["x-n1"], "events_merged": []}
    assert client.get("/api/dispatches/n1").json()["origin"] == "api:amina"
    assert client.post("/api/dispatches", json={"id": "n2"}, headers=auth).status_code == 400
    refused = client.post("/api/dispatches", json={"id": "=HYPERLINK(x)", "text": "Nouvelle dépêche."}, headers=auth)
    assert (refused.status_code, refused.json()) == (400, {"detail": (
        "the dispatch: id '=HYPERLINK(x)' is not usable: give at most 200 letters, digits and . _ : / -, "
        "starting with a letter or digit")})


def test_security_headers_and_no_cors(client) -> None:
    answer = client.get("/api/events", headers={"Origin": "http://evil.example"})
    assert answer.headers["content-security-policy"] == CSP
    assert "script-src 'self';" in CSP
    assert "access-control-allow-origin" not in answer.headers
    preflight = client.options("/api/events", headers={"Origin": "http://evil.example",
                                                       "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers


def test_openapi_and_docs_are_served(client) -> None:
    paths = sorted(client.get("/openapi.json").json()["paths"])
    assert paths == ["/api/acled/read", "/api/dispatches", "/api/dispatches/{dispatch_id}", "/api/events",
                     "/api/events/{event_id}", "/api/events/{event_id}/accept", "/api/events/{event_id}/edit",
                     "/api/events/{event_id}/reject", "/api/events/{event_id}/split", "/api/merge",
                     "/api/places", "/api/stats"]
    assert client.get("/docs").status_code == 200


def test_dashboard_and_its_local_assets_are_served(client) -> None:
    from fracas.serve.assets import VENDOR_FILES, missing_assets

    page = client.get("/").text
    scripts = [line.strip() for line in page.splitlines() if "<script" in line]
    assert scripts == ['<script src="/vendor/leaflet.js"></script>', '<script src="/vendor/markercluster.js"></script>',
                       '<script src="/vendor/topojson-client.js"></script>', '<script src="/vendor/chart.js"></script>',
                       '<script src="/static/app.js"></script>']
    assert missing_assets() == [], "run scripts/install-dashboard-assets (./setup does)"
    assert [client.get(f"/vendor/{name}").status_code for name in VENDOR_FILES] == [200] * len(VENDOR_FILES)
    assert client.get("/vendor/leaflet/package.json").status_code == 404
    assert client.get("/vendor/nothing.js").json() == {
        "detail": "/vendor/nothing.js is not installed; run scripts/install-dashboard-assets"}
