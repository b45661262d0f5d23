"""Which day an act is on: the time words of its sentence, else those its lead or an earlier sentence give,
else publication (see docs/coding-rules.md, "Dates and their precision")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Span

from fracas.extract.assemble import FINAL_STOPS
from fracas.model import Dispatch
from fracas.resolve.dates import WEEKDAY_NAMES, TimeMention, find_time_expressions
from fracas.resources import rule_pack
from fracas.text import fold

Dated = tuple[str, str, tuple[int, int] | None]  # date, precision, the words' span (None: not the act's own words)

# The report verbs whose day dates the report, not the act (data/fr/dates.yaml, reported_on).
REPORTED_ON = re.compile(rule_pack("dates")["reported_on"])


def resolve_date(sentences: list[Span], dispatch: Dispatch, sentence_index: int, position: int) -> Dated | None:
    """The date of an act: the time words of its sentence, else those of the lead, else publication."""
    announced = None
    opening = _opens_dispatch(sentences, sentence_index)
    # An act its sentence does not date is dated as the lead, else as the nearest earlier sentence that dates one.
    for index in dict.fromkeys((sentence_index, sentence_index + 1, 0, *range(sentence_index - 1, 0, -1))):
        if index >= len(sentences) or (index == sentence_index + 1 and announced is None and not opening):
            continue  # the next sentence dates an act whose own sentence gives just the announcement, or the
            # headline's or lead's act: "Des assauts ont fait 30 morts." then "Depuis mardi, ..."
        found, acts = _carried_words(sentences[index], dispatch, own=index == sentence_index)
        dated = _dated_in(sentences, index, dispatch, (found, acts), position,
                          episode=index in (sentence_index, sentence_index + 1))
        if dated is not None:
            borrowed = index == sentence_index + 1 and announced is None
            return dated[:2] + (None,) if borrowed else dated  # the lead's day, borrowed: a telling's own day wins
        if found and not acts and announced is None:
            announced = (sentences[index], found[0])
    if announced is not None:
        # "a annoncé dimanche": the day of the announcement stands in for the act's, but is not its date words,
        # so a later telling that dates the act ("le 7 février") dates the event.
        return _dated(*announced)[:2] + (None,)
    if dispatch.published is None:
        return None
    return dispatch.published.value.isoformat(), dispatch.published.precision, None


def _carried_words(sentence: Span, dispatch: Dispatch, *, own: bool) -> tuple[list[TimeMention], list[TimeMention]]:
    """A sentence's dated words as they date an act of its own (`own`) or of another sentence: "la veille"
    dates its own clause's act before another, never the next sentences."""
    found, acts = _dated_words(sentence, dispatch)
    if own:
        return found, acts
    return [t for t in found if not t.before_reference], [t for t in acts if not t.before_reference]


def _dated_in(sentences: list[Span], index: int, dispatch: Dispatch,
              words: tuple[list[TimeMention], list[TimeMention]], position: int, *, episode: bool
              ) -> Dated | None:
    """The date a sentence gives an act: its time word nearest the act, else (`episode`: the act's own
    sentence or the next) the day its episode began ("depuis mardi")."""
    found, acts = words
    if not found:
        return _episode_dated(sentences[index], dispatch) if episode else None
    if not acts:
        return None
    best = min(acts, key=lambda t: abs(sentences[index].start_char + t.start - position))
    best = _before_reference(best, found)
    return _dated(sentences[index], _named_day_of(_night_past_midnight(best, sentences, dispatch),
                                                  sentences, dispatch))


def _episode_dated(sentence: Span, dispatch: Dispatch) -> Dated | None:
    start = _episode_start(sentence, dispatch)
    return _dated(sentence, start) if start is not None else None


def _opens_dispatch(sentences: list[Span], index: int) -> bool:
    """Whether a sentence is the dispatch's first, or a headline (no final stop, then a paragraph break)."""
    if index == 0:
        return True
    sentence = sentences[index]
    following = sentence.doc.text[sentence.end_char:sentence.end_char + 4]
    return index < 3 and not sentence.text.strip().endswith(FINAL_STOPS) and "\n\n" in sentence.text + following


