"""The structured form without a browser: built from the sample it shows its values; an edit
writes YAML that keeps the comments and validates; a bad value is refused on its field and the
YAML is kept; translations land under their locale; the grid, add and remove."""

from __future__ import annotations

import json

import app_testkit
import pytest
from app_testkit import by_id, form_id, walk
from dash import html

from notice_builder.app import ids, views
from notice_builder.app.callbacks.editor import BLANK_NOTICE
from notice_builder.app.forms import SECTIONS, build_form, digest, read_form
from notice_builder.app.forms.actions import change_fields, change_structure, field_message
from notice_builder.app.forms.build import section_body
from notice_builder.app.forms.edit import (
    add_item,
    apply_edit,
    parse_pointer,
    remove_item,
    spec_at,
    toggle_cell,
)
from notice_builder.app.forms.spec import NEW_ITEMS, SECTION_OF, fields_of
from notice_builder.app.layout import build_layout
from notice_builder.io import Problem, loads_notice
from notice_builder.model import PrivacyNotice
from notice_builder.resources import example_path

store = app_testkit.store
SAMPLE = example_path("coffee-shop").read_text(encoding="utf-8")
ALL_SECTIONS = [key for key, _, _ in SECTIONS]


def _send(text: str, *edits: tuple, seq: int = 1) -> dict:
    """What the browser sends for field edits: (path, locale, value) each, in order."""
    sent = [
        {
            "id": {
                "type": ids.FORM_CHECK if isinstance(v, bool) else ids.FORM_VALUE,
                "path": p,
                "locale": loc,
            },
            "value": v,
        }
        for p, loc, v in edits
    ]
    return change_fields(text, {"seq": seq, "edits": sent})


def _cell(category: str, purpose: str) -> str:
    key = {"type": ids.FORM_CELL, "category": category, "purpose": purpose}
    return json.dumps(key, sort_keys=True)


@pytest.fixture(scope="module")
def sample_form() -> dict:
    return by_id(build_form(read_form(SAMPLE), ALL_SECTIONS, {"ar": "العربية"}))


# --- built from the sample --------------------------------------------------------------------


def test_the_form_shows_the_samples_values(sample_form):
    found = sample_form
    assert found[form_id("/id")].value == "brewline-rewards"
    assert found[form_id("/controller/name")].value == "Brewline Coffee"
    assert found[form_id("/controller/address/country")].value == "IE"
    assert found[form_id("/effective_date")].value == "2026-10-01"
    assert found[form_id("/locales")].value == ["en", "ar"]
    assert found[form_id("/purposes/0/legal_basis")].value == "contract"
    assert found[form_id("/practices/0/data")].value == ["contact", "purchases"]
    assert found[form_id("/practices/3/profiling", kind=ids.FORM_CHECK)].checked is True
    assert (
        found[form_id("/practices/0/sold", kind=ids.FORM_CHECK)].checked is False
    )  # the default, not written


def test_translations_sit_side_by_side_and_arabic_reads_right_to_left(sample_form):
    english, arabic = sample_form[form_id("/title", "en")], sample_form[form_id("/title", "ar")]
    assert english.value == "Brewline Rewards privacy notice"
    assert arabic.value == "إشعار الخصوصية لتطبيق مكافآت برولاين"
    assert arabic.inputProps["dir"] == "rtl" and english.inputProps["dir"] == "ltr"
    # named in the interface's language (English here); a locale it has no name for as given
    assert arabic.label == "العربية (Arabic)" and english.label == "English"
    assert sample_form[form_id("/data_categories/0/examples/1", "ar")].value == "البريد الإلكتروني"


def test_the_grid_ticks_the_pairs_the_practices_cover(sample_form):
    assert sample_form[_cell("purchases", "rewards")].checked is True
    assert sample_form[_cell("location", "rewards")].checked is False
    label = sample_form[_cell("location", "rewards")].to_plotly_json()["props"]["aria-label"]
    assert label == "Location for the store finder used for Run your rewards account"


def test_every_field_of_the_notice_is_in_one_section():
    names = [s.name for s in fields_of(PrivacyNotice)]
    assert sorted(SECTION_OF) == sorted(names)
    shown = [n for _, _, fields in SECTIONS for n in fields]
    assert len(shown) == len(set(shown))


