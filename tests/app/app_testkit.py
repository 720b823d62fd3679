"""A fresh SQLite store seeded with the sample, and the app over it."""

from __future__ import annotations

import pytest

from notice_builder.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'notices.db'}")
    s.seed_examples()
    yield s
    s.close()


@pytest.fixture
def app(store, monkeypatch):
    monkeypatch.setenv("DASH_SECRET_KEY", "test-secret")
    from notice_builder.app import create_app

    return create_app(store)
