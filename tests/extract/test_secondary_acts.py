"""Words that report an act only when the dispatch reports no other: army communiqués' "neutralisés"."""

import pytest

import fracas

pytestmark = pytest.mark.model


def events(text, published):
    return [(e.sub_event_type, e.actor1.name, e.actor2.name if e.actor2 else None, e.location.name,
             e.location.country, e.fatalities, str(e.event_date))
            for e in fracas.extract(text, published=published)]


def test_fighters_an_army_says_it_neutralised_are_a_clash():
    text = ("L'armée burkinabè a annoncé mardi avoir neutralisé une trentaine de terroristes lundi près de "
            "Djibo, dans la province du Soum.")
    assert events(text, "2023-03-14") == [
        # The neutralised are fighters: the army clashed with an armed group, here unnamed.
        ("Armed clash", "Military Forces of Burkina Faso", "Unidentified Armed Group (Burkina Faso)", "Djibo", "BF", 30,
         "2023-03-13"),
    ]


def test_a_title_counting_neutralised_fighters_is_the_toll_of_the_attack_the_body_tells():
    text = ("Une dizaine de terroristes neutralisés près de Djibo\n"
            "Des hommes armés ont attaqué lundi un poste militaire à Djibo, dans la province du Soum. "
            "L'attaque a été repoussée, a indiqué l'armée.")
    assert events(text, "2023-03-14") == [
        # The military post attacked is the army's: it is the side hit.
        ("Armed clash", "Unidentified Armed Group (Burkina Faso)", "Military Forces of Burkina Faso", "Djibo", "BF", 10,
         "2023-03-13"),
    ]


def test_neutralising_a_shell_or_a_gas_leak_is_no_event():
    assert events("Les démineurs ont neutralisé mardi un vieil obus découvert sur un chantier de Lille.",
                  "2023-03-14") == []
    assert events("Les pompiers ont neutralisé une fuite de gaz dans un immeuble de Lyon.", "2023-03-14") == []
