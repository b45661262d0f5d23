"""Demonstrations and what the police do to them, on short dispatches written for each rule."""

import pytest

import fracas

pytestmark = pytest.mark.model


def protests(text, published):
    return [(e.sub_event_type, e.actor1.name, e.actor2.name if e.actor2 else None, e.location.name)
            for e in fracas.extract(text, published=published)]


def test_tear_gas_fired_at_a_crowd_is_the_protests_intervention_not_a_grenade_attack():
    text = ("Une foule de partisans de l'opposition s'est formée mardi devant le siège du parti à Niamey. Les "
            "policiers ont tiré des grenades lacrymogènes pour la disperser.")
    assert protests(text, "2023-04-12") == [
        ("Protest with intervention", "Protesters (Niger)", "Police Forces of Niger", "Niamey"),
    ]


def test_tear_gas_with_no_crowd_near_is_no_event():
    text = ("Le ministère de l'Intérieur du Niger a commandé mardi un nouveau lot de grenades lacrymogènes "
            "pour ses unités, selon un communiqué publié à Niamey.")
    assert protests(text, "2023-04-12") == []


def test_a_stock_of_grenades_burned_is_no_grenade_attack():
    text = ("Des manifestants en colère ont saccagé jeudi le commissariat de Gonaïves et incendié un stock de "
            "grenades qui s'y trouvait.")
    assert protests(text, "2019-10-04") == [("Violent demonstration", "Rioters (Haiti)", None, "Gonaives")]


def test_arrests_at_a_demonstration_are_its_intervention_not_an_event_of_their_own():
    text = ("Des milliers de manifestants ont défilé vendredi à Alger contre le pouvoir. En fin de journée, "
            "plusieurs dizaines de personnes ont été interpellées, selon des médias locaux.")
    assert protests(text, "2019-05-25") == [
        ("Protest with intervention", "Protesters (Algeria)", "Police Forces of Algeria", "Algiers"),
    ]


def test_arrests_told_far_from_the_demonstration_join_it():
    # Too far from the march for its words to type it: the arrests are merged into the march.
    filler = ("Les commerçants du centre-ville avaient baissé leurs rideaux dès le matin, et les transports "
              "publics ne circulaient plus dans plusieurs quartiers de la capitale, selon les habitants. ")
    text = ("Des centaines de manifestants ont marché samedi à Dakar pour réclamer la libération d'un opposant. "
            + filler * 3 + "Une vingtaine d'arrestations ont eu lieu samedi à Dakar.")
    assert protests(text, "2021-03-07") == [
        ("Protest with intervention", "Protesters (Senegal)", "Police Forces of Senegal", "Dakar"),
    ]


def test_a_demonstration_dispersed_with_no_force_named_faces_the_countrys_police():
    text = "Samedi à Lomé, une manifestation de l'opposition a été dispersée au bout d'une heure."
    assert protests(text, "2022-09-11") == [
        ("Protest with intervention", "Protesters (Togo)", "Police Forces of Togo", "Lome"),
    ]


def test_arrests_told_as_following_the_demonstration_are_an_event_of_their_own():
    text = ("Des centaines de manifestants ont défilé mardi à Bamako contre la vie chère. À la suite de ces "
            "événements, une trentaine de personnes ont été arrêtées par la police.")
    assert [row[0] for row in protests(text, "2021-06-09")] == ["Peaceful protest", "Arrests"]


def test_demonstrations_in_two_towns_of_one_province_are_two_events():
    text = ("Jeudi, des manifestants ont pillé un entrepôt de la Monusco à Goma. À Butembo, des manifestants "
            "ont incendié des pneus devant la mairie le même jour.")
    assert [(row[0], row[3]) for row in protests(text, "2022-07-29")] == [
        ("Violent demonstration", "Goma"), ("Violent demonstration", "Butembo"),
    ]


def test_urban_violence_and_firework_mortars_are_a_riot():
    text = ("Des violences urbaines ont éclaté mardi soir à Nanterre : des jeunes ont incendié des voitures et "
            "visé les policiers avec des mortiers d'artifice.")
    assert protests(text, "2023-06-28") == [
        ("Violent demonstration", "Rioters (France)", "Police Forces of France", "Nanterre"),
    ]


def test_a_demonstration_told_again_with_its_dispersal_is_a_protest_with_intervention():
    text = ("Plus d'un millier de manifestants ont défilé samedi à Conakry contre la junte. Le président du "
            "mouvement, qui marchait en tête, a salué la mobilisation. Plus loin, le cortège est dispersé à "
            "grands renforts de gaz lacrymogène.")
    assert protests(text, "2022-07-31") == [
        ("Protest with intervention", "Protesters (Guinea)", "Police Forces of Guinea", "Conakry"),
    ]


def test_the_security_forces_facing_a_crowd_are_the_countrys_police():
    text = ("Des centaines de manifestants ont bloqué mardi les routes de Conakry. Les forces de sécurité ont "
            "tiré des grenades lacrymogènes pour les disperser.")
    assert protests(text, "2022-07-06") == [
        ("Protest with intervention", "Protesters (Guinea)", "Police Forces of Guinea", "Conakry"),
    ]


def test_the_security_forces_fighting_an_armed_group_are_the_countrys_military():
    text = ("Des hommes armés ont attaqué mardi un poste près de Gao. Les forces de sécurité ont riposté "
            "et repoussé les assaillants.")
    assert [(sub, a2) for sub, _a1, a2, _place in protests(text, "2022-07-06")] == [
        ("Armed clash", "Military Forces of Mali"),
    ]


def test_arrests_the_sentence_leaves_open_are_made_by_the_forces_and_hold_protesters_else_civilians():
    # Nobody named in the arrest's own sentence: the state's forces made it; those held are the
    # dispatch's protesters when it names some, else civilians.
    after_a_march = ("Des milliers de manifestants ont défilé samedi à Kinshasa contre la hausse des prix. Lundi, "
                     "une vingtaine de personnes ont été arrêtées à Goma, selon un responsable local.")
    assert protests(after_a_march, "2023-06-07") == [
        ("Peaceful protest", "Protesters (Democratic Republic of Congo)", None, "Kinshasa"),
        ("Arrests", "Police Forces of the Democratic Republic of Congo",
         "Protesters (Democratic Republic of Congo)", "Goma"),
    ]
    after_an_attack = ("Trois soldats ont été tués mardi dans une attaque jihadiste près de Mopti. Le lendemain, une "
                       "dizaine de personnes ont été arrêtées à Sévaré, selon une source sécuritaire.")
    assert protests(after_an_attack, "2023-06-09") == [
        ("Armed clash", "Unidentified Armed Group (Mali)", "Military Forces of Mali", "Mopti"),
        ("Arrests", "Military Forces of Mali", "Civilians (Mali)", "Sevare"),
    ]


def test_residents_attacking_a_peacekeepers_base_are_rioters():
    text = ("Mardi, des habitants furieux contre les Casques bleus ont attaqué une base de la Monusco à Butembo, "
            "dans le Nord-Kivu.")
    assert protests(text, "2022-07-28") == [
        ("Violent demonstration", "Rioters (Democratic Republic of Congo)",
         "MONUSCO - United Nations Organization Stabilization Mission in the DRC", "Butembo"),
    ]


def test_armed_youths_attacking_a_base_are_no_riot():
    text = "Mardi, des jeunes armés de fusils ont attaqué une base de la Monusco à Butembo, dans le Nord-Kivu."
    assert [e[0] for e in protests(text, "2022-07-28")] == ["Armed clash"]
