"""Saving new versions, conflicts, refused saves and restoring: history is never rewritten."""

from __future__ import annotations

import hashlib

import pytest
import sqlalchemy as sa
import store_testkit as kit
from store_testkit import SMALL, edit, sample_text, version_numbers

from notice_builder.io import NoticeError, dumps_json, dumps_yaml, loads_notice
from notice_builder.store import ConflictError, StorageError, Store

store_url = kit.store_url
clock = kit.clock
store = kit.store

RENAMED = edit(SMALL, "name: Hosty", "name: Hosty Cloud")


def test_save_adds_a_version_and_keeps_the_old_one_byte_for_byte(store: Store, clock):
    original = sample_text()
    draft = store.create(original, author="ana", message="Imported")
    # An edit made through the model and written back with the original's comments kept.
    notice = loads_notice(original)
    notice.title.root["en"] = "Brewline Rewards privacy notice (2027)"
    edited = dumps_yaml(notice, original=original)
    assert "# The embedded sample of notice-builder." in edited

    saved = store.save(draft.id, edited, expected_version=1, author="bo", message="New title")
    assert saved.version == 2
    assert saved.text == edited
    assert saved.info.head_version == 2
    assert saved.info.title == "Brewline Rewards privacy notice (2027)"
    assert store.get(draft.id).text == edited
    assert store.version(draft.id, 1) == original  # exactly, comments and Arabic included
    assert store.version(draft.id, 1).encode() == original.encode()
    assert store.get(draft.id, 1).text == original
    assert store.version(draft.id, 2) == edited

    history = store.versions(draft.id)
    assert [(v.number, v.author, v.message) for v in history] == [
        (1, "ana", "Imported"),
        (2, "bo", "New title"),
    ]
    assert history[0].content_hash == hashlib.sha256(original.encode()).hexdigest()
    assert history[0].size == len(original.encode())
    assert history[0].title == "Brewline Rewards privacy notice"
    assert history[1].created_at > history[0].created_at
    assert history[1].created_at <= clock.now


def test_text_is_stored_exactly_as_given(store: Store):
    odd = (
        "\ufeff# a BOM, trailing spaces and a tab\t  \n"
        + SMALL.replace("jurisdictions: [EU]", "jurisdictions:   [ EU ]   # where")
        + "\n\n# the end\n"
    )
    draft = store.create(odd, author="ana")
    assert store.get(draft.id).text == odd
    again = store.save(draft.id, odd, expected_version=1, author="ana", message="no change")
    assert again.version == 2  # every save is a version, even an identical one
    hashes = [v.content_hash for v in store.versions(draft.id)]
    assert hashes[0] == hashes[1]


def test_json_text_is_kept_as_json(store: Store):
    text = dumps_json(loads_notice(SMALL), indent=None)
    draft = store.create(text, author="ana")
    assert store.get(draft.id).text == text
    assert draft.notice == loads_notice(SMALL)


def test_a_stale_save_conflicts_and_writes_nothing(store: Store):
    draft = store.create(SMALL, author="ana")
    # Two people open version 1.
    ana, bo = store.get(draft.id), store.get(draft.id)
    ana_text = edit(SMALL, "P2Y   # tax law", "P3Y   # tax law")
    bo_text = RENAMED
    store.save(draft.id, ana_text, expected_version=ana.version, author="ana")

    with pytest.raises(ConflictError) as caught:
        store.save(draft.id, bo_text, expected_version=bo.version, author="bo")
    error = caught.value
    assert (error.current_version, error.expected_version) == (2, 1)
    assert error.notice_id == draft.id
    assert "This notice changed since you opened it (v1 → v2)" in str(error)

    # Both sides' data survive: Ana's is the head, v1 is intact, Bo's text is his to keep.
    assert version_numbers(store, draft.id) == [1, 2]
    assert store.version(draft.id, 1) == SMALL
    assert store.get(draft.id).text == ana_text
    assert all(v.author != "bo" for v in store.versions(draft.id))
    # Bo reloads, and saves on top of the new head.
    assert store.save(draft.id, bo_text, expected_version=2, author="bo").version == 3


def test_a_future_expected_version_conflicts_too(store: Store):
    draft = store.create(SMALL, author="ana")
    with pytest.raises(ConflictError, match=r"\(v7 → v1\)"):
        store.save(draft.id, RENAMED, expected_version=7, author="ana")
    assert version_numbers(store, draft.id) == [1]


def test_invalid_yaml_is_refused_with_the_loaders_line_and_nothing_is_written(store: Store):
    draft = store.create(SMALL, author="ana")
    broken = edit(SMALL, "    name: Hosty", "    name: [Hosty")
    with pytest.raises(NoticeError) as caught:
        store.save(draft.id, broken, expected_version=1, author="ana")
    assert caught.value.source == "acme"
    assert caught.value.problems[0].line == 32
    assert str(caught.value).splitlines()[1].startswith("acme:32:9: did not find expected ','")

    misspelt = edit(SMALL, "    duration: P2Y   # tax law", "    retension: P2Y")
    with pytest.raises(NoticeError) as caught:
        store.save(draft.id, misspelt, expected_version=1, author="ana")
    problem = caught.value.problems[0]
    assert (problem.line, problem.dotted) == (37, "retention[0].retension")
    assert "unknown field 'retension'" in problem.message

    dangling = edit(SMALL, "retention: two-years", "retention: ten-years")
    with pytest.raises(NoticeError, match="unknown retention rule 'ten-years'"):
        store.save(draft.id, dangling, expected_version=1, author="ana")

    assert version_numbers(store, draft.id) == [1]
    assert store.get(draft.id).text == SMALL
    # The failed saves did not move the head: a save on top of v1 still works.
    assert store.save(draft.id, RENAMED, expected_version=1, author="ana").version == 2


