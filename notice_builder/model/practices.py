"""What is collected, why, how long it is kept, and the practices that tie them together."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Duration, Jurisdiction, Model, duration_days
from .text import Id, LongText, Name, Text, Url
from .vocab import (
    CATEGORY_CODES,
    PURPOSE_CODES,
    CategoryKind,
    CcpaCategory,
    GdprSpecial,
    PurposeKind,
    SpiCode,
)

SourceKind = Literal["provided", "observed", "inferred", "third_party", "public"]


class DataSource(Model):
    """A named source of data not obtained from the person (GDPR Art. 14(2)(f))."""

    id: Id = Field(description="Short id that data categories use to refer to this source.")
    name: Name = Field(description="Name of the source or of the kind of source.")
    kind: Literal["third_party", "public", "affiliate", "data_broker", "partner"] = Field(
        description="What kind of source this is."
    )
    publicly_accessible: bool = Field(
        False, description="Whether the source is publicly accessible."
    )
    description: LongText | None = Field(
        None, description="What the source provides, in plain words."
    )
    url: Url | None = Field(None, description="The source's website.")


class Codes(Model):
    """Codes in outside vocabularies; each one given here overrides the crosswalk's."""

    apple: str | None = Field(None, max_length=64, description="Apple App Privacy data type id.")
    google: list[str] | None = Field(
        None, max_length=10, description="Google Play Data safety response ids."
    )
    ccpa: list[CcpaCategory] | None = Field(
        None, max_length=12, description="CCPA personal information categories (A-L)."
    )
    dpv: list[str] | None = Field(
        None, max_length=10, description="W3C DPV concepts (pd:…, dpv:…)."
    )


class DataCategory(Model):
    """A kind of personal data the controller collects, in the words people use."""

    id: Id = Field(description="Short id that practices use to refer to this category.")
    label: Text = Field(description="Short name shown on the infographic, e.g. 'Purchases'.")
    description: LongText | None = Field(None, description="What this data is, in plain words.")
    examples: list[Text] = Field(
        default_factory=list,
        max_length=20,
        description="Concrete examples ('order total', 'store').",
    )
    kind: CategoryKind = Field(
        "other",
        description="The canonical category this maps to; gives its codes in other schemes.",
    )
    source: SourceKind = Field(
        "provided",
        description=(
            "Where the data comes from: provided by the person (zero-party), observed first-party "
            "activity, inferred, from third parties, or public sources."
        ),
    )
    sources: list[Id] = Field(
        default_factory=list,
        max_length=50,
        description="Ids of named sources (for third-party data).",
    )
    gdpr_special: GdprSpecial | None = Field(
        None, description="GDPR Art. 9/10 special category; derived from `kind` when not given."
    )
    ccpa_spi: SpiCode | Literal["none"] | None = Field(
        None,
        description="CCPA sensitive personal information code; derived from `kind` when not given.",
    )
    codes: Codes | None = Field(None, description="Codes overriding those derived from `kind`.")

    @property
    def effective_gdpr_special(self) -> str:
        return self.gdpr_special or CATEGORY_CODES[self.kind].gdpr_special

    @property
    def effective_ccpa_spi(self) -> str | None:
        if self.ccpa_spi == "none":
            return None
        return self.ccpa_spi or CATEGORY_CODES[self.kind].ccpa_spi

    @property
    def is_sensitive(self) -> bool:
        return self.effective_gdpr_special != "none" or self.effective_ccpa_spi is not None

    def code(self, scheme: Literal["apple", "google", "ccpa", "dpv"]) -> str | list[str] | None:
        """The category's code in `scheme`: the override if given, else the crosswalk's."""
        given = getattr(self.codes, scheme) if self.codes else None
        if given is not None:
            return given
        derived = getattr(CATEGORY_CODES[self.kind], scheme)
        return list(derived) if isinstance(derived, tuple) else derived


LegalBasis = Literal[
    "consent",
    "explicit_consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_task",
    "legitimate_interests",
]
ConsentMode = Literal["opt_in", "opt_out", "none"]


class Purpose(Model):
    """Why data is used, in plain language, with its legal basis."""

    id: Id = Field(description="Short id that practices use to refer to this purpose.")
    label: Text = Field(description="Short name shown on the infographic, e.g. 'Rewards'.")
    description: LongText = Field(description="What the purpose is, in plain words.")
    kind: PurposeKind = Field(
        "other", description="The canonical purpose this maps to; gives its codes in other schemes."
    )
    legal_basis: LegalBasis | None = Field(None, description="GDPR Art. 6(1) legal basis.")
    legitimate_interest: LongText | None = Field(
        None, description="The legitimate interest pursued, when the basis is legitimate interests."
    )
    art9_condition: Literal["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] | None = Field(
        None, description="GDPR Art. 9(2) condition, when special category data is used."
    )
    consent: ConsentMode = Field(
        "none",
        description="Consent mode: opt_in (off until the person agrees), opt_out (on until they "
        "refuse) or none (not based on a choice).",
    )
    primary: bool = Field(False, description="A main purpose, listed first.")
    impact: Literal["low", "medium", "high"] = Field(
        "low", description="Impact on people; high-impact purposes belong in the first layer."
    )
    surprising: bool = Field(False, description="Whether people would not expect this use.")

    def code(self, scheme: Literal["apple", "google", "ccpa", "dpv"]) -> str | list[str] | None:
        """The purpose's code in `scheme`, from the crosswalk."""
        derived = getattr(PURPOSE_CODES[self.kind], scheme)
        return list(derived) if isinstance(derived, tuple) else derived


