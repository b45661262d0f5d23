"""Event dates on whole dispatches: the day of the act, not of its report (own test sentences)."""

import pytest

import fracas

pytestmark = pytest.mark.model


def dates(text: str, published: str) -> list[tuple[str, str]]:
    return [(e.event_date, e.date_precision) for e in fracas.extract(text, published=published)]


def test_a_night_is_the_day_it_began():
    # Published on Friday 11 September 2020: the night of Thursday to Friday is Thursday the 10th.
    text = ("Au Burundi, six civils ont été tués dans la nuit de jeudi à vendredi dans la province de Kayanza "
            "par des hommes armés non identifiés, a indiqué un responsable local.")
    assert dates(text, "2020-09-11") == [("2020-09-10", "day")]


def test_a_weekday_after_an_inverted_speaker_dates_the_report():
    # "a annoncé la police vendredi" dates the announcement; the act is the Thursday the next sentence tells.
    text = ("Dix-sept villageois ont été tués par des hommes armés à Ayati, dans l'Etat de Benue au Nigeria, a "
            "annoncé la police vendredi. Les assaillants ont ouvert le feu jeudi sur les habitants.")
    assert dates(text, "2024-08-09") == [("2024-08-08", "day")]


def test_an_act_its_sentence_does_not_date_takes_the_nearest_earlier_date():
    # The lead gives no day; the act told after "lundi soir" is of that Monday, not of publication.
    text = ("Le Nigeria fait face à une nouvelle flambée de violence. Des hommes armés ont attaqué plusieurs "
            "villages de l'Etat de Benue lundi soir, selon des habitants. Des centaines de jeunes en colère ont "
            "ensuite manifesté à Makurdi contre l'insécurité.")
    assert dates(text, "2022-04-12") == [("2022-04-11", "day"), ("2022-04-11", "day")]


def test_a_bare_weekday_is_the_day_a_period_named_in_full_began():
    # Known only to the month, "lundi" is placed by "depuis ce lundi 12 septembre" elsewhere in the dispatch.
    text = ("Une dizaine de jihadistes ont attaqué lundi le détachement militaire de Déou, au Burkina Faso, tuant "
            "deux soldats. Depuis ce lundi 12 septembre, le ministre de la Défense dirige lui-même les opérations.")
    assert dates(text, "2022-09") == [("2022-09-12", "day")]


def test_the_end_of_last_month_is_news_and_the_whole_month_is_background():
    # Published on 6 May: an act "fin avril" is at most a week old; one "en avril" may be five weeks old.
    late = ("Au Mali, une quarantaine de villageois ont été exécutés fin avril par des hommes armés à Djenné, "
            "a affirmé une ONG.")
    assert [dates(late, "2021-05-06"), dates(late.replace("fin avril", "en avril"), "2021-05-06")] == [
        [("2021-04-01", "month")], []]


def test_the_executions_of_civilians_by_two_named_forces_are_an_attack():
    # "par l'armée et des soldats étrangers": both forces are the agent, not soldiers who were hit.
    text = ("Au Mali, une quarantaine de villageois ont été exécutés fin avril par l'armée malienne et des soldats "
            "étrangers à Djenné, a affirmé une ONG.")
    assert [e.sub_event_type for e in fracas.extract(text, published="2021-05-06")] == ["Attack"]


def test_the_eve_is_the_day_before_the_day_its_sentence_names():
    # "annoncé le 5 mars" dates the report; the abduction "la veille" is the 4th, not the day before publication.
    text = ("Les autorités ont annoncé le 5 mars la libération de douze élèves enlevés la veille par des hommes "
            "armés dans la ville de Kumba, au Cameroun.")
    assert [d for d, _ in dates(text, "2021-03-08")] == ["2021-03-04"]


def test_a_day_after_publication_never_dates_the_act():
    # "sera inhumé samedi" is a day to come; the strike is of the Friday the sentence before names.
    text = ("Une frappe de drone israélienne a tué un homme vendredi dans le village de Yarine, au Liban-Sud. "
            "Une autre frappe de drone a visé le village de Tebnine, tuant un responsable local qui sera inhumé "
            "samedi.")
    assert {d for d, _ in dates(text, "2025-09-19")} == {"2025-09-19"}
