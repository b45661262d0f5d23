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

from fracas.resources import pack_alternation, rule_pack

# The words are data/fr/casualties.yaml's `context` entries; weekday and month names data/fr/calendar.yaml's.
_PACK = rule_pack("casualties")["context"]
_CALENDAR = rule_pack("calendar")
SHORT_WINDOW = "(?:" + pack_alternation(_PACK["short_windows"], fill={"WEEKDAY": "|".join(_CALENDAR["weekdays"])}) + ")"
_CONTEXT_RE = re.compile(pack_alternation(
    _PACK["cues"], fill={"SHORT_WINDOW": SHORT_WINDOW, "MONTH": "|".join(names[0] for names in _CALENDAR["months"])}
))
_CLAUSE_BREAK_RE = re.compile(
    r"[.!?;](?=\s|$)|\n|,\s*(?:" + pack_alternation(_PACK["clause_breaks"]) + r")\b|\s+[-–—]\s+"
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
