"""`fracas batch` on a LocalCluster of 2 workers, merged with `fracas ingest DIR`, gives the same events
as a single-process ingest of the same input; merging twice changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fracas.batch import Partition, plan_partitions
from fracas.interfaces.cli import app
from fracas.store import open_store

GOLD = Path(__file__).parents[1] / "gold" / "dev.jsonl"
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
    wire.write_text("\n".join(json.dumps({"text": r["text"], "published": r["published"]}) for r in records)
                    + "\n{broken\n", encoding="utf-8")
    single, merged, out = str(tmp_path / "single.db"), str(tmp_path / "merged.db"), tmp_path / "out"
    assert runner.invoke(app, ["ingest", str(wire), "--db", single]).exit_code == 0
    batch = runner.invoke(app, ["batch", str(wire), "-o", str(out), "--workers", "2", "--records", "2"])
    assert batch.exit_code == 0, batch.output
    assert batch.stderr.splitlines()[-1] == ("batch: 4 partitions, 6 dispatches, "
                                             f"{len(_events(single))} events, 1 rejections; "
                                             f"merge with: fracas ingest {out}")
    first = runner.invoke(app, ["ingest", str(out), "--db", merged])
    assert first.exit_code == 0, first.output
    assert _events(merged) == _events(single)
    again = runner.invoke(app, ["ingest", str(out), "--db", merged])
    assert again.stderr.splitlines()[-1] == ("dispatches: 6 read, 0 new, 6 duplicate, 0 near-duplicate, 0 irrelevant; "
                                             "events: 0 new, 0 merged; rejections: 1")
    assert _events(merged) == _events(single)
