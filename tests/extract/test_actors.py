import pytest

from fracas.extract.actors import ActorFinder
from fracas.errors import ResourceError
from fracas.model import Actor
from fracas.resolve.actors import ActorDictionary, default_actor_dictionary, demonym_forms


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


def test_catch_all_actors_are_named_after_the_country_where_they_act():
    actors = ActorDictionary.load()
    civilians = actors.by_name("Civilians").actor("des villageois")
    forces = actors.by_name("Military Forces of Mali").actor("les FAMa")
    assert actors.in_country(civilians, "ML", "MLI", "Mali") == Actor(
        "Civilians (Mali)", "civilians", "MLI", "des villageois")
    # ACLED's spelling where it differs from GeoNames'.
    assert actors.in_country(civilians, "CD", "COD", "Democratic Republic of the Congo") == Actor(
        "Civilians (Democratic Republic of Congo)", "civilians", "COD", "des villageois")
    # A named actor keeps its own name, and an actor with no known country stays as it is.
    assert actors.in_country(forces, "ML", "MLI", "Mali") == forces
    assert actors.in_country(civilians, None, None, None) == civilians


def test_unnamed_jihadists_are_the_unidentified_armed_group_of_their_country():
    # ACLED has no "jihadists" actor: fighters the text does not tie to a group are unidentified.
    actors = ActorDictionary.load()
    jihadists = actors.by_name("Jihadist Groups").actor("des jihadistes")
    assert actors.in_country(jihadists, "BF", "BFA", "Burkina Faso") == Actor(
        "Unidentified Armed Group (Burkina Faso)", "political_militia", "BFA", "des jihadistes")


@pytest.mark.parametrize(("document", "message"), [
    ("actors: []\nnamed_by_country: [Shepherds]\n",
     "named_by_country lists ['Shepherds'], which are not actors of the dictionary; list the `name` of an actor entry"),
    ("actors: []\ntheatre_groups:\n  rebels: {XX: Nobody}\n",
     "theatre_groups or coded_as_unidentified name ['Nobody'], which are not actors of the dictionary; "
     "list the `name` of an actor entry"),
], ids=["catch-all", "theatre-group"])
def test_an_unknown_catch_all_or_theatre_group_name_is_refused(tmp_path, document, message):
    extra = tmp_path / "mine.yaml"
    extra.write_text(document, encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        ActorDictionary.load(extra=extra)
    assert str(err.value) == message


def test_local_armed_actors_of_the_theatres():
    text = ("Les séparatistes anglophones, le MFDC, les Forces de soutien rapide, le groupe Wagner, le gang Gran Grif, "
            "Dan Na Ambassagou, les Koglweogo, le FPRC et des éleveurs armés; l'armée soudanaise et l'armée ukrainienne.")
    assert [name for _, name, _ in found(text)] == [
        "Ambazonian Separatists", "MFDC - Movement of Democratic Forces of Casamance", "Rapid Support Forces",
        "Wagner Group", "Gran Grif", "Dan Na Ambassagou", "Koglweogo Militia",
        "FPRC - Popular Front for the Rebirth of Central African Republic", "Herder Communal Militia",
        "Military Forces of Sudan", "Military Forces of Ukraine",
    ]


def test_more_local_armed_actors_of_the_theatres():
    text = ("Les shebab, les Wazalendo, les Maï-Maï Yakutumba, la SPLA-IO, les milices Fano, la Brigade 444, la "
            "Force al-Radaa, des anti-balakas et l'armée somalienne; des forces sud-soudanaises.")
    assert [name for _, name, _ in found(text)] == [
        "Al Shabaab", "Wazalendo", "Mai-Mai Militia (Yakutumba)",
        "SPLM/A-IO: Sudan People's Liberation Movement/Army (In Opposition)", "Fano Militia", "444 Brigade",
        "Radaa Special Deterrence Force", "Anti-Balaka", "Military Forces of Somalia",
        "Military Forces of South Sudan",
    ]


def test_an_act_named_with_its_authors_demonym_names_their_forces():
    assert found("Deux frappes de missiles russes ont touché Kharkiv après une attaque ukrainienne.") == [
        ("frappes de missiles russes", "Military Forces of Russia", None),
        ("attaque ukrainienne", "Military Forces of Ukraine", None),
    ]


def test_a_vague_word_described_as_a_named_group_is_that_group():
    # The descriptor ("habillés en tenue de", "liés à") or a gang's name in quotes joins them.
    assert found("« Des hommes armés, habillés en tenue de chasseurs traditionnels dozos » ont attaqué.") == [
        ("dozos", "Dozo Communal Militia", None)]
    assert found("Une attaque menée par des djihadistes liés à l'État islamique.") == [
        ("État islamique", "Islamic State", None)]
    assert found("Des personnes ont été tuées par des membres du gang “Gran Grif”.") == [
        ("Gran Grif", "Gran Grif", None)]
    # Without a descriptor, the vague actor and the one it acted on stay two actors.
    assert found("Des hommes armés ont attaqué les FARDC.") == [
        ("hommes armés", "Unidentified Armed Group", None),
        ("FARDC", "Military Forces of the Democratic Republic of Congo", None),
    ]


def test_the_unnamed_party_of_a_theatre_is_the_group_acled_codes_there():
    actors = ActorDictionary.load()
    assert actors.theatre_group("rebels", "CM") == actors.by_name("Ambazonian Separatists")
    assert actors.theatre_group("Islamic State", "ML") == actors.by_name("Islamic State (Sahel)")
    assert actors.theatre_group("Jihadist Groups", "MZ") == actors.by_name("Islamic State (Mozambique)")
    assert actors.theatre_group("rebels", "CF") is None
    assert actors.theatre_group("rebels", None) is None


def test_the_gendarmerie_is_military_where_it_belongs_to_the_army_and_police_elsewhere():
    dictionary = default_actor_dictionary()
    cameroon, senegal = dictionary.forces_of("CMR"), dictionary.forces_of("SEN")
    assert (dictionary.gendarmerie_of(cameroon).name, dictionary.gendarmerie_of(senegal).name) == (
        "Military Forces of Cameroon", "Police Forces of Senegal")
