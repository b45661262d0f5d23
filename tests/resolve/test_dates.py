"""Time expressions resolved against the publication date (Wednesday 7 October 2015 unless said)."""

from __future__ import annotations

import datetime as dt

import pytest

from fracas.model import PublicationDate
from fracas.resolve.dates import TimeMention, find_time_expressions

WED = PublicationDate(dt.date(2015, 10, 7), "day")
OCTOBER = PublicationDate(dt.date(2015, 10, 1), "month")
YEAR = PublicationDate(dt.date(2015, 1, 1), "year")
D = dt.date


def one(text: str, published: PublicationDate | None = WED) -> tuple[dt.date | None, str | None, str]:
    [mention] = find_time_expressions(text, published)
    assert mention.text == text
    return mention.value, mention.precision, mention.kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mercredi", (D(2015, 10, 7), "day", "weekday")),
        ("mardi", (D(2015, 10, 6), "day", "weekday")),
        ("jeudi", (D(2015, 10, 1), "day", "weekday")),
        ("mardi soir", (D(2015, 10, 6), "day", "weekday")),
        ("dimanche dernier", (D(2015, 10, 4), "day", "weekday")),
        ("mercredi dernier", (D(2015, 9, 30), "day", "weekday")),
        # A night is the day it began, unless an hour after midnight follows.
        ("dans la nuit de mardi à mercredi", (D(2015, 10, 6), "day", "weekday")),
        ("dans la nuit de mardi à mercredi, vers 2 heures", (D(2015, 10, 7), "day", "weekday")),
        ("la nuit de samedi à dimanche", (D(2015, 10, 3), "day", "weekday")),
        ("samedi et dimanche", (D(2015, 10, 3), "week", "weekday")),
        ("hier", (D(2015, 10, 6), "day", "relative")),
        ("hier soir", (D(2015, 10, 6), "day", "relative")),
        ("avant-hier", (D(2015, 10, 5), "day", "relative")),
        ("aujourd'hui", (D(2015, 10, 7), "day", "relative")),
        ("il y a trois jours", (D(2015, 10, 4), "day", "relative")),
        ("ce matin", (D(2015, 10, 7), "day", "part_of_day")),
        # A plain night is the night before publication, coded by the evening it began (the contract).
        ("cette nuit", (D(2015, 10, 6), "day", "part_of_day")),
        ("durant la nuit", (D(2015, 10, 6), "day", "part_of_day")),
        ("dans la nuit", (D(2015, 10, 6), "day", "part_of_day")),
        ("la nuit dernière", (D(2015, 10, 6), "day", "part_of_day")),
        ("la semaine dernière", (D(2015, 9, 28), "week", "relative")),
        ("ce week-end", (D(2015, 10, 3), "week", "relative")),
        ("le mois dernier", (D(2015, 9, 1), "month", "relative")),
        ("l'an dernier", (D(2014, 1, 1), "year", "relative")),
        ("le 5 octobre", (D(2015, 10, 5), "day", "absolute")),
        ("5 octobre 2015", (D(2015, 10, 5), "day", "absolute")),
        ("le 1er janvier", (D(2015, 1, 1), "day", "absolute")),
        ("lundi 5 octobre", (D(2015, 10, 5), "day", "absolute")),
        ("le 30 septembre", (D(2015, 9, 30), "day", "absolute")),
        ("le 30 octobre", (D(2014, 10, 30), "day", "absolute")),  # after publication: the year before
        ("dans la nuit du 5 au 6 octobre", (D(2015, 10, 5), "day", "absolute")),
        ("la nuit du 30 septembre au 1er octobre", (D(2015, 9, 30), "day", "absolute")),
        ("dans la nuit du 5 au 6 octobre peu après minuit", (D(2015, 10, 6), "day", "absolute")),
        ("du 3 au 5 octobre", (D(2015, 10, 3), "week", "absolute")),
        ("en octobre", (D(2015, 10, 1), "month", "absolute")),
        ("en décembre", (D(2014, 12, 1), "month", "absolute")),
        ("mars 2011", (D(2011, 3, 1), "month", "absolute")),
        ("fin septembre", (D(2015, 9, 1), "month", "absolute")),
        ("début octobre", (D(2015, 10, 1), "month", "absolute")),
        ("mi-octobre", (D(2015, 10, 1), "month", "absolute")),
        ("en 2015", (D(2015, 1, 1), "year", "absolute")),
        ("depuis le 30 septembre", (D(2015, 9, 30), "day", "period_start")),
        ("depuis mars 2011", (D(2011, 3, 1), "month", "period_start")),
        ("depuis 2011", (D(2011, 1, 1), "year", "period_start")),
        ("à partir du 5 octobre", (D(2015, 10, 5), "day", "period_start")),
        ("depuis le début du conflit", (None, None, "period_start")),
        ("depuis le début de la campagne russe", (None, None, "period_start")),
        ("depuis le début de l'année", (D(2015, 1, 1), "year", "period_start")),
        ("ces dernières 24 heures", (D(2015, 10, 7), "day", "duration")),
        ("les 24 dernières heures", (D(2015, 10, 7), "day", "duration")),
        ("en 48 heures", (D(2015, 10, 6), "week", "duration")),
        ("ces derniers jours", (D(2015, 10, 1), "week", "duration")),
    ],
)
def test_day_publication(text: str, expected: tuple[dt.date | None, str | None, str]) -> None:
    assert one(text) == expected


