"""Grouped bars drawn natively: columns when they fit, horizontal rows otherwise.

Columns run from the start edge (the first category is leftmost in English, rightmost in
Arabic) with the value axis on the start side. Rows put category names at the start edge and
grow bars towards the end. Every bar carries its value as text; a legend names the series.
"""

from __future__ import annotations

from typing import Any, Literal

from ..i18n.messages import phrase
from . import pieces
from .canvas import Canvas, Drawn
from .scale import format_value, nice_ticks
from .spec import BarChartSpec

Orientation = Literal["auto", "columns", "rows"]
NO_VALUE = "–"  # drawn where a series has no data for a category
MAX_LABEL_LINES = 3


def _value_labels(spec: BarChartSpec) -> list[list[str]]:
    return [
        list(s.labels)
        if s.labels
        else [format_value(v, spec.value_format) if v is not None else "" for v in s.values]
        for s in spec.series
    ]


def _top(spec: BarChartSpec) -> tuple[float, ...]:
    top = max((v for s in spec.series for v in s.values if v is not None), default=0.0)
    return nice_ticks(top, integer=top >= 1)


def _column_geometry(
    canvas: Canvas, spec: BarChartSpec, axis_w: float
) -> tuple[float, float, float]:
    """(group width, bar width, gap between bars of a group) for columns."""
    n, k = len(spec.categories), len(spec.series)
    group_w = (canvas.width - axis_w) / n
    bar_gap = 2.0
    pad = max(group_w * 0.22, canvas.space)
    bar_w = min((group_w - pad - (k - 1) * bar_gap) / k, canvas.type.caption * 4)
    return group_w, max(bar_w, 1.0), bar_gap


def _columns_fit(
    canvas: Canvas, spec: BarChartSpec, labels: list[list[str]], axis_w: float
) -> bool:
    """Whether columns read well: value labels fit over their bars, category names in one
    line (else rows give names room), and more than a few bars (else rows are compacter)."""
    if len(spec.series) == 1 and len(spec.categories) < 4:
        return False
    group_w, bar_w, bar_gap = _column_geometry(canvas, spec, axis_w)
    small = canvas.type.caption * 0.85
    widest = max(
        (canvas.wrap(text, None, small, bold=True).width for row in labels for text in row if text),
        default=0.0,
    )
    if widest + 4 > bar_w + bar_gap or group_w < canvas.type.caption * 3.5:
        return False
    for name in spec.categories:
        block = canvas.wrap(name, max(group_w - 4, 1), canvas.type.caption, align="center")
        if block.overflow_x or len(block.lines) > 1:
            return False
    return True


def _ticks(canvas: Canvas, spec: BarChartSpec, ticks: tuple[float, ...]) -> list[Any]:
    return [
        canvas.wrap(format_value(v, spec.value_format), None, canvas.type.caption) for v in ticks
    ]


def _draw_columns(canvas: Canvas, spec: BarChartSpec, labels: list[list[str]], y: float) -> float:
    p, cap = canvas.palette, canvas.type.caption
    ticks = _top(spec)
    tick_blocks = _ticks(canvas, spec, ticks)
    axis_w = max(b.width for b in tick_blocks) + canvas.space
    group_w, bar_w, bar_gap = _column_geometry(canvas, spec, axis_w)
    k = len(spec.series)
    unit = canvas.fit(
        spec.unit, canvas.width, cap, where=phrase("fit.where.value_axis"), max_lines=2
    )
    canvas.text(unit, 0, y, p.text_muted)
    y += unit.height + canvas.space / 2
    headroom = cap * 1.6
    plot_h = min(max(canvas.width * 0.38, 140.0), 280.0)
    base = y + headroom + plot_h
    top = ticks[-1]

    def height_of(value: float) -> float:
        return max(value, 0.0) / top * plot_h

    for value, block in zip(ticks, tick_blocks, strict=True):
        gy = base - height_of(value)
        if value:
            canvas.line(axis_w, gy, canvas.width, gy, p.border, stroke_width=1.0)
        canvas.text(
            block, axis_w - canvas.space / 2 - block.width, gy - block.height / 2, p.text_muted
        )
    # Labels of one kind share one size, so the set reads evenly.
    names = canvas.fit_many(
        list(spec.categories),
        group_w - 4,
        cap,
        where=phrase("fit.where.category"),
        max_lines=MAX_LABEL_LINES,
        min_size=cap * 0.85,
        align="center",
    )
    texts = [
        labels[j][i] if s.values[i] is not None else NO_VALUE
        for i in range(len(spec.categories))
        for j, s in enumerate(spec.series)
    ]
    values = iter(
        canvas.fit_many(
            texts,
            bar_w + bar_gap,
            cap,
            where=phrase("fit.where.value"),
            max_lines=1,
            min_size=cap * 0.85,
            bold=True,
            align="center",
        )
    )
    for i, block in enumerate(names):
        group_x = axis_w + i * group_w
        bars_w = k * bar_w + (k - 1) * bar_gap
        x = group_x + (group_w - bars_w) / 2
        for j, series in enumerate(spec.series):
            value = series.values[i]
            bx = x + j * (bar_w + bar_gap)
            h = 0.0 if value is None else height_of(value)
            if value is not None:
                pieces.series_bar(canvas, j, bx, base - h, bar_w, h)
            label = next(values)
            colour = p.text_muted if value is None else p.text
            canvas.text(label, bx - bar_gap / 2, base - h - label.height - 1, colour)
        canvas.text(block, group_x + 2, base + canvas.space / 2, p.text)
    canvas.line(axis_w, base, canvas.width, base, p.text_muted, stroke_width=1.0)
    label_h = max(b.height for b in names)
    return base + canvas.space / 2 + label_h + canvas.space


