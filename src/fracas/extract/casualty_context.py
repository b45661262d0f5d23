"""Background tolls — of a whole war or a period — told apart from an act's toll.

A toll is context when its clause has a period anchor ("depuis mars 2011", "depuis le début de la guerre",
"au total", "en cumulé", "cette année", "en 2015", "ces derniers mois", "en trois ans"), a whole conflict
("le conflit a fait ..."), a long campaign ("une offensive ..."), or several acts at once ("dans les
quatre attaques", "les bombes tirées par les deux camps"), and whatever the clause when it is
10,000 or more. Short windows ("depuis mardi", "depuis 24 heures", "depuis hier") are episodes, not context.
Callers pass the lower-cased text (quantities may be masked: only the words around them are read).
"""

from __future__ import annotations

import re

SHORT_WINDOW = (
    r"(?:hier|avant-hier|ce\s+matin|cette\s+nuit|la\s+nuit|la\s+veille|l'aube|le\s+matin|le\s+soir|"
    r"(?:le\s+|ce\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week-end)|\S+\s+(?:heures|h|jours)\b)"
)
_CONTEXT_RE = re.compile(
    rf"\bdepuis\b(?!\s+{SHORT_WINDOW})|\bau\s+total\b|\ben\s+cumulé\b|\bcumul|\bbilan\s+(?:total|global|cumulé)"
    r"|\bcette\s+année\b|\bl'an\s+dernier\b|\bl'année\s+(?:dernière|passée|précédente)\b|\ben\s+(?:19|20)\d\d\b"
    r"|\bau\s+cours\s+de\s+l'année\b|\bdu\s+mois\s+de\b|\bau\s+cours\s+du\s+mois\b|\ble\s+mois\s+dernier\b"
    r"|\b(?:ces|au\s+cours\s+des)\s+(?:\S+\s+)?(?:derniers|dernières)\s+(?:\S+\s+)?(?:semaines|mois|années|ans)\b"
    r"|\ben\s+(?:\S+\s+)?(?:mois|ans|années|semaines)\b|\bentre\s+(?:19|20)\d\d\s+et\b"
    r"|\b(?:le|du|ce)\s+conflit\b|\bla\s+guerre\b|\bl'insurrection\b|\bla\s+rébellion\b|\bla\s+crise\b"
    r"|\bdes\s+années\s+de\b"
    r"|\ben\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b"
    # An offensive or a campaign lasts weeks: "une offensive ..., qui a fait plus de 1.000 morts".
    # ("la campagne d'Idleb" is the countryside, so only these determiners.)
    r"|\b(?:une|cette|leur|son|sa)\s+(?:offensive|campagne)\b|\bl'offensive\b"
    # A total over several acts is no one act's toll: "dans les quatre attaques", "les deux camps" (the
    # number word may be masked, so any one word stands between).
    r"|\b(?:dans|lors\s+de|au\s+cours\s+de)\s+(?:les|ces)\s+\S+\s+(?:attaques|affrontements|raids|frappes|bombardements|incursions)\b"
    r"|\b(?:dans|lors\s+de)\s+ces\s+(?:attaques|raids|frappes|bombardements|incursions)\b|\bles\s+\S+\s+camps\b"
)
_CLAUSE_BREAK_RE = re.compile(
    r"[.!?;](?=\s|$)|\n|,\s*(?:alors\s+que|tandis\s+que|au\s+moment\s+où|après\s+que|quand|lorsque)\b"
    r"|\s+[-–—]\s+"
)
_CONTEXT_FLOOR = 10_000  # a toll this large is a war's, not an event's


def is_context(text: str, start: int, end: int, best: int | None) -> bool:
    """Whether a toll at `text[start:end]` is background: a war's or a period's, never an event's."""
    if best is not None and best >= _CONTEXT_FLOOR:
        return True
    clause_start = 0
    for brk in _CLAUSE_BREAK_RE.finditer(text, 0, start):
        clause_start = brk.end()
    after = _CLAUSE_BREAK_RE.search(text, end)
    clause_end = after.start() if after else len(text)
    return _CONTEXT_RE.search(text, clause_start, clause_end) is not None
