"""Retention periods on one time axis, drawn natively as a Gantt-like list.

Each row names the data at the start edge and draws its period as a bar from 0 along a
shared time axis (towards the left in Arabic), with the period in words beside the bar and
any note (the law that requires it, how it is decided) under it. A period counted from an
event starts with a diamond and says so; a period that lasts until an event is an open,
dashed bar across the axis; a period decided case by case has no bar, only its words.
"""

from __future__ import annotations

from typing import Any

from ..i18n.messages import phrase
from . import pieces
from .canvas import Canvas, Drawn, blend
from .spec import TimelineItem, TimelineSpec


def _row(
    canvas: Canvas,
    item: TimelineItem,
    i: int,
    x0: float,
    area: float,
    end: float,
    label_w: float,
    y: float,
) -> float:
    """Draw one row from `y`; returns its height."""
    p, cap = canvas.palette, canvas.type.caption
    name = canvas.fit(
        item.label,
        label_w,
        cap,
        where=phrase("fit.where.retention_row", number=i + 1),
        max_lines=4,
        min_size=cap * 0.85,
        bold=True,
    )
    bar_h = round(cap * 1.2, 2)
    words = canvas.wrap(item.value_label, None, cap)
    cursor = y + 1
    if item.days is not None:
        w = max(min(item.days / end, 1.0) * area, 3.0) if end > 0 else 3.0
        canvas.rect(x0, cursor, w, bar_h, fill=p.primary, radius=min(2.0, w / 2))
        if item.event_label:
            _diamond(canvas, x0, cursor + bar_h / 2, bar_h * 0.55, p.text, canvas.backdrop)
        room = area - w - 6
        if words.width <= room:
            canvas.text(
                words,
                x0 + w + 6,
                cursor + (bar_h - words.height) / 2,
                p.text,
                backing=canvas.backdrop,
            )
            cursor += bar_h
        else:  # too long beside the bar: under it
            block = canvas.fit(
                item.value_label,
                area - 4,
                cap,
                where=phrase("fit.where.retention_period", number=i + 1),
                max_lines=2,
            )
            canvas.text(block, x0 + 4, cursor + bar_h + 2, p.text, backing=canvas.backdrop)
            cursor += bar_h + 2 + block.height
    elif item.event:  # until an event: open-ended, dashed, the words inside
        tint = blend(p.primary, canvas.backdrop, 0.14)
        canvas.rect(
            x0 + 0.5,
            cursor + 0.5,
            area - 1,
            bar_h * 1.4 - 1,
            fill=tint,
            stroke=p.primary,
            stroke_width=1.0,
            dash="4 3",
            radius=2.0,
        )
        arrow = (
            canvas.path_data()
            .move(x0 + area - 9, cursor + 3)
            .line(x0 + area - 4, cursor + bar_h * 0.7)
        )
        arrow.line(x0 + area - 9, cursor + bar_h * 1.4 - 3)
        canvas.path(arrow, stroke=p.primary, stroke_width=1.5, cap="round", join="round")
        block = canvas.fit(
            item.value_label,
            area - 24,
            cap,
            where=phrase("fit.where.retention_period", number=i + 1),
            max_lines=1,
        )
        canvas.text(block, x0 + 6, cursor + (bar_h * 1.4 - block.height) / 2, p.text)
        cursor += bar_h * 1.4
    else:  # decided case by case: no bar
        block = canvas.fit(
            item.value_label,
            area - 4,
            cap,
            where=phrase("fit.where.retention_period", number=i + 1),
            max_lines=2,
        )
        canvas.text(block, x0 + 4, cursor, p.text_muted, backing=canvas.backdrop)
        cursor += block.height
    for extra in (item.event_label, item.note):
        if extra:
            block = canvas.fit(
                extra,
                area - 4,
                cap,
                where=phrase("fit.where.retention_note", number=i + 1),
                max_lines=3,
                min_size=cap * 0.85,
            )
            canvas.text(block, x0 + 4, cursor + 2, p.text_muted, backing=canvas.backdrop)
            cursor += block.height + 2
    height = max(name.height, cursor - y)
    canvas.text(name, 0, y, p.text)
    return height


