from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pandas as pd
import pytest
from rich.console import Console
from sample_records import CIVILIANS, GUNMEN, MILITIA, OSDH, RUSSIA, TALBISSEH, WITNESS

from fracas.errors import UsageError
from fracas.export import (
    ACLED_COLUMNS,
    COLUMNS,
    EXTRA_COLUMNS,
    acled_row,
    export,
    write_acled_csv,
    write_geojson,
    write_json,
    write_jsonl,
    write_parquet,
    write_table,
)
from fracas.model import Actor, Event, Evidence, Place

STRIKE = Event(
    event_id="ev-1",
    event_date="2015-10-07",
    date_precision="day",
    event_type="Explosions/Remote violence",
    sub_event_type="Air/drone strike",
    actor1=RUSSIA,
    actor2=CIVILIANS,
    assoc_actors=(MILITIA,),
    location=TALBISSEH,
    fatalities=12,
    fatalities_low=10,
    fatalities_high=15,
    civilian_fatalities=3,
    wounded=None,
    sources=(OSDH, WITNESS),
    confidence="fair",
    notes="On 7 October 2015, Russian aircraft struck Talbisseh (Homs), killing 12.",
    evidence=(Evidence("event_type", "d-1", 20, 27), Evidence("fatalities", "d-2", 40, 49)),
    dispatch_ids=("d-1", "d-2"),
)
ATTACK = Event(
    event_id="ev-2",
    event_date="2016-01-01",
    date_precision="month",
    event_type="Violence against civilians",
    sub_event_type="Attack",
    actor1=GUNMEN,
    actor2=None,
    location=Place("Mopti", "Mopti", None, "ML", None, None, None, "admin1", "région de Mopti"),
    fatalities=None,
    sources=(),
    confidence="weak",
    evidence=(),
    dispatch_ids=("d-3",),
)
EVENTS = [STRIKE, ATTACK]


@pytest.fixture(scope="module")
def event_schema() -> dict[str, Any]:
    """The contract schema, from the shared checkout beside the repository (../shared)."""
    repo_root = Path(__file__).resolve().parents[2]
    path = repo_root.parent / "shared" / "schema" / "event.schema.json"
    if not path.is_file():
        pytest.skip(
            f"SKIPPED LOUDLY: the contract schema {path} is absent; check out ../shared beside the repo"
        )
    return json.loads(path.read_text(encoding="utf-8"))


def test_jsonl_records_are_the_contract(event_schema: dict[str, Any]) -> None:
    out = io.StringIO()
    assert write_jsonl(EVENTS, out) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    for record in records:
        jsonschema.validate(record, event_schema)
    assert records == [STRIKE.to_dict(), ATTACK.to_dict()]
    assert [Event.from_dict(r) for r in records] == EVENTS


def test_json_array_and_binary_streams() -> None:
    out = io.BytesIO()
    assert write_json(EVENTS, out) == 2
    assert json.loads(out.getvalue().decode("utf-8")) == [STRIKE.to_dict(), ATTACK.to_dict()]
    empty = io.StringIO()
    assert (write_json([], empty), json.loads(empty.getvalue())) == (0, [])


