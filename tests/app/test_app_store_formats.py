"""Layer 2: store labels and other formats on the Notices page, as plain functions."""

from __future__ import annotations

import base64
import json
import re

import app_testkit
import pytest
from app_testkit import sample_notice

from notice_builder.app import ids, language, store_formats_layout
from notice_builder.app.callbacks import store_formats
from notice_builder.app.language import tr
from notice_builder.app.layout import build_layout
from notice_builder.formats import export_as, get, names
from notice_builder.i18n import say
from notice_builder.io import dumps_yaml, loads_notice
from tests.english_left import english_left, words

store = app_testkit.store
app = app_testkit.app


def _upload(data: bytes, mime: str = "text/csv") -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


def _google_csv(notice) -> bytes:
    return export_as(notice, "google-play")


def _broken_csv(notice) -> bytes:
    lines = _google_csv(notice).decode("utf-8").splitlines()
    lines[1] = lines[1].replace(",TRUE,", ",MAYBE,", 1)  # row 2, column 3: Response value
    return ("\n".join(lines) + "\n").encode("utf-8")


def _pending(data: bytes, filename: str = "data-safety.csv") -> dict:
    contents = _upload(data)
    name = store_formats.label_format(contents, filename)
    checked = store_formats.inspect_label(contents, filename, name)
    assert checked.ok, checked.problems
    return checked.pending


# --- recognising a label -------------------------------------------------------------------


def test_labels_are_recognised_and_notices_are_left_to_the_notice_import(store):
    draft = sample_notice(store)
    notice = draft.notice
    apple = export_as(notice, "apple-app-privacy")
    assert store_formats.label_format(_upload(_google_csv(notice)), "x.txt") == "google-play"
    assert store_formats.label_format(_upload(apple), "a.json") == "apple-app-privacy"
    # a notice's own YAML or JSON is not a label, whatever its name
    assert store_formats.label_format(_upload(draft.text.encode()), "n.yaml") is None
    notice_json = json.dumps(notice.model_dump(mode="json")).encode()
    assert store_formats.label_format(_upload(notice_json), "app_privacy.json") is None
    # a CSV no format recognises still goes to the Google Play reader, which names the header
    assert store_formats.label_format(_upload(b"a,b\n1,2\n"), "labels.csv") == "google-play"
    assert store_formats.label_format("not a data url", "x.csv") == "google-play"
    assert store_formats.label_format(None, None) is None


def test_a_broken_csv_names_its_row_and_column_and_creates_nothing(store):
    before = [(i.id, i.head_version) for i in store.list()]
    checked = store_formats.inspect_label(
        _upload(_broken_csv(sample_notice(store).notice)), "safety.csv", "google-play"
    )
    assert checked.kind == "invalid" and checked.pending is None
    assert "safety.csv" in checked.message
    [problem] = checked.problems
    assert (problem["line"], problem["column"]) == (2, 3)
    assert "MAYBE" in problem["message"]
    assert [(i.id, i.head_version) for i in store.list()] == before


def test_a_wrong_header_says_which_header_is_expected(store):
    checked = store_formats.inspect_label(_upload(b"Question,Answer\n"), "x.csv", "google-play")
    assert checked.kind == "invalid"
    assert "Question ID (machine readable)" in checked.problems[0]["message"]


def test_an_upload_over_the_limit_is_refused_before_it_is_read(store):
    big = _upload(b"x" * (5 * 1024 * 1024 + 1))
    checked = store_formats.inspect_label(big, "big.csv", "google-play")
    assert checked.kind == "error" and "5 MB" in checked.message


def test_the_file_name_is_cleaned_before_it_is_shown_or_recorded(store):
    data = _google_csv(sample_notice(store).notice)
    pending = _pending(data, "C:\\Users\\x\\\u202edata\nsafety.csv")
    assert pending["filename"] == "datasafety.csv"
    result = store_formats.import_label(store, pending, "new")
    assert result.saved.ok
    [version] = store.versions(result.saved.current["id"])
    assert version.message == "Imported from datasafety.csv (Google Play Data safety CSV)"


# --- importing -----------------------------------------------------------------------------


