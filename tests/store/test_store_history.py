"""The version messages the product writes itself: stored in English as before, recognised by
their exact wording and said in the interface's language; a typed message is left as typed."""

from __future__ import annotations

import re

import pytest
import store_testkit as kit
from store_testkit import SMALL, edit

from notice_builder.store import Store, history
from tests.english_left import english_left

store_url = kit.store_url
clock = kit.clock
store = kit.store

FSI, PDI = "\u2068", "\u2069"


def _ar(message: str | None, **names: dict[str, str]) -> str:
    return history.said(message, "ar", **names).replace(FSI, "").replace(PDI, "")


def test_the_store_writes_its_messages_in_english_and_they_read_in_arabic(store: Store):
    first = store.create(SMALL, author="ana")
    second = store.save(first.id, edit(SMALL, "title: {en: Acme privacy notice,", "title: {en: Acme,"),
                        expected_version=1, author="ana")  # fmt: skip
    restored = store.restore(first.id, 1, expected_version=second.version, author="ana")
    copy = store.save_as_copy(first.id, SMALL, author="ana", based_on=1)
    duplicate = store.duplicate(first.id, author="ana")
    messages = [v.message for v in store.versions(first.id)]
    assert messages == ["Created", "", "Restored v1"]
    assert restored.version_info.message == "Restored v1"
    assert copy.version_info.message == f"Saved as a copy of {first.info.slug} v1"
    assert duplicate.version_info.message == f"Duplicated from {first.info.slug} v3"
    assert _ar("Created") == "إنشاء الإشعار"
    assert _ar("Restored v1") == "استعادة الإصدار 1"
    assert _ar(copy.version_info.message) == f"حفظ كنسخة من {first.info.slug} (الإصدار 1)"
    assert _ar(duplicate.version_info.message) == f"نسخة مكرَّرة من {first.info.slug} (الإصدار 3)"


def test_the_sample_notice_is_recorded_as_one(store: Store):
    (seeded,) = store.seed_examples()
    assert seeded.version_info.message == "Sample notice"
    assert _ar(seeded.version_info.message) == "إشعار نموذجي"


@pytest.mark.parametrize(
    ("message", "arabic"),
    [
        ("Edited in the app", "تعديل في التطبيق"),
        ("New blank notice", "إشعار فارغ جديد"),
        ("New from template", "إشعار جديد من قالب"),
        ("Imported from notice (2).yaml", "استيراد من notice (2).yaml"),
        (
            "Imported from label.json (Apple App Privacy details (app_privacy_details.json))",
            "استيراد من label.json (تفاصيل خصوصية التطبيق من Apple (app_privacy_details.json))",
        ),
        (
            "Applied TILT (Transparency Information Language) from tilt.json",
            "تطبيق TILT (لغة معلومات الشفافية) من tilt.json",
        ),
    ],
)
def test_the_apps_own_messages_read_in_arabic(message: str, arabic: str):
    assert history.recognise(message) is not None
    assert _ar(message) == arabic
    assert history.said(message, "en") == message  # English shows what is stored


def test_named_values_are_said_too():
    message = history.written("template_named", template="Coffee shop example")
    assert message == "New from template: Coffee shop example"
    names = {"template": {"Coffee shop example": "مثال المقهى"}}
    assert _ar(message, **names) == "إشعار جديد من القالب: مثال المقهى"
    assert _ar(message) == "إشعار جديد من القالب: Coffee shop example"  # no words for it: as named


@pytest.mark.parametrize(
    "typed",
    ["", None, "Fixed the retention period", "Restored v0", "Restored v1 and fixed a typo",
     "created", "Edited in the app!", "أصلحتُ مدة الاحتفاظ"],
)  # fmt: skip
def test_a_message_someone_typed_is_shown_as_typed(typed):
    assert history.recognise(typed) is None
    assert history.said(typed, "ar") == (typed or "")


def test_the_apps_author_name_reads_in_arabic_and_a_persons_name_does_not_change():
    assert history.author("web_editor") == "web editor"
    assert history.said_author("web editor", "ar") == "محرّر الويب"
    assert history.said_author("web editor", "en") == "web editor"
    assert history.said_author("Ana", "ar") == "Ana"


def test_no_english_word_is_left_in_any_standard_message():
    values = {"slug": "acme", "number": 3, "template": "x", "name": "a.yaml",
              "format": "TILT (Transparency Information Language)"}  # fmt: skip
    for kind in history.KINDS:
        message = history.written(kind, **values)
        said = _ar(message)
        assert said != message, kind
        assert english_left(said, {"acme"}, sentences=False) == [], (kind, said)


def test_the_stores_messages_are_in_both_catalogues_with_the_same_values():
    from notice_builder.i18n import _catalogue

    def values(entry) -> set[str]:
        text = " ".join(entry.values()) if isinstance(entry, dict) else entry
        return set(re.findall(r"\{(\w+)\}", text))

    english, arabic = _catalogue("en"), _catalogue("ar")
    own = [k for k in english if k.startswith(("changes.", "notice_store."))]
    assert len(own) > 60
    for key in own:
        assert key in arabic, key
        assert values(english[key]) == values(arabic[key]), key
