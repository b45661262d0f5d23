"""Who did what to whom, and where, on short dispatches written for each rule."""

import pytest

import fracas
from fracas.extract.casualties import find_casualties

pytestmark = pytest.mark.model


def roles(text, published):
    return [(e.sub_event_type, e.actor1.name, e.actor2.name if e.actor2 else None, e.location.name,
             e.location.country, e.fatalities) for e in fracas.extract(text, published=published)]


def test_strikes_against_a_gathering_of_fighters_hit_them_and_the_announcing_army_struck():
    text = ("L'armée malienne a affirmé samedi avoir mené vendredi des frappes aériennes contre un "
            "rassemblement de jihadistes près de Tessit, dans la région de Gao.")
    assert roles(text, "2022-08-13") == [
        ("Air/drone strike", "Military Forces of Mali", "Unidentified Armed Group (Mali)", "Tessit", "ML", None),
    ]


def test_an_army_reporting_its_own_losses_is_not_the_perpetrator():
    text = ("Huit soldats ont été tués lundi lorsque leur camion a sauté sur un engin explosif près de "
            "Djibo, a annoncé l'armée burkinabè.")
    assert roles(text, "2021-08-17") == [
        ("Remote explosive/landmine/IED", "Unidentified Armed Group (Burkina Faso)", "Military Forces of Burkina Faso", "Djibo",
         "BF", 8),
    ]


def test_a_territory_is_named_after_its_town_not_a_foreign_province():
    # "Beni" is also a Bolivian department: a Congolese territoire must never send the event there.
    text = ("Des rebelles des ADF ont tué dimanche neuf civils dans le territoire de Beni, a indiqué un "
            "responsable local. Les ADF sont accusées de nombreux massacres dans la région de Beni.")
    [event] = fracas.extract(text, published="2021-02-15")
    assert (event.location.name, event.location.admin1, event.location.country, event.fatalities) == (
        "Beni", "Nord-Kivu", "CD", 9)


def test_the_toll_of_an_offensive_launched_weeks_ago_is_context():
    text = ("Les forces kurdes ont lancé en septembre une offensive contre la poche, qui a fait plus de "
            "900 morts parmi les jihadistes.")
    assert [(m.best, m.context) for m in find_casualties(text)] == [(900, True)]


def test_supporters_of_the_army_are_neither_side():
    text = ("Les forces irakiennes, appuyées par l'aviation de la coalition et des combattants des Hachd "
            "al-Chaabi, ont repris samedi la ville de Hit, dans la province d'Al-Anbar, au groupe Etat "
            "islamique (EI), a annoncé le ministère de la Défense.")
    assert roles(text, "2016-04-16") == [
        ("Government regains territory", "Military Forces of Iraq", "Islamic State", "Hit", "IQ", None),
    ]


def test_generic_words_take_the_name_the_dispatch_gives():
    text = ("Les jihadistes de l'Etat islamique en Afrique de l'Ouest (Iswap) ont attaqué jeudi une base "
            "militaire à Dikwa, dans l'Etat de Borno. Les jihadistes ont incendié des véhicules avant d'être "
            "repoussés par l'armée nigériane, a indiqué une source sécuritaire.")
    assert [r[:2] for r in roles(text, "2021-03-05")] == [("Armed clash", "Islamic State (West Africa)")]


def test_strategic_developments_ACLED_codes():
    text = ("La Monusco a découvert mardi deux fosses communes près de Djugu, dans la province de l'Ituri, "
            "a annoncé la mission de l'ONU.")
    assert [r[0] for r in roles(text, "2022-11-09")] == ["Other"]
    text = ("Le groupe armé Twirwaneho a annoncé jeudi sa dissolution lors d'une cérémonie à Minembwe, "
            "dans le Sud-Kivu, selon un responsable local.")
    assert [r[0] for r in roles(text, "2023-03-10")] == ["Change to group/activity"]


def test_a_country_level_retelling_of_a_located_strike_is_the_same_event():
    text = ("Des avions israéliens ont tiré dans la nuit des missiles contre des positions militaires près de "
            "Damas, a indiqué l'agence officielle Sana. L'armée israélienne a confirmé avoir mené des frappes "
            "en Syrie, en riposte à un tir de roquette.")
    assert [r[:4] for r in roles(text, "2019-01-21")] == [
        ("Air/drone strike", "Military Forces of Israel", "Military Forces of Syria", "Damascus"),
    ]


