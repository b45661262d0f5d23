"""Texts built to be slow: one cue repeated to the size limit. Each stage looks a bounded distance around a
cue, so they finish in seconds (an unbounded look-back made "selon " x 15,000 run for hours)."""

from __future__ import annotations

import pytest

from fracas.extract.attribution import find_attributions
from fracas.ingest import MAX_TEXT_CHARS, read_text
from fracas.model import Source
from fracas.pipeline import Pipeline

STORY = "Des avions russes ont frappé mercredi Talbiseh, dans la province de Homs, tuant cinq civils, "


@pytest.mark.model
def test_selon_fifteen_thousand_times() -> None:
    text = STORY + "selon " * 15_000 + "l'OSDH."
    assert len(text) < MAX_TEXT_CHARS
    events = Pipeline.load().run([read_text(text, published="2015-10-07", dispatch_id="selon")]).events
    assert [(e.sub_event_type, e.location.name, e.fatalities, [s.name for s in e.sources]) for e in events] == [
        ("Air/drone strike", "Tallbisah", 5, ["Syrian Observatory for Human Rights"])]


@pytest.mark.parametrize("cue", ["citant ", "d'après ", ", a indiqué l'OSDH"])
def test_a_repeated_cue_is_read_cue_by_cue(cue: str) -> None:
    found = find_attributions(STORY + cue * 3_000)
    assert {(a.source, a.cue) for a in found} <= {
        (Source("Syrian Observatory for Human Rights", "ngo", "OSDH"), "a indiqué")}


def test_a_list_of_six_thousand_figures_is_read_as_one_bounded_toll() -> None:
    from fracas.extract.casualties import find_casualties

    found = find_casualties("Des frappes aériennes ont tué " + "trois civils et " * 6_000 + "à Hama.")
    assert [(m.start, m.best, m.outcome) for m in found] == [(22, 39, "killed")]  # 13 figures at most in a list