def test_a_google_csv_as_a_new_notice_has_placeholders_and_lists_its_losses(store):
    opened = sample_notice(store)
    result = store_formats.import_label(store, _pending(_google_csv(opened.notice)), "new")
    saved = result.saved
    assert saved.ok and saved.current["version"] == 1 and saved.current["id"] != opened.id
    assert len(store.list()) == 2
    created = store.get(saved.current["id"])
    assert saved.text == created.text
    # everything the label says came in: the new notice exports the same label again
    assert export_as(created.notice, "google-play") == _google_csv(opened.notice)
    paths = {loss["path"] for loss in result.losses}
    assert "controller" in paths  # the CSV does not say who the controller is: a placeholder
    assert all(loss["message"] for loss in result.losses)
    # the open notice is untouched
    assert store.get(opened.id).version == opened.version


def test_a_google_csv_applied_to_the_open_notice_is_a_new_version(store):
    opened = sample_notice(store)
    current = {"id": opened.id, "version": opened.version}
    result = store_formats.import_label(
        store, _pending(_google_csv(opened.notice)), "apply", current, opened.text
    )
    saved = result.saved
    assert saved.ok, saved.message
    assert saved.current == {"id": opened.id, "version": opened.version + 1}
    assert len(store.list()) == 1
    head = store.get(opened.id)
    assert head.text == saved.text
    assert head.version_info.message == "Applied Google Play Data safety CSV from data-safety.csv"
    # what the label cannot say is kept from the open notice, not replaced by placeholders
    assert head.notice.controller == opened.notice.controller
    assert head.notice.effective_date == opened.notice.effective_date
    assert result.losses and all("path" in loss for loss in result.losses)


def test_applying_keeps_the_authors_comments(store):
    opened = sample_notice(store)
    text = "# kept: reviewed by legal\n" + opened.text
    first = store.save(opened.id, text, expected_version=opened.version, author="t")
    current = {"id": opened.id, "version": first.version}
    result = store_formats.import_label(
        store, _pending(_google_csv(opened.notice)), "apply", current, text
    )
    assert result.saved.ok
    assert result.saved.text.startswith("# kept: reviewed by legal\n")


def test_applying_after_someone_else_saved_is_a_conflict_and_writes_nothing(store):
    opened = sample_notice(store)
    stale = {"id": opened.id, "version": opened.version}
    other = opened.text.replace("Brewline Rewards privacy notice", "Changed elsewhere", 1)
    store.save(opened.id, other, expected_version=opened.version, author="someone")
    result = store_formats.import_label(
        store, _pending(_google_csv(opened.notice)), "apply", stale, opened.text
    )
    assert result.saved.kind == "conflict" and result.keep
    assert result.saved.current == stale
    head = store.get(opened.id)
    assert head.version == opened.version + 1 and head.text == other


def test_applying_over_unsaved_edits_is_refused(store):
    opened = sample_notice(store)
    current = {"id": opened.id, "version": opened.version}
    edited = opened.text.replace("Brewline Rewards privacy notice", "Edited, not saved", 1)
    result = store_formats.import_label(
        store, _pending(_google_csv(opened.notice)), "apply", current, edited
    )
    assert result.saved.kind == "error" and "unsaved edits" in result.saved.message
    assert result.keep
    assert store.get(opened.id).version == opened.version
    # a comment added but not saved is not a content edit: the label is applied
    commented = opened.text + "# a note\n"
    again = store_formats.import_label(
        store, _pending(_google_csv(opened.notice)), "apply", current, commented
    )
    assert again.saved.ok


def test_a_forged_invalid_label_stores_nothing_in_either_mode(store):
    opened = sample_notice(store)
    current = {"id": opened.id, "version": opened.version}
    forged = {
        "contents": _upload(_broken_csv(opened.notice)),
        "filename": "x.csv",
        "format": "google-play",
    }
    for mode in ("new", "apply"):
        result = store_formats.import_label(store, forged, mode, current, opened.text)
        assert result.saved.kind == "invalid" and result.saved.problems[0]["line"] == 2
    assert len(store.list()) == 1 and store.get(opened.id).version == opened.version
    refused = store_formats.import_label(store, {**forged, "format": "tilt"}, "new")
    assert refused.saved.kind == "error" and "tilt" in refused.saved.message
    assert store_formats.import_label(store, forged, "merge").saved.kind == "error"
    assert store_formats.import_label(store, None, "new").saved.kind == "error"


def test_an_apple_label_applied_to_the_open_notice(store):
    opened = sample_notice(store)
    current = {"id": opened.id, "version": opened.version}
    apple = export_as(opened.notice, "apple-app-privacy")
    pending = _pending(apple, "app_privacy_details.json")
    assert pending["format"] == "apple-app-privacy"
    result = store_formats.import_label(store, pending, "apply", current, opened.text)
    assert result.saved.ok and result.saved.current["version"] == opened.version + 1


