"""Autosaved drafts through the app's plain functions and its real save callback."""

from __future__ import annotations

import json
import re

import app_testkit
import pytest
import sqlalchemy as sa
from app_testkit import sample_notice

from notice_builder.app import ids
from notice_builder.app.callbacks import drafts, editor
from notice_builder.store import MAX_TEXT_BYTES

store = app_testkit.store
app = app_testkit.app

TAB = "0123456789abcdef0123456789abcdef"
OTHER = "fedcba9876543210fedcba9876543210"


def _edited(draft, note: str = "edited") -> str:
    return draft.text + f"\n# {note}\n"


def _sent(draft, text: str, edited: bool = True, version: int | None = None) -> dict:
    number = draft.version if version is None else version
    return {"key": f"{draft.id}@{number}", "id": draft.id, "version": number, "text": text,
            "edited": edited}  # fmt: skip


def _current(draft, version: int | None = None) -> dict:
    return {"id": draft.id, "version": draft.version if version is None else version}


# --- autosave ------------------------------------------------------------------------------


def test_an_edit_is_kept_as_this_browsers_draft(store):
    sample = sample_notice(store)
    done = drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    assert done.kind == "kept" and done.wrote
    assert re.search(
        r"kept as a draft in this browser at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", done.message
    )
    kept = store.drafts.get(sample.id, TAB)
    assert kept.text == _edited(sample) and kept.base_version == 1
    assert store.drafts.get(sample.id, OTHER) is None
    assert [v.number for v in store.versions(sample.id)] == [1]  # no version was made


def test_the_text_a_notice_opened_with_is_not_kept_and_leaves_an_older_draft(store):
    sample = sample_notice(store)
    store.drafts.save(sample.id, TAB, _edited(sample), base_version=1)
    done = drafts.autosave(store, _sent(sample, sample.text, edited=False), TAB)
    assert done.kind == "skipped"
    assert store.drafts.get(sample.id, TAB).text == _edited(sample)


def test_undoing_every_edit_removes_the_draft(store):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    done = drafts.autosave(store, _sent(sample, sample.text), TAB)
    assert done.kind == "cleared"
    assert store.drafts.get(sample.id, TAB) is None


@pytest.mark.parametrize(
    "sent, client",
    [
        (None, TAB),
        ("text", TAB),
        ({"id": "x", "version": 1, "text": "a", "edited": True}, None),
        ({"id": 5, "version": 1, "text": "a", "edited": True}, TAB),
        ({"id": "x", "version": "1", "text": "a", "edited": True}, TAB),
        ({"id": "x", "version": True, "text": "a", "edited": True}, TAB),
        ({"id": "x", "version": 1, "text": ["a"], "edited": True}, TAB),
        ({"id": "x", "version": 1, "text": "a", "edited": True}, "<script>"),
    ],
)
def test_forged_autosave_requests_write_nothing(store, sent, client):
    assert drafts.autosave(store, sent, client).kind == "skipped"


def test_an_autosave_the_store_refuses_says_so_and_keeps_the_old_draft(store):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    done = drafts.autosave(store, _sent(sample, "#" * (MAX_TEXT_BYTES + 1)), TAB)
    assert done.kind == "error" and "could not be kept" in done.message
    assert "still on screen" in done.message
    assert store.drafts.get(sample.id, TAB).text == _edited(sample)


# --- the restore offer ---------------------------------------------------------------------


def test_an_offer_appears_for_this_browsers_draft_only(store):
    sample = sample_notice(store)
    assert drafts.offer(store, _current(sample), TAB, sample.text) is None
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    found = drafts.offer(store, _current(sample), TAB, sample.text)
    assert found is not None and not found.moved_on
    assert re.fullmatch(r"Unsaved edits from .* UTC \(based on v1\)\.", found.message)
    assert drafts.offer(store, _current(sample), OTHER, sample.text) is None
    # Once the editor shows the draft, there is nothing to offer.
    assert drafts.offer(store, _current(sample), TAB, _edited(sample)) is None


