"""Specs about the data itself: where it comes from, and what each kind is used for."""

from __future__ import annotations

from typing import get_args

from ..i18n import t
from ..model import DataCategory, DataPractice, PrivacyNotice
from ..model.practices import SourceKind
from .spec import BarChartSpec, CellMark, Choice, LegendEntry, MarkKind, MatrixSpec, Series
from .wording import bar_details, listing, number, text

SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
MARK_ORDER: tuple[MarkKind, ...] = ("collected", "shared", "sold")
CHOICE_ORDER: tuple[Choice, ...] = ("opt_in", "opt_out", "optional")


def categories_by_source(notice: PrivacyNotice, locale: str) -> BarChartSpec:
    """How many kinds of data come from each kind of source, the kinds named in callouts."""
    names: dict[str, list[str]] = {}
    for category in notice.data_categories:
        names.setdefault(category.source, []).append(text(category.label, notice, locale))
    kinds = [k for k in SOURCE_KINDS if k in names]
    categories = tuple(t(f"source.{k}", locale) for k in kinds)
    values = tuple(float(len(names[k])) for k in kinds)
    unit = t("chart.sources.unit", locale)
    series = Series(unit, values, tuple(number(v) for v in values))
    details = bar_details(categories, [(series.name, series.labels)], locale)
    callouts = tuple(
        t("chart.sources.callout", locale, source=label, names=listing(names[k], locale))
        for k, label in zip(kinds, categories, strict=True)
    )
    return BarChartSpec(
        title=t("chart.sources.title", locale),
        description=t("chart.sources.description", locale, details=details),
        categories=categories,
        series=(series,),
        unit=unit,
        value_format="count",
        callouts=callouts,
    )


SENSITIVITY_LEVELS: tuple[str, ...] = ("special", "sensitive", "ordinary")


def sensitivity(category: DataCategory) -> str:
    """'special' (GDPR Art. 9/10), 'sensitive' (CCPA sensitive personal information only)
    or 'ordinary'."""
    if category.effective_gdpr_special != "none":
        return "special"
    return "sensitive" if category.effective_ccpa_spi is not None else "ordinary"


def categories_by_sensitivity(notice: PrivacyNotice, locale: str) -> BarChartSpec:
    """How many kinds of data are special-category, sensitive or neither, named in callouts.
    Every level is shown, so "0 special category" reads as the good news it is."""
    title = t("chart.sensitivity.title", locale)
    unit = t("chart.sensitivity.unit", locale)
    if not notice.data_categories:
        message = t("chart.empty.no_data", locale)
        return BarChartSpec(title, message, (), (), unit, empty_message=message)
    names: dict[str, list[str]] = {level: [] for level in SENSITIVITY_LEVELS}
    for category in notice.data_categories:
        names[sensitivity(category)].append(text(category.label, notice, locale))
    categories = tuple(t(f"chart.sensitivity.{level}", locale) for level in SENSITIVITY_LEVELS)
    values = tuple(float(len(names[level])) for level in SENSITIVITY_LEVELS)
    series = Series(unit, values, tuple(number(v) for v in values))
    details = bar_details(categories, [(series.name, series.labels)], locale)
    callouts = [
        t("chart.sensitivity.callout", locale, level=label, names=listing(names[level], locale))
        for level, label in zip(SENSITIVITY_LEVELS, categories, strict=True)
        if names[level] and level != "ordinary"
    ]
    if not callouts:
        callouts = [t("chart.sensitivity.none", locale)]
    return BarChartSpec(
        title=title,
        description=t("chart.sensitivity.description", locale, details=details),
        categories=categories,
        series=(series,),
        unit=unit,
        value_format="count",
        callouts=tuple(callouts),
    )


def _mark(
    practice: DataPractice, notice: PrivacyNotice, purpose_id: str
) -> tuple[int, Choice | None]:
    """(index in MARK_ORDER, choice) of one practice for one purpose. Shared means given to
    a company for its own use (or for ads), as store labels count it: service providers that
    work for the controller are not sharing."""
    independent = any(not notice.recipient(r).is_processor for r in practice.recipients)
    kind = 2 if practice.sold else 1 if (independent or practice.shared_for_ads) else 0
    consent = practice.consent or notice.purpose(purpose_id).consent
    choice: Choice | None = None
    if consent in ("opt_in", "opt_out"):
        choice = consent
    elif practice.necessity == "optional":
        choice = "optional"
    return kind, choice


def practice_matrix(notice: PrivacyNotice, locale: str) -> MatrixSpec:
    """Kinds of data (rows) × purposes (columns): used, shared with a company for its own use,
    or sold, and whether it happens only if the person chooses."""
    rows = tuple(text(c.label, notice, locale) for c in notice.data_categories)
    columns = tuple(text(p.label, notice, locale) for p in notice.purposes)
    row_of = {c.id: i for i, c in enumerate(notice.data_categories)}
    col_of = {p.id: i for i, p in enumerate(notice.purposes)}
    # Per cell: the strongest disclosure, and the choice unless some practice needs no choice.
    found: dict[tuple[int, int], tuple[int, list[Choice | None]]] = {}
    for practice in notice.practices:
        for purpose_id in practice.purposes:
            kind, choice = _mark(practice, notice, purpose_id)
            for data_id in practice.data:
                key = (row_of[data_id], col_of[purpose_id])
                strongest, choices = found.get(key, (0, []))
                found[key] = (max(strongest, kind), [*choices, choice])
    cells: dict[tuple[int, int], CellMark] = {}
    for (r, c), (kind_index, choices) in sorted(found.items()):
        kind = MARK_ORDER[kind_index]
        choice = None if None in choices else next(x for x in CHOICE_ORDER if x in choices)
        words = {"data": rows[r], "purpose": columns[c], "mark": t(f"chart.mark.{kind}", locale)}
        if choice:
            choice_words = t(f"chart.choice.{choice}", locale)
            label = t("chart.matrix.cell_choice", locale, choice=choice_words, **words)
        else:
            label = t("chart.matrix.cell", locale, **words)
        cells[(r, c)] = CellMark(kind, label, choice)
    kinds_used = {m.kind for m in cells.values()}
    choices_used = {m.choice for m in cells.values()}
    legend = tuple(
        [LegendEntry(k, t(f"chart.mark.{k}", locale)) for k in MARK_ORDER if k in kinds_used]
        + [
            LegendEntry(c, t(f"chart.choice.{c}", locale))
            for c in CHOICE_ORDER
            if c in choices_used
        ]
    )
    description = t(
        "chart.matrix.description",
        locale,
        rows=number(len(rows)),
        columns=number(len(columns)),
        cells=number(len(cells)),
    )
    return MatrixSpec(
        title=t("chart.matrix.title", locale),
        description=description,
        rows=rows,
        columns=columns,
        cells=cells,
        legend=legend,
        empty_message=None if cells else t("chart.empty.no_practices", locale),
    )