def _draw_rows(canvas: Canvas, spec: BarChartSpec, labels: list[list[str]], y: float) -> float:
    p, cap, space = canvas.palette, canvas.type.caption, canvas.space
    k = len(spec.series)
    natural = max(canvas.wrap(n, None, cap).width for n in spec.categories)
    label_w = max(min(natural, canvas.width * 0.34), min(60.0, canvas.width * 0.3))
    value_w = max(
        (canvas.wrap(t, None, cap, bold=True).width for row in labels for t in row if t),
        default=0.0,
    )
    x0 = label_w + space
    area = max(canvas.width - x0 - value_w - space, 1.0)
    ticks = _top(spec)
    top = ticks[-1]
    bar_h, bar_gap = round(cap * 1.35, 2), 2.0
    group_h = k * bar_h + (k - 1) * bar_gap
    names = [
        canvas.fit(
            n,
            label_w,
            cap,
            where=phrase("fit.where.category_named", name=n),
            max_lines=MAX_LABEL_LINES,
            min_size=cap * 0.85,
        )
        for n in spec.categories
    ]
    rows = []  # (top of row, its height)
    y += space / 2
    for block in names:
        rows.append((y, max(group_h, block.height)))
        y += rows[-1][1] + space
    bottom = y - space / 2
    # Value axis first, so bars lie over the gridlines; labels below, skipped where crowded.
    last_end = -1e9
    for value in ticks:
        gx = x0 + value / top * area
        canvas.line(gx, rows[0][0] - space / 2, gx, bottom, p.border, stroke_width=1.0)
        block = canvas.wrap(format_value(value, spec.value_format), None, cap)
        left = gx - block.width / 2
        if left > last_end + space / 2:
            canvas.text(block, left, bottom + 2, p.text_muted)
            last_end = left + block.width
    for i, (block, (row_y, row_h)) in enumerate(zip(names, rows, strict=True)):
        canvas.text(block, 0, row_y + (row_h - block.height) / 2, p.text)
        by = row_y + (row_h - group_h) / 2
        for j, series in enumerate(spec.series):
            value = series.values[i]
            w = 0.0 if value is None else max(value, 0.0) / top * area
            if value is not None:
                pieces.series_bar(canvas, j, x0, by, w, bar_h)
            text = labels[j][i] if value is not None else NO_VALUE
            colour = p.text if value is not None else p.text_muted
            vb = canvas.wrap(text, None, cap, bold=True)
            canvas.text(vb, x0 + w + 4, by + (bar_h - vb.height) / 2, colour)
            by += bar_h + bar_gap
    canvas.line(x0, rows[0][0] - space / 2, x0, bottom, p.text_muted, stroke_width=1.0)
    y = bottom + 2 + cap * 1.25 + space / 2
    unit = canvas.fit(spec.unit, area, cap, where=phrase("fit.where.value_axis"), max_lines=2)
    canvas.text(unit, x0, y, p.text_muted)
    return y + unit.height + space


def draw_bar_chart(
    spec: BarChartSpec,
    width: float,
    theme: Any,
    locale: str,
    *,
    title: bool = True,
    callouts: bool = True,
    backdrop: str | None = None,
    orientation: Orientation = "auto",
) -> Drawn:
    """Draw `spec` `width` px wide: title, legend, bars with their values, call-outs."""
    canvas = Canvas(width, theme, locale, backdrop)
    y = pieces.title(canvas, spec.title, 0.0) if title else 0.0
    if spec.is_empty:
        y = pieces.empty_state(canvas, spec.empty_message or spec.description, y)
    else:
        if len(spec.series) > 1:
            keys = [(s.name, pieces.series_swatch(i)) for i, s in enumerate(spec.series)]
            y = pieces.legend(canvas, keys, y)
        labels = _value_labels(spec)
        if orientation == "auto":
            axis_w = max(b.width for b in _ticks(canvas, spec, _top(spec))) + canvas.space
            orientation = "columns" if _columns_fit(canvas, spec, labels, axis_w) else "rows"
        draw = _draw_columns if orientation == "columns" else _draw_rows
        y = draw(canvas, spec, labels, y)
    if callouts:
        y = pieces.callouts(canvas, spec.callouts, y)
    return canvas.drawn(y, spec.description)
