"""What people can do about their data, how it is protected, and what the controller promises."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Duration, Jurisdiction, Model
from .text import Email, Id, Label, LongText, Phone, Text, Url

RightKind = Literal[
    "access",
    "rectification",
    "erasure",
    "restriction",
    "portability",
    "object",
    "object_direct_marketing",
    "object_profiling",
    "not_subject_to_adm",
    "withdraw_consent",
    "complain_authority",
    "ccpa_know",
    "ccpa_delete",
    "ccpa_correct",
    "ccpa_opt_out_sale_share",
    "ccpa_limit_spi",
    "ccpa_non_discrimination",
    "other",
]


class Channel(Model):
    """One way to exercise a right or reach the controller."""

    kind: Literal["web", "email", "phone", "in_app", "postal", "form"] = Field(
        description="How the channel works."
    )
    url: Url | None = Field(None, description="Link, for web, form and in-app channels.")
    email: Email | None = Field(None, description="Address, for the email channel.")
    phone: Phone | None = Field(None, description="Number, for the phone channel.")
    label: Text | None = Field(None, description="What to show, e.g. 'Account > Privacy'.")

    @model_validator(mode="after")
    def _has_target(self):
        needs = {"web": "url", "form": "url", "email": "email", "phone": "phone"}.get(self.kind)
        if needs and getattr(self, needs) is None:
            raise ValueError(f"a {self.kind} channel needs `{needs}`")
        if self.kind in ("in_app", "postal") and not (self.label or self.url):
            raise ValueError(f"a {self.kind} channel needs a `label` saying where to go")
        return self


class Right(Model):
    """A right people have over their data and how to use it."""

    kind: RightKind = Field(description="Which right.")
    label: Text | None = Field(
        None, description="Display name; a standard one is used when absent."
    )
    description: LongText | None = Field(None, description="What the right means, in plain words.")
    channels: list[Channel] = Field(
        default_factory=list, max_length=10, description="How to exercise the right."
    )
    response_time: Duration | None = Field(
        None, description="How long an answer takes at most (P30D)."
    )
    applies_in: list[Jurisdiction] = Field(
        default_factory=list,
        max_length=50,
        description="Where the right applies; empty = everywhere.",
    )
    verification: LongText | None = Field(None, description="How requests are verified.")
    authorized_agent: bool = Field(
        False, description="Whether an authorised agent may ask for the person."
    )
    free: bool = Field(True, description="Whether using the right is free of charge.")
    highlight: bool = Field(
        False,
        description="Shown apart from the other rights (GDPR Art. 21(4) for the right to object).",
    )


class OptOut(Model):
    """A choice people can make, with how many clicks it takes."""

    id: Id = Field(description="Short id of the choice.")
    label: Text = Field(description="What the choice does, e.g. 'Stop personalised offers'.")
    url: Url | None = Field(None, description="Where to make the choice.")
    where: Text | None = Field(
        None, description="Where to find it in the app, e.g. 'Settings > Privacy'."
    )
    clicks: int = Field(ge=1, le=20, description="How many clicks or taps it takes.")
    purposes: list[Id] = Field(
        default_factory=list, max_length=100, description="Ids of the purposes it switches off."
    )


class GlobalPrivacyControl(Model):
    """Whether the browser's Global Privacy Control signal is honoured as an opt-out."""

    honored: bool = Field(description="Whether the signal is honoured.")
    scope: list[Literal["browser", "device", "account", "offline"]] = Field(
        default_factory=lambda: ["browser"], description="What an honoured signal opts out."
    )
    display_status: bool = Field(
        False, description="Whether the site shows that the signal was seen."
    )


class Choices(Model):
    """Choices and opt-outs."""

    page: Url | None = Field(None, description="The page where people manage their choices.")
    opt_outs: list[OptOut] = Field(default_factory=list, max_length=50, description="The choices.")
    withdraw_consent: LongText | None = Field(
        None, description="How to withdraw consent (GDPR Art. 13(2)(c))."
    )
    do_not_sell_or_share_url: Url | None = Field(
        None, description="CCPA 'Do Not Sell or Share My Personal Information' link."
    )
    limit_spi_url: Url | None = Field(
        None, description="CCPA 'Limit the Use of My Sensitive Personal Information' link."
    )
    spi_used_beyond_permitted: bool = Field(
        False, description="Sensitive personal information is used beyond CCPA §7027(m) purposes."
    )
    gpc: GlobalPrivacyControl | None = Field(None, description="Global Privacy Control.")


SecurityKind = Literal[
    "encryption_in_transit",
    "encryption_at_rest",
    "access_control",
    "multi_factor_auth",
    "pseudonymisation",
    "data_minimisation",
    "audits",
    "penetration_testing",
    "staff_training",
    "incident_response",
    "backups",
    "other",
]


class SecurityMeasure(Model):
    """One measure that protects the data."""

    kind: SecurityKind = Field(description="What kind of measure.")
    label: Text | None = Field(
        None, description="Display name; a standard one is used when absent."
    )
    description: LongText | None = Field(None, description="The measure in plain words.")


class Security(Model):
    """How the data is protected."""

    measures: list[SecurityMeasure] = Field(
        default_factory=list, max_length=30, description="The measures."
    )
    certifications: list[Label] = Field(
        default_factory=list, max_length=20, description="Certifications such as ISO/IEC 27001."
    )
    independent_review: bool = Field(False, description="Reviewed by an independent party.")
    breach_notification: LongText | None = Field(None, description="What happens after a breach.")

    @property
    def encrypted_in_transit(self) -> bool:
        return any(m.kind == "encryption_in_transit" for m in self.measures)


class Children(Model):
    """How the service treats children's data."""

    min_age: int | None = Field(None, ge=0, le=21, description="Minimum age to use the service.")
    targets_children: bool = Field(False, description="Whether the service is aimed at children.")
    gdpr_consent_age: int | None = Field(
        None, ge=13, le=16, description="Age of digital consent applied (GDPR Art. 8)."
    )
    parental_consent: LongText | None = Field(None, description="How parental consent is obtained.")
    sells_or_shares_under_16: bool = Field(
        False, description="Whether data of people under 16 is sold or shared (CCPA)."
    )


CommitmentKind = Literal[
    "never_sold",
    "no_cross_context_ads",
    "no_tracking",
    "no_third_party_sharing",
    "no_automated_decisions",
    "confidential",
    "data_minimisation",
    "custom",
]


class Commitment(Model):
    """A promise, shown prominently: 'We never sell your data'."""

    id: Id = Field(description="Short id of the commitment.")
    kind: CommitmentKind = Field(description="What is promised; checked against the practices.")
    text: Text | None = Field(None, description="The promise in the notice's words.")
    details: LongText | None = Field(None, description="More about the promise.")

    @model_validator(mode="after")
    def _custom_has_text(self):
        if self.kind == "custom" and self.text is None:
            raise ValueError("a custom commitment needs its `text`")
        return self
