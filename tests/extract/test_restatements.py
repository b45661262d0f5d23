"""Acts told again at a coarser level, trends that hold a dated act:
short dispatches written for each rule."""

import pytest

import fracas

pytestmark = pytest.mark.model


def events(text, published):
    return [(e.event_date, e.sub_event_type, e.actor1.name, e.actor2.name if e.actor2 else None, e.location.name,
             e.fatalities) for e in fracas.extract(text, published=published)]


BONI_CLASH = ("2024-03-12", "Armed clash", "Unidentified Armed Group (Mali)", "Military Forces of Mali", "Boni", 3)


def test_an_attack_restated_at_its_region_without_a_toll_is_the_village_act():
    text = ("Des jihadistes ont attaqué mardi un poste de l'armée malienne à Boni, tuant trois soldats. Dans la "
            "région de Mopti, des attaques ont aussi été perpétrées par les jihadistes.")
    assert events(text, "2024-03-14") == [BONI_CLASH]


def test_the_attack_named_again_at_its_region_is_the_village_act():
    text = ("Des jihadistes ont attaqué mardi un poste de l'armée malienne à Boni, tuant trois soldats, selon une "
            "source sécuritaire. L'attaque dans la région de Mopti n'a pas été revendiquée.")
    assert events(text, "2024-03-14") == [BONI_CLASH]


def test_an_attack_told_in_another_region_is_another_act():
    text = ("Des jihadistes ont attaqué mardi un poste de l'armée malienne à Boni, tuant trois soldats. Dans la "
            "région de Ségou, des attaques ont aussi été perpétrées par les jihadistes.")
    assert [(e[1], e[4]) for e in events(text, "2024-03-14")] == [("Armed clash", "Boni"), ("Attack", "Segou")]


def test_an_act_dated_to_the_day_after_a_trend_is_reported():
    text = ("Les attaques jihadistes se multiplient depuis quelques jours dans l'ouest du Niger, notamment une "
            "embuscade tendue aux soldats nigériens lundi 2 octobre près de Tillia.")
    assert events(text, "2023-10-05") == [
        ("2023-10-02", "Armed clash", "Unidentified Armed Group (Niger)", "Military Forces of Niger", "Tillia", None)]


def test_a_trend_with_no_day_of_its_own_is_background():
    text = ("Les attaques jihadistes se multiplient depuis quelques jours dans l'ouest du Niger, où une embuscade "
            "a visé des soldats nigériens près de Tillia.")
    assert events(text, "2023-10-05") == []


def test_an_act_remembered_at_its_anniversary_is_not_reported():
    text = ("Des roquettes ont été tirées vendredi sur Kidal, pendant la célébration du deuxième anniversaire de "
            "la reconquête de la ville par l'armée malienne.")
    assert [e[1] for e in events(text, "2025-11-15")] == ["Shelling/artillery/missile attack"]


def test_a_count_of_attacks_is_a_tally_not_an_act():
    text = ("Des chasseurs dozos ont attaqué mardi le village de Boni, tuant dix civils. La mission de l'ONU a "
            "enregistré 60 attaques contre des civils dans la région de Ségou.")
    assert [(e[1], e[4], e[5]) for e in events(text, "2019-01-03")] == [("Attack", "Boni", 10)]


BONI_ATTACK = ("Attack", "Boni", 10)
BONI_TEXT = "Des hommes armés ont attaqué mardi le village de Boni, tuant dix civils. "


def test_an_act_a_period_is_counted_from_is_background():
    text = BONI_TEXT + ("La région vit dans la peur depuis que des rebelles ont pris le contrôle de la ville de "
                        "Douentza, et les habitants fuient depuis l'attaque du camp de Hombori.")
    assert [(e[1], e[4], e[5]) for e in events(text, "2024-03-14")] == [BONI_ATTACK]


def test_acts_over_a_period_of_months_are_background():
    text = BONI_TEXT + ("Depuis janvier, les jihadistes ont attaqué plusieurs villages du cercle de Douentza. En "
                        "novembre 2012, des rebelles ont pris d'assaut la ville de Gao.")
    assert [(e[1], e[4], e[5]) for e in events(text, "2024-03-14")] == [BONI_ATTACK]


def test_a_thing_named_by_an_act_word_and_a_court_case_report_no_act():
    text = ("Les matériels de combat de la force française ont été transférés à Abidjan. A Dakar, l'opposant a été "
            "inculpé dans l'affaire de viols présumés.")
    assert events(text, "2024-03-14") == []


def test_an_act_compared_with_a_period_in_another_clause_is_reported():
    text = ("Des jihadistes ont attaqué mardi un poste de l'armée malienne à Boni, du jamais vu depuis janvier. "
            "Rappelons que des manifestants ont bloqué la route de Douentza.")
    assert [(e[1], e[4]) for e in events(text, "2024-03-14")] == [("Armed clash", "Boni")]


def test_a_massacre_named_again_at_the_village_of_the_attack_is_that_attack():
    text = ("Au moins vingt personnes ont été tuées mardi lors d'une attaque du gang Village de Dieu à Mirebalais, "
            "selon la police. Le chef du gang a revendiqué le massacre de Mirebalais dans un message audio.")
    assert [(e[0], e[1], e[4], e[5]) for e in events(text, "2024-10-10")] == [
        ("2024-10-08", "Attack", "Mirebalais", 20)]


def test_an_attack_told_with_its_own_toll_at_the_same_village_stays_an_act():
    text = ("Au moins vingt personnes ont été tuées mardi lors d'une attaque d'un gang à Mirebalais, selon la "
            "police. Jeudi, une autre attaque à Mirebalais a fait six morts.")
    assert [(e[0], e[4], e[5]) for e in events(text, "2024-10-12")] == [
        ("2024-10-08", "Mirebalais", 20), ("2024-10-10", "Mirebalais", 6)]


def test_an_attack_whose_dead_are_all_soldiers_is_a_clash_with_the_army():
    text = ("Des combattants de Boko Haram ont mené mardi une attaque à Ngouboua, au Tchad. On dénombre douze "
            "soldats tués.")
    assert [(e[1], e[2], e[5]) for e in events(text, "2021-08-05")] == [
        ("Armed clash", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 12)]
