"""Layer 2: import, duplicate, archive and compare as plain functions, against a real store."""

from __future__ import annotations

import base64
import json
import re

import app_testkit
import pytest
from app_testkit import sample_notice, walk

from notice_builder.app import ids, language, views
from notice_builder.app.callbacks import editor, flows
from notice_builder.app.factory import MAX_CONTENT_LENGTH
from notice_builder.app.layout import build_layout
from tests.english_left import english_left, texts

store = app_testkit.store
app = app_testkit.app


def _upload(data: bytes, mime: str = "application/x-yaml") -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


# --- import --------------------------------------------------------------------------------


def test_a_valid_file_becomes_a_new_open_notice(store):
    text = sample_notice(store).text.replace("id: brewline-rewards", "id: imported-one", 1)
    result = flows.import_file(store, _upload(text.encode()), "notice.yaml")
    assert result.ok and result.text == text and result.current["version"] == 1
    assert len(store.list()) == 2
    [version] = store.versions(result.current["id"])
    assert version.number == 1 and version.message == "Imported from notice.yaml"


def test_a_json_file_with_a_bom_is_imported(store, notice_data):
    raw = b"\xef\xbb\xbf" + json.dumps(notice_data).encode()
    result = flows.import_file(store, _upload(raw, "application/json"), "acme.json")
    assert result.ok, result.message
    assert store.get(result.current["id"]).text.startswith("{")


@pytest.mark.parametrize(
    "content",
    [
        b"id: [broken\n",  # malformed YAML
        b'{"id": "x", "title": ',  # truncated JSON
        b"a: 1\na: 2\n",  # duplicate keys
        b'!!python/object/apply:os.system ["touch PWNED_MARKER"]\n',
        b"",
        b"- a list\n",
        b"id: acme\nretension: P1Y\n",  # unknown and missing fields
        "id: x\n".encode("utf-16"),
    ],
)
def test_an_invalid_file_creates_nothing_and_names_the_place(store, content, tmp_path):
    before = store.list()
    result = flows.import_file(store, _upload(content), "bad.yaml")
    assert result.kind in ("invalid", "error") and not result.ok
    assert result.current is None and result.text is None
    assert result.problems or "Nothing" in result.message
    assert store.list() == before
    assert not (tmp_path / "PWNED_MARKER").exists()


def test_problems_carry_line_and_column(store):
    text = sample_notice(store).text.replace("id: brewline-rewards", "id: [brewline", 1)
    result = flows.import_file(store, _upload(text.encode()), "broken.yaml")
    assert result.kind == "invalid" and "broken.yaml" in result.message
    assert result.problems[0]["line"] and result.problems[0]["column"]


def test_an_upload_over_5_mb_is_refused_before_decoding_or_parsing(store, monkeypatch):
    def must_not_run(*args, **kwargs):
        raise AssertionError("parsed an oversized upload")

    monkeypatch.setattr(flows, "loads_notice", must_not_run)
    monkeypatch.setattr(flows.base64, "b64decode", must_not_run)
    big = "data:application/x-yaml;base64," + "A" * (flows.UPLOAD_LIMIT * 4 // 3 + 8)
    result = flows.import_file(store, big, "big.yaml")
    assert result.kind == "error" and "the limit is 5 MB" in result.message
    assert len(store.list()) == 1


def test_a_5_mb_upload_fits_in_one_request():
    encoded = flows.UPLOAD_LIMIT * 4 // 3 + 4
    assert encoded + 64 * 1024 < MAX_CONTENT_LENGTH  # room for the callback's JSON around it


def test_just_under_the_limit_goes_on_to_the_loader(store):
    # Past the upload check, the loader's own (smaller) limit speaks, naming it.
    result = flows.import_file(store, _upload(b"#" * (flows.UPLOAD_LIMIT - 10)), "big.yaml")
    assert result.kind == "invalid" and "limit" in result.problems[0]["message"]
    assert len(store.list()) == 1


@pytest.mark.parametrize(
    "contents", [None, "", "not a data url", "data:text/plain,plain", "data:x;base64,@@@"]
)
def test_a_damaged_upload_is_refused(store, contents):
    result = flows.import_file(store, contents, "x.yaml")
    assert result.kind == "error" and result.message and len(store.list()) == 1


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("notice.yaml", "notice.yaml"),
        ("C:\\Users\\ana\\notice.yaml", "notice.yaml"),
        ("../../etc/passwd", "passwd"),
        ("inv\u202eoice\u2066.yaml", "invoice.yaml"),
        ("a\nb\x00c.yaml", "abc.yaml"),
        ("", "upload"),
        (None, "upload"),
        ("../", "upload"),
        ("x" * 500 + ".yaml", "x" * 94 + "….yaml"),
    ],
)
def test_file_names_are_cleaned(raw, clean):
    name = flows.clean_filename(raw)
    assert name == clean and len(name) <= flows.FILENAME_LIMIT