def _tick_labels(canvas: Canvas, spec: TimelineSpec, x0: float, area: float, end: float) -> list:
    """(x, label block, left edge, shown) per tick. Labels that would touch a neighbour are
    hidden, but the last one (the end of the axis) always shows."""
    out = []
    for tick in spec.ticks:
        gx = x0 + (tick.value / end * area if end > 0 else 0.0)
        block = canvas.wrap(tick.label, None, canvas.type.caption)
        left = min(max(gx - block.width / 2, x0 - block.width / 2), canvas.width - block.width)
        out.append([gx, block, left, False])
    last_end = -1e9
    for entry in out:
        if entry[2] > last_end + canvas.space:
            entry[3] = True
            last_end = entry[2] + entry[1].width
    if out and not out[-1][3]:
        out[-1][3] = True
        for entry in reversed(out[:-1]):  # hide earlier labels until the last one is clear
            if entry[3] and entry[2] + entry[1].width + canvas.space > out[-1][2]:
                entry[3] = False
    return out


def _diamond(canvas: Canvas, cx: float, cy: float, r: float, fill: str, outline: str) -> None:
    d = (
        canvas.path_data()
        .move(cx, cy - r)
        .line(cx + r, cy)
        .line(cx, cy + r)
        .line(cx - r, cy)
        .close()
    )
    canvas.path(d, fill=fill, stroke=outline, stroke_width=1.0)


def draw_timeline(
    spec: TimelineSpec,
    width: float,
    theme: Any,
    locale: str,
    *,
    title: bool = True,
    callouts: bool = True,
    backdrop: str | None = None,
) -> Drawn:
    """Draw `spec` `width` px wide: one row per period over a shared time axis."""
    canvas = Canvas(width, theme, locale, backdrop)
    p, cap, space = canvas.palette, canvas.type.caption, canvas.space
    y = pieces.title(canvas, spec.title, 0.0) if title else 0.0
    if spec.is_empty:
        y = pieces.empty_state(canvas, spec.empty_message or spec.description, y)
        if callouts:
            y = pieces.callouts(canvas, spec.callouts, y)
        return canvas.drawn(y, spec.description)

    natural = max(canvas.wrap(i.label, None, cap, bold=True).width for i in spec.items)
    label_w = min(max(natural, canvas.width * 0.22), canvas.width * 0.34)
    x0 = label_w + space * 1.5
    area = max(canvas.width - x0, 1.0)
    end = max([spec.max_days, *(t.value for t in spec.ticks)], default=0.0)
    top = y
    y += space / 2
    for i, item in enumerate(spec.items):
        y += _row(canvas, item, i, x0, area, end, label_w, y) + space * 1.5
    bottom = y - space
    # The axis, once the rows' extent is known; sent behind the bars.
    grid = _tick_labels(canvas, spec, x0, area, end)
    since = canvas.mark()
    for gx, block, left, keep in grid:
        canvas.line(gx, top, gx, bottom, p.border if gx > x0 else p.text_muted, stroke_width=1.0)
        if keep:
            canvas.text(block, left, bottom + 2, p.text_muted)
    canvas.send_back(since)
    if spec.ticks:
        y = bottom + 2 + cap * 1.25 + space / 2
        if spec.axis_label:
            axis = canvas.fit(
                spec.axis_label, area, cap, where=phrase("fit.where.time_axis"), max_lines=2
            )
            canvas.text(axis, x0, y, p.text_muted)
            y += axis.height
        y += space
    if callouts:
        y = pieces.callouts(canvas, spec.callouts, y)
    return canvas.drawn(y, spec.description)
