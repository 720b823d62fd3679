"""Words for charts in a locale: period names, durations, counts and lists."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ..i18n import format_number, t
from ..model import PrivacyNotice, PrivacyReport
from ..model.text import LongText, Text

_PERIOD = re.compile(r"^(?P<year>\d{4})(?:-(?P<part>Q[1-4]|H[12]|0[1-9]|1[0-2]))?$")
DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = 30.44


def text(value: Text | LongText | None, notice: PrivacyNotice, locale: str) -> str:
    """The notice's text in `locale` (its default locale when untranslated); "" for None."""
    return value.get(locale, notice.default_locale) if value is not None else ""


def period_name(period: str, locale: str) -> str:
    """2026-Q3 → "Q3 2026"; 2026-H1 → "H1 2026"; 2026-03 → "March 2026"; 2026 → "2026"."""
    match = _PERIOD.match(period)
    if not match:
        return period
    year, part = match["year"], match["part"]
    if part is None:
        return year
    if part[0] in "QH":
        return t(f"chart.period.{part.lower()}", locale, year=year)
    return t("chart.period.month", locale, month=t(f"chart.month.{int(part)}", locale), year=year)


def report_name(report: PrivacyReport, notice: PrivacyNotice, locale: str) -> str:
    """The report's own label if it has one, else its period in words."""
    return text(report.label, notice, locale) or period_name(report.period, locale)


def number(value: float) -> str:
    """A figure as the notices write it (Western digits, grouped thousands)."""
    return format_number(round(value, 1))


def percent_floor(part: float, whole: float) -> str:
    """`part` of `whole` as a percentage rounded down, so 1,946 of 1,947 is not "100%"."""
    if whole <= 0:
        return "0%"
    share = math.floor(1000 * part / whole) / 10
    return f"{format_number(share)}%"


def duration(days: float, locale: str) -> str:
    """A period in the largest whole unit that states it exactly enough ("2 years", "18 months")."""
    for key, unit, tolerance in (
        ("duration.years", DAYS_PER_YEAR, 0.02),
        ("duration.months", DAYS_PER_MONTH, 0.02),
        ("duration.weeks", 7.0, 0.0),
    ):
        count = days / unit
        if count >= 1 and abs(count - round(count)) <= tolerance * count:
            return t(key, locale, count=round(count))
    if days >= 1:
        return t("duration.days", locale, count=round(days, 1))
    return t("duration.hours", locale, count=max(1, round(days * 24)))


def days_phrase(days: float, locale: str) -> str:
    """ "in 12 days" / "the same day", for sentences about response times."""
    if days == 0:
        return t("chart.same_day", locale)
    return t("chart.in_days", locale, count=round(days, 1))


def minutes(value: float, locale: str, *, in_sentence: bool = False) -> str:
    """Reading time in whole minutes, at least one (Arabic inflects it inside a sentence)."""
    key = "chart.minutes_in" if in_sentence else "chart.minutes"
    return t(key, locale, count=max(1, round(value)))


def listing(items: Sequence[str], locale: str, limit: int = 5) -> str:
    """Names separated by commas only (names often hold "and" themselves: "Name and email"),
    at most `limit` of them, the rest counted ("Purchases, Payment card, 195 more")."""
    if len(items) > limit:
        items = [*items[: limit - 1], t("chart.more", locale, count=len(items) - limit + 1)]
    return t("chart.list.separator", locale).join(items)


def bar_details(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[str]]],
    locale: str,
    limit: int = 12,
) -> str:
    """The figures of a bar chart in words, group by group, for its accessible description:
    "Access: Received 150, Completed 149; Deletion: …". Long charts name the first `limit`."""
    groups = []
    for i, category in enumerate(categories[:limit]):
        if len(series) == 1:
            values = series[0][1][i]
        else:
            values = t("chart.list.separator", locale).join(
                t("chart.bar.value", locale, series=name, value=labels[i])
                for name, labels in series
            )
        groups.append(t("chart.bar.group", locale, category=category, values=values))
    if len(categories) > limit:
        groups.append(t("chart.more", locale, count=len(categories) - limit))
    return t("chart.list.groups", locale).join(groups)
