"""The privacy notice: the single source of truth every stage of the house takes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, model_validator

from .base import Jurisdiction, Model
from .parties import (
    INDEPENDENT_KINDS,
    Contact,
    Organization,
    Recipient,
    SupervisoryAuthority,
    Transfer,
)
from .paths import dotted
from .practices import (
    AutomatedDecision,
    DataCategory,
    DataPractice,
    DataSource,
    Purpose,
    RetentionRule,
)
from .report import PrivacyReport
from .rights import Children, Choices, Commitment, Right, Security
from .text import Id, Label, Locale, LongText, Text, Url

SCHEMA_VERSION = "1"
# Average adult silent reading speed for non-fiction (Brysbaert 2019), words per minute.
READING_WORDS_PER_MINUTE = 238


class FullPolicy(Model):
    """The full, long privacy policy that this notice summarises."""

    url: Url | None = Field(None, description="Where the full policy is published.")
    words: int | None = Field(None, ge=1, le=1_000_000, description="Its length in words.")
    text: str | None = Field(
        None, max_length=2_000_000, description="Its text, when the word count should be measured."
    )

    @property
    def word_count(self) -> int | None:
        if self.words is not None:
            return self.words
        return len(self.text.split()) if self.text else None

    @property
    def reading_minutes(self) -> float | None:
        words = self.word_count
        return words / READING_WORDS_PER_MINUTE if words else None


class Presentation(Model):
    """Hints for how the notice is presented."""

    audience: Literal["general", "children", "professionals"] = Field(
        "general", description="Who reads the notice."
    )
    reading_ease_target: int = Field(
        50,
        ge=0,
        le=100,
        description="Lowest acceptable Flesch reading ease for English text (60 = plain English).",
    )
    delivery_timing: (
        Literal[
            "at_collection", "within_one_month", "at_first_communication", "at_first_disclosure"
        ]
        | None
    ) = Field(
        None,
        description="When people get the notice for data not collected from them (Art. 14(3)).",
    )


class PrivacyNotice(Model):
    """A privacy notice described as data: who, what, why, with whom, how long, and people's
    rights and choices. Infographics, charts, store labels and checks are all derived from it."""

    schema_version: Literal["1"] = Field(SCHEMA_VERSION, description="Version of this format.")
    id: Id = Field(description="Short id of the notice.")
    title: Text = Field(description="Title of the notice.")
    summary: LongText | None = Field(
        None, description="One or two sentences introducing the notice."
    )
    default_locale: Locale = Field(
        "en", description="Locale of untranslated text and of fallbacks."
    )
    locales: list[Locale] = Field(
        default_factory=list, max_length=30, description="Every locale the notice is published in."
    )
    url: Url | None = Field(None, description="Where the notice is published.")
    effective_date: dt.date = Field(description="When this version takes effect.")
    last_updated: dt.date | None = Field(None, description="When it was last changed.")
    jurisdictions: list[Jurisdiction] = Field(
        default_factory=list,
        max_length=50,
        description="Where the notice applies (EU, UK, US-CA…); selects the compliance checks.",
    )
    controller: Organization = Field(description="The organisation responsible for the data.")
    dpo: Contact | None = Field(
        None, description="The data protection officer, if one is appointed."
    )
    representative: Organization | None = Field(
        None, description="The representative in the EU or UK (GDPR Art. 27)."
    )
    supervisory_authorities: list[SupervisoryAuthority] = Field(
        default_factory=list, max_length=30, description="Authorities people can complain to."
    )
    data_categories: list[DataCategory] = Field(
        min_length=1, max_length=200, description="The kinds of personal data collected."
    )
    sources: list[DataSource] = Field(
        default_factory=list,
        max_length=100,
        description="Named sources of data not from the person.",
    )
    purposes: list[Purpose] = Field(min_length=1, max_length=100, description="Why data is used.")
    recipients: list[Recipient] = Field(
        default_factory=list, max_length=200, description="Who receives the data."
    )
    transfers: list[Transfer] = Field(
        default_factory=list, max_length=100, description="Transfers outside the EEA."
    )
    retention: list[RetentionRule] = Field(
        default_factory=list, max_length=100, description="How long data is kept."
    )
    practices: list[DataPractice] = Field(
        min_length=1, max_length=1000, description="Which data is used for what, shared with whom."
    )
    automated_decisions: list[AutomatedDecision] = Field(
        default_factory=list, max_length=50, description="Automated decisions (GDPR Art. 22)."
    )
    rights: list[Right] = Field(default_factory=list, max_length=50, description="People's rights.")
    choices: Choices | None = Field(None, description="Choices and opt-outs.")
    security: Security | None = Field(None, description="How the data is protected.")
    children: Children | None = Field(None, description="Children's data.")
    commitments: list[Commitment] = Field(
        default_factory=list, max_length=30, description="Promises shown prominently."
    )
    reports: list[PrivacyReport] = Field(
        default_factory=list, max_length=200, description="Periodic privacy reports."
    )
    full_policy: FullPolicy | None = Field(None, description="The full policy this summarises.")
    presentation: Presentation | None = Field(None, description="Presentation hints.")
    contact: Label | None = Field(
        None, description="A short contact line for summaries, when the controller's is not enough."
    )

    @model_validator(mode="after")
    def _integrity(self):
        issues = list(integrity_issues(self))
        if issues:
            raise IntegrityError(issues)
        return self

    # Convenience lookups for renderers and checks.
    @property
    def all_locales(self) -> list[str]:
        """The default locale first, then the other declared locales."""
        return [self.default_locale, *(x for x in self.locales if x != self.default_locale)]

    def category(self, id: str) -> DataCategory:
        return next(c for c in self.data_categories if c.id == id)

    def purpose(self, id: str) -> Purpose:
        return next(p for p in self.purposes if p.id == id)

    def recipient(self, id: str) -> Recipient:
        return next(r for r in self.recipients if r.id == id)

    def retention_rule(self, id: str) -> RetentionRule:
        return next(r for r in self.retention if r.id == id)

    def applies_in(self, *regions: str) -> bool:
        """Whether any of the notice's jurisdictions is one of `regions`."""
        return any(j in regions for j in self.jurisdictions)

    @property
    def sorted_reports(self) -> list[PrivacyReport]:
        return sorted(self.reports, key=lambda r: r.sort_key)


