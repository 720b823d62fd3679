"""GDPR Art. 13 and 14: the information a notice must give (checklist C.1 and C.2)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import PrivacyNotice
from ..model.parties import COPY_MECHANISMS
from ..model.vocab import EEA_COUNTRIES, EU_JURISDICTIONS
from .registry import msg, practices_in, rule

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
)
def controller_contact(notice: PrivacyNotice) -> Iterator[tuple]:
    c = notice.controller
    if not (c.address or c.email or c.contact_form_url):
        yield ("controller",), msg("gdpr-controller.contact")
    country = c.address.country if c.address else None
    if (
        country
        and country not in EEA_COUNTRIES
        and notice.applies_in("EU", "EEA")
        and not notice.representative
    ):
        yield (
            ("representative",),
            msg("gdpr-controller.representative", country=country),
        )


@rule(
    "gdpr-dpo",
    profile="gdpr",
    severity="info",
    reference="GDPR Art. 13(1)(b), 14(1)(b)",
)
def dpo_contact(notice: PrivacyNotice) -> Iterator[tuple]:
    if notice.dpo is None:
        yield (
            ("dpo",),
            msg("gdpr-dpo.missing"),
        )


@rule(
    "gdpr-legal-basis",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(1)(c), 14(1)(c)",
)
def legal_basis(notice: PrivacyNotice) -> Iterator[tuple]:
    used = _used_purposes(notice)
    for index, purpose in enumerate(notice.purposes):
        if purpose.id in used and purpose.legal_basis is None:
            yield (
                ("purposes", index, "legal_basis"),
                msg("gdpr-legal-basis.missing", purpose=purpose.id),
            )


@rule(
    "gdpr-legitimate-interest",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(1)(d), 14(2)(b)",
)
def legitimate_interests(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, purpose in enumerate(notice.purposes):
        if purpose.legal_basis == "legitimate_interests" and purpose.legitimate_interest is None:
            yield (
                ("purposes", index, "legitimate_interest"),
                msg("gdpr-legitimate-interest.missing", purpose=purpose.id),
            )


@rule(
    "gdpr-recipients-named",
    profile="gdpr",
    severity="info",
    reference="GDPR Art. 13(1)(e); WP260 para. 37",
)
def recipients_named(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, recipient in enumerate(notice.recipients):
        if recipient.name is None:
            yield (
                ("recipients", index, "name"),
                msg("gdpr-recipients-named.unnamed", recipient=recipient.id),
            )


@rule(
    "gdpr-transfers",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(1)(f), 14(1)(f)",
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
                msg("gdpr-transfers.no_safeguard", recipient=recipient.id, country=country),
            )
    for index, transfer in enumerate(notice.transfers):
        if transfer.mechanism in COPY_MECHANISMS and transfer.copy_available_at is None:
            yield (
                ("transfers", index, "copy_available_at"),
                msg("gdpr-transfers.copy", mechanism=msg(f"mechanism.{transfer.mechanism}")),
            )


@rule(
    "gdpr-retention",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(2)(a), 14(2)(a)",
)
def retention(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, practice in _practices_in_eu(notice):
        if practice.retention is None:
            yield (
                ("practices", index, "retention"),
                msg("gdpr-retention.missing", practice=practice.id),
            )


@rule(
    "gdpr-rights",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(2)(b), 14(2)(c); Art. 15-21",
)
def rights(notice: PrivacyNotice) -> Iterator[tuple]:
    have = _rights(notice)
    for kind in _REQUIRED_RIGHTS:
        if kind not in have and not (kind == "object" and "object_direct_marketing" in have):
            yield ("rights",), msg("gdpr-rights.missing", right=msg(f"right.{kind}"))
    for index, right in enumerate(notice.rights):
        if not right.channels and right.kind != "ccpa_non_discrimination":
            yield (
                ("rights", index, "channels"),
                msg("gdpr-rights.no_channel", right=msg(f"right.{right.kind}")),
                "warning",
            )


@rule(
    "gdpr-withdraw-consent",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(2)(c), 14(2)(d); Art. 7(3)",
)
def withdraw_consent(notice: PrivacyNotice) -> Iterator[tuple]:
    used = _used_purposes(notice)
    if not any(p.legal_basis in _CONSENT and p.id in used for p in notice.purposes):
        return
    if "withdraw_consent" not in _rights(notice):
        yield ("rights",), msg("gdpr-withdraw-consent.right")
    if notice.choices is None or notice.choices.withdraw_consent is None:
        yield ("choices", "withdraw_consent"), msg("gdpr-withdraw-consent.how"), "warning"


@rule(
    "gdpr-complaint",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 13(2)(d), 14(2)(e); Art. 77",
)
def complaint(notice: PrivacyNotice) -> Iterator[tuple]:
    if "complain_authority" not in _rights(notice):
        yield ("rights",), msg("gdpr-complaint.right")
    if not notice.supervisory_authorities:
        yield (
            ("supervisory_authorities",),
            msg("gdpr-complaint.authority"),
            "warning",
        )


@rule(
    "gdpr-provision",
    profile="gdpr",
    severity="warning",
    reference="GDPR Art. 13(2)(e)",
)
def provision(notice: PrivacyNotice) -> Iterator[tuple]:
    provided = {c.id for c in notice.data_categories if c.source == "provided"}
    for index, practice in _practices_in_eu(notice):
        needed = practice.necessity in ("contract", "statutory") and provided & set(practice.data)
        if needed and practice.consequences_if_not_provided is None:
            yield (
                ("practices", index, "consequences_if_not_provided"),
                msg("gdpr-provision.consequences", practice=practice.id),
            )


@rule(
    "gdpr-automated-decisions",
    profile="gdpr",
    severity="warning",
    reference="GDPR Art. 13(2)(f), 14(2)(g); Art. 22",
)
def automated_decisions(notice: PrivacyNotice) -> Iterator[tuple]:
    art22 = {d.id for d in notice.automated_decisions if d.legal_effect}
    for index, practice in _practices_in_eu(notice):
        if practice.automated_decision in art22 and "not_subject_to_adm" not in _rights(notice):
            yield (
                ("rights",),
                msg("gdpr-automated-decisions.right", practice=practice.id),
                "error",
            )
        elif practice.profiling and not practice.automated_decision:
            yield (
                ("practices", index, "profiling"),
                msg(
                    "gdpr-automated-decisions.profiling",
                    practice=practice.id,
                    field="automated_decisions",
                ),
                "info",
            )


@rule(
    "gdpr-object-highlighted",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 21(4)",
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
        yield (
            ("rights",),
            msg("gdpr-object-highlighted.missing", purposes=needs),
            "error",
        )
    elif not any(r.highlight for _, r in objections):
        index = objections[0][0]
        yield (
            ("rights", index, "highlight"),
            msg("gdpr-object-highlighted.highlight", setting="highlight: true"),
        )


@rule(
    "gdpr-special-categories",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 9(2), 10",
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
                    msg(
                        "gdpr-special-categories.condition",
                        practice=practice.id,
                        data=sensitive,
                        purpose=pid,
                        field="art9_condition",
                    ),
                )


@rule(
    "gdpr-children",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 8",
)
def children(notice: PrivacyNotice) -> Iterator[tuple]:
    kids = notice.children
    if not kids or not kids.targets_children:
        return
    if any(p.legal_basis in _CONSENT for p in notice.purposes):
        if kids.gdpr_consent_age is None:
            yield ("children", "gdpr_consent_age"), msg("gdpr-children.age")
        if kids.parental_consent is None:
            yield ("children", "parental_consent"), msg("gdpr-children.parental")


@rule(
    "gdpr-indirect-sources",
    profile="gdpr",
    severity="error",
    reference="GDPR Art. 14(1)(d), 14(2)(f), 14(3)",
)
def indirect_sources(notice: PrivacyNotice) -> Iterator[tuple]:
    indirect = [
        (i, c) for i, c in enumerate(notice.data_categories) if c.source in _INDIRECT_SOURCES
    ]
    for index, category in indirect:
        if not category.sources:
            yield (
                ("data_categories", index, "sources"),
                msg(
                    "gdpr-indirect-sources.name",
                    category=category.id,
                    source=msg(f"source.{category.source}"),
                ),
            )
    if indirect and (notice.presentation is None or notice.presentation.delivery_timing is None):
        yield (
            ("presentation", "delivery_timing"),
            msg("gdpr-indirect-sources.timing"),
            "warning",
        )
