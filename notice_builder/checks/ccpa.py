"""CCPA notice at collection (11 CCR §7012(e); Civ. Code §1798.100(a)), checklist C.4."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import PrivacyNotice
from ..model.vocab import CCPA_JURISDICTIONS
from .registry import msg, practices_in, rule

# The links' titles as the regulations word them (11 CCR §7013, §7014); quoted in every language.
DO_NOT_SELL = "Do Not Sell or Share My Personal Information"
LIMIT_SPI = "Limit the Use of My Sensitive Personal Information"


def _practices_in_california(notice: PrivacyNotice):
    return practices_in(notice, CCPA_JURISDICTIONS)


def _sells_or_shares(notice: PrivacyNotice) -> bool:
    return any(p.sold or p.shared_for_ads for _, p in _practices_in_california(notice))


@rule(
    "ccpa-categories",
    profile="ccpa",
    severity="warning",
    reference="11 CCR §7012(e)(1)",
)
def categories(notice: PrivacyNotice) -> Iterator[tuple]:
    used = {d for _, p in _practices_in_california(notice) for d in p.data}
    for index, category in enumerate(notice.data_categories):
        if category.id not in used:
            continue
        if not category.code("ccpa"):
            yield (
                ("data_categories", index, "codes"),
                msg(
                    "ccpa-categories.code", category=category.id, kind="`kind`", codes="codes.ccpa"
                ),
            )
        if category.description is None and not category.examples:
            yield (
                ("data_categories", index, "description"),
                msg("ccpa-categories.description", category=category.id),
            )


@rule(
    "ccpa-purposes",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7012(e)(2)",
)
def purposes(notice: PrivacyNotice) -> Iterator[tuple]:
    used = {d for _, p in _practices_in_california(notice) for d in p.data}
    for index, category in enumerate(notice.data_categories):
        if category.id not in used:
            yield (
                ("data_categories", index),
                msg("ccpa-purposes.unused", category=category.id),
            )


@rule(
    "ccpa-retention",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7012(e)(4); Civ. Code §1798.100(a)(3)",
)
def retention(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, practice in _practices_in_california(notice):
        if practice.retention is None:
            yield (
                ("practices", index, "retention"),
                msg("ccpa-retention.missing", practice=practice.id),
            )


@rule(
    "ccpa-opt-out-link",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7012(e)(5), §7013; Civ. Code §1798.135",
)
def opt_out_link(notice: PrivacyNotice) -> Iterator[tuple]:
    if _sells_or_shares(notice) and (
        notice.choices is None or notice.choices.do_not_sell_or_share_url is None
    ):
        yield (
            ("choices", "do_not_sell_or_share_url"),
            msg("ccpa-opt-out-link.missing", link=DO_NOT_SELL),
        )


@rule(
    "ccpa-policy-link",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7012(e)(6)",
)
def policy_link(notice: PrivacyNotice) -> Iterator[tuple]:
    if notice.url is None and (notice.full_policy is None or notice.full_policy.url is None):
        yield ("full_policy", "url"), msg("ccpa-policy-link.missing")


@rule(
    "ccpa-limit-spi",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7014",
)
def limit_spi(notice: PrivacyNotice) -> Iterator[tuple]:
    choices = notice.choices
    if choices and choices.spi_used_beyond_permitted and choices.limit_spi_url is None:
        yield (
            ("choices", "limit_spi_url"),
            msg("ccpa-limit-spi.missing", link=LIMIT_SPI),
        )


@rule(
    "ccpa-gpc",
    profile="ccpa",
    severity="error",
    reference="11 CCR §7025; Civ. Code §1798.135(e)",
)
def gpc(notice: PrivacyNotice) -> Iterator[tuple]:
    signal = notice.choices.gpc if notice.choices else None
    if _sells_or_shares(notice) and (signal is None or not signal.honored):
        yield (
            ("choices", "gpc"),
            msg("ccpa-gpc.honour"),
        )
    elif signal is None:
        yield ("choices", "gpc"), msg("ccpa-gpc.say"), "info"


@rule(
    "ccpa-under-16",
    profile="ccpa",
    severity="error",
    reference="Civ. Code §1798.120(c)",
)
def under_16(notice: PrivacyNotice) -> Iterator[tuple]:
    kids = notice.children
    if kids and kids.sells_or_shares_under_16 and (kids.parental_consent is None):
        yield (
            ("children", "parental_consent"),
            msg("ccpa-under-16.opt_in"),
        )


@rule(
    "ccpa-rights",
    profile="ccpa",
    severity="warning",
    reference="Civ. Code §1798.100-.125; 11 CCR §7011",
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
            yield ("rights",), msg("ccpa-rights.missing", kind=kind)
