"""Build the packaged resources (src/fracas/resources/*.json) from the reviewable YAML files in data/.

Usage: python data/scripts/build_resources.py [--check]
--check exits 1 when a generated file is missing or differs from what the sources give (used by tests).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCES = {
    "actors": ROOT / "data" / "actors.yaml",
    "sources": ROOT / "data" / "sources.yaml",
    "gazetteer_supplement": ROOT / "data" / "gazetteer_supplement.yaml",
    "triggers": ROOT / "data" / "triggers.yaml",
    "subtypes": ROOT / "data" / "subtypes.yaml",
    # The French rule pack: data/fr/NAME.yaml becomes resources/fr_NAME.json.
    "fr_roles": ROOT / "data" / "fr" / "roles.yaml",
    "fr_reading_cues": ROOT / "data" / "fr" / "reading_cues.yaml",
    "fr_relevance": ROOT / "data" / "fr" / "relevance.yaml",
    "fr_calendar": ROOT / "data" / "fr" / "calendar.yaml",
    "fr_casualties": ROOT / "data" / "fr" / "casualties.yaml",
    "fr_numbers": ROOT / "data" / "fr" / "numbers.yaml",
    "fr_attribution": ROOT / "data" / "fr" / "attribution.yaml",
    "fr_dates": ROOT / "data" / "fr" / "dates.yaml",
    "fr_names": ROOT / "data" / "fr" / "names.yaml",
    "fr_places": ROOT / "data" / "fr" / "places.yaml",
    "fr_place_tolls": ROOT / "data" / "fr" / "place_tolls.yaml",
}
TARGET = ROOT / "src" / "fracas" / "resources"


def render(name: str, source: Path) -> str:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    payload = {
        "generated_by": "data/scripts/build_resources.py — do not edit; edit " + str(source.relative_to(ROOT)),
        "data": data,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check that the generated files are current")
    args = parser.parse_args(argv)
    stale = []
    for name, source in SOURCES.items():
        if not source.exists():
            continue
        target = TARGET / f"{name}.json"
        text = render(name, source)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(str(target.relative_to(ROOT)))
        else:
            target.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run python data/scripts/build_resources.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
