"""ACLED's toll rules on text shaped like real wire copy: the same victims, rival and updated figures,
bodies found, and tolls of a whole country. Texts are our own."""

from __future__ import annotations

import pytest

import fracas

from fracas.extract.assemble import Toll, _add_casualty
from fracas.extract.casualties import CasualtyMention as C
from fracas.extract.casualties import find_casualties


def toll_of(text: str) -> Toll:
    toll = Toll()
    for casualty in find_casualties(text):
        if not casualty.context:
            _add_casualty(toll, casualty, casualty.start, casualty.end)
    return toll


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # One state's forces, whatever the words: 3, not 9.
        (("Au moins trois soldats ont été tués lors de l'attaque du camp. « Trois de nos hommes sont tombés », "
          "a dit un officier, et un élu a confirmé que trois militaires ont été tués."), (3, 3, None)),
        # The same fighters in lead, detail and monitor's words: 2, not 8.
        (("Le drone a frappé la base, faisant deux morts parmi les combattants kurdes. Selon leur porte-parole, "
          "deux combattants des FDS ont péri. L'ONG a confirmé la mort de deux combattants."), (2, 2, 2)),
        # Two armed sides add up.
        ("Quinze jihadistes ont été tués. Deux combattants de la milice ont été tués et cinq blessés.",
         (17, 17, 17)),
        # "autres" are beyond the victims named before.
        ("Deux soldats ont été tués dans l'embuscade. Trois autres ont été tués le soir.", (5, 5, 5)),
    ],
)
def test_the_same_victims_named_again_are_not_added_up(text: str, fatalities: tuple[int, int, int | None]) -> None:
    assert toll_of(text).fatalities() == fatalities


def test_two_figures_for_the_same_victims_keep_the_most_conservative() -> None:
    toll = toll_of("L'attaque a fait 15 morts, selon des habitants. L'administrateur du territoire a avancé un "
                   "bilan approximatif de 14 morts.")
    assert toll.fatalities() == (14, 14, 14)


def test_a_rival_source_may_only_lower_the_toll() -> None:
    lower = toll_of("Douze civils ont été tués par les frappes, selon un élu. Mais un porte-parole des rebelles a "
                    "fait état de vingt morts.")
    higher = toll_of("Vingt civils ont été tués par les frappes, selon les rebelles. Le gouverneur, pour sa part, "
                     "annonce que huit civils ont été tués.")
    assert (lower.fatalities(), lower.civilians, higher.fatalities(), higher.civilians) == (
        (12, 12, 12), {"civilians": 12}, (8, 8, 8), {"": 8})


def test_an_updated_toll_replaces_the_earlier_figures() -> None:
    updated = toll_of("Trois personnes ont été tuées dans l'attaque du village. Selon un nouveau bilan, sept "
                      "personnes ont été tuées.")
    assert updated.fatalities() == (7, 7, 7)
    assert find_casualties("Le bilan est passé de cinq à onze morts.") == [
        C(19, 39, "killed", 11, 11, 11, None, "", False, None, claim="update"),
    ]
    assert find_casualties("Les attaques ont fait un lourd bilan, passant de 3 à 37 personnes tuées.") == [
        C(46, 71, "killed", 37, 37, 37, None, "personnes", False, None, claim="update"),
    ]


def test_bodies_found_are_the_dead() -> None:
    assert find_casualties("22 corps ont été découverts dans le village.") == [
        C(0, 8, "killed", 22, 22, 22, None, "", False, None),
    ]
    assert find_casualties("On a ramassé les corps d'au moins 11 personnes.") == [
        C(13, 46, "killed", 11, 11, None, None, "personnes", False, None),
    ]
    assert find_casualties("Douze personnes ont été confirmées mortes.") == [
        C(0, 41, "killed", 12, 12, 12, None, "personnes", False, None),
    ]


def test_victims_of_an_abduction_are_not_dead() -> None:
    assert find_casualties("Parmi les neuf victimes de l'enlèvement figurait un enseignant.") == []


def test_a_successful_infinitive_is_a_toll() -> None:
    assert find_casualties("Les soldats ont réussi à neutraliser 14 assaillants et à blesser quatre autres.") == [
        C(16, 51, "killed", 14, 14, 14, False, "assaillants", False, 0),
        C(55, 78, "wounded", 4, 4, 4, False, "assaillants", False, 0),
    ]
    assert find_casualties("Les rebelles ont menacé de tuer dix otages.") == []


def test_victims_named_after_a_bare_toll() -> None:
    assert find_casualties("L'attaque a fait 37 morts (tous civils), selon le gouvernement.") == [
        C(17, 25, "killed", 37, 37, 37, True, "civils", False, 37),
    ]
    assert find_casualties("Le bilan est de cinq morts, tous des gendarmes.") == [
        C(16, 26, "killed", 5, 5, 5, False, "gendarmes", False, 0),
    ]


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Les rassemblements ont entraîné des accidents faisant un mort dans toute la France.", True),
        ("Au total, 36 personnes ont été tuées à travers le pays.", True),
        ("En l'espace d'une semaine, environ dix soldats ont été tués dans des embuscades.", True),
        ("Au moins 25 civils ont été tués lors de deux attaques menées mercredi.", True),
        ("Ce qui porte le total à 13 décès avec les combattants neutralisés.", True),
        ("Le conflit a fait 500 morts.", True),
        ("On compte 500 morts dans la guerre.", True),
        # A war named after the toll, as the setting of the act, is no war's toll.
        ("Mardi, au moins douze civils ont été tués par des drones à Kidal, où l'armée et la rébellion "
         "s'affrontent.", False),
        # Several villages with no toll of each: one event keeps the sum.
        ("Des miliciens ont tué mardi 26 civils dans deux villages près de Paoua.", False),
    ],
)
def test_tolls_of_a_country_a_week_or_several_acts_are_context(text: str, context: bool) -> None:
    assert [c.context for c in find_casualties(text) if c.outcome == "killed"] == [context]