def _before_reference(mention: TimeMention, found: list[TimeMention]) -> TimeMention:
    """ "libérés le 21 novembre, enlevés la veille": the day before the day its sentence names (report
    dates included); the mention as found when it is not such a word or the sentence names no day."""
    days = [t for t in found if t.precision == "day" and not t.before_reference]
    if not mention.before_reference or not days:
        return mention
    reference = min(days, key=lambda t: abs(t.start - mention.start))
    assert reference.value is not None  # only dated mentions are found
    return replace(mention, value=reference.value - dt.timedelta(days=mention.before_reference))


def _night_past_midnight(mention: TimeMention, sentences: list[Span], dispatch: Dispatch) -> TimeMention:
    """ "tués dans la nuit de mardi à mercredi", then "dans la nuit de mardi à mercredi, vers 3 heures": one
    night, and the hour another telling gives places the act after midnight, on the later day."""
    if mention.night is None or mention.after_midnight or mention.value is None or mention.precision != "day":
        return mention
    for sentence in sentences:
        if any(other.night == mention.night and other.after_midnight
               for other in find_time_expressions(sentence.text, dispatch.published)):
            later = mention.value + dt.timedelta(days=(mention.night[1] - mention.night[0]) % 7)
            return replace(mention, value=later, weekday=mention.night[1], after_midnight=True)
    return mention


def _named_day_of(mention: TimeMention, sentences: list[Span], dispatch: Dispatch) -> TimeMention:
    """A bare weekday ("tombés au front dimanche") is the day the dispatch names in full with that
    weekday ("ce dimanche 23 février"), when it names one: an explicit date outranks weekday arithmetic,
    which a publication date known only to the month cannot even do."""
    if mention.kind != "weekday" or mention.weekday is None:
        return mention
    weekdays = set(fold(mention.text).split()) & WEEKDAY_NAMES
    for sentence in sentences:
        for other in find_time_expressions(sentence.text, dispatch.published):
            if other.kind in ("absolute", "period_start") and other.value is not None and other.precision == "day" \
                    and weekdays & set(fold(other.text).split()):
                # "la nuit de jeudi à vendredi" beside "ce vendredi 5 mars" is Thursday the 4th: the mention's
                # own weekday nearest the named day (the two share a weekday word, so within the same week).
                shift = (mention.weekday - other.value.weekday() + 3) % 7 - 3
                return replace(mention, value=other.value + dt.timedelta(days=shift), precision="day")
    return mention



def _dated_words(sentence: Span, dispatch: Dispatch) -> tuple[list[TimeMention], list[TimeMention]]:
    """A sentence's dated time words, and those of them that date an act rather than its announcement."""
    # A day after publication ("prévue vendredi prochain") dates neither an act nor its report.
    latest = dispatch.published.value if dispatch.published and dispatch.published.precision == "day" else dt.date.max
    found = [t for t in find_time_expressions(sentence.text, dispatch.published)
             if t.value is not None and t.kind not in ("period_start", "duration") and t.value <= latest]
    # "a annoncé lundi": the day of the announcement, not of the act, unless nothing else is given.
    acts = [t for t in found if not REPORTED_ON.search(fold(sentence.text[:t.start])[-40:])]
    return found, acts


def _episode_start(sentence: Span, dispatch: Dispatch) -> TimeMention | None:
    """ "des combats depuis mercredi 2 février": an act still going on, dated by the day it began when
    its own sentence gives no other date ("depuis mars 2011" is a period, never an act's day)."""
    starts = [t for t in find_time_expressions(sentence.text, dispatch.published)
              if t.kind == "period_start" and t.value is not None and t.precision == "day"]
    return starts[0] if starts else None


def _dated(sentence: Span, best: TimeMention) -> Dated:
    assert best.value is not None  # only dated mentions are kept
    return best.value.isoformat(), best.precision or "day", (sentence.start_char + best.start,
                                                             sentence.start_char + best.end)
