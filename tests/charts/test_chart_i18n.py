"""The charts' words: the same keys in English and Arabic, with Arabic's six plural forms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import notice_builder.i18n as i18n

FOLDER = Path(i18n.__file__).parent
ARABIC_FORMS = {"zero", "one", "two", "few", "many", "other"}


def _catalogue(lang: str) -> dict:
    return yaml.safe_load((FOLDER / lang / "charts.yaml").read_text(encoding="utf-8"))


def _fields(entry) -> set[str]:
    texts = entry.values() if isinstance(entry, dict) else [entry]
    return {f for text in texts for f in re.findall(r"{(\w+)}", text)} - {"count"}


def test_same_keys_all_prefixed():
    en, ar = _catalogue("en"), _catalogue("ar")
    assert set(en) == set(ar)
    assert all(key.startswith("chart.") for key in en)


@pytest.mark.parametrize("key", sorted(_catalogue("en")))
def test_messages_match(key):
    en, ar = _catalogue("en")[key], _catalogue("ar")[key]
    assert _fields(en) == _fields(ar), key
    if isinstance(en, dict):
        assert set(en) == {"one", "other"}, key
        assert set(ar) == ARABIC_FORMS, key
    else:
        assert isinstance(ar, str), key


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 يوم"), (1, "يوم واحد"), (2, "يومين"), (3, "3 أيام"), (11, "11 يومًا"), (100, "100 يوم")],
)
def test_arabic_plural_forms_are_chosen(count, expected):
    assert i18n.t("chart.days", "ar", count=count) == expected
