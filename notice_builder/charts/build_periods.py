"""Specs of a privacy report period after period: requests, opt-outs and incidents.

Each is a bar per period (the last `max_periods` in time order) with the latest period
called out against the previous one ("1,530 opt-outs honoured in Q3 2026, up from 1,412").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import t
from ..model import PrivacyNotice, PrivacyReport
from .build_reports import _completion, _empty_bars, _recent, _series
from .spec import BarChartSpec
from .wording import bar_details, number, report_name


def _periods(reports: Sequence[PrivacyReport], notice: PrivacyNotice, locale: str) -> tuple:
    return tuple(report_name(rep, notice, locale) for rep in reports)


def requests_by_period(notice: PrivacyNotice, locale: str, *, max_periods: int = 8) -> BarChartSpec:
    """All requests received vs completed in each period (every kind together)."""
    title = t("chart.requests.title_periods", locale)
    unit = t("chart.requests.unit", locale)
    reports, note = _recent(notice, locale, max_periods)
    if not reports:
        return _empty_bars(title, unit, t("chart.empty.no_reports", locale))
    # A period that lists no requests has no figure, rather than zero requests.
    received = [
        float(sum(r.received for r in rep.requests)) if rep.requests else None for rep in reports
    ]
    completed = [
        float(sum(r.completed for r in rep.requests)) if rep.requests else None for rep in reports
    ]
    if all(v is None for v in received):
        period = report_name(reports[-1], notice, locale)
        return _empty_bars(title, unit, t("chart.empty.no_requests", locale, period=period))
    categories = _periods(reports, notice, locale)
    series = (
        _series(t("chart.requests.received", locale), received, locale),
        _series(t("chart.requests.completed", locale), completed, locale),
    )
    details = bar_details(categories, [(s.name, s.labels) for s in series], locale)
    notes = [note] if note else []
    period = categories[-1]
    callouts = _completion(received[-1:], completed[-1:], period, locale)
    return BarChartSpec(
        title=title,
        description=" ".join(
            [t("chart.requests.description_periods", locale, details=details), *notes]
        ),
        categories=categories,
        series=series,
        unit=unit,
        callouts=(*callouts, *notes),
    )


def _change(
    values: Sequence[float | None], names: Sequence[str], key: str, locale: str
) -> list[str]:
    """The latest figure against the previous period that has one, as a sentence."""
    if values[-1] is None:
        return []
    now, period = values[-1], names[-1]
    earlier = [(v, n) for v, n in zip(values[:-1], names[:-1], strict=True) if v is not None]
    if not earlier:
        return [t(f"{key}.only", locale, now=number(now), period=period)]
    before, ref = earlier[-1]
    way = "same" if now == before else "down" if now < before else "up"
    return [
        t(f"{key}.{way}", locale, now=number(now), period=period, before=number(before), ref=ref)
    ]


def opt_outs_chart(notice: PrivacyNotice, locale: str, *, max_periods: int = 8) -> BarChartSpec:
    """Opt-outs honoured in each period, the latest against the one before."""
    title = t("chart.optouts.title", locale)
    unit = t("chart.optouts.unit", locale)
    reports, note = _recent(notice, locale, max_periods)
    if not reports:
        return _empty_bars(title, unit, t("chart.empty.no_reports", locale))
    values = [None if rep.opt_outs is None else float(rep.opt_outs) for rep in reports]
    if all(v is None for v in values):
        return _empty_bars(title, unit, t("chart.empty.no_opt_outs", locale))
    categories = _periods(reports, notice, locale)
    series = (_series(unit, values, locale),)
    details = bar_details(categories, [(series[0].name, series[0].labels)], locale)
    notes = [note] if note else []
    return BarChartSpec(
        title=title,
        description=" ".join([t("chart.optouts.description", locale, details=details), *notes]),
        categories=categories,
        series=series,
        unit=unit,
        callouts=(*_change(values, categories, "chart.optouts", locale), *notes),
    )


def incidents_chart(notice: PrivacyNotice, locale: str, *, max_periods: int = 8) -> BarChartSpec:
    """Security incidents involving personal data per period, and how many were notified to
    an authority; zero is a figure worth showing, so no period is left out for it."""
    title = t("chart.incidents.title", locale)
    unit = t("chart.incidents.unit", locale)
    reports, note = _recent(notice, locale, max_periods)
    if not reports:
        return _empty_bars(title, unit, t("chart.empty.no_reports", locale))
    categories = _periods(reports, notice, locale)
    incidents = [float(rep.incidents) for rep in reports]
    # No incident means none notified, whether or not the report says so.
    notified = [
        float(rep.incidents_notified or 0)
        if rep.incidents_notified is not None or rep.incidents == 0
        else None
        for rep in reports
    ]
    series = [_series(t("chart.incidents.series", locale), incidents, locale)]
    if any(v is not None for v in notified):
        series.append(_series(t("chart.incidents.notified", locale), notified, locale))
    latest, period = reports[-1], categories[-1]
    if latest.incidents == 0:
        callouts = [t("chart.incidents.none", locale, period=period)]
    elif latest.incidents_notified is None:
        callouts = [t("chart.incidents.latest", locale, count=latest.incidents, period=period)]
    else:
        callouts = [
            t(
                "chart.incidents.latest_notified",
                locale,
                count=latest.incidents,
                period=period,
                notified=number(latest.incidents_notified),
            )
        ]
    if len(reports) > 1:
        total = int(sum(incidents))
        callouts.append(t("chart.incidents.total", locale, count=total, periods=len(reports)))
    details = bar_details(categories, [(s.name, s.labels) for s in series], locale)
    notes = [note] if note else []
    return BarChartSpec(
        title=title,
        description=" ".join([t("chart.incidents.description", locale, details=details), *notes]),
        categories=categories,
        series=tuple(series),
        unit=unit,
        callouts=(*callouts, *notes),
    )
