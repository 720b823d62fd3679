"""The layout engine: a notice, a layout, a theme and a locale in; a scene out.

`render` is a pure function: no I/O, clock or randomness, so the same inputs always give the
same scene and the same SVG bytes. Blocks flow into rows on the page's column grid; each row's
cards share its height. Right-to-left locales mirror the grid. A fixed-height page that cannot
hold every block leaves out what does not fit and says which blocks overflowed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n.messages import Said
from ..model import PrivacyNotice
from ..render.logo import Logo
from ..render.scene import Element, Group, Rect, Scene
from ..render.svg import write_svg
from ..render.theme import Theme, get_theme
from .blocks import BLOCKS
from .context import Context
from .kit import Piece
from .spec import LayoutSpec, get_layout


@dataclass(frozen=True)
class Rendered:
    """A rendered picture and what went wrong on the way (nothing, ideally)."""

    scene: Scene
    layout: str
    theme: str
    locale: str
    overflow: tuple[str, ...]
    missing_characters: tuple[str, ...]

    def svg(self, *, outlined: bool = True) -> str:
        return write_svg(self.scene, outlined=outlined)


class RenderError(ValueError):
    """The render cannot be made as asked (an unknown locale, say)."""


def resolve_locale(notice: PrivacyNotice, locale: str | None) -> str:
    """`locale`, or the notice's default; a locale the notice is not published in is refused."""
    if locale is None:
        return notice.default_locale
    if locale not in notice.all_locales:
        raise RenderError(
            f"unknown locale '{locale}' for this notice (known: {', '.join(notice.all_locales)})"
        )
    return locale


def render(
    notice: PrivacyNotice,
    layout: str | LayoutSpec = "at-a-glance",
    theme: str | Theme = "light",
    locale: str | None = None,
    *,
    logo: Logo | None = None,
) -> Rendered:
    """Lay out `notice` with `layout` in `theme`, in `locale` (default: the notice's), with the
    brand `logo` (from `render.logo.prepare_logo`) in the header."""
    spec = get_layout(layout) if isinstance(layout, str) else layout
    theme_obj = get_theme(theme) if isinstance(theme, str) else theme
    ctx = Context(
        notice, resolve_locale(notice, locale), theme_obj, scale=spec.page.scale, logo=logo
    )
    page = spec.page
    palette = theme_obj.palette
    inner = page.width - 2 * page.margin
    column = (inner - page.gutter * (page.columns - 1)) / page.columns
    limit = (page.height or page.max_height) - page.margin

    elements: list[Element] = []
    y = page.margin
    row: list[tuple[int, Piece, object]] = []
    used = 0

    def flush() -> None:
        nonlocal y, row, used
        if not row:
            return
        height = max(piece.height for _, piece, _ in row)
        if y + height > limit:
            for _, _, b in row:
                height = f"{page.height or page.max_height:g}"
                ctx.overflow.append(Said("fit.page", block=b.type, layout=spec.id, height=height))
            row, used = [], 0
            y = limit + 1  # nothing more fits either
            return
        x = 0.0
        for span, piece, b in row:
            width = span * column + (span - 1) * page.gutter
            left = page.margin + (inner - x - width if ctx.rtl else x)
            children: list[Element] = []
            pad = _padding(b, ctx)
            if b.card:
                children.append(
                    Rect(0, 0, width, height, palette.surface, palette.border, 1, theme_obj.radius)
                )
            children.append(piece.moved(pad, pad))
            elements.append(Group(tuple(children), label=b.type, dx=left, dy=y, height=height))
            x += width + page.gutter
        y += height + page.row_gap
        row, used = [], 0

    for b in spec.blocks:
        span = b.span or page.columns
        if used + span > page.columns:
            flush()
        width = span * column + (span - 1) * page.gutter
        pad = _padding(b, ctx)
        piece = BLOCKS[b.type](b, ctx, width - 2 * pad)
        if not piece.elements:
            continue
        row.append((span, Piece(piece.elements, piece.height + 2 * pad, width), b))
        used += span
    flush()

    height = page.height or min(
        max(y - page.row_gap + page.margin, page.margin * 2), page.max_height
    )
    title = ctx.text(notice.title)
    scene = Scene(
        width=page.width,
        height=height,
        title=f"{title} · {spec.label}",
        description=_description(ctx),
        lang=ctx.locale,
        direction=ctx.direction,
        background=palette.background,
        elements=tuple(elements),
    )
    missing = tuple(sorted(chr(c) for c in ctx.missing))
    return Rendered(scene, spec.id, theme_obj.id, ctx.locale, tuple(ctx.overflow), missing)


def _padding(block, ctx: Context) -> float:
    return ctx.theme.spacing * 3 * ctx.scale if block.card else 0.0


def _description(ctx: Context) -> str:
    """A plain-text summary of what the picture says, for screen readers."""
    from .facts import facts

    f = facts(ctx.notice)
    parts = [
        ctx.t("fact.categories", count=f.categories),
        ctx.t("fact.sold" if f.sold else "fact.never_sold"),
        ctx.t("fact.processors", count=f.processors)
        if f.processors
        else ctx.t("fact.no_third_parties"),
    ]
    if f.opt_out_clicks:
        parts.append(ctx.t("fact.opt_out_clicks", count=f.opt_out_clicks))
    return ". ".join(parts) + "."


def render_svg(
    notice: PrivacyNotice,
    layout: str | LayoutSpec = "at-a-glance",
    theme: str | Theme = "light",
    locale: str | None = None,
    *,
    outlined: bool = True,
    logo: Logo | None = None,
) -> str:
    """`render(...)` written as SVG text."""
    return render(notice, layout, theme, locale, logo=logo).svg(outlined=outlined)


__all__ = ["RenderError", "Rendered", "render", "render_svg", "resolve_locale"]
