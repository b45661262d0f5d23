"""Tolls given to events: which act a figure belongs to, and how an act's figures add up."""

from __future__ import annotations

import pytest

import fracas
from fracas.extract.assemble import Toll, _add_casualty
from fracas.extract.casualties import find_casualties


def toll_of(text: str) -> Toll:
    toll = Toll()
    for casualty in find_casualties(text):
        _add_casualty(toll, casualty, casualty.start, casualty.end)
    return toll


# Named groups add up; a bare toll ("cinq morts") is the act's whole toll, named victims included.
@pytest.mark.parametrize(
    ("text", "fatalities", "civilians"),
    [
        (("L'engin a explosé devant une école, tuant quatre enfants. L'auteur a aussi péri, "
          "ce qui porte le bilan à cinq morts."), (5, 5, 5), {"civilians": 4}),
        # A smaller bare toll restates the named victims.
        ("Trois soldats et deux civils ont été tués. L'attaque a fait cinq morts selon l'armée.",
         (5, 5, 5), {"": 2}),
        (("L'attentat a fait neuf morts. Quatre policiers figurent parmi les victimes, "
          "et deux passants ont été tués."), (9, 9, 9), {"civilians": 2}),
        # The civilians of a bare toll's breakdown count beyond the named ones.
        ("Deux femmes ont été tuées. Le raid a fait dix morts, dont six civils.",
         (10, 10, 10), {"civilians": 2, "": 4}),
        ("Sept soldats ont péri dans l'assaut, et 20 jihadistes ont été tués.", (27, 27, 27), {}),
    ],
)
def test_an_acts_figures(text: str, fatalities: tuple[int, int, int], civilians: dict[str, int]) -> None:
    toll = toll_of(text)
    assert (toll.fatalities(), toll.civilians) == (fatalities, civilians)


def test_no_killed_figure_is_null() -> None:
    assert toll_of("Douze personnes ont été blessées.").fatalities() == (None, None, None)


def summary(event: fracas.Event) -> tuple[object, ...]:
    return (event.sub_event_type, event.location.name, event.fatalities, event.civilian_fatalities)


@pytest.mark.model
def test_respective_figures_go_to_their_own_acts() -> None:
    events = fracas.extract(
        "L'aviation russe a bombardé samedi la ville de Saraqeb, dans la province d'Idleb, et celle de "
        "Latamné, dans la province de Hama, tuant respectivement neuf et deux civils, selon l'OSDH.",
        published="2020-02-02")
    assert sorted(summary(e) for e in events) == [
        ("Air/drone strike", "Hama", 2, 2), ("Air/drone strike", "Saraqib", 9, 9)]


@pytest.mark.model
def test_a_zero_in_the_sentence_of_a_toll_free_act_is_its_toll() -> None:
    events = fracas.extract(
        "Des hommes armés ont incendié jeudi le marché de Djibo, dans le nord du Burkina Faso, sans faire de "
        "victime, selon une source locale.", published="2021-03-05")
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Looting/property destruction", 0)]


@pytest.mark.model
def test_a_re_mention_kept_as_its_own_act_takes_its_sentence_toll() -> None:
    # "l'attaque" re-mentions the mine blast, which has its own place and day: the peacekeeper is its toll,
    # not the earlier clash's in the same province.
    events = fracas.extract(
        "Des rebelles du groupe 3R ont attaqué mardi un poste de l'armée à Paoua, dans le nord-ouest de la "
        "Centrafrique, tuant deux soldats. Par ailleurs, un Casque bleu a été tué vendredi dernier par une mine "
        "près de Bozoum, a indiqué la Minusca, qui a attribué l'attaque aux 3R.", published="2021-06-10")
    assert [summary(e) for e in events] == [
        ("Armed clash", "Paoua", 2, None), ("Remote explosive/landmine/IED", "Bozoum", 1, None)]
