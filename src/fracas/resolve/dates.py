"""French time expressions in plain text, resolved against the dispatch's publication date.

`find_time_expressions(text, published)` returns every time expression with character offsets,
its kind and, where it can be placed, a date and an ACLED-style precision. The rules (the contract of
../shared/docs/event-record.md, "Dates"):

- A weekday ("mercredi") is the most recent such day on or before the publication date (the same
  weekday is the publication day itself); "mercredi dernier"/"passé" is strictly before it,
  "mercredi prochain" strictly after. "mardi soir" is that Tuesday.
- "hier" -1 day, "avant-hier" -2, "aujourd'hui", "ce matin", "ce soir", "cet après-midi" the
  publication day; "il y a trois jours" -3.
- Nights: "dans la nuit de mardi à mercredi" / "du 5 au 6 octobre" is the day it began (Tuesday, the
  5th), unless an hour after midnight follows ("..., vers 2 heures": the later day). A plain "cette nuit", "durant la nuit", "la nuit dernière" is the night
  before the publication day, as the contract says ("durant la nuit" is the night before): coded as
  the evening it began, `PLAIN_NIGHT_OFFSET_DAYS` (-1) days from publication. Change that constant,
  and only it, to code such nights as the day before.
- "la semaine dernière"/"cette semaine": week precision, the Monday of that week. "ce week-end",
  "samedi et dimanche": week precision, the Saturday. "le mois dernier", "ce mois-ci": month precision;
  "l'an dernier", "cette année": year precision. A period is always dated by its first day.
- Absolute: "le 5 octobre", "5 octobre 2015", "le 1er janvier", "lundi 5 octobre" (day); "en octobre",
  "octobre 2015", "début/fin/mi-octobre" (month); "en 2015" (year). A day-month without a year takes the
  publication year, or the year before when it would fall after the publication date ("le 30
  septembre" published in October 2015 is 2015-09-30; published in March 2016 it is 2015-09-30 too).
- `period_start`: "depuis le 30 septembre", "depuis mars 2011", "depuis 2011", "à partir du 5
  octobre", "depuis le début du conflit". The start of a background period, not an event date; its
  value is the start where it can be placed ("depuis le début de l'année" is 1 January), else None.
- `duration`: "ces dernières 24 heures", "en 48 heures", "ces derniers jours": a window that ends at
  publication, dated by its first day: a window of at most one day is the publication day (precision
  day), longer ones start `days - 1` before it with precision week (≤ 7 days), month (≤ 31), else year.
- Imprecise publication dates: an expression finer than the publication date's precision (a weekday,
  "hier", "la semaine dernière" in a dispatch known only to the month) cannot be placed; it gets the
  publication date's own value and precision (first day of the month, `month`), never an invented day.
  With no publication date, relative expressions get value None; absolute ones with a year resolve.
- After a future verb ("il sera inhumé samedi", "prévue vendredi") a weekday is the next such day.
- "la veille" (-1), "l'avant-veille" (-2) are found relative to publication, and carry `before_reference`
  so that extraction places them before the day their sentence names ("libérés le 21, enlevés la veille").
  "le lendemain" is relative to another event, not to publication: not found here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from fracas.model import DatePrecision, PublicationDate
from fracas.resolve.numbers import words_value
from fracas.resources import pack_alternation, pack_fragment, rule_pack

TimeKind = Literal["absolute", "relative", "weekday", "part_of_day", "period_start", "duration"]

# Days added to the publication date for a plain "cette nuit" / "durant la nuit": -1 codes the night
# before publication by the evening it began (the contract's reading); 0 would code the day it ended.
PLAIN_NIGHT_OFFSET_DAYS = -1


@dataclass(frozen=True)
class TimeMention:
    """A time expression: `text[start:end]`; value None when it cannot be placed."""

    start: int
    end: int
    text: str
    value: dt.date | None
    precision: DatePrecision | None
    kind: TimeKind
    # "la veille": days before the day its sentence names, when it names one (0: none, publication-relative).
    before_reference: int = 0
    # The weekday (0 Monday) of the day it dates when it names one: "mardi soir" Tuesday, "la nuit de mardi
    # à mercredi" Tuesday (Wednesday with an hour after midnight), "lundi 5 octobre" Monday.
    # (Read off the words, so not compared: two mentions are equal by span, value, precision and kind.)
    weekday: int | None = field(default=None, compare=False)
    # A night of two weekdays ("de mardi à mercredi"): the two, and whether an hour after midnight follows.
    night: tuple[int, int] | None = field(default=None, compare=False)
    after_midnight: bool = field(default=False, compare=False)


# The words and patterns are data/fr/dates.yaml's; weekday and month names data/fr/calendar.yaml's.
_PACK = rule_pack("dates")
_CALENDAR = rule_pack("calendar")
_MONTH_NUMBERS: dict[str, int] = {
    name: number
    for number, (names, abbreviations) in enumerate(zip(_CALENDAR["months"], _CALENDAR["month_abbreviations"]), 1)
    for name in (*names, *abbreviations)
}
_WEEKDAYS: dict[str, int] = {name: number for number, name in enumerate(_CALENDAR["weekdays"])}
WEEKDAY_NAMES = frozenset(_WEEKDAYS)  # "lundi" ... "dimanche", as the calendar pack spells them
_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3}
_FIRST_DAY = frozenset(_PACK["first_day"])
_WEEKDAY_LAST = frozenset(_PACK["weekday_last"])
_WEEKDAY_NEXT = frozenset(_PACK["weekday_next"])
_AGO_UNITS: dict[str, str] = dict(_PACK["ago_units"])
_SINCE_START_RES = [
    (unit, re.compile(rf"\b(?:{pack_alternation(_PACK['since_start_periods'][unit])})$"))
    for unit in ("year", "month", "week")
]

_M = "(?:" + "|".join(re.escape(m) for m in sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")(?!\w)"
_WD = "(?:" + "|".join(_WEEKDAYS) + r")\b"
_D = rf"(?:{pack_alternation(_PACK['first_day'])}|[0-3]?\d)"
_Y = r"(?:1[89]|20)\d\d\b"
_PART = rf"(?:{pack_alternation(_PACK['parts_of_day'])})"
_NUM = _PACK["count"]
_NIGHT_PREP = rf"(?:{pack_alternation(_PACK['night_prepositions'])})\s+{pack_alternation(_PACK['night'])}"
_SINCE_RE = re.compile(
    rf"(?:{pack_alternation(_PACK['since'])})\s*(?:{pack_alternation(_PACK['since_articles'])})?$"
)
_FUTURE_RE = re.compile(_PACK["future_before_weekday"])
_LATE_IN_MONTH_RE = re.compile(rf"(?:{pack_alternation(_PACK['late_in_month'])})\s", re.IGNORECASE)
_FILL = {"M": _M, "WD": _WD, "D": _D, "Y": _Y, "PART": _PART, "NUM": _NUM, "NIGHT_PREP": _NIGHT_PREP,
         "MOD": pack_alternation([*_PACK["weekday_last"], *_PACK["weekday_next"]]),
         "AFTER_MIDNIGHT": pack_fragment(_PACK["after_midnight"])}

Resolved = tuple[dt.date | None, DatePrecision | None, TimeKind] | None
Handler = Callable[[re.Match[str], PublicationDate | None], Resolved]


def find_time_expressions(text: str, published: PublicationDate | None) -> list[TimeMention]:
    """Every time expression in `text`, in order, resolved against `published`."""
    return list(_time_expressions(text, published))


@lru_cache(maxsize=64)  # a dispatch's sentences; never a whole flow (a repeated text must cost the same)
def _time_expressions(text: str, published: PublicationDate | None) -> tuple[TimeMention, ...]:
    # Extraction reads a sentence's time words several times (each act, each bare weekday): scan it once.
    low_text = text.lower().replace("\u2019", "'")
    candidates: list[TimeMention] = []
    for pattern, handler, before_reference in _PATTERNS:
        for match in pattern.finditer(low_text):
            resolved = handler(match, published)
            if resolved is None:
                continue
            value, precision, kind = resolved
            start, end = match.span()
            since = _SINCE_RE.search(low_text, max(0, start - 20), start)
            if since and kind in ("absolute", "relative", "weekday"):
                kind, start = "period_start", since.start()
            value = _future_weekday(low_text, start, kind, value, published)
            candidates.append(TimeMention(start, end, text[start:end], value, precision, kind, before_reference,
                                          _dated_weekday(match), *_night(match)))
    kept: list[TimeMention] = []
    for mention in sorted(candidates, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return tuple(kept)


def _dated_weekday(match: re.Match[str]) -> int | None:
    """The weekday of the day a match dates: its weekday, or a night's first (its later one after midnight)."""
    groups = match.groupdict()
    if groups.get("wd"):
        return _WEEKDAYS[groups["wd"]]
    if groups.get("wd1") and groups.get("wd2"):
        return _WEEKDAYS[groups["wd2"] if groups.get("late") else groups["wd1"]]
    return None


