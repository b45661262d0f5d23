"""French quantities in plain text: "au moins 12", "une dizaine", "240.000", "quatre-vingt-dix-sept".

Every figure is a `Quantity(low, best, high)`, the UCDP-style estimate the event record carries.
The choices, made once here so every caller codes the same way:

| text | low | best | high | why |
|---|---|---|---|---|
| "12", "douze" | 12 | 12 | 12 | a stated figure is exact |
| "au moins 12", "pas moins de 12", "plus de 30" | 12 / 30 | 12 / 30 | None | ACLED codes the stated number; no upper bound is given |
| "près de 50", "environ 50", "quelque 50" | None | 50 | None | the stated number is the best guess; no bound is invented |
| "jusqu'à 20", "moins de 20" | None | None | 20 | only a ceiling is stated |
| "entre 10 et 15", "de 10 à 15", "deux ou trois" | 10 | 10 | 15 | ACLED's conservative practice: best is the lowest figure |
| "une dizaine" (vingtaine, centaine, millier ...) | 10 | 10 | 19 | the round number, up to just below the next one |
| "une douzaine", "une quinzaine" | 12 / 15 | 12 / 15 | None | "about a dozen" has no natural ceiling |
| "des dizaines", "plusieurs dizaines", "quelques dizaines" | 20 | 20 | 99 | at least two tens, fewer than a hundred |
| "des centaines" / "des milliers" / "des millions" | 200 / 2000 / 2e6 | same | 999 / 9999 / 999999999 | likewise |
| "plusieurs", "quelques", "des", "de nombreux" | — | — | — | not a figure: no mention at all |
| "aucun", "aucune", "zéro" | 0 | 0 | 0 | an explicit zero is a figure |
| "2,5 millions" | 2500000 | ... | ... | a decimal comma only counts before a multiplier |

Thousands separators: "240.000", "240 000" (also no-break spaces) and "240,000" (a comma followed by
exactly three digits, unless a multiplier follows: "2,500 millions" is 2.5 billion). A decimal
without a multiplier ("5,4") is not a count of anything and is skipped, as are ordinals ("1er"),
clock times ("10h30"), percentages, and numbers that are part of a date ("5 octobre", "mars 2011").
"un"/"une" are found as 1: whether the article counts something is the caller's call (it looks at the
noun that follows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fracas.resources import pack_alternation, rule_pack


@dataclass(frozen=True)
class Quantity:
    """A UCDP-style estimate; None where the text gives no such bound."""

    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True)
class QuantityMention:
    """A quantity found in a text: `text[start:end]` is the whole phrase, qualifier included."""

    start: int
    end: int
    text: str
    quantity: Quantity


# The words are data/fr/numbers.yaml's; month names data/fr/calendar.yaml's.
_PACK = rule_pack("numbers")
_UNITS: dict[str, int] = dict(_PACK["units"])
_MULTIPLIERS: dict[str, int] = dict(_PACK["multipliers"])
# "une dizaine": (low, high); high None = no natural ceiling.
_APPROX_SINGULAR: dict[str, tuple[int, int | None]] = {
    word: (low, high) for word, (low, high) in _PACK["approx_singular"].items()
}
# "des dizaines": at least two of the unit, fewer than the next power of ten.
_APPROX_PLURAL: dict[str, int] = dict(_PACK["approx_plural"])
_MONTHS = "|".join(name for names in rule_pack("calendar")["months"] for name in names)
_HUNDRED = frozenset(_PACK["hundred"])
_SCORE_FIRST, _SCORE = _PACK["score"]["first"], frozenset(_PACK["score"]["words"])
_AND = _PACK["and"]
_ARTICLES = frozenset(_PACK["articles"])
# Which openers a range join needs (None: any opener or none).
_RANGE_JOINS: dict[str, frozenset[str] | None] = {
    row["join"]: frozenset(row["after"]) if "after" in row else None for row in _PACK["range_joins"]
}


def _alt(key: str) -> str:
    return pack_alternation(_PACK[key])


_WORD_ALTS = "|".join(sorted(list(_UNITS) + list(_MULTIPLIERS), key=len, reverse=True))
_TENS = _alt("tens")
# One number word; "et" is only allowed inside "vingt et un", "soixante et onze" ...
_WORD = rf"(?:(?:{_TENS})[\s-]+{_AND}[\s-]+{_PACK['and_units']}|(?:{_WORD_ALTS}))"
_WORD_SEQ = rf"(?<![\w-]){_WORD}(?:[\s-]+{_WORD})*(?![\w])"
_SEP = "[ .\u00a0\u202f]"
_DIGITS = (
    rf"(?<![\w.,])(?:\d{{1,3}}(?:{_SEP}\d{{3}})+(?![\d])|\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+,\d+|\d+)"
    r"(?!\w|[.,]\d)"
)
_MULT_AFTER = rf"(?:\s+(?P<mult>{_alt('multipliers_after_digits')})\b)?"
_APPROX_S = (
    rf"(?<![\w])(?:{_alt('approx_singular_articles')})\s+(?P<unit>{'|'.join(_APPROX_SINGULAR)})"
    rf"(?:\s+(?:{_alt('approx_of')})?(?P<unit_of>{_alt('approx_units_of')}))?\b"
)
_APPROX_P = (
    rf"(?<![\w])(?:{_alt('approx_plural_determiners')})\s+"
    rf"(?P<units>{'|'.join(_APPROX_PLURAL)})(?:\s+{_alt('approx_of')}(?P<units_of>{_alt('approx_units_of')}))?\b"
)
_ZERO = rf"(?<![\w'])(?:{_alt('zero')})\b"
_CORE_RE = re.compile(
    rf"(?P<approx_p>{_APPROX_P})|(?P<approx_s>{_APPROX_S})|(?P<zero>{_ZERO})"
    rf"|(?P<digits>{_DIGITS}){_MULT_AFTER}|(?P<words>{_WORD_SEQ})"
)

# Qualifiers written before the number, matched against the text just left of it.
_QUALIFIER_RE = re.compile(
    rf"(?:^|(?<=[\s(,;:«\"'’]))(?:(?P<at_least>{_alt('at_least')})|(?P<about>{_alt('about')})"
    rf"|(?P<at_most>{_alt('at_most')}))\s*$"
)
_RANGE_OPEN_RE = re.compile(rf"(?:^|(?<=[\s(,;:]))(?P<open>{_alt('range_openers')})\s*$")
_RANGE_JOIN_RE = re.compile(rf"\s*(?P<join>{'|'.join(_RANGE_JOINS)})\s*")
# A number that is part of a date or a time is not a quantity.
_NOT_AFTER_RE = re.compile(rf"\s*(?:(?:{_MONTHS})\b|{_alt('not_after')})")
_MONTH_BEFORE_RE = re.compile(rf"(?:{_MONTHS})\s+$")
# "d'une même famille", "une fois", "un peu": an article, not a count.
_NOT_A_COUNT_RE = re.compile(rf"\s+(?:{_alt('not_a_count')})\b")
# "en 2015", "depuis 2011": a year, not a count.
_YEAR_BEFORE_RE = re.compile(rf"(?:{_alt('year_before')})\s*$")
# Number words that end in a multiplier keep a date word after them: "trois mille".
_ENDS_IN_MULTIPLIER_RE = re.compile(rf"(?:{_alt('multipliers_after_digits')})$")


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in `text` ("au moins douze soldats" -> 12/12/None), or None if it has none."""
    mentions = find_quantities(text)
    return mentions[0].quantity if mentions else None