def test_the_offer_says_when_the_notice_moved_on(store):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample, "mine")), TAB)
    store.save(sample.id, _edited(sample, "theirs"), expected_version=1, author="bob")
    found = drafts.offer(store, _current(sample, 2), TAB, _edited(sample, "theirs"))
    assert found.moved_on and "moved on since: it is at v2 now" in found.message
    assert "(based on v1)" in found.message and "Save as copy" in found.message


def test_no_offer_when_the_draft_was_saved_meanwhile(store):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    store.save(sample.id, _edited(sample), expected_version=1, author="other tab")
    assert drafts.offer(store, _current(sample, 2), TAB, "") is None


@pytest.mark.parametrize("current", [None, {}, {"id": "nope", "version": 1}, {"id": 3}])
def test_no_offer_without_a_sensible_notice(store, current):
    assert drafts.offer(store, current, TAB, "") is None


# --- restore and discard -------------------------------------------------------------------


def test_restore_puts_the_draft_in_the_editor_and_saves_nothing(store):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    result = drafts.restore(store, _current(sample), TAB)
    assert result.ok and result.text == _edited(sample)
    assert result.current == _current(sample)
    assert "Nothing is saved until you press Save" in result.message
    assert [v.number for v in store.versions(sample.id)] == [1]
    saved = editor.save(store, result.current, result.text)
    drafts.after_save(store, saved, result.current, TAB)
    assert saved.ok and store.get(sample.id).text == _edited(sample)
    assert store.drafts.get(sample.id, TAB) is None  # cleared once saved


def test_restore_after_the_notice_moved_on_meets_the_conflict_then_saves_a_copy(store):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample, "mine")), TAB)
    store.save(sample.id, _edited(sample, "theirs"), expected_version=1, author="bob")

    result = drafts.restore(store, _current(sample, 2), TAB)
    assert result.current == _current(sample, 1)  # editing on top of the draft's base
    assert "the notice is at v2" in result.message
    conflict = editor.save(store, result.current, result.text)
    drafts.after_save(store, conflict, result.current, TAB)
    assert conflict.kind == "conflict"
    assert store.get(sample.id).text == _edited(sample, "theirs")  # nothing overwritten
    assert store.drafts.get(sample.id, TAB) is not None  # still kept

    copy = editor.save_as_copy(store, result.current, result.text)
    drafts.after_save(store, copy, result.current, TAB)
    assert copy.ok and store.get(copy.current["id"]).text == _edited(sample, "mine")
    assert store.drafts.get(sample.id, TAB) is None


def test_restore_or_discard_without_a_draft_says_so(store):
    sample = sample_notice(store)
    result = drafts.restore(store, _current(sample), TAB)
    assert result.kind == "error" and "no draft to restore" in result.message
    assert drafts.restore(store, None, TAB).kind == "error"
    assert drafts.discard(store, _current(sample), "bad id").kind == "error"


def test_discard_removes_the_draft_and_keeps_the_versions(store):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    result = drafts.discard(store, _current(sample), TAB)
    assert result.ok and "discarded" in result.message
    assert store.drafts.get(sample.id, TAB) is None
    assert store.get(sample.id).text == sample.text


# --- a failed save ---------------------------------------------------------------------------


