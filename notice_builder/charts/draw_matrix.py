"""Data × purposes as a table of marks, drawn natively.

Marks differ in shape and glyph, not only colour: a circle with a check for data that is
used, a square with an arrow (pointing the way the text reads) for data shared with a
company for its own use, a diamond for data that is sold. Whether people choose is the mark's treatment:
outlined for "only if you agree", dashed for "only if you choose", a ring for "until you say
no". A legend says each in words; each mark is a group labelled with its cell's sentence.
Columns that do not fit the width continue in another table below, with the rows marked in it.
"""

from __future__ import annotations

from typing import Any

from ..i18n.messages import phrase
from . import pieces
from .canvas import Canvas, Drawn
from .spec import CellMark, MatrixSpec

MIN_CELL = 56.0  # px; narrower columns continue in another table


def _colours(canvas: Canvas, kind: str) -> tuple[str, str]:
    """(mark colour, glyph colour on it) for a kind of mark."""
    p = canvas.palette
    if kind == "shared":
        return p.accent, p.on_accent
    if kind == "sold":
        return p.negative, p.on_accent
    return p.primary, p.on_primary


def draw_mark(
    canvas: Canvas, kind: str, choice: str | None, cx: float, cy: float, size: float
) -> None:
    """One mark centred on (cx, cy), `size` px across."""
    colour, on = _colours(canvas, kind)
    r = size / 2
    filled = choice in (None, "opt_out")
    fill = colour if filled else canvas.backdrop
    glyph = on if filled else colour
    outline = {"stroke": colour, "stroke_width": 1.5} if not filled else {}
    if choice == "optional":
        outline["dash"] = "2.5 2"
    if kind == "shared":
        canvas.rect(
            cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8, fill=fill, radius=r * 0.3, **outline
        )
    elif kind == "sold":
        d = (
            canvas.path_data()
            .move(cx, cy - r)
            .line(cx + r, cy)
            .line(cx, cy + r)
            .line(cx - r, cy)
            .close()
        )
        canvas.path(
            d,
            fill=fill,
            stroke=outline.get("stroke"),
            stroke_width=outline.get("stroke_width", 0.0),
        )
    else:
        if "dash" in outline:  # Circle has no dash: draw the dashed outline as a rounded rect
            canvas.rect(cx - r, cy - r, 2 * r, 2 * r, fill=fill, radius=r, **outline)
        else:
            canvas.circle(cx, cy, r, fill=fill, **outline)
    if choice == "opt_out":
        canvas.circle(cx, cy, r + 2.5, stroke=colour, stroke_width=1.0)
    s = r * 0.55
    if kind == "collected":  # a check mark reads the same in both directions: not mirrored
        px = canvas.px(cx)
        d = canvas.path_data(mirror=False).move(px - s, cy + s * 0.05)
        d.line(px - s * 0.3, cy + s * 0.7).line(px + s, cy - s * 0.6)
    else:  # an arrow towards the end edge: "goes to someone else"
        d = canvas.path_data().move(cx - s, cy).line(cx + s, cy)
        d.move(cx + s * 0.35, cy - s * 0.6).line(cx + s, cy).line(cx + s * 0.35, cy + s * 0.6)
    canvas.path(d, stroke=glyph, stroke_width=max(size / 9, 1.5), cap="round", join="round")


def _legend_swatch(key: str) -> pieces.Swatch:
    def draw(canvas: Canvas, x: float, y: float, size: float) -> None:
        if key in ("collected", "shared", "sold"):
            draw_mark(canvas, key, None, x + size / 2, y + size / 2, size)
        else:  # a choice: shown on the plain mark; the ring of "opt_out" stays in the square
            inner = size - 6 if key == "opt_out" else size
            draw_mark(canvas, "collected", key, x + size / 2, y + size / 2, inner)

    return draw


def _table(
    canvas: Canvas, spec: MatrixSpec, cols: list[int], label_w: float, y: float, more: bool
) -> float:
    """One table of `cols`; a continuation (`more`) lists only the rows with a mark in it."""
    p, cap, space = canvas.palette, canvas.type.caption, canvas.space
    x0 = label_w + space
    cell_w = (canvas.width - x0) / len(cols)
    heads = canvas.fit_many(
        [spec.columns[c] for c in cols],
        cell_w - 4,
        cap,
        where=phrase("fit.where.column"),
        max_lines=4,
        min_size=cap * 0.85,
        bold=True,
        align="center",
    )
    head_h = max(h.height for h in heads)
    for k, block in enumerate(heads):  # bottom-aligned over their column
        canvas.text(block, x0 + k * cell_w + 2, y + head_h - block.height, p.text)
    y += head_h + space / 2
    canvas.line(0, y, canvas.width, y, p.border, stroke_width=1.0)
    mark = min(cap * 1.5, cell_w * 0.5)
    rows = [r for r in range(len(spec.rows)) if not more or any((r, c) in spec.cells for c in cols)]
    for stripe, r in enumerate(rows):
        name = spec.rows[r]
        block = canvas.fit(
            name,
            label_w,
            cap,
            where=phrase("fit.where.row_named", name=name),
            max_lines=2,
            min_size=cap * 0.85,
        )
        row_h = max(mark + space * 1.5, block.height + space)
        if stripe % 2:
            canvas.rect(0, y, canvas.width, row_h, fill=p.surface_alt)
        canvas.text(block, 0, y + (row_h - block.height) / 2, p.text)
        for k, c in enumerate(cols):
            cell: CellMark | None = spec.cells.get((r, c))
            if cell is None:
                continue
            since = canvas.mark()
            draw_mark(canvas, cell.kind, cell.choice, x0 + (k + 0.5) * cell_w, y + row_h / 2, mark)
            canvas.group(since, cell.label)
        y += row_h
    canvas.line(0, y, canvas.width, y, p.border, stroke_width=1.0)
    return y + space


def draw_matrix(
    spec: MatrixSpec,
    width: float,
    theme: Any,
    locale: str,
    *,
    title: bool = True,
    callouts: bool = True,
    backdrop: str | None = None,
) -> Drawn:
    """Draw `spec` `width` px wide: legend, column heads, one row per kind of data."""
    canvas = Canvas(width, theme, locale, backdrop)
    cap = canvas.type.caption
    y = pieces.title(canvas, spec.title, 0.0) if title else 0.0
    if spec.is_empty or not spec.cells:
        y = pieces.empty_state(canvas, spec.empty_message or spec.description, y)
    else:
        y = pieces.legend(canvas, [(e.label, _legend_swatch(e.key)) for e in spec.legend], y)
        natural = max(canvas.wrap(r, None, cap).width for r in spec.rows)
        label_w = min(max(natural, canvas.width * 0.2), canvas.width * 0.34)
        # Narrower row names (wrapping to two lines) rather than a second table, down to 24%.
        needed = len(spec.columns) * MIN_CELL + canvas.space
        if canvas.width - label_w < needed:
            label_w = max(canvas.width * 0.24, canvas.width - needed)
        fit = max(int((canvas.width - label_w - canvas.space) // MIN_CELL), 1)
        n = len(spec.columns)
        tables = -(-n // fit)
        start = 0
        for k in range(tables):  # tables of even size: 3 + 2 + 2, not 3 + 3 + 1
            size = n // tables + (k < n % tables)
            y = _table(canvas, spec, list(range(start, start + size)), label_w, y, k > 0)
            start += size
    if callouts:
        y = pieces.callouts(canvas, spec.callouts, y)
    return canvas.drawn(y, spec.description)
