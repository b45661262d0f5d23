import pytest

from fracas.extract.attribution import Attribution, find_attributions
from fracas.model import Source

OSDH = "Syrian Observatory for Human Rights"


def spans(text: str) -> list[tuple[str, str, str, str]]:
    """(words, source name, kind, cue) per attribution, checking that the offsets point at the words."""
    found = find_attributions(text)
    for attribution in found:
        assert text[attribution.start:attribution.end] == attribution.source.text
    return [(a.source.text, a.source.name, a.source.kind, a.cue) for a in found]  # type: ignore[misc]


def test_inverted_subject_whole_value() -> None:
    text = "Au moins 20 civils ont été tués, a indiqué l'Observatoire syrien des droits de l'homme (OSDH)."
    words = "Observatoire syrien des droits de l'homme (OSDH)"
    assert find_attributions(text) == [Attribution(45, 93, Source(OSDH, "ngo", words), "a indiqué")]
    assert text[45:93] == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selon l'OSDH, 12 personnes ont péri.", [("OSDH", OSDH, "ngo", "selon")]),
        ("D'après un bilan de l'ONU, 300 morts.",
         [("ONU", "United Nations", "un_agency", "d'après un bilan de")]),
        ("Selon un bilan fourni par la Monusco, 5 morts.",
         [("Monusco", "MONUSCO", "un_agency", "selon un bilan fourni par")]),
        ("« Ils sont arrivés la nuit », a déclaré à l'AFP un responsable local sous couvert d'anonymat.",
         [("un responsable local", "Local official", "local_official", "a déclaré")]),
        ("Le ministère russe de la Défense a indiqué avoir frappé 12 cibles.",
         [("ministère russe de la Défense", "Russian Ministry of Defence", "government", "a indiqué")]),
        ("L'OSDH, qui dispose d'un vaste réseau de sources, a affirmé que 15 civils ont été tués.",
         [("OSDH", OSDH, "ngo", "a affirmé")]),
        ("Dix soldats ont été tués, a-t-on appris de source sécuritaire.",
         [("source sécuritaire", "Security source", "government", "a-t-on appris de")]),
        ("L'attaque a fait 12 morts, de source médicale.",
         [("source médicale", "Medical source", "local_official", "de")]),
        ("Les combats ont repris, de sources locales.",
         [("sources locales", "Local official", "local_official", "de")]),
        ("La télévision d'Etat, citée par l'agence Sana, a rapporté que des rebelles ont été tués.",
         [("télévision d'Etat", "State media", "state_media", "a rapporté")]),
        ("Un officier a été tué, a rapporté l'agence Sana, citant une source militaire.",
         [("une source militaire", "Army spokesperson", "government", "citant")]),
        ("L'EI a revendiqué l'attentat.", [("EI", "Islamic State", "armed_group", "a revendiqué")]),
        ("L'attentat a été revendiqué par l'EI.", [("EI", "Islamic State", "armed_group", "revendiqué par")]),
        ("Dans un communiqué, l'armée a annoncé la mort de 20 jihadistes.",
         [("armée", "Army spokesperson", "government", "a annoncé")]),
        ("L'armée a annoncé dans un communiqué publié samedi la mort de 20 jihadistes.",
         [("armée", "Army spokesperson", "government", "a annoncé")]),
        ("La mort de 20 jihadistes a été annoncée dans un communiqué de l'état-major.",
         [("état-major", "Army spokesperson", "government", "dans un communiqué de")]),
        ("Nous avons repoussé l'attaque, a affirmé un commandant rebelle.",
         [("un commandant rebelle", "Rebel commander", "armed_group", "a affirmé")]),
        ("Selon des habitants et l'OSDH, les frappes ont tué 10 civils.",
         [("des habitants", "Witnesses", "witness", "selon"), ("OSDH", OSDH, "ngo", "selon")]),
        ("Les frappes ont tué 10 civils, a indiqué samedi à l'AFP Rami Abdel Rahmane, le directeur de l'OSDH.",
         [("Rami Abdel Rahmane, le directeur de l'OSDH", OSDH, "ngo", "a indiqué")]),
        ("Un porte-parole de l'armée russe, Igor Konachenkov, a affirmé que les frappes visaient l'EI.",
         [("Un porte-parole de l'armée russe, Igor Konachenkov", "Russian Ministry of Defence", "government",
           "a affirmé")]),
        ("Les FDS ont annoncé la prise de la ville.",
         [("FDS", "Syrian Democratic Forces", "armed_group", "ont annoncé")]),
        ("Le village a été attaqué, a raconté Moussa Traoré.",
         [("Moussa Traoré", "Moussa Traoré", "unknown", "a raconté")]),
        ("Les jihadistes sont partis, a précisé un haut responsable.",
         [("un haut responsable", "Official", "unknown", "a précisé")]),
    ],
)
def test_cues(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Selon lui, la situation est calme.",
        "Il a indiqué que les combats continuaient.",
        "« Nous avons fui », a-t-elle raconté.",
        "Des avions ont bombardé la ville de Hama mercredi.",
        "",
    ],
)
def test_no_speaker(text: str) -> None:
    assert find_attributions(text) == []


def test_offsets_into_a_whole_text() -> None:
    text = (
        "Des frappes russes ont tué 12 civils à Hama, selon l'OSDH. "
        "Moscou a affirmé avoir visé des positions de l'EI."
    )
    assert spans(text) == [
        ("OSDH", OSDH, "ngo", "selon"),
        ("Moscou", "Russian Ministry of Defence", "government", "a affirmé"),
    ]
