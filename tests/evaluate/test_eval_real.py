"""The real-text index reader, its join with the text cache and the sha256 check, on a tiny synthetic
index written here (the real index's texts are not in a fresh clone, so it is not scored in CI)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from fracas.errors import GoldFileError, UsageError
from fracas.evaluate import StaticPipeline
from fracas.evaluate.real import (
    add_text,
    default_texts_dir,
    is_real_index,
    load_real_gold,
    read_index,
    split_of,
    text_sha256,
)
from fracas.evaluate.run import evaluate_real
from fracas.interfaces import cli_measure
from fracas.interfaces.cli import app
from fracas.model import Actor

runner = CliRunner()


def text_in(split: str, stem: str) -> str:
    """A text whose hash puts it in `split` (one in four texts is held out, so a few tries suffice)."""
    for n in range(200):
        text = f"{stem} ({n})"
        if split_of(text_sha256(text)) == split:
            return text
    raise AssertionError(f"no text of split {split} found")


STRIKE = text_in("dev", "Frappes russes sur Hama, trois morts selon l'OSDH.")
MATCH = text_in("dev", "Le match s'est joué à Lyon.")
HELD = text_in("heldout", "Combats à Hama.")


def line(article_id: str, text: str, *, kind: str = "conflict", events: Any = None, **fields: Any) -> dict:
    sha = text_sha256(text)
    base = {
        "id": article_id, "split": split_of(sha), "kind": kind, "url": f"https://example.org/{article_id}",
        "query": "frappes Hama", "rank": 2, "sha256": sha, "chars": len(text), "published": "2015-10-07",
        "outlet": "AFP", "country": "SY" if kind == "conflict" else None,
        "events": events if events is not None else [], "context_tolls": [], "notes": "synthetic",
    }  # fmt: skip
    return {**base, **fields}


@pytest.fixture
def strike_event(gold) -> dict[str, Any]:
    return gold(
        actor1={"name": "Military Forces of Russia", "kind": "state_forces", "country": "RUS"},
        actor2={"name": "Civilians (Syria)", "kind": "civilians", "country": "SYR"},
    )


@pytest.fixture
def index(tmp_path: Path, strike_event) -> Path:
    texts = tmp_path / "texts"
    texts.mkdir()
    for article_id, text in (("r-1", STRIKE), ("r-2", MATCH), ("r-3", HELD)):
        (texts / f"{article_id}.txt").write_bytes(text.encode("utf-8"))
    path = tmp_path / "index.jsonl"
    lines = [
        line("r-1", STRIKE, events=[strike_event]),
        line("r-2", MATCH, kind="nonconflict"),
        line("r-3", HELD, events=[{"sub_event_type": "Armed clash", "location": {"admin1": "Hama"}}]),
    ]
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


def test_index_lines_are_joined_with_their_texts_by_split(index):
    texts = index.parent / "texts"
    dev = load_real_gold(index, texts_dir=texts, split="dev")
    assert [(d.id, d.text, str(d.published)) for d in dev.dispatches] == [
        ("r-1", STRIKE, "2015-10-07"),
        ("r-2", MATCH, "2015-10-07"),
    ]
    assert (dev.nonconflict_ids, dev.problems, dev.n_selected) == (frozenset({"r-2"}), (), 2)
    assert [d.id for d in load_real_gold(index, texts_dir=texts, split="heldout").dispatches] == ["r-3"]
    assert len(load_real_gold(index, texts_dir=texts, split="all").dispatches) == 3
    with pytest.raises(UsageError, match="unknown split 'test'"):
        load_real_gold(index, texts_dir=texts, split="test")


def test_a_missing_or_changed_text_is_a_problem_that_says_how_to_retrieve_it(index):
    texts = index.parent / "texts"
    (texts / "r-1.txt").write_text(STRIKE + "\n", encoding="utf-8")  # an added newline changes the hash
    (texts / "r-2.txt").unlink()
    gold = load_real_gold(index, texts_dir=texts, split="dev")
    assert gold.dispatches == ()
    assert [p.message() for p in gold.problems] == [
        f"r-1: {texts / 'r-1.txt'} has sha256 {text_sha256(STRIKE + chr(10))[:12]}... ({len(STRIKE) + 1} "
        f"chars), not the coded text's {text_sha256(STRIKE)[:12]}... ({len(STRIKE)} chars); to restore it, "
        "search the pages corpus for 'frappes Hama' and take rank 2 (https://example.org/r-1); save the "
        "excerpt verbatim (UTF-8, no added newline) and check it in with `fracas real add r-1 FILE`",
        f"r-2: no text at {texts / 'r-2.txt'}; to restore it, search the pages corpus for 'frappes Hama' "
        "and take rank 2 (https://example.org/r-2); save the excerpt verbatim (UTF-8, no added newline) "
        "and check it in with `fracas real add r-2 FILE`",
    ]


def test_add_checks_the_text_before_it_enters_the_cache(index, tmp_path):
    cache = tmp_path / "cache"
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("autre chose", encoding="utf-8")
    with pytest.raises(UsageError, match="not the coded text's"):
        add_text(index, "r-1", wrong, texts_dir=cache)
    assert not cache.exists()
    with pytest.raises(UsageError, match="'r-9' is not in"):
        add_text(index, "r-9", wrong, texts_dir=cache)
    assert add_text(index, "r-1", index.parent / "texts" / "r-1.txt", texts_dir=cache) == cache / "r-1.txt"
    assert (cache / "r-1.txt").read_text(encoding="utf-8") == STRIKE


@pytest.mark.parametrize(
    "change, message",
    [
        ({"split": "heldout"}, "split 'heldout' but the text's hash puts it in 'dev'"),
        ({"notes": "x" * 401}, "notes is 401 characters long"),
        ({"kind": "nonconflict", "events": [{"sub_event_type": "Armed clash", "location": {"admin1": "H"}}]},
         'a nonconflict article has "events": \\[\\]'),
        ({"text": STRIKE}, "unknown key\\(s\\) \\['text'\\]"),
        ({"sha256": "ABC"}, "sha256 must be 64 lower-case hex digits"),
    ],
)  # fmt: skip
def test_malformed_index_lines_are_refused(tmp_path, change, message):
    path = tmp_path / "index.jsonl"
    path.write_text(json.dumps({**line("r-1", STRIKE), **change}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match=message):
        read_index(path)


def test_the_same_article_twice_is_refused(tmp_path):
    path = tmp_path / "index.jsonl"
    path.write_text(
        json.dumps(line("r-1", STRIKE)) + "\n" + json.dumps(line("r-2", STRIKE)) + "\n", encoding="utf-8"
    )
    with pytest.raises(GoldFileError, match="sha256 '.*' is already used at .*index.jsonl:1"):
        read_index(path)


def test_bad_gold_inside_an_index_line_is_reported_at_its_line(index, strike_event):
    bad = {**strike_event, "actor2": {"name": "Civilians", "kind": "civilians"}}
    index.write_text(json.dumps(line("r-1", STRIKE, events=[bad])) + "\n", encoding="utf-8")
    with pytest.raises(
        GoldFileError, match=r"index.jsonl:1: event 1: actor2 gives a kind but no \"country\""
    ):
        load_real_gold(index, texts_dir=index.parent / "texts")


def test_real_scores_actors_by_kind_and_country_and_counts_false_events_on_nonconflict(index, event):
    texts = index.parent / "texts"
    wrong_name = Actor("Civilians", "civilians", "SYR", None)  # right kind and country, other spelling
    pipeline = StaticPipeline({"r-1": [event(actor2=wrong_name)], "r-2": [event("e2"), event("e3")]})
    real = evaluate_real(load_real_gold(index, texts_dir=texts), pipeline=pipeline)
    scores = {s.name: (s.n, s.correct) for s in real.report.fields if s.name.startswith("actor")}
    assert scores == {
        "actor1": (1, 1),
        "actor2": (1, 0),
        "actor1_kind_country": (1, 1),
        "actor2_kind_country": (1, 1),
    }
    assert (real.report.detection.n_gold, real.report.detection.n_predicted) == (1, 3)
    assert (real.n_nonconflict, real.false_events_per_100_nonconflict) == (1, 200.0)
    # The conflict articles alone: their one gold event found by their one prediction.
    assert real.conflict_detection.to_dict() == {"n_gold": 1, "n_predicted": 1, "n_matched": 1, "precision": 1.0,
                                                 "recall": 1.0, "f1": 1.0}


def test_index_files_are_told_from_gold_files(index, write_gold, gold):
    assert is_real_index(index)
    assert not is_real_index(write_gold({"id": "d", "text": "Hama", "events": [gold()]}))


def test_the_default_cache_is_at_the_repository_root_unless_the_environment_says(tmp_path, monkeypatch):
    monkeypatch.delenv("FRACAS_REAL_TEXTS", raising=False)
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "tests" / "real").mkdir(parents=True)
    assert default_texts_dir(tmp_path / "tests" / "real" / "index.jsonl") == tmp_path / ".cache" / "real"
    monkeypatch.setenv("FRACAS_REAL_TEXTS", str(tmp_path / "elsewhere"))
    assert default_texts_dir(tmp_path / "tests" / "real" / "index.jsonl") == tmp_path / "elsewhere"


def test_eval_command_scores_an_index_and_fails_on_texts_it_could_not_score(index, monkeypatch, event):
    monkeypatch.setattr(cli_measure, "load_pipeline", lambda: StaticPipeline({"r-1": [event()]}))
    texts = index.parent / "texts"
    result = runner.invoke(app, ["eval", str(index), "--texts", str(texts), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert {
        k: report[k] for k in ("split", "articles", "articles_scored", "false_events_per_100_nonconflict")
    } == {
        "split": "dev",
        "articles": 2,
        "articles_scored": 2,
        "false_events_per_100_nonconflict": 0.0,
    }
    (texts / "r-2.txt").unlink()
    result = runner.invoke(app, ["eval", str(index), "--texts", str(texts)])
    assert result.exit_code == 1
    assert "real-text split dev: 1 of 2 articles scored" in " ".join(result.stdout.split())
    assert "r-2: no text at" in result.stderr


def test_real_commands_list_check_and_add_texts(index, tmp_path):
    texts = index.parent / "texts"
    result = runner.invoke(app, ["real", "check", "--index", str(index), "--texts", str(texts)])
    assert (result.exit_code, result.stdout.strip()) == (
        0,
        f"{index}: 3 articles (dev 2, heldout 1; conflict 2, nonconflict 1); 3 texts OK in {texts} "
        "with 2 gold events",
    )
    saved = tmp_path / "saved.txt"
    saved.write_bytes((texts / "r-3.txt").read_bytes())
    (texts / "r-3.txt").unlink()
    result = runner.invoke(app, ["real", "missing", "--index", str(index), "--texts", str(texts)])
    assert (result.exit_code, result.stdout.split(":")[0]) == (1, "r-3")
    result = runner.invoke(
        app, ["real", "add", "r-3", str(saved), "--index", str(index), "--texts", str(texts)]
    )
    assert (result.exit_code, result.stdout.strip()) == (
        0,
        f"r-3: text checked and stored at {texts / 'r-3.txt'}",
    )
    assert (
        runner.invoke(app, ["real", "missing", "--index", str(index), "--texts", str(texts)]).exit_code == 0
    )