def test_the_recorded_message_uses_the_clean_name(store):
    text = sample_notice(store).text.replace("id: brewline-rewards", "id: other", 1)
    result = flows.import_file(store, _upload(text.encode()), "/tmp/x/\u202enotice.yaml")
    [version] = store.versions(result.current["id"])
    assert version.message == "Imported from notice.yaml"


# --- duplicate and archive -----------------------------------------------------------------


def test_duplicate_opens_a_copy_of_the_head(store):
    draft = sample_notice(store)
    result = flows.duplicate(store, {"id": draft.id, "version": 1})
    assert result.ok and result.current["id"] != draft.id and result.text == draft.text
    assert len(store.list()) == 2


def test_archive_hides_refuses_saves_and_unarchive_undoes_it(store):
    draft = sample_notice(store)
    current = {"id": draft.id, "version": 1}
    assert flows.set_archived(store, current, True).ok
    assert store.list() == [] and flows.notice_state(store, current).archived
    saved = editor.save(store, current, draft.text + "\n# edit\n", "try")
    assert saved.kind == "error" and "archived" in saved.message
    assert store.get(draft.id).version == 1
    copy = flows.duplicate(store, current)  # an archived notice can still be duplicated
    assert copy.ok
    assert flows.set_archived(store, current, False).ok
    assert not flows.notice_state(store, current).archived
    assert editor.save(store, current, draft.text + "\n# edit\n", "now").ok


def test_nothing_open(store):
    assert flows.duplicate(store, None).kind == "error"
    assert flows.set_archived(store, {}, True).kind == "error"
    assert flows.notice_state(store, None).versions == []
    assert flows.compare(store, None, 1, 2).kind == "error"


def test_an_unknown_notice_is_a_message_not_a_crash(store):
    gone = {"id": "00000000-0000-0000-0000-000000000000", "version": 1}
    assert flows.duplicate(store, gone).kind == "error"
    assert flows.set_archived(store, gone, True).kind == "error"
    assert flows.compare(store, gone, 1, 1).kind == "error"


def test_the_page_shows_the_new_controls(store):
    page = json.dumps(build_layout(store).to_plotly_json(), default=lambda o: o.to_plotly_json())
    for name in (ids.IMPORT, ids.DUPLICATE, ids.ARCHIVE, ids.COMPARE, ids.SHOW_ARCHIVED):
        assert f'"{name}"' in page
    assert f'"max_size": {flows.UPLOAD_LIMIT}' in page


# --- compare -------------------------------------------------------------------------------


def _edited(store):
    draft = sample_notice(store)
    text = draft.text.replace("Brewline Rewards privacy notice", "Brewline notice", 1)
    text = text.replace("label: Email address", "label: E-mail address", 1)
    saved = editor.save(store, {"id": draft.id, "version": 1}, text, "Retitled")
    assert saved.ok, saved.message
    return draft


def test_notice_state_offers_the_versions_newest_first(store):
    draft = _edited(store)
    state = flows.notice_state(store, {"id": draft.id, "version": 2})
    assert [v["value"] for v in state.versions] == ["2", "1"]
    assert (state.compare_from, state.compare_to) == ("1", "2")


