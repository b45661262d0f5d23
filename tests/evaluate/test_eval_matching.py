from __future__ import annotations

import pytest

from fracas.evaluate.gold import GoldEvent, GoldPlace
from fracas.evaluate.matching import agreement, distance_km, fold, match, occurs_in
from fracas.model import Actor

ALL = frozenset(
    {"sub_event_type", "actor1", "actor2", "event_date", "fatalities", "location.admin1", "sources"}
)


def g(event_type="Explosions/Remote violence", place=None, **fields) -> GoldEvent:
    """A gold event asserting every field it is given (plus the defaults below)."""
    values = {
        "sub_event_type": "Air/drone strike",
        "actor1": "Military Forces of Russia",
        "actor2": None,
        "event_date": "2015-10-07",
        "fatalities": 3,
        "source_kinds": frozenset({"ngo"}),
        **fields,
    }
    return GoldEvent(
        event_type=event_type,
        location=place or GoldPlace("Hama", "Hama", "SY", 35.13, 36.75, "admin1"),
        asserted=ALL,
        **values,
    )


def test_fold_ignores_accents_case_and_punctuation():
    assert [fold("Deir-ez-Zor"), fold("deir ez zor"), fold("Ségou"), fold("Dar'a")] == [
        "deirezzor",
        "deirezzor",
        "segou",
        "dara",
    ]


def test_place_words_must_occur_as_whole_words():
    text = "Des frappes sur Maarat al-Noomane, près d'Alep."
    assert [
        occurs_in("Maarat al Noomane", text),
        occurs_in("alep", text),
        occurs_in("Ale", text),
        occurs_in("", text),
    ] == [True, True, False, False]


def test_distance_between_hama_and_homs():
    assert round(distance_km(35.13, 36.75, 34.73, 36.71)) == 45


def test_one_predicted_event_is_paired_with_the_gold_event_it_agrees_with_most(event):
    gold = [g(fatalities=12, event_date="2015-10-06"), g(fatalities=3)]
    assert match(gold, [event()]) == [(1, 0)]


def test_two_predicted_events_fill_two_gold_events(event):
    gold = [g(fatalities=12), g(fatalities=3)]
    predicted = [event("a", fatalities=3), event("b", fatalities=12)]
    assert match(gold, predicted) == [(0, 1), (1, 0)]


def test_more_pairs_beat_more_agreement(event, place):
    # x may pair with a (agreeing on 8 fields) or with b (2 fields); y only with a, by radius (2 fields).
    # Summing agreement alone would pick a-x (8 > 2 + 2); the assignment keeps two pairs instead.
    a = g(place=GoldPlace("Latamneh", "Hama", "SY", 35.32, 36.62, "place"))
    b = g(
        place=GoldPlace(None, "Hama", "SY", None, None, "admin1"),
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Syria",
        event_date="2015-10-01",
        fatalities=40,
        source_kinds=frozenset({"state_media"}),
    )
    x = event("x", location=place(lat=None, lon=None))
    y = event(
        "y",
        sub_event_type="Chemical weapon",
        actor1=Actor("Islamic State", "rebel_group", None, "EI"),
        event_date="2015-09-01",
        fatalities=99,
        sources=(),
        location=place(admin1=None, precision="place", lat=35.33, lon=36.61),
    )
    assert [agreement(a, x), agreement(a, y), agreement(b, x)] == [8, 2, 2]
    assert match([a], [x, y]) == [(0, 0)]
    assert match([a, b], [x, y]) == [(0, 1), (1, 0)]


def test_other_province_is_not_matched(event, place):
    idleb = event(location=place(name="Idleb", admin1="Idleb", lat=35.93, lon=36.63))
    assert match([g()], [idleb]) == []


def test_other_event_type_is_not_matched(event):
    clash = event(event_type="Battles", sub_event_type="Armed clash")
    assert match([g()], [clash]) == []


def test_admin1_names_are_folded(event, place):
    gold = [g(place=GoldPlace(None, "Deir-ez-Zor", "SY", None, None, "admin1"))]
    assert match(gold, [event(location=place(admin1="deir ez zor", lat=None, lon=None))]) == [(0, 0)]


def test_same_admin1_name_in_another_country_is_not_matched(event, place):
    gold = [g(place=GoldPlace(None, "Centre", "BF", None, None, "admin1"))]
    assert match(gold, [event(location=place(admin1="Centre", country="HT", lat=None, lon=None))]) == []


@pytest.mark.parametrize(("lat", "lon", "matched"), [(35.40, 36.60, True), (35.60, 36.60, False)])
def test_places_within_25_km_match_without_admin1(event, place, lat, lon, matched):
    # Latamneh (35.32, 36.62); 35.40 is ~9 km north, 35.60 ~31 km.
    gold = [g(place=GoldPlace("Latamneh", "Hama", "SY", 35.32, 36.62, "place"))]
    predicted = [event(location=place(name="X", admin1=None, precision="place", lat=lat, lon=lon))]
    assert match(gold, predicted) == ([(0, 0)] if matched else [])


def test_country_level_events_match_in_the_same_country(event, place):
    gold = [g(place=GoldPlace("Syria", None, "SY", None, None, "country"))]
    syria = place(name="Syria", admin1=None, lat=None, lon=None, precision="country", text="Syrie")
    iraq = place(name="Iraq", admin1=None, country="IQ", lat=None, lon=None, precision="country", text="Irak")
    assert match(gold, [event(location=iraq)]) == []
    assert match(gold, [event(location=iraq), event("s", location=syria)]) == [(0, 1)]


def test_country_level_gold_does_not_match_a_precise_prediction_by_country_alone(event):
    gold = [g(place=GoldPlace("Syria", None, "SY", None, None, "country"))]
    assert match(gold, [event()]) == []


def test_no_gold_or_no_prediction_gives_no_pair(event):
    assert (match([], [event()]), match([g()], [])) == ([], [])


def test_agreement_counts_asserted_fields_the_prediction_gets_right(event):
    # sub_event_type, actor1, actor2, location_admin1, event_date, fatalities, fatalities_20pct, sources_kind
    assert agreement(g(), event()) == 8
    assert agreement(g(), event(fatalities=4, event_date="2015-10-06")) == 5


def test_a_gold_name_without_country_qualifier_matches_the_qualified_prediction():
    from fracas.evaluate.matching import FIELDS

    actor2 = next(spec for spec in FIELDS if spec.name == "actor2")
    bare, qualified = g(actor2="Civilians"), g(actor2="Civilians (Syria)")

    def scored(gold, name):
        pred = type("P", (), {"actor2": Actor(name, "civilians", "SYR", None)})()
        return actor2.correct(gold, pred)

    assert [scored(bare, "Civilians (Syria)"), scored(bare, "Civilians"), scored(qualified, "Civilians (Syria)"),
            scored(qualified, "Civilians"), scored(qualified, "Civilians (Iraq)")] == [True, True, True, False, False]
