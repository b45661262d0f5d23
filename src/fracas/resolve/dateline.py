"""A dispatch's dateline ("BEYROUTH, 7 oct 2015 (AFP) -") and byline: the date it gives itself, and where
the dateline ends.

The date is read (by ingest) only when the input gives no date. The dateline's place says where the story
was filed, not where anything happened, so the places stage reads the text only after `end(text)`. The
words (months, weekdays, byline cues, agencies) come from the language's reading cues
(`data/fr/reading_cues.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fracas.errors import UsageError
from fracas.model import PublicationDate
from fracas.resources import load_resource
from fracas.text import fold


@dataclass(frozen=True)
class DatelineReader:
    month_of: dict[str, int]
    patterns: tuple[re.Pattern[str], ...]
    opening: re.Pattern[str]  # a whole wire dateline, its separator included
    head_chars: int

    def published(self, text: str) -> PublicationDate | None:
        """The date of the dateline or byline at the head of `text`, or None."""
        head = fold(text[: self.head_chars])
        match = next((m for m in (p.search(head) for p in self.patterns) if m is not None), None)
        if match is None:
            return None
        day, month, year = int(match.group("day")), self.month_of[match.group("month")], match.group("year")
        try:
            return PublicationDate.parse(f"{year}-{month:02d}-{day:02d}")
        except UsageError:
            return None  # "31 fevrier", a date out of range: no date rather than a wrong one

    def end(self, text: str) -> int:
        """Where the dateline at the start of `text` ends (after its dash), or 0 when there is none: a place,
        then a date and a dash ("Bamako, le 5 mai 2020 -"), or anything short and the agency in brackets and
        a dash ("BEYROUTH, 7 oct 2015 (AFP) -", "GAO (Reuters) -")."""
        match = self.opening.match(fold(text[: self.head_chars]))
        return match.end() if match else 0


@lru_cache(maxsize=None)
def dateline_reader(language: str = "fr") -> DatelineReader:
    cues = load_resource(f"{language}_reading_cues")
    month_of = {word: int(month) for month, words in cues["months"].items() for word in words}
    months = "|".join(sorted(month_of, key=len, reverse=True))
    weekdays = "|".join(cues["weekdays"])
    bylines = "|".join(re.escape(cue) for cue in sorted(cues["byline"], key=len, reverse=True))
    date = rf"(?:(?:{weekdays})\s+)?(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{months})\.?\s+(?P<year>\d{{4}})\b"
    # A dateline: an upper-case place at the very start, a comma, the date; or a byline cue and a date.
    dateline = rf"^\s*[^\W\d_][\w' .-]{{1,40}}?(?:\s*\([^)]{{1,40}}\))?\s*,\s*(?:le\s+)?{date}"
    byline = rf"\b(?:{bylines})\s*(?:le\s+)?{date}"
    agencies = "|".join(re.escape(agency) for agency in cues["agencies"])
    place = r"^\s*[^\W\d_][\w' .-]{0,40}?"
    day = rf"(?:(?:{weekdays})\s+)?\d{{1,2}}(?:er)?\s+(?:{months})\.?(?:\s+\d{{4}})?"
    opening = (rf"{place}\s*,\s*(?:le\s+)?{day}\s*[-–—]\s*"
               rf"|{place}(?:\s*\([^()]{{1,30}}\))?(?:\s*,[^()\n]{{0,60}})?\s*\((?:{agencies})\)\s*[-–—]\s*")
    return DatelineReader(month_of, (re.compile(dateline), re.compile(byline)), re.compile(opening),
                          int(cues["head_chars"]))
