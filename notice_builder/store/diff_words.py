"""How a change's field names and values are said: English from the model's own names, exactly as
the library has always written them; any other language from its catalogues (the form's field
labels in `fields.yaml`, the readable labels of fixed choices, `changes.value.*`).

Each object here is said only when a summary is shown, so one `Change` reads in any language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from ..i18n import FALLBACK, language, languages, t
from ..layout.facts import humanize_duration as _duration_words

_DURATION_PART = re.compile(r"(\d+)([YMWDHS])")
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}
DURATION_FIELDS = {"duration", "response_time"}
SHOWN = 80  # characters of a value quoted in a summary
CODE = re.compile(r"^[a-z]+(?:_[a-z]+)+$")  # legitimate_interests, opt_in: read as words
_NAMES = {"dpo": "DPO", "gpc": "Global Privacy Control", "url": "URL", "ccpa": "CCPA"}
_PATH = " › "  # between a field and the fields inside it, in languages other than English

# Fixed choices -> the vocabulary their readable labels come from (`option.<vocabulary>.<value>`
# in fields.yaml), by field name; "kind" depends on the list it is in.
_VOCABULARIES = {
    "legal_basis": "legal_basis",
    "art9_condition": "art9",
    "consent": "consent",
    "impact": "impact",
    "ccpa_relationship": "ccpa_relationship",
    "mechanism": "mechanism",
    "deletion": "deletion",
    "identifiability": "identifiability",
    "necessity": "necessity",
    "gdpr_special": "gdpr_special",
    "ccpa_spi": "ccpa_spi",
    "scope": "gpc_scope",
    "audience": "audience",
    "delivery_timing": "delivery_timing",
}
_KINDS = {
    "data_categories": "category",
    "sources": "source_kind",
    "purposes": "purpose",
    "recipients": "recipient",
    "rights": "right",
    "channels": "channel",
    "measures": "security",
    "commitments": "commitment",
    "requests": "request",
}
# Vocabularies whose labels the pictures' catalogues hold (as the form reads them).
_SHARED = {
    "right": "right.",
    "security": "security.",
    "recipient": "recipient.",
    "source": "source.",
}


def english(locale: str) -> bool:
    """Whether `locale` reads the English wording (English, or a language with no catalogue)."""
    lang = language(locale)
    return lang == FALLBACK or lang not in _spoken()


@cache
def _spoken() -> frozenset[str]:
    return frozenset(languages())


def _said(key: str, locale: str, **params: Any) -> str | None:
    try:
        return t(key, locale, **params)
    except KeyError:
        return None


def words(field: str) -> str:
    """'shared_for_ads' -> 'shared for ads', 'ccpa_know' -> 'CCPA know'."""
    return " ".join(_NAMES.get(part, part) for part in field.split("_"))


def humanize_duration(iso: str) -> str:
    """'P2Y' -> '2 years', 'P1Y6M' -> '1 year 6 months', 'PT1H' -> '1 hour' (English)."""
    date, _, time = iso.removeprefix("P").partition("T")
    parts = [(int(n), _UNITS[u]) for n, u in _DURATION_PART.findall(date)]
    parts += [(int(n), _TIME_UNITS[u]) for n, u in _DURATION_PART.findall(time)]
    return " ".join(f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in parts) or iso


def vocabulary(path: tuple[str, ...], field: str) -> str | None:
    """The vocabulary of the fixed choice `field` inside `path`, if it is one."""
    if field == "kind":
        return _KINDS.get(path[-1]) if path else None
    return _VOCABULARIES.get(field)


def option(vocabulary: str | None, value: str, locale: str) -> str | None:
    """The readable label of a fixed choice's value in `locale`, if a catalogue has one."""
    if vocabulary is None:
        return None
    own = _said(f"option.{vocabulary}.{value}", locale)
    if own is None and vocabulary in _SHARED:
        own = _said(f"{_SHARED[vocabulary]}{value}", locale)
    return own


