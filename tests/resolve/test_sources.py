import pytest

from fracas.errors import ResourceError
from fracas.model import Actor, Source
from fracas.resolve.sources import SourceDictionary, grade_confidence, is_party
from fracas.text import fold

RUSSIA = Actor("Military Forces of Russia", "state_forces", "RUS", "l'aviation russe")
SYRIA = Actor("Military Forces of Syria", "state_forces", "SYR", "le régime")
IS = Actor("Islamic State", "rebel_group", None, "l'EI")

OSDH = Source("Syrian Observatory for Human Rights", "ngo", "OSDH")
MOD = Source("Russian Ministry of Defence", "government", "le ministère russe de la Défense")
SANA = Source("SANA", "state_media", "l'agence officielle Sana")
AMAQ = Source("Islamic State", "armed_group", "Amaq")
WITNESS = Source("Witnesses", "witness", "des habitants")
UN = Source("United Nations", "un_agency", "l'ONU")
ARMY = Source("Army spokesperson", "government", "l'armée")
MYSTERY = Source("Jean Dupont", "unknown", "Jean Dupont")


@pytest.fixture(scope="module")
def sources() -> SourceDictionary:
    return SourceDictionary.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'Observatoire syrien des droits de l'homme (OSDH)", ("Syrian Observatory for Human Rights", "ngo")),
        ("l'OSDH", ("Syrian Observatory for Human Rights", "ngo")),
        ("le ministère russe de la Défense", ("Russian Ministry of Defence", "government")),
        ("MINISTERE RUSSE DE LA DEFENSE", ("Russian Ministry of Defence", "government")),
        ("un porte-parole de l’armée russe", ("Russian Ministry of Defence", "government")),
        ("un porte-parole de l'armée", ("Army spokesperson", "government")),
        ("la télévision d'Etat syrienne", ("SANA", "state_media")),
        ("la télévision d'État", ("State media", "state_media")),
        ("l'agence officielle Sana", ("SANA", "state_media")),
        ("Amaq", ("Islamic State", "armed_group")),
        ("une source sécuritaire", ("Security source", "government")),
        ("un habitant de Moscou", ("Witnesses", "witness")),
        ("le gouverneur de Homs", ("Local official", "local_official")),
        ("de source médicale", ("Medical source", "local_official")),
        ("Médecins sans frontières", ("Doctors Without Borders", "ngo")),
        ("la Monusco", ("MONUSCO", "un_agency")),
        ("les médias locaux", ("Local media", "media")),
        ("un commandant rebelle", ("Rebel commander", "armed_group")),
        ("un médecin de MSF", ("Doctors Without Borders", "ngo")),
        ("Moscou", ("Russian Ministry of Defence", "government")),
        ("la Russie", ("Russian Ministry of Defence", "government")),
        ("le maire de Bamako", ("Local official", "local_official")),
        ("un porte-parole militaire", ("Army spokesperson", "government")),
        ("l'institution policière", ("Government", "government")),
        ("la commission gouvernementale des droits humains", ("Government", "government")),
        ("un responsable hospitalier", ("Medical source", "local_official")),
        ("un responsable de l'Agence nationale de gestion des urgences (NEMA)",
         ("National Emergency Management Agency (Nigeria)", "government")),
        ("le Hachd al-Chaabi", ("Popular Mobilization Forces", "armed_group")),
        ("le Cadre stratégique permanent (CSP)", ("Permanent Strategic Framework (CSP)", "armed_group")),
        ("l'organisation paramilitaire", ("Armed group statement", "armed_group")),
        ("une organisation humanitaire", ("Humanitarian organisation", "ngo")),
        ("l'ONG", ("Human rights organisation", "ngo")),
        ("l'ONG Human Rights Watch", ("Human Rights Watch", "ngo")),
    ],
)
def test_lookup(sources: SourceDictionary, text: str, expected: tuple[str, str]) -> None:
    assert sources.lookup(text) == Source(expected[0], expected[1], text)  # type: ignore[arg-type]


def test_lookup_unknown_words(sources: SourceDictionary) -> None:
    assert [sources.lookup(t) for t in ("un chat", "unicefs", "")] == [None, None, None]


def test_fold_keeps_offsets() -> None:
    assert fold("Télévision d’État") == "television d'etat"


def test_dictionary_errors_name_the_entry() -> None:
    with pytest.raises(ResourceError, match=r"source #1 \(X\) has kind 'spy'"):
        SourceDictionary.from_yaml("sources:\n  - {name: X, kind: spy}\n")
    with pytest.raises(ResourceError, match="no `sources:` list"):
        SourceDictionary.from_yaml("actors: []\n")


@pytest.mark.parametrize(
    ("source", "actor", "expected"),
    [
        (MOD, RUSSIA, True),
        (MOD, SYRIA, False),
        (SANA, SYRIA, True),
        (SANA, RUSSIA, False),
        (AMAQ, IS, True),
        (AMAQ, SYRIA, False),
        (ARMY, SYRIA, True),  # unnamed army: speaks for whichever state forces act
        (ARMY, IS, False),
        (OSDH, SYRIA, False),
        (MYSTERY, SYRIA, False),
    ],
)
def test_is_party(source: Source, actor: Actor, expected: bool) -> None:
    assert is_party(source, actor) is expected


@pytest.mark.parametrize(
    ("given", "kwargs", "expected"),
    [
        ([], {}, "weak"),
        ([OSDH], {}, "weak"),
        ([OSDH], {"has_specifics": True}, "fair"),
        ([OSDH, OSDH], {}, "weak"),  # the same monitor twice is one source
        ([OSDH, WITNESS], {}, "fair"),
        ([MOD], {"perpetrator": RUSSIA}, "weak"),
        ([MOD, SANA], {"perpetrator": RUSSIA, "has_specifics": True}, "weak"),  # only parties
        ([MOD, OSDH], {"perpetrator": RUSSIA}, "confirmed"),
        ([AMAQ, UN], {"perpetrator": IS}, "confirmed"),
        ([SANA, OSDH], {"perpetrator": RUSSIA}, "weak"),  # an ally's media is not the perpetrator's own side
        ([MOD, OSDH], {"perpetrator": None}, "weak"),
        ([MOD, OSDH, WITNESS], {"perpetrator": RUSSIA, "disputed": True}, "contested"),
        ([MYSTERY], {"has_specifics": True}, "weak"),
    ],
)
def test_grade_confidence(given: list[Source], kwargs: dict, expected: str) -> None:
    assert grade_confidence(given, **kwargs) == expected

