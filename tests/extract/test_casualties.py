"""Casualty tolls in plain text: whole CasualtyMention values, traps included."""

from __future__ import annotations

import pytest

from fracas.extract.casualties import CasualtyMention as C
from fracas.extract.casualties import find_casualties


def test_coordinated_civilians_are_summed() -> None:
    assert find_casualties("Deux femmes et un enfant ont été tués dans la frappe.") == [
        C(0, 37, "killed", 3, 3, 3, True, "femmes et un enfant", False, 3),
    ]


def test_at_least_soldiers() -> None:
    assert find_casualties("Au moins 12 soldats ont été tués mardi.") == [
        C(0, 32, "killed", 12, 12, None, False, "soldats", False, 0),
    ]


def test_dead_and_wounded_are_two_mentions() -> None:
    assert find_casualties("L'explosion a eu lieu au marché, faisant 5 morts et 10 blessés.") == [
        C(41, 48, "killed", 5, 5, 5, None, "", False, None),
        C(52, 62, "wounded", 10, 10, 10, None, "", False, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les assaillants ont ouvert le feu, tuant trois civils.",
         C(35, 53, "killed", 3, 3, 3, True, "civils", False, 3)),
        ("Quatre soldats ont péri dans l'embuscade.", C(0, 23, "killed", 4, 4, 4, False, "soldats", False, 0)),
        ("Sept personnes ont perdu la vie.", C(0, 31, "killed", 7, 7, 7, None, "personnes", False, None)),
        ("Trois enfants ont trouvé la mort.", C(0, 32, "killed", 3, 3, 3, True, "enfants", False, 3)),
        ("L'attaque a fait un mort.", C(17, 24, "killed", 1, 1, 1, None, "", False, None)),
        ("Selon un bilan de 7 morts.", C(18, 25, "killed", 7, 7, 7, None, "", False, None)),
        ("L'OSDH fait état de 16 combattants de l'EI tués.",
         C(20, 47, "killed", 16, 16, 16, False, "combattants de l'EI", False, 0)),
        ("Une dizaine de jihadistes ont été tués.", C(0, 38, "killed", 10, 10, 19, False, "jihadistes", False, 0)),
        ("Les raids ont fait des dizaines de morts.", C(19, 40, "killed", 20, 20, 99, None, "", False, None)),
        ("L'attentat a fait 12 morts dont 4 enfants.", C(18, 41, "killed", 12, 12, 12, None, "", False, 4)),
        ("Douze personnes, dont quatre enfants, ont été tuées.",
         C(0, 51, "killed", 12, 12, 12, None, "personnes", False, 4)),
        ("Trois soldats et deux civils ont été tués.",
         C(0, 41, "killed", 5, 5, 5, None, "soldats et deux civils", False, 2)),
        ("La mort de trois casques bleus a été confirmée.",
         C(0, 30, "killed", 3, 3, 3, False, "casques bleus", False, 0)),
        ("Une attaque a coûté la vie à 4 gendarmes.", C(12, 40, "killed", 4, 4, 4, False, "gendarmes", False, 0)),
        ("Sept membres d'une même famille ont été tués.",
         C(0, 44, "killed", 7, 7, 7, True, "membres d'une même famille", False, 7)),
        ("Cinq membres de Boko Haram ont été abattus.",
         C(0, 42, "killed", 5, 5, 5, False, "membres de Boko Haram", False, 0)),
        ("L'armée a neutralisé une centaine de terroristes.",
         C(8, 48, "killed", 100, 100, 199, False, "terroristes", False, 0)),
        ("Le bilan s'élève à 30 morts au moins.", C(19, 36, "killed", 30, 30, None, None, "", False, None)),
        ("L'attaque a fait trois morts parmi les gendarmes.",
         C(17, 48, "killed", 3, 3, 3, False, "gendarmes", False, 0)),
        ("Deux humanitaires ont été enlevés.", C(0, 33, "abducted", 2, 2, 2, True, "humanitaires", False, 2)),
        ("Boko Haram a enlevé plus de 270 lycéennes à Chibok.",
         C(11, 41, "abducted", 270, 270, None, True, "lycéennes", False, 270)),
        ("Trois employés d'une ONG ont été kidnappés.",
         C(0, 42, "abducted", 3, 3, 3, True, "employés d'une ONG", False, 3)),
        ("Deux journalistes sont portés disparus.",
         C(0, 38, "missing", 2, 2, 2, True, "journalistes", False, 2)),
        ("L'explosion a blessé 20 personnes.", C(12, 33, "wounded", 20, 20, 20, None, "personnes", False, None)),
    ],
)
def test_single_toll(text: str, expected: C) -> None:
    assert find_casualties(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aucun mort n'a été signalé.", C(0, 10, "killed", 0, 0, 0, None, "", False, None)),
        ("L'explosion n'a fait aucune victime.", C(21, 35, "killed", 0, 0, 0, None, "", False, None)),
        ("L'attaque n'a pas fait de victimes.", C(14, 34, "killed", 0, 0, 0, None, "", False, None)),
        ("Aucun civil n'a été tué.", C(0, 23, "killed", 0, 0, 0, True, "civil", False, 0)),
        ("L'engin a explosé sans faire de victime.", C(18, 39, "killed", 0, 0, 0, None, "", False, None)),
    ],
)
def test_explicit_zero(text: str, expected: C) -> None:
    assert find_casualties(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Le conflit a fait plus de 240.000 morts depuis 2011.",
        "Le conflit en Syrie a fait plus de 240.000 morts depuis mars 2011.",
        "Depuis le début de la campagne russe, 39 civils ont été tués.",
        "Depuis le début de la guerre, 12 soldats ont été tués dans la région.",
        "Au total, 45 personnes ont été tuées depuis le début de l'année.",
        "En cumulé, 300 soldats ont été tués.",
        "Les violences ont fait plus de 3.000 morts en 2015 dans la région.",
        "L'OSDH a recensé 2.000 morts dans les frappes russes depuis le 30 septembre.",
        "Plus de 1.200 civils ont été tués au Burkina depuis 2012.",
        "Ces derniers mois, 80 civils ont été tués dans le Nord-Kivu.",
        "La guerre a fait des centaines de milliers de morts.",
        "Dans le Nord-Ouest, 109 morts ont déjà été enregistrés dans les rangs de l'armée.",
    ],
)
def test_context_tolls_are_flagged(text: str) -> None:
    mentions = find_casualties(text)
    assert mentions and all(m.context for m in mentions)


