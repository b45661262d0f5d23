"""The relevance stage on raw text: verdicts, reasons and the words they rest on (no model needed)."""

from __future__ import annotations

import re

from fracas.model import Relevance
from fracas.relevance import after_sentences, cue_pack, names_no_act, screen_text, sentence_sense
from fracas.relevance.screen import FrameScores, TextScreening
from fracas.text import fold


def test_a_match_report_is_irrelevant_from_its_text():
    text = "Sur une frappe croisée à la 78e minute, l'attaquant a offert la victoire à son équipe."
    assert screen_text(text) == TextScreening("irrelevant", Relevance(
        "irrelevant", "text", "no conflict frame; the trigger words are in a sport frame",
        ("frappe", "attaquant", "frappe croisée", "victoire", "équipe")))


def test_a_text_with_no_trigger_word_is_irrelevant():
    assert screen_text("Le conseil municipal a voté le budget de la piscine.") == TextScreening(
        "irrelevant", Relevance("irrelevant", "text", "no word that can report an act"))


def test_a_clear_conflict_frame_is_relevant_from_its_text():
    text = "Des jihadistes ont attaqué mardi un poste de l'armée près de Djibo, tuant cinq soldats."
    assert screen_text(text) == TextScreening("relevant", Relevance(
        "relevant", "text", "conflict frame (armed_actors, conflict_places)",
        ("jihadistes", "l'armée", "soldats", "Djibo")))


def test_a_war_film_review_is_left_to_the_sentences():
    text = ("Le film suit un commando de soldats pendant la guerre. Le réalisateur filme les combats avec "
            "une violence crue, mais le scénario et les acteurs peinent à convaincre.")
    assert screen_text(text) == TextScreening("undecided", Relevance(
        "relevant", "sentences", "conflict frame 6 against reviews 4: decided by the sentences",
        ("soldats", "guerre", "combats", "film", "réalisateur", "scénario", "acteurs")), 4)


def test_the_sentences_finish_an_undecided_verdict():
    screened = screen_text("Le film suit des soldats pendant la guerre; le réalisateur filme les combats.")
    assert [after_sentences(screened, n, ("sense: dropped",)).verdict for n in (0, 1)] == ["irrelevant", "relevant"]
    assert after_sentences(screened, 0, ()).reason == "no act in a conflict frame left after the sense and coherence checks"


def test_a_sense_dependent_trigger_needs_a_conflict_frame_in_its_sentence():
    quake = "Un séisme de magnitude 6,8 a frappé le Maroc, selon les sauveteurs."
    strike = "Des avions de combat ont frappé des positions rebelles."
    assert [sentence_sense(("frappe", "frapper"), text, strict=strict) for text, strict in
            ((quake, False), (quake, True), (strike, True))] == [
        "'frappe' in a weather_disasters frame (séisme, magnitude, sauveteurs)",
        "'frappe' in a weather_disasters frame (séisme, magnitude, sauveteurs)",
        None,
    ]


def test_in_a_clear_conflict_text_a_plain_sentence_keeps_its_trigger():
    assert sentence_sense(("tues", "tuer"), "Trois personnes ont été tuées mardi à Kidal.", strict=False) is None
    assert sentence_sense(("tues", "tuer"), "Trois personnes ont été tuées mardi.", strict=True) == (
        "'tues' in no conflict frame")


def test_a_word_in_two_conflict_lists_counts_once():
    # "gang" is a cue word and an armed group's alias: one word, one count, against the crime frame.
    text = "Les enquêteurs ont arrêté un gang de voleurs de voitures."
    assert sentence_sense(("arrete", "arreter"), text, strict=True) == (
        "'arrete' in a ordinary_crime frame (enquêteurs, voleurs)")