def test_labels_and_help_come_from_the_model():
    [name] = [s for s in fields_of(type(loads_notice(SAMPLE).controller)) if s.name == "name"]
    assert name.label == "Name" and name.help == "The name people know the organisation by."
    assert name.kind == "text" and name.required


def test_only_open_sections_are_drawn():
    found = by_id(build_form(read_form(SAMPLE)))
    assert form_id("/title", "en") in found  # "The notice" is open
    assert form_id("/controller/name") not in found  # drawn when its section opens
    body = by_id(html.Div(section_body("organisation", read_form(SAMPLE))))
    assert body[form_id("/controller/name")].value == "Brewline Coffee"


# --- form -> YAML -----------------------------------------------------------------------------


def test_an_edit_keeps_the_comments_and_validates():
    edited = apply_edit(SAMPLE, "/controller/name", "", "Kettle and Bean")
    assert edited.ok and edited.changed
    assert edited.text.startswith("# Brewline Rewards: the privacy notice")
    notice = loads_notice(edited.text)
    assert notice.controller.name == "Kettle and Bean"
    changed = [
        (a, b) for a, b in zip(SAMPLE.splitlines(), edited.text.splitlines(), strict=True) if a != b
    ]
    assert changed == [("  name: Brewline Coffee", "  name: Kettle and Bean")]


def test_a_bad_value_is_refused_on_its_field_and_the_yaml_is_kept():
    answer = _send(SAMPLE, ("/controller/email", "", "privacy-at-brewline"))
    assert answer["text"] is None  # nothing to write: the editor keeps its text
    [field] = answer["errors"]
    assert field["id"]["path"] == "/controller/email"
    assert field["error"].startswith("Not applied: is not a valid e-mail address")
    edited = apply_edit(SAMPLE, "/controller/email", "", "privacy-at-brewline")
    assert [p.dotted for p in edited.problems] == ["controller.email"]


def test_a_translation_lands_under_its_locale():
    edited = apply_edit(SAMPLE, "/purposes/1/label", "ar", "الدفع")
    notice = loads_notice(edited.text)
    assert notice.purposes[1].label.root["ar"] == "الدفع"
    assert notice.purposes[1].label.root["en"] == loads_notice(SAMPLE).purposes[1].label.root["en"]


def test_a_first_translation_turns_a_plain_text_into_a_locale_map():
    edited = apply_edit(BLANK_NOTICE, "/title", "ar", "إشعار جديد")
    title = loads_notice(edited.text).title.root
    assert title == {"en": "New privacy notice", "ar": "إشعار جديد"}
    cleared = apply_edit(edited.text, "/title", "ar", "")
    assert loads_notice(cleared.text).title.root == {"en": "New privacy notice"}


def test_the_same_value_writes_nothing():
    # What stops form -> YAML -> form loops: an unchanged value is not an edit.
    assert _send(SAMPLE, ("/controller/name", "", "Brewline Coffee"))["text"] is None
    assert _send(SAMPLE, ("/practices/0/sold", "", False))["text"] is None
    assert not apply_edit(SAMPLE, "/title", "ar", "إشعار الخصوصية لتطبيق مكافآت برولاين").changed


def test_edits_of_several_fields_all_land_and_a_refused_one_stays_out():
    # The browser resends every edit not yet answered: all of them go in, in order, at once.
    answer = _send(
        SAMPLE,
        ("/controller/name", "", "Kettle and Bean"),
        ("/controller/email", "", "nope"),
        ("/practices/0/tracking", "", True),
        ("/title", "ar", "عنوان"),
        seq=7,
    )
    assert answer["seq"] == 7 and answer["sync"] == digest(answer["text"])
    notice = loads_notice(answer["text"])
    assert notice.controller.name == "Kettle and Bean" and notice.practices[0].tracking
    assert notice.title.root["ar"] == "عنوان"
    assert notice.controller.email == "privacy@brewline.example"
    assert [e["error"] is None for e in answer["errors"]] == [True, False, True, True]
    # sent again on top of its own result (its answer was late): the same text
    again = _send(answer["text"], ("/controller/name", "", "Kettle and Bean"))
    assert again["text"] is None


