"""Headline figures drawn natively: one stat, or before → after as two proportional bars."""

from __future__ import annotations

from typing import Any

from ..i18n.messages import phrase
from . import pieces
from .canvas import Canvas, Drawn
from .spec import ComparisonSpec, Stat, StatSpec


def draw_stat(
    spec: StatSpec,
    width: float,
    theme: Any,
    locale: str,
    *,
    title: bool = True,
    callouts: bool = True,
    backdrop: str | None = None,
) -> Drawn:
    """A big figure with its caption under it."""
    canvas = Canvas(width, theme, locale, backdrop)
    p = canvas.palette
    y = pieces.title(canvas, spec.title, 0.0) if title else 0.0
    if spec.stat.value is None:
        y = pieces.empty_state(canvas, spec.empty_message or spec.description, y)
    else:
        big = canvas.fit(
            spec.stat.value_label,
            canvas.width,
            canvas.type.big_number,
            where=phrase("fit.where.figure"),
            max_lines=1,
            min_size=canvas.type.heading,
            bold=True,
        )
        canvas.text(big, 0, y, p.primary)
        y += big.height
        caption = canvas.fit(
            spec.stat.caption,
            canvas.width,
            canvas.type.small,
            where=phrase("fit.where.figure_caption"),
            max_lines=2,
        )
        canvas.text(caption, 0, y, p.text_muted)
        y += caption.height + canvas.space
    if callouts:
        y = pieces.callouts(canvas, spec.callouts, y)
    return canvas.drawn(y, spec.description)


def _bar_row(
    canvas: Canvas, stat: Stat, scale: float, y: float, colour: str, strong: bool
) -> float:
    """Caption, then a bar `stat.value * scale` long with the figure after it."""
    p, space = canvas.palette, canvas.space
    caption = canvas.fit(
        stat.caption,
        canvas.width,
        canvas.type.small,
        where=phrase("fit.where.comparison_caption"),
        max_lines=2,
    )
    canvas.text(caption, 0, y, p.text_muted)
    y += caption.height + 2
    size = canvas.type.heading if strong else canvas.type.subheading
    figure = canvas.fit(
        stat.value_label,
        canvas.width * 0.4,
        size,
        where=phrase("fit.where.comparison_figure"),
        max_lines=1,
        min_size=canvas.type.body,
        bold=True,
    )
    bar_h = round(canvas.type.body * 1.1, 2)
    row_h = max(bar_h, figure.height)
    w = max((stat.value or 0.0) * scale, 3.0)
    canvas.rect(0, y + (row_h - bar_h) / 2, w, bar_h, fill=colour, radius=2.0)
    canvas.text(
        figure, w + space, y + (row_h - figure.height) / 2, p.text if strong else p.text_muted
    )
    return y + row_h + space


def draw_comparison(
    spec: ComparisonSpec,
    width: float,
    theme: Any,
    locale: str,
    *,
    title: bool = True,
    callouts: bool = True,
    backdrop: str | None = None,
) -> Drawn:
    """Before and after as two bars on one scale (the after bar emphasised), then the change."""
    canvas = Canvas(width, theme, locale, backdrop)
    p = canvas.palette
    y = pieces.title(canvas, spec.title, 0.0) if title else 0.0
    known = [s for s in (spec.before, spec.after) if s.value is not None]
    if not known:
        y = pieces.empty_state(canvas, spec.empty_message or spec.description, y)
    else:
        figure_room = canvas.width * 0.4 + canvas.space
        top = max(s.value or 0.0 for s in known)
        scale = (canvas.width - figure_room) / top if top > 0 else 0.0
        if spec.before.value is not None:
            y = _bar_row(canvas, spec.before, scale, y, p.text_muted, strong=False)
        y = _bar_row(canvas, spec.after, scale, y, p.primary, strong=True)
        note = spec.change_label or (spec.empty_message if spec.before.value is None else "")
        if note:
            block = canvas.fit(
                note,
                canvas.width,
                canvas.type.body,
                where=phrase("fit.where.comparison_change"),
                max_lines=2,
                bold=bool(spec.change_label),
            )
            canvas.text(block, 0, y, p.text if spec.change_label else p.text_muted)
            y += block.height + canvas.space / 2
    if callouts:
        y = pieces.callouts(canvas, spec.callouts, y)
    return canvas.drawn(y, spec.description)
