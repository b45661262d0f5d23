"""Bad dispatches among good ones, through extraction, the store and the command line: every good
dispatch gives exactly the records it gives alone, every bad one a rejection, and no traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hostile import MAKERS, good_line

from fracas.ingest import read_inputs
from fracas.model import Rejection
from fracas.pipeline import Pipeline
from fracas.store import open_store
from fracas.store.ingest import IngestSummary, ingest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_fakes import NEEDS_DATE, FakePipeline, marker  # noqa: E402

HUGE_NUMBER = "9" * 5000


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load()


@pytest.mark.model
def test_good_dispatches_give_their_records_among_bad_ones(pipeline: Pipeline, tmp_path: Path) -> None:
    lines = []
    for index, maker in enumerate(MAKERS):
        lines += [good_line(index), maker(5_000)[0]]
    # Text that reads but is hard to extract: a 5,000-digit toll, no date.
    lines += [json.dumps({"text": f"Des frappes ont tué {HUGE_NUMBER} civils mercredi à Hama, selon l'OSDH.",
                          "published": "2015-10-07"}),
              json.dumps({"text": "Des frappes ont tué trois civils mercredi à Hama, selon l'OSDH."})]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    result = pipeline.run(read_inputs([str(path)]))
    good = [e.to_dict() for e in result.events if e.dispatch_ids[0].startswith("good-")]
    expected = []
    for index in range(len(MAKERS)):
        read = next(d for d in result.dispatches if d.id == f"good-{index}")
        expected += [e.to_dict() for e in pipeline.run([read]).events]
    assert good == expected and len(expected) >= len(MAKERS)
    huge = [e for e in result.events if not e.dispatch_ids[0].startswith("good-")]
    assert [(e.sub_event_type, e.fatalities) for e in huge] == [("Air/drone strike", None)]
    assert sorted(r.line for r in result.rejections) == [*range(2, 2 * len(MAKERS) + 1, 2), 2 * len(MAKERS) + 2]
    assert all(r.origin == str(path) for r in result.rejections)
    assert result.rejections[-1].reason.startswith(f"{path}:{2 * len(MAKERS) + 2}: no publication date")


def test_an_undatable_dispatch_is_read_again_once_dated(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Des frappes ont eu lieu mercredi, selon des témoins. " + NEEDS_DATE + " " + marker(place="Talbiseh"), encoding="utf-8")
    with open_store(str(tmp_path / "f.db")) as store:
        first = ingest(store, read_inputs([str(path)]), FakePipeline())
        assert first == IngestSummary(read=1, new=0, rejections=1)
        assert store.rejections() == [Rejection(str(path), f"{path}: no publication date")]
        from fracas.model import PublicationDate

        again = ingest(store, read_inputs([str(path)], published=PublicationDate.parse("2015-10-07")), FakePipeline())
        assert again == IngestSummary(read=1, new=1, events_new=1)
        assert (store.rejections(), store.counts().events) == ([], 1)


@pytest.mark.model
def test_no_traceback_reaches_the_user(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from fracas.interfaces.cli import app

    path = tmp_path / "bad.jsonl"
    path.write_text("[" * 5000 + "\n" + good_line(0) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "-f", "jsonl"])
    assert (result.exit_code, "Traceback" in result.output) == (0, False)
    assert result.stderr.splitlines()[0] == (f"fracas: skipped: {path} line 1 is JSON nested too deeply to "
                                             "read; each line must be one flat JSON object with a \"text\"")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(empty)])
    assert (result.exit_code, "Traceback" in result.output) == (1, False)
