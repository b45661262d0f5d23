"""Where a wire dateline ends: its place is where the story was filed, never read as a place of the text."""

from __future__ import annotations

import pytest

from fracas.resolve.dateline import dateline_reader


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("BEYROUTH, 7 oct 2015 (AFP) - Des avions russes", "BEYROUTH, 7 oct 2015 (AFP) - "),
        ("Bamako, le 5 mai 2020 - Des hommes armés", "Bamako, le 5 mai 2020 - "),
        ("GAO (Reuters) - Des hommes armés", "GAO (Reuters) - "),
        ("GAO (Mali), mardi 5 mai (AFP) — Des hommes armés", "GAO (Mali), mardi 5 mai (AFP) — "),
        ("Solhan, le 5 mai 2020, des hommes armés ont attaqué le village", ""),  # Solhan is the story's place
        ("Des frappes à Hama - selon l'OSDH", ""),
    ],
)
def test_the_dateline_ends_after_its_dash(text: str, dateline: str) -> None:
    assert text[: dateline_reader().end(text)] == dateline
