"""Background tolls — of a whole war or a period — told apart from an act's toll.

A toll is context when its clause has a period anchor ("depuis mars 2011", "depuis le début de la guerre",
"au total", "en cumulé", "cette année", "en 2015", "ces derniers mois", "en trois ans"), a whole conflict
named before the toll ("le conflit a fait ...", "... 500 morts dans la guerre"; not "à Kidal, où l'armée et
la rébellion s'affrontent"), a long campaign ("une offensive ..."), or several acts at once ("dans les
quatre attaques", "lors de deux attaques", "les bombes tirées par les deux camps"), the whole country or
the whole country ("dans toute la France", "à travers le pays"), and whatever the clause when it is 10,000 or
more. Short windows ("depuis mardi", "depuis 24 heures", "depuis hier") are episodes, not context.
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
_WARS_RE = re.compile(pack_alternation(_PACK["wars"]))
_WAR_AFTER_RE = re.compile(_PACK["war_after"])
_NO_ACT_CAUSE_RE = re.compile(pack_alternation(_PACK["no_act_causes"]))
_RIVAL_RE = re.compile(pack_alternation(_PACK["rival_cues"]))
_UPDATE_RE = re.compile(pack_alternation(_PACK["update_cues"]))
_TOTAL_BEFORE_RE = re.compile(pack_alternation(_PACK["totals_before"]))
_CONTEXT_FLOOR = 10_000  # a toll this large is a war's, not an event's


def is_context(text: str, start: int, end: int, best: int | None) -> bool:
    """Whether a toll at `text[start:end]` is background: a war's or a period's, never an event's."""
    if best is not None and best >= _CONTEXT_FLOOR:
        return True
    clause_start, clause_end = clause_bounds(text, start, end)
    if _CONTEXT_RE.search(text, clause_start, clause_end) or _TOTAL_BEFORE_RE.search(text, clause_start, start):
        return True
    if _NO_ACT_CAUSE_RE.search(text[end:clause_end]):
        return True  # "sont morts dans un accident": a death, but no act's
    # A whole conflict before the toll, or right after it as its complement ("500 morts dans la guerre").
    return any(war.start() < start or _WAR_AFTER_RE.search(text, end, war.start())
               for war in _WARS_RE.finditer(text, clause_start, clause_end))


def claim_of(text: str, start: int, end: int) -> str | None:
    """How a toll stands to the act's other figures: "update" when it replaces them ("le bilan s'est alourdi
    à"), "rival" when another source contradicts them ("pour sa part", "mais ... a fait état de"), else None."""
    clause_start, clause_end = clause_bounds(text, start, end)
    if _UPDATE_RE.search(text, clause_start, clause_end):
        return "update"
    if _RIVAL_RE.search(text, clause_start, clause_end):
        return "rival"
    return None


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause of `text[start:end]` begins and ends (stops, semicolons, "alors que", dashes)."""
    clause_start = 0
    for brk in _CLAUSE_BREAK_RE.finditer(text, 0, start):
        clause_start = brk.end()
    after = _CLAUSE_BREAK_RE.search(text, end)
    return clause_start, after.start() if after else len(text)
