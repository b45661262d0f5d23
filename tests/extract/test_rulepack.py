"""The rule pack and the sub-type policy table: loaded, typed, and checked against the contract."""

from __future__ import annotations

import pytest

from fracas.errors import ResourceError
from fracas.extract import rulepack
from fracas.model import EVENT_TYPE_OF_SUB_TYPE


def test_the_policy_table_has_one_row_per_contract_sub_type_with_its_event_type():
    policies = rulepack.subtype_policies()
    assert {name: p.event_type for name, p in policies.items()} == EVENT_TYPE_OF_SUB_TYPE


def test_role_rules_follow_the_event_type():
    rules = {p.event_type: set() for p in rulepack.subtype_policies().values()}
    for policy in rulepack.subtype_policies().values():
        rules[policy.event_type].add(policy.roles)
    assert rules == {
        "Battles": {"sides"},
        "Explosions/Remote violence": {"perpetrator"},
        "Violence against civilians": {"perpetrator"},
        "Protests": {"crowd"},
        "Riots": {"crowd"},
        "Strategic developments": {"perpetrator"},
    }


def test_a_table_missing_a_sub_type_is_refused_with_what_to_do(monkeypatch):
    table = {"subtypes": {"Armed clash": {"event_type": "Battles", "roles": "sides"}}}
    monkeypatch.setattr(rulepack, "load_resource", lambda name: table)
    rulepack.subtype_policies.cache_clear()
    try:
        with pytest.raises(ResourceError, match=r"missing \['Abduction/forced disappearance'.*fracas resources build"):
            rulepack.subtype_policies()
    finally:
        rulepack.subtype_policies.cache_clear()


def test_a_pack_lacking_a_cue_is_refused(monkeypatch):
    monkeypatch.setattr(rulepack, "load_resource", lambda name: {"cues": {"target": {"any": ["x"]}}})
    rulepack.role_cues.cache_clear()
    try:
        with pytest.raises(ResourceError, match=r"data/fr/roles.yaml lacks the cues \['agent'"):
            rulepack.role_cues("fr")
    finally:
        rulepack.role_cues.cache_clear()


def test_cues_match_as_the_pack_says():
    cues = rulepack.role_cues("fr")
    assert [bool(cues.held_by.search("la localite tenue par les ")), bool(cues.support.search("appuyes par des ")),
            bool(cues.between_sides.search("entre les ")), bool(cues.agent.search("une attaque menee par "))] == [
        True, True, True, True]
