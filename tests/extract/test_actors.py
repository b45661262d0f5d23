from fracas.extract.actors import ActorFinder
from fracas.resolve.actors import ActorDictionary, demonym_forms


def found(text: str) -> list[tuple[str, str | None, str | None]]:
    finder = ActorFinder(ActorDictionary.load())
    return [(m.text, m.entry.name if m.entry else None, m.generic) for m in finder.find(text)]


def test_demonym_forms_cover_gender_and_number():
    assert demonym_forms("syrien") == ("syrien", "syrienne", "syriens", "syriennes")
    assert demonym_forms("russe") == ("russe", "russes")
    assert demonym_forms("turc") == ("turc", "turque", "turcs", "turques")
    assert demonym_forms("français") == ("français", "française", "françaises")


def test_state_forces_by_noun_and_demonym_and_aliases():
    text = ("Des avions russes ont frappé; les forces du régime et l'armée syrienne ont avancé face au Front "
            "Al-Nosra et au groupe Etat islamique (EI), selon Moscou.")
    assert found(text) == [
        ("avions russes", "Military Forces of Russia", None),
        ("forces du régime", "Military Forces of Syria", None),
        ("armée syrienne", "Military Forces of Syria", None),
        ("Front Al-Nosra", "Al Nusra Front", None),
        ("groupe Etat islamique", "Islamic State", None),
        ("EI", "Islamic State", None),
        ("Moscou", "Military Forces of Russia", None),
    ]


def test_generic_words_wait_for_the_country():
    assert found("Les rebelles ont attaqué des soldats près de Bambari.") == [
        ("rebelles", None, "rebels"),
        ("soldats", None, "forces"),
    ]


def test_sahel_groups_and_unidentified_gunmen():
    text = "Des hommes armés non identifiés ont tué dix villageois; le JNIM et l'EIGS se disputent la zone."
    assert found(text) == [
        ("hommes armés non identifiés", "Unidentified Armed Group", None),
        ("villageois", "Civilians", None),
        ("JNIM", "JNIM - Group for Support of Islam and Muslims", None),
        ("EIGS", "Islamic State (Sahel)", None),
    ]
