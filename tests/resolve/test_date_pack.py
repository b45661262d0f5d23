"""data/fr/dates.yaml and data/fr/calendar.yaml drive the time patterns: whole values per kind of entry."""

from __future__ import annotations

import datetime as dt

from fracas.model import PublicationDate
from fracas.resolve.dates import TimeMention as T
from fracas.resolve.dates import find_time_expressions

PUB = PublicationDate(dt.date(2015, 10, 7), "day")  # a Wednesday


def test_date_pack_patterns_and_words() -> None:
    # night_of_weekdays with night_prepositions: the day it began; after_midnight makes it the later day.
    assert find_time_expressions("dans la nuit de mardi à mercredi", PUB) == [
        T(0, 32, "dans la nuit de mardi à mercredi", dt.date(2015, 10, 6), "day", "weekday"),
    ]
    assert find_time_expressions("dans la nuit de mardi à mercredi vers 3h", PUB) == [
        T(0, 40, "dans la nuit de mardi à mercredi vers 3h", dt.date(2015, 10, 7), "day", "weekday"),
    ]
    # first_day in an absolute day.
    assert find_time_expressions("le 1er janvier", PUB) == [
        T(0, 14, "le 1er janvier", dt.date(2015, 1, 1), "day", "absolute"),
    ]
    # ago with ago_units.
    assert find_time_expressions("il y a trois jours", PUB) == [
        T(0, 18, "il y a trois jours", dt.date(2015, 10, 4), "day", "relative"),
    ]
    # since_start_of with since_start_periods.
    assert find_time_expressions("depuis le début de l'année", PUB) == [
        T(0, 26, "depuis le début de l'année", dt.date(2015, 1, 1), "year", "period_start"),
    ]
    # duration with window_units (48 hours touch two days).
    assert find_time_expressions("en 48 heures", PUB) == [
        T(0, 12, "en 48 heures", dt.date(2015, 10, 6), "week", "duration"),
    ]
    # weekday with weekday_last.
    assert find_time_expressions("jeudi dernier", PUB) == [
        T(0, 13, "jeudi dernier", dt.date(2015, 10, 1), "day", "weekday"),
    ]


def test_calendar_pack_names() -> None:
    # month_abbreviations, and a month spelt without its accent.
    assert find_time_expressions("5 janv. 2016", PUB) == [
        T(0, 12, "5 janv. 2016", dt.date(2016, 1, 5), "day", "absolute"),
    ]
    assert find_time_expressions("en aout 2014", PUB) == [
        T(0, 12, "en aout 2014", dt.date(2014, 8, 1), "month", "absolute"),
    ]


def test_a_unit_that_is_its_own_plural_resolves() -> None:
    # "mois" keeps its s: three months (the pack's default count) back from the publication date.
    assert find_time_expressions("ces derniers mois", PUB) == [
        T(0, 17, "ces derniers mois", dt.date(2015, 7, 10), "year", "duration"),
    ]


def test_late_in_month_words_name_the_last_days_not_the_whole_month() -> None:
    from fracas.resolve.dates import late_in_month
    assert [late_in_month(w) for w in ("fin mars", "à la fin du mois de mars", "en mars", "début mars", "mars")] \
        == [True, True, False, False, False]