@dataclass(frozen=True)
class FieldName:
    """A field as a summary names it: English words from the field's name ("retention",
    "Controller email"); elsewhere the form's label, after the labels of the fields it is in
    when `nested` ("المسؤول عن البيانات › البريد الإلكتروني")."""

    path: tuple[str, ...]
    """The field's place in the notice without list indexes, as fields.yaml names it."""
    english: str
    nested: bool = False

    def text(self, locale: str) -> str:
        if english(locale):
            return self.english
        first = 0 if self.nested else len(self.path) - 1
        return _PATH.join(self._label(i, locale) for i in range(first, len(self.path)))

    def _label(self, i: int, locale: str) -> str:
        key = "field." + ".".join(self.path[: i + 1]) + ".label"
        return _said(key, locale) or words(self.path[i])


@dataclass(frozen=True)
class Quoted:
    """Names or texts quoted as they are: 'Orders', 'Stratus Cloud' (English), «…» elsewhere."""

    values: tuple[str, ...]

    def text(self, locale: str) -> str:
        if english(locale):
            return ", ".join(f"'{v}'" for v in self.values)
        return "، ".join(t("changes.value.quoted", locale, value=v) for v in self.values)


@dataclass(frozen=True)
class Choice:
    """A fixed choice's value used as a name (a right without a label): English words from the
    value ("erasure", "CCPA know"), elsewhere its readable label."""

    english: str
    vocabulary: str
    value: str

    def text(self, locale: str) -> str:
        if english(locale):
            return self.english
        return option(self.vocabulary, self.value, locale) or self.value


Kind = Literal["yes_no", "number", "code", "duration", "list", "details", "text"]


@dataclass(frozen=True)
class Shown:
    """One value as a summary shows it: `english` as the library has always written it."""

    english: str
    kind: Kind
    value: Any
    vocabulary: str | None = None

    def text(self, locale: str) -> str:
        if english(locale):
            return self.english
        if self.kind == "yes_no":
            return t("changes.value.yes" if self.value else "changes.value.no", locale)
        if self.kind == "number":
            return self.english
        if self.kind == "details":
            return t("changes.value.details", locale)
        if self.kind == "list":
            items = Quoted(tuple(str(v) for v in self.value)).text(locale)
            return t("changes.value.list", locale, values=items)
        if self.kind == "duration":
            said = _duration_words(self.value, locale) if _whole(self.value) else self.value
            return t("changes.value.duration", locale, words=said, code=self.value)
        label = option(self.vocabulary, self.value, locale) if self.kind == "code" else None
        return t("changes.value.quoted", locale, value=label or self.value)


def _whole(iso: str) -> bool:
    """Whether the pictures' words can say `iso` (years to hours, no minutes or seconds)."""
    date, _, time = iso.removeprefix("P").partition("T")
    return bool(_DURATION_PART.findall(date + time)) and not re.search(r"[MS]", time)


def show(field: str, value: Any, shown_text: str | None, vocabulary: str | None = None) -> Shown:
    """`value` of `field` as a summary shows it; `shown_text` is a translatable text's words."""
    if isinstance(value, bool):
        return Shown("yes" if value else "no", "yes_no", value)
    if isinstance(value, int | float):
        return Shown(str(value), "number", value)
    if isinstance(value, str) and CODE.match(value):
        return Shown(repr(words(value)), "code", value, vocabulary)
    if field in DURATION_FIELDS and isinstance(value, str):
        return Shown(f"{humanize_duration(value)} ({value})", "duration", value)
    if shown_text is not None:
        value = shown_text
    elif isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return Shown("[" + ", ".join(str(v) for v in value) + "]", "list", value)
    elif isinstance(value, dict | list):
        return Shown("(details)", "details", None)
    text = str(value)
    text = text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
    # A fixed choice without an underscore ("contract", "high") still has a readable label.
    return Shown(repr(text), "code" if vocabulary else "text", text, vocabulary)