def test_same_weekday_as_publication_is_that_day_and_dernier_the_week_before() -> None:
    sunday = PublicationDate(dt.date(2015, 10, 4), "day")
    assert one("dimanche", sunday) == (D(2015, 10, 4), "day", "weekday")
    assert one("dimanche dernier", sunday) == (D(2015, 9, 27), "day", "weekday")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mercredi", (D(2015, 10, 1), "month", "weekday")),
        ("mardi soir", (D(2015, 10, 1), "month", "weekday")),
        ("hier", (D(2015, 10, 1), "month", "relative")),
        ("durant la nuit", (D(2015, 10, 1), "month", "part_of_day")),
        ("la semaine dernière", (D(2015, 10, 1), "month", "relative")),
        ("le mois dernier", (D(2015, 9, 1), "month", "relative")),
        ("le 30 septembre", (D(2015, 9, 30), "day", "absolute")),
        ("le 30 novembre", (D(2014, 11, 30), "day", "absolute")),
        ("en octobre", (D(2015, 10, 1), "month", "absolute")),
    ],
)
def test_month_publication_never_invents_a_day(text: str, expected: tuple[dt.date | None, str | None, str]) -> None:
    assert one(text, OCTOBER) == expected


def test_year_publication() -> None:
    assert one("mercredi", YEAR) == (D(2015, 1, 1), "year", "weekday")
    assert one("le 5 octobre", YEAR) == (D(2015, 10, 5), "day", "absolute")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mercredi", (None, None, "weekday")),
        ("hier", (None, None, "relative")),
        ("le 5 octobre", (None, None, "absolute")),
        ("le 5 octobre 2015", (D(2015, 10, 5), "day", "absolute")),
        ("en 2015", (D(2015, 1, 1), "year", "absolute")),
        ("depuis mars 2011", (D(2011, 3, 1), "month", "period_start")),
    ],
)
def test_no_publication_date(text: str, expected: tuple[dt.date | None, str | None, str]) -> None:
    assert one(text, None) == expected


def test_wire_sentence_syria() -> None:
    text = ("Des frappes russes ont tué mercredi 12 civils dans la province de Hama, alors que le conflit "
            "a fait plus de 240.000 morts depuis mars 2011.")
    assert find_time_expressions(text, WED) == [
        TimeMention(27, 35, "mercredi", D(2015, 10, 7), "day", "weekday"),
        TimeMention(122, 138, "depuis mars 2011", D(2011, 3, 1), "month", "period_start"),
    ]


