"""Where the store lives and how it connects: the default SQLite file, WAL, busy timeout, URLs."""

from __future__ import annotations

import sqlite3
import stat
import sys

import pytest
import sqlalchemy as sa
import store_testkit as kit
from store_testkit import SMALL, edit, version_numbers

from notice_builder.store import (
    InvalidInputError,
    StorageError,
    Store,
    default_database_path,
    resolve_url,
)

clock = kit.clock


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    """A private XDG data folder, and no DATABASE_URL."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG folders")
def test_default_store_is_a_wal_sqlite_file_in_the_data_folder(data_home, clock):
    with Store(clock=clock) as store:
        path = data_home / "notice-builder" / "notices.db"
        assert store.url.database == str(path)
        assert store.backend == "sqlite"
        draft = store.create(SMALL, author="ana")
    assert path.is_file()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    with Store(clock=clock) as again:  # the same file next time
        assert again.get(draft.id).text == SMALL


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG folders")
def test_default_path_follows_xdg(tmp_path):
    home = tmp_path / "home"
    env = {"HOME": str(home)}
    assert default_database_path(env) == home / ".local/share/notice-builder/notices.db"
    env["XDG_DATA_HOME"] = "relative/dir"  # invalid per the XDG spec: ignored
    assert default_database_path(env) == home / ".local/share/notice-builder/notices.db"
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    assert default_database_path(env) == tmp_path / "xdg/notice-builder/notices.db"


def test_database_url_from_the_environment(data_home, tmp_path, monkeypatch, clock):
    target = tmp_path / "elsewhere.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{target}")
    with Store(clock=clock) as store:
        store.create(SMALL, author="ana")
    assert target.is_file()
    assert not (data_home / "notice-builder").exists()
    # An explicit url wins over the environment.
    explicit = tmp_path / "explicit.db"
    with Store(f"sqlite:///{explicit}", clock=clock) as store:
        assert store.list() == []
    assert explicit.is_file()


def test_every_connection_gets_the_pragmas(tmp_path, clock):
    store = Store(f"sqlite:///{tmp_path / 'n.db'}", clock=clock, busy_timeout=2.5)
    with store, store._engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 2500
        assert pragma("synchronous") == 2  # FULL


def test_foreign_keys_are_enforced(tmp_path, clock):
    store = Store(f"sqlite:///{tmp_path / 'n.db'}", clock=clock)
    with store, pytest.raises(sa.exc.IntegrityError), store._engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO versions (notice_id, number, author, message, created_at, title, "
            "content_hash, size, text) VALUES ('00000000000000000000000000000000', 1, 'a', "
            "'', '2026-01-01 00:00:00', 't', 'h', 1, 'x')"
        )


def test_a_locked_database_fails_cleanly_and_changes_nothing(tmp_path, clock):
    path = tmp_path / "n.db"
    with Store(f"sqlite:///{path}", clock=clock, busy_timeout=0.2) as store:
        draft = store.create(SMALL, author="ana")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            with pytest.raises(StorageError, match="stayed busy for more than 0.2 s; try again"):
                store.save(
                    draft.id, edit(SMALL, "P2Y   # tax law", "P3Y"), expected_version=1, author="a"
                )
            assert store.get(draft.id).version == 1  # reading still works during the lock
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert version_numbers(store, draft.id) == [1]
        saved = store.save(draft.id, SMALL, expected_version=1, author="ana")
        assert saved.version == 2


def test_urls():
    pg = resolve_url("postgres://nb:s3cret@db.internal:5432/notices")
    assert pg.drivername == "postgresql+psycopg"
    assert resolve_url("postgresql://nb@localhost/n").drivername == "postgresql+psycopg"
    assert resolve_url("postgresql+psycopg://nb@localhost/n").drivername == "postgresql+psycopg"
    with pytest.raises(InvalidInputError, match="'mysql' is not supported"):
        resolve_url("mysql://u:p@h/db")
    with pytest.raises(InvalidInputError, match="not valid"):
        resolve_url("not a url")


def test_repr_hides_the_password(tmp_path):
    store = Store("postgresql://nb:s3cret@127.0.0.1:1/notices", create_schema=False)
    assert "s3cret" not in repr(store)
    assert "***" in repr(store)


def test_an_unreachable_server_is_a_storage_error():
    # Port 1 on the loopback: refused at once, no traffic leaves the machine.
    store = Store("postgresql://nb:s3cret@127.0.0.1:1/notices", create_schema=False)
    with pytest.raises(StorageError, match="could not list the notices") as caught:
        store.list()
    assert "s3cret" not in str(caught.value)
