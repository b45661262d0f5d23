"""Code shape gate: every function of src/fracas stays under radon's cyclomatic complexity 15.

The functions listed in KNOWN_COMPLEX were over the limit when the gate was added (the extraction core
that issue 7 asks to move into the rule pack). The list is a ratchet: a listed function may only get
simpler, a function that drops under the limit must leave the list, and no new function may join it.
"""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class, Function

SRC = Path(__file__).resolve().parents[1] / "src"
LIMIT = 15  # complexity must be below this

KNOWN_COMPLEX: dict[str, int] = {}  # empty since stop 14: no function of src/fracas is over the limit


def _functions(block: Function, prefix: str):
    """One radon function block and its closures, each with its qualified name ("Class.method")."""
    name = f"{prefix}{block.fullname}"
    yield name, block.complexity
    for closure in block.closures:
        yield from _functions(closure, f"{name}.")


def measured_complexity() -> dict[str, int]:
    found: dict[str, int] = {}
    for path in sorted(SRC.rglob("*.py")):
        module = path.relative_to(SRC).as_posix()
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if isinstance(block, Class):
                continue  # cc_visit lists each method on its own as well; a class's total is not a function
            for name, complexity in _functions(block, ""):
                found[f"{module}::{name}"] = complexity
    return found


def test_no_function_is_over_the_complexity_limit_unless_known_and_not_worse():
    measured = measured_complexity()
    problems = []
    for name, complexity in sorted(measured.items()):
        if complexity < LIMIT:
            continue
        known = KNOWN_COMPLEX.get(name)
        if known is None:
            problems.append(f"{name}: complexity {complexity} (limit {LIMIT - 1}); split it")
        elif complexity > known:
            problems.append(f"{name}: complexity rose from {known} to {complexity}; it may only fall")
    assert problems == []


def test_the_known_list_holds_only_functions_still_over_the_limit():
    measured = measured_complexity()
    stale = {
        name: measured.get(name)
        for name in KNOWN_COMPLEX
        if measured.get(name) is None or measured[name] < LIMIT
    }
    # A function that was simplified (or removed) leaves the list, so the ratchet never loosens.
    assert stale == {}
