"""TILT, the Transparency Information Language and Toolkit: GDPR Art. 13/14 information as JSON,
validated by its JSON Schema (`data/tilt-schema.json`, MIT licence, `data/LICENSE-tilt`).

TILT is organised by data category (`dataDisclosed`), each with its purposes, legal bases,
recipients, storage periods and what happens if it is not provided; rights, transfers, sources
and automated decisions sit beside them. It holds one language: the notice's default locale.
TILT requires a data protection officer and a controller's representative with an e-mail
address; a notice without them gives the controller's privacy contact in their place and says
so in its losses.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from typing import Any

from .. import i18n
from ..model import Organization, PrivacyNotice
from ..model.base import duration_days
from ..model.parties import COPY_MECHANISMS
from .common import say
from .registry import Format, Loss, register

# GDPR Art. 6(1) and 9(2)(a) in TILT's reference form ("GDPR-99-1-a" in its example).
LEGAL_BASES = {
    "consent": ("GDPR-6-1-a", "Consent (GDPR Art. 6(1)(a))"),
    "explicit_consent": ("GDPR-9-2-a", "Explicit consent (GDPR Art. 9(2)(a))"),
    "contract": ("GDPR-6-1-b", "Performance of a contract (GDPR Art. 6(1)(b))"),
    "legal_obligation": ("GDPR-6-1-c", "Legal obligation (GDPR Art. 6(1)(c))"),
    "vital_interests": ("GDPR-6-1-d", "Vital interests (GDPR Art. 6(1)(d))"),
    "public_task": ("GDPR-6-1-e", "Public task (GDPR Art. 6(1)(e))"),
    "legitimate_interests": ("GDPR-6-1-f", "Legitimate interests (GDPR Art. 6(1)(f))"),
}
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_PHONE = re.compile(r"^[+]*[(]{0,1}[0-9]{1,4}[)]{0,1}[-\s\./0-9]*$")
_WEEKS = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(\d+)W(?:(\d+)D)?(T.*)?$")
_NAMESPACE = uuid.UUID("6f1c0e44-8d7e-4c3b-9a53-0b6f3f0e7a11")

CANNOT_CARRY = (
    "translations (TILT holds one language: the notice's default locale)",
    "CCPA facts: sale, sharing for ads, CCPA categories and rights",
    "store-label facts: tracking, linked or not linked, ephemeral processing",
    "choices and opt-outs, security measures, commitments, children, reports",
    "recipients' countries beyond the first, rights' channels beyond the first link and e-mail",
)


class TiltError(ValueError):
    """The notice lacks something TILT requires; the message names the field to set.

    `str(error)` is English; `text(locale)` says it in another language (`format.tilt.*`)."""

    def __init__(self, key: str, **params: Any):
        self.key, self.params = f"format.tilt.{key}", params
        super().__init__(i18n.say(self.key, "en", **params))

    def text(self, locale: str) -> str:
        return i18n.say(self.key, locale, **self.params)


def _address(org_address) -> str:
    if org_address is None:
        return ""
    parts = [org_address.street, org_address.postal_code, org_address.city, org_address.region]
    return ", ".join(p for p in parts if p) or org_address.country


def _ttl(duration: str) -> str:
    # TILT's duration pattern has no weeks: P2W is written P14D.
    match = _WEEKS.match(duration)
    if not match:
        return duration
    years, months, weeks, days, time = match.groups()
    total = int(weeks) * 7 + int(days or 0)
    return f"P{years + 'Y' if years else ''}{months + 'M' if months else ''}{total}D{time or ''}"


def _contact(org: Organization, what: str) -> dict[str, str]:
    if not org.email:
        raise TiltError(f"email_{what}")
    out = {"name": org.name, "email": org.email}
    if org.phone and _PHONE.match(org.phone):
        out["phone"] = org.phone
    return out


def _right(notice: PrivacyNotice, kinds: tuple[str, ...]) -> dict[str, Any]:
    rights = [r for r in notice.rights if r.kind in kinds]
    out: dict[str, Any] = {"available": bool(rights)}
    if not rights:
        return out
    # TILT requires a description whenever a right is available: the notice's own words, else
    # the ways to exercise it.
    text = " ".join(t for t in (say(r.description, notice) for r in rights) if t)
    ways = [
        say(c.label, notice) or c.url or c.email or c.phone
        for r in rights
        for c in r.channels
        if c.label or c.url or c.email or c.phone
    ]
    out["description"] = text or (
        "Exercise it through: " + "; ".join(dict.fromkeys(ways))
        if ways
        else "Contact the controller."
    )
    urls = [c.url for r in rights for c in r.channels if c.url and c.url.startswith("https://")]
    emails = [c.email for r in rights for c in r.channels if c.email]
    if urls:
        out["url"] = urls[0]
    if emails:
        out["email"] = emails[0]
    verification = [say(r.verification, notice) for r in rights if r.verification]
    out["identificationEvidences"] = verification
    return out


def document(notice: PrivacyNotice) -> dict[str, Any]:
    """The notice as a TILT document (a dict that validates against the TILT schema)."""
    language = notice.default_locale.split("-")[0].lower()
    if not _LANGUAGE.match(language):
        raise TiltError("language", value=notice.default_locale)
    controller = notice.controller
    if controller.address is None:
        raise TiltError("country")
    representative = notice.representative or controller
    rep = _contact(representative, "representative" if notice.representative else "controller")
    if notice.dpo and notice.dpo.email:
        dpo_address = notice.dpo.address or controller.address
        dpo = {
            "name": notice.dpo.name or "Data protection officer",
            "address": _address(dpo_address),
            "country": dpo_address.country,
            "email": notice.dpo.email,
        }
        if notice.dpo.phone and _PHONE.match(notice.dpo.phone):
            dpo["phone"] = notice.dpo.phone
    else:
        dpo = {
            "name": controller.name,
            "address": _address(controller.address),
            "country": controller.address.country,
            **{k: v for k, v in _contact(controller, "controller").items() if k != "name"},
        }

    disclosed = []
    for category in notice.data_categories:
        practices = [p for p in notice.practices if category.id in p.data]
        purposes = [notice.purpose(pid) for p in practices for pid in p.purposes]
        purposes = list({p.id: p for p in purposes}.values())
        recipients = list(dict.fromkeys(r for p in practices for r in p.recipients))
        rules = list(dict.fromkeys(p.retention for p in practices if p.retention))
        storage = []
        for rid in rules:
            rule = notice.retention_rule(rid)
            conditional = [t for t in (say(rule.after, notice), say(rule.criteria, notice)) if t]
            if rule.legal_requirement:
                conditional.append(f"Kept as required by {say(rule.legal_requirement, notice)}")
            storage.append(
                {
                    "temporal": [
                        {
                            "description": say(rule.label, notice) or rule.duration,
                            "ttl": _ttl(rule.duration),
                        }
                    ]
                    if rule.duration
                    else [],
                    "purposeConditional": conditional,
                    "legalBasisConditional": [],
                    "aggregationFunction": "max",
                }
            )
        necessities = {p.necessity for p in practices}
        consequences = [say(p.consequences_if_not_provided, notice) for p in practices]
        disclosed.append(
            {
                "_id": category.id,
                "category": say(category.label, notice),
                "purposes": [
                    {"purpose": say(p.label, notice), "description": say(p.description, notice)}
                    for p in purposes
                ],
                "legalBases": [
                    {"reference": LEGAL_BASES[b][0], "description": LEGAL_BASES[b][1]}
                    for b in dict.fromkeys(p.legal_basis for p in purposes if p.legal_basis)
                ],
                "legitimateInterests": [
                    {"exists": True, "reasoning": say(p.legitimate_interest, notice) or ""}
                    for p in purposes
                    if p.legal_basis == "legitimate_interests"
                ],
                "recipients": [_recipient(notice, r) for r in recipients],
                "storage": storage,
                "nonDisclosure": {
                    "legalRequirement": "statutory" in necessities,
                    "contractualRegulation": "contract" in necessities,
                    "obligationToProvide": bool(
                        necessities & {"statutory", "contract", "required"}
                    ),
                    "consequences": " ".join(c for c in consequences if c),
                },
            }
        )

    transfers = []
    for t in notice.transfers:
        description = say(t.safeguard_description, notice) or t.mechanism.replace("_", " ")
        transfers.append(
            {
                "country": t.destination,
                "adequacyDecision": {
                    "available": t.mechanism in ("adequacy_decision", "eu_us_dpf"),
                    "description": description,
                },
                "appropriateGuarantees": {
                    "available": t.mechanism in COPY_MECHANISMS,
                    "description": description,
                },
                "standardDataProtectionClause": {
                    "available": t.mechanism == "sccs",
                    "description": t.copy_available_at or description,
                },
            }
        )

    sources = []
    named = {s.id: s for s in notice.sources}
    for category in notice.data_categories:
        if not category.sources:
            continue
        sources.append(
            {
                "_id": category.id,
                "dataCategory": say(category.label, notice),
                "sources": [
                    {
                        "description": " ".join(
                            t for t in (named[s].name, say(named[s].description, notice)) if t
                        ),
                        "url": named[s].url or "",
                        "publiclyAvailable": named[s].publicly_accessible,
                    }
                    for s in category.sources
                ],
            }
        )

    complain = _right(notice, ("complain_authority",))
    if complain["available"] and not notice.supervisory_authorities:
        raise TiltError("authority")
    if notice.supervisory_authorities:
        authority = notice.supervisory_authorities[0]
        complain["supervisoryAuthority"] = {
            k: v
            for k, v in {
                "name": authority.name,
                "country": authority.country,
                "email": authority.email,
                "phone": authority.phone
                if authority.phone and _PHONE.match(authority.phone)
                else None,
            }.items()
            if v
        }
        if authority.url:
            complain.setdefault("url", authority.url)
    decisions = notice.automated_decisions
    meta = {
        "_id": str(uuid.uuid5(_NAMESPACE, notice.url or notice.id)),
        "name": say(notice.title, notice),
        "created": notice.effective_date.isoformat(),
        "modified": (notice.last_updated or notice.effective_date).isoformat(),
        "version": 1,
        "language": language,
        "status": "active",
        "url": notice.url or (notice.full_policy.url if notice.full_policy else None) or "",
        "_hash": "",
    }
    doc = {
        "meta": meta,
        "controller": {
            "name": controller.legal_name or controller.name,
            "address": _address(controller.address),
            "country": controller.address.country,
            "representative": rep,
        },
        "dataProtectionOfficer": dpo,
        "dataDisclosed": disclosed,
        "thirdCountryTransfers": transfers,
        "accessAndDataPortability": _right(notice, ("access", "portability", "ccpa_know")),
        "sources": sources,
        "rightToInformation": _right(notice, ("access", "ccpa_know")),
        "rightToRectificationOrDeletion": _right(
            notice, ("rectification", "erasure", "ccpa_correct", "ccpa_delete")
        ),
        "rightToDataPortability": _right(notice, ("portability",)),
        "rightToWithdrawConsent": _right(notice, ("withdraw_consent",)),
        "rightToComplain": complain,
        "automatedDecisionMaking": {
            "inUse": bool(decisions),
            "logicInvolved": " ".join(say(d.logic, notice) for d in decisions),
            "scopeAndIntendedEffects": " ".join(say(d.significance, notice) for d in decisions),
        },
        "changesOfPurpose": [],
    }
    # The hash identifies the content: SHA-256 of the document without it, keys sorted.
    meta["_hash"] = hashlib.sha256(
        json.dumps(doc, sort_keys=True, ensure_ascii=False).encode("utf-8")
    ).hexdigest()
    return doc


def _recipient(notice: PrivacyNotice, rid: str) -> dict[str, Any]:
    r = notice.recipient(rid)
    out: dict[str, Any] = {}
    if r.name:
        out["name"] = r.name
    if r.countries:
        out["country"] = r.countries[0]
    out["category"] = say(r.label, notice) or r.kind.replace("_", " ")
    return out


def export(notice: PrivacyNotice) -> bytes:
    return (json.dumps(document(notice), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def losses(notice: PrivacyNotice) -> list[Loss]:
    """What of this notice TILT cannot say, or says only roughly."""
    found: list[Loss] = []
    if len(notice.all_locales) > 1:
        found.append(
            Loss.said(("locales",), "tilt.one_language", "dropped", language=notice.default_locale)
        )
    if notice.dpo is None or not notice.dpo.email:
        found.append(Loss.said(("dpo",), "tilt.no_dpo"))
    if notice.representative is None:
        found.append(Loss.said(("representative",), "tilt.no_representative"))
    for i, r in enumerate(notice.recipients):
        if len(r.countries) > 1:
            found.append(
                Loss.said(
                    ("recipients", i, "countries"),
                    "tilt.one_country",
                    "dropped",
                    country=r.countries[0],
                )
            )
    for i, p in enumerate(notice.practices):
        if p.sold or p.shared_for_ads or p.tracking:
            found.append(Loss.said(("practices", i), "tilt.no_sale", "dropped", practice=p.id))
    for i, rule in enumerate(notice.retention):
        if rule.duration and duration_days(rule.duration) and "W" in rule.duration:
            found.append(
                Loss.said(
                    ("retention", i, "duration"),
                    "tilt.in_days",
                    duration=rule.duration,
                    days=_ttl(rule.duration),
                )
            )
    return found


FORMAT = register(
    Format(
        name="tilt",
        title="TILT (Transparency Information Language)",
        suffix=".tilt.json",
        media_type="application/json",
        export=export,
        losses=losses,
        cannot_carry=CANNOT_CARRY,
    )
)
