"""Name keys for the gazetteer: how a written place name becomes something to look up.

Three keys, from strict to tolerant:

- `fold(text)`: the display form, accents and ayn/hamza marks removed ("Dārat ‘Izzah" -> "Darat Izzah").
- `name_key(text)`: lower case, punctuation unified to single spaces, a leading Arabic article dropped
  ("Al-Mansoura", "al Mansourah" and "Mansoura" share "mansoura"; "Deir ez-Zor" -> "deir ez zor").
- `skeleton(text)`: a consonant skeleton that survives French vs English transliteration of Arabic
  ("Daret Ezza" and "Dārat ‘Izzah" -> "drtz"; "Jisr al-Choughour" and "Jisr ash Shughur" -> "jsrxgr").
  It collides easily, so the gazetteer only uses it inside one country.

The index and the queries go through the same functions, so changing one changes both (and the
gazetteer build version must then be bumped).
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into ASCII.
_EXTRA_FOLDS = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
    "ß": "ss", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ð": "d", "þ": "th", "ŋ": "ng", "ə": "e", "Ə": "E",
})
# Ayn, hamza and typographic apostrophes: dropped from display names ("Ma‘arrat" -> "Maarrat").
_MARKS = re.compile(r"[‘’ʿʾʼ`´ʻ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Arabic article forms (with sun-letter assimilation) as they appear in French and English copy.
ARTICLES = frozenset({
    "al", "el", "il", "ul", "an", "en", "ar", "er", "as", "es", "ash", "ech", "ach", "esh", "ad", "ed",
    "at", "et", "az", "ez", "adh", "ath",
})
# Only these are dropped when they START a name: "en", "et", "es", "as", "at", "il" are too often real words
# or real first syllables written apart in French ("En Nahud" is rare, "Es Sider" acceptable loss).
_LEADING_ARTICLES = frozenset({"al", "el", "an", "ar", "as", "ash", "ech", "ad", "ed", "az", "ez", "adh", "ath"})


def fold(text: str) -> str:
    """ASCII display form: accents and ayn/hamza marks removed, spacing tidied, case kept."""
    text = _MARKS.sub("", text).translate(_EXTRA_FOLDS)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def _words(text: str) -> list[str]:
    return _NON_ALNUM.sub(" ", fold(text).lower()).split()


def name_key(text: str) -> str:
    """The exact-match key: folded, lower case, single spaces, a leading Arabic article dropped."""
    words = _words(text)
    if len(words) > 1 and words[0] in _LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)


# Digraphs first (French "ch"/"dj"/"ou", English "sh"/"j"/"u"), then the letters that vary freely.
_DIGRAPHS = (("tch", "c"), ("sch", "x"), ("ch", "x"), ("sh", "x"), ("dj", "j"), ("kh", "k"), ("gh", "g"),
             ("th", "t"), ("dh", "d"), ("ph", "f"), ("q", "k"), ("ck", "k"), ("c", "k"))
_VOWELS = re.compile(r"[aeiouyw]")
_DOUBLES = re.compile(r"(.)\1+")


def skeleton(text: str) -> str:
    """Consonant skeleton for transliteration-tolerant matching ("" when too short to be useful).

    Articles anywhere in the name are dropped (they assimilate: "al-Noomane" ~ "an Nu'man"), vowels and the
    semivowels w/y go (Dayr ~ Deir, Zawr ~ Zor), a word-final h goes (Nabudah ~ Nabouda), doubled letters
    collapse (Izzah ~ Ezza) and word boundaries vanish (Kafrzita ~ Kafr Zita).
    """
    words = [w for w in _words(text) if w not in ARTICLES] or _words(text)
    out = []
    for word in words:
        for src, dst in _DIGRAPHS:
            word = word.replace(src, dst)
        if len(word) > 1 and word.endswith("h"):
            word = word[:-1]
        out.append(_VOWELS.sub("", word))
    key = _DOUBLES.sub(r"\1", "".join(out))
    # Two consonants ("Hama" -> "hm") would match half a country.
    return key if len(key) >= 3 else ""


# French articles and prepositions in front of a country or province name ("en Syrie", "l'Irak", "au Mali").
_FRENCH_LEADS = ("de la ", "de l ", "en ", "au ", "aux ", "du ", "des ", "de ", "d ", "la ", "le ", "les ", "l ")


def strip_french_lead(key: str) -> str:
    """Drop one leading French article/preposition from a name_key ("la syrie" -> "syrie")."""
    for lead in _FRENCH_LEADS:
        if key.startswith(lead) and len(key) > len(lead):
            return key[len(lead):]
    return key
