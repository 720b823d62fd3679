"""GDPR Art. 13 and 14: the information a notice must give (checklist C.1 and C.2)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import PrivacyNotice
from ..model.parties import COPY_MECHANISMS
from ..model.vocab import EEA_COUNTRIES, EU_JURISDICTIONS
from .registry import practices_in, rule

_CONSENT = ("consent", "explicit_consent")
_REQUIRED_RIGHTS = ("access", "rectification", "erasure", "restriction", "portability", "object")
_INDIRECT_SOURCES = ("third_party", "public")


def _practices_in_eu(notice: PrivacyNotice):
    return practices_in(notice, EU_JURISDICTIONS)


def _used_purposes(notice: PrivacyNotice) -> set[str]:
    return {p for _, practice in _practices_in_eu(notice) for p in practice.purposes}


def _rights(notice: PrivacyNotice) -> set[str]:
    return {r.kind for r in notice.rights}


@rule(
    "gdpr-controller",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(1)(a), 14(1)(a)",
    title="Controller identity and contact details",
)
def controller_contact(notice: PrivacyNotice) -> Iterator[tuple]:
    c = notice.controller
    if not (c.address or c.email or c.contact_form_url):
        yield ("controller",), "give the controller's address, email or contact form"
    country = c.address.country if c.address else None
    if (
        country
        and country not in EEA_COUNTRIES
        and notice.applies_in("EU", "EEA")
        and not notice.representative
    ):
        yield (
            ("representative",),
            f"the controller is established in {country}, outside the EEA: name its EU "
            "representative (Art. 27) unless an exemption applies",
        )


@rule(
    "gdpr-dpo",
    profile="gdpr",
    severity="info",
    reference="GDPR Art. 13(1)(b), 14(1)(b)",
    title="Data protection officer",
)
def dpo_contact(notice: PrivacyNotice) -> Iterator[tuple]:
    if notice.dpo is None:
        yield (
            ("dpo",),
            "no data protection officer is given; if you appointed one, add their contact",
        )


@rule(
    "gdpr-legal-basis",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(1)(c), 14(1)(c)",
    title="Every purpose has a legal basis",
)
def legal_basis(notice: PrivacyNotice) -> Iterator[tuple]:
    used = _used_purposes(notice)
    for index, purpose in enumerate(notice.purposes):
        if purpose.id in used and purpose.legal_basis is None:
            yield ("purposes", index, "legal_basis"), f"purpose '{purpose.id}' has no legal basis"


@rule(
    "gdpr-legitimate-interest",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(1)(d), 14(2)(b)",
    title="Legitimate interests are stated",
)
def legitimate_interests(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, purpose in enumerate(notice.purposes):
        if purpose.legal_basis == "legitimate_interests" and purpose.legitimate_interest is None:
            yield (
                ("purposes", index, "legitimate_interest"),
                f"purpose '{purpose.id}' relies on legitimate interests: say which interest",
            )


@rule(
    "gdpr-recipients-named",
    profile="gdpr",
    severity="info",
    reference="GDPR Art. 13(1)(e); WP260 para. 37",
    title="Recipients are named",
)
def recipients_named(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, recipient in enumerate(notice.recipients):
        if recipient.name is None:
            yield (
                ("recipients", index, "name"),
                f"recipient '{recipient.id}' is described only by category; naming it is preferred",
            )


@rule(
    "gdpr-transfers",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(1)(f), 14(1)(f)",
    title="Transfers outside the EEA have a safeguard",
)
def transfers(notice: PrivacyNotice) -> Iterator[tuple]:
    covered = {(t.destination, r) for t in notice.transfers for r in t.recipients}
    covered_all = {t.destination for t in notice.transfers if not t.recipients}
    used = {r for _, p in _practices_in_eu(notice) for r in p.recipients}
    for index, recipient in enumerate(notice.recipients):
        if recipient.id not in used:
            continue
        for country in recipient.countries:
            if (
                country in EEA_COUNTRIES
                or country in covered_all
                or (country, recipient.id) in covered
            ):
                continue
            yield (
                ("recipients", index, "countries"),
                f"recipient '{recipient.id}' receives data in {country}, outside the EEA: add a "
                "transfer with its safeguard",
            )
    for index, transfer in enumerate(notice.transfers):
        if transfer.mechanism in COPY_MECHANISMS and transfer.copy_available_at is None:
            yield (
                ("transfers", index, "copy_available_at"),
                f"say where people can get a copy of the {transfer.mechanism} safeguard",
            )


@rule(
    "gdpr-retention",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(2)(a), 14(2)(a)",
    title="Every practice says how long data is kept",
)
def retention(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, practice in _practices_in_eu(notice):
        if practice.retention is None:
            yield (
                ("practices", index, "retention"),
                f"practice '{practice.id}' has no retention rule",
            )


@rule(
    "gdpr-rights",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(2)(b), 14(2)(c); Art. 15-21",
    title="The rights are listed with how to use them",
)
def rights(notice: PrivacyNotice) -> Iterator[tuple]:
    have = _rights(notice)
    for kind in _REQUIRED_RIGHTS:
        if kind not in have and not (kind == "object" and "object_direct_marketing" in have):
            yield ("rights",), f"the right of {kind.replace('_', ' ')} is missing"
    for index, right in enumerate(notice.rights):
        if not right.channels and right.kind != "ccpa_non_discrimination":
            yield (
                ("rights", index, "channels"),
                f"say how to use the right of {right.kind.replace('_', ' ')}",
                "warning",
            )


@rule(
    "gdpr-withdraw-consent",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(2)(c), 14(2)(d); Art. 7(3)",
    title="Consent can be withdrawn",
)
def withdraw_consent(notice: PrivacyNotice) -> Iterator[tuple]:
    used = _used_purposes(notice)
    if not any(p.legal_basis in _CONSENT and p.id in used for p in notice.purposes):
        return
    if "withdraw_consent" not in _rights(notice):
        yield ("rights",), "purposes rely on consent: add the right to withdraw consent"
    if notice.choices is None or notice.choices.withdraw_consent is None:
        yield ("choices", "withdraw_consent"), "say how to withdraw consent", "warning"


@rule(
    "gdpr-complaint",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(2)(d), 14(2)(e); Art. 77",
    title="The right to complain to an authority",
)
def complaint(notice: PrivacyNotice) -> Iterator[tuple]:
    if "complain_authority" not in _rights(notice):
        yield ("rights",), "add the right to lodge a complaint with a supervisory authority"
    if not notice.supervisory_authorities:
        yield (
            ("supervisory_authorities",),
            "name the supervisory authority people can complain to",
            "warning",
        )


@rule(
    "gdpr-provision",
    profile="gdpr",
    severity="warning",
    reference="GDPR Art. 13(2)(e)",
    title="Whether people must provide the data, and what happens if they do not",
)
def provision(notice: PrivacyNotice) -> Iterator[tuple]:
    provided = {c.id for c in notice.data_categories if c.source == "provided"}
    for index, practice in _practices_in_eu(notice):
        needed = practice.necessity in ("contract", "statutory") and provided & set(practice.data)
        if needed and practice.consequences_if_not_provided is None:
            yield (
                ("practices", index, "consequences_if_not_provided"),
                f"practice '{practice.id}' needs data people give: say what happens if they don't",
            )


@rule(
    "gdpr-automated-decisions",
    profile="gdpr",
    severity="warning",
    reference="GDPR Art. 13(2)(f), 14(2)(g); Art. 22",
    title="Automated decisions and profiling are explained",
)
def automated_decisions(notice: PrivacyNotice) -> Iterator[tuple]:
    art22 = {d.id for d in notice.automated_decisions if d.legal_effect}
    for index, practice in _practices_in_eu(notice):
        if practice.automated_decision in art22 and "not_subject_to_adm" not in _rights(notice):
            yield (
                ("rights",),
                f"practice '{practice.id}' feeds an automated decision: add the right not to be "
                "subject to it (Art. 22)",
                "error",
            )
        elif practice.profiling and not practice.automated_decision:
            yield (
                ("practices", index, "profiling"),
                f"practice '{practice.id}' profiles people: if it leads to decisions with legal or "
                "similar effects, describe them in automated_decisions",
                "info",
            )


@rule(
    "gdpr-object-highlighted",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 21(4)",
    title="The right to object is shown separately",
)
def object_highlighted(notice: PrivacyNotice) -> Iterator[tuple]:
    used = _used_purposes(notice)
    needs = [
        p.id
        for p in notice.purposes
        if p.id in used
        and (
            p.legal_basis in ("legitimate_interests", "public_task") or p.kind == "marketing.direct"
        )
    ]
    if not needs:
        return
    objections = [
        (i, r)
        for i, r in enumerate(notice.rights)
        if r.kind in ("object", "object_direct_marketing")
    ]
    if not objections:
        yield ("rights",), f"purposes {', '.join(needs)} need the right to object", "error"
    elif not any(r.highlight for _, r in objections):
        index = objections[0][0]
        yield (
            ("rights", index, "highlight"),
            "the right to object must be shown clearly and apart from other information: set highlight: true",
        )


@rule(
    "gdpr-special-categories",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 9(2), 10",
    title="Special category data has an Art. 9 condition",
)
def special_categories(notice: PrivacyNotice) -> Iterator[tuple]:
    special = {
        c.id: c.effective_gdpr_special
        for c in notice.data_categories
        if c.effective_gdpr_special != "none"
    }
    purposes = {p.id: p for p in notice.purposes}
    for index, practice in _practices_in_eu(notice):
        sensitive = [d for d in practice.data if d in special]
        if not sensitive:
            continue
        for pid in practice.purposes:
            purpose = purposes.get(pid)
            if (
                purpose
                and purpose.art9_condition is None
                and purpose.legal_basis != "explicit_consent"
            ):
                yield (
                    ("practices", index, "purposes"),
                    f"practice '{practice.id}' uses special category data ({', '.join(sensitive)}) "
                    f"for '{pid}': give the purpose an art9_condition or explicit consent",
                )


@rule(
    "gdpr-children",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 8",
    title="Children's consent",
)
def children(notice: PrivacyNotice) -> Iterator[tuple]:
    kids = notice.children
    if not kids or not kids.targets_children:
        return
    if any(p.legal_basis in _CONSENT for p in notice.purposes):
        if kids.gdpr_consent_age is None:
            yield ("children", "gdpr_consent_age"), "give the age of digital consent applied"
        if kids.parental_consent is None:
            yield ("children", "parental_consent"), "say how parental consent is obtained"


@rule(
    "gdpr-indirect-sources",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 14(1)(d), 14(2)(f), 14(3)",
    title="Data not from the person: its source and timing",
)
def indirect_sources(notice: PrivacyNotice) -> Iterator[tuple]:
    indirect = [
        (i, c) for i, c in enumerate(notice.data_categories) if c.source in _INDIRECT_SOURCES
    ]
    for index, category in indirect:
        if not category.sources:
            yield (
                ("data_categories", index, "sources"),
                f"'{category.id}' comes from {category.source.replace('_', ' ')} sources: name them",
            )
    if indirect and (notice.presentation is None or notice.presentation.delivery_timing is None):
        yield (
            ("presentation", "delivery_timing"),
            "some data is not collected from the person: say when they get this notice "
            "(within a month, at first contact or at first disclosure)",
            "warning",
        )
