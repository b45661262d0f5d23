"""docs/coding-rules.md names the test behind each rule: every test it names must exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")


def test_every_test_the_coding_rules_name_exists():
    text = (ROOT / "docs" / "coding-rules.md").read_text(encoding="utf-8")
    references = REFERENCE.findall(text)
    missing = []
    for path, name in references:
        module = ROOT / path
        defined = set()
        if module.exists():
            tree = ast.parse(module.read_text(encoding="utf-8"))
            defined = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        if name not in defined:
            missing.append(f"{path}::{name}")
    assert len(references) >= 20 and missing == []