def test_compare_groups_the_changes_by_area(store):
    draft = _edited(store)
    result = flows.compare(store, {"id": draft.id, "version": 2}, "1", "2", previews=False)
    assert result.kind == "saved" and result.numbers == (1, 2)
    areas = [area for area, _ in result.groups]
    assert areas == sorted(areas, key=flows.AREAS.index) and len(set(areas)) == len(areas)
    changes = [c for _, group in result.groups for c in group]
    assert len(changes) == len(store.diff(draft.id, 1, 2)) and "change" in result.message
    assert all(c["summary"] and c["kind"] for c in changes)


def test_group_changes_keeps_the_area_order():
    from notice_builder.store import Change

    changes = [
        Change("other", "changed", "title", "Title changed"),
        Change("data categories", "added", "x", "Added X"),
        Change("other", "changed", "date", "Date changed"),
    ]
    assert flows.group_changes(changes) == [
        ("data categories", [{"kind": "added", "summary": "Added X"}]),
        (
            "other",
            [
                {"kind": "changed", "summary": "Title changed"},
                {"kind": "changed", "summary": "Date changed"},
            ],
        ),
    ]


def test_compare_shows_both_previews(store):
    draft = _edited(store)
    result = flows.compare(store, {"id": draft.id, "version": 2}, 1, 2, locale="en")
    assert result.before.src.startswith("data:image/png;base64,")
    assert result.after.src.startswith("data:image/png;base64,")
    assert result.before.src != result.after.src
    from notice_builder.app import views

    assert views.comparison(result) is not None


@pytest.mark.parametrize(("a", "b"), [(None, 1), ("x", 1), (0, 1), (1, 99)])
def test_compare_with_bad_versions_says_so(store, a, b):
    draft = sample_notice(store)
    result = flows.compare(store, {"id": draft.id, "version": 1}, a, b)
    assert result.kind == "error" and result.message


def test_the_same_version_has_no_changes(store):
    draft = sample_notice(store)
    result = flows.compare(store, {"id": draft.id, "version": 1}, 1, 1, previews=False)
    assert result.groups == [] and "nothing differs" in result.message


# --- Arabic --------------------------------------------------------------------------------

# Latin an Arabic sentence here may hold besides the names every part keeps: the notice's own
# ids and field names (the YAML's), file names and the parser's token names.
_ALLOWED = {"base64", "broken", "yaml", "purposes", "title", "foo"}


def _english_left(text: str) -> list[str]:
    """English left in `text`; a sentence passed along as an isolated value is still read."""
    return english_left(text, _ALLOWED, sentences=False)


def test_import_refusals_and_problems_speak_arabic(store):
    with language.using("ar"):
        broken = flows.import_file(
            store, _upload(b"title: [unclosed\npurposes: 1\n"), "broken.yaml"
        )
        empty = flows.import_file(store, None, "x.yaml")
        big = flows.import_file(
            store, "data:text/yaml;base64," + "A" * (8 * 1024 * 1024), "big.yaml"
        )
        unknown = editor.check_text("foo: 1\n")
    assert broken.kind == "invalid" and "لم يُستورَد" in broken.message
    for line in [broken.message, empty.message, big.message]:
        assert _english_left(line) == [], line
    assert broken.problems and all(_english_left(p["message"]) == [] for p in broken.problems)
    assert "\u2068" in big.message and "ميغابايت" in big.message
    first = next(p for p in unknown.problems if "foo" in p["message"])
    assert first["message"].startswith("الحقل") and first["path"] == "foo"
    # English stays as it was.
    english = flows.import_file(store, _upload(b"title: [unclosed\n"), "broken.yaml")
    assert english.message == "Not imported: broken.yaml has problems."


def test_save_conflict_and_compare_speak_arabic(store):
    draft = sample_notice(store)
    opened = editor.current_of(draft)
    editor.save(store, opened, draft.text + "\n# one\n")
    with language.using("ar"):
        conflict = editor.save(store, opened, draft.text + "\n# two\n")
        compared = flows.compare(store, opened, 1, 1, previews=False)
        missing = flows.compare(store, {"id": draft.id, "version": 1}, 1, 99, previews=False)
    assert conflict.kind == "conflict" and "تغيّر هذا الإشعار" in conflict.message
    assert _english_left(conflict.message) == [] and "v1" in conflict.message
    assert _english_left(compared.message) == []
    assert missing.kind == "error" and _english_left(missing.message) == []


