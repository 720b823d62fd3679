"""Pieces every chart uses: its title, a legend, the call-outs under it, an empty state, and
series marks that stay apart without colour (patterns on greyscale-safe themes)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..i18n.messages import phrase
from .canvas import Canvas, blend

Swatch = Callable[[Canvas, float, float, float], None]  # draws a key in a square (x, y, size)


def title(canvas: Canvas, text: str, y: float) -> float:
    """The chart's title at the start edge; returns the y below it."""
    if not text:
        return y
    size = canvas.type.subheading
    block = canvas.fit(
        text,
        canvas.width,
        size,
        where=phrase("fit.where.chart_title"),
        max_lines=3,
        min_size=canvas.type.body,
        bold=True,
    )
    canvas.text(block, 0, y, canvas.palette.text)
    return y + block.height + canvas.space


def series_colour(canvas: Canvas, index: int) -> str:
    colours = canvas.palette.categorical
    return colours[index % len(colours)]


def series_bar(canvas: Canvas, index: int, x: float, y: float, w: float, h: float) -> None:
    """A bar of series `index`. Greyscale-safe themes tell series apart by pattern: solid,
    tinted with an outline, hatched, outlined; colour themes rely on hue and position."""
    if w <= 0 or h <= 0:
        return
    colour = series_colour(canvas, index)
    style = index % 4 if canvas.theme.greyscale_safe else 0
    surface = canvas.backdrop
    if style == 0:
        canvas.rect(x, y, w, h, fill=colour)
        return
    inset = 0.75  # keep the outline inside the bar's box
    iw, ih = max(w - 2 * inset, 0.5), max(h - 2 * inset, 0.5)
    fill = blend(colour, surface, 0.25) if style in (1, 2) else surface
    canvas.rect(
        x + inset,
        y + inset,
        iw,
        ih,
        fill=fill,
        stroke=colour,
        stroke_width=1.5,
        dash="3 2" if style == 3 else None,
    )
    if style == 2:
        hatch(canvas, x, y, w, h, colour)


def hatch(
    canvas: Canvas, x: float, y: float, w: float, h: float, colour: str, gap: float = 5.0
) -> None:
    """Diagonal lines clipped to the box (x, y, w, h), as one path."""
    d = canvas.path_data()
    u = x - h
    any_segment = False
    while u < x + w:
        t0, t1 = max(0.0, x - u), min(h, x + w - u)
        if t1 > t0:
            d.move(u + t0, y + h - t0).line(u + t1, y + h - t1)
            any_segment = True
        u += gap
    if any_segment:
        canvas.path(d, stroke=colour, stroke_width=1.0)


def series_swatch(index: int) -> Swatch:
    def draw(canvas: Canvas, x: float, y: float, size: float) -> None:
        series_bar(canvas, index, x, y, size, size)

    return draw


def legend(canvas: Canvas, entries: Sequence[tuple[str, Swatch]], y: float) -> float:
    """Keys with their words, flowing from the start edge in rows; returns the y below."""
    if not entries:
        return y
    size = canvas.type.caption
    key = round(size * 1.1, 2)
    gap = canvas.space
    x, row_height = 0.0, 0.0
    for text, swatch in entries:
        room = canvas.width - key - gap / 2
        block = canvas.fit(
            text, room, size, where=phrase("fit.where.legend_named", name=text), max_lines=2
        )
        item = key + gap / 2 + block.width
        if x > 0 and x + item > canvas.width:
            y += row_height + gap / 2
            x, row_height = 0.0, 0.0
        height = max(key, block.height)
        swatch(canvas, x, y + (height - key) / 2, key)
        # The box is the wrap width: start-aligned text hugs the start edge in both directions.
        canvas.text(block, x + key + gap / 2, y + (height - block.height) / 2, canvas.palette.text)
        x += item + gap * 2
        row_height = max(row_height, height)
    return y + row_height + canvas.space


def callouts(canvas: Canvas, texts: Sequence[str], y: float) -> float:
    """Key sentences under a chart, each marked by an accent rule at the start edge."""
    if not texts:
        return y
    y += canvas.space / 2
    size = canvas.type.small
    rule = 3.0
    indent = rule + canvas.space
    for i, text in enumerate(texts):
        block = canvas.fit(
            text,
            canvas.width - indent,
            size,
            where=phrase("fit.where.callout", number=i + 1),
            max_lines=4,
            tight=False,
        )
        canvas.rect(0, y + 2, rule, max(block.height - 4, 1), fill=canvas.palette.accent)
        canvas.text(block, indent, y, canvas.palette.text)
        y += block.height + canvas.space / 2
    return y + canvas.space / 2


def empty_state(canvas: Canvas, message: str, y: float) -> float:
    """A dashed frame saying there is nothing to show; returns the y below it."""
    pad = canvas.space * 2
    block = canvas.fit(
        message,
        canvas.width - 2 * pad,
        canvas.type.body,
        where=phrase("fit.where.empty_message"),
        max_lines=3,
        align="center",
    )
    height = max(block.height + 2 * pad, canvas.type.body * 6)
    canvas.rect(
        0.5,
        y + 0.5,
        canvas.width - 1,
        height - 1,
        stroke=canvas.palette.border,
        stroke_width=1.0,
        dash="4 4",
        radius=float(canvas.theme.radius),
    )
    canvas.text(
        block,
        pad,
        y + (height - block.height) / 2,
        canvas.palette.text_muted,
    )
    return y + height
