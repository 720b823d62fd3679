"""The retention timeline: how long each group of data is kept, on one time axis."""

from __future__ import annotations

import math

from ..i18n import t
from ..model import PrivacyNotice, RetentionRule
from .spec import Tick, TimelineItem, TimelineSpec
from .wording import DAYS_PER_MONTH, DAYS_PER_YEAR, duration, listing, text

# (unit in days, message key, steps in that unit), coarsest first.
_TICK_UNITS = (
    (DAYS_PER_YEAR, "duration.years", (1, 2, 5, 10, 20, 50)),
    (DAYS_PER_MONTH, "duration.months", (1, 2, 3, 6)),
    (7.0, "duration.weeks", (1, 2)),
    (1.0, "duration.days", (1, 2, 5, 7)),
)
MAX_TICKS = 7


def time_ticks(max_days: float, locale: str) -> tuple[Tick, ...]:
    """Round positions from 0 past `max_days`, in years, months, weeks or days."""
    if max_days <= 0:
        return ()
    for unit, key, steps in _TICK_UNITS:
        if max_days >= 2 * unit or unit == 1.0:
            span = max_days / unit
            step = next((s for s in steps if span / s <= MAX_TICKS - 1), steps[-1])
            count = max(1, math.ceil(span / step - 1e-9))
            ticks = [Tick(0.0, "0")]
            ticks += [
                Tick(i * step * unit, t(key, locale, count=i * step)) for i in range(1, count + 1)
            ]
            return tuple(ticks)
    return ()  # pragma: no cover - the days unit always matches


def _period(rule: RetentionRule, notice: PrivacyNotice, locale: str) -> str:
    """The rule in words: its own label, else "2 years after …", "Until …" or "Depends"."""
    if rule.label:
        return text(rule.label, notice, locale)
    event = text(rule.after, notice, locale)
    if rule.days is not None and event:
        return t("duration.after", locale, duration=duration(rule.days, locale), event=event)
    if rule.days is not None:
        return duration(rule.days, locale)
    if event:
        return t("duration.until", locale, event=event)
    return t("duration.criteria", locale)


def _event(rule: RetentionRule, notice: PrivacyNotice, locale: str) -> str:
    """ "Counted from: you close your account", for a fixed period after an event."""
    if rule.after is None or rule.days is None:
        return ""
    return t("chart.retention.from_event", locale, event=text(rule.after, notice, locale))


def _note(rule: RetentionRule, notice: PrivacyNotice, locale: str) -> str | None:
    if rule.legal_requirement:
        return t("chart.retention.law", locale, law=text(rule.legal_requirement, notice, locale))
    return text(rule.criteria, notice, locale) or None


def retention_timeline(notice: PrivacyNotice, locale: str) -> TimelineSpec:
    """One item per retention rule in use (shortest first, open-ended ones last), labelled
    with the kinds of data it applies to."""
    data: dict[str, list[str]] = {}
    for practice in notice.practices:
        if practice.retention:
            names = data.setdefault(practice.retention, [])
            for d in practice.data:
                label = text(notice.category(d).label, notice, locale)
                if label not in names:
                    names.append(label)
    rules = [r for r in notice.retention if r.id in data] or list(notice.retention)
    items = []
    for rule in rules:
        label = (
            listing(data[rule.id], locale, limit=6)
            if rule.id in data
            else _period(rule, notice, locale)
        )
        items.append(
            TimelineItem(
                label=label,
                days=rule.days,
                event=text(rule.after, notice, locale) or None,
                note=_note(rule, notice, locale),
                value_label=_period(rule, notice, locale),
                event_label=_event(rule, notice, locale),
            )
        )
    items.sort(key=lambda i: (i.days is None, i.days or 0.0))
    title = t("chart.retention.title", locale)
    if not items:
        message = t("chart.empty.no_retention", locale)
        return TimelineSpec(title, message, (), 0.0, empty_message=message)
    max_days = max((i.days for i in items if i.days is not None), default=0.0)
    details = t("chart.list.groups", locale).join(
        t("chart.retention.detail", locale, label=i.label, period=i.value_label) for i in items[:12]
    )
    callouts = ()
    longest = [i for i in items if i.days == max_days and max_days > 0]
    if longest:
        callouts = (
            t(
                "chart.retention.longest",
                locale,
                label=longest[-1].label,
                period=longest[-1].value_label,
            ),
        )
    return TimelineSpec(
        title=title,
        description=t("chart.retention.description", locale, count=len(items), details=details),
        items=tuple(items),
        max_days=max_days,
        ticks=time_ticks(max_days, locale),
        axis_label=t("chart.retention.axis", locale),
        callouts=callouts,
    )
