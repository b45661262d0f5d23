"""Which side struck first (ACLED's actor1) when the words put the side hit in front: the side that was
repelled or that fought back, two sides opposed in one phrase, victims named before their verb, and a
later telling that orders two sides first named together. Short dispatches written for each rule."""

import pytest

import fracas

pytestmark = pytest.mark.model


def sides(text, published):
    return [(e.sub_event_type, e.actor1.name, e.actor2.name if e.actor2 else None, e.event_date, e.location.name)
            for e in fracas.extract(text, published=published)]


def test_the_side_that_repelled_an_attack_was_struck_first():
    text = ("Des soldats burkinabè ont repoussé mardi une attaque contre leur poste de Djibo, tuant dix "
            "assaillants, a indiqué l'armée.")
    assert sides(text, "2021-08-18") == [
        ("Armed clash", "Unidentified Armed Group (Burkina Faso)", "Military Forces of Burkina Faso", "2021-08-17",
         "Djibo"),
    ]


def test_soldiers_who_fought_back_are_the_side_hit_though_they_killed():
    text = ("Trois soldats ont été tués samedi près de Kidal. Pris pour cible par des jihadistes, les militaires "
            "ont riposté, tuant cinq assaillants.")
    assert [s[1:3] for s in sides(text, "2021-09-05")] == [
        ("Unidentified Armed Group (Mali)", "Military Forces of Mali"),
    ]


def test_two_sides_an_affrontement_opposed_keep_the_reports_order():
    text = ("Un affrontement a opposé jeudi les rebelles du M23 et l'armée congolaise près de Rutshuru, dans le "
            "Nord-Kivu.")
    assert sides(text, "2022-06-10") == [
        ("Armed clash", "M23 - March 23 Movement", "Military Forces of the Democratic Republic of Congo",
         "2022-06-09", "Rutshuru"),
    ]


def test_a_later_telling_that_says_who_attacked_orders_sides_named_with_entre():
    text = ("De violents combats ont éclaté lundi entre les soldats nigériens et des jihadistes de l'EI près de "
            "Tillabéri. Les jihadistes ont attaqué un poste de l'armée à l'aube.")
    assert sides(text, "2021-03-09") == [
        ("Armed clash", "Islamic State (Sahel)", "Military Forces of Niger", "2021-03-08", "Tillaberi"),
    ]


def test_victims_named_before_a_comma_are_not_the_perpetrator():
    text = ("Douze personnes, dont trois policiers, ont été tuées mercredi dans une attaque attribuée aux "
            "rebelles des ADF près de Beni.")
    assert [s[1] for s in sides(text, "2021-03-05")] == ["ADF - Allied Democratic Forces"]


def test_the_side_hit_is_not_made_the_perpetrator_by_its_spokesman():
    text = ("Un poste de l'armée malienne a été attaqué lundi près de Ménaka par des hommes armés. Un officier de "
            "l'armée a confirmé l'assaut, qui a ciblé une unité de la Garde nationale.")
    assert sides(text, "2021-03-09") == [
        ("Armed clash", "Unidentified Armed Group (Mali)", "Military Forces of Mali", "2021-03-08", "Menaka"),
    ]


def test_a_lead_dated_only_by_the_publication_month_takes_the_day_the_body_gives():
    text = ("Un affrontement a opposé les rebelles de l'UPC et les soldats de l'armée près de Bambari. Ce jeudi "
            "2 septembre, les rebelles ont attaqué une patrouille de l'armée.")
    assert sides(text, "2021-09") == [
        ("Armed clash", "UPC - Unity for Peace in Central Africa", "Military Forces of the Central African Republic",
         "2021-09-02", "Bambari"),
    ]


def test_the_latest_of_consecutive_nights_is_the_night_before_publication():
    text = "Des heurts ont opposé des manifestants à la police pour la troisième nuit consécutive à Sfax."
    assert [s[3] for s in sides(text, "2021-02-10")] == ["2021-02-09"]


def test_an_air_strike_no_sentence_names_the_author_of_is_by_the_forces_the_dispatch_names():
    text = ("Des frappes aériennes ont tué dix personnes vendredi près de Macina, dans la région de Ségou, selon "
            "des habitants. L'armée malienne combat depuis des années les jihadistes du JNIM dans la région.")
    assert sides(text, "2026-02-22") == [
        ("Air/drone strike", "Military Forces of Mali", "Civilians (Mali)", "2026-02-20", "Macina"),
    ]


def test_the_forces_an_air_strike_hit_are_not_its_author():
    text = ("Des frappes aériennes ont blessé trois soldats libanais samedi à Aïta al-Chaab, a indiqué l'armée "
            "libanaise, qui accuse l'armée israélienne.")
    assert sides(text, "2024-06-09") == [
        ("Air/drone strike", "Military Forces of Israel", "Military Forces of Lebanon", "2024-06-08", "Aita al-Shaab"),
    ]


def test_a_shelling_that_only_kills_people_hit_civilians():
    text = "Des obus tirés par les RSF ont tué neuf personnes lundi à Omdurman, selon le ministère de la Santé."
    assert [s[1:3] for s in sides(text, "2024-12-10")] == [("Rapid Support Forces", "Civilians (Sudan)")]