@dataclass(frozen=True)
class Issue:
    """A problem found at a place in the notice."""

    loc: tuple[str | int, ...]
    message: str


class IntegrityError(ValueError):
    """The notice's parts do not fit together: an unknown reference, a repeated id, or a
    commitment the practices contradict."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("; ".join(f"{dotted(i.loc) or '(notice)'}: {i.message}" for i in issues))


def _known(ids: list[str]) -> str:
    shown = ", ".join(ids[:20]) + (", …" if len(ids) > 20 else "")
    return shown or "none defined"


def integrity_issues(notice: PrivacyNotice) -> Iterator[Issue]:
    """Every reference points at an existing id, ids are unique, commitments hold."""
    collections = {
        "data_categories": notice.data_categories,
        "sources": notice.sources,
        "purposes": notice.purposes,
        "recipients": notice.recipients,
        "retention": notice.retention,
        "practices": notice.practices,
        "automated_decisions": notice.automated_decisions,
        "commitments": notice.commitments,
    }
    ids: dict[str, list[str]] = {}
    for name, items in collections.items():
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in seen:
                yield Issue(
                    (name, index, "id"),
                    f"id '{item.id}' is already used by {name}[{seen[item.id]}]",
                )
            seen.setdefault(item.id, index)
        ids[name] = list(seen)
    if notice.choices:
        seen = {}
        for index, opt in enumerate(notice.choices.opt_outs):
            if opt.id in seen:
                yield Issue(("choices", "opt_outs", index, "id"), f"id '{opt.id}' is already used")
            seen.setdefault(opt.id, index)

    def refs(loc: tuple, values: list[str] | str | None, target: str, noun: str) -> Iterator[Issue]:
        if values is None:
            return
        many = isinstance(values, list)
        for index, value in enumerate(values if many else [values]):
            if value not in ids[target]:
                where = (*loc, index) if many else loc
                yield Issue(where, f"unknown {noun} '{value}' (known: {_known(ids[target])})")

    for i, cat in enumerate(notice.data_categories):
        yield from refs(("data_categories", i, "sources"), cat.sources, "sources", "source")
    for i, p in enumerate(notice.practices):
        loc = ("practices", i)
        yield from refs((*loc, "data"), p.data, "data_categories", "data category")
        yield from refs((*loc, "purposes"), p.purposes, "purposes", "purpose")
        yield from refs((*loc, "recipients"), p.recipients, "recipients", "recipient")
        yield from refs((*loc, "retention"), p.retention, "retention", "retention rule")
        yield from refs(
            (*loc, "automated_decision"),
            p.automated_decision,
            "automated_decisions",
            "automated decision",
        )
    for i, t in enumerate(notice.transfers):
        yield from refs(("transfers", i, "recipients"), t.recipients, "recipients", "recipient")
    if notice.choices:
        for i, opt in enumerate(notice.choices.opt_outs):
            yield from refs(
                ("choices", "opt_outs", i, "purposes"), opt.purposes, "purposes", "purpose"
            )

    periods: dict[str, int] = {}
    for i, report in enumerate(notice.reports):
        if report.period in periods:
            yield Issue(
                ("reports", i, "period"),
                f"period '{report.period}' is already reported in reports[{periods[report.period]}]",
            )
        periods.setdefault(report.period, i)

    if notice.locales and notice.default_locale not in notice.locales:
        yield Issue(
            ("default_locale",),
            f"default locale '{notice.default_locale}' is not among locales ({', '.join(notice.locales)})",
        )

    yield from _contradicted_commitments(notice, set(ids["recipients"]))


def _contradicted_commitments(notice: PrivacyNotice, recipient_ids: set[str]) -> Iterator[Issue]:
    kinds = {r.id: r.kind for r in notice.recipients}
    for ci, commitment in enumerate(notice.commitments):
        loc = ("commitments", ci, "kind")
        for pi, p in enumerate(notice.practices):
            ref = f"practices[{pi}] ('{p.id}')"
            if commitment.kind == "never_sold" and p.sold:
                yield Issue(loc, f"'never sold' is contradicted by {ref}, which has sold: true")
            elif commitment.kind == "no_cross_context_ads" and p.shared_for_ads:
                yield Issue(
                    loc,
                    f"'no cross-context ads' is contradicted by {ref}, which has shared_for_ads: true",
                )
            elif commitment.kind == "no_tracking" and p.tracking:
                yield Issue(
                    loc, f"'no tracking' is contradicted by {ref}, which has tracking: true"
                )
            elif commitment.kind == "no_third_party_sharing":
                shared = [
                    r for r in p.recipients if r in recipient_ids and kinds[r] in INDEPENDENT_KINDS
                ]
                if shared:
                    yield Issue(
                        loc,
                        f"'no third-party sharing' is contradicted by {ref}, which gives data to "
                        f"{', '.join(shared)} (not a service provider)",
                    )
            elif commitment.kind == "no_automated_decisions" and p.automated_decision:
                yield Issue(loc, f"'no automated decisions' is contradicted by {ref}")
        if commitment.kind == "no_automated_decisions" and notice.automated_decisions:
            yield Issue(loc, "'no automated decisions' is contradicted by automated_decisions")
