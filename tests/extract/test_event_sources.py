"""Which speakers of a dispatch are the sources of each act (fracas.extract.event_sources.attach_sources), on written text."""

import pytest

import fracas
from fracas.model import Source

pytestmark = pytest.mark.model


def sources_by_place(text: str) -> dict[str, list[Source]]:
    return {event.location.name: list(event.sources) for event in fracas.extract(text, published="2024-03-06")}


def test_a_source_unknown_by_its_words_is_kept_beside_known_ones() -> None:
    text = ("Des jihadistes ont tué cinq gendarmes mardi lors d'une attaque contre leur poste à Ménaka, "
            "ont affirmé un député et un responsable local.")
    assert sources_by_place(text) == {"Menaka": [
        Source("Politician", "unknown", "un député"),
        Source("Local official", "local_official", "un responsable local"),
    ]}


def test_a_speaker_named_after_an_act_is_not_its_source() -> None:
    text = ("Des jihadistes ont tué trois civils lundi à Gao. "
            "Mercredi, des soldats ont arrêté cinq manifestants à Kayes, a indiqué la police.")
    assert sources_by_place(text) == {"Gao": [], "Kayes": [Source("Government", "government", "police")]}


def test_a_later_speaker_is_added_only_when_his_sentence_refers_back_to_the_act() -> None:
    text = ("Des jihadistes ont tué six civils lundi à Gao, selon des sources locales. "
            "Le procureur de Gao a ouvert une enquête sur des trafics, a indiqué le ministère de la Justice. "
            "Parmi les victimes figure un enseignant, selon un habitant.")
    assert sources_by_place(text) == {"Gao": [
        Source("Local sources", "unknown", "des sources locales"),
        Source("Witnesses", "witness", "un habitant"),
    ]}


def test_an_act_recalled_with_its_own_date_takes_no_speaker_of_the_news() -> None:
    text = ("Des jihadistes ont tué six civils lundi à Gao, selon des habitants. "
            "Le 28 février, des hommes armés ont enlevé un commerçant à Ménaka.")
    assert sources_by_place(text) == {"Gao": [Source("Witnesses", "witness", "des habitants")], "Menaka": []}


def test_a_lead_act_no_speaker_precedes_takes_the_sources_of_the_next_act_of_its_kind() -> None:
    text = ("Burundi: six civils tués à Kayanza. Six civils ont été tués jeudi dans une attaque de la colline "
            "Gitwe, dans la commune de Matongo, a indiqué l'administratrice de Matongo.")
    official = Source("Local official", "local_official", "administratrice de Matongo")
    assert sources_by_place(text) == {"Kayanza": [official], "Matongo": [official]}


def test_a_later_act_takes_the_nearest_speaker_only_after_an_act_of_its_kind() -> None:
    # The Kidal abduction comes a sentence after a speaker who told a clash: it is told in the dispatch's own
    # voice. The Tessalit clash follows a speaker who told a clash: it is that clash told again in detail.
    text = ("Des soldats et des rebelles se sont affrontés mardi à Gao, selon des sources sécuritaires. "
            "La région vit dans la peur depuis des mois. "
            "Des hommes armés ont enlevé un commerçant mercredi à Kidal. "
            "Des soldats et des rebelles se sont affrontés jeudi à Mopti, selon des habitants. "
            "Les combats ont aussi opposé soldats et rebelles à Tessalit.")
    assert sources_by_place(text) == {
        "Gao": [Source("Security source", "government", "des sources sécuritaires")],
        "Kidal": [],
        "Mopti": [Source("Witnesses", "witness", "des habitants")],
        "Tessalit": [Source("Witnesses", "witness", "des habitants")],
    }


def test_a_later_sentence_about_the_flight_or_the_whole_war_gives_no_source() -> None:
    text = ("Des rebelles ont tué quatre soldats mardi à Uvira, a indiqué l'armée. "
            "Un déplacement massif de la population fuyant ces combats est signalé par la société civile. "
            "Le conflit a déjà causé plus de 3000 morts, selon des ONG.")
    assert sources_by_place(text) == {"Uvira": [Source("Army spokesperson", "government", "armée")]}
