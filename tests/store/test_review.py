"""Review versions on both backends: each action is a new version, the machine's record is kept."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sample_records import REBELS, strike

from fracas.errors import UsageError
from fracas.evaluate.gold import read_gold
from fracas.model import Dispatch
from fracas.review import (
    accept,
    add_user,
    edit,
    history,
    merge,
    reject,
    reviewed_event,
    reviewed_events,
    split,
    user_of_token,
    write_gold,
)
from fracas.store import EventFilter, EventStore


def _seed(store: EventStore, *event_ids: str) -> None:
    for event_id in event_ids:
        dispatch = Dispatch(id=f"d-{event_id}", text=f"Texte de la dépêche {event_id}.", published=None,
                            outlet="AFP", url=None, origin=f"test:{event_id}")
        store.add_dispatch(dispatch)
        store.upsert_event(strike(event_id))
        store.link(event_id, f"d-{event_id}")


def test_users_tokens_are_stored_hashed_and_authenticate(store: EventStore) -> None:
    token = add_user(store, "amina")
    assert user_of_token(store, token) == "amina"
    assert user_of_token(store, token + "x") is None
    assert user_of_token(store, None) is None
    with pytest.raises(UsageError, match="already exists"):
        add_user(store, "amina")
    with pytest.raises(UsageError, match="must be 1-64"):
        add_user(store, "a b")


def test_edit_is_a_new_version_and_the_machine_version_is_kept(store: EventStore) -> None:
    _seed(store, "e1")
    add_user(store, "amina")
    assert reviewed_event(store, "e1").review_status == "machine"  # type: ignore[union-attr]
    version = edit(store, "e1", {"fatalities": 3, "sub_event_type": "Shelling/artillery/missile attack"},
                   reviewer="amina", note="the OSDH says three")
    assert version == 1
    served = reviewed_event(store, "e1")
    assert served is not None
    assert (served.review_status, served.version, served.event) == (
        "edited", 1, strike("e1", fatalities=3, sub_event_type="Shelling/artillery/missile attack"),
    )
    assert store.get_event("e1") == strike("e1")
    accept(store, "e1", reviewer="amina", note="checked")
    versions = history(store, "e1")
    assert [(v["version"], v["action"], v["review_status"], v["reviewer"], v["note"]) for v in versions] == [
        (0, "extract", "machine", None, None),
        (1, "edit", "edited", "amina", "the OSDH says three"),
        (2, "accept", "accepted", "amina", "checked"),
    ]
    assert versions[2]["record"] == strike(
        "e1", fatalities=3, sub_event_type="Shelling/artillery/missile attack"
    ).to_dict()


def test_bad_edits_are_refused_with_what_to_do(store: EventStore) -> None:
    _seed(store, "e1")
    add_user(store, "amina")
    with pytest.raises(UsageError, match=r"unknown event fields \['fatalites'\]"):
        edit(store, "e1", {"fatalites": 3}, reviewer="amina")
    with pytest.raises(UsageError, match=r"fields \['event_id'\] cannot be edited"):
        edit(store, "e1", {"event_id": "x"}, reviewer="amina")
    with pytest.raises(UsageError, match="fatalities must be a non-negative integer"):
        edit(store, "e1", {"fatalities": -1}, reviewer="amina")
    with pytest.raises(UsageError, match="belongs to 'Battles'"):
        edit(store, "e1", {"event_type": "Protests", "sub_event_type": "Armed clash"}, reviewer="amina")
    with pytest.raises(UsageError, match="needs a note"):
        reject(store, "e1", reviewer="amina", note=" ")
    with pytest.raises(UsageError, match="no event 'nope'"):
        accept(store, "nope", reviewer="amina")
    assert history(store, "e1")[1:] == []


def test_reject_merge_and_split(store: EventStore) -> None:
    _seed(store, "e1", "e2", "e3", "e4")
    add_user(store, "amina")
    reject(store, "e4", reviewer="amina", note="not an event")
    merge(store, ["e1", "e2"], reviewer="amina", note="same strike")
    new_id = split(store, "e3", {"actor2": {"name": REBELS.name, "kind": REBELS.kind, "country": None,
                                            "text": REBELS.text}}, reviewer="amina", note="two targets")
    assert new_id == "e3-split1"
    served = {item.event.event_id: (item.review_status, item.event.dispatch_ids)
              for item in reviewed_events(store)}
    assert served == {
        "e1": ("merged", ("d-e1", "d-e2")),
        "e2": ("duplicate", ("d-e2",)),
        "e3": ("split", ("d-e3",)),
        "e3-split1": ("split", ("d-e3",)),
        "e4": ("rejected", ("d-e4",)),
    }
    assert [item.event.event_id for item in reviewed_events(store, EventFilter(), status="rejected")] == ["e4"]
    assert history(store, "e2")[1]["note"] == "merged into e1: same strike"


def test_gold_export_of_reviewed_events_is_read_back_by_eval(store: EventStore, tmp_path: Path) -> None:
    _seed(store, "e1", "e2", "e3")
    add_user(store, "amina")
    edit(store, "e1", {"fatalities": 2}, reviewer="amina", note="two dead")
    reject(store, "e2", reviewer="amina", note="not an event")
    stream = io.StringIO()
    assert write_gold(store, reviewed_events(store), stream) == 1
    path = tmp_path / "gold.jsonl"
    path.write_text(stream.getvalue(), encoding="utf-8")
    (dispatch,) = read_gold(path)
    assert (dispatch.id, dispatch.text, dispatch.outlet) == ("d-e1", "Texte de la dépêche e1.", "AFP")
    (event,) = dispatch.events
    assert (event.event_type, event.sub_event_type, event.actor1, event.actor2, event.fatalities,
            event.location.admin1, event.event_date) == (
        "Explosions/Remote violence", "Air/drone strike", "Military Forces of Russia", "Civilians", 2,
        "Homs", "2015-10-07",
    )
    assert json.loads(stream.getvalue())["events"][0]["fatalities"] == 2


def test_event_counts_group_unreviewed_events_in_sql_and_name_the_reviewed(store: EventStore) -> None:
    add_user(store, "amina")
    for event_id, day, admin1 in (("c1", "2015-10-07", "Homs"), ("c2", "2015-10-07", "Homs"),
                                  ("c3", "2015-10-08", "Hama"), ("c4", "2015-10-08", "Homs")):
        event = strike(event_id, event_date=day)
        store.upsert_event(event.evolve(location=event.location.__class__(
            **{**event.location.__dict__, "admin1": admin1})))
    accept(store, "c4", reviewer="amina")
    by_day, by_admin1, reviewed = store.event_counts(EventFilter())  # type: ignore[attr-defined]
    assert (sorted(by_day), sorted(by_admin1), reviewed) == (
        [("2015-10-07", "Explosions/Remote violence", 2), ("2015-10-08", "Explosions/Remote violence", 1)],
        [("Hama", 1), ("Homs", 2)], ["c4"])
    assert store.event_counts(EventFilter(admin1="Hama")) == (  # type: ignore[attr-defined]
        [("2015-10-08", "Explosions/Remote violence", 1)], [("Hama", 1)], [])
