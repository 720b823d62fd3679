"""CCPA notice at collection (11 CCR §7012(e); Civ. Code §1798.100(a)), checklist C.4."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import PrivacyNotice
from ..model.vocab import CCPA_JURISDICTIONS
from .registry import practices_in, rule


def _practices_in_california(notice: PrivacyNotice):
    return practices_in(notice, CCPA_JURISDICTIONS)


def _sells_or_shares(notice: PrivacyNotice) -> bool:
    return any(p.sold or p.shared_for_ads for _, p in _practices_in_california(notice))


@rule(
    "ccpa-categories",
    profile="ccpa",
    severity="warning",
    reference="11 CCR §7012(e)(1)",
    title="Categories of personal information, described meaningfully",
)
def categories(notice: PrivacyNotice) -> Iterator[tuple]:
    used = {d for _, p in _practices_in_california(notice) for d in p.data}
    for index, category in enumerate(notice.data_categories):
        if category.id not in used:
            continue
        if not category.code("ccpa"):
            yield (
                ("data_categories", index, "codes"),
                f"'{category.id}' maps to no CCPA category (A-L): set `kind` or codes.ccpa",
            )
        if category.description is None and not category.examples:
            yield (
                ("data_categories", index, "description"),
                f"describe '{category.id}' or give examples so people understand what it is",
            )


@rule(
    "ccpa-purposes",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7012(e)(2)",
    title="Each category is tied to its purposes",
)
def purposes(notice: PrivacyNotice) -> Iterator[tuple]:
    used = {d for _, p in _practices_in_california(notice) for d in p.data}
    for index, category in enumerate(notice.data_categories):
        if category.id not in used:
            yield (
                ("data_categories", index),
                f"'{category.id}' is listed but no practice says what it is used for",
            )


@rule(
    "ccpa-retention",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7012(e)(4); Civ. Code §1798.100(a)(3)",
    title="How long each category is kept",
)
def retention(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, practice in _practices_in_california(notice):
        if practice.retention is None:
            yield (
                ("practices", index, "retention"),
                f"practice '{practice.id}' does not say how long its categories are kept",
            )


@rule(
    "ccpa-opt-out-link",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7012(e)(5), §7013; Civ. Code §1798.135",
    title="A 'Do Not Sell or Share' link when data is sold or shared",
)
def opt_out_link(notice: PrivacyNotice) -> Iterator[tuple]:
    if _sells_or_shares(notice) and (
        notice.choices is None or notice.choices.do_not_sell_or_share_url is None
    ):
        yield (
            ("choices", "do_not_sell_or_share_url"),
            "personal information is sold or shared: link to 'Do Not Sell or Share My Personal Information'",
        )


@rule(
    "ccpa-policy-link",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7012(e)(6)",
    title="A link to the full privacy policy",
)
def policy_link(notice: PrivacyNotice) -> Iterator[tuple]:
    if notice.url is None and (notice.full_policy is None or notice.full_policy.url is None):
        yield ("full_policy", "url"), "link to the full privacy policy"


@rule(
    "ccpa-limit-spi",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7014",
    title="A 'Limit the Use of My Sensitive Personal Information' link",
)
def limit_spi(notice: PrivacyNotice) -> Iterator[tuple]:
    choices = notice.choices
    if choices and choices.spi_used_beyond_permitted and choices.limit_spi_url is None:
        yield (
            ("choices", "limit_spi_url"),
            "sensitive personal information is used beyond §7027(m): link to 'Limit the Use of My "
            "Sensitive Personal Information'",
        )


@rule(
    "ccpa-gpc",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7025; Civ. Code §1798.135(e)",
    title="Opt-out preference signals (Global Privacy Control)",
)
def gpc(notice: PrivacyNotice) -> Iterator[tuple]:
    signal = notice.choices.gpc if notice.choices else None
    if _sells_or_shares(notice) and (signal is None or not signal.honored):
        yield (
            ("choices", "gpc"),
            "personal information is sold or shared: Global Privacy Control must be honoured as an opt-out",
        )
    elif signal is None:
        yield ("choices", "gpc"), "say whether Global Privacy Control is honoured", "info"


@rule(
    "ccpa-under-16",
    profile="ccpa",
    severity="error",
    reference="Civ. Code §1798.120(c)",
    title="Opt-in before selling or sharing data of people under 16",
)
def under_16(notice: PrivacyNotice) -> Iterator[tuple]:
    kids = notice.children
    if kids and kids.sells_or_shares_under_16 and (kids.parental_consent is None):
        yield (
            ("children", "parental_consent"),
            "data of people under 16 is sold or shared: say how their (or a parent's) opt-in is obtained",
        )


@rule(
    "ccpa-rights",
    profile="ccpa",
    severity="warning",
    reference="Civ. Code §1798.100-.125; 11 CCR §7011",
    title="Californians' rights and how to use them",
)
def rights(notice: PrivacyNotice) -> Iterator[tuple]:
    have = {r.kind for r in notice.rights}
    needed = ["ccpa_know", "ccpa_delete", "ccpa_correct", "ccpa_non_discrimination"]
    if _sells_or_shares(notice):
        needed.append("ccpa_opt_out_sale_share")
    if notice.choices and notice.choices.spi_used_beyond_permitted:
        needed.append("ccpa_limit_spi")
    for kind in needed:
        if kind not in have:
            yield ("rights",), f"add the right '{kind}' for California residents"