def test_short_window_is_not_context() -> None:
    [mention] = find_casualties("Depuis mardi, 12 civils ont été tués à Alep.")
    assert mention.context is False


def test_event_and_context_in_one_sentence() -> None:
    text = ("Des frappes russes ont tué 12 civils mercredi à Hama, alors que le conflit a fait plus de "
            "240.000 morts depuis mars 2011.")
    assert find_casualties(text) == [
        C(19, 36, "killed", 12, 12, 12, True, "civils", False, 12),
        C(82, 103, "killed", 240000, 240000, None, None, "", True, None),
    ]


def test_ellipsis_takes_the_previous_victims() -> None:
    assert find_casualties("Sept soldats ont été tués et quatre blessés jeudi près de Diffa.") == [
        C(0, 25, "killed", 7, 7, 7, False, "soldats", False, 0),
        C(29, 43, "wounded", 4, 4, 4, False, "soldats", False, 0),
    ]


def test_killed_or_wounded_is_no_toll() -> None:
    assert find_casualties("Six personnes ont été tuées ou blessées.") == []


def test_active_subject_is_not_a_victim() -> None:
    assert find_casualties("Douze soldats ont tué 3 jihadistes.") == [
        C(14, 34, "killed", 3, 3, 3, False, "jihadistes", False, 0),
    ]


