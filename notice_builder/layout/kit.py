"""Small drawing pieces the blocks share: headings, icon items, badges and grids.

Each piece returns a `Piece`: shapes positioned from (0, 0) and the height they take. Pieces lay
themselves out from the start edge of their box, which is the right edge in right-to-left
locales, so a block mirrors by composing them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..render.scene import Circle, Element, Group, Icon, Rect
from ..render.scene import Text as TextShape
from .context import Context, Role


@dataclass(frozen=True)
class Piece:
    elements: tuple[Element, ...]
    height: float
    width: float = 0.0

    def moved(self, dx: float, dy: float) -> Group:
        return Group(self.elements, dx=dx, dy=dy)


EMPTY = Piece((), 0.0)


def blend(color: str, background: str, amount: float) -> str:
    """`color` laid over `background` at `amount` opacity, as an opaque colour (for tints)."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(
        f"{round(x * amount + y * (1 - amount)):02x}" for x, y in zip(a, b, strict=True)
    )


def text(
    ctx: Context,
    value: str,
    width: float,
    role: Role = "body",
    *,
    color: str | None = None,
    bold: bool = False,
    align: str = "start",
    x: float = 0.0,
    y: float = 0.0,
) -> Piece:
    """Wrapped text in a box `width` wide whose start edge is `x` from the container's start."""
    block = ctx.wrap(value, width, role, bold=bold, align=align)  # type: ignore[arg-type]
    return Piece((TextShape(block, x, y, color or ctx.theme.palette.text),), block.height, width)


def heading(ctx: Context, title: str, width: float, icon: str | None = None) -> Piece:
    """A block heading: bold, with an optional icon at its start."""
    theme = ctx.theme
    size = ctx.size("heading")
    if icon is None:
        return text(ctx, title, width, "heading", bold=True)
    gap = theme.spacing
    label = ctx.wrap(title, width - size - gap, "heading", bold=True)
    icon_y = max(0.0, (label.line_pitch - size) / 2)
    ix = ctx.mirror(0, size, width)
    tx = ctx.mirror(size + gap, width - size - gap, width)
    shapes = (
        Icon(icon, ix, icon_y, size, theme.palette.primary, ctx.icon_stroke(size)),
        TextShape(label, tx, 0, theme.palette.text),
    )
    return Piece(shapes, max(label.height, size), width)


def icon_item(
    ctx: Context,
    icon: str,
    title: str,
    width: float,
    *,
    detail: str | None = None,
    badge: str | None = None,
    icon_size: float | None = None,
    title_role: Role = "body",
) -> Piece:
    """An icon in a tinted disc, a bold title and an optional muted detail beside it."""
    theme, palette = ctx.theme, ctx.theme.palette
    disc = icon_size or ctx.size("body") * 2.5
    gap = theme.spacing * 1.5
    text_width = max(width - disc - gap, 40.0)
    shapes: list[Element] = []
    dx = ctx.mirror(0, disc, width)
    shapes.append(
        Circle(dx + disc / 2, disc / 2, disc / 2, blend(palette.primary, palette.surface, 0.12))
    )
    inner = disc * 0.55
    shapes.append(
        Icon(
            icon,
            dx + (disc - inner) / 2,
            (disc - inner) / 2,
            inner,
            palette.primary,
            ctx.icon_stroke(inner),
        )
    )
    tx = ctx.mirror(disc + gap, text_width, width)
    title_block = ctx.wrap(title, text_width, title_role, bold=True)
    # Centre a one-line title on the disc; longer text starts at the top.
    y = 0.0
    if not detail and not badge and title_block.height < disc:
        y = (disc - title_block.height) / 2
    shapes.append(TextShape(title_block, tx, y, palette.text))
    y += title_block.height
    if detail:
        block = ctx.wrap(detail, text_width, "small")
        shapes.append(TextShape(block, tx, y + 2, palette.text_muted))
        y += block.height + 2
    if badge:
        piece = pill(ctx, badge, text_width)
        bx = tx if not ctx.rtl else tx + text_width - piece.width
        shapes.append(piece.moved(bx, y + theme.spacing / 2))
        y += piece.height + theme.spacing / 2
    return Piece(tuple(shapes), max(disc, y), width)


def pill(
    ctx: Context, label: str, max_width: float, *, fill: str | None = None, color: str | None = None
) -> Piece:
    """A small rounded label, as wide as its text."""
    palette = ctx.theme.palette
    pad_x, pad_y = ctx.theme.spacing, ctx.theme.spacing / 3
    # Wrapped to its own width, the text starts at the pill's padding in either direction.
    natural = ctx.wrap(label, max_width - 2 * pad_x, "caption", bold=True)
    block = ctx.wrap(label, natural.width + 0.01, "caption", bold=True)
    width = block.width + 2 * pad_x
    height = block.height + 2 * pad_y
    box = Rect(
        0, 0, width, height, fill or blend(palette.accent, palette.surface, 0.16), radius=height / 2
    )
    return Piece((box, TextShape(block, pad_x, pad_y, color or palette.text)), height, width)


def grid(
    ctx: Context,
    items: Sequence[Piece],
    columns: int,
    width: float,
    *,
    gap: float | None = None,
    row_gap: float | None = None,
) -> Piece:
    """Items in `columns`, filled from the start edge; each row as tall as its tallest item."""
    if not items:
        return EMPTY
    gap = ctx.theme.spacing * 3 if gap is None else gap
    row_gap = ctx.theme.spacing * 2 if row_gap is None else row_gap
    columns = max(1, min(columns, len(items)))
    cell = (width - gap * (columns - 1)) / columns
    shapes: list[Element] = []
    y = 0.0
    for start in range(0, len(items), columns):
        row = items[start : start + columns]
        for index, item in enumerate(row):
            x = ctx.mirror(index * (cell + gap), cell, width)
            shapes.append(item.moved(x, y))
        y += max(item.height for item in row) + row_gap
    return Piece(tuple(shapes), y - row_gap, width)


def stack(pieces: Sequence[Piece], gap: float) -> Piece:
    """Pieces one under the other."""
    shapes: list[Element] = []
    y = 0.0
    for piece in pieces:
        if not piece.elements:
            continue
        shapes.append(piece.moved(0, y))
        y += piece.height + gap
    return Piece(tuple(shapes), max(0.0, y - gap))


def column_width(width: float, columns: int, gap: float) -> float:
    return (width - gap * (columns - 1)) / columns
