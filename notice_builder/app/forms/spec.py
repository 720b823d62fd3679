"""What the form shows for each field, read once from the pydantic model.

Each field of a model becomes a `FieldSpec`: its label, its help text (the field's description),
and the kind of input that fits its type: text, a paragraph, translatable text (one input per
locale), a select for a `Literal`, a switch for a bool, a number, a tag list, a pick from the
notice's own ids, a nested group, or a list of groups with add and remove. Label and help here
are the English ones; `words` gives them in the interface's language.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from annotated_types import MaxLen
from pydantic import AfterValidator, BaseModel

from ...model import (
    AutomatedDecision,
    Channel,
    Codes,
    Commitment,
    DataCategory,
    DataPractice,
    DataSource,
    GlobalPrivacyControl,
    OptOut,
    Presentation,
    PrivacyNotice,
    PrivacyReport,
    Purpose,
    Recipient,
    RequestFigures,
    RetentionRule,
    Right,
    SecurityMeasure,
    SupervisoryAuthority,
    Transfer,
)
from ...model.base import Duration
from ...model.text import Email, LongText, Phone, Text, Url, clean_text, refuse_bidi_controls

Kind = Literal[
    "text",  # one line
    "paragraph",  # several lines
    "translatable",  # Text: one input per locale
    "translatable_long",  # LongText: one textarea per locale
    "select",  # a Literal
    "multiselect",  # a list of Literal values
    "tags",  # a list of free strings (locales, countries, certifications)
    "switch",  # a bool
    "number",  # an int or a float
    "date",  # YYYY-MM-DD
    "ref",  # the id of another item of the notice
    "ref_list",  # ids of other items
    "model",  # a nested group of fields
    "model_list",  # a list of groups, with add and remove
    "text_list",  # a list of translatable texts (examples, highlights)
]

# Fields holding ids of other items: (model, field) -> the notice's list they point into.
REFERENCES: dict[tuple[type[BaseModel], str], str] = {
    (DataCategory, "sources"): "sources",
    (DataPractice, "data"): "data_categories",
    (DataPractice, "purposes"): "purposes",
    (DataPractice, "recipients"): "recipients",
    (DataPractice, "retention"): "retention",
    (DataPractice, "automated_decision"): "automated_decisions",
    (Transfer, "recipients"): "recipients",
    (OptOut, "purposes"): "purposes",
}

# Fixed choices (a `Literal`) -> the vocabulary their readable labels come from (see `words`).
VOCABULARIES: dict[tuple[type[BaseModel], str], str] = {
    (DataCategory, "kind"): "category",
    (DataCategory, "source"): "source",
    (DataCategory, "gdpr_special"): "gdpr_special",
    (DataCategory, "ccpa_spi"): "ccpa_spi",
    (Codes, "ccpa"): "ccpa",
    (DataSource, "kind"): "source_kind",
    (Purpose, "kind"): "purpose",
    (Purpose, "legal_basis"): "legal_basis",
    (Purpose, "art9_condition"): "art9",
    (Purpose, "consent"): "consent",
    (Purpose, "impact"): "impact",
    (Recipient, "kind"): "recipient",
    (Recipient, "ccpa_relationship"): "ccpa_relationship",
    (Transfer, "mechanism"): "mechanism",
    (RetentionRule, "deletion"): "deletion",
    (DataPractice, "identifiability"): "identifiability",
    (DataPractice, "necessity"): "necessity",
    (DataPractice, "consent"): "consent",
    (Right, "kind"): "right",
    (Channel, "kind"): "channel",
    (GlobalPrivacyControl, "scope"): "gpc_scope",
    (SecurityMeasure, "kind"): "security",
    (Commitment, "kind"): "commitment",
    (RequestFigures, "kind"): "request",
    (Presentation, "audience"): "audience",
    (Presentation, "delivery_timing"): "delivery_timing",
}

# Values written left to right whatever the interface's direction: links, addresses, numbers,
# ids and codes. Found by their validators (a pattern, or the check of a link, an e-mail, a phone
# or a duration), plus two free strings that are codes.
_CLEANERS = {AfterValidator(clean_text), AfterValidator(refuse_bidi_controls)}
_LTR_CHECKS = {
    m
    for tp in (Url, Email, Phone, Duration)
    for m in typing.get_args(tp)[1:]
    if isinstance(m, AfterValidator) and m not in _CLEANERS
}
LTR_FIELDS: frozenset[tuple[type[BaseModel], str]] = frozenset(
    {(PrivacyReport, "period"), (Codes, "apple")}
)

# Words people read better than the field name; the rest is the name with spaces.
LABELS: dict[str, str] = {
    "id": "Id",
    "url": "Link",
    "dpo": "Data protection officer",
    "gdpr_special": "GDPR special category",
    "ccpa_spi": "CCPA sensitive information",
    "ccpa_relationship": "CCPA relationship",
    "gdpr_consent_age": "GDPR age of consent",
    "art9_condition": "Art. 9(2) condition",
    "gpc": "Global Privacy Control",
    "do_not_sell_or_share_url": "“Do Not Sell or Share” link",
    "limit_spi_url": "“Limit sensitive information” link",
    "spi_used_beyond_permitted": "Sensitive information used beyond permitted purposes",
    "sells_or_shares_under_16": "Sells or shares data of people under 16",
    "shared_for_ads": "Shared for cross-context ads",
    "sold": "Sold (CCPA)",
    "data": "Data categories",
    "effective_date": "Effective date",
    "contact_form_url": "Contact form link",
    "copy_available_at": "Copy available at",
    "apple": "Apple",
    "google": "Google Play",
    "ccpa": "CCPA categories",
    "dpv": "DPV concepts",
    "median_days": "Median days",
}
_ACRONYMS = {"gdpr": "GDPR", "ccpa": "CCPA", "url": "link", "dpo": "DPO", "spi": "SPI"}


def label_of(name: str) -> str:
    if name in LABELS:
        return LABELS[name]
    words = [_ACRONYMS.get(w, w) for w in name.split("_")]
    text = " ".join(words)
    return text[0].upper() + text[1:]


@dataclass(frozen=True)
class FieldSpec:
    """One field of a model as the form shows it."""

    name: str
    label: str
    help: str
    kind: Kind
    required: bool
    default: Any = None
    options: tuple[str, ...] = ()  # for select and multiselect
    model: type[BaseModel] | None = None  # for model and model_list
    target: str | None = None  # for ref and ref_list: the notice's list of ids
    vocabulary: str | None = None  # for select and multiselect: where the labels come from
    ltr: bool = False  # written left to right in any interface (links, numbers, ids, codes)


def _unwrap(tp: Any) -> tuple[Any, list[Any]]:
    """The type without Optional and Annotated, and the Annotated metadata met on the way."""
    metadata: list[Any] = []
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            args = typing.get_args(tp)
            tp, metadata = args[0], [*metadata, *args[1:]]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) == 1:
                tp = args[0]
            elif all(typing.get_origin(a) is Literal for a in args):
                values = [v for a in args for v in typing.get_args(a)]
                return Literal[tuple(values)], metadata  # type: ignore[valid-type]
            else:
                return tp, metadata
        else:
            return tp, metadata


# A string allowed more characters than this is a paragraph (links allow 2,000 and stay one line).
PARAGRAPH_OVER = 4000


def _long(metadata: list[Any]) -> bool:
    """A string allowed far more than a label's length is a paragraph."""
    limits = [m.max_length for m in metadata if hasattr(m, "max_length") and m.max_length]
    limits += [m.max_length for m in metadata if isinstance(m, MaxLen)]
    return any(limit > PARAGRAPH_OVER for limit in limits if limit is not None)


