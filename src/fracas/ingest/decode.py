"""Bytes to text for dispatch files: encodings, binary files, and whether the text is French at all."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Frequent function words, cheap to count and distinctive enough to tell a French dispatch from an
# English, Spanish or German one. Words shared between languages ("a", "de" in Spanish) are left in the
# French list only, so ties go to French.
_STOP_WORDS: dict[str, frozenset[str]] = {
    "French": frozenset(
        "le la les l' de des du d' un une et en au aux dans par pour sur est ont été qui que qu' selon avec "
        "ce cette ces il elle ils elles ne n' pas plus son sa ses leur leurs été s' se sont lors après "
        "contre entre depuis mais où été aussi avait fait".split()
    ),
    "English": frozenset(
        "the of and to in is was were that for on with by said has have it at from as are be this which "
        "after an their had been who not but".split()
    ),
    "Spanish": frozenset("el los las y del por con una para se su al lo como pero más fue han".split()),
    "German": frozenset("der die das und den dem mit ist nicht von zu auf ein eine im sich des wurde".split()),
}
_WORD_RE = re.compile(r"[^\W\d_]+'?")
_SAMPLE_WORDS = 2000  # enough to judge a language; never scan a whole big text
_MIN_WORDS = 6  # below this the ratio says nothing: accept


def language_problem(text: str) -> str | None:
    """None when `text` reads as French; otherwise what it looks like, e.g. "mostly English words"."""
    words = _WORD_RE.findall(text[: _SAMPLE_WORDS * 12].lower().replace("\u2019", "'"))[:_SAMPLE_WORDS]
    if not words:  # punctuation, digits or control characters only, at least where the sample was taken
        return None if _WORD_RE.search(text) else "no words"
    if len(words) < _MIN_WORDS:
        return None
    hits = {lang: sum(word in stop for word in words) for lang, stop in _STOP_WORDS.items()}
    french = hits["French"] / len(words)
    best = max(hits, key=lambda lang: (hits[lang], lang == "French"))
    if best == "French" and french >= 0.08:
        return None
    if best != "French" and hits[best] / len(words) >= 0.08:
        return f"mostly {best} words"
    return f"few French words ({french:.0%} French function words)"


@dataclass(frozen=True)
class Decoded:
    text: str | None
    problem: str | None  # why there is no text


def decode(data: bytes, *, name: str) -> Decoded:
    """The text of `data`: UTF-8 (with or without BOM), else cp1252/latin-1 when that reads as French."""
    nul = data.find(b"\x00")
    if nul != -1:
        return Decoded(None, f"{name} is a binary file (NUL byte at offset {nul}); give a UTF-8 text file")
    try:
        return Decoded(_clean(data.decode("utf-8-sig")), None)
    except UnicodeDecodeError as err:
        bad = err.start
    # Old French files are often Windows-1252 or Latin-1; accept them only when the result reads as French,
    # so random bytes are not turned into a plausible-looking dispatch.
    for legacy in ("cp1252", "latin-1"):
        try:
            text = data.decode(legacy)
        except UnicodeDecodeError:
            continue
        if language_problem(text) is None and _WORD_RE.search(text):
            return Decoded(_clean(text), None)
    return Decoded(None, f"{name} is not UTF-8 (undecodable byte 0x{data[bad]:02x} at offset {bad}) "
                         "and does not read as French in cp1252/latin-1 either; convert it to UTF-8")


def _clean(text: str) -> str:
    # NFC so that an "é" typed as e + accent matches dictionaries; one newline convention for offsets.
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
