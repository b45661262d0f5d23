"""Which day an act is dated by when its own sentence gives none, or gives only part of it."""

import pytest

import fracas

pytestmark = pytest.mark.model


def dates(text, published):
    return [(e.sub_event_type, e.location.name, e.event_date, e.date_precision)
            for e in fracas.extract(text, published=published)]


def test_a_night_another_telling_places_after_midnight_is_on_its_later_day():
    text = ("Douze soldats ont été tués pendant la nuit de lundi à mardi 14 mars dans l'attaque d'un poste "
            "militaire à Kpendjal, dans le nord du Togo. « Dans la nuit de lundi à mardi, vers 2 heures, des "
            "hommes armés ont attaqué le poste de Kpendjal », a indiqué l'armée.")
    assert [e[2:] for e in dates(text, "2023-03")] == [("2023-03-14", "day")]


def test_a_night_beside_its_later_day_named_in_full_began_the_day_before():
    text = ("Une nuit de violences à Ziguinchor.\n\nDans la nuit du mardi au mercredi, des manifestants ont "
            "incendié des voitures et pillé des boutiques à Ziguinchor. Ce mercredi 9 juin 2021, la ville reste "
            "sous tension.")
    assert [e[2] for e in dates(text, "2021-06-09")] == ["2021-06-08"]


def test_the_lead_undated_act_takes_the_start_of_the_episode_the_next_sentence_gives():
    text = ("Les assauts d'un gang contre un quartier de Port-au-Prince ont fait 20 morts, selon une "
            "organisation de défense des droits humains.\n\nDepuis lundi, des centaines d'habitants ont fui le "
            "quartier.")
    assert [e[2] for e in dates(text, "2023-05-17")] == ["2023-05-15"]


def test_an_announcement_day_gives_way_to_the_day_a_later_telling_gives_the_act():
    text = ("L'armée malienne a annoncé dimanche avoir mené des frappes aériennes près de Mopti, tuant une "
            "vingtaine de terroristes. L'armée multiplie les opérations dans le centre du pays pour reprendre le "
            "contrôle des axes. Les opérations interviennent après une surveillance menée le 5 mars. Une "
            "seconde frappe a touché des pirogues près de Mopti.")
    assert [e[2] for e in dates(text, "2024-03-11")] == ["2024-03-05"]


def test_the_day_before_one_act_does_not_date_the_next_sentences():
    text = ("Le ministre s'est rendu à Metoula, où un incendie fait rage après des tirs de roquettes la veille.\n\n"
            "Des tirs d'artillerie israéliens ont visé la périphérie de Khiam, selon des témoins.")
    assert ("Shelling/artillery/missile attack", "Khiam", "2024-06-04", "day") in dates(text, "2024-06-04")