def test_acled_csv_reads_back_in_pandas(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert write_acled_csv(EVENTS, path) == 2
    frame = pd.read_csv(path, keep_default_na=False, dtype=str)
    assert tuple(frame.columns) == ACLED_COLUMNS + EXTRA_COLUMNS
    assert frame.to_dict(orient="records") == [
        {
            "event_id_cnty": "ev-1", "event_date": "2015-10-07", "year": "2015", "time_precision": "1",
            "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Russia",
            "assoc_actor_1": "National Defence Forces", "inter1": "1", "actor2": "Civilians",
            "assoc_actor_2": "", "inter2": "7", "interaction": "17",
            "civilian_targeting": "Civilian targeting", "iso": "760", "region": "Middle East",
            "country": "Syria", "admin1": "Homs", "admin2": "", "admin3": "", "location": "Talbisseh",
            "latitude": "34.8413", "longitude": "36.7308", "geo_precision": "1",
            "source": "Syrian Observatory for Human Rights; Witnesses", "source_scale": "",
            "notes": "On 7 October 2015, Russian aircraft struck Talbisseh (Homs), killing 12.",
            "fatalities": "12", "tags": "", "timestamp": "",
            "date_precision": "day", "fatalities_low": "10", "fatalities_high": "15",
            "civilian_fatalities": "3", "wounded": "", "confidence": "fair", "location_precision": "place",
            "country_code": "SY", "geonames_id": "163090", "dispatch_ids": "d-1; d-2",
            "sources_json": json.dumps(STRIKE.to_dict()["sources"], ensure_ascii=False),
            "evidence_json": json.dumps(STRIKE.to_dict()["evidence"]),
        },
        {
            "event_id_cnty": "ev-2", "event_date": "2016-01-01", "year": "2016", "time_precision": "3",
            "disorder_type": "Political violence", "event_type": "Violence against civilians",
            "sub_event_type": "Attack", "actor1": "Unidentified Armed Group", "assoc_actor_1": "",
            "inter1": "3", "actor2": "", "assoc_actor_2": "", "inter2": "0", "interaction": "30",
            "civilian_targeting": "", "iso": "466", "region": "Western Africa", "country": "Mali",
            "admin1": "Mopti", "admin2": "", "admin3": "", "location": "Mopti", "latitude": "",
            "longitude": "", "geo_precision": "3", "source": "", "source_scale": "", "notes": "",
            "fatalities": "", "tags": "", "timestamp": "",
            "date_precision": "month", "fatalities_low": "", "fatalities_high": "",
            "civilian_fatalities": "", "wounded": "", "confidence": "weak", "location_precision": "admin1",
            "country_code": "ML", "geonames_id": "", "dispatch_ids": "d-3", "sources_json": "[]",
            "evidence_json": "[]",
        },
    ]
    # With pandas' default parsing, an unknown toll is missing (NaN), not zero.
    typed = pd.read_csv(path)
    assert typed["fatalities"].isna().tolist() == [False, True]
    assert typed.loc[0, "fatalities"] == 12


def test_csv_cells_never_start_a_formula_nor_split_a_row(tmp_path: Path) -> None:
    hostile = replace(
        ATTACK, event_id="=1+1", dispatch_ids=("=cmd|' /C calc'!A0", "d-4"), notes="line one\rline two\r\nthree",
        location=replace(ATTACK.location, name="@SUM(A1)", admin1="\tTab", admin2="-2+3"),
        actor1=replace(GUNMEN, name="+danger"),
    )
    path = tmp_path / "events.csv"
    assert write_acled_csv([hostile], path) == 1
    assert len(path.read_bytes().splitlines()) == 2  # the header and one row, whatever the line reader
    with path.open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert {key: row[key] for key in ("event_id_cnty", "dispatch_ids", "notes", "location", "admin1", "admin2",
                                      "actor1", "latitude", "fatalities")} == {
        "event_id_cnty": "'=1+1", "dispatch_ids": "'=cmd|' /C calc'!A0; d-4", "notes": "line one line two three",
        "location": "'@SUM(A1)", "admin1": "'\tTab", "admin2": "'-2+3", "actor1": "'+danger", "latitude": "",
        "fatalities": "",
    }
    negative = replace(STRIKE, location=replace(TALBISSEH, lat=-12.5, lon=-3.25))
    assert {key: acled_csv_row(negative)[key] for key in ("latitude", "longitude")} == {"latitude": "-12.5",
                                                                                        "longitude": "-3.25"}


def acled_csv_row(event: Event) -> dict[str, str]:
    out = io.StringIO()
    write_acled_csv([event], out)
    return pd.read_csv(io.StringIO(out.getvalue()), keep_default_na=False, dtype=str).to_dict(orient="records")[0]


def test_parquet_reads_back_in_pandas(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(EVENTS, path) == 2
    frame = pd.read_parquet(path, dtype_backend="numpy_nullable")
    assert tuple(frame.columns) == COLUMNS
    picked = ["event_id_cnty", "fatalities", "fatalities_low", "iso", "latitude", "dispatch_ids"]
    assert frame.loc[0, picked].tolist() == [
        "ev-1", 12, 10, 760, 34.8413, "d-1; d-2",
    ]
    assert (frame.loc[1, "event_id_cnty"], frame["fatalities"].isna().tolist()) == ("ev-2", [False, True])
    assert str(frame["fatalities"].dtype) == "Int64"
    csv_out = io.StringIO()
    write_acled_csv(EVENTS, csv_out)
    # The same table as the CSV, once both are read with pandas' defaults.
    from_csv = pd.read_csv(io.StringIO(csv_out.getvalue()))
    from_parquet = pd.read_parquet(path)
    assert from_parquet["interaction"].tolist() == from_csv["interaction"].tolist() == [17, 30]
    assert from_parquet["source"].tolist()[0] == from_csv["source"].tolist()[0]


def test_empty_parquet_still_has_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert write_parquet([], path) == 0
    assert tuple(pd.read_parquet(path).columns) == COLUMNS


def test_geojson_feature_collection() -> None:
    out = io.StringIO()
    assert write_geojson(EVENTS, out) == 2
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    assert [f["type"] for f in collection["features"]] == ["Feature", "Feature"]
    assert [f["geometry"] for f in collection["features"]] == [
        {"type": "Point", "coordinates": [36.7308, 34.8413]},  # longitude first (RFC 7946)
        None,
    ]
    assert collection["features"][0]["properties"] == {
        "event_id": "ev-1", "event_date": "2015-10-07", "date_precision": "day",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Russia", "actor1_kind": "state_forces", "actor1_country": "RUS",
        "actor2": "Civilians", "actor2_kind": "civilians", "actor2_country": None,
        "assoc_actors": ["National Defence Forces"], "location": "Talbisseh", "admin1": "Homs",
        "admin2": None, "country": "SY", "geonames_id": 163090, "location_precision": "place",
        "fatalities": 12, "fatalities_low": 10, "fatalities_high": 15, "civilian_fatalities": 3,
        "wounded": None, "confidence": "fair",
        "sources": [
            {"name": "Syrian Observatory for Human Rights", "kind": "ngo"},
            {"name": "Witnesses", "kind": "witness"},
        ],
        "notes": STRIKE.notes, "dispatch_ids": ["d-1", "d-2"],
    }


def test_table_renders_the_columns() -> None:
    out = io.StringIO()
    assert write_table(EVENTS, out) == 2
    lines = out.getvalue().splitlines()
    header = next(line for line in lines if "date" in line)
    assert [title in header for title in ("date", "type / sub-type", "actor1", "actor2", "place",
                                          "admin1", "fatalities", "sources", "confidence")] == [True] * 9
    text = out.getvalue()
    assert ("12 (10-15)" in text, "2016-01-01 (month)" in text, "Talbisseh" in text) == (True, True, True)
    console = Console(file=io.StringIO(), width=200)
    assert export(EVENTS, "table", console) == 2


def test_export_dispatches_and_writes_paths_whole(tmp_path: Path) -> None:
    for fmt, name in (("jsonl", "a.jsonl"), ("json", "a.json"), ("csv", "a.csv"), ("acled-csv", "b.csv"),
                      ("geojson", "a.geojson"), ("parquet", "a.parquet"), ("table", "a.txt")):
        assert export(EVENTS, fmt, tmp_path / name) == 2  # type: ignore[arg-type]
    assert (tmp_path / "a.csv").read_text() == (tmp_path / "b.csv").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.csv", "a.geojson", "a.json", "a.jsonl", "a.parquet", "a.txt", "b.csv",
    ]


def test_a_failed_export_leaves_no_file(tmp_path: Path) -> None:
    def broken() -> Any:
        yield STRIKE
        raise RuntimeError("store went away")

    with pytest.raises(RuntimeError, match="store went away"):
        write_jsonl(broken(), tmp_path / "out.jsonl")
    assert list(tmp_path.iterdir()) == []


def test_bad_requests_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown export format 'xlsx'; use one of: jsonl, json"):
        export(EVENTS, "xlsx", tmp_path / "a.xlsx")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="this format is binary"):
        export(EVENTS, "parquet", io.StringIO())
    with pytest.raises(UsageError, match="does not exist; create it first"):
        export(EVENTS, "jsonl", tmp_path / "missing" / "a.jsonl")


def test_associated_actor_goes_with_the_side_of_its_country() -> None:
    rebels = Actor("Rebel Groups (Syria)", "rebel_group", None, "les rebelles")
    syria = Actor("Military Forces of Syria", "state_forces", "SYR", "l'armée")
    battle = STRIKE.evolve(event_type="Battles", sub_event_type="Armed clash", actor1=rebels, actor2=syria)
    row = acled_row(battle)
    assert {k: row[k] for k in ("assoc_actor_1", "assoc_actor_2", "interaction", "civilian_targeting")} == {
        "assoc_actor_1": None, "assoc_actor_2": "National Defence Forces", "interaction": 12,
        "civilian_targeting": None,
    }
