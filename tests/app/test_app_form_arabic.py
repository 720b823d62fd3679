"""The structured form in Arabic: every field labelled and explained in Arabic (a new model field
cannot slip in untranslated), fixed choices with readable labels in both languages while the
stored value stays the id, the form's own messages in Arabic, inputs in the right direction, and
no English interface word left on the whole form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from app_testkit import by_id, form_id, walk

from notice_builder.app import ids, language
from notice_builder.app.callbacks.form import form_status, not_readable
from notice_builder.app.forms import SECTIONS, build_form, read_form
from notice_builder.app.forms.actions import change_fields, change_structure
from notice_builder.app.forms.build import mark_words
from notice_builder.app.forms.edit import parse_pointer, remove_item, said, spec_at
from notice_builder.app.forms.spec import VOCABULARIES, fields_of
from notice_builder.app.forms.words import _options, field_key, option_label, options
from notice_builder.i18n import FSI, PDI
from notice_builder.io import loads_notice
from notice_builder.model import PrivacyNotice
from notice_builder.model.vocab import CATEGORY_CODES
from notice_builder.resources import example_path
from tests.english_left import english_left

SAMPLE = example_path("coffee-shop").read_text(encoding="utf-8")
ALL_SECTIONS = [key for key, _, _ in SECTIONS]
CATALOGUES = Path(__file__).resolve().parents[2] / "notice_builder" / "i18n"
ARABIC = re.compile("[\u0600-\u06ff]")
# Besides the names every part keeps: the DPV vocabulary's prefix, as the form writes it.
KEPT = {"dpv"}


def _catalogue(lang: str, name: str) -> dict:
    return yaml.safe_load((CATALOGUES / lang / name).read_text(encoding="utf-8"))


def _model_fields(model=PrivacyNotice, prefix=()):
    """Every field the form shows, with its path from the notice (no list indexes)."""
    for spec in fields_of(model):
        path = (*prefix, spec.name)
        yield path, spec
        if spec.model is not None and spec.kind in ("model", "model_list"):
            yield from _model_fields(spec.model, path)


def _interface_words(tree) -> list[str]:
    """Every string the form says in its own voice: labels, help, placeholders, names for
    screen readers, titles, buttons, marks, the labels of fixed choices. Left out: what the
    notice itself says (input values, item titles, the grid's category and purpose headings,
    the notice's own ids offered in a pick); `english_left` takes out the values filled into a
    sentence (isolated)."""
    said_here = []
    for c in walk(tree):
        props = c.to_plotly_json()["props"]
        if props.get("className") == "form-item-title" or type(c).__name__ == "Th":
            continue
        for name in ("label", "description", "placeholder", "aria-label", "error"):
            if isinstance(props.get(name), str):
                said_here.append(props[name])
        children = props.get("children")
        for child in children if isinstance(children, list | tuple) else [children]:
            if isinstance(child, str):
                said_here.append(child)
        if isinstance(getattr(c, "id", None), dict) and isinstance(props.get("data"), list):
            spec, _ = spec_at(parse_pointer(c.id["path"]))
            if spec.kind in ("select", "multiselect"):
                said_here += [option["label"] for option in props["data"]]
    return said_here


@pytest.fixture(scope="module")
def arabic_form():
    with language.using("ar"):
        return build_form(read_form(SAMPLE), ALL_SECTIONS, {"ar": "العربية"})


# --- the catalogue covers the model ---------------------------------------------------------------


def test_every_field_the_form_shows_has_an_arabic_label_and_help():
    fields = _catalogue("ar", "fields.yaml")
    missing, english = [], []
    for path, spec in _model_fields():
        key = f"field.{field_key(path)}"
        for part, wanted in (("label", True), ("help", bool(spec.help))):
            text = fields.get(f"{key}.{part}")
            if wanted and not text:
                missing.append(f"{key}.{part}")
            elif text and not ARABIC.search(text) and english_left(text, KEPT):  # "Google Play"
                english.append(f"{key}.{part}")
    assert missing == [], "fields of the model without Arabic words in ar/fields.yaml"
    assert english == [], "Arabic entries left in English"


def test_the_arabic_field_words_name_only_fields_that_exist():
    paths = {f"field.{field_key(path)}" for path, _ in _model_fields()}
    written = {
        k.rsplit(".", 1)[0] for k in _catalogue("ar", "fields.yaml") if k.startswith("field.")
    }
    assert sorted(written - paths) == [], "stale keys: the model has no such field"


def test_every_fixed_choice_has_a_readable_label_in_both_languages():
    for path, spec in _model_fields():
        if spec.kind not in ("select", "multiselect"):
            continue
        assert spec.vocabulary, f"{field_key(path)}: no vocabulary for its labels"
        for lang in ("en", "ar"):
            labels = [o["label"] for o in options(spec, lang)]
            assert len(set(labels)) == len(labels), (field_key(path), lang)
            for value, label in zip(spec.options, labels, strict=True):
                assert label != value or value.isupper(), (field_key(path), lang, value)
                if lang == "ar":
                    assert ARABIC.search(label), (field_key(path), value, label)


def test_the_option_labels_of_both_languages_are_the_same_set_and_all_used():
    en = {k for k in _catalogue("en", "fields.yaml") if k.startswith("option.")}
    ar_all = _catalogue("ar", "fields.yaml")
    ar = {k for k in ar_all if k.startswith("option.")}
    # Canonical categories and purposes are English in the crosswalk, Arabic in fields.yaml.
    crosswalk = {k for k in ar if k.startswith(("option.category.", "option.purpose."))}
    assert sorted(ar - crosswalk - en) == [] and sorted(en - ar) == []
    vocabularies = set(VOCABULARIES.values())
    used = {"option.none"} | {
        f"option.{vocabulary}.{value}"
        for path, spec in _model_fields()
        if (vocabulary := spec.vocabulary)
        for value in spec.options
    }
    assert {k.split(".")[1] for k in ar if k != "option.none"} <= vocabularies
    assert sorted(ar - used) == [] and sorted(crosswalk) == sorted(
        k for k in used if k.startswith(("option.category.", "option.purpose."))
    )


def test_the_gdpr_and_ccpa_rights_with_the_same_words_are_told_apart():
    [(_, rights)] = [(p, s) for p, s in _model_fields() if field_key(p) == "rights.kind"]
    labels = {o["value"]: o["label"] for o in options(rights, "en")}
    assert labels["erasure"] == "Delete your data (GDPR)"
    assert labels["ccpa_delete"] == "Delete your data (CCPA)"
    assert labels["access"] == "See your data"  # the pictures' words, where they are enough
    arabic = {o["value"]: o["label"] for o in options(rights, "ar")}
    assert arabic["ccpa_correct"] == "تصحيح بياناتك (CCPA)"
    assert arabic["access"] == "الاطلاع على بياناتك"
    # any other repeat is told apart by the ids
    assert _options("request", ("other", "other"), "en") == (
        ("other", "Other (other)"),
        ("other", "Other (other)"),
    )


# --- the form drawn in Arabic ----------------------------------------------------------------


def test_no_english_interface_word_is_left_on_the_arabic_form(arabic_form):
    texts = _interface_words(arabic_form)
    assert len(texts) > 300  # the scan reached every section's fields
    assert english_left("\n".join(texts), KEPT) == []
    # the scan does see English: the same form in English is full of it
    english = _interface_words(build_form(read_form(SAMPLE), ALL_SECTIONS))
    assert {"Controller", "Purposes", "Add", "Remove", "shared"} <= set(
        english_left("\n".join(english), KEPT)
    )


def test_fields_are_labelled_and_explained_in_arabic(arabic_form):
    found = by_id(arabic_form)
    name = found[form_id("/controller/name")]
    assert (name.label, name.description) == ("الاسم", "الاسم الذي يعرف به الناسُ الجهة.")
    second = f"{FSI}أمثلة{PDI}، البند {FSI}2{PDI}"  # the second example of a category
    example = found[form_id("/data_categories/0/examples/1", "ar")]
    assert (
        example.to_plotly_json()["props"]["aria-label"] == f"{FSI}{second}{PDI} (بلغة {FSI}ar{PDI})"
    )
    legends = [c.children for c in walk(arabic_form) if type(c).__name__ == "Legend"]
    assert "العنوان *" in legends and f"{second} *" in legends and "المسؤول عن البيانات" in legends


def test_choices_show_arabic_labels_and_keep_the_id(arabic_form):
    basis = by_id(arabic_form)[form_id("/purposes/0/legal_basis")]
    assert basis.value == "contract"
    assert {"value": "contract", "label": "العقد"} in basis.data
    kind = by_id(arabic_form)[form_id("/data_categories/0/kind")]
    shown = {o["value"]: o["label"] for o in kind.data}
    assert shown["contact.email"] == "عنوان البريد الإلكتروني"
    with language.using("en"):
        english = by_id(build_form(read_form(SAMPLE), ["purposes", "data"]))
    assert {"value": "contract", "label": "Contract"} in english[
        form_id("/purposes/0/legal_basis")
    ].data
    categories = {o["value"]: o["label"] for o in english[form_id("/data_categories/0/kind")].data}
    assert categories["contact.email"] == CATEGORY_CODES["contact.email"].label == "Email address"


def test_a_default_is_named_in_the_interface_language(arabic_form):
    found = by_id(arabic_form)
    necessity = found[form_id("/practices/0/necessity")]
    assert necessity.placeholder == f"الافتراضي: {FSI}مطلوبة{PDI}"
    with language.using("en"):
        english = by_id(build_form(read_form(SAMPLE), ["practices"]))
    assert english[form_id("/practices/0/necessity")].placeholder == "default: Required"


def test_links_numbers_dates_and_ids_stay_left_to_right(arabic_form):
    found = by_id(arabic_form)

    def direction(path: str, locale: str = "") -> str:
        return found[form_id(path, locale)].inputProps["dir"]

    assert direction("/title", "ar") == "rtl" and direction("/title", "en") == "ltr"
    for ltr in ("/controller/email", "/controller/url", "/effective_date", "/id"):
        assert direction(ltr) == "ltr", ltr
    assert direction("/choices/opt_outs/0/clicks") == "ltr"  # a number
    assert direction("/retention/0/duration") == "ltr"  # P2Y
    assert direction("/controller/name") == "auto"  # a name reads as it is written


def test_the_grid_and_the_lists_speak_arabic(arabic_form):
    marks = [
        c for c in walk(arabic_form) if str(getattr(c, "className", "")).startswith("grid-mark ")
    ]
    assert marks and {m.children for m in marks} <= set(mark_words_ar())
    assert any(m.className == "grid-mark mark-shared" and m.children == "مشارَكة" for m in marks)
    buttons = [
        c.children
        for c in walk(arabic_form)
        if type(c).__name__ == "Button" and isinstance(c.children, str)
    ]
    assert "إزالة" in buttons and f"إضافة إلى {FSI}الأغراض{PDI}" in buttons


def test_the_notices_own_words_are_shown_in_the_interface_language_when_it_has_them(
    arabic_form,
):
    notice = loads_notice(SAMPLE)
    headings = [c.children for c in walk(arabic_form) if type(c).__name__ == "Th"]
    assert notice.data_categories[1].label.root["ar"] in headings
    assert notice.purposes[0].label.root["ar"] in headings
    assert notice.purposes[0].label.root["en"] not in headings
    practices = by_id(arabic_form)[form_id("/practices/0/purposes")]
    assert {o["value"]: o["label"] for o in practices.data}["rewards"] == (
        f"{notice.purposes[0].label.root['ar']} (rewards)"
    )


def test_cards_named_by_their_kind_are_named_in_the_interface_language(arabic_form):
    titles = [
        c.children for c in walk(arabic_form) if getattr(c, "className", None) == "form-item-title"
    ]
    assert "الاطلاع على بياناتك" in titles and "access" not in titles  # rights[0]
    assert "داخل التطبيق" in titles  # a channel of a right: in_app
    assert "account-life" in titles  # an id stays as written
    with language.using("en"):
        english = build_form(read_form(SAMPLE), ["rights"])
    shown = [
        c.children for c in walk(english) if getattr(c, "className", None) == "form-item-title"
    ]
    assert "See your data" in shown


def mark_words_ar() -> list[str]:
    with language.using("ar"):
        return list(mark_words().values())


def test_locale_inputs_are_named_in_the_interface_language(arabic_form):
    found = by_id(arabic_form)
    assert found[form_id("/title", "en")].label == "الإنجليزية"
    assert found[form_id("/title", "ar")].label == "العربية"
    with language.using("en"):
        english = by_id(build_form(read_form(SAMPLE), None, {"fr": "Français"}))
    assert english[form_id("/title", "ar")].label == "العربية (Arabic)"
    assert english[form_id("/title", "en")].label == "English"


# --- the form's messages in Arabic --------------------------------------------------------------


def test_removing_an_item_still_referred_to_is_refused_in_arabic():
    with language.using("ar"):
        once = remove_item(SAMPLE, "/retention/0")
        three = change_structure(SAMPLE, {"type": ids.FORM_REMOVE, "path": "/data_categories/0"}, 1)
    assert once.message == (
        f"لم يُحذَف: ما زال {FSI}practices[0].retention{PDI} يشير إلى «{FSI}account-life{PDI}». "
        "أزِل الإشارة هناك أولًا."
    )
    assert three.text is None and three.status.startswith("لم يُحذَف: ما زالت 3 حقول (")
    assert english_left(three.status, KEPT) == []


def test_a_refused_edit_says_so_in_arabic():
    with language.using("ar"):
        answer = change_fields(
            SAMPLE,
            {
                "seq": 1,
                "edits": [
                    {
                        "id": {"type": ids.FORM_VALUE, "path": "/controller/email", "locale": ""},
                        "value": "privacy-at-brewline",
                    }
                ],
            },
        )
    [field] = answer["errors"]
    assert field["error"].startswith(f"لم يُطبَّق: {FSI}")


def test_the_status_lines_speak_arabic_with_its_plural_forms():
    one = read_form(SAMPLE.replace("email: privacy@brewline.example", "email: nope", 1))
    two = read_form(
        SAMPLE.replace("email: privacy@brewline.example", "email: nope", 1).replace(
            "country: IE", "country: ireland", 1
        )
    )
    unreadable = read_form("title: [unclosed")
    with language.using("ar"):
        assert form_status(one).startswith("في نص YAML مشكلة واحدة")
        assert form_status(two).startswith("في نص YAML مشكلتان")
        assert not_readable(unreadable).startswith("تعذّرت قراءة نص YAML (")
        broken = by_id(build_form(one, ["organisation"]))
    assert form_status(one).startswith("The YAML has 1 problem: it is shown on its field.")
    assert form_status(two).startswith("The YAML has 2 problems: each is shown")
    email = broken[form_id("/controller/email")]
    assert email.error == said(one.problems[0], "ar") and email.readOnly is True


def test_option_labels_fall_back_to_english_then_to_the_id():
    assert option_label("legal_basis", "contract", "fr") == "Contract"
    assert option_label("legal_basis", "not-a-basis", "ar") == "not-a-basis"
    assert option_label("right", "access", "ar") == "الاطلاع على بياناتك"