def test_a_word_inside_a_longer_phrase_of_the_other_side_takes_the_phrase_s_sense():
    # "guerre" in "la Seconde Guerre mondiale" is history, "chasse" in "avions de chasse" is no hunt.
    pack = cue_pack()
    old_bomb = "Les démineurs ont neutralisé une bombe de la Seconde Guerre mondiale trouvée sur un chantier."
    scores = FrameScores.of(pack, fold(old_bomb), old_bomb)
    assert (scores.conflict, scores.other) == ({}, {
        "commemorations": {"seconde guerre mondiale": "Seconde Guerre mondiale"},
        "old_ordnance": {"demineurs": "démineurs"}})
    jets = "Deux avions de chasse ont survolé la ville."
    assert FrameScores.of(pack, fold(jets), jets).other == {}


def test_a_trigger_inside_a_phrase_that_names_a_thing_reports_no_act():
    text = fold("Un avion de combat s'est posé en urgence; l'hélicoptère de transport et d'assaut aussi.")
    assert [names_no_act(text, m.start(), m.end()) for m in re.finditer(r"combat|assaut", text)] == [
        "avion de combat", "helicoptere de transport et d'assaut"]
    mandate = fold("La mission pourra exécuter plus efficacement l'intégralité de son mandat.")
    start = mandate.index("executer")
    assert names_no_act(mandate, start, start + len("executer")) == (
        "executer plus efficacement l'integralite de son mandat")
    figure = fold("Les extrémistes ont pris en otage leur foi, dit le réalisateur.")
    start = figure.index("otage")
    assert names_no_act(figure, start, start + 5) == "en otage leur foi"
    course = fold("Les stagiaires sont formés au déminage et au combat en montagne.")
    start = course.index("combat")
    assert names_no_act(course, start, start + 6) == "combat en montagne"
    # "manifestation" as an event of culture or as a showing, even split by quotation marks
    shown = [fold("Le festival reste la grande manifestation culturelle de la ville."),
             fold("Le ministre relève la manifestation du « terrorisme international » au nord.")]
    assert [names_no_act(t, t.index("manifestation"), t.index("manifestation") + 13) for t in shown] == [
        "manifestation culturelle", "manifestation du « terrorisme"]
    battle = fold("De violents combats ont opposé l'armée aux rebelles.")
    assert names_no_act(battle, battle.index("combats"), battle.index("combats") + 7) is None


def test_a_death_with_a_cause_that_is_no_one_s_act_is_no_event():
    crash = "Huit militaires ont été tués dans le crash de leur hélicoptère lors d'un vol de nuit."
    downed = "Huit militaires ont été tués dans le crash de leur hélicoptère, abattu par des rebelles."
    assert [sentence_sense(("tues", "tuer"), text, strict=False) for text in (crash, downed)] == [
        "'tues' with a cause that is no one's act (crash)", None]


def test_an_army_exercise_is_left_to_the_sentences_and_its_simulated_fire_is_no_act():
    text = ("Quelque 800 militaires et des blindés ont mené un exercice grandeur nature au camp de Mailly : "
            "les tirs de mortier étaient simulés, à blanc.")
    screened = screen_text(text)
    assert screened == TextScreening("undecided", Relevance(
        "relevant", "sentences", "conflict frame 6 against military_routine 4: decided by the sentences",
        ("militaires", "blindés", "mortier", "exercice", "grandeur nature", "simulés", "à blanc")), 4)
    assert sentence_sense(("mortier", "mortier"), text, strict=True, text_other=screened.other_score) == (
        "'mortier' in a military_routine frame (exercice, grandeur nature, simulés, à blanc)")


def test_an_explosion_with_a_cause_that_is_no_one_s_act_is_no_event():
    depot = "Les explosions dans un dépôt de munitions sont dues à un court circuit, puis à un incendie."
    shelled = "Les explosions dues à un court circuit ont été suivies de tirs de mortier."
    assert [sentence_sense(("explosions", "explosion"), text, strict=False) for text in (depot, shelled)] == [
        "'explosions' with a cause that is no one's act (court circuit)", None]


def test_a_verdict_s_list_of_charges_reports_no_act():
    verdict = "Il a été reconnu coupable de meurtre et de viol par la Cour pénale internationale."
    assert sentence_sense(("viol", "viol"), verdict, strict=True) == (
        "'viol' in a trials frame (reconnu coupable, Cour pénale internationale)")


