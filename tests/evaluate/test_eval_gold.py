from __future__ import annotations

import datetime as dt

import pytest

from fracas.errors import GoldFileError
from fracas.evaluate.gold import GoldDispatch, GoldEvent, GoldPlace, read_gold
from fracas.model import Dispatch, PublicationDate

TEXT = "Des frappes russes ont tué trois civils mercredi à Hama, selon l'OSDH."


def test_reads_a_dispatch_with_its_events(write_gold, gold):
    path = write_gold(
        {
            "id": "dev-001",
            "published": "2015-10-07",
            "outlet": "AFP",
            "text": TEXT,
            "context_tolls": [240000],
            "events": [gold(actor1="Military Forces of Russia", civilian_fatalities=3)],
        },
        "",
        {"id": "dev-002", "text": "Le ministre a démenti.", "events": []},
    )
    assert read_gold(path) == (
        GoldDispatch(
            id="dev-001",
            text=TEXT,
            published=PublicationDate(dt.date(2015, 10, 7), "day"),
            outlet="AFP",
            url=None,
            context_tolls=(240000,),
            origin=f"{path}:1",
            events=(
                GoldEvent(
                    event_type="Explosions/Remote violence",
                    location=GoldPlace("Hama", "Hama", "SY", 35.13, 36.75, "admin1"),
                    asserted=frozenset(
                        {
                            "event_type",
                            "sub_event_type",
                            "actor1",
                            "actor2",
                            "location",
                            "event_date",
                            "fatalities",
                            "sources",
                            "civilian_fatalities",
                            "location.name",
                            "location.admin1",
                            "location.country",
                            "location.precision",
                            "location.lat",
                            "location.lon",
                        }
                    ),
                    sub_event_type="Air/drone strike",
                    actor1="Military Forces of Russia",
                    actor2=None,
                    event_date="2015-10-07",
                    fatalities=3,
                    civilian_fatalities=3,
                    source_kinds=frozenset({"ngo"}),
                ),
            ),
        ),
        GoldDispatch(
            id="dev-002",
            text="Le ministre a démenti.",
            published=None,
            outlet=None,
            url=None,
            context_tolls=(),
            events=(),
            origin=f"{path}:3",
        ),
    )


def test_event_type_is_derived_from_sub_event_type(write_gold):
    path = write_gold(
        {
            "id": "a",
            "text": TEXT,
            "events": [{"sub_event_type": "Armed clash", "location": {"admin1": "Idleb", "country": "SY"}}],
        }
    )
    (dispatch,) = read_gold(path)
    assert dispatch.events[0].event_type == "Battles"
    assert dispatch.events[0].asserted == frozenset(
        {"sub_event_type", "location", "location.admin1", "location.country"}
    )


def test_gold_dispatch_becomes_a_dispatch_with_its_id_and_date(write_gold):
    path = write_gold({"id": "x-9", "published": "2015-10", "outlet": "AFP", "text": TEXT, "events": []})
    assert read_gold(path)[0].to_dispatch() == Dispatch(
        id="x-9",
        text=TEXT,
        published=PublicationDate(dt.date(2015, 10, 1), "month"),
        outlet="AFP",
        origin=f"{path}:1",
    )


