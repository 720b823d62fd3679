"""Specs from privacy reports: requests received vs completed, and days taken to answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from ..i18n import t
from ..model import PrivacyNotice, PrivacyReport
from .spec import BarChartSpec, ComparisonSpec, Series, Stat
from .wording import bar_details, days_phrase, number, percent_floor, report_name

Compare = Literal["first", "previous"]
ALL = "all"  # the kind standing for every request (a report's median_days_to_respond)


def _labels(values: Sequence[float | None], locale: str) -> tuple[str, ...]:
    return tuple(t("chart.no_data", locale) if v is None else number(v) for v in values)


def _series(name: str, values: Sequence[float | None], locale: str) -> Series:
    return Series(name, tuple(values), _labels(values, locale))


def _recent(notice: PrivacyNotice, locale: str, max_periods: int) -> tuple[list, str]:
    """The last `max_periods` reports in time order, and a note when older ones are left out."""
    reports = notice.sorted_reports
    shown = reports[-max_periods:] if max_periods > 0 else reports
    note = ""
    if len(shown) < len(reports):
        note = t("chart.note.last_periods", locale, count=len(reports), shown=len(shown))
    return shown, note


def _empty_bars(title: str, unit: str, message: str) -> BarChartSpec:
    return BarChartSpec(title, message, (), (), unit, callouts=(), empty_message=message)


def requests_chart(
    notice: PrivacyNotice, locale: str, *, kind: str | None = None, max_periods: int = 8
) -> BarChartSpec:
    """Requests received vs completed: by kind in the latest period, or, given a `kind`, in
    each of the last `max_periods` periods."""
    unit = t("chart.requests.unit", locale)
    reports, note = _recent(notice, locale, max_periods)
    if not reports:
        message = t("chart.empty.no_reports", locale)
        return _empty_bars(t("chart.requests.title_plain", locale), unit, message)
    received_name = t("chart.requests.received", locale)
    completed_name = t("chart.requests.completed", locale)
    if kind is None:
        latest = reports[-1]
        period = report_name(latest, notice, locale)
        title = t("chart.requests.title", locale, period=period)
        if not latest.requests:
            return _empty_bars(title, unit, t("chart.empty.no_requests", locale, period=period))
        categories = tuple(t(f"chart.kind.{r.kind}", locale) for r in latest.requests)
        received = [float(r.received) for r in latest.requests]
        completed = [float(r.completed) for r in latest.requests]
        denied = sum(r.denied for r in latest.requests)
        template, params = "chart.requests.description", {"period": period}
        notes: list[str] = []
    else:
        figures = [next((r for r in rep.requests if r.kind == kind), None) for rep in reports]
        kind_name = t(f"chart.kind_requests.{kind}", locale)
        title = t("chart.requests.title_kind", locale, kind=kind_name)
        period = report_name(reports[-1], notice, locale)
        categories = tuple(report_name(rep, notice, locale) for rep in reports)
        received = [None if f is None else float(f.received) for f in figures]
        completed = [None if f is None else float(f.completed) for f in figures]
        denied = figures[-1].denied if figures[-1] else 0
        template, params = "chart.requests.description_kind", {"kind": kind_name}
        notes = [note] if note else []
    series = (
        _series(received_name, received, locale),
        _series(completed_name, completed, locale),
    )
    details = bar_details(categories, [(s.name, s.labels) for s in series], locale)
    description = t(template, locale, details=details, **params)
    last = slice(-1, None) if kind else slice(None)  # by period: the latest one speaks
    callouts = _completion(received[last], completed[last], period, locale)
    if denied:
        callouts.append(t("chart.requests.denied", locale, count=denied))
    return BarChartSpec(
        title=title,
        description=" ".join([description, *notes]),
        categories=categories,
        series=series,
        unit=unit,
        value_format="count",
        callouts=(*callouts, *notes),
    )


def _completion(
    received: Sequence[float | None], completed: Sequence[float | None], period: str, locale: str
) -> list[str]:
    got = sum(v or 0 for v in received)
    done = sum(v or 0 for v in completed)
    if all(v is None for v in received):
        return []
    if got == 0:
        return [t("chart.requests.none", locale, period=period)]
    if done == got:
        return [t("chart.requests.all_completed", locale, count=got)]
    if done > got:  # completed includes requests carried over from earlier periods
        return [t("chart.requests.received_completed", locale, count=got, completed=number(done))]
    share = percent_floor(done, got)
    return [
        t("chart.requests.completed_share", locale, count=got, completed=number(done), share=share)
    ]


def _getter(kind: str) -> Callable[[PrivacyReport], float | None]:
    if kind == ALL:
        return lambda rep: rep.median_days_to_respond

    def get(rep: PrivacyReport) -> float | None:
        return next((r.median_days for r in rep.requests if r.kind == kind), None)

    return get


def _pair(
    reports: Sequence[PrivacyReport], get: Callable[[PrivacyReport], float | None], compare: Compare
) -> tuple[PrivacyReport, float, PrivacyReport | None, float | None] | None:
    """(latest report, its value, reference report, its value) for one figure, or None when
    the latest period lacks it. The reference is the first or the previous period with it."""
    latest = reports[-1]
    now = get(latest)
    if now is None:
        return None
    earlier = [(rep, get(rep)) for rep in reports[:-1]]
    earlier = [(rep, v) for rep, v in earlier if v is not None]
    if not earlier:
        return latest, now, None, None
    ref, before = earlier[0] if compare == "first" else earlier[-1]
    return latest, now, ref, before


def _change_sentence(kind: str, pair: tuple, notice: PrivacyNotice, locale: str) -> str:
    _, now, ref, before = pair
    kind_name = t(f"chart.kind_requests.{kind}", locale)
    now_words = days_phrase(now, locale)
    if ref is None:
        return t("chart.response.only", locale, kind=kind_name, now=now_words)
    period = report_name(ref, notice, locale)
    before_words = t("chart.days", locale, count=round(before, 1))
    key = "same" if now == before else "down" if now < before else "up"
    return t(
        f"chart.response.{key}",
        locale,
        kind=kind_name,
        now=now_words,
        before=before_words,
        period=period,
    )


def response_time_chart(
    notice: PrivacyNotice,
    locale: str,
    *,
    kinds: Sequence[str] | None = None,
    max_periods: int = 8,
    compare: Compare = "first",
) -> BarChartSpec:
    """Median days to answer, per period (categories) and request kind (series), with the
    change since the first (or previous) period shown called out."""
    title = t("chart.response.title", locale)
    unit = t("chart.response.unit", locale)
    reports, note = _recent(notice, locale, max_periods)
    if not reports:
        return _empty_bars(title, unit, t("chart.empty.no_reports", locale))
    found: list[str] = []
    for rep in reports:
        for r in rep.requests:
            if r.median_days is not None and r.kind not in found:
                found.append(r.kind)
    if kinds is not None:
        found = [k for k in found if k in kinds]
    if not found and any(rep.median_days_to_respond is not None for rep in reports):
        found = [ALL]
    if not found:
        return _empty_bars(title, unit, t("chart.empty.no_times", locale))
    categories = tuple(report_name(rep, notice, locale) for rep in reports)
    series = tuple(
        _series(t(f"chart.kind.{k}", locale), [_getter(k)(rep) for rep in reports], locale)
        for k in found
    )
    callouts = []
    overall = _pair(reports, _getter(ALL), compare) if found != [ALL] else None
    if overall:
        callouts.append(_change_sentence(ALL, overall, notice, locale))
    for k in found:
        pair = _pair(reports, _getter(k), compare)
        if pair:
            callouts.append(_change_sentence(k, pair, notice, locale))
    details = bar_details(categories, [(s.name, s.labels) for s in series], locale)
    description = t("chart.response.description", locale, details=details)
    notes = [note] if note else []
    return BarChartSpec(
        title=title,
        description=" ".join([description, *notes]),
        categories=categories,
        series=series,
        unit=unit,
        value_format="days",
        callouts=(*callouts, *notes),
    )


def _days_stat(days: float, report: PrivacyReport, notice: PrivacyNotice, locale: str) -> Stat:
    label = t("duration.days", locale, count=round(days, 1))
    return Stat(days, label, report_name(report, notice, locale))


def response_time_change(
    notice: PrivacyNotice, locale: str, *, kind: str = ALL, compare: Compare = "previous"
) -> ComparisonSpec:
    """Days to answer `kind` (or all requests) in the latest period against an earlier one."""
    title = t("chart.response.title", locale)
    reports = notice.sorted_reports
    pair = _pair(reports, _getter(kind), compare) if reports else None
    if pair is None or pair[2] is None:
        message = t("chart.empty.no_times", locale)
        none = Stat(None, "", "")
        if pair is None:
            return ComparisonSpec(title, message, none, none, None, "", empty_message=message)
        # One period only: the figure, without a comparison.
        sentence = _change_sentence(kind, pair, notice, locale)
        now = _days_stat(pair[1], pair[0], notice, locale)
        return ComparisonSpec(title, sentence, none, now, None, "", callouts=(sentence,))
    latest, now, ref, before = pair
    change = now - before
    if change < 0:
        change_label = t("chart.response.change_down", locale, count=round(-change, 1))
    elif change > 0:
        change_label = t("chart.response.change_up", locale, count=round(change, 1))
    else:
        change_label = t("chart.response.change_same", locale)
    sentence = _change_sentence(kind, pair, notice, locale)
    return ComparisonSpec(
        title=title,
        description=sentence,
        before=_days_stat(before, ref, notice, locale),
        after=_days_stat(now, latest, notice, locale),
        change=change,
        change_label=change_label,
        better="lower",
        callouts=(sentence,),
    )