def _night(match: re.Match[str]) -> tuple[tuple[int, int] | None, bool]:
    groups = match.groupdict()
    if not (groups.get("wd1") and groups.get("wd2")) or "late" not in groups:
        return None, False
    return (_WEEKDAYS[groups["wd1"]], _WEEKDAYS[groups["wd2"]]), bool(groups["late"])


def _future_weekday(low_text: str, start: int, kind: TimeKind, value: dt.date | None,
                    published: PublicationDate | None) -> dt.date | None:
    """ "il sera inhumé samedi": after a future verb a weekday is the next such day, not the last."""
    if kind != "weekday" or value is None or published is None or published.precision != "day" \
            or value >= published.value or not _FUTURE_RE.search(low_text, max(0, start - 40), start):
        return value
    return value + dt.timedelta(weeks=1)


# --- resolution -----------------------------------------------------------------------------------


def _relative(
    pub: PublicationDate | None, natural: DatePrecision, compute: Callable[[dt.date], dt.date]
) -> tuple[dt.date | None, DatePrecision | None]:
    """Place an expression relative to publication, never more precisely than publication is known."""
    if pub is None:
        return None, None
    if _RANK[natural] < _RANK[pub.precision]:
        return pub.value, pub.precision
    return compute(pub.value), natural


def _infer_year(pub: PublicationDate | None, month: int, day: int = 1) -> int | None:
    """The year of a day-month given without one: the latest not after publication."""
    if pub is None:
        return None
    if pub.precision == "year":
        return pub.value.year
    if pub.precision == "month":
        return pub.value.year - (month > pub.value.month)
    return pub.value.year - ((month, day) > (pub.value.month, pub.value.day))


