"""French time expressions in plain text, resolved against the dispatch's publication date.

`find_time_expressions(text, published)` returns every time expression with character offsets,
its kind and, where it can be placed, a date and an ACLED-style precision. The rules (the contract of
../shared/docs/event-record.md, "Dates"):

- A weekday ("mercredi") is the most recent such day on or before the publication date (the same
  weekday is the publication day itself); "mercredi dernier"/"passé" is strictly before it,
  "mercredi prochain" strictly after. "mardi soir" is that Tuesday.
- "hier" -1 day, "avant-hier" -2, "aujourd'hui", "ce matin", "ce soir", "cet après-midi" the
  publication day; "il y a trois jours" -3.
- Nights: "dans la nuit de mardi à mercredi" / "du 5 au 6 octobre" is the later day (ACLED codes a
  night by the day it ends in). A plain "cette nuit", "durant la nuit", "la nuit dernière" is the night
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
- "la veille", "le lendemain" are relative to another event, not to publication: not found here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from fracas.model import DatePrecision, PublicationDate
from fracas.resolve.numbers import words_value

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


_MONTH_NUMBERS: dict[str, int] = {
    "janvier": 1, "janv.": 1, "février": 2, "fevrier": 2, "févr.": 2, "mars": 3, "avril": 4, "avr.": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil.": 7, "août": 8, "aout": 8, "septembre": 9, "sept.": 9,
    "octobre": 10, "oct.": 10, "novembre": 11, "nov.": 11, "décembre": 12, "decembre": 12, "déc.": 12,
}
_WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3}

_M = "(?:" + "|".join(re.escape(m) for m in sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")(?!\w)"
_WD = "(?:" + "|".join(_WEEKDAYS) + r")\b"
_D = r"(?:1er|premier|[0-3]?\d)"
_Y = r"(?:1[89]|20)\d\d\b"
_PART = (
    r"(?:matin|soir|après-midi|midi|au\s+soir|au\s+matin|à\s+l'aube|au\s+petit\s+matin|dans\s+la\s+nuit"
    r"|en\s+(?:fin\s+de\s+|début\s+de\s+)?(?:matinée|soirée|journée|après-midi)|en\s+fin\s+de\s+journée)"
)
_NUM = r"(?:\d+|[a-zéè]+(?:-[a-zéè]+)*)"
_NIGHT_PREP = r"(?:dans|durant|pendant|au\s+cours\s+de|lors\s+de)\s+la\s+nuit"
_SINCE_RE = re.compile(r"(?:depuis|[àa]\s+partir(?:\s+d[eu']|\s+de)?|dès)\s*(?:le\s+|la\s+|l')?$")

Resolved = tuple[dt.date | None, DatePrecision | None, TimeKind] | None
Handler = Callable[[re.Match[str], PublicationDate | None], Resolved]


def find_time_expressions(text: str, published: PublicationDate | None) -> list[TimeMention]:
    """Every time expression in `text`, in order, resolved against `published`."""
    low_text = text.lower().replace("\u2019", "'")
    candidates: list[TimeMention] = []
    for pattern, handler in _PATTERNS:
        for match in pattern.finditer(low_text):
            resolved = handler(match, published)
            if resolved is None:
                continue
            value, precision, kind = resolved
            start, end = match.span()
            since = _SINCE_RE.search(low_text, max(0, start - 20), start)
            if since and kind in ("absolute", "relative", "weekday"):
                kind, start = "period_start", since.start()
            candidates.append(TimeMention(start, end, text[start:end], value, precision, kind))
    kept: list[TimeMention] = []
    for mention in sorted(candidates, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


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
    if modifier == "prochain":
        return base + dt.timedelta(days=(weekday - base.weekday()) % 7 or 7)
    back = (base.weekday() - weekday) % 7
    if modifier in ("dernier", "passé") and back == 0:
        back = 7
    return base - dt.timedelta(days=back)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_shift(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _day_number(text: str) -> int:
    return 1 if text in ("1er", "premier") else int(text)


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


def _kind_after(preposition: str | None) -> TimeKind:
    """"depuis mars 2011" opens a background period; "en mars 2011" dates something."""
    return "period_start" if preposition and _SINCE_RE.fullmatch(preposition) else "absolute"


def _weekday(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    weekday = _WEEKDAYS[match.group("wd")]
    modifier = match.group("mod")
    value, precision = _relative(pub, "day", lambda base: _last_weekday(base, weekday, modifier))
    return value, precision, "weekday"


def _night_of_weekdays(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    later = _WEEKDAYS[match.group("wd2")]
    value, precision = _relative(pub, "day", lambda base: _last_weekday(base, later))
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
    unit = match.group("u")
    if unit.startswith("jour"):
        value, precision = _relative(pub, "day", lambda b: b - dt.timedelta(days=count))
    elif unit.startswith("semaine"):
        value, precision = _relative(pub, "week", lambda b: _monday(b - dt.timedelta(weeks=count)))
    elif unit == "mois":
        value, precision = _relative(pub, "month", lambda b: _month_shift(b, -count))
    else:
        value, precision = _relative(pub, "year", lambda b: dt.date(b.year - count, 1, 1))
    return value, precision, "relative"


def _since_start_of(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    what = match.group("what")
    if re.search(r"\b(?:l'année|l'an|cette\s+année)$", what):
        value, precision = _relative(pub, "year", lambda b: dt.date(b.year, 1, 1))
    elif re.search(r"\bmois$", what):
        value, precision = _relative(pub, "month", lambda b: dt.date(b.year, b.month, 1))
    elif re.search(r"\bsemaine$", what):
        value, precision = _relative(pub, "week", _monday)
    else:
        value, precision = None, None  # "du conflit": the text does not say when that was
    return value, precision, "period_start"


_UNIT_DAYS = {"heure": 1 / 24, "h": 1 / 24, "jour": 1, "semaine": 7, "mois": 30}
_DEFAULT_COUNT = {"heure": 24, "h": 24, "jour": 7, "semaine": 4, "mois": 3}


def _duration(match: re.Match[str], pub: PublicationDate | None) -> Resolved:
    unit = match.group("u").rstrip("s")
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


_PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(
        rf"(?<!\w)(?:{_NIGHT_PREP}|la\s+nuit)\s+du\s+(?:{_WD}\s+)?(?P<d1>{_D})\s+(?:au|à)\s+(?:{_WD}\s+)?"
        rf"(?P<d2>{_D})\s+(?P<m>{_M})(?:\s+(?P<y>{_Y}))?"), _night_of_dates),
    (re.compile(
        rf"(?<!\w)du\s+(?P<d1>{_D})(?:\s+(?P<m1>{_M}))?\s+au\s+(?P<d2>{_D})\s+(?P<m>{_M})(?:\s+(?P<y>{_Y}))?"),
     _date_range),
    (re.compile(
        rf"(?<!\w)(?:(?:le|ce|du|au)\s+)?(?:{_WD}\s+)?(?<!\d)(?P<d>{_D})\s+(?P<m>{_M})(?:\s+(?P<y>{_Y}))?"
        rf"(?:\s+{_PART})?"), _absolute_day),
    (re.compile(
        rf"(?<!\w)(?P<pre>en|début|fin|mi-|à\s+la\s+mi-|courant|au\s+mois\s+d[e']|en\s+début\s+de|en\s+fin\s+de"
        rf"|au\s+début\s+du\s+mois\s+de|à\s+la\s+fin\s+du\s+mois\s+de|depuis|à\s+partir\s+de|dès)?\s*"
        rf"(?<!\w)(?P<m>{_M})(?:\s+(?P<y>{_Y}))?"), _month),
    (re.compile(
        rf"(?<!\w)(?P<pre>en|depuis|début|fin|courant|mi-|à\s+partir\s+de|dès|au\s+cours\s+de\s+l'année"
        rf"|l'année|l'an)\s*(?P<y>{_Y})"), _year),
    (re.compile(rf"(?<!\w){_NIGHT_PREP}\s+(?:de|du)\s+(?P<wd1>{_WD})\s+(?:à|au)\s+(?P<wd2>{_WD})"),
     _night_of_weekdays),
    (re.compile(rf"(?<!\w)(?:la\s+nuit\s+(?:de|du)\s+)(?P<wd1>{_WD})\s+(?:à|au)\s+(?P<wd2>{_WD})"),
     _night_of_weekdays),
    (re.compile(rf"(?<!\w)(?P<wd1>samedi|vendredi)\s+et\s+(?P<wd2>{_WD})"), _two_weekdays),
    (re.compile(
        rf"(?<!\w)(?:(?:le|ce|dès|dans\s+la\s+nuit\s+de|la\s+nuit\s+de)\s+)?(?P<wd>{_WD})"
        rf"(?:\s+(?P<mod>dernier|passé|prochain))?(?:\s+{_PART})?"), _weekday),
    (re.compile(rf"(?<!\w)avant-hier(?:\s+{_PART})?"), _offset(-2, "relative")),
    (re.compile(rf"(?<![\w-])hier(?:\s+{_PART})?"), _offset(-1, "relative")),
    (re.compile(r"(?<!\w)aujourd'hui"), _offset(0, "relative")),
    (re.compile(
        r"(?<!\w)(?:ce\s+(?:matin|soir|midi)|cet\s+après-midi|en\s+ce\s+début\s+de\s+(?:matinée|soirée)"
        r"|tôt\s+ce\s+matin|dans\s+la\s+matinée|dans\s+la\s+soirée|en\s+début\s+de\s+matinée)"),
     _offset(0, "part_of_day")),
    (re.compile(rf"(?<!\w)(?:cette\s+nuit|la\s+nuit\s+dernière|{_NIGHT_PREP}(?:\s+dernière)?)"), _plain_night),
    (re.compile(r"(?<!\w)(?:ce|le)\s+(?:week-end|weekend|week\s+end)(?:\s+(?:dernier|passé))?"), _weekend),
    (re.compile(r"(?<!\w)la\s+semaine\s+(?:dernière|passée)"), _calendar("week", -1)),
    (re.compile(r"(?<!\w)cette\s+semaine"), _calendar("week", 0)),
    (re.compile(r"(?<!\w)le\s+mois\s+(?:dernier|passé)"), _calendar("month", -1)),
    (re.compile(r"(?<!\w)ce\s+mois(?:-ci)?\b"), _calendar("month", 0)),
    (re.compile(r"(?<!\w)l'(?:an|année)\s+(?:dernier|dernière|passé|passée)"), _calendar("year", -1)),
    (re.compile(r"(?<!\w)cette\s+année"), _calendar("year", 0)),
    (re.compile(rf"(?<!\w)il\s+y\s+a\s+(?P<n>{_NUM})\s+(?P<u>jours?|semaines?|mois|ans|années?)\b"), _ago),
    (re.compile(
        r"(?<!\w)depuis\s+(?:le\s+|la\s+)?(?:début|déclenchement|commencement|lancement|éclatement)\s+"
        r"(?P<what>(?:du|de\s+la|de\s+l'|des|de|d')\s*[\w'-]+"
        r"(?:\s+(?!(?:à|au|aux|en|dans|et|ont|a|le|la|les|de|du|des|qui|que|contre|pour|par|sur|selon)\b)"
        r"[a-zéèêàâîïôûç-]+)?)"), _since_start_of),
    (re.compile(
        rf"(?<!\w)(?:(?:au\s+cours|lors|durant|pendant|dans)\s+(?:des|les)|ces|les)\s+(?:(?:dernières|derniers)\s+"
        rf"(?P<n>{_NUM})|(?P<n2>{_NUM})\s+(?:dernières|derniers))\s+(?P<u>heures|jours|semaines|mois)\b"),
     _duration),
    (re.compile(rf"(?<!\w)(?:en|depuis|sur)\s+(?P<n>{_NUM})\s+(?P<u>heures|h|jours)\b"), _duration),
    (re.compile(r"(?<!\w)(?:ces|au\s+cours\s+des)\s+(?:derniers|dernières)\s+(?P<n>)(?P<u>jours|semaines|mois)\b"),
     _duration),
]

