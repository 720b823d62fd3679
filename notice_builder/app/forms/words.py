"""The form's words in the interface's language: each field's label and help, and the readable
labels of fixed choices.

English comes from the model itself (the field's name and `description`), so there is one English
source. Another language reads `field.<path>.label` and `field.<path>.help` from its catalogue
(`i18n/<lang>/fields.yaml`), where the path is the field's place in the notice without list
indexes (`practices.data`, `controller.address.city`); a missing translation shows the English.

A choice's label is `option.<vocabulary>.<value>` when fields.yaml has one, else the words the
pictures already use for it (rights, security measures, recipients, data sources, request kinds),
else the crosswalk's (canonical data categories and purposes, in English). The value stored in
the notice is always the id.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from ...i18n import language, t
from ...model.vocab import CATEGORY_CODES, PURPOSE_CODES
from .spec import FieldSpec

# Vocabularies whose labels the pictures' catalogues already hold (layout.yaml, common.yaml,
# charts.yaml); the others are `option.<vocabulary>.` in fields.yaml.
SHARED_PREFIXES = {
    "right": "right.",
    "security": "security.",
    "recipient": "recipient.",
    "source": "source.",
    "request": "chart.kind.",
}
# English labels of the canonical kinds, from the crosswalk CSVs (their single source).
CROSSWALK = {
    "category": {k: v.label for k, v in CATEGORY_CODES.items()},
    "purpose": {k: v.label for k, v in PURPOSE_CODES.items()},
}


def field_key(path: Sequence[str | int]) -> str:
    """`("practices", 2, "data")` -> `practices.data`: the catalogue's name for a field."""
    return ".".join(part for part in path if isinstance(part, str))


def _translated(key: str, lang: str) -> str | None:
    try:
        return t(key, lang)
    except KeyError:  # not in this language nor in English: the caller has the English
        return None


@functools.lru_cache(maxsize=4096)
def _field_words(key: str, lang: str, label: str, description: str) -> tuple[str, str]:
    if language(lang) == "en":
        return label, description
    said = _translated(f"field.{key}.label", lang) or label
    explained = _translated(f"field.{key}.help", lang) or description
    return said, explained if description else ""


def field_words(spec: FieldSpec, path: Sequence[str | int], lang: str) -> tuple[str, str]:
    """The label and help of the field `spec` at `path`, in `lang`."""
    return _field_words(field_key(path), lang, spec.label, spec.help)


def option_label(vocabulary: str, value: str, lang: str) -> str:
    """The readable label of one value of a fixed choice, in `lang`."""
    if language(lang) == "en" and vocabulary in CROSSWALK:
        return CROSSWALK[vocabulary].get(value, value)
    # The form's own words first: where the pictures say the same for two values ("Delete
    # your data" is the GDPR and the CCPA right), the form tells them apart.
    own = _translated(f"option.{vocabulary}.{value}", lang)
    if own or vocabulary not in SHARED_PREFIXES:
        return own or value
    return _translated(f"{SHARED_PREFIXES[vocabulary]}{value}", lang) or value


@functools.lru_cache(maxsize=256)
def _options(vocabulary: str, values: tuple[str, ...], lang: str) -> tuple[tuple[str, str], ...]:
    labels = [option_label(vocabulary, v, lang) for v in values]
    # A safety net: two values that came out with the same words are told apart by their ids
    # (a select offering "Other" twice could not be answered).
    repeated = {label for label in labels if labels.count(label) > 1}
    return tuple(
        (value, f"{label} ({value})" if label in repeated else label)
        for value, label in zip(values, labels, strict=True)
    )


def options(spec: FieldSpec, lang: str) -> list[dict[str, str]]:
    """A select's choices: the stored value and its label in `lang`."""
    if spec.vocabulary is None:
        return [{"value": v, "label": v} for v in spec.options]
    return [
        {"value": v, "label": label} for v, label in _options(spec.vocabulary, spec.options, lang)
    ]


def shown_value(spec: FieldSpec, value: Any, lang: str) -> str:
    """A value as the form names it (a default in a placeholder, for example)."""
    if spec.vocabulary is not None and isinstance(value, str):
        return option_label(spec.vocabulary, value, lang)
    return str(value)


__all__ = ["field_key", "field_words", "option_label", "options", "shown_value"]
