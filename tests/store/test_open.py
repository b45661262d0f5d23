"""open_store: which URL opens which backend, and errors that say what to do."""

from __future__ import annotations

import sqlite3

import pytest

from fracas.errors import StoreError
from fracas.store import open_store
from fracas.store.sqlite import SQLiteStore


def test_sqlite_urls(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store(None) as default:
        assert (type(default), default.path) == (SQLiteStore, "fracas.db")
    with open_store("sqlite:///rel.db") as relative:
        assert relative.path == "rel.db"
    with open_store(f"sqlite:///{tmp_path}/abs.db") as absolute:
        assert absolute.path == f"{tmp_path}/abs.db"
    with open_store(":memory:") as memory:
        assert memory.counts().events == 0
    assert sorted(p.name for p in tmp_path.glob("*.db")) == ["abs.db", "fracas.db", "rel.db"]


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    with open_store(str(tmp_path / "f.db")) as store:
        assert store._one("PRAGMA journal_mode")[0] == "wal"
        assert store._one("PRAGMA foreign_keys")[0] == 1


def test_unknown_scheme_and_missing_directory(tmp_path):
    with pytest.raises(StoreError, match="unknown store URL scheme 'mysql'"):
        open_store("mysql://localhost/db")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "f.db"))


def test_unreachable_postgres_says_what_to_check():
    with pytest.raises(StoreError, match="check the URL and that the server is running") as info:
        open_store("postgresql://someone:secret@127.0.0.1:1/db")
    assert "secret" not in str(info.value)


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "f.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')")
    with pytest.raises(StoreError, match="schema version 99, newer than this fracas knows"):
        open_store(str(path))