def test_changes_between_versions_are_listed_in_arabic(store):
    draft = sample_notice(store)
    notice = store.get(draft.id)
    first = notice.text
    assert "label: {en: Purchases," in first
    text = first.replace(
        "label: {en: Purchases, ar: المشتريات}", "label: {en: Renamedthing, ar: المشتريات}", 1
    )
    saved = editor.save(store, editor.current_of(notice), text)
    assert saved.ok, saved.message
    with language.using("ar"):
        result = flows.compare(store, saved.current, 1, 2, previews=False)
    summaries = [c["summary"] for _, changes in result.groups for c in changes]
    assert any(s.startswith("إعادة تسمية") for s in summaries), summaries
    english = flows.compare(store, saved.current, 1, 2, previews=False)
    assert any("renamed to 'Renamedthing'" in c["summary"] for _, cs in english.groups for c in cs)


def test_the_error_banner_speaks_the_request_language():
    from notice_builder.app import factory

    with language.using("ar"):
        assert _english_left(language.tr("editor.banner.text", ref="AB12CD34")) == []
    assert factory is not None


# File names the history records, taken out before looking.
_FILE_NAME = re.compile(r"[\w.-]+\.(?:json|yaml|csv)")


def test_notices_list_editor_and_history_have_no_english_left_in_arabic(store):
    draft = sample_notice(store)
    opened = editor.current_of(draft)
    text = draft.text.replace("id: brewline-rewards", "id: other", 1)
    with language.using("ar"):
        created = flows.create_from_template(store, "gdpr")
        imported = flows.import_file(store, _upload(text.encode()), "notice.yaml")
        edited = editor.save(store, opened, draft.text + "\n# reviewed\n")
        restored = editor.restore(store, edited.current, 1)
    assert created.ok and imported.ok and edited.ok and restored.ok
    # The history records the English the product has always written…
    messages = [v.message for v in store.versions(draft.id)]
    assert messages == ["Sample notice", "Edited in the app", "Restored v1"]
    [gdpr] = store.versions(created.current["id"])
    assert gdpr.message == "New from template: GDPR only (EU)" and gdpr.author == "web editor"
    # …and the Arabic interface says it in Arabic.
    with language.using("ar"):
        page = build_layout(store)
        state = flows.notice_state(store, restored.current)
        history = texts(views.history_list(store.versions(draft.id), 3))
        other = texts(views.history_list(store.versions(created.current["id"]), 1))
    plain = [s.replace("\u2068", "").replace("\u2069", "") for s in history + other]
    assert "إشعار نموذجي" in plain and "تعديل في التطبيق" in plain
    assert "استعادة الإصدار 1" in plain and "محرّر الويب" in plain
    assert "إشعار جديد من القالب: اللائحة العامة لحماية البيانات فقط (الاتحاد الأوروبي)" in plain
    assert [v["label"] for v in state.versions][0] == "v3 · استعادة الإصدار \u20681\u2069"
    # Nothing English in the notices list and the editor, outside the notices' own titles (the
    # form and the findings are checked with their own parts).
    titles = {info.title for info in store.list()} | {"notice-builder"}  # and the product's name
    panels = [
        c for c in walk(page) if getattr(c, "className", None) in ("panel notices", "panel editor")
    ]
    shown = texts(panels, {ids.FORM, ids.FINDINGS, ids.IMPORT_SENTENCE})
    shown += history + other + [v["label"] for v in state.versions]
    left = {}
    for line in shown:
        for title in titles:
            line = line.replace(title, "")
        line = _FILE_NAME.sub("", line)
        if _english_left(line):
            left[line] = _english_left(line)
    assert left == {}
    # English is as it was.
    english = texts(views.history_list(store.versions(draft.id), 3))
    assert "Restored v1" in english and "Edited in the app" in english and "web editor" in english


def test_the_browser_tab_is_titled_in_the_interface_language(app):
    client = app.server.test_client()
    arabic = client.get("/?lang=ar").get_data(as_text=True)
    english = client.get("/?lang=en").get_data(as_text=True)
    assert "<title>منشئ الإشعارات</title>" in arabic and 'dir="rtl"' in arabic
    assert "<title>Notice builder</title>" in english