def test_a_broken_apple_label_names_its_json_path(store):
    apple = json.loads(export_as(sample_notice(store).notice, "apple-app-privacy"))
    apple[0]["data_protections"] = "yes"
    data = json.dumps(apple).encode()
    checked = store_formats.inspect_label(_upload(data), "a.json", "apple-app-privacy")
    assert checked.kind == "invalid"
    assert any("data_protections" in p["path"] for p in checked.problems)


# --- exporting -----------------------------------------------------------------------------


def test_the_picker_offers_every_registered_format_by_title():
    choices = store_formats.format_choices()
    assert [c["value"] for c in choices] == names()
    assert {"value": "dpv", "label": get("dpv").title} in choices


@pytest.mark.parametrize("name", names())
def test_exported_bytes_are_the_formats_own(store, name):
    opened = sample_notice(store)
    result = store_formats.export_file(opened.text, name)
    assert result.ok, result.message
    fmt = get(name)
    file = result.file
    assert base64.b64decode(file["content"]) == export_as(opened.notice, name)
    assert file["filename"] == f"{opened.notice.id}-{name}{fmt.suffix}"
    assert file["type"] == fmt.media_type and file["base64"] is True


def test_tilt_without_the_controllers_email_names_the_field(store):
    notice = sample_notice(store).notice
    assert notice.controller.email
    controller = notice.controller.model_copy(update={"email": None})
    without = dumps_yaml(notice.model_copy(update={"controller": controller}))
    assert loads_notice(without).controller.email is None
    result = store_formats.export_file(without, "tilt")
    assert not result.ok and "controller.email" in result.message
    found = store_formats.export_losses(without, "tilt")
    assert found.problem and "controller.email" in found.problem
    # the other formats do not need it
    assert store_formats.export_file(without, "google-play").ok


def test_losses_say_what_the_format_cannot_for_this_notice(store):
    opened = sample_notice(store)
    found = store_formats.export_losses(opened.text, "google-play")
    expected = [loss.as_dict() for loss in get("google-play").losses(opened.notice)]
    assert found.losses == expected and found.problem is None
    assert found.title == "Google Play Data safety CSV"


def test_an_invalid_notice_or_unknown_format_is_not_exported(store):
    assert not store_formats.export_file("id: [", "google-play").ok
    assert store_formats.export_losses("id: [", "google-play").problem
    refused = store_formats.export_file(sample_notice(store).text, "pdf")
    assert not refused.ok and "google-play" in refused.message


def test_the_notices_section_offers_the_picker_and_accepts_labels(store):
    page = str(build_layout(store))
    for id in (ids.STORE_FORMAT, ids.STORE_FORMAT_BUTTON, ids.LABEL_APPLY, ids.LABEL_NEW):
        assert f"'{id}'" in page
    assert ".csv" in page and "Google Play Data safety CSV" in page


# --- the wiring: a dropped label goes to the label flow only -------------------------------


def _drop_requests(app, contents: str, filename: str) -> list[dict]:
    """One request per callback that reads the drop zone's contents, as the browser sends it."""
    bodies = []
    for key, spec in app.callback_map.items():
        if spec["inputs"] != [{"id": ids.IMPORT, "property": "contents"}]:
            continue
        outputs = [
            {"id": part.split(".")[0], "property": part.split(".", 1)[1].split("@")[0]}
            for part in key.strip(".").split("...")
        ]
        values = {ids.IMPORT: filename, ids.REFRESH: 0}
        bodies.append(
            {
                "output": key,
                "outputs": outputs,
                "inputs": [{"id": ids.IMPORT, "property": "contents", "value": contents}],
                "state": [{**s, "value": values[s["id"]]} for s in spec["state"]],
                "changedPropIds": [f"{ids.IMPORT}.contents"],
            }
        )
    return bodies


def _answers(app, bodies: list[dict]) -> list[dict]:
    client = app.server.test_client()
    answers = []
    for body in bodies:
        reply = client.post(
            "/_dash-update-component", data=json.dumps(body), content_type="application/json"
        )
        assert reply.status_code in (200, 204)
        answers.append(json.loads(reply.data)["response"] if reply.status_code == 200 else {})
    return answers


def test_a_dropped_label_is_offered_and_not_read_as_a_notice(app, store):
    opened = sample_notice(store)
    bodies = _drop_requests(app, _upload(_google_csv(opened.notice)), "data-safety.csv")
    assert len(bodies) == 2  # the notice import and the label flow
    answers = [a for a in _answers(app, bodies) if a]
    [answer] = answers  # the notice import stays silent
    assert answer[ids.LABEL_FILE]["data"]["format"] == "google-play"
    assert answer[ids.LABEL_CHOICE]["style"] == {"display": "block"}
    assert len(store.list()) == 1


