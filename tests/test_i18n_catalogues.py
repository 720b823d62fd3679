"""Every catalogue, not only the app's: what English can say, Arabic can say too, with the same
values filled in, in Arabic words and with every Arabic plural form."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml

FOLDER = Path(__file__).resolve().parents[1] / "notice_builder" / "i18n"
# "zero" may be left out: Arabic says 0 with the "other" form ("0 سنة").
ARABIC_PLURALS = {"one", "two", "few", "many", "other"}
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


def _catalogue(lang: str) -> dict[str, tuple[object, str]]:
    merged = {}
    for path in sorted((FOLDER / lang).glob("*.yaml")):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            merged[key] = (value, path.name)
    return merged


EN, AR = _catalogue("en"), _catalogue("ar")


def _texts(value) -> list[str]:
    return list(value.values()) if isinstance(value, dict) else [value]


def _fields(value) -> set[str]:
    names = set()
    for text in _texts(value):
        try:
            names |= {name for _, name, _, _ in string.Formatter().parse(text) if name}
        except ValueError:  # a message with no values may hold a literal brace: "',' or '}'"
            continue
    return names - {"count"}


def test_every_english_message_has_an_arabic_one_in_the_same_file():
    missing = [f"{name}: {key}" for key, (_, name) in EN.items() if key not in AR]
    assert not missing
    moved = [key for key, (_, name) in EN.items() if AR[key][1] != name]
    assert not moved


@pytest.mark.parametrize("key", sorted(EN))
def test_arabic_fills_in_only_values_english_has(key):
    # Arabic may leave one out ("the imported label" for "the {title}"), never invent one.
    assert _fields(AR[key][0]) <= _fields(EN[key][0])


def test_arabic_messages_are_arabic_and_take_every_plural_form():
    not_arabic, plurals = [], []
    for key, (value, _) in AR.items():
        texts = _texts(value)
        words = [re.sub(r"\{[^}]*\}|\b(?:Apple|Google|Play)\b", "", t) for t in texts]
        if any(re.search(r"[^\W\d_]", w) and not ARABIC_LETTER.search(w) for w in words):
            not_arabic.append(key)
        if isinstance(value, dict) and not set(value) >= ARABIC_PLURALS:
            plurals.append(key)
    assert not not_arabic
    assert not plurals
