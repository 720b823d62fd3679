"""Unsaved edits (drafts): kept per notice and browser, never touching the versions."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
import store_testkit as kit
from store_testkit import SMALL, edit, version_numbers

from notice_builder.resources import template_names, template_text
from notice_builder.store import (
    MAX_TEXT_BYTES,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    StorageError,
    Store,
)
from tests.english_left import english_left

store_url = kit.store_url
clock = kit.clock
store = kit.store

TAB = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"  # what the app makes: 32 hex digits
OTHER_TAB = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
HALF_TYPED = SMALL + "purposes:\n  - id: [unclosed\n"  # a draft need not be valid YAML


def test_a_draft_is_kept_per_notice_and_browser(store: Store):
    notice = store.create(SMALL, author="ana")
    kept = store.drafts.save(notice.id, TAB, HALF_TYPED, base_version=1)
    assert kept is not None
    assert (kept.base_version, kept.text, kept.client_id) == (1, HALF_TYPED, TAB)
    assert kept.size == len(HALF_TYPED.encode("utf-8"))
    assert kept.saved_at.tzinfo is not None

    assert store.drafts.get(notice.id, TAB) == kept
    assert store.drafts.get(notice.id, OTHER_TAB) is None  # another browser sees nothing
    other = store.create(edit(SMALL, "id: acme", "id: other"), author="ana")
    assert store.drafts.get(other.id, TAB) is None


def test_each_autosave_replaces_the_draft_and_moves_its_time(store: Store):
    notice = store.create(SMALL, author="ana")
    first = store.drafts.save(notice.id, TAB, SMALL + "# one\n", base_version=1)
    second = store.drafts.save(notice.id, TAB, SMALL + "# two\n", base_version=1)
    assert second.saved_at > first.saved_at
    assert store.drafts.get(notice.id, TAB).text == SMALL + "# two\n"
    assert store.drafts.of_client(TAB) == [second]


def test_drafts_never_touch_the_versions(store: Store):
    notice = store.create(SMALL, author="ana")
    store.drafts.save(notice.id, TAB, HALF_TYPED, base_version=1)
    assert version_numbers(store, notice.id) == [1]
    assert store.get(notice.id).text == SMALL


def test_a_text_equal_to_its_base_version_is_not_kept_and_removes_the_draft(store: Store):
    notice = store.create(SMALL, author="ana")
    store.drafts.save(notice.id, TAB, HALF_TYPED, base_version=1)
    # The person undid every edit: nothing unsaved is left.
    assert store.drafts.save(notice.id, TAB, SMALL, base_version=1) is None
    assert store.drafts.get(notice.id, TAB) is None


def test_a_draft_keeps_its_base_when_the_notice_moves_on(store: Store):
    notice = store.create(SMALL, author="ana")
    store.drafts.save(notice.id, TAB, HALF_TYPED, base_version=1)
    store.save(notice.id, SMALL + "# bob\n", expected_version=1, author="bob")
    draft = store.drafts.get(notice.id, TAB)
    assert draft.base_version == 1 and store.get(notice.id).version == 2
    # Saving it on its base is the usual conflict: nothing is overwritten.
    with pytest.raises(Exception, match="changed since you opened it"):
        store.save(notice.id, SMALL + "# ana\n", expected_version=draft.base_version, author="a")
    assert store.get(notice.id).text == SMALL + "# bob\n"


def test_discard_removes_only_this_browsers_draft(store: Store):
    notice = store.create(SMALL, author="ana")
    store.drafts.save(notice.id, TAB, SMALL + "# mine\n", base_version=1)
    store.drafts.save(notice.id, OTHER_TAB, SMALL + "# theirs\n", base_version=1)
    assert store.drafts.discard(notice.id, TAB) is True
    assert store.drafts.discard(notice.id, TAB) is False
    assert store.drafts.get(notice.id, TAB) is None
    assert store.drafts.get(notice.id, OTHER_TAB).text == SMALL + "# theirs\n"


def test_of_client_lists_its_drafts_newest_first(store: Store):
    a = store.create(SMALL, author="ana")
    b = store.create(edit(SMALL, "id: acme", "id: bravo"), author="ana")
    store.drafts.save(a.id, TAB, SMALL + "# a\n", base_version=1)
    store.drafts.save(b.id, TAB, SMALL + "# b\n", base_version=1)
    store.drafts.save(a.id, OTHER_TAB, SMALL + "# other\n", base_version=1)
    assert [d.notice_id for d in store.drafts.of_client(TAB)] == [b.id, a.id]


def test_prune_removes_drafts_older_than_asked(store: Store, clock):
    notice = store.create(SMALL, author="ana")
    store.drafts.save(notice.id, TAB, SMALL + "# old\n", base_version=1)
    clock.now += dt.timedelta(days=31)
    store.drafts.save(notice.id, OTHER_TAB, SMALL + "# new\n", base_version=1)
    assert store.drafts.prune(dt.timedelta(days=30)) == 1
    assert store.drafts.get(notice.id, TAB) is None
    assert store.drafts.get(notice.id, OTHER_TAB) is not None
    with pytest.raises(InvalidInputError, match="negative"):
        store.drafts.prune(dt.timedelta(days=-1))


@pytest.mark.parametrize("client", ["", "short", "x" * 65, "tab id!", "a/b/c/d/e/f", None, 7])
def test_a_bad_client_id_is_refused_before_any_sql(store: Store, client):
    notice = store.create(SMALL, author="ana")
    with pytest.raises(InvalidInputError, match="client id must be 8 to 64"):
        store.drafts.save(notice.id, client, HALF_TYPED, base_version=1)
    with pytest.raises(InvalidInputError, match="client id"):
        store.drafts.get(notice.id, client)


def test_unknown_notice_or_version_is_refused(store: Store):
    notice = store.create(SMALL, author="ana")
    with pytest.raises(NotFoundError, match="No notice has the id"):
        store.drafts.save("3f0c6a1e-0000-4000-8000-000000000000", TAB, SMALL, base_version=1)
    with pytest.raises(NotFoundError, match="No notice has the id 'nope'"):
        store.drafts.get("nope", TAB)
    with pytest.raises(NotFoundError, match="has no version 2"):
        store.drafts.save(notice.id, TAB, HALF_TYPED, base_version=2)
    with pytest.raises(TypeError, match="base_version must be an int"):
        store.drafts.save(notice.id, TAB, HALF_TYPED, base_version="1")
    assert store.drafts.of_client(TAB) == []


def test_a_draft_over_the_size_limit_is_refused_and_the_old_one_kept(store: Store):
    notice = store.create(SMALL, author="ana")
    store.drafts.save(notice.id, TAB, HALF_TYPED, base_version=1)
    with pytest.raises(InvalidInputError, match="the limit is"):
        store.drafts.save(notice.id, TAB, "#" * (MAX_TEXT_BYTES + 1), base_version=1)
    assert store.drafts.get(notice.id, TAB).text == HALF_TYPED


def test_a_failing_database_keeps_the_previous_draft(store: Store):
    notice = store.create(SMALL, author="ana")
    store.drafts.save(notice.id, TAB, HALF_TYPED, base_version=1)

    def fail(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT INTO DRAFTS"):
            raise sa.exc.OperationalError(statement, {}, Exception("disk I/O error"))

    sa.event.listen(store._engine, "before_cursor_execute", fail)
    try:
        with pytest.raises(StorageError, match="could not keep your draft: .*Nothing was changed"):
            store.drafts.save(notice.id, TAB, SMALL + "# lost?\n", base_version=1)
    finally:
        sa.event.remove(store._engine, "before_cursor_execute", fail)
    assert store.drafts.get(notice.id, TAB).text == HALF_TYPED


def test_the_drafts_table_is_added_to_an_existing_database(store_url, clock):
    with Store(store_url, clock=clock) as first:
        notice = first.create(SMALL, author="ana")
        with first._engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE drafts")  # a database from before drafts existed
    with Store(store_url, clock=clock) as reopened:
        assert reopened.drafts.save(notice.id, TAB, HALF_TYPED, base_version=1) is not None
        assert reopened.get(notice.id).text == SMALL


@pytest.mark.parametrize("name", template_names())
def test_every_template_creates_a_notice_that_records_it(store: Store, name):
    created = store.create(author="ana", from_template=name)
    assert created.text == template_text(name)
    assert created.info.template == name


def test_the_app_prunes_old_drafts_on_start_then_at_most_once_per_interval(store: Store, clock):
    from notice_builder.app.callbacks.drafts import Pruner

    notice = store.create(SMALL, author="ana")
    store.drafts.save(notice.id, TAB, SMALL + "# old\n", base_version=1)
    clock.now += dt.timedelta(days=31)
    ticks = [0.0]
    pruner = Pruner(store, dt.timedelta(days=30), dt.timedelta(hours=1), clock=lambda: ticks[0])
    assert pruner.maybe() == 1  # the first call (app start) runs
    store.drafts.save(notice.id, TAB, SMALL + "# again\n", base_version=1)
    clock.now += dt.timedelta(days=31)
    ticks[0] = 3599.0
    assert pruner.maybe() is None and store.drafts.get(notice.id, TAB) is not None  # not due
    ticks[0] = 3600.0
    assert pruner.maybe() == 1 and store.drafts.get(notice.id, TAB) is None
    with pytest.raises(ValueError, match="every must be positive"):
        Pruner(store, every=dt.timedelta(0))


def test_store_errors_say_the_same_thing_in_arabic(store: Store):
    notice = store.create(SMALL, author="ana")
    with pytest.raises(NotFoundError) as missing:
        store.get("no-such-notice")
    assert str(missing.value) == "No notice has the id 'no-such-notice'."
    assert missing.value.text("ar").startswith("لا يوجد إشعار بالمعرّف")
    assert "no-such-notice" in missing.value.text("ar")
    store.save(notice.id, SMALL + "# v2\n", expected_version=1, author="ana")
    with pytest.raises(ConflictError) as conflict:
        store.save(notice.id, SMALL + "# mine\n", expected_version=1, author="bo")
    assert str(conflict.value).startswith("This notice changed since you opened it (v1 → v2).")
    arabic = conflict.value.text("ar")
    assert "تغيّر هذا الإشعار" in arabic and "\u2068v1\u2069" in arabic
    assert english_left(arabic, sentences=False) == []