# Wire-style sentences from the countries fracas reads.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("Au moins 39 civils, dont huit enfants, ont été tués mercredi dans des frappes russes sur Hama, "
         "a indiqué l'OSDH."),  # Syria
         [C(0, 51, "killed", 39, 39, None, True, "civils", False, 39)]),
        ("Quatre soldats irakiens ont été tués et six autres blessés dans un attentat suicide à Ramadi.",  # Iraq
         [C(0, 36, "killed", 4, 4, 4, False, "soldats irakiens", False, 0),
          C(40, 58, "wounded", 6, 6, 6, False, "soldats irakiens", False, 0)]),
        ("Une vingtaine de villageois ont été tués par des hommes armés à Yirgou.",  # Burkina Faso
         [C(0, 40, "killed", 20, 20, 29, True, "villageois", False, 20)]),
        ("Des rebelles ADF ont massacré au moins 17 civils à Beni, selon la société civile.",  # DRC
         [C(17, 48, "killed", 17, 17, None, True, "civils", False, 17)]),
        ("Des combats entre ex-Séléka et anti-balaka ont fait une quinzaine de morts à Bambari.",  # CAR
         [C(52, 74, "killed", 15, 15, None, None, "", False, None)]),
        ("Un soldat malien a été tué et deux autres blessés près de Tombouctou.",  # Mali
         [C(0, 26, "killed", 1, 1, 1, False, "soldat malien", False, 0),
          C(30, 49, "wounded", 2, 2, 2, False, "soldat malien", False, 0)]),
        ("Des jihadistes présumés ont attaqué le village, tuant 4 villageois.",  # Niger
         [C(48, 66, "killed", 4, 4, 4, True, "villageois", False, 4)]),
        ("Un kamikaze s'est fait exploser sur un marché de Maiduguri, tuant au moins 15 personnes.",  # Nigeria
         [C(60, 87, "killed", 15, 15, None, None, "personnes", False, None)]),
        ("À Port-au-Prince, des gangs ont tué au moins 15 personnes et incendié des maisons.",  # Haiti
         [C(28, 57, "killed", 15, 15, None, None, "personnes", False, None)]),
    ],
)
def test_wire_sentences(text: str, expected: list[C]) -> None:
    assert find_casualties(text) == expected