def test_a_protester_killed_after_a_riot_is_the_riots_toll_not_a_new_protest():
    text = ("Des manifestants ont saccagé jeudi la mairie de Kayes et incendié des véhicules, a indiqué un "
            "témoin. Les gendarmes ont tiré des gaz lacrymogènes. Un manifestant a été tué, selon une source "
            "hospitalière.")
    assert [(r[0], r[1], r[5]) for r in roles(text, "2020-07-17")] == [("Violent demonstration", "Rioters (Mali)", 1)]


def test_a_burkinabe_province_is_a_district_not_a_foreign_village():
    text = ("Des hommes armés ont tué mercredi deux gendarmes lors d'une attaque contre leur poste dans la "
            "province du Loroum, a appris l'AFP de source sécuritaire.")
    [event] = fracas.extract(text, published="2019-05-02")
    assert (event.location.name, event.location.admin1, event.location.country, event.location.precision) == (
        "Loroum", "Nord", "BF", "admin2")


# One act each: (publication date, dispatch, (sub-event type, actor1, actor2)).
WHO_DID_WHAT = [
    pytest.param(
        "2015-10-11",
        "Au moins 95 personnes ont été tuées samedi dans un double attentat suicide près de la gare centrale "
        "d'Ankara, a annoncé le ministère de la Santé.",
        ("Suicide bomb", "Unidentified Armed Group (Turkey)", "Civilians (Turkey)"),
        id="a-health-ministry-giving-a-toll-is-no-bomber-and-a-capital-after-de-is-a-place",
    ),
    pytest.param(
        "2021-11-28",
        "Des centaines de jeunes ont bloqué samedi la route nationale à Kaya pour protester contre "
        "l'insécurité, sans incident, selon des témoins.",
        ("Peaceful protest", "Protesters (Burkina Faso)", None),
        id="a-road-blocked-to-protest-is-a-protest",
    ),
    pytest.param(
        "2014-08-04",
        "Les jihadistes de l'Etat islamique ont pris dimanche le contrôle de la ville de Sinjar, dans le nord "
        "de l'Irak, ont indiqué des responsables locaux.",
        ("Non-state actor overtakes territory", "Islamic State", None),
        id="a-day-name-inside-the-trigger-words",
    ),
    pytest.param(
        "2021-10-13",
        "La force française Barkhane a remis mardi aux Forces armées maliennes sa base de Kidal, a annoncé "
        "l'état-major français.",
        ("Non-violent transfer of territory", "Military Forces of France", "Military Forces of Mali"),
        id="a-base-handed-over",
    ),
    pytest.param(
        "2022-01-07",
        "Des instructeurs militaires russes se sont installés mercredi dans l'ancienne base de la force "
        "Barkhane à Tombouctou, selon une source sécuritaire.",
        ("Headquarters or base established", "Military Forces of Russia", None),
        id="a-base-moved-into-has-no-target",
    ),
    pytest.param(
        "2017-05-21",
        "Deux Casques bleus ont été tués samedi lors d'une attaque contre leur convoi près de Bangassou, "
        "dans le sud-est de la Centrafrique, a annoncé la Minusca.",
        ("Armed clash", "Unidentified Armed Group (Central African Republic)",
         "MINUSCA - United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic"),
        id="peacekeepers-are-the-mission-deployed-in-the-country",
    ),
    pytest.param(
        "2019-12-12",
        "Soixante et onze soldats nigériens ont été tués mardi dans l'attaque de leur camp près de "
        "Tillabéri, a annoncé le ministère de la Défense.",
        ("Armed clash", "Unidentified Armed Group (Niger)", "Military Forces of Niger"),
        id="soldiers-the-verb-says-were-killed-are-the-side-hit",
    ),
    pytest.param(
        "2024-01-22",
        "Les affrontements entre l'armée et les rebelles du M23 se sont poursuivis samedi autour de Sake, "
        "selon des sources locales.",
        ("Armed clash", "Military Forces of the Democratic Republic of Congo", "M23 - March 23 Movement"),
        id="the-two-named-after-entre-are-opposite-sides",
    ),
    pytest.param(
        "2020-06-10",
        "Au moins 20 civils ont été tués mardi lors d'une attaque de la milice Maï-Maï contre le village de "
        "Kipupu, dans le Sud-Kivu, a déclaré un responsable local.",
        ("Attack", "Mai-Mai Militia", "Civilians (Democratic Republic of Congo)"),
        id="an-attack-of-the-militia-names-its-perpetrator",
    ),
    pytest.param(
        "2015-08-17",
        "Des raids aériens du régime sur la ville de Saqba, près de Damas, ont tué dimanche au moins "
        "quinze civils, selon l'OSDH.",
        ("Air/drone strike", "Military Forces of Syria", "Civilians (Syria)"),
        id="raids-of-the-regime",
    ),
    pytest.param(
        "2019-06-19",
        "Un kamikaze s'est fait exploser mardi sur un marché de Gwoza, dans l'Etat de Borno, tuant "
        "douze personnes, selon un chef local. Les autorités ont attribué l'attaque au groupe jihadiste "
        "Boko Haram.",
        ("Suicide bomb", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Civilians (Nigeria)"),
        id="a-later-attribution-names-the-bombers",
    ),
    pytest.param(
        "2021-02-16",
        "Des hommes armés ont enlevé lundi une vingtaine de villageois près de Gusau, dans l'Etat de "
        "Zamfara, a indiqué la police, qui attribue l'enlèvement à des « bandits ».",
        ("Abduction/forced disappearance", "Bandits (Nigeria)", "Civilians (Nigeria)"),
        id="unnamed-gunmen-are-the-group-the-police-names",
    ),
    pytest.param(
        "2021-12-27",
        "Un engin explosif a explosé dimanche dans un bar bondé de Butembo, dans le Nord-Kivu, tuant quatre "
        "civils, a indiqué le maire. Les autorités ont attribué l'attentat aux rebelles ADF, qui "
        "multiplient les attaques depuis début novembre.",
        ("Remote explosive/landmine/IED", "ADF - Allied Democratic Forces", "Civilians (Democratic Republic of Congo)"),
        id="an-attribution-dated-by-its-own-clause-still-names-the-bombers",
    ),
    pytest.param(
        "2020-03-09",
        "Des hommes armés ont incendié samedi l'école et le marché du village de Gorgadji, dans la région "
        "du Sahel, sans faire de victime, a indiqué un élu local.",
        ("Looting/property destruction", "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
        id="burning-a-village-school-targets-civilians",
    ),
    pytest.param(
        "2024-08-26",
        "Des membres du gang Grand Ravine ont ouvert le feu dimanche sur des habitants de Carrefour, "
        "tuant au moins six personnes, selon le RNDDH.",
        ("Attack", "Grand Ravine Gang", "Civilians (Haiti)"),  # a named gang is its own actor
        id="members-of-a-group-who-open-fire-are-the-perpetrators",
    ),
    pytest.param(
        "2018-09-20",
        "L'armée centrafricaine et des Casques bleus de la Minusca ont repoussé mercredi une attaque de "
        "combattants de l'UPC contre la ville de Bambari, a annoncé la Minusca.",
        # the UPC attacked, the army repelled it: the side that attacked is actor1 (docs/coding-rules.md)
        ("Armed clash", "UPC - Unity for Peace in Central Africa", "Military Forces of the Central African Republic"),
        id="allies-named-together-are-one-side-and-the-attackers-the-other",
    ),
    pytest.param(
        "2017-11-19",
        "Des soldats irakiens, appuyés par des frappes de la coalition internationale, ont repris samedi "
        "la ville de Rawa, dans la province d'Al-Anbar, au groupe Etat islamique, a annoncé l'armée.",
        ("Government regains territory", "Military Forces of Iraq", "Islamic State"),
        id="air-support-is-part-of-the-advance-not-a-second-event",
    ),
    pytest.param(
        "2020-01-10",
        "Sept soldats ont été tués jeudi dans une attaque jihadiste contre un poste militaire près de "
        "Téra, dans la région de Tillabéri, a annoncé le ministère nigérien de la Défense.",
        ("Armed clash", "Unidentified Armed Group (Niger)", "Military Forces of Niger"),
        id="a-jihadist-attack-names-jihadists-as-the-attackers",
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), WHO_DID_WHAT)
def test_who_did_what_to_whom(published, text, expected):
    assert [r[:3] for r in roles(text, published)] == [expected]


def test_a_strike_on_a_weapons_programme_is_a_strike_not_a_chemical_attack():
    text = ("Les Etats-Unis et la France ont mené samedi des frappes contre des sites liés au programme "
            "d'armes chimiques près de Homs, a annoncé le Pentagone.")
    assert [r[:2] for r in roles(text, "2018-04-15")] == [("Air/drone strike", "Military Forces of the United States")]


def test_a_neighbourhood_is_placed_in_its_city():
    text = ("Un attentat à la voiture piégée a fait au moins 30 morts dimanche dans le quartier commerçant de "
            "Karrada, à Bagdad, selon des sources policières.")
    assert [(r[3], r[4], r[5]) for r in roles(text, "2016-07-04")] == [("Baghdad", "IQ", 30)]


def test_the_dead_of_an_attack_on_civilians_are_civilians():
    text = ("Au moins cinq personnes ont été tuées jeudi lors d'une attaque de gangs armés à Mirebalais, "
            "selon la police haïtienne.")
    [event] = fracas.extract(text, published="2023-11-04")
    assert (event.sub_event_type, event.actor2.name, event.fatalities, event.civilian_fatalities) == (
        "Attack", "Civilians (Haiti)", 5, 5)


def test_a_prisoner_handed_over_is_no_transfer_of_territory():
    text = "Les deux otages ont été remis en liberté mardi à Gao, a indiqué un responsable local."
    assert "Non-violent transfer of territory" not in [r[0] for r in roles(text, "2022-03-09")]


def test_an_organisation_named_in_the_text_is_never_the_place():
    # GeoNames lists "ONU" among the alternate names of a French town.
    text = ("Un convoi humanitaire de l'ONU a été visé lundi soir par des frappes aériennes près d'Alep, tuant une "
            "vingtaine de personnes, selon l'OSDH.")
    assert [(r[3], r[4]) for r in roles(text, "2016-09-20")] == [("Aleppo", "SY")]


def test_a_district_described_as_a_quarter_of_a_city_is_placed_in_the_city():
    text = ("Des habitants ont lynché lundi un membre présumé de gang à Bois-Verna, un quartier de "
            "Port-au-Prince, a annoncé la police.")
    assert [(r[0], r[3], r[4]) for r in roles(text, "2023-04-25")] == [("Mob violence", "Port-au-Prince", "HT")]


def test_a_toll_since_friday_is_the_episode_still_under_way():
    text = ("De violents affrontements entre gangs rivaux ont fait au moins 89 morts depuis vendredi à "
            "Cité Soleil, selon le RNDDH.")
    assert [(r[0], r[5]) for r in roles(text, "2022-07-12")] == [("Armed clash", 89)]


def test_a_capital_after_a_preposition_is_where_not_who():
    text = ("Au moins 95 personnes ont été tuées samedi dans un double attentat suicide près de la gare centrale "
            "d'Ankara, a annoncé le ministère de la Santé.")
    assert [(r[3], r[4]) for r in roles(text, "2015-10-11")] == [("Ankara", "TR")]


def _sides(text: str) -> list[tuple[str, str, str | None]]:
    return [(e.sub_event_type, e.actor1.name, e.actor2.name if e.actor2 else None)
            for e in fracas.extract(text, published="2023-10-10")]


def test_the_one_group_the_article_names_is_the_unnamed_perpetrator_unless_the_act_is_unclaimed():
    background = " Le MFDC mène une rébellion armée dans la région depuis 1982."
    attack = "Des hommes armés ont tué trois civils lundi près de Bignona, en Casamance."
    assert [_sides(attack + background), _sides(attack + " L'attaque n'a pas été revendiquée." + background)] == [
        [("Attack", "MFDC - Movement of Democratic Forces of Casamance", "Civilians (Senegal)")],
        [("Attack", "Unidentified Armed Group (Senegal)", "Civilians (Senegal)")],
    ]


def test_a_clash_the_sentence_leaves_open_is_against_the_group_the_article_names():
    text = ("Des combats ont opposé samedi l'armée sénégalaise à des assaillants près de Bignona, faisant deux morts. "
            "Le MFDC mène une rébellion armée dans la région depuis 1982.")
    assert _sides(text) == [
        ("Armed clash", "Military Forces of Senegal", "MFDC - Movement of Democratic Forces of Casamance")]


def test_an_actor_never_fights_itself():
    text = ("Deux soldats maliens ont été tués lundi à Tessit par des soldats maliens mutins, selon l'armée malienne.")
    # Both sides resolve to the Malian army: the clash keeps one side rather than an army fighting itself.
    assert _sides(text) == [("Armed clash", "Military Forces of Mali", None)]


def test_a_total_over_several_acts_is_no_one_acts_toll():
    four = ("Des assaillants ont attaqué dans la nuit les localités de Blamonga et Kpemboli. Le gouvernement "
            "annonce plus de vingt victimes recensées dans les quatre attaques.")
    two_sides = ("Au Darfour, les bombes tirées par les deux camps ont tué au moins 20 civils samedi. Un drone de "
                 "l'armée soudanaise a mené une frappe sur Nyala.")
    one = "Trois soldats ont été tués lors des affrontements de lundi à Djibo."
    assert [[e.fatalities for e in fracas.extract(four, published="2022-07-16")],
            [e.fatalities for e in fracas.extract(two_sides, published="2025-08-31")],
            [e.fatalities for e in fracas.extract(one, published="2022-09-13")]] == [[None], [None, None], [3]]


def test_a_country_named_as_a_neighbour_is_that_country_not_a_foreign_province():
    # "du Niger" is the country, never Nigeria's Niger state; "Au Bénin" opens the dispatch's scene.
    text = ("Au Bénin, l'armée a subi de lourdes pertes près des frontières du Niger et du Burkina Faso. Au moins "
            "douze soldats ont été tués jeudi lors d'une attaque jihadiste contre leur position, selon les "
            "autorités béninoises.")
    assert roles(text, "2025-01-10") == [
        ("Armed clash", "Unidentified Armed Group (Benin)", "Military Forces of Benin", "Benin", "BJ", 12),
    ]


def test_a_region_name_several_countries_share_is_read_in_the_dispatch_country():
    # Haiti also has a "Nord-Ouest": the Cameroonian article keeps its own region.
    text = ("Des séparatistes armés ont attaqué lundi un poste militaire à Ndop, dans la région du Nord-Ouest du "
            "Cameroun, tuant deux soldats, selon une source sécuritaire.")
    [event] = fracas.extract(text, published="2022-06-15")
    assert (event.sub_event_type, event.actor1.name, event.actor2.name, event.location.name,
            event.location.admin1, event.location.country) == (
        "Armed clash", "Ambazonian Separatists", "Military Forces of Cameroon", "Ndop", "North-West", "CM")


def test_the_side_attacked_in_a_battle_is_actor2():
    text = ("Des hommes armés ont attaqué mardi un poste avancé de l'armée togolaise à Mandouri, dans la région "
            "des Savanes, a indiqué une source sécuritaire.")
    assert roles(text, "2023-05-12") == [
        ("Armed clash", "Unidentified Armed Group (Togo)", "Military Forces of Togo", "Mandouri", "TG", None),
    ]


def test_barricades_and_stones_in_the_next_sentence_make_the_demonstration_a_riot():
    text = ("Des centaines de manifestants ont défilé mercredi à Conakry contre la junte. Des jeunes ont érigé "
            "des barricades et lancé des pierres sur les forces de l'ordre, selon des témoins.")
    assert roles(text, "2022-08-18") == [
        ("Violent demonstration", "Rioters (Guinea)", None, "Conakry", "GN", None),
    ]


def test_a_village_no_gazetteer_has_is_placed_in_the_one_province_of_the_dispatch():
    # Kpalbogou (an invented village) is in no gazetteer; the dispatch's only other place, Dapaong, is in the Savanes region.
    text = ("Jeudi, des hommes armés ont tué six civils dans le village de Kpalbogou, au Togo, selon une source "
            "locale. Les blessés ont été évacués vers l'hôpital de Dapaong.")
    [event] = fracas.extract(text, published="2022-07-16")
    assert (event.sub_event_type, event.location.name, event.location.admin1, event.location.country,
            event.location.precision, event.location.text, event.fatalities) == (
        "Attack", "Savanes", "Savanes", "TG", "admin1", "Dapaong", 6)


def test_a_demonstration_that_turns_to_looting_is_a_riot():
    # Cues are whole words: the plural "pillages" is a cue of its own.
    text = ("Des milliers de manifestants ont défilé lundi à Goma contre la Monusco. Ces manifestations se sont "
            "transformées en pillages.")
    assert [r[:4] for r in roles(text, "2022-07-26")] == [
        ("Violent demonstration", "Rioters (Democratic Republic of Congo)",
         "MONUSCO - United Nations Organization Stabilization Mission in the DRC", "Goma"),
    ]


def test_scuffles_told_of_a_demonstration_are_a_riot_there():
    # "des heurts" with no armed group named, after protesters: the demonstrators clashed, a riot.
    text = ("Des centaines de jeunes ont manifesté mardi soir à Sfax contre le couvre-feu, selon des médias "
            "locaux. Des heurts ont également eu lieu à Gafsa.")
    assert roles(text, "2021-01-19") == [
        ("Peaceful protest", "Protesters (Tunisia)", None, "Sfax", "TN", None),
        ("Violent demonstration", "Rioters (Tunisia)", None, "Gafsa", "TN", None),
    ]


def test_scuffles_between_soldiers_and_jihadists_stay_a_clash():
    text = "Des heurts ont opposé mardi des soldats et des jihadistes près de Gao, selon une source sécuritaire."
    assert [r[:2] for r in roles(text, "2021-01-20")] == [("Armed clash", "Military Forces of Mali")]


def test_a_bare_weekday_is_the_day_the_dispatch_names_in_full():
    # The publication date is known only to the month: "dimanche" alone could not be dated to the day.
    text = ("Le dimanche 23 février, jour de marché, la région de Tombouctou était calme jusqu'au soir. Des "
            "jihadistes ont attaqué dimanche le camp de Bambara Maoudé, au Mali, tuant trois soldats.")
    assert [(e.event_date, e.date_precision) for e in fracas.extract(text, published="2020-02")] == [
        ("2020-02-23", "day")]


def test_violence_told_later_in_the_dispatch_makes_its_demonstration_a_riot():
    text = ("Des milliers de manifestants ont défilé mercredi à Dakar contre le report de l'élection "
            "présidentielle. Les partis d'opposition avaient appelé leurs militants à se rassembler dès le matin "
            "devant l'Assemblée nationale, où les députés devaient examiner un projet de loi très contesté par la "
            "société civile et par plusieurs anciens ministres du gouvernement sortant. Selon la Croix-Rouge, un "
            "jeune homme a été tué par balle dans le quartier de Colobane. Dans la soirée, des pneus brûlés et des "
            "barricades bloquaient encore plusieurs routes de la capitale.")
    assert roles(text, "2024-02-08") == [
        ("Violent demonstration", "Rioters (Senegal)", None, "Dakar", "SN", 1),
    ]


def _places(text, published):
    return [(e.sub_event_type, e.location.name, e.location.admin1, e.location.precision)
            for e in fracas.extract(text, published=published)]


def test_where_a_source_was_reached_is_not_a_second_place_of_the_act():
    text = ("Des jihadistes ont attaqué lundi le camp militaire de Boulkessi, tuant six soldats, a indiqué un "
            "officier de l'armée joint à Bamako.")
    assert _places(text, "2021-03-02") == [("Armed clash", "Boulkessi", "Mopti", "place")]


def test_a_dateline_below_a_header_line_is_where_the_story_was_filed():
    text = ("portail-info | 2024-12-02 à 03:52\n\nBAMAKO, 1er décembre (Xinhua) -- Des frappes de drones de l'armée "
            "malienne ont tué dimanche cinq combattants rebelles à Tinzaouaten, dans le nord du Mali.")
    assert _places(text, "2024-12-02") == [("Air/drone strike", "Tinzaouaten", "Kidal", "place")]


def test_a_far_landmark_does_not_place_the_act_the_province_named_does():
    # Zobanga is in no gazetteer; Bangui, 450 km away, only says where the region lies.
    text = ("Des rebelles ont attaqué dimanche le village de Zobanga, situé à environ 450 km au nord-ouest de "
            "Bangui, dans la préfecture de l'Ouham-Pendé, tuant quatre civils, a déclaré un responsable local.")
    assert _places(text, "2021-11-08") == [("Attack", "Ouham-Pende", "Ouham-Pende", "admin1")]


def test_a_capital_standing_for_its_government_is_not_a_place_of_the_act():
    text = ("Les insurgés ont attaqué mercredi la ville de Palma et tué plusieurs civils, malgré les efforts de "
            "Maputo pour reprendre le contrôle du Cabo Delgado.")
    assert _places(text, "2021-03-26") == [("Attack", "Palma", "Cabo Delgado", "place")]


def test_a_village_no_gazetteer_has_goes_to_the_province_most_places_lie_in():
    # Nabouloga (an invented village) is in no gazetteer; Kara is named only as where the president was.
    text = ("La région des Savanes, dont Dapaong est le chef-lieu, vit sous l'état d'urgence. Le président se "
            "trouvait alors dans la région de Kara. Il n'y a eu aucune revendication. Les habitants ont peur. "
            "Dans la nuit de mercredi à jeudi, des hommes armés ont tué dix habitants à Nabouloga, selon des "
            "sources locales.")
    assert _places(text, "2022-07-15") == [("Attack", "Savanes", "Savanes", "admin1")]


def test_an_act_told_two_sentences_after_its_place_is_there():
    text = ("L'armée malienne a mené vendredi une reconnaissance aérienne près de Macina, dans la région de Ségou. "
            "Cette mission a permis de repérer un groupe armé dissimulé sous des arbres. Une frappe aérienne a "
            "ensuite neutralisé une dizaine de combattants, selon l'état-major.")
    assert _places(text, "2026-02-22") == [("Air/drone strike", "Segou", "Segou", "admin1")]


def test_an_act_told_again_without_a_date_of_its_own_is_the_same_act():
    # The lead dates the act (samedi) and its report (ce lundi); "l'attaque" below has no day of its own.
    text = ("Des hommes armés ont tué samedi au moins vingt civils à Barsalogho, dans le Centre-Nord, selon des "
            "sources citées ce lundi 26 août. Les habitants creusaient des tranchées. L'attaque aurait fait des "
            "dizaines de morts.")
    assert [(e.sub_event_type, e.location.name, e.event_date, e.fatalities)
            for e in fracas.extract(text, published="2024-08-26")] == [
        ("Attack", "Barsalogho", "2024-08-24", 20),
    ]


def test_a_clash_with_the_police_told_beside_a_riot_is_the_riot():
    text = ("Des manifestants ont jeté des pierres sur la police lundi à Ziguinchor. "
            "Les affrontements avec la police ont fait un blessé.")
    assert roles(text, "2021-03-09") == [
        ("Violent demonstration", "Rioters (Senegal)", "Police Forces of Senegal", "Ziguinchor", "SN", None),
    ]


def test_security_forces_clashing_with_demonstrators_make_the_demonstration_a_riot():
    text = ("Des centaines de manifestants ont défilé samedi à Conakry contre la junte. Les forces de l'ordre "
            "ont affronté jusqu'au soir des manifestants très mobiles dans plusieurs quartiers.")
    assert roles(text, "2022-08-20") == [
        ("Violent demonstration", "Rioters (Guinea)", "Police Forces of Guinea", "Conakry", "GN", None),
    ]


def test_riot_police_and_a_photo_caption_tell_of_no_riot():
    text = ("Des milliers de manifestants se sont rassemblés samedi à Beyrouth contre la classe politique. "
            "La brigade anti émeute a fait usage de gaz lacrymogènes pour disperser les manifestants.\n\n"
            "Émeutes à Beyrouth, le 18 janvier 2020. © Photo AFP\n\n"
            "Les marches ont continué dans la soirée.")
    # The riot police who dispersed the crowd face it (actor2), though their name tells of no riot.
    assert roles(text, "2020-01-19") == [
        ("Protest with intervention", "Protesters (Lebanon)", "Police Forces of Lebanon", "Beirut", "LB", None),
    ]


def test_houses_burned_by_a_gang_do_not_make_a_demonstration_a_riot():
    text = ("Des milliers de manifestants ont défilé lundi à Port-au-Prince pour exiger la démission du Premier "
            "ministre. Le week-end dernier, des membres présumés de gangs ont tué huit personnes dans une "
            "communauté, dont deux femmes qui ont été incendiées.")
    assert [r[:2] for r in roles(text, "2022-08-02")][0] == ("Peaceful protest", "Protesters (Haiti)")


def test_tyres_burned_and_a_house_vandalised_make_the_demonstration_a_riot():
    text = ("Les manifestants ont défilé mercredi à Ziguinchor malgré l'interdiction. Des jeunes en furie ont "
            "brûlé partout des pneus et la maison du procureur a été vandalisée.")
    assert roles(text, "2022-06-02") == [
        ("Violent demonstration", "Rioters (Senegal)", None, "Ziguinchor", "SN", None),
    ]


def test_an_attack_on_villages_is_on_civilians_even_when_soldiers_die_there():
    text = ("Plusieurs dizaines de personnes, notamment des civils et des militaires, ont été tuées mercredi lors "
            "de l'attaque de plusieurs villages du nord du Burkina Faso.")
    assert [r[:3] for r in roles(text, "2021-08-05")] == [
        ("Attack", "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
    ]


def test_civilians_killed_by_the_army_are_an_attack_not_a_clash():
    text = ("Le ministère de la Défense a reconnu mardi la mort de neuf civils, dont quatre femmes, tués le 1er juin "
            "par l'armée dans le département de la Menchum, au Cameroun.")
    assert [r[:3] for r in roles(text, "2022-06-08")] == [
        ("Attack", "Military Forces of Cameroon", "Civilians (Cameroon)"),
    ]


def test_a_town_retaken_after_the_troops_left_is_a_non_violent_transfer():
    text = ("Des combattants d'al-Shabaab ont repris dimanche la ville de Beledweyne, en Somalie, peu après le "
            "départ des troupes de l'Union africaine, selon des habitants.")
    assert [r[0] for r in roles(text, "2016-10-24")] == ["Non-violent transfer of territory"]


def test_strikes_on_two_villages_of_one_province_told_in_two_sentences_are_two_events():
    # Markaba and Aita al-Shaab are both in the Nabatiyeh governorate: one event per village, as ACLED codes.
    text = ("Un drone israélien a frappé mardi une maison à Markaba, tuant deux personnes, selon l'agence "
            "officielle libanaise. Un autre drone israélien a ensuite frappé Aita al-Shaab, sans faire de victime.")
    assert [(e.sub_event_type, e.location.name, e.location.admin1, e.fatalities)
            for e in fracas.extract(text, published="2024-06-04")] == [
        ("Air/drone strike", "Markaba", "An Nabatiyah", 2),
        ("Air/drone strike", "Aita al-Shaab", "An Nabatiyah", 0),
    ]


def test_an_anaphor_naming_another_village_still_tells_the_act_already_reported():
    text = ("Des miliciens ont tué dimanche douze civils à Markaba, selon des sources locales. Cette attaque "
            "est la troisième depuis que les miliciens sont revenus d'Aita al-Shaab.")
    assert [(e.sub_event_type, e.location.name, e.fatalities)
            for e in fracas.extract(text, published="2024-06-04")] == [("Attack", "Markaba", 12)]


def test_fighters_killed_by_a_strike_the_sentence_leaves_open_are_the_unidentified_armed_group():
    # The army struck and the dead are counted as fighters: it hit an armed group, here unnamed.
    text = ("L'armée malienne a annoncé mercredi avoir mené mardi des frappes aériennes près de Tessit, dans la "
            "région de Gao. Une quinzaine de terroristes ont été neutralisés, selon le communiqué.")
    assert roles(text, "2023-06-08") == [
        ("Air/drone strike", "Military Forces of Mali", "Unidentified Armed Group (Mali)", "Tessit", "ML", 15),
    ]


def test_the_parties_to_a_truce_named_beside_a_strike_are_not_its_sides():
    # "le cessez-le-feu entre Israël et le Hezbollah" says what the strike broke, not whom it hit.
    text = ("Une frappe de drone israélienne a tué deux personnes mardi à Bint Jbeil, dans le sud du Liban, malgré "
            "le cessez-le-feu entre Israël et le Hezbollah, selon les autorités locales.")
    assert roles(text, "2025-06-08") == [
        ("Air/drone strike", "Military Forces of Israel", "Civilians (Lebanon)", "Bent Jbail", "LB", 2),
    ]
