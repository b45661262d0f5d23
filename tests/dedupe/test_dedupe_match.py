from __future__ import annotations

from sample_records import (
    GUNMEN,
    HOMS_PROVINCE,
    REBELS,
    SYRIA,
    TALBISSEH,
    strike,
)

from fracas.dedupe import MergeDecision, explain, find_match
from fracas.model import Place

RASTAN = Place("Ar Rastan", "Homs", None, "SY", 34.8731, 36.7333, 172374, "place", "Rastan")
HOMS_CITY = Place("Homs", "Homs", None, "SY", 34.7268, 36.7234, 169577, "place", "Homs")
HAMA_PROVINCE = Place("Hama", "Hama", None, "SY", 35.2, 37.0, 170016, "admin1", "province de Hama")
HOMS_PROVINCE_2 = Place("Homs", "Homs", None, "SY", None, None, None, "admin1", "région de Homs")
SYRIA_COUNTRY = Place("Syria", None, None, "SY", 35.0, 38.0, 163843, "country", "en Syrie")




event = strike


def test_two_reports_of_one_strike_match_with_reasons() -> None:
    stored = event("e1", location=TALBISSEH, event_date="2015-10-06")
    incoming = event("e2", location=RASTAN, event_date="2015-10-07")
    assert find_match(incoming, [stored]) == MergeDecision(
        event_id="e1",
        reasons=(
            "same sub-event type (Air/drone strike)",
            "3.5 km apart (Talbisseh and Ar Rastan)",
            "dates 2015-10-06 and 2015-10-07 are one day apart",
            "same perpetrator (Military Forces of Russia)",
        ),
        distance_km=3.543,
    )


def test_explain_is_one_paragraph() -> None:
    decision = MergeDecision("e1", ("same sub-event type (Attack)", "same day (2015-10-07)"), None)
    assert explain(decision) == (
        "Merged into event e1 because the two reports share every test of a repeated report: "
        "same sub-event type (Attack); same day (2015-10-07)."
    )


def test_different_sub_type_does_not_match() -> None:
    stored = event("e1", sub_event_type="Shelling/artillery/missile attack")
    assert find_match(event("e2"), [stored]) is None


def test_each_test_must_hold() -> None:
    incoming = event("e2")
    assert [
        find_match(incoming, [candidate])
        for candidate in (
            event("e1", location=HOMS_CITY),  # about 13 km away
            event("e1", event_date="2015-10-05"),  # two days before
            event("e1", actor1=SYRIA),  # another named perpetrator
            event("e1", location=HOMS_PROVINCE),  # a province against a village
        )
    ] == [None, None, None, None]


def test_max_km_is_a_setting() -> None:
    decision = find_match(event("e2"), [event("e1", location=HOMS_CITY)], max_km=20.0)
    assert decision is not None and decision.reasons[1] == "12.7 km apart (Homs and Talbisseh)"


def test_same_geonames_id_and_same_admin1() -> None:
    by_id = find_match(event("e2", location=TALBISSEH), [event("e1", location=TALBISSEH)])
    by_admin1 = find_match(event("e2", location=HOMS_PROVINCE_2), [event("e1", location=HOMS_PROVINCE)])
    other_admin1 = find_match(event("e2", location=HAMA_PROVINCE), [event("e1", location=HOMS_PROVINCE)])
    assert (by_id, by_admin1, other_admin1) == (
        MergeDecision(
            "e1",
            (
                "same sub-event type (Air/drone strike)",
                "same place (Talbisseh, GeoNames 163090)",
                "same day (2015-10-07)",
                "same perpetrator (Military Forces of Russia)",
            ),
            0.0,
        ),
        MergeDecision(
            "e1",
            (
                "same sub-event type (Air/drone strike)",
                "same admin1 (Homs), both reports locating it only to the admin1",
                "same day (2015-10-07)",
                "same perpetrator (Military Forces of Russia)",
            ),
            None,
        ),
        None,
    )


def test_country_precision_only_matches_country_precision() -> None:
    country = event("e1", location=SYRIA_COUNTRY)
    assert find_match(event("e2", location=TALBISSEH), [country]) is None
    decision = find_match(event("e2", location=SYRIA_COUNTRY), [country])
    assert decision is not None
    assert decision.reasons[1] == "same country (SY), both reports locating it only to the country"


def test_month_precision_matches_inside_its_month() -> None:
    month = event("e1", event_date="2015-10-01", date_precision="month")
    inside = find_match(event("e2", event_date="2015-10-31"), [month])
    outside = find_match(event("e2", event_date="2015-11-01"), [month])
    assert inside is not None and outside is None
    assert inside.reasons[2] == (
        "dates 2015-10-01 (month precision) and 2015-10-31 (day precision) overlap"
    )


def test_generic_perpetrator_and_swapped_battle_sides() -> None:
    generic = find_match(event("e2", actor1=GUNMEN), [event("e1")])
    battle = dict(event_type="Battles", sub_event_type="Armed clash")
    swapped = find_match(
        event("e2", actor1=REBELS, actor2=SYRIA, **battle),
        [event("e1", actor1=SYRIA, actor2=REBELS, **battle)],
    )
    not_a_battle = find_match(
        event("e2", actor1=REBELS, actor2=SYRIA), [event("e1", actor1=SYRIA, actor2=REBELS)]
    )
    assert generic is not None and swapped is not None and not_a_battle is None
    assert generic.reasons[3] == (
        "perpetrator unidentified in one report (Unidentified Armed Group), "
        "named in the other (Military Forces of Russia)"
    )
    assert swapped.reasons[3] == (
        "same two sides named in opposite order (Military Forces of Syria and Rebel Groups (Syria))"
    )


def test_best_candidate_is_chosen_deterministically() -> None:
    incoming = event("e9", location=TALBISSEH)
    candidates = [
        event("e3", actor1=GUNMEN),  # generic perpetrator: weaker than a named one
        event("e2", location=RASTAN),  # same actor, 3.5 km
        event("e4", event_date="2015-10-06"),  # same place and actor, one day apart
        event("e1"),  # same place, day and actor
        event("e0"),  # as good as e1: the smaller id wins
    ]
    forward = find_match(incoming, candidates)
    backward = find_match(incoming, reversed(candidates))
    assert forward is not None and backward == forward and forward.event_id == "e0"
    chosen = [find_match(incoming, candidates[:n]) for n in (0, 1, 2, 3)]
    # Same actor beats generic; then the smaller date gap (e2, same day) beats the shorter distance (e4).
    assert [None if d is None else d.event_id for d in chosen] == [None, "e3", "e2", "e2"]


def test_a_country_qualified_unidentified_group_is_still_generic() -> None:
    from fracas.dedupe import is_generic
    from fracas.model import Actor

    assert [is_generic(Actor(name, "political_militia", None, None)) for name in
            ("Unidentified Armed Group (Mali)", "Unidentified Armed Group", "Bandits (Nigeria)")] == [True, True, False]