def test_a_crafted_edit_is_refused():
    with pytest.raises(ValueError, match="not a form field"):
        change_fields(SAMPLE, {"seq": 1, "edits": [{"id": {"type": "x"}, "value": 1}]})
    with pytest.raises(ValueError, match="seq"):
        change_fields(SAMPLE, {"edits": []})
    answer = _send(SAMPLE, ("/no_such_field", "", "x"))
    assert answer["text"] is None and "has no field 'no_such_field'" in answer["errors"][0]["error"]


def test_switches_numbers_lists_and_clearing():
    text = apply_edit(SAMPLE, "/purposes/0/surprising", "", True).text
    assert loads_notice(text).purposes[0].surprising is True
    text = apply_edit(text, "/choices/opt_outs/0/clicks", "", 3).text
    assert loads_notice(text).choices.opt_outs[0].clicks == 3
    text = apply_edit(text, "/jurisdictions", "", ["EU", "US-CA", "UK"]).text
    assert loads_notice(text).jurisdictions == ["EU", "US-CA", "UK"]
    text = apply_edit(text, "/controller/legal_name", "", "").text
    assert loads_notice(text).controller.legal_name is None
    assert "legal_name" not in text


def test_a_required_field_cannot_be_emptied():
    answer = _send(SAMPLE, ("/controller/name", "", "  "))
    assert (
        answer["text"] is None and "missing required field 'name'" in answer["errors"][0]["error"]
    )


def test_renaming_an_id_renames_its_references():
    edited = apply_edit(SAMPLE, "/data_categories/0/id", "", "contact-details")
    notice = loads_notice(edited.text)
    assert notice.data_categories[0].id == "contact-details"
    assert "contact-details" in notice.practices[0].data
    assert "{en: Name and email, ar: الاسم والبريد الإلكتروني}" in edited.text  # style kept
    assert _send(SAMPLE, ("/data_categories/0/id", "", "contact-details"))["redraw"]
    assert not _send(SAMPLE, ("/controller/name", "", "Kettle"))["redraw"]


def test_an_invalid_yaml_is_not_edited_from_the_form():
    broken = SAMPLE.replace("email: privacy@brewline.example", "email: nope", 1)
    answer = _send(broken, ("/controller/name", "", "Kettle"))
    assert answer["text"] is None and "fix them there" in answer["errors"][0]["error"]


# --- YAML -> form -----------------------------------------------------------------------------


def test_problems_of_the_yaml_are_shown_on_their_fields():
    broken = SAMPLE.replace("email: privacy@brewline.example", "email: nope", 1)
    state = read_form(broken)
    assert not state.valid
    found = by_id(build_form(state, ["organisation"]))
    email = found[form_id("/controller/email")]
    assert email.value == "nope" and "not a valid e-mail address" in email.error
    assert email.readOnly is True  # fixed in the YAML tab, where the text is


def test_a_text_that_cannot_be_read_has_no_form():
    state = read_form("title: [unclosed")
    assert state.data is None and state.problems
    assert "cannot be read" in build_form(state).children


def test_the_fingerprint_tells_texts_apart():
    assert digest(SAMPLE) == digest(SAMPLE) and digest(SAMPLE) != digest(SAMPLE + " ")


# --- lists and the grid -----------------------------------------------------------------------


def test_add_gives_a_valid_new_item_to_every_list():
    lists = [
        "/supervisory_authorities",
        "/data_categories",
        "/sources",
        "/purposes",
        "/recipients",
        "/transfers",
        "/retention",
        "/practices",
        "/automated_decisions",
        "/rights",
        "/rights/0/channels",
        "/choices/opt_outs",
        "/security/measures",
        "/commitments",
        "/reports",
        "/reports/0/requests",
        "/data_categories/0/examples",
    ]
    for pointer in lists:
        edited = add_item(SAMPLE, pointer)
        assert edited.ok, (pointer, edited.problems)
        spec, _ = spec_at(parse_pointer(pointer))
        if spec.kind == "model_list":
            assert spec.model in NEW_ITEMS
    text = add_item(SAMPLE, "/purposes").text
    text = add_item(text, "/purposes").text
    ids_ = [p.id for p in loads_notice(text).purposes]
    assert ids_[-2:] == ["purpose", "purpose-2"]


