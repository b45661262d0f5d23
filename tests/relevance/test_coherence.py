"""Coherence checks named in the policy table, on hand-built events (no model needed)."""

from __future__ import annotations

import dataclasses

import spacy
from sample_records import strike

from fracas.extract.coherence import coherent_events
from fracas.extract.rulepack import policy_of
from fracas.extract.triggers import default_lexicon
from fracas.model import Actor, Evidence


def sentences_of(text: str) -> list:
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    return list(nlp(text).sents)


def with_actor(actor: Actor, start: int = 0):
    event = strike("e1")
    return dataclasses.replace(event, actor1=actor, evidence=(Evidence("event_type", "d1", start, start + 6),))


UNNAMED = Actor("Unidentified Armed Group", "political_militia", None, None)
REBELS = Actor("Rebel Groups (Syria)", "rebel_group", "SYR", "rebelles")


def test_the_policy_table_names_the_checks_of_each_sub_type():
    assert [policy_of(s).checks for s in ("Air/drone strike", "Armed clash", "Suicide bomb", "Peaceful protest")] == [
        ("aircraft", "perpetrator"), ("perpetrator",), (), ()]


def test_an_air_strike_needs_an_actor_with_aircraft():
    sentences = sentences_of("Frappe des rebelles sur la ville.")
    kept, dropped = coherent_events([with_actor(REBELS)], sentences, default_lexicon(), strict=False)
    assert (kept, dropped) == ([], [
        "coherence (aircraft): Air/drone strike dropped: an air strike needs an actor with aircraft "
        "(Rebel Groups (Syria) has none named)"])
    drones = sentences_of("Frappe de drones des rebelles sur la ville.")
    assert coherent_events([with_actor(REBELS)], drones, default_lexicon(), strict=False)[1] == []


def test_an_act_with_no_perpetrator_is_dropped_only_where_the_text_is_unclear():
    sentences = sentences_of("Frappe sur la ville.")
    event = with_actor(UNNAMED)
    assert coherent_events([event], sentences, default_lexicon(), strict=False) == ([event], [])
    assert coherent_events([event], sentences, default_lexicon(), strict=True) == ([], [
        "coherence (aircraft): Air/drone strike dropped: an air strike needs an actor with aircraft "
        "(Unidentified Armed Group has none named)"])
    clash = dataclasses.replace(event, event_type="Battles", sub_event_type="Armed clash")
    assert coherent_events([clash], sentences, default_lexicon(), strict=True) == ([], [
        "coherence (perpetrator): Armed clash dropped: no perpetrator named or described, in a text whose "
        "conflict frame is not clear"])
    described = sentences_of("Des hommes armés ont attaqué la ville.")
    assert coherent_events([clash], described, default_lexicon(), strict=True) == ([clash], [])
