"""The notice as JSON-LD in the W3C Data Privacy Vocabulary (DPV 2.x), so a machine reads what
the infographic shows (GDPR Art. 12(7): icons, where used, shall be machine-readable).

Each practice becomes one `dpv:PersonalDataHandling` (DPV 2 also types it `dpv:Process`) with
its personal data, purposes, legal bases, recipients, processing, necessity and storage
duration, tied to the notice (`dpv:PrivacyNotice`) by `dpv:hasNotice`. Categories and purposes
carry their DPV concepts from the crosswalk (`pd:EmailAddress`, `dpv:ServiceUsageAnalytics`) and
their labels in every locale. The output is deterministic: the same notice gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import PrivacyNotice
from ..model.text import LongText, Text
from .registry import Format, Loss, register

CONTEXT = {
    "dpv": "https://w3id.org/dpv#",
    "pd": "https://w3id.org/dpv/pd#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "loc": "https://w3id.org/dpv/loc#",
    "dct": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
LEGAL_BASES = {
    "consent": "eu-gdpr:A6-1-a",
    "explicit_consent": "eu-gdpr:A9-2-a",
    "contract": "eu-gdpr:A6-1-b",
    "legal_obligation": "eu-gdpr:A6-1-c",
    "vital_interests": "eu-gdpr:A6-1-d",
    "public_task": "eu-gdpr:A6-1-e",
    "legitimate_interests": "eu-gdpr:A6-1-f",
}
RIGHTS = {
    "access": "eu-gdpr:A15",
    "rectification": "eu-gdpr:A16",
    "erasure": "eu-gdpr:A17",
    "restriction": "eu-gdpr:A18",
    "portability": "eu-gdpr:A20",
    "object": "eu-gdpr:A21",
    "object_direct_marketing": "eu-gdpr:A21",
    "object_profiling": "eu-gdpr:A21",
    "not_subject_to_adm": "eu-gdpr:A22",
    "withdraw_consent": "eu-gdpr:A7-3",
    "complain_authority": "eu-gdpr:A77",
}
MEASURES = {
    "encryption_in_transit": "dpv:EncryptionInTransfer",
    "encryption_at_rest": "dpv:EncryptionAtRest",
    "access_control": "dpv:AccessControlMethod",
    "multi_factor_auth": "dpv:MultiFactorAuthentication",
    "pseudonymisation": "dpv:Pseudonymisation",
    "audits": "dpv:Audit",
    "penetration_testing": "dpv:PenetrationTestingMethods",
    "staff_training": "dpv:StaffTraining",
    "incident_response": "dpv:IncidentManagementProcedures",
    "backups": "dpv:DataBackupProtocols",
}
TRANSFER_BASES = {
    "adequacy_decision": "eu-gdpr:A45-3",
    "eu_us_dpf": "eu-gdpr:A45-3",
    "sccs": "eu-gdpr:A46-2-c",
    "bcrs": "eu-gdpr:A46-2-b",
    "approved_code": "eu-gdpr:A46-2-e",
    "approved_certification": "eu-gdpr:A46-2-f",
    "ad_hoc_clauses": "eu-gdpr:A46-3-a",
}
PROVENANCE = {
    "provided": "dpv:ProvidedPersonalData",
    "observed": "dpv:ObservedPersonalData",
    "inferred": "dpv:InferredPersonalData",
    "third_party": "dpv:CollectedPersonalData",
    "public": "dpv:CollectedPersonalData",
}
DURATIONS = {
    "temporal": "dpv:TemporalDuration",
    "until_event": "dpv:UntilEventDuration",
    "indeterminate": "dpv:IndeterminateDuration",
}

CANNOT_CARRY = (
    "privacy reports, presentation hints and the full policy's length",
    "choices' click counts and Global Privacy Control, children's ages",
    "CCPA rights and 'sale' as such (DPV's US extension has laws, not these terms)",
    "commitments' wording (only what the practices say)",
)


def _text(value: Text | LongText | None, notice: PrivacyNotice) -> list[dict[str, str]] | None:
    """Every translation as a language-tagged literal."""
    if value is None:
        return None
    if isinstance(value.root, str):
        return [{"@value": value.root, "@language": notice.default_locale}]
    return [{"@value": text, "@language": lang} for lang, text in value.root.items()]


def _ref(id: str) -> dict[str, str]:
    return {"@id": id}


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v not in (None, [], {})}


def document(notice: PrivacyNotice) -> dict[str, Any]:
    """The notice as a JSON-LD document (a dict), in DPV terms."""
    base = notice.url or f"urn:notice-builder:{notice.id}"
    me = f"{base}#"
    notice_id = f"{me}notice"
    controller = notice.controller
    kinds = {r.id: r for r in notice.recipients}
    transferred = {rid for t in notice.transfers for rid in t.recipients}
    graph: list[dict[str, Any]] = [
        _clean(
            {
                "@id": notice_id,
                "@type": ["dpv:PrivacyNotice", "dpv:GraphicalNotice"],
                "dct:identifier": notice.id,
                "dct:title": _text(notice.title, notice),
                "dct:description": _text(notice.summary, notice),
                "dct:language": notice.all_locales,
                "dct:valid": {"@value": notice.effective_date.isoformat(), "@type": "xsd:date"},
                "dct:modified": {"@value": notice.last_updated.isoformat(), "@type": "xsd:date"}
                if notice.last_updated
                else None,
                "dct:coverage": list(notice.jurisdictions),
                "dpv:hasDataController": _ref(f"{me}controller"),
                "dpv:hasDataProtectionOfficer": _ref(f"{me}dpo") if notice.dpo else None,
                "dpv:hasRepresentative": _ref(f"{me}representative")
                if notice.representative
                else None,
                "dpv:hasRight": [
                    _ref(RIGHTS.get(r.kind, "dpv:DataSubjectRight")) for r in notice.rights
                ],
                "dpv:hasTechnicalOrganisationalMeasure": [
                    _ref(MEASURES[m.kind])
                    for m in (notice.security.measures if notice.security else [])
                    if m.kind in MEASURES
                ],
            }
        ),
        _clean(
            {
                "@id": f"{me}controller",
                "@type": "dpv:DataController",
                "dpv:hasName": controller.name,
                "dpv:hasContact": controller.email,
                "dct:spatial": _ref(f"loc:{controller.address.country}")
                if controller.address
                else None,
            }
        ),
    ]
    if notice.dpo:
        graph.append(
            _clean(
                {
                    "@id": f"{me}dpo",
                    "@type": "dpv:DataProtectionOfficer",
                    "dpv:hasName": notice.dpo.name,
                    "dpv:hasContact": notice.dpo.email or notice.dpo.url or notice.dpo.phone,
                }
            )
        )
    if notice.representative:
        graph.append(
            _clean(
                {
                    "@id": f"{me}representative",
                    "@type": "dpv:Representative",
                    "dpv:hasName": notice.representative.name,
                    "dpv:hasContact": notice.representative.email,
                }
            )
        )
    for category in notice.data_categories:
        graph.append(
            _clean(
                {
                    "@id": f"{me}data-{category.id}",
                    "@type": [
                        *(category.code("dpv") or ["dpv:PersonalData"]),
                        PROVENANCE[category.source],
                    ]
                    + (["dpv:SensitivePersonalData"] if category.is_sensitive else []),
                    "rdfs:label": _text(category.label, notice),
                    "dct:description": _text(category.description, notice),
                }
            )
        )
    for purpose in notice.purposes:
        graph.append(
            _clean(
                {
                    "@id": f"{me}purpose-{purpose.id}",
                    "@type": purpose.code("dpv") or ["dpv:Purpose"],
                    "rdfs:label": _text(purpose.label, notice),
                    "dct:description": _text(purpose.description, notice),
                }
            )
        )
    for recipient in notice.recipients:
        graph.append(
            _clean(
                {
                    "@id": f"{me}recipient-{recipient.id}",
                    "@type": "dpv:DataProcessor" if recipient.is_processor else "dpv:ThirdParty",
                    "dpv:hasName": recipient.name,
                    "rdfs:label": _text(recipient.label, notice),
                    "dct:spatial": [_ref(f"loc:{c}") for c in recipient.countries],
                }
            )
        )
    for rule in notice.retention:
        graph.append(
            _clean(
                {
                    "@id": f"{me}retention-{rule.id}",
                    "@type": "dpv:StorageDuration",
                    "rdfs:label": _text(rule.label, notice),
                    "dpv:hasDuration": _clean(
                        {
                            "@type": DURATIONS[rule.duration_type],
                            "rdf:value": {"@value": rule.duration, "@type": "xsd:duration"}
                            if rule.duration
                            else None,
                            "dct:description": _text(rule.after or rule.criteria, notice),
                        }
                    ),
                }
            )
        )
    for index, transfer in enumerate(notice.transfers):
        graph.append(
            _clean(
                {
                    "@id": f"{me}transfer-{index}",
                    "@type": "dpv:CrossBorderTransfer",
                    "dct:spatial": _ref(f"loc:{transfer.destination}"),
                    "dpv:hasDataImporter": [
                        _ref(f"{me}recipient-{r}") for r in transfer.recipients
                    ],
                    "dpv:hasLegalBasis": _ref(TRANSFER_BASES[transfer.mechanism])
                    if transfer.mechanism in TRANSFER_BASES
                    else None,
                }
            )
        )
    for practice in notice.practices:
        purposes = [notice.purpose(p) for p in practice.purposes]
        processing = ["dpv:Collect", "dpv:Use"]
        if not practice.ephemeral:
            processing.append("dpv:Store")
        if any(not kinds[r].is_processor for r in practice.recipients):
            processing.append("dpv:Share")
        elif practice.recipients:
            processing.append("dpv:Transmit")
        if transferred & set(practice.recipients):
            processing.append("dpv:CrossBorderTransfer")
        if practice.profiling:
            processing.append("dpv:Profiling")
        if practice.tracking:
            processing.append("dpv:Tracking")
        if practice.identifiability == "anonymised":
            processing.append("dpv:Anonymise")
        bases = dict.fromkeys(LEGAL_BASES[p.legal_basis] for p in purposes if p.legal_basis)
        graph.append(
            _clean(
                {
                    "@id": f"{me}practice-{practice.id}",
                    "@type": ["dpv:PersonalDataHandling", "dpv:Process"],
                    "dct:identifier": practice.id,
                    "dct:description": _text(practice.description, notice),
                    "dpv:hasNotice": _ref(notice_id),
                    "dpv:hasDataController": _ref(f"{me}controller"),
                    "dpv:hasPersonalData": [_ref(f"{me}data-{d}") for d in practice.data],
                    "dpv:hasPurpose": [_ref(f"{me}purpose-{p}") for p in practice.purposes],
                    "dpv:hasLegalBasis": [_ref(b) for b in bases],
                    "dpv:hasRecipient": [_ref(f"{me}recipient-{r}") for r in practice.recipients],
                    "dpv:hasProcessing": [_ref(p) for p in processing],
                    "dpv:hasNecessity": _ref(
                        "dpv:Optional" if practice.necessity == "optional" else "dpv:Required"
                    ),
                    "dpv:hasStorageCondition": _ref(f"{me}retention-{practice.retention}")
                    if practice.retention
                    else None,
                    "dct:coverage": list(practice.applies_in),
                }
            )
        )
    return {"@context": CONTEXT, "@graph": graph}


def jsonld(notice: PrivacyNotice, *, indent: int | None = 2) -> str:
    """The notice as DPV JSON-LD text (for a file, or an SVG's <metadata>)."""
    return json.dumps(document(notice), ensure_ascii=False, indent=indent) + "\n"


def export(notice: PrivacyNotice) -> bytes:
    return jsonld(notice).encode("utf-8")


def losses(notice: PrivacyNotice) -> list[Loss]:
    """What of this notice DPV says only roughly: rights and measures without a DPV term,
    categories and purposes that fall back to the generic concept."""
    found: list[Loss] = []
    for i, category in enumerate(notice.data_categories):
        if not category.code("dpv"):
            found.append(
                Loss.said(("data_categories", i, "kind"), "dpv.no_category", category=category.id)
            )
    for i, purpose in enumerate(notice.purposes):
        if not purpose.code("dpv"):
            found.append(Loss.said(("purposes", i, "kind"), "dpv.no_purpose", purpose=purpose.id))
    for i, right in enumerate(notice.rights):
        if right.kind not in RIGHTS:
            found.append(Loss.said(("rights", i, "kind"), "dpv.no_right", right=right.kind))
    for i, measure in enumerate(notice.security.measures if notice.security else []):
        if measure.kind not in MEASURES:
            found.append(
                Loss.said(
                    ("security", "measures", i, "kind"),
                    "dpv.no_measure",
                    "dropped",
                    measure=measure.kind,
                )
            )
    for i, transfer in enumerate(notice.transfers):
        if transfer.mechanism not in TRANSFER_BASES:
            found.append(
                Loss.said(
                    ("transfers", i, "mechanism"),
                    "dpv.no_article",
                    "dropped",
                    mechanism=transfer.mechanism,
                )
            )
    return found


FORMAT = register(
    Format(
        name="dpv",
        title="W3C Data Privacy Vocabulary (JSON-LD)",
        suffix=".jsonld",
        media_type="application/ld+json",
        export=export,
        losses=losses,
        cannot_carry=CANNOT_CARRY,
    )
)


def svg_metadata(notice: PrivacyNotice) -> dict[str, str]:
    """The notice's DPV JSON-LD as SVG metadata, for `write_svg(..., metadata=...)` or
    `export.Options(metadata=...)`: the editable SVG then carries its rows machine-readably."""
    return {"dpv": jsonld(notice, indent=None).strip()}