def _kind(model: type[BaseModel], name: str, tp: Any, metadata: list[Any]) -> FieldSpec | dict:
    target = REFERENCES.get((model, name))
    origin = typing.get_origin(tp)
    if origin is list:
        item, item_meta = _unwrap(typing.get_args(tp)[0])
        if target:
            return {"kind": "ref_list", "target": target}
        if isinstance(item, type) and issubclass(item, Text | LongText):
            return {"kind": "text_list", "model": item}
        if isinstance(item, type) and issubclass(item, BaseModel):
            return {"kind": "model_list", "model": item}
        if typing.get_origin(item) is Literal:
            return {"kind": "multiselect", "options": tuple(map(str, typing.get_args(item)))}
        return {"kind": "tags"}
    if target:
        return {"kind": "ref", "target": target}
    if origin is Literal:
        return {"kind": "select", "options": tuple(map(str, typing.get_args(tp)))}
    if isinstance(tp, type):
        if issubclass(tp, LongText):
            return {"kind": "translatable_long"}
        if issubclass(tp, Text):
            return {"kind": "translatable"}
        if issubclass(tp, BaseModel):
            return {"kind": "model", "model": tp}
        if tp is bool:
            return {"kind": "switch"}
        if tp in (int, float):
            return {"kind": "number"}
        if tp is dt.date:
            return {"kind": "date"}
    return {"kind": "paragraph" if _long(metadata) else "text"}