def find_quantities(text: str) -> list[QuantityMention]:
    """Every quantity in `text`, in order, with character offsets into `text`."""
    # Lower-casing and straightening apostrophes keep every offset: the same length, char for char.
    low_text = text.lower().replace("\u2019", "'")
    cores = [core for core in (_core(match, low_text) for match in _CORE_RE.finditer(low_text)) if core]
    mentions: list[QuantityMention] = []
    i = 0
    while i < len(cores):
        start, end, quantity = cores[i]
        # A range: "entre 10 et 15", "de 10 à 15", "deux ou trois".
        if i + 1 < len(cores):
            join = _RANGE_JOIN_RE.fullmatch(low_text, end, cores[i + 1][0])
            opener = _RANGE_OPEN_RE.search(low_text, max(0, start - 8), start)
            if join and _range_allowed(join.group("join"), opener.group("open") if opener else None):
                second = cores[i + 1][2]
                quantity = Quantity(quantity.low, quantity.low, second.high if second.high else second.best)
                end = cores[i + 1][1]
                if opener:
                    start = opener.start()
                i += 1
        qualifier = _QUALIFIER_RE.search(low_text, max(0, start - 30), start)
        if qualifier:
            quantity = _qualify(quantity, qualifier)
            start = qualifier.start()
        mentions.append(QuantityMention(start, end, text[start:end], quantity))
        i += 1
    return _drop_overlaps(mentions)


