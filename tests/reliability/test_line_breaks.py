"""Line breaks inside a dispatch: a hard-wrapped line is whitespace, a blank line a paragraph boundary. The
same dev dispatch gives the same records however its lines are broken and whichever way it is read."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from fracas.ingest import read_inputs
from fracas.model import Dispatch, PublicationDate
from fracas.pipeline import Pipeline

GOLD = Path(__file__).resolve().parents[1] / "gold" / "dev.jsonl"
# Dev dispatches that gave no record once a newline followed each sentence.
LOST_TO_NEWLINES = ("dev-053", "dev-056", "dev-060")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load()


def gold(dispatch_id: str) -> dict[str, Any]:
    return next(r for r in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines()) if r["id"] == dispatch_id)


def records(pipeline: Pipeline, path: Path, published: str) -> list[dict[str, Any]]:
    result = pipeline.run(read_inputs([str(path)], published=PublicationDate.parse(published)))
    assert len(result.dispatches) == 1
    return [e.to_dict() for e in result.events]


@pytest.mark.model
@pytest.mark.parametrize("dispatch_id", LOST_TO_NEWLINES)
def test_a_wrapped_dispatch_gives_the_records_of_its_one_line_text(pipeline: Pipeline, tmp_path: Path,
                                                                    dispatch_id: str) -> None:
    story = gold(dispatch_id)
    text, published = story["text"], story["published"]
    one_line = tmp_path / "one-line.txt"
    one_line.write_text(text, encoding="utf-8")
    expected = records(pipeline, one_line, published)
    assert expected != []
    wrapped = "\n".join(textwrap.wrap(text, 64, break_on_hyphens=False))
    by_sentence = text.replace(". ", ".\r\n")
    paths = []
    for name, body in (("wrapped.txt", wrapped), ("sentences.txt", by_sentence)):
        paths.append(tmp_path / name)
        paths[-1].write_text(body, encoding="utf-8")
    paths.append(tmp_path / "dated.txt")  # a ' date ' dispatch going on over several lines
    paths[-1].write_text(f" date {published}\n{wrapped}\n", encoding="utf-8")
    paths.append(tmp_path / "feed.jsonl")
    paths[-1].write_text(json.dumps({"text": by_sentence}) + "\n", encoding="utf-8")
    assert [records(pipeline, path, published) for path in paths] == [expected] * 4


@pytest.mark.model
def test_paragraphs_and_a_dispatch_made_in_python(pipeline: Pipeline) -> None:
    story = gold(LOST_TO_NEWLINES[0])
    published = PublicationDate.parse(story["published"])
    spaced = Dispatch("one", story["text"], published)
    wrapped = Dispatch("one", "\n".join(textwrap.wrap(story["text"], 50, break_on_hyphens=False)), published)
    expected = [e.to_dict() for e in pipeline.run([spaced]).events]
    assert [e.to_dict() for e in pipeline.run([wrapped]).events] == expected
    # Blank lines between sentences: the same events; only the offsets of the evidence move.
    paragraphs = Dispatch("one", story["text"].replace(". ", ".\n\n"), published)

    def without_offsets(event: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in event.items() if k not in ("event_id", "evidence")}

    assert [without_offsets(e.to_dict()) for e in pipeline.run([paragraphs]).events] == [
        without_offsets(e) for e in expected]
