"""The public surface: what `fracas` exports, and that every CLI command is documented in the README."""

from pathlib import Path

import typer.main

import fracas
from fracas.interfaces.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_public_names():
    assert sorted(fracas.__all__) == sorted([
        "Actor", "Dispatch", "Event", "Evidence", "ExtractionResult", "Place", "PublicationDate", "Rejection",
        "Source", "FracasError", "GoldFileError", "InputError", "ResourceError", "StoreError", "UsageError",
        "Pipeline", "extract", "extract_dispatches", "__version__",
    ])
    for name in fracas.__all__:
        assert hasattr(fracas, name), name


def test_every_cli_command_is_documented():
    group = typer.main.get_group(app)
    names = []
    for name, command in group.commands.items():
        subcommands = getattr(command, "commands", None)
        names.extend(f"{name} {sub}" for sub in subcommands) if subcommands else names.append(name)
    missing = [name for name in names if f"fracas {name}" not in README]
    assert missing == []
