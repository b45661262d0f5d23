"""Who struck first and what was hit: assailants, military posts, gangs and bandits, on dispatches written for each rule."""

import pytest

import fracas
from fracas.resolve.actors import default_actor_dictionary
from fracas.model import Actor

pytestmark = pytest.mark.model


def roles(text, published):
    return [(e.sub_event_type, e.actor1.name, e.actor2.name if e.actor2 else None, e.location.name, e.fatalities)
            for e in fracas.extract(text, published=published)]


def test_the_assailants_killed_beside_the_soldiers_struck_first():
    text = ("Au moins douze soldats ont été tués mercredi près de Kandi, ainsi que plusieurs assaillants, selon "
            "les autorités béninoises.")
    assert roles(text, "2024-03-14") == [
        ("Armed clash", "Unidentified Armed Group (Benin)", "Military Forces of Benin", "Kandi", 12),
    ]


def test_a_suicide_bombing_on_a_military_post_hits_the_army_not_the_civilians_of_its_toll():
    text = ("Sept personnes, dont trois civils, ont été tuées jeudi dans un attentat suicide revendiqué par les "
            "shebab sur un poste militaire de Baidoa, a indiqué la police.")
    assert roles(text, "2023-05-12") == [
        ("Suicide bomb", "Al Shabaab", "Military Forces of Somalia", "Baidoa", 7),
    ]


def test_the_attack_of_a_military_camp_names_the_camp_hit_not_its_author():
    text = ("Cinq soldats maliens ont été tués dimanche dans l'attaque du camp militaire de Tessit, dans la région de Gao, par des "
            "jihadistes présumés.")
    assert roles(text, "2021-04-12") == [
        ("Armed clash", "Unidentified Armed Group (Mali)", "Military Forces of Mali", "Tessit", 5),
    ]


def test_an_unclaimed_attack_is_not_given_to_a_group_named_as_background():
    text = ("Neuf soldats nigériens ont été tués mardi dans une attaque près de Ouallam. L'attaque n'a toujours "
            "pas été revendiquée. La région abrite des groupes proches d'Ansar Dine.")
    assert [(e.actor1.name, e.actor2.name) for e in fracas.extract(text, published="2019-05-16")] == [
        ("Unidentified Armed Group (Niger)", "Military Forces of Niger"),
    ]


def test_terrorists_neutralised_in_quotes_were_hit_by_the_army():
    text = ("Une trentaine de terroristes ont été « neutralisés » jeudi par l'armée burkinabè près de Fada "
            "N'Gourma, selon l'agence d'information du Burkina.")
    assert [(e.actor1.name, e.actor2.name) for e in fracas.extract(text, published="2024-08-20")] == [
        ("Military Forces of Burkina Faso", "Unidentified Armed Group (Burkina Faso)"),
    ]


def test_bandits_of_a_gang_are_the_gang_and_bandits_abroad_are_not_nigerias():
    dictionary = default_actor_dictionary()
    bandits = dictionary.by_name("Bandits (Nigeria)").actor("bandits")
    assert dictionary.in_country(bandits, "NE", "NER", "Niger") == Actor(
        "Unidentified Armed Group (Niger)", "political_militia", "NER", "bandits")
    assert dictionary.in_country(bandits, "NG", "NGA", "Nigeria") == bandits
    text = "Mardi soir, les bandits du gang “Gran Grif” ont enlevé quatre habitants à Pont-Sondé, selon la police."
    assert [(e.actor1.name, e.actor2.name) for e in fracas.extract(text, published="2024-10-09")] == [
        ("Gran Grif", "Civilians (Haiti)"),
    ]
