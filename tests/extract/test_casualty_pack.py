"""data/fr/casualties.yaml drives the toll patterns: one whole value per kind of entry."""

from __future__ import annotations

from fracas.extract.casualties import CasualtyMention as C
from fracas.extract.casualties import find_casualties


def test_pack_words_give_whole_tolls() -> None:
    # outcomes.killed.first_acts + then + active: two acts on the same victims, the last one killing.
    assert find_casualties("Des jihadistes ont enlevé puis exécuté cinq villageois.") == [
        C(15, 54, "killed", 5, 5, 5, True, "villageois", False, 5),
    ]
    # victim_phrases.combatant, etre/been, and an ellipsis of the victims ("et quatre blessés").
    assert find_casualties("Trois casques bleus ont été tués et quatre blessés.") == [
        C(0, 32, "killed", 3, 3, 3, False, "casques bleus", False, 0),
        C(36, 50, "wounded", 4, 4, 4, False, "casques bleus", False, 0),
    ]
    # zero_cues: an explicit zero.
    assert find_casualties("L'attaque n'a pas fait de victimes.") == [C(14, 34, "killed", 0, 0, 0, None, "", False, None)]
    # respectively: one toll per figure.
    assert find_casualties("tuant respectivement 12 et quatre civils") == [
        C(0, 23, "killed", 12, 12, 12, True, "civils", False, 12, 0),
        C(27, 40, "killed", 4, 4, 4, True, "civils", False, 4, 1),
    ]
    # when (with calendar.yaml's weekdays and months) between an active verb and its object.
    assert find_casualties("ont tué dimanche 5 mars une dizaine de ramasseurs de truffes") == [
        C(0, 49, "killed", 10, 10, 19, True, "ramasseurs", False, 10),
    ]


def test_pack_context_cues_mark_background_tolls() -> None:
    # context.cues: "le conflit", "depuis" (not a short window).
    assert find_casualties("Le conflit a fait plus de 380.000 morts depuis 2011.") == [
        C(18, 39, "killed", 380000, 380000, None, None, "", True, None),
    ]
