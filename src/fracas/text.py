"""Text folding shared by every stage: one way to compare French words, offsets kept."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_APOSTROPHES = {"\u2019": "'", "\u02bc": "'", "\u2018": "'", "`": "'"}


def _fold_char(ch: str) -> str:
    ch = _APOSTROPHES.get(ch, ch)
    stripped = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    # Keep exactly one character per input character so offsets stay valid in the original text.
    return stripped.lower() if len(stripped) == 1 else ch.lower()[:1] or ch


class _FoldTable(dict[int, str]):
    """str.translate table filled on first sight of each character (wire copy uses a few hundred)."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes unified — same length as `text`, so offsets carry over."""
    return text.translate(_FOLD_TABLE)


# A run of white space around at least one line break ("\r\n", "\r", "\n", NEL, LS, PS), or of several
# spaces and tabs. Non-breaking spaces are kept: French typography puts them in numbers and before « ».
_WHITESPACE_RUN = re.compile(r"[ \t\f\v]*[\r\n\x85\u2028\u2029][ \t\f\v\r\n\x85\u2028\u2029]*|[ \t\f\v]{2,}|[\t\f\v]")
_LINE_BREAK = re.compile(r"\r\n?|[\n\x85\u2028]")


def plain_whitespace(text: str) -> str:
    """`text` with its line breaks read as a reader would: a line break inside a paragraph (a hard-wrapped
    line) is a space, a blank line (or a paragraph separator) a paragraph boundary, written "\n\n", and a
    run of spaces or tabs one space. Idempotent."""

    def one(match: re.Match[str]) -> str:
        run = match.group()
        return "\n\n" if "\u2029" in run or len(_LINE_BREAK.findall(run)) >= 2 else " "

    return _WHITESPACE_RUN.sub(one, text)


# Characters a terminal obeys rather than shows: C0 controls but tab and newline, DEL and the C1 controls
# (ESC starts colour, cursor and title sequences; U+009B is a one-character CSI).
_TERMINAL_CONTROLS = {code: "\ufffd" for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))}


def terminal_safe(text: str) -> str:
    """`text` fit to print on a terminal: each control character is shown as U+FFFD, so stored text can
    never move the cursor, recolour or retitle the terminal. Same length, so offsets carry over."""
    return text.translate(_TERMINAL_CONTROLS)


def alias_pattern(aliases: Iterable[str]) -> re.Pattern[str]:
    """One regex matching any of the (folded) aliases as whole words, longest first."""
    ordered = sorted({a for a in aliases if a}, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(word) for word in a.split()) for a in ordered)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


_COUNTRY_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


def without_country_qualifier(actor_name: str) -> str:
    """An actor's name without ACLED's trailing country qualifier: "Civilians (Mali)" -> "Civilians"."""
    return _COUNTRY_QUALIFIER.sub("", actor_name)


# A photo caption ("Émeutes à N'Djamena, le 9 septembre 2022. © Facebook"): a short line of its own
# with a picture credit, a picture's label, not the report.
CAPTION = re.compile(r"©|cr[eé]dit photo", re.IGNORECASE)
# "Un troupeau dans la région de X. (Photo d'illustration)": a stock picture, taken elsewhere or earlier.
ILLUSTRATION = re.compile(r"(?:photo|image)s?\s+d['’]illustration", re.IGNORECASE)
CAPTION_CHARS = 200


def is_caption(line: str) -> bool:
    return len(line) <= CAPTION_CHARS and CAPTION.search(line) is not None


def line_at(text: str, start: int) -> str:
    """The line of `text` that holds offset `start`."""
    line_end = text.find("\n", start)
    return text[text.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else len(text)]


def in_illustration_caption(text: str, start: int) -> bool:
    """Whether offset `start` lies in the caption of a stock picture: a short line labelled an illustration."""
    line = line_at(text, start)
    return len(line) <= CAPTION_CHARS and ILLUSTRATION.search(line) is not None
