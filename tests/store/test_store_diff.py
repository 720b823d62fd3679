"""What changed between versions, by area, read from the models rather than the text."""

from __future__ import annotations

import itertools

import pytest
import store_testkit as kit
from store_testkit import SMALL, edit, sample_text

from notice_builder.i18n import FSI, PDI
from notice_builder.io import loads_notice
from notice_builder.resources import example_names, example_path
from notice_builder.store import AREAS, Change, Store, diff_notices
from tests.english_left import english_left, plain

store_url = kit.store_url
clock = kit.clock
store = kit.store


def _changes(a: str, b: str) -> list[Change]:
    return diff_notices(loads_notice(a), loads_notice(b))


def _summaries(changes: list[Change]) -> list[str]:
    return [c.summary for c in changes]


def test_diff_between_two_saved_versions(store: Store):
    v1 = sample_text()
    v2 = edit(v1, "label: {en: Purchases, ar: المشتريات}", "label: {en: Orders, ar: الطلبات}")
    v2 = edit(
        v2,
        "  - id: mailwave\n    name: Mailwave\n",
        "  - id: adco\n    name: AdCo Media\n    kind: advertising_partner\n"
        "  - id: mailwave\n    name: Mailwave\n",
    )
    v2 = edit(v2, "    label: {en: 1 year, ar: سنة واحدة}\n    duration: P1Y", "    duration: P2Y")
    draft = store.create(v1, author="ana")
    store.save(draft.id, v2, expected_version=1, author="bo")

    changes = store.diff(draft.id, 1, 2)
    by_area = {(c.area, c.kind, c.item): c for c in changes}

    renamed = by_area["data categories", "renamed", "purchases"]
    assert renamed.summary == "Data category 'Purchases' renamed to 'Orders'"
    assert renamed.field == "label"
    assert renamed.before == {"en": "Purchases", "ar": "المشتريات"}

    added = by_area["sharing", "added", "adco"]
    assert added.summary == "Recipient 'AdCo Media' added"
    assert added.after["kind"] == "advertising_partner"

    retention = by_area["retention", "changed", "one-year"]
    assert retention.field == "duration"
    assert (retention.before, retention.after) == ("P1Y", "P2Y")
    assert "duration changed from 1 year (P1Y) to 2 years (P2Y)" in retention.summary
    assert {c.area for c in changes} == {"data categories", "sharing", "retention"}

    # The other way round reads as the opposite.
    back = _summaries(store.diff(draft.id, 2, 1))
    assert "Data category 'Orders' renamed to 'Purchases'" in back
    assert "Recipient 'AdCo Media' removed" in back
    assert store.diff(draft.id, 2, 2) == []


def test_formatting_and_comments_are_not_changes():
    moved = edit(SMALL, "# Acme's notice: reviewed by legal on 2026-02-01.\n", "")
    moved = edit(moved, "duration: P2Y   # tax law", "duration: 'P2Y'")
    moved = edit(moved, "jurisdictions: [EU]", "jurisdictions:\n  - EU")
    assert _changes(SMALL, moved) == []


def test_sharing_flags_and_recipients_of_a_practice():
    sold = edit(SMALL, "    retention: two-years\n", "    retention: two-years\n    sold: true\n")
    sold = edit(sold, "    recipients: [host]\n", "    recipients: []\n")
    changes = _changes(SMALL, sold)
    assert [(c.area, c.kind, c.item) for c in changes] == [
        ("sharing", "changed", "accounts"),
        ("sharing", "changed", "accounts"),
    ]
    assert _summaries(changes) == [
        "Practice 'accounts': recipients removed 'Hosty'",
        "Practice 'accounts' is now sold",
    ]
    ads = edit(
        SMALL, "    retention: two-years\n", "    retention: two-years\n    shared_for_ads: true\n"
    )
    assert _summaries(_changes(ads, SMALL)) == [
        "Practice 'accounts' is no longer shared for cross-context advertising"
    ]


def test_purposes_rights_and_other_fields():
    b = edit(SMALL, "    legal_basis: contract", "    legal_basis: legitimate_interests")
    b = edit(b, "title: {en: Acme privacy notice,", "title: {en: Acme notice,")
    b += "rights:\n  - kind: access\n    response_time: P30D\n"
    b = edit(b, "  email: privacy@acme.example", "  email: dpo@acme.example")
    changes = _changes(SMALL, b)
    assert [c.area for c in changes] == ["purposes", "rights", "other", "other"]
    assert _summaries(changes) == [
        "Purpose 'Your account': legal basis changed from 'contract' to 'legitimate interests'",
        "Right 'access' added",
        "Title changed from 'Acme privacy notice' to 'Acme notice'",
        "Controller email changed from 'privacy@acme.example' to 'dpo@acme.example'",
    ]
    assert [AREAS.index(c.area) for c in changes] == sorted(AREAS.index(c.area) for c in changes)


def test_a_translation_only_change_is_not_a_rename():
    b = edit(SMALL, "label: {en: Orders, ar: الطلبات}", "label: {en: Orders, ar: المشتريات}")
    (change,) = _changes(SMALL, b)
    assert change.kind == "changed"
    assert change.summary == "Data category 'Orders': label translations changed"