def test_a_line_without_id_gets_the_content_id(write_gold):
    path = write_gold({"text": TEXT, "events": []})
    assert read_gold(path)[0].id == Dispatch.make_id(TEXT)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "text": ', "not valid JSON (Expecting value at column 21)"),
        ('["a"]', "a gold line must be a JSON object, not list"),
        ({"id": "a", "events": []}, 'missing or empty "text"; every gold line needs the dispatch text'),
        (
            {"id": "a", "text": TEXT},
            'missing "events" list; write "events": [] when nothing in the dispatch is an event',
        ),
        (
            {"id": "a", "text": TEXT, "published": "7 octobre", "events": []},
            "publication date '7 octobre' is not YYYY, YYYY-MM or YYYY-MM-DD; give it as e.g. 2015-10-07",
        ),
        (
            {"id": "a", "text": TEXT, "context_tolls": ["240 000"], "events": []},
            '"context_tolls" must be a list of non-negative integers',
        ),
        (
            {"id": "a", "text": TEXT, "event": []},
            "unknown dispatch key(s) event; allowed: context_tolls, events, id, outlet, published, text, url",
        ),
        (
            {
                "id": "a",
                "text": TEXT,
                "events": [{"sub_event_type": "Airstrike", "location": {"admin1": "Hama"}}],
            },
            "event 1: unknown sub_event_type 'Airstrike'; use one of: ",
        ),
        (
            {
                "id": "a",
                "text": TEXT,
                "events": [
                    {
                        "event_type": "Battles",
                        "sub_event_type": "Air/drone strike",
                        "location": {"admin1": "Hama"},
                    }
                ],
            },
            "event 1: sub_event_type 'Air/drone strike' belongs to 'Explosions/Remote violence', "
            "not to event_type 'Battles'",
        ),
        (
            {"id": "a", "text": TEXT, "events": [{"event_type": "Battles"}]},
            'event 1: missing "location" object (events are matched on their place); ',
        ),
        (
            {
                "id": "a",
                "text": TEXT,
                "events": [{"event_type": "Battles", "location": {"admin1": "Hama"}, "fatalites": 3}],
            },
            "event 1: unknown event key(s) fatalites; allowed: ",
        ),
        (
            {
                "id": "a",
                "text": TEXT,
                "events": [{"event_type": "Battles", "location": {"admin1": "Hama"}, "fatalities": "3"}],
            },
            "event 1: fatalities must be a non-negative integer or null, not '3'",
        ),
        (
            {
                "id": "a",
                "text": TEXT,
                "events": [
                    {"event_type": "Battles", "location": {"admin1": "Hama"}, "event_date": "07/10/2015"}
                ],
            },
            "event 1: event_date must be \"YYYY-MM-DD\", not '07/10/2015'",
        ),
        (
            {
                "id": "a",
                "text": TEXT,
                "events": [{"event_type": "Battles", "location": {"admin1": "Hama", "country": "Syria"}}],
            },
            "event 1: location.country 'Syria' must be an ISO 3166-1 alpha-2 code like \"SY\"",
        ),
        (
            {
                "id": "a",
                "text": TEXT,
                "events": [
                    {"event_type": "Battles", "location": {"admin1": "Hama"}, "sources": [{"kind": "osdh"}]}
                ],
            },
            "event 1: every source needs a kind among: ngo, un_agency, government, state_media, armed_group, "
            "media, witness, local_official, unknown; got {'kind': 'osdh'}",
        ),
        (
            {
                "id": "a",
                "text": TEXT,
                "context_tolls": [3],
                "events": [{"event_type": "Battles", "location": {"admin1": "Hama"}, "fatalities": 3}],
            },
            "event 1 has fatalities=3, which is also listed in context_tolls; "
            "a figure is either context or an event's toll, not both",
        ),
    ],
)
def test_bad_lines_name_the_file_and_line(write_gold, line, message):
    path = write_gold({"id": "ok", "text": TEXT, "events": []}, line)
    with pytest.raises(GoldFileError) as err:
        read_gold(path)
    assert str(err.value).startswith(f"{path}:2: {message}")


def test_duplicate_ids_are_an_error(write_gold):
    path = write_gold({"id": "a", "text": TEXT, "events": []}, {"id": "a", "text": "Autre.", "events": []})
    with pytest.raises(GoldFileError) as err:
        read_gold(path)
    assert str(err.value) == f"{path}:2: dispatch id 'a' already used on line 1; ids must be unique"


def test_missing_and_empty_files_are_errors(tmp_path, write_gold):
    with pytest.raises(GoldFileError) as err:
        read_gold(tmp_path / "nope.jsonl")
    assert (
        str(err.value)
        == f"{tmp_path / 'nope.jsonl'}: no such gold file; give the path of a JSON Lines gold file"
    )
    path = write_gold("", "  ")
    with pytest.raises(GoldFileError) as err:
        read_gold(path)
    assert str(err.value) == f"{path}: the gold file holds no dispatch; write one JSON object per line"
