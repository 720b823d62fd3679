"""The short facts a summary states, derived from the notice: how many kinds of data, whether
any is sold, how many service providers, the longest retention, how many clicks to opt out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import t
from ..model import PrivacyNotice, RetentionRule
from ..model.base import duration_days

_PARTS = re.compile(r"(\d+)([YMWDH])")
_UNIT = {
    "Y": "duration.years",
    "M": "duration.months",
    "W": "duration.weeks",
    "D": "duration.days",
    "H": "duration.hours",
}


def humanize_duration(iso: str, locale: str) -> str:
    """'P2Y' -> '2 years', 'P18M' -> '18 months', 'P1Y6M' -> '18 months', 'PT1H' -> '1 hour'."""
    date, _, time = iso[1:].partition("T")
    parts = [(int(n), u) for n, u in _PARTS.findall(date)]
    parts += [(int(n), "H") for n, u in _PARTS.findall(time) if u == "H"]
    if len(parts) == 1:
        count, unit = parts[0]
        return t(_UNIT[unit], locale, count=count)
    days = duration_days(iso)
    if days >= 60:
        return t("duration.months", locale, count=round(days / 30.44))
    if days >= 1:
        return t("duration.days", locale, count=round(days))
    return t("duration.hours", locale, count=max(1, round(days * 24)))


def describe_retention(rule: RetentionRule, notice: PrivacyNotice, locale: str) -> str:
    """How long, in words: '2 years after you close your account', 'Until …', '6 years'."""
    event = rule.after.get(locale, notice.default_locale) if rule.after else None
    if rule.duration and event:
        return t(
            "duration.after", locale, duration=humanize_duration(rule.duration, locale), event=event
        )
    if rule.duration:
        return humanize_duration(rule.duration, locale)
    if event:
        return t("duration.until", locale, event=event)
    return t("duration.criteria", locale)


@dataclass(frozen=True)
class Facts:
    """Numbers and flags a summary shows."""

    categories: int
    purposes: int
    sold: bool
    shared_for_ads: bool
    processors: int
    third_parties: int
    longest_retention: RetentionRule | None
    opt_out_clicks: int | None
    gpc_honoured: bool
    full_policy_minutes: float | None


def facts(notice: PrivacyNotice) -> Facts:
    used_recipients = {r for p in notice.practices for r in p.recipients}
    recipients = [r for r in notice.recipients if r.id in used_recipients]
    used_rules = {p.retention for p in notice.practices if p.retention}
    rules = [r for r in notice.retention if r.id in used_rules and r.days is not None]
    choices = notice.choices
    clicks = [o.clicks for o in choices.opt_outs] if choices else []
    policy = notice.full_policy
    return Facts(
        categories=len(notice.data_categories),
        purposes=len(notice.purposes),
        sold=any(p.sold for p in notice.practices),
        shared_for_ads=any(p.shared_for_ads for p in notice.practices),
        processors=sum(r.is_processor for r in recipients),
        third_parties=sum(not r.is_processor for r in recipients),
        longest_retention=max(rules, key=lambda r: r.days or 0, default=None),
        # The honest promise is the slowest opt-out: "opt out in at most N clicks".
        opt_out_clicks=max(clicks) if clicks else None,
        gpc_honoured=bool(choices and choices.gpc and choices.gpc.honored),
        full_policy_minutes=policy.reading_minutes if policy else None,
    )


def period_label(period: str, locale: str) -> str:
    """'2026-Q3' -> 'Q3 2026' (English) or 'الربع 3 من 2026' (Arabic)."""
    year, _, part = period.partition("-")
    if not part:
        return t("period.year", locale, year=year)
    if part[0] in "QH":
        return t(
            "period.quarter" if part[0] == "Q" else "period.half", locale, part=part[1:], year=year
        )
    return t("period.month", locale, month=part, year=year)
