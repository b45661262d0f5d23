"""data/fr/attribution.yaml drives the speaker patterns: one whole value per kind of entry."""

from __future__ import annotations

from fracas.extract.attribution import Attribution, find_attributions
from fracas.model import Source


def test_pack_words_give_whole_attributions() -> None:
    # speech_verbs, adjuncts (weekday, "à l'AFP"), person_determiners/ranks/nouns.
    quote = "« Nous avons repoussé l'attaque », a déclaré mardi à l'AFP un haut responsable militaire."
    assert find_attributions(quote) == [
        Attribution(59, 88, Source("Army spokesperson", "government", "un haut responsable militaire"), "a déclaré"),
    ]
    # forward_cues: "selon un bilan fourni par"; definite_articles dropped from the span.
    assert find_attributions(
        "Selon un bilan fourni par l'Observatoire syrien des droits de l'homme (OSDH), 12 civils ont été tués."
    ) == [
        Attribution(28, 76, Source("Syrian Observatory for Human Rights", "ngo",
                                   "Observatoire syrien des droits de l'homme (OSDH)"), "selon un bilan fourni par"),
    ]
    # rebel_words and rebel_speaker; relay_participles and relay_by cut the outlet off.
    assert find_attributions("Un commandant rebelle a affirmé que la ville était tombée.") == [
        Attribution(0, 21, Source("Rebel commander", "armed_group", "Un commandant rebelle"), "a affirmé"),
    ]
    assert find_attributions("Un habitant joint par l'AFP a raconté l'attaque.") == [
        Attribution(0, 11, Source("Witnesses", "witness", "Un habitant"), "a raconté"),
    ]
    # pronouns give no speaker.
    assert find_attributions("Il y a eu 5 morts, selon lui.") == []


def test_pack_stances() -> None:
    # denials (with acts) and reaction_verbs.
    assert find_attributions("Moscou a affirmé que son aviation n'avait mené aucune frappe.") == [
        Attribution(0, 6, Source("Russian Ministry of Defence", "government", "Moscou"), "a affirmé", "denies"),
    ]
    assert find_attributions("L'ONU a dénoncé une spirale de violence.") == [
        Attribution(2, 5, Source("United Nations", "un_agency", "ONU"), "a dénoncé", "reacts"),
    ]