def test_wire_sentence_mali_night() -> None:
    text = "Dans la nuit de mardi à mercredi, des hommes armés ont attaqué un poste de l'armée près de Mopti."
    assert find_time_expressions(text, WED) == [
        TimeMention(0, 32, "Dans la nuit de mardi à mercredi", D(2015, 10, 6), "day", "weekday"),
    ]


def test_wire_sentence_burkina_absolute_and_since() -> None:
    text = "L'attaque du 30 septembre s'ajoute à celles qui ont frappé le pays depuis le début de l'année."
    assert find_time_expressions(text, WED) == [
        TimeMention(10, 25, "du 30 septembre", D(2015, 9, 30), "day", "absolute"),
        TimeMention(67, 93, "depuis le début de l'année", D(2015, 1, 1), "year", "period_start"),
    ]


def test_bare_month_name_is_not_a_date() -> None:
    assert find_time_expressions("Le chef rebelle a mai", WED) == []


def test_a_night_whose_later_day_is_named_in_full_is_placed_by_that_date():
    # Known only to the month, the night is placed by "lundi 12 juin", not by weekday arithmetic.
    assert one("dans la nuit de dimanche à lundi 12 juin", OCTOBER) == (D(2015, 6, 11), "day", "absolute")
    assert one("dans la nuit de dimanche à lundi 12 juin, vers 3 heures", OCTOBER) == (D(2015, 6, 12), "day", "absolute")


def test_a_part_of_the_day_followed_by_its_day_is_dated_by_that_day():
    # "dans la matinée" alone is the publication day; "dans la matinée du jeudi 1er octobre" is the 1st.
    assert [(m.text, m.value) for m in find_time_expressions("dans la matinée du jeudi 1er octobre", WED)] == [
        ("du jeudi 1er octobre", D(2015, 10, 1))]
    assert one("dans la matinée") == (D(2015, 10, 7), "day", "part_of_day")


def test_two_weekdays_joined_are_the_first_of_them():
    assert one("lundi et mardi") == (D(2015, 10, 5), "week", "weekday")


def test_the_eve_is_the_day_before_publication_and_says_so():
    [eve] = find_time_expressions("la veille", WED)
    assert (eve.value, eve.precision, eve.kind, eve.before_reference) == (D(2015, 10, 6), "day", "relative", 1)
    [eve] = find_time_expressions("l'avant-veille", WED)
    assert (eve.value, eve.before_reference) == (D(2015, 10, 5), 2)
    # The eve of an event ("à la veille des élections") is not placed from publication.
    assert find_time_expressions("à la veille des élections", WED) == []
    assert find_time_expressions("à la veille d'une cérémonie", WED) == []


def test_a_weekday_after_the_start_of_fighting_dates_it():
    # "depuis le début des affrontements dimanche": Sunday dates the fighting; the period has no name-day.
    found = find_time_expressions("203 morts depuis le début des affrontements dimanche entre deux camps", WED)
    assert [(m.text, m.value, m.kind) for m in found] == [
        ("depuis le début des affrontements", None, "period_start"), ("dimanche", D(2015, 10, 4), "weekday")]


def test_a_weekday_after_a_future_verb_is_the_next_such_day():
    # Published on Wednesday 7 October 2015: "sera inhumé samedi" is Saturday the 10th, not the 3rd.
    assert [(m.text, m.value) for m in find_time_expressions("il sera inhumé samedi à Mopti", WED)] == [
        ("samedi", D(2015, 10, 10))]
    assert [(m.text, m.value) for m in find_time_expressions("une cérémonie prévue lundi", WED)] == [
        ("lundi", D(2015, 10, 12))]
    assert [(m.text, m.value) for m in find_time_expressions("ils ont attaqué samedi", WED)] == [
        ("samedi", D(2015, 10, 3))]