def test_remove_is_refused_while_something_refers_to_the_item():
    edited = remove_item(SAMPLE, "/data_categories/0")
    assert not edited.ok
    assert edited.message == (
        "Not removed: 'contact' is still referred to by 3 fields (practices[0].data[0], "
        "practices[4].data[0], practices[5].data[0]). Take it out there first."
    )
    assert edited.text is None  # the YAML is left as it was
    change = change_structure(SAMPLE, {"type": ids.FORM_REMOVE, "path": "/data_categories/0"}, 1)
    assert change.text is None and change.status == edited.message
    once = remove_item(SAMPLE, "/retention/0")
    assert once.message == (
        "Not removed: 'account-life' is still referred to by practices[0].retention. "
        "Take it out there first."
    )
    edited = remove_item(SAMPLE, "/commitments/0")
    assert edited.ok and len(loads_notice(edited.text).commitments) == 2


def test_a_button_that_only_appeared_does_nothing():
    change = change_structure(SAMPLE, {"type": ids.FORM_ADD, "path": "/purposes"}, None)
    assert change.text is None and not change.redraw


def test_ticking_a_cell_adds_a_practice_and_unticking_takes_it_out():
    on = toggle_cell(SAMPLE, "location", "rewards", True)
    practice = loads_notice(on.text).practices[-1]
    assert (practice.id, practice.data, practice.purposes) == (
        "location-rewards",
        ["location"],
        ["rewards"],
    )
    off = toggle_cell(on.text, "location", "rewards", False)
    assert [p.id for p in loads_notice(off.text).practices] == [
        p.id for p in loads_notice(SAMPLE).practices
    ]
    # unticking one of two categories of a practice keeps the other
    loyalty = toggle_cell(SAMPLE, "contact", "rewards", False)
    assert loads_notice(loyalty.text).practices[0].data == ["purchases"]
    assert not toggle_cell(SAMPLE, "purchases", "rewards", True).changed  # already ticked


SPLIT = BLANK_NOTICE.replace(
    "practices:\n  - id: accounts\n    data: [email]\n    purposes: [account]\n",
    """  - id: news
    label: News
    description: We send news.
practices:
  - id: accounts  # both categories for both purposes
    data: [email, name]
    purposes: [account, news]
    sold: false
    retention: year
retention:
  - {id: year, duration: P1Y}
""",
).replace(
    "    kind: contact.email\n", "    kind: contact.email\n  - id: name\n    label: Name\n", 1
)


def test_unticking_one_pair_of_a_wider_practice_splits_it_and_keeps_its_facts():
    loads_notice(SPLIT)
    edited = toggle_cell(SPLIT, "email", "news", False)
    practices = loads_notice(edited.text).practices
    assert [(p.id, p.data, p.purposes) for p in practices] == [
        ("accounts", ["name"], ["account", "news"]),
        ("accounts-email", ["email"], ["account"]),
    ]
    assert all(p.retention == "year" for p in practices)
    assert "# both categories for both purposes" in edited.text


def test_a_field_shows_its_own_problems_first():
    problems = [
        Problem("elsewhere", ("practices", 0, "data", 0)),
        Problem("mine", ("title", "ar")),
    ]
    assert field_message(problems, "/title", "ar") == "mine; practices[0].data[0]: elsewhere"
    assert field_message([], "/title") is None


# --- in the page ------------------------------------------------------------------------------


def test_the_editor_has_the_form_first_and_the_yaml_beside_it(store):
    found = by_id(build_layout(store))
    tabs = found[ids.EDITOR_TABS]
    assert tabs.value == "form" and tabs.keepMounted is True
    assert [t.value for t in walk(tabs) if type(t).__name__ == "TabsTab"] == ["form", "yaml"]
    inside = by_id(tabs)
    assert ids.EDITOR in inside and ids.FORM in inside
    assert found[ids.FORM_SYNC].data == digest(found[ids.EDITOR].value)
    assert found[form_id("/title", "en")].value == "Brewline Rewards privacy notice"


def test_a_finding_links_to_its_field():
    table = views.finding_list(
        [{"severity": "error", "path": "purposes[0].legal_basis", "message": "m", "reference": "r"}]
    )
    [link] = [c for c in walk(table) if isinstance(getattr(c, "id", None), dict)]
    assert link.id == {"type": ids.FINDING_LINK, "path": "purposes[0].legal_basis"}
    assert link.children.children == "purposes[0].legal_basis"  # shown as text
