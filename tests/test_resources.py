"""Packaged resources are generated from data/: they must match what the build script makes now."""

import subprocess
import sys
from pathlib import Path

import pytest

from fracas.errors import ResourceError
from fracas.resolve.actors import ActorDictionary

ROOT = Path(__file__).resolve().parents[1]


def test_generated_resources_are_current():
    run = subprocess.run([sys.executable, str(ROOT / "data" / "scripts" / "build_resources.py"), "--check"],
                         capture_output=True, text=True)
    assert (run.returncode, run.stderr) == (0, "")


def test_user_actor_dictionary_extends_the_packaged_one(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n  - name: Wagner Group\n    kind: external_other\n    country: RUS\n"
                     "    aliases:\n      fr: [les paramilitaires de Wagner]\n", encoding="utf-8")
    dictionary = ActorDictionary.load(extra=extra)
    assert dictionary.aliases["les paramilitaires de wagner"].name == "Wagner Group"


def test_a_bad_actor_entry_is_named(tmp_path):
    extra = tmp_path / "bad.yaml"
    extra.write_text("actors:\n  - name: Somebody\n    kind: warlord\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="Somebody.*warlord"):
        ActorDictionary.load(extra=extra)
