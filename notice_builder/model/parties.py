"""Who is involved: the controller, contacts, authorities, recipients and transfers abroad."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Country, Model
from .text import Email, Id, Label, LongText, Name, Phone, Text, Url


class Address(Model):
    """A postal address."""

    street: Label | None = Field(None, description="Street and number.")
    city: Label | None = Field(None, description="City or town.")
    region: Label | None = Field(None, description="State, province or region.")
    postal_code: Label | None = Field(None, description="Postal or ZIP code.")
    country: Country = Field(description="Country (ISO 3166-1 alpha-2).")


class Contact(Model):
    """A way to reach a person or an office (for example the data protection officer)."""

    name: Name | None = Field(None, description="Name of the person or office.")
    email: Email | None = Field(None, description="E-mail address.")
    phone: Phone | None = Field(None, description="Phone number.")
    url: Url | None = Field(None, description="Web page or contact form.")
    address: Address | None = Field(None, description="Postal address.")

    @model_validator(mode="after")
    def _reachable(self):
        if not (self.email or self.phone or self.url or self.address):
            raise ValueError(
                "give at least one way to reach this contact: email, phone, url or address"
            )
        return self


class Organization(Model):
    """An organisation: the controller, its representative or another party."""

    name: Name = Field(description="The name people know the organisation by.")
    legal_name: Name | None = Field(None, description="Registered legal name, if different.")
    registration_id: Label | None = Field(None, description="Company registration number.")
    address: Address | None = Field(None, description="Registered or postal address.")
    email: Email | None = Field(None, description="Privacy contact e-mail address.")
    phone: Phone | None = Field(None, description="Privacy contact phone number.")
    url: Url | None = Field(None, description="Website.")
    contact_form_url: Url | None = Field(None, description="Privacy contact form.")


class SupervisoryAuthority(Model):
    """A data protection authority people can complain to (GDPR Art. 13(2)(d))."""

    name: Name = Field(description="Name of the authority.")
    country: Country = Field(description="Country of the authority.")
    url: Url | None = Field(None, description="Where to lodge a complaint.")
    email: Email | None = Field(None, description="E-mail address.")
    phone: Phone | None = Field(None, description="Phone number.")


# Kinds that process data on the controller's behalf (GDPR processors, CCPA service providers).
PROCESSOR_KINDS = (
    "service_provider",
    "contractor",
    "payment_provider",
    "email_provider",
    "cloud_hosting",
    "analytics_provider",
    "delivery_provider",
)
# Kinds that use the data for their own ends: giving them data is sharing it.
INDEPENDENT_KINDS = (
    "affiliate",
    "joint_controller",
    "third_party",
    "advertising_partner",
    "data_broker",
    "authority",
    "professional_advisor",
    "acquirer",
    "public",
)
RecipientKind = Literal[PROCESSOR_KINDS + INDEPENDENT_KINDS]  # type: ignore[valid-type]
CcpaRelationship = Literal["service_provider", "contractor", "third_party"]


class Recipient(Model):
    """Someone who receives personal data from the controller (GDPR Art. 13(1)(e))."""

    id: Id = Field(description="Short id that practices use to refer to this recipient.")
    name: Name | None = Field(
        None, description="The recipient's name. Naming recipients is preferred over categories."
    )
    label: Text | None = Field(
        None, description="What the recipient does, shown when it has no name or beside it."
    )
    kind: RecipientKind = Field(description="What kind of recipient this is.")
    ccpa_relationship: CcpaRelationship | None = Field(
        None,
        description="CCPA role; derived from `kind` when not given (processors are service providers).",
    )
    countries: list[Country] = Field(
        default_factory=list,
        max_length=50,
        description="Countries where the recipient processes data.",
    )
    description: LongText | None = Field(None, description="What the recipient receives and why.")
    url: Url | None = Field(None, description="The recipient's privacy notice.")

    @property
    def is_processor(self) -> bool:
        return self.kind in PROCESSOR_KINDS

    @property
    def effective_ccpa_relationship(self) -> str:
        if self.ccpa_relationship:
            return self.ccpa_relationship
        if self.kind == "contractor":
            return "contractor"
        return "service_provider" if self.is_processor else "third_party"

    @model_validator(mode="after")
    def _named_or_described(self):
        if self.name is None and self.label is None:
            raise ValueError(
                "give the recipient a name, or a label describing the kind of recipient"
            )
        return self


TransferMechanism = Literal[
    "adequacy_decision",
    "eu_us_dpf",
    "sccs",
    "bcrs",
    "approved_code",
    "approved_certification",
    "ad_hoc_clauses",
    "derogation",
    "other",
]
# Mechanisms whose documents people may ask a copy of (GDPR Art. 13(1)(f)).
COPY_MECHANISMS = frozenset(
    {"sccs", "bcrs", "approved_code", "approved_certification", "ad_hoc_clauses"}
)


class Transfer(Model):
    """A transfer of personal data to a country outside the EEA (GDPR Art. 13(1)(f))."""

    destination: Country = Field(description="Country the data goes to.")
    recipients: list[Id] = Field(
        default_factory=list, max_length=200, description="Ids of the recipients in that country."
    )
    mechanism: TransferMechanism = Field(description="The legal safeguard for the transfer.")
    safeguard_description: LongText | None = Field(
        None, description="The safeguard in plain words."
    )
    copy_available_at: Url | None = Field(
        None, description="Where people can get a copy of the safeguard."
    )