def words_value(words: str) -> int | None:
    """The value of French number words ("quatre-vingt-dix-sept" -> 97), None if they are not numbers."""
    total = current = 0
    previous = ""
    for word in re.split(r"[\s-]+", words.lower().strip()):
        if word == _AND:
            continue
        if word in _SCORE and previous == _SCORE_FIRST:
            current += 80 - 4  # quatre-vingt: the 4 already added multiplies instead
        elif word in _HUNDRED:
            current = (current or 1) * 100
        elif word in _MULTIPLIERS:
            total += (current or 1) * _MULTIPLIERS[word]
            current = 0
        elif word in _UNITS:
            current += _UNITS[word]
        else:
            return None
        previous = word
    return total + current


def _core(match: re.Match[str], low_text: str) -> tuple[int, int, Quantity] | None:
    start, end = match.span()
    if match.group("approx_p") or match.group("approx_s"):
        return start, end, _approximate(match)
    if match.group("zero"):
        return start, end, Quantity(0, 0, 0)
    if match.group("digits") is not None:
        value = _digits_count(match, low_text)
    else:
        value = _words_count(match, low_text)
    return None if value is None else (start, end, Quantity(value, value, value))


def _approximate(match: re.Match[str]) -> Quantity:
    """"des dizaines (de milliers)": 20 to 99 (times the unit); "une centaine": about a hundred."""
    if match.group("approx_p"):
        base = _APPROX_PLURAL[match.group("units")]
        base *= _APPROX_PLURAL[match.group("units_of")] if match.group("units_of") else 1
        return Quantity(2 * base, 2 * base, 10 * base - 1)
    low, high = _APPROX_SINGULAR[match.group("unit")]
    factor = _APPROX_PLURAL[match.group("unit_of")] if match.group("unit_of") else 1
    high_value = None if high is None else (high + 1) * factor - 1
    return Quantity(low * factor, low * factor, high_value)


def _digits_count(match: re.Match[str], low_text: str) -> int | None:
    """A figure in digits, unless it is a date, a year, or a measure."""
    start, end = match.span()
    digits, mult = match.group("digits"), match.group("mult")
    if not mult and (_NOT_AFTER_RE.match(low_text, end) or _MONTH_BEFORE_RE.search(low_text, 0, start)):
        return None
    if not mult and re.fullmatch(r"(?:19|20)\d\d", digits) and _YEAR_BEFORE_RE.search(low_text, 0, start):
        return None
    return _digits_value(digits, _MULTIPLIERS[mult] if mult else 1)


def _words_count(match: re.Match[str], low_text: str) -> int | None:
    """A figure in words; an article ("un", "une") only where the words after it make it a count."""
    end = match.end()
    words = match.group("words")
    if words in _ARTICLES and _NOT_A_COUNT_RE.match(low_text, end):
        return None
    if _NOT_AFTER_RE.match(low_text, end) and not _ENDS_IN_MULTIPLIER_RE.search(words):
        return None
    return words_value(words)


MAX_COUNT_DIGITS = 9  # a casualty figure past a billion is a misread number (or hostile input), not a count


def _digits_value(digits: str, multiplier: int) -> int | None:
    if sum(ch.isdigit() for ch in digits) > MAX_COUNT_DIGITS:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits) and multiplier == 1:
        return int(digits.replace(",", ""))  # "240,000": an English thousands separator
    if "," in digits:
        whole, _, fraction = digits.partition(",")
        if multiplier == 1:
            return None  # "5,4": a measure, not a count
        return round(float(f"{whole}.{fraction}") * multiplier)
    return int(re.sub(r"\D", "", digits)) * multiplier


def _range_allowed(join: str, opener: str | None) -> bool:
    """Whether `join` makes a range after `opener`: "entre 10 et 15", "de 10 à 15"; "2014-2015" alone is none."""
    needed = _RANGE_JOINS[join]
    return needed is None or opener in needed


def _qualify(quantity: Quantity, qualifier: re.Match[str]) -> Quantity:
    if qualifier.group("at_least"):
        return Quantity(quantity.low, quantity.low, None)
    if qualifier.group("about"):
        # An approximate noun keeps its own range ("environ une dizaine"); a bare figure keeps only best.
        exact = quantity.low == quantity.best == quantity.high
        return Quantity(None, quantity.best, None) if exact else quantity
    return Quantity(None, None, quantity.high if quantity.high is not None else quantity.best)


def _drop_overlaps(mentions: list[QuantityMention]) -> list[QuantityMention]:
    kept: list[QuantityMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