def test_arracher_la_vie_is_a_toll() -> None:
    assert find_casualties("Une attaque a arraché la vie à sept soldats.") == [
        C(12, 43, "killed", 7, 7, 7, False, "soldats", False, 0),
    ]


def summary(event: fracas.Event) -> tuple[object, ...]:
    return (event.sub_event_type, event.location.name, event.fatalities, event.civilian_fatalities)


@pytest.mark.model
def test_a_headline_restates_the_body_and_another_storys_headline_gives_no_toll() -> None:
    # Paragraphs are blank-line separated (a single line break is a space inside a paragraph).
    text = ("Cameroun : au moins cinq gendarmes et neuf civils tués dans le Nord-Ouest\n\n"
            "Des séparatistes ont attaqué mardi un poste de gendarmerie à Bamenda, tuant cinq gendarmes, "
            "selon un responsable local.\n\n"
            "À lire aussi\n\n"
            "Au moins 22 personnes tuées dans une attaque dans le centre du Nigeria\n\n"
            "Le gouverneur a appelé au calme.")
    events = fracas.extract(text, published="2022-06-08")
    assert [summary(e) for e in events] == [("Armed clash", "Bamenda", 5, None)]


@pytest.mark.model
def test_a_period_clause_leaves_the_acts_toll_of_its_sentence() -> None:
    # One long sentence (the way some pages come): the period clause after the semicolon is context, the
    # ambush's two dead are its toll.
    text = ("Deux soldats ont été tués lundi dans une embuscade près de Mandouri, dans la région des Savanes, au "
            "Togo ; la région est sous état d'urgence depuis la mi-juin.")
    events = fracas.extract(text, published="2022-07-20")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 2)]


@pytest.mark.model
def test_an_act_of_an_earlier_month_lends_no_toll_to_the_news() -> None:
    text = ("Des jihadistes ont attaqué mercredi le camp militaire de Toumour, dans la région de Diffa, au Niger, "
            "tuant cinq soldats. Début juin 2016, une attaque du groupe avait causé la mort de 26 soldats à Bosso.")
    events = fracas.extract(text, published="2018-01")
    assert [(e.sub_event_type, e.fatalities) for e in events if e.event_date >= "2018"] == [("Armed clash", 5)]


def test_fallen_soldiers_are_dead_unless_they_fell_into_something() -> None:
    assert [(c.best, c.who) for c in find_casualties(
        "Sept soldats sont tombés, ce mardi, dans le parc. L'armée déplore la perte de deux militaires.")] == [
        (7, "soldats"), (2, "militaires")]
    assert find_casualties("Les sept soldats sont tombés dans une embuscade.") == []


@pytest.mark.model
def test_the_attackers_dead_told_after_an_attack_on_civilians_are_not_its_toll() -> None:
    text = ("Des hommes armés ont attaqué dimanche le village de Mandouri, dans la région des Savanes, au Togo, "
            "tuant douze villageois. Selon des sources locales, une dizaine de terroristes ont été tués le "
            "lendemain au cours d'un ratissage.")
    events = fracas.extract(text, published="2023-02-13")
    assert [(e.sub_event_type, e.fatalities, e.civilian_fatalities) for e in events] == [("Attack", 12, 12)]


def test_deaths_in_an_accident_are_no_acts_toll() -> None:
    text = ("Sept soldats ont été tués jeudi lors d'une attaque terroriste, et cinq autres sont morts dans un "
            "accident de la circulation en rejoignant la zone.")
    assert toll_of(text).fatalities() == (7, 7, 7)


def test_another_witness_figure_is_a_rival_that_may_only_lower_the_toll() -> None:
    text = "Au moins douze civils ont été tués jeudi. Selon un autre habitant, le bilan s'élève à « 14 morts »."
    assert toll_of(text).fatalities() == (12, 12, None)


def test_rival_sources_set_apart_by_a_stressed_pronoun_or_a_long_name_may_only_lower_the_toll() -> None:
    stressed = toll_of("Le groupe a revendiqué la mort de quatre soldats, tandis qu'un officier interrogé évoque, lui, "
                       "une trentaine d'assaillants tués.")
    long_name = toll_of("Neuf civils ont été tués par les frappes, selon un élu. Mais, un porte-parole de la "
                        "coalition des mouvements armés pour la défense et la paix du Nord et du Centre a fait état "
                        "de quinze morts.")
    assert (stressed.fatalities(), long_name.fatalities()) == ((4, 4, 4), (9, 9, 9))


def test_a_state_force_named_by_its_members_is_the_same_victims_as_its_soldiers() -> None:
    text = ("Huit soldats ont été tués dans une embuscade. Le ministère précise que huit éléments de la garde "
            "nationale ont perdu la vie.")
    assert toll_of(text).fatalities() == (8, 8, 8)


@pytest.mark.model
def test_a_leads_toll_told_before_its_act_is_the_first_later_acts() -> None:
    text = ("Le bilan des violences dans le village de Koumra s'est alourdi. Selon le préfet, 23 personnes ont "
            "été tuées. Les tensions opposaient depuis des mois des pêcheurs et des cultivateurs de la région. "
            "Des miliciens armés de machettes ont attaqué le village mardi.")
    assert [(e.sub_event_type, e.fatalities) for e in fracas.extract(text, published="2024-03-14")] == [
        ("Attack", 23)]