def test_a_strike_capacity_and_a_minister_s_attacks_name_no_act():
    text = fold("La flotte de drones disposera de capacités de frappe; les attaques du Premier ministre ont outré "
                "les députés.")
    assert [names_no_act(text, text.index(w), text.index(w) + len(w)) for w in ("frappe", "attaques")] == [
        "capacites de frappe", "attaques du premier ministre"]


def test_a_staged_attack_is_left_to_the_sentences_and_its_attentat_is_no_act():
    drill = ("La préfecture a organisé une simulation d'attentat dans un lycée : des figurants jouaient les victimes "
             "et de faux terroristes armés ont ouvert le feu avant l'assaut des gendarmes.")
    war = "Un attentat a visé mardi un poste de l'armée près de Ménaka, tuant quatre soldats."
    screened = screen_text(drill)
    assert (screened.screening, screened.relevance.reason, screened.relevance.cues) == (
        "undecided", "conflict frame 2 against simulation 6: decided by the sentences",
        ("armés", "gendarmes", "simulation d'attentat", "figurants", "faux terroristes"))
    assert [sentence_sense(("attentat", "attentat"), text, strict=True, text_other=other)
            for text, other in ((drill, screened.other_score), (war, 0))] == [
        "'attentat' in a simulation frame (simulation d'attentat, figurants, faux terroristes)", None]


def test_suicide_bombers_recalled_at_a_ceremony_are_no_new_act():
    ceremony = "Dix ans après, une cérémonie d'hommage a réuni les familles des victimes des kamikazes."
    blast = "Deux kamikazes se sont fait exploser près d'un camp militaire."
    assert sentence_sense(("kamikazes", "kamikaze"), ceremony, strict=True, text_other=4) == (
        "'kamikazes' in a commemorations frame (cérémonie, hommage)")
    assert sentence_sense(("kamikazes", "kamikaze"), blast, strict=True) is None
    # "attentat suicide" reports an act in any frame, even beside a ministry's toll.
    toll = "Un double attentat suicide a tué vingt personnes, a annoncé le ministère de la Santé."
    assert sentence_sense(("attentat", "attentat"), toll, strict=True, text_other=4) is None


def test_the_raid_police_unit_is_no_air_raid():
    unit = fold("Les hommes du RAID et du GIGN sont intervenus dans la salle.")
    air = fold("Un raid de l'aviation a visé le camp.")
    assert [names_no_act(text, text.index("raid"), text.index("raid") + 4) for text in (unit, air)] == [
        "hommes du raid", None]


def test_a_history_of_a_past_war_is_in_the_commemorations_frame():
    history = "Les poilus tenaient les tranchées en 1916, racontent les historiens de la guerre de 14-18."
    scores = FrameScores.of(cue_pack(), fold(history), history)
    assert (scores.conflict, scores.other) == ({"violence": {"guerre": "guerre"}}, {
        "commemorations": {"poilus": "poilus", "historiens": "historiens", "14-18": "14-18"}})


def _phrase_around(sentence: str, word: str) -> str | None:
    folded = fold(sentence)
    start = folded.index(word)
    return names_no_act(folded, start, start + len(word))


def test_a_trigger_verb_in_its_everyday_sense_reports_no_act():
    everyday = [
        ("Le ministre remercie ceux qui ont osé affronter avec lui de si lourds défis.", "affronter"),
        ("La grave crise du carburant qui frappe la capitale paralyse les transports.", "frappe"),
        ("Le village est frappé par la sécheresse depuis deux ans.", "frappe"),
        ("Rien ne semble pouvoir les arrêter, disent les éleveurs des sauterelles.", "arreter"),
        ("Le convoi s'est arrêté à la frontière pour la nuit.", "arrete"),
        ("Le chœur a chanté, manifestant sa joie de revoir le public.", "manifestant"),
    ]
    assert [_phrase_around(sentence, word) for sentence, word in everyday] == [
        "affronter avec lui de si lourds defis", "crise du carburant qui frappe", "frappe par la secheresse",
        "rien ne semble pouvoir les arreter", "s'est arrete", "manifestant sa"]
    acts = [("Les soldats ont affronté les rebelles près du pont.", "affronte"),
            ("Un drone a frappé la capitale dans la nuit.", "frappe"),
            ("La police a arrêté trois manifestants devant la mairie.", "arrete"),
            ("Un manifestant a été blessé devant la mairie.", "manifestant")]
    assert [_phrase_around(sentence, word) for sentence, word in acts] == [None, None, None, None]