def test_a_dropped_notice_still_goes_to_the_notice_import(app, store):
    text = sample_notice(store).text.replace("id: brewline-rewards", "id: another", 1)
    bodies = _drop_requests(app, _upload(text.encode(), "application/x-yaml"), "n.yaml")
    answers = [a for a in _answers(app, bodies) if a]
    [answer] = answers
    assert ids.LABEL_FILE not in answer and "from n.yaml" in json.dumps(answer)
    assert len(store.list()) == 2


# --- in Arabic -----------------------------------------------------------------------------


def test_store_labels_and_exports_leave_no_english_in_arabic(store):
    opened = sample_notice(store)
    current = {"id": opened.id, "version": opened.version}
    google = _google_csv(opened.notice)
    apple = json.loads(export_as(opened.notice, "apple-app-privacy"))
    apple[0]["data_protections"] = "yes"
    apple[1]["surprise"] = 1
    controller = opened.notice.controller.model_copy(update={"email": None})
    without = dumps_yaml(opened.notice.model_copy(update={"controller": controller}))
    with language.using("ar"):
        choice = store_formats_layout.import_choice()
        panel = store_formats_layout.export_panel()
        broken_csv = store_formats.inspect_label(
            _upload(_broken_csv(opened.notice)), "safety.csv", "google-play"
        )
        header = store_formats.inspect_label(_upload(b"Question,Answer\n"), "x.csv", "google-play")
        broken_json = store_formats.inspect_label(
            _upload(json.dumps(apple).encode()), "a.json", "apple-app-privacy"
        )
        offered = store_formats.inspect_label(_upload(google), "safety.csv", "google-play")
        created = store_formats.import_label(store, offered.pending, "new")
        unsaved = store_formats.import_label(store, offered.pending, "apply", current, "x: 1")
        applied = store_formats.import_label(store, offered.pending, "apply", current, None)
        conflict = store_formats.import_label(store, offered.pending, "apply", current, None)
        exports = [store_formats.export_losses(opened.text, name) for name in names()]
        tilt = store_formats.export_losses(without, "tilt")
        pieces = [
            choice,
            panel,
            store_formats_layout.label_problems(broken_csv.problems, csv=True),
            store_formats_layout.label_problems(broken_json.problems, csv=False),
            store_formats_layout.loss_list(
                tr("labels.not_carried", title=created.title), created.losses
            ),
            *(
                store_formats_layout.loss_list(
                    tr("labels.cannot_say", title=found.title), found.losses, found.problem
                )
                for found in [*exports, tilt]
            ),
        ]
        said = [
            broken_csv.message,
            header.message,
            *(p["message"] for p in header.problems),
            broken_json.message,
            offered.message,
            created.saved.message,
            unsaved.saved.message,
            applied.saved.message,
            store_formats.export_file(without, "tilt").message,
            store_formats.export_file(opened.text, "pdf").message,
            store_formats.export_file("not: [a notice", "dpv").message,
            store_formats.export_file(opened.text, "dpv").message,
            store_formats.import_label(store, None, "new").saved.message,
        ]
    assert applied.saved.ok and conflict.saved.kind == "conflict"
    assert "ملف CSV لقسم أمان البيانات في Google Play" in offered.message
    assert len(created.losses) >= 2 and all(
        re.search("[\u0600-\u06ff]", loss["message"]) for loss in created.losses
    )
    shown = "\n".join([*map(words, pieces), *said])
    # Values isolated inside the sentences (ids, Google's data type names, file names) are content.
    assert english_left(shown, {"Letter"}) == []


def test_losses_and_problems_keep_their_english_and_speak_arabic(store):
    notice = sample_notice(store).notice
    [first, *_] = get("google-play").losses(notice)
    assert first.text("en") == first.message == say(first.key, "en", **first.params)
    assert first.as_dict() == {"path": first.dotted, "message": first.message, "kind": first.kind}
    assert first.as_dict("ar")["message"] == first.text("ar") != first.message
    assert re.search("[\u0600-\u06ff]", first.text("ar"))
    checked = store_formats.inspect_label(_upload(_broken_csv(notice)), "safety.csv", "google-play")
    assert checked.problems[0]["message"] == "must be TRUE, FALSE or empty (got 'MAYBE')"