@pytest.fixture
def failing_version_insert(store):
    """The database fails in the middle of a save: after the head moved, at the version row."""

    def fail(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT INTO VERSIONS"):
            raise sa.exc.OperationalError(statement, {}, Exception("disk I/O error"))

    sa.event.listen(store._engine, "before_cursor_execute", fail)
    yield
    sa.event.remove(store._engine, "before_cursor_execute", fail)


def test_a_failed_save_keeps_the_last_version_and_the_draft(store, failing_version_insert):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    result = editor.save(store, _current(sample), _edited(sample), "will fail")
    drafts.after_save(store, result, _current(sample), TAB)
    assert result.kind == "error" and "Nothing was changed" in result.message
    assert result.current == _current(sample) and result.text is None  # editor left alone
    got = store.get(sample.id)
    assert got.version == 1 and got.text == sample.text
    assert store.drafts.get(sample.id, TAB).text == _edited(sample)


def _save_request(app, text: str, current: dict, client: str) -> dict:
    [key] = [
        k
        for k, v in app.callback_map.items()
        if v["inputs"] == [{"id": ids.SAVE, "property": "n_clicks"}]
    ]
    outputs = [
        {"id": part.split(".")[0], "property": part.split(".", 1)[1]}
        for part in key.strip(".").split("...")
    ]
    values = {ids.EDITOR: text, ids.CURRENT: current, ids.SAVE_MESSAGE: "", ids.REFRESH: 0,
              ids.CLIENT: client}  # fmt: skip
    return {
        "output": key,
        "outputs": outputs,
        "inputs": [{"id": ids.SAVE, "property": "n_clicks", "value": 1}],
        "state": [{**s, "value": values[s["id"]]} for s in app.callback_map[key]["state"]],
        "changedPropIds": [f"{ids.SAVE}.n_clicks"],
    }


def test_the_save_callback_reports_a_failed_save_and_leaves_the_editor_alone(
    app, store, failing_version_insert
):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    body = _save_request(app, _edited(sample), _current(sample), TAB)
    reply = app.server.test_client().post(
        "/_dash-update-component", data=json.dumps(body), content_type="application/json"
    )
    assert reply.status_code == 200
    answer = json.loads(reply.data)["response"]
    assert ids.EDITOR not in answer  # the text on screen is not replaced
    assert ids.CURRENT not in answer  # still editing v1
    status = json.dumps(answer[ids.SAVE_STATUS])
    assert "could not save the notice" in status and "Nothing was changed" in status
    assert store.get(sample.id).version == 1
    assert store.drafts.get(sample.id, TAB).text == _edited(sample)


def test_the_save_callback_clears_the_draft_once_saved(app, store):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    body = _save_request(app, _edited(sample), _current(sample), TAB)
    reply = app.server.test_client().post(
        "/_dash-update-component", data=json.dumps(body), content_type="application/json"
    )
    answer = json.loads(reply.data)["response"]
    assert answer[ids.CURRENT]["data"] == _current(sample, 2)
    assert store.drafts.get(sample.id, TAB) is None


# --- drafts of other notices ---------------------------------------------------------------


def _second(store):
    return store.create(author="ana", from_template="gdpr")


def test_a_draft_of_another_notice_is_offered_and_restoring_opens_it(store):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    other = _second(store)  # a reload opens this one: the most recently saved
    found = drafts.offer(store, _current(other), TAB, other.text)
    assert found is not None and found.title == "Brewline Rewards privacy notice"
    assert found.message.startswith("Unsaved edits to “Brewline Rewards privacy notice” from ")
    assert "Restoring opens that notice" in found.message
    assert found.data == {"id": sample.id}

    result = drafts.restore(store, found.data, TAB)
    assert result.current == _current(sample) and result.text == _edited(sample)
    assert drafts.offer(store, result.current, TAB, result.text) is None  # nothing left


def test_the_open_notices_own_draft_comes_first(store):
    sample = sample_notice(store)
    other = _second(store)
    drafts.autosave(store, _sent(other, _edited(other)), TAB)
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)  # the most recent
    found = drafts.offer(store, _current(other), TAB, other.text)
    assert found.draft.notice_id == other.id and found.title is None


def test_a_draft_of_an_archived_notice_is_not_offered_elsewhere(store):
    sample = sample_notice(store)
    drafts.autosave(store, _sent(sample, _edited(sample)), TAB)
    other = _second(store)
    store.archive(sample.id)
    assert drafts.offer(store, _current(other), TAB, other.text) is None
    discarded = drafts.discard(store, {"id": sample.id}, TAB)
    assert discarded.ok and store.drafts.get(sample.id, TAB) is None
