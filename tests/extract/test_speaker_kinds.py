"""Speakers of real-text shapes: who is a source, with which kind, and which words name nobody."""

import pytest

from fracas.extract.attribution import find_attributions


def spans(text: str) -> list[tuple[str, str, str]]:
    """(words, source name, kind) per attribution, checking that the offsets point at the words."""
    found = find_attributions(text)
    for attribution in found:
        assert text[attribution.start:attribution.end] == attribution.source.text
    return [(a.source.text, a.source.name, a.source.kind) for a in found]  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        # A participle with no auxiliary qualifies its noun: the war is declared, nobody speaks.
        "Ces combats relèvent de la guerre déclarée par le gouvernement contre ce groupe.",
        # A bare "dit" before a quoted name gives a nickname.
        "Le général Amadou Koné, dit « Le Lion », commande la milice. Un drone a frappé Kidal.",
    ],
)
def test_words_that_name_no_speaker(text: str) -> None:
    assert spans(text) == []


def test_a_place_clause_in_apposition_is_not_the_speaker() -> None:
    text = "Le Niger, où stationnaient encore des soldats français, a annoncé leur départ."
    assert spans(text) == [("Niger", "Niger", "unknown")]


def test_an_abbreviation_speaks_as_the_capitalised_name_of_its_initials() -> None:
    text = ("Les Forces Vives de Guinée ont appelé à manifester. Deux jeunes ont été tués, selon le communiqué "
            "diffusé par les FVG.")
    assert spans(text) == [("FVG", "Civil society", "ngo")]


def test_the_same_source_is_the_last_speaker_of_known_kind_not_a_bare_name() -> None:
    text = ("A en croire le président de la société civile, six civils ont été tués, a expliqué Paul Kasongo. "
            "Des maisons ont été brûlées, précise la même source. Ce bilan est confirmé par des sources "
            "sécuritaires.")
    assert spans(text) == [
        ("président de la société civile", "Civil society", "ngo"),
        ("Paul Kasongo", "Paul Kasongo", "unknown"),
        ("même source", "Civil society", "ngo"),
        ("des sources sécuritaires", "Security source", "government"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A hyphen and a space are the same in a name.
        ("Douze blessés ont été soignés, indique la Croix Rouge malienne.",
         [("Croix Rouge malienne", "International Committee of the Red Cross", "ngo")]),
        ("Des missiles ont frappé la ville, ont affirmé des responsables ukrainiens.",
         [("des responsables ukrainiens", "Government", "government")]),
        ("Sept villageois ont été enlevés, selon un membre du comité de vigilance du village.",
         [("un membre du comité de vigilance du village", "Witnesses", "witness")]),
        ("Deux soldats ont été tués, a-t-on appris d'une source communautaire.",
         [("une source communautaire", "Witnesses", "witness")]),
        ("Une frappe a tué dix déplacés, a annoncé une organisation locale.",
         [("une organisation locale", "Civil society", "ngo")]),
        ("Douze soldats ont été tués, d'après Télé Sahel.",
         [("Télé Sahel", "National news agency", "state_media")]),
        ("Deux combattants ont été tués, ont indiqué des sources militaires et médicales syriennes.",
         [("des sources militaires", "Army spokesperson", "government"),
          ("médicales syriennes", "Medical source", "local_official")]),
        ("Deux soldats ont été tués, ont rapporté les media locaux. La patrouille a été visée, selon les mêmes "
         "sources.", [("media locaux", "Local media", "media"), ("mêmes sources", "Local media", "media")]),
        ("Selon des informations non confirmées, des maisons ont été pillées.",
         [("des informations non confirmées", "Unspecified source", "unknown")]),
        ("Des sources sur place renseignent que les habitants ont fui.",
         [("Des sources sur place", "Local sources", "unknown")]),
        ("Le chef d'état-major a fourni un bilan de dix assaillants tués.",
         [("chef d'état-major", "Army spokesperson", "government")]),
        ("Deux bergers ont été tués, selon une porte-parole de la force onusienne.",
         [("une porte-parole de la force onusienne", "United Nations", "un_agency")]),
    ],
)
def test_speaker_kinds(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert spans(text) == expected