def _ltr(model: type[BaseModel], name: str, kind: str, metadata: list[Any]) -> bool:
    if kind in ("number", "date") or (model, name) in LTR_FIELDS:
        return True
    if kind != "text":
        return False
    patterned = any(getattr(m, "pattern", None) for m in metadata)
    return patterned or any(isinstance(m, AfterValidator) and m in _LTR_CHECKS for m in metadata)


@functools.cache
def fields_of(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """The form's fields for `model`, in the model's order (cached: models do not change)."""
    specs = []
    for name, info in model.model_fields.items():
        if model is PrivacyNotice and name == "schema_version":
            continue  # fixed by the format; always written
        tp, metadata = _unwrap(info.annotation)
        metadata = [*info.metadata, *metadata]
        found = _kind(model, name, tp, metadata)
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        specs.append(
            FieldSpec(
                name=name,
                label=label_of(name),
                help=info.description or "",
                required=info.is_required(),
                default=default,
                vocabulary=VOCABULARIES.get((model, name)),
                ltr=_ltr(model, name, found["kind"], metadata),
                **found,
            )
        )
    return tuple(specs)


def field_of(model: type[BaseModel], name: str) -> FieldSpec:
    for spec in fields_of(model):
        if spec.name == name:
            return spec
    known = ", ".join(s.name for s in fields_of(model))
    raise KeyError(f"{model.__name__} has no field {name!r} (known: {known})")


# The form's sections: (key, title, top-level fields of the notice), in reading order.
SECTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "notice",
        "The notice",
        (
            "id",
            "title",
            "summary",
            "default_locale",
            "locales",
            "url",
            "effective_date",
            "last_updated",
            "jurisdictions",
            "contact",
        ),
    ),
    (
        "organisation",
        "Organisation and contacts",
        ("controller", "dpo", "representative", "supervisory_authorities"),
    ),
    ("data", "Data categories", ("data_categories", "sources")),
    ("purposes", "Purposes", ("purposes",)),
    ("practices", "Practices", ("practices", "automated_decisions")),
    ("recipients", "Recipients and transfers", ("recipients", "transfers")),
    ("retention", "Retention", ("retention",)),
    ("rights", "Rights", ("rights",)),
    ("choices", "Choices and opt-outs", ("choices",)),
    ("security", "Security, children and commitments", ("security", "children", "commitments")),
    ("reports", "Privacy reports", ("reports",)),
    ("policy", "Full policy and presentation", ("full_policy", "presentation")),
)
SECTION_OF: dict[str, str] = {field: key for key, _, fields in SECTIONS for field in fields}
SECTION_FIELDS: dict[str, tuple[str, ...]] = {key: fields for key, _, fields in SECTIONS}

# What "Add" puts in a list: the fewest fields that make a valid item. "{n}" becomes a number
# that makes the id unique, "{first:<list>}" the first id of that list, "{year}" this year.
NEW_ITEMS: dict[type[BaseModel], dict[str, Any]] = {
    DataCategory: {"id": "category-{n}", "label": "New data category"},
    DataSource: {"id": "source-{n}", "name": "New source", "kind": "third_party"},
    Purpose: {
        "id": "purpose-{n}",
        "label": "New purpose",
        "description": "Say what the data is used for, in plain words.",
    },
    DataPractice: {
        "id": "practice-{n}",
        "data": ["{first:data_categories}"],
        "purposes": ["{first:purposes}"],
    },
    AutomatedDecision: {
        "id": "decision-{n}",
        "label": "New automated decision",
        "logic": "Describe the logic involved.",
        "significance": "Describe what it means for people.",
    },
    Recipient: {"id": "recipient-{n}", "name": "New recipient", "kind": "service_provider"},
    Transfer: {"destination": "US", "mechanism": "sccs"},
    RetentionRule: {"id": "retention-{n}", "duration": "P1Y"},
    Right: {"kind": "other"},
    Channel: {"kind": "email", "email": "privacy@example.com"},
    OptOut: {"id": "choice-{n}", "label": "New choice", "clicks": 1},
    SecurityMeasure: {"kind": "other"},
    Commitment: {"id": "commitment-{n}", "kind": "custom", "text": "New commitment"},
    SupervisoryAuthority: {"name": "New authority", "country": "IE"},
    PrivacyReport: {"period": "{year}"},
    RequestFigures: {"kind": "other", "received": 0, "completed": 0},
}