# The active voice, the usual wire form: "X ont tué [quand] N victimes".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (("Des jihadistes du groupe Etat islamique (EI) ont tué dimanche une dizaine de ramasseurs de truffes "
         "dans le désert."),
         [C(45, 87, "killed", 10, 10, 19, True, "ramasseurs", False, 10)]),
        (("Une frappe de drone de l'armée malienne a tué lundi au moins huit civils, dont trois enfants, "
         "sur une foire."),
         [C(40, 92, "killed", 8, 8, None, True, "civils", False, 8)]),
        ("Des frappes de la coalition ont tué lundi au moins 21 civils, dont cinq enfants, qui tentaient de fuir.",
         [C(28, 79, "killed", 21, 21, None, True, "civils", False, 21)]),
        (("Des chasseurs dozo ont tué mardi au moins 37 civils peuls, dont des femmes et des enfants, "
         "dans l'attaque d'un village."),
         [C(19, 51, "killed", 37, 37, None, True, "civils", False, 37)]),
        ("Les assaillants ont attaqué le village, tuant sept civils dont trois enfants.",
         [C(40, 76, "killed", 7, 7, 7, True, "civils", False, 7)]),
        ("Un kamikaze s'est fait exploser, tuant au moins 12 personnes.",
         [C(33, 60, "killed", 12, 12, None, None, "personnes", False, None)]),
        ("Des hommes armés ont abattu trois policiers à un poste de contrôle.",
         [C(17, 43, "killed", 3, 3, 3, False, "policiers", False, 0)]),
        ("Des miliciens ont massacré une trentaine de villageois.",
         [C(14, 54, "killed", 30, 30, 39, True, "villageois", False, 30)]),
        ("Un camion piégé a explosé, faisant au moins 115 morts et 170 blessés.",
         [C(35, 53, "killed", 115, 115, None, None, "", False, None),
          C(57, 68, "wounded", 170, 170, 170, None, "", False, None)]),
        ("Une grenade a explosé sur le marché, blessant une vingtaine de personnes.",
         [C(37, 72, "wounded", 20, 20, 29, None, "personnes", False, None)]),
        ("Des hommes armés ont enlevé une dizaine de femmes près de Diffa.",
         [C(17, 49, "abducted", 10, 10, 19, True, "femmes", False, 10)]),
        ("Les assaillants ont tué et blessé des habitants.", []),  # no figure, no toll
        ("L'armée affirme avoir « neutralisé » 37 assaillants.",
         [C(16, 51, "killed", 37, 37, 37, False, "assaillants", False, 0)]),
        ("37 terroristes ont été « neutralisés ».",
         [C(0, 36, "killed", 37, 37, 37, False, "terroristes", False, 0)]),
        ("Des hommes armés ont tué, selon des sources locales, 12 civils.",
         [C(17, 62, "killed", 12, 12, 12, True, "civils", False, 12)]),
        ("Les assaillants ont tué dans la nuit de samedi à dimanche 14 villageois.",
         [C(16, 71, "killed", 14, 14, 14, True, "villageois", False, 14)]),
        # Communiqués quote their words: the quotes are read as spaces.
        ("L'aviation a frappé un convoi, tuant « une vingtaine » de rebelles.",
         [C(31, 66, "killed", 20, 20, 29, False, "rebelles", False, 0)]),
        ("Selon l'armée, 40 « bandits armés » ont été « neutralisés » près de Djibo.",
         [C(15, 57, "killed", 40, 40, 40, False, "bandits armés", False, 0)]),
        # After an object nothing forces its modifiers to be read, so they are read up to the next figure.
        ("Les obus ont touché le marché, tuant quatre miliciens du Hezbollah (libanais) et deux enfants.",
         [C(31, 93, "killed", 6, 6, 6, None, "miliciens du Hezbollah (libanais) et deux enfants", False, 2)]),
        ("Un drone a visé une voiture, tuant trois combattants kurdes syriens et un passant.",
         [C(29, 81, "killed", 4, 4, 4, None, "combattants kurdes syriens et un passant", False, 1)]),
        # A figure with a verb of its own starts another clause.
        ("L'embuscade a fait deux victimes, tuant deux gendarmes nigériens, trois autres étant disparus.",
         [C(19, 32, "killed", 2, 2, 2, None, "", False, None),
          C(34, 54, "killed", 2, 2, 2, False, "gendarmes", False, 0)]),
        # Two acts done to the same victims, the last one killing them: one toll.
        ("Des villageois ont lynché et brûlé vifs mardi deux bandits présumés.",
         [C(15, 58, "killed", 2, 2, 2, False, "bandits", False, 0)]),
        ("Les ravisseurs ont enlevé puis exécuté six bergers.",
         [C(15, 50, "killed", 6, 6, 6, True, "bergers", False, 6)]),
        # The second participle after a modifier and a day.
        ("Les assaillants ont tué deux soldats maliens dimanche et blessé cinq autres.",
         [C(16, 36, "killed", 2, 2, 2, False, "soldats", False, 0),
          C(57, 75, "wounded", 5, 5, 5, None, "autres", False, None)]),
    ],
)
def test_active_voice(text: str, expected: list[C]) -> None:
    assert find_casualties(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les jihadistes ont tué deux soldats et blessé trois autres.",
         [C(15, 35, "killed", 2, 2, 2, False, "soldats", False, 0),
          C(39, 58, "wounded", 3, 3, 3, False, "soldats", False, 0)]),
        ("Ils ont tué 5 soldats, blessé 7 autres et enlevé deux civils.",
         [C(4, 21, "killed", 5, 5, 5, False, "soldats", False, 0),
          C(23, 38, "wounded", 7, 7, 7, False, "soldats", False, 0),
          C(42, 60, "abducted", 2, 2, 2, True, "civils", False, 2)]),
        ("Quarante-deux soldats maliens ont été tués et 22 blessés dimanche.",
         [C(0, 42, "killed", 42, 42, 42, False, "soldats maliens", False, 0),
          C(46, 56, "wounded", 22, 22, 22, False, "soldats maliens", False, 0)]),
        ("Quatre soldats syriens ont été tués et six autres blessés.",
         [C(0, 35, "killed", 4, 4, 4, False, "soldats syriens", False, 0),
          C(39, 57, "wounded", 6, 6, 6, False, "soldats syriens", False, 0)]),
    ],
)
def test_killed_then_wounded(text: str, expected: list[C]) -> None:
    assert find_casualties(text) == expected