class RetentionRule(Model):
    """How long data is kept: a fixed period, a period after an event, or the criteria used."""

    id: Id = Field(description="Short id that practices use to refer to this rule.")
    label: Text | None = Field(None, description="Short summary shown on the infographic.")
    duration: Duration | None = Field(None, description="How long, as an ISO 8601 duration (P2Y).")
    after: Text | None = Field(
        None, description="The event the period starts from, e.g. 'account closure'."
    )
    criteria: LongText | None = Field(
        None, description="How the period is decided, when there is no fixed period."
    )
    legal_requirement: Text | None = Field(
        None, description="A law that requires keeping the data (e.g. tax law)."
    )
    deletion: Literal["erase", "anonymise"] = Field(
        "erase", description="What happens at the end of the period."
    )

    @model_validator(mode="after")
    def _stated(self):
        if not (self.duration or self.after or self.criteria):
            raise ValueError(
                "state how long data is kept: a `duration`, an `after` event, or the `criteria`"
            )
        return self

    @property
    def days(self) -> float | None:
        """The fixed part of the period in days, or None when it depends on an event only."""
        return duration_days(self.duration) if self.duration else None

    @property
    def duration_type(self) -> Literal["temporal", "until_event", "indeterminate"]:
        """The DPV duration kind."""
        if self.after:
            return "until_event"
        return "temporal" if self.duration else "indeterminate"


Identifiability = Literal["identified", "linked", "not_linked", "anonymised"]
Necessity = Literal["required", "optional", "contract", "statutory"]


class DataPractice(Model):
    """The core fact: these data categories are used for these purposes, shared with these
    recipients, sold or not, linked or not, kept this long."""

    id: Id = Field(description="Short id of this practice.")
    data: list[Id] = Field(min_length=1, max_length=200, description="Ids of the data categories.")
    purposes: list[Id] = Field(min_length=1, max_length=100, description="Ids of the purposes.")
    recipients: list[Id] = Field(
        default_factory=list,
        max_length=200,
        description="Ids of the recipients who receive the data.",
    )
    sold: bool = Field(False, description="Sold (CCPA 'sale'), in exchange for money or value.")
    shared_for_ads: bool = Field(
        False, description="Shared for cross-context behavioural advertising (CCPA 'sharing')."
    )
    identifiability: Identifiability = Field(
        "linked", description="Linked to the person, not linked, or anonymised."
    )
    tracking: bool = Field(
        False, description="Used to track people across other companies' apps and websites."
    )
    necessity: Necessity = Field(
        "required",
        description="required, optional (people can choose), contract (needed for the contract) or "
        "statutory (required by law).",
    )
    consent: ConsentMode | None = Field(
        None, description="Consent mode for this practice; the purpose's when not given."
    )
    retention: Id | None = Field(None, description="Id of the retention rule.")
    consequences_if_not_provided: LongText | None = Field(
        None,
        description="What happens if the person does not provide the data (GDPR Art. 13(2)(e)).",
    )
    profiling: bool = Field(False, description="Whether the practice involves profiling.")
    automated_decision: Id | None = Field(
        None, description="Id of the automated decision this practice feeds."
    )
    ephemeral: bool = Field(False, description="Processed only in memory and not stored.")
    applies_in: list[Jurisdiction] = Field(
        default_factory=list,
        max_length=50,
        description="Where the practice applies; empty = everywhere.",
    )
    first_layer: bool = Field(True, description="Shown in the short summary layer.")
    description: LongText | None = Field(None, description="The practice in plain words.")


class AutomatedDecision(Model):
    """A decision made by automated means with legal or similar effects (GDPR Art. 22)."""

    id: Id = Field(description="Short id of the decision.")
    label: Text = Field(description="Short name of the decision.")
    logic: LongText = Field(description="Meaningful information about the logic involved.")
    significance: LongText = Field(description="The significance and envisaged consequences.")
    legal_effect: bool = Field(
        True,
        description="Whether it has legal or similarly significant effects, so GDPR Art. 22 applies; "
        "false for decisions described for transparency only.",
    )
    human_review: bool = Field(True, description="Whether people can ask a human to review it.")
