"""Fixtures and texts shared by the store tests.

Every store test runs on SQLite (a fresh file per test). With NB_TEST_DATABASE_URL set to a
PostgreSQL URL (postgresql://user:password@127.0.0.1/dbname), each also runs on PostgreSQL in a
schema of its own, dropped afterwards. Test modules take the fixtures by assignment
(`store = store_testkit.store`), which pytest registers like a conftest's.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from notice_builder.resources import example_path
from notice_builder.store import Store, resolve_url

PG_ENV = "NB_TEST_DATABASE_URL"
START = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


class FakeClock:
    """A clock that moves one second each time it is read."""

    def __init__(self, start: dt.datetime = START, step: dt.timedelta = dt.timedelta(seconds=1)):
        self.now = start
        self.step = step
        self._lock = threading.Lock()

    def __call__(self) -> dt.datetime:
        with self._lock:
            self.now += self.step
            return self.now


def _backends() -> list:
    params = [pytest.param("sqlite", id="sqlite")]
    if os.environ.get(PG_ENV):
        params.append(pytest.param("postgresql", id="postgresql"))
    return params


@pytest.fixture(params=_backends())
def store_url(request, tmp_path) -> Iterator[str]:
    """A URL of an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'notices.db'}"
        return
    base = resolve_url(os.environ[PG_ENV])
    schema = f"nb_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = base.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(store_url, clock) -> Iterator[Store]:
    with Store(store_url, clock=clock) as opened:
        yield opened


def sample_text() -> str:
    """The embedded sample (comments, Arabic, flow mappings): what a lawyer's file looks like."""
    return example_path().read_text(encoding="utf-8")


# A small notice as a person writes it: comments, odd spacing and quoting that must survive.
SMALL = """\
# Acme's notice: reviewed by legal on 2026-02-01.
schema_version: "1"
id: acme
title: {en: Acme privacy notice, ar: إشعار الخصوصية من أكمي}   # keep both languages
default_locale: en
locales: [en, ar]
effective_date: 2026-01-01
jurisdictions: [EU]
controller:
  name: Acme
  email: privacy@acme.example
  address: {country: IE}

data_categories:
  - id: email
    label: {en: Email, ar: البريد}
    kind: contact.email
  - id: orders
    label: {en: Orders, ar: الطلبات}
    kind: commercial.purchases

purposes:
  - id: account
    label: {en: Your account, ar: حسابك}
    description: {en: We run your account., ar: ندير حسابك.}
    kind: service.account
    legal_basis: contract

recipients:
  - id: host
    name: Hosty
    kind: cloud_hosting
    countries: [IE]

retention:
  - id: two-years
    duration: P2Y   # tax law

practices:
  - id: accounts
    data: [email, orders]
    purposes: [account]
    recipients: [host]
    retention: two-years
"""


def edit(text: str, old: str, new: str) -> str:
    """`text` with `old` (which must occur exactly once) replaced by `new`."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def version_numbers(store: Store, notice_id: str) -> list[int]:
    return [v.number for v in store.versions(notice_id)]