def _last_weekday(base: dt.date, weekday: int, modifier: str | None = None) -> dt.date:
    if modifier in _WEEKDAY_NEXT:
        return base + dt.timedelta(days=(weekday - base.weekday()) % 7 or 7)
    back = (base.weekday() - weekday) % 7
    if modifier in _WEEKDAY_LAST and back == 0:
        back = 7
    return base - dt.timedelta(days=back)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_shift(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _day_number(text: str) -> int:
    return 1 if text in _FIRST_DAY else int(text)


def _safe_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- handlers: one per pattern ------------------------------------------------------------------------


def _absolute_day(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    day = _day_number(match.group("d"))
    month = _MONTH_NUMBERS[match.group("m")]
    year = int(match.group("y")) if match.group("y") else _infer_year(pub, month, day)
    if year is None and not (1 <= day <= 31):
        return None
    if year is not None and _safe_date(year, month, day) is None:
        return None  # "31 février": not a date
    value = _safe_date(year, month, day)
    return value, ("day" if value else None), "absolute"


def _night_of_dates(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    day = _day_number(match.group("d2"))
    month = _MONTH_NUMBERS[match.group("m")]
    year = int(match.group("y")) if match.group("y") else _infer_year(pub, month, day)
    value = _safe_date(year, month, day)
    if value is not None and not match.group("late"):
        value -= dt.timedelta(days=1)  # "du 31 octobre au 1er novembre" began on the 31st
    return value, ("day" if value else None), "absolute"


def _date_range(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    first, last = _day_number(match.group("d1")), _day_number(match.group("d2"))
    month = _MONTH_NUMBERS[match.group("m")]
    first_month = _MONTH_NUMBERS[match.group("m1")] if match.group("m1") else month
    year = int(match.group("y")) if match.group("y") else _infer_year(pub, month, last)
    end = _safe_date(year, month, last)
    start = _safe_date(year if first_month <= month or year is None else year, first_month, first)
    if start is not None and first_month > month:
        start = _safe_date(start.year - 1, first_month, first)
    if start is None or end is None:
        return None, None, "absolute"
    span = (end - start).days
    return start, ("day" if span == 0 else "week" if span <= 6 else "month"), "absolute"


def _month(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    month = _MONTH_NUMBERS[match.group("m")]
    if not match.group("y") and not match.group("pre"):
        return None  # a bare month name ("mai") needs a preposition or a year
    year = int(match.group("y")) if match.group("y") else _infer_year(pub, month)
    value = _safe_date(year, month, 1)
    return value, ("month" if value else None), _kind_after(match.group("pre"))


def _year(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    return dt.date(int(match.group("y")), 1, 1), "year", _kind_after(match.group("pre"))


def late_in_month(words: str) -> bool:
    """Whether month words date the month's last days ("fin mars") rather than the whole month ("en mars")."""
    return _LATE_IN_MONTH_RE.match(words.strip()) is not None


def _kind_after(preposition: str | None) -> TimeKind:
    """"depuis mars 2011" opens a background period; "en mars 2011" dates something."""
    return "period_start" if preposition and _SINCE_RE.fullmatch(preposition) else "absolute"


def _weekday(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    weekday = _WEEKDAYS[match.group("wd")]
    modifier = match.group("mod")
    value, precision = _relative(pub, "day", lambda base: _last_weekday(base, weekday, modifier))
    return value, precision, "weekday"


def _night_of_weekdays(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    first, later = _WEEKDAYS[match.group("wd1")], _WEEKDAYS[match.group("wd2")]
    back = 0 if match.group("late") else (later - first) % 7
    if match.group("d"):  # "de dimanche à lundi 12 juin": the later day is named, no arithmetic needed
        month, day = _MONTH_NUMBERS[match.group("m")], _day_number(match.group("d"))
        named = _safe_date(int(match.group("y")) if match.group("y") else _infer_year(pub, month, day), month, day)
        if named is not None:
            return named - dt.timedelta(days=back), "day", "absolute"

    def compute(base: dt.date) -> dt.date:
        return _last_weekday(base, later) - dt.timedelta(days=back)

    value, precision = _relative(pub, "day", compute)
    return value, precision, "weekday"


def _two_weekdays(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    first, second = _WEEKDAYS[match.group("wd1")], _WEEKDAYS[match.group("wd2")]
    gap = (second - first) % 7

    def compute(base: dt.date) -> dt.date:
        return _last_weekday(base, second) - dt.timedelta(days=gap)

    value, precision = _relative(pub, "week", compute)
    return value, precision, "weekday"


def _offset(days: int, kind: TimeKind) -> Handler:
    def handler(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
        value, precision = _relative(pub, "day", lambda base: base + dt.timedelta(days=days))
        return value, precision, kind
    return handler


def _plain_night(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    value, precision = _relative(pub, "day", lambda base: base + dt.timedelta(days=PLAIN_NIGHT_OFFSET_DAYS))
    return value, precision, "part_of_day"


def _weekend(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    def compute(base: dt.date) -> dt.date:
        return base - dt.timedelta(days=1) if base.weekday() == 6 else _last_weekday(base, 5)

    value, precision = _relative(pub, "week", compute)
    return value, precision, "relative"


def _calendar(unit: str, shift: int) -> Handler:
    def handler(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
        if unit == "week":
            value, precision = _relative(pub, "week", lambda b: _monday(b) + dt.timedelta(weeks=shift))
        elif unit == "month":
            value, precision = _relative(pub, "month", lambda b: _month_shift(b, shift))
        else:
            value, precision = _relative(pub, "year", lambda b: dt.date(b.year + shift, 1, 1))
        return value, precision, "relative"
    return handler


def _ago(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    count = _count(match.group("n"))
    if count is None:
        return None
    unit = _AGO_UNITS[match.group("u")]
    if unit == "day":
        value, precision = _relative(pub, "day", lambda b: b - dt.timedelta(days=count))
    elif unit == "week":
        value, precision = _relative(pub, "week", lambda b: _monday(b - dt.timedelta(weeks=count)))
    elif unit == "month":
        value, precision = _relative(pub, "month", lambda b: _month_shift(b, -count))
    else:
        value, precision = _relative(pub, "year", lambda b: dt.date(b.year - count, 1, 1))
    return value, precision, "relative"


def _since_start_of(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    what = match.group("what")
    unit = next((unit for unit, pattern in _SINCE_START_RES if pattern.search(what)), None)
    if unit == "year":
        value, precision = _relative(pub, "year", lambda b: dt.date(b.year, 1, 1))
    elif unit == "month":
        value, precision = _relative(pub, "month", lambda b: dt.date(b.year, b.month, 1))
    elif unit == "week":
        value, precision = _relative(pub, "week", _monday)
    else:
        value, precision = None, None  # "du conflit": the text does not say when that was
    return value, precision, "period_start"


# A window's unit (without its plural s): its length in days, and the count when the text gives none.
_UNIT_DAYS: dict[str, float] = {
    unit: row["hours"] // 24 if row["hours"] % 24 == 0 else row["hours"] / 24
    for unit, row in _PACK["window_units"].items()
}
_DEFAULT_COUNT: dict[str, int] = {unit: row["default"] for unit, row in _PACK["window_units"].items()}


def _duration(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    # "jours" -> "jour", but "mois" is its own plural: the unit is the word as written when the pack has it.
    written = match.group("u")
    unit = written if written in _UNIT_DAYS else written.rstrip("s")
    count_text = match.group("n") or match.groupdict().get("n2")
    count = _count(count_text) if count_text else _DEFAULT_COUNT[unit]
    if count is None:
        return None
    days = max(1, -(-int(count * _UNIT_DAYS[unit] * 24) // 24))  # whole days the window touches
    natural: DatePrecision = "day" if days <= 1 else "week" if days <= 7 else "month" if days <= 31 else "year"
    value, precision = _relative(pub, natural, lambda b: b - dt.timedelta(days=days - 1))
    return value, precision, "duration"


def _count(text: str) -> int | None:
    return int(text) if text.isdigit() else words_value(text)


_HANDLERS: dict[str, Handler] = {
    "night_of_dates": _night_of_dates, "date_range": _date_range, "absolute_day": _absolute_day, "month": _month,
    "year": _year, "night_of_weekdays": _night_of_weekdays, "two_weekdays": _two_weekdays, "weekday": _weekday,
    "plain_night": _plain_night, "weekend": _weekend, "ago": _ago, "since_start_of": _since_start_of,
    "duration": _duration,
}


def _handler(row: dict[str, Any]) -> Handler:
    """The handler a pattern of the pack names, configured by the row (`offset`: days and kind; `calendar`:
    unit and shift)."""
    if row["handler"] == "offset":
        return _offset(row["days"], row["kind"])
    if row["handler"] == "calendar":
        return _calendar(row["unit"], row["shift"])
    return _HANDLERS[row["handler"]]


_PATTERNS: list[tuple[re.Pattern[str], Handler, int]] = [
    (re.compile(pack_fragment(row["pattern"], fill=_FILL)), _handler(row), row.get("before_reference", 0))
    for row in _PACK["patterns"]
]