# A list is one toll, summed; "respectivement" alone splits it, one toll per figure in text order.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Au moins 34 soldats et miliciens prorégime et 21 jihadistes ont péri dans les combats.",
         [C(0, 68, "killed", 55, 55, None, False, "soldats et miliciens prorégime et 21 jihadistes", False, 0)]),
        ("Dix-sept combattants des FDS et 28 jihadistes ont été tués.",
         [C(0, 58, "killed", 45, 45, 45, False, "combattants des FDS et 28 jihadistes", False, 0)]),
        ("Trois soldats et civils ont été tués.",
         [C(0, 36, "killed", 3, 3, 3, None, "soldats et civils", False, None)]),
        ("Deux attaques ont visé des villages, tuant respectivement 12 et quatre civils.",
         [C(37, 60, "killed", 12, 12, 12, True, "civils", False, 12, 0),
          C(64, 77, "killed", 4, 4, 4, True, "civils", False, 4, 1)]),
        ("Deux attentats ont fait respectivement 12 et 4 morts.",
         [C(24, 41, "killed", 12, 12, 12, None, "", False, None, 0),
          C(45, 52, "killed", 4, 4, 4, None, "", False, None, 1)]),
    ],
)
def test_lists_and_respective_tolls(text: str, expected: list[C]) -> None:
    assert find_casualties(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Les frappes de la coalition ont tué au moins 300 civils depuis le début de l'année.",
        "Les jihadistes ont tué 12 civils en 2019 dans la région.",
    ],
)
def test_active_period_tolls_are_context(text: str) -> None:
    mentions = find_casualties(text)
    assert mentions and all(m.context for m in mentions)



def test_the_means_between_verb_and_victims_do_not_hide_the_toll():
    found = find_casualties("Des inconnus ont tué lundi soir par balles un chef coutumier à Bandiagara.")
    assert [(m.best, m.who, m.outcome) for m in found] == [(1, "chef coutumier", "killed")]
    found = find_casualties("Les assaillants ont tué à coups de machette trois villageois.")
    assert [(m.best, m.who, m.outcome) for m in found] == [(3, "villageois", "killed")]


def test_ranks_are_combatants():
    found = find_casualties("Un commandant de la milice Kataeb Hezbollah a été tué mardi par une frappe de drone.")
    assert [(m.best, m.who, m.civilians) for m in found] == [(1, "commandant de la milice Kataeb Hezbollah", False)]


def test_a_killing_shares_the_auxiliary_of_the_act_before_it() -> None:
    text = "L'armée a attaqué une base rebelle et tué dix insurgés dans le nord."
    assert find_casualties(text) == [C(35, 54, "killed", 10, 10, 10, False, "insurgés", False, 0)]
    # Without an auxiliary earlier in the clause, "et tué" reads no toll.
    assert find_casualties("Le village attaqué et tué trois.") == []


@pytest.mark.parametrize("text", [
    "Neuf soldats ont été tués dans une embuscade dans le nord du pays, en proie à des violences depuis 2015.",
    "Trois gardes ont été tués près du lac, devenu ces dernières années le refuge des insurgés.",
    "Deux manifestants sont morts à Lomé lors d'une marche de l'UDP, parti d'opposition créé en 2012.",
    "Le bilan faisait état de 8 morts, mais depuis, d'autres sources parlent de 20 morts.",
    "Quatre soldats ont été tués dans un accrochage, d'autres ont été capturés, avant d'être relâchés en mai.",
])
def test_a_period_describing_the_place_or_group_is_not_the_tolls(text: str) -> None:
    assert [m.context for m in find_casualties(text)][:1] == [False]
