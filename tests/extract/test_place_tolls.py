"""Tolls told place by place: one event per place an act's wave hit, each with its own toll."""

from __future__ import annotations

import pytest

import fracas


def summary(events: list[fracas.Event]) -> list[tuple[object, ...]]:
    return sorted((e.sub_event_type, e.location.name, e.location.admin1, e.fatalities) for e in events)


@pytest.mark.model
def test_a_fronted_village_and_a_verbless_part_in_the_next_sentence_are_two_events():
    text = ("Des hommes armés non identifiés ont attaqué dans la nuit de jeudi des villages de la préfecture de Kpendjal, au Togo. "
            "D'après des habitants, à Blamonga, sept villageois ont été tués. Quatre autres à Kpemboli.")
    assert summary(fracas.extract(text, published="2022-07-15")) == [
        ("Attack", "Blamonga", "Savanes", 7), ("Attack", "Kpemboli", "Savanes", 4)]