def test_a_database_error_leaves_the_last_version(store: Store):
    draft = store.create(SMALL, author="ana")
    engine = store._engine
    dbapi_error = engine.dialect.loaded_dbapi.OperationalError

    def fail_version_insert(conn, cursor, statement, parameters, context, executemany):
        # After the head moved in the same transaction: the rollback must undo that too.
        if statement.lstrip().upper().startswith("INSERT INTO VERSIONS"):
            raise dbapi_error("simulated disk failure")

    sa.event.listen(engine, "before_cursor_execute", fail_version_insert)
    try:
        with pytest.raises(StorageError, match="could not save the notice: simulated disk failure"):
            store.save(draft.id, RENAMED, expected_version=1, author="ana")
    finally:
        sa.event.remove(engine, "before_cursor_execute", fail_version_insert)

    assert version_numbers(store, draft.id) == [1]
    assert store.get(draft.id).info.head_version == 1
    assert store.get(draft.id).text == SMALL
    assert store.save(draft.id, RENAMED, expected_version=1, author="ana").version == 2


def test_versions_cannot_be_updated_in_the_database(store: Store):
    draft = store.create(SMALL, author="ana")
    versions = sa.table("versions", sa.column("text"))
    with pytest.raises(sa.exc.DBAPIError, match="immutable"), store._engine.begin() as conn:
        conn.execute(sa.update(versions).values(text="rewritten"))
    assert store.version(draft.id, 1) == SMALL


def test_restore_creates_a_new_version_with_the_old_text(store: Store):
    draft = store.create(SMALL, author="ana")
    v2 = edit(SMALL, "P2Y   # tax law", "P3Y   # tax law")
    v3 = edit(v2, "name: Hosty", "name: Hosty Cloud")
    store.save(draft.id, v2, expected_version=1, author="ana")
    store.save(draft.id, v3, expected_version=2, author="bo")

    restored = store.restore(draft.id, 1, expected_version=3, author="cy")
    assert restored.version == 4
    assert restored.text == SMALL
    assert restored.version_info.message == "Restored v1"
    assert restored.version_info.author == "cy"
    assert [store.version(draft.id, n) for n in (1, 2, 3, 4)] == [SMALL, v2, v3, SMALL]

    with pytest.raises(ConflictError, match=r"\(v3 → v4\)"):
        store.restore(draft.id, 2, expected_version=3, author="dee")
    assert version_numbers(store, draft.id) == [1, 2, 3, 4]


def test_timestamps_come_from_the_clock(store_url):
    import datetime as dt

    moments = iter(
        [dt.datetime(2030, 1, 1, 12, tzinfo=dt.UTC), dt.datetime(2030, 1, 2, 12, tzinfo=dt.UTC)]
    )
    with Store(store_url, clock=lambda: next(moments)) as fixed:
        draft = fixed.create(SMALL, author="ana")
        saved = fixed.save(draft.id, RENAMED, expected_version=1, author="ana")
        assert draft.info.created_at == dt.datetime(2030, 1, 1, 12, tzinfo=dt.UTC)
        assert saved.version_info.created_at == dt.datetime(2030, 1, 2, 12, tzinfo=dt.UTC)
        assert saved.info.created_at == draft.info.created_at
        assert fixed.list()[0].updated_at == saved.version_info.created_at
    tz = dt.timezone(dt.timedelta(hours=4))
    with Store(store_url, clock=lambda: dt.datetime(2030, 1, 3, 16, tzinfo=tz)) as dubai:
        later = dubai.save(draft.id, SMALL, expected_version=2, author="ana")
        assert later.version_info.created_at == dt.datetime(2030, 1, 3, 12, tzinfo=dt.UTC)
    naive = Store(store_url, clock=lambda: dt.datetime(2030, 1, 4))
    with naive, pytest.raises(ValueError, match="timezone-aware"):
        naive.save(draft.id, RENAMED, expected_version=3, author="ana")


def test_a_version_written_behind_the_heads_back_is_never_overwritten(store: Store):
    draft = store.create(SMALL, author="ana")
    # A buggy or foreign writer adds version 2 without moving the head.
    intruder = store.get(draft.id).version_info
    with store._engine.begin() as conn:
        conn.execute(
            sa.table(
                "versions",
                *(sa.column(c) for c in ("notice_id", "number", "author", "message")),
                *(sa.column(c) for c in ("created_at", "title", "content_hash", "size", "text")),
            )
            .insert()
            .values(
                notice_id=draft.id.replace("-", "") if store.backend == "sqlite" else draft.id,
                number=2,
                author="intruder",
                message="",
                created_at=intruder.created_at.replace(tzinfo=None),
                title="t",
                content_hash="0" * 64,
                size=1,
                text="x",
            )
        )
    with pytest.raises(ConflictError, match=r"\(v1 → v2\)"):
        store.save(draft.id, RENAMED, expected_version=1, author="ana")
    assert store.get(draft.id).version == 1  # the head did not move either
    assert store.version(draft.id, 2) == "x"