def test_weapons_delivered_or_described_name_no_act_even_where_phrases_overlap():
    described = [
        ("Le cargo a livré deux hélicoptères de combats et des radars.", "combats"),
        ("Deux hélicoptères de transport et d'attaque sont arrivés à l'aéroport.", "attaque"),
        ("Ces appareils sont bien équipés pour le combat tactique.", "combat"),
        ("Le président a remis les clefs de six nouveaux hélicoptères de combat à l'armée de l'air.", "remis"),
        ("Le président a remis les clefs de six nouveaux hélicoptères de combat à l'armée de l'air.", "combat"),
        ("On spécule sur des offensives imminentes dans le sud.", "offensives"),
        ("C'est la manifestation d'un partenariat solide entre les deux pays.", "manifestation"),
    ]
    assert [_phrase_around(sentence, word) for sentence, word in described] == [
        "helicopteres de combats", "helicopteres de transport et d'attaque", "equipes pour le combat",
        "remis les clefs de six nouveaux helicopteres", "helicopteres de combat", "offensives imminentes",
        "c'est la manifestation d'un"]
    assert _phrase_around("Les rebelles ont lancé une offensive contre la ville.", "offensive") is None


def test_a_captivity_told_years_later_by_a_former_hostage_is_in_the_memoirs_frame():
    memoir = ("Enlevé par des jihadistes en 2012, l'ex-otage raconte son calvaire et son difficile retour "
              "dans un récit de sa captivité.")
    scores = FrameScores.of(cue_pack(), fold(memoir), memoir)
    assert scores.other == {"memoirs": {"ex-otage": "ex-otage", "raconte son calvaire": "raconte son calvaire",
                                        "son difficile retour": "son difficile retour",
                                        "recit de sa captivite": "récit de sa captivité"},
                            "reviews": {"recit": "récit"}}
    assert screen_text(memoir).screening == "undecided"
    assert sentence_sense(("enleve", "enlever"), memoir, strict=True, text_other=8) == (
        "'enleve' in a memoirs frame (ex-otage, raconte son calvaire, son difficile retour, récit de sa captivité)")
    news = "Des jihadistes ont enlevé deux humanitaires dans la nuit près de Ménaka."
    assert sentence_sense(("enleve", "enlever"), news, strict=True) is None


def test_a_soldier_s_eulogy_and_an_army_recruitment_are_no_conflict_frame():
    eulogy = "Mon général, vos citations et votre croix de la valeur militaire disent votre carrière."
    recruits = "Les recrues du CIRFA ont signé des contrats et partent en formation avant leur affectation."
    assert [FrameScores.of(cue_pack(), fold(text), text).other for text in (eulogy, recruits)] == [
        {"commemorations": {"mon general": "Mon général", "citations": "citations",
                            "croix de la valeur militaire": "croix de la valeur militaire",
                            "carriere": "carrière"}},
        {"military_routine": {"recrues": "recrues", "cirfa": "CIRFA", "signe des contrats": "signé des contrats",
                              "en formation": "en formation", "affectation": "affectation"}}]


def test_stopping_suffering_and_a_programme_of_events_are_no_acts():
    everyday = [
        ("Il a décidé d'arrêter de fumer l'an dernier.", "arreter"),
        ("Depuis son retour, il affronte encore les souffrances de l'exil.", "affronte"),
        ("Au programme : colloques, manifestations, expositions.", "manifestations"),
    ]
    assert [_phrase_around(sentence, word) for sentence, word in everyday] == [
        "arreter de", "affronte encore les souffrances", "colloques, manifestations"]
    assert _phrase_around("La police a arrêté deux suspects à Bamako.", "arrete") is None