def test_removed_and_added_categories_and_references():
    b = edit(
        SMALL,
        "  - id: orders\n    label: {en: Orders, ar: الطلبات}\n    kind: commercial.purchases\n",
        "  - id: location\n    label: {en: Location, ar: الموقع}\n    kind: location.precise\n",
    )
    b = edit(b, "data: [email, orders]", "data: [email, location]")
    assert _summaries(_changes(SMALL, b)) == [
        "Data category 'Orders' removed",
        "Data category 'Location' added",
        "Practice 'accounts': data added 'Location'; removed 'Orders'",
    ]


def test_changes_serialise():
    b = edit(SMALL, "duration: P2Y   # tax law", "duration: P18M")
    (change,) = _changes(SMALL, b)
    assert change.as_dict() == {
        "area": "retention",
        "kind": "changed",
        "item": "two-years",
        "summary": "Retention rule 'two-years': duration changed from 2 years (P2Y) to 18 months (P18M)",
        "field": "duration",
        "before": "P2Y",
        "after": "P18M",
    }
    assert str(change) == change.summary


@pytest.mark.parametrize(
    ("iso", "words"),
    [("P1Y", "1 year"), ("P18M", "18 months"), ("P1Y6M", "1 year 6 months"), ("PT1H", "1 hour")],
)
def test_durations_in_words(iso, words):
    from notice_builder.store.diff import humanize_duration

    assert humanize_duration(iso) == words


# --- the same changes in Arabic --------------------------------------------------------------


def _arabic(a: str, b: str) -> list[str]:
    return [plain(c.text("ar")) for c in _changes(a, b)]


def test_field_changes_read_in_arabic_with_their_values_isolated():
    b = edit(SMALL, "duration: P2Y   # tax law", "duration: P18M")
    (change,) = _changes(SMALL, b)
    said = change.text("ar")
    assert plain(said) == (
        "قاعدة الاحتفاظ «two-years» › المدة: تغيّرت القيمة من «سنتان» (P2Y) إلى «18 شهرًا» (P18M)"
    )
    assert f"{FSI}«سنتان» (P2Y){PDI}" in said  # each value keeps its own direction
    assert change.as_dict("ar")["summary"] == said
    assert change.summary == change.text("en") == change.as_dict()["summary"]


def test_flags_references_and_choices_in_arabic():
    sold = edit(SMALL, "    retention: two-years\n", "    retention: two-years\n    sold: true\n")
    sold = edit(sold, "    recipients: [host]\n", "    recipients: []\n")
    assert _arabic(SMALL, sold) == [
        "الممارسة «accounts» › المستلمون: حُذف «Hosty»",
        "الممارسة «accounts»: البيانات تُباع الآن",
    ]
    basis = edit(SMALL, "    legal_basis: contract", "    legal_basis: legitimate_interests")
    # A fixed choice reads as the form's label for it, not as its id.
    assert _arabic(SMALL, basis) == [
        "الغرض «Your account» › الأساس القانوني: تغيّرت القيمة من «العقد» إلى «المصالح المشروعة»"
    ]


def test_top_level_fields_name_the_fields_they_are_in():
    b = edit(SMALL, "  email: privacy@acme.example", "  email: dpo@acme.example")
    b = edit(b, "jurisdictions: [EU]", "jurisdictions: [EU, UK]")
    assert _arabic(SMALL, b) == [
        "الولايات القضائية: أُضيف «UK»",
        "المسؤول عن البيانات › البريد الإلكتروني: تغيّرت القيمة من «privacy@acme.example»"
        " إلى «dpo@acme.example»",
    ]
    assert _summaries(_changes(SMALL, b)) == [
        "Jurisdictions added 'UK'",
        "Controller email changed from 'privacy@acme.example' to 'dpo@acme.example'",
    ]


def test_added_removed_renamed_and_translations_in_arabic():
    b = edit(SMALL, "label: {en: Orders, ar: الطلبات}", "label: {en: Purchases, ar: الطلبات}")
    b = edit(b, "  - id: email\n    label: {en: Email, ar: البريد}\n    kind: contact.email\n", "")
    b = edit(b, "data: [email, orders]", "data: [orders]")
    b += "rights:\n  - kind: erasure\n"
    c = edit(SMALL, "label: {en: Orders, ar: الطلبات}", "label: {en: Orders, ar: المشتريات}")
    assert _arabic(SMALL, b) == [
        "حذف فئة البيانات «Email»",
        "إعادة تسمية فئة البيانات «Orders» إلى «Purchases»",
        "إضافة الحق «حذف بياناتك (GDPR)»",
        "الممارسة «accounts» › فئات البيانات: حُذف «Email»",
    ]
    assert _arabic(SMALL, c) == ["فئة البيانات «Orders» › التسمية: تغيّرت الترجمات"]


def test_no_english_interface_word_in_any_arabic_summary():
    """Every change between the examples, both ways, said in Arabic: the only Latin left is the
    notices' own content (quoted) and a short list of legal and format names."""
    texts = {name: example_path(name).read_text(encoding="utf-8") for name in example_names()}
    said = [
        plain(change.text("ar"))
        for a, b in itertools.permutations(texts.values(), 2)
        for change in _changes(a, b)
    ]
    assert len(said) > 500
    left = {s: english_left(s, quoted=True) for s in said if english_left(s, quoted=True)}
    assert left == {}
