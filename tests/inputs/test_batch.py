"""`fracas batch` on a LocalCluster of 2 workers, merged with `fracas ingest DIR`, gives the same events
as a single-process ingest of the same input; merging twice changes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from web_fixtures import write_crawl

from fracas.batch import Partition, plan_partitions
from fracas.ingest import read_inputs
from fracas.interfaces.cli import app
from fracas.model import Dispatch
from fracas.store import open_store

GOLD = Path(__file__).parents[1] / "gold" / "dev.jsonl"
NEGATIVES = Path(__file__).parents[1] / "gold" / "negatives.jsonl"
FRACAS = str(Path(sys.executable).with_name("fracas"))  # the fracas command of the environment running the tests
runner = CliRunner()


def _events(db: str) -> list[dict]:
    with open_store(db) as store:
        return sorted((e.to_dict() for e in store.events()), key=lambda e: e["event_id"])


def test_partitions_are_record_ranges_of_json_lines_and_whole_other_files(tmp_path: Path) -> None:
    lines = tmp_path / "wire.jsonl"
    lines.write_text("\n".join(json.dumps({"text": f"texte {i}"}) for i in range(5)) + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text("<html></html>", encoding="utf-8")
    assert plan_partitions([str(lines), str(page)], 2) == [
        Partition("part-00000", str(lines), 0, 2), Partition("part-00001", str(lines), 2, 4),
        Partition("part-00002", str(lines), 4, 5), Partition("part-00003", str(page), 0, None),
    ]


@pytest.mark.model
def test_a_local_cluster_of_two_workers_gives_the_events_of_a_single_process_run(tmp_path: Path) -> None:
    wire = tmp_path / "wire.jsonl"
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()[:6]]
    records.append(json.loads(NEGATIVES.read_text(encoding="utf-8").splitlines()[0]))  # stored as irrelevant
    wire.write_text("\n".join(json.dumps({"text": r["text"], "published": r["published"]}) for r in records)
                    + "\n{broken\n", encoding="utf-8")
    crawl = str(write_crawl(tmp_path / "crawl.warc.gz"))  # 7 WARC records: cut into 4 record ranges
    single, merged, out = str(tmp_path / "single.db"), str(tmp_path / "merged.db"), tmp_path / "out"
    assert runner.invoke(app, ["ingest", str(wire), crawl, "--db", single]).exit_code == 0
    # The cluster runs in a child process: a LocalCluster leaves threads behind in its process, and a
    # later test that forks (the pipeline's worker processes) must not inherit them.
    batch = subprocess.run([FRACAS, "batch", str(wire), crawl, "-o", str(out), "--workers", "2", "--records", "2"],
                           capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert batch.returncode == 0, batch.stderr
    assert batch.stderr.splitlines()[-1] == ("batch: 8 partitions, 9 dispatches, "
                                             f"{len(_events(single))} events, 2 rejections; "
                                             f"merge with: fracas ingest {out}")
    first = runner.invoke(app, ["ingest", str(out), "--db", merged])
    assert first.exit_code == 0, first.output
    assert first.stderr.splitlines()[-1] == ("dispatches: 9 read, 9 new, 0 duplicate, 0 near-duplicate, 1 irrelevant; "
                                             f"events: {len(_events(single))} new, 0 merged; rejections: 2")
    assert _events(merged) == _events(single)
    ids = [item.id for item in read_inputs([str(wire), crawl]) if isinstance(item, Dispatch)]
    assert _verdicts(merged, ids) == _verdicts(single, ids)
    assert [verdict["verdict"] for verdict in _verdicts(merged, ids).values()] == (
        ["relevant"] * 6 + ["irrelevant", "relevant", "relevant"])  # the last: a fuel-price protest
    again = runner.invoke(app, ["ingest", str(out), "--db", merged])
    assert again.stderr.splitlines()[-1] == ("dispatches: 9 read, 0 new, 9 duplicate, 0 near-duplicate, 0 irrelevant; "
                                             "events: 0 new, 0 merged; rejections: 2")
    assert _events(merged) == _events(single)


def _verdicts(db: str, ids: list[str]) -> dict[str, dict]:
    """Each dispatch's relevance verdict, as the store gives it back."""
    with open_store(db) as store:
        stored = {i: store.get_dispatch(i) for i in ids}
    return {i: s.dispatch.relevance.to_dict() for i, s in stored.items() if s is not None and s.dispatch.relevance}
