"""The drawing kit every chart shares: mirrored placement, themed text, overflow reports.

Charts are laid out in reading-order coordinates: x runs from the start edge of the chart
(the left in English, the right in Arabic). `Canvas` turns every shape into physical SVG
coordinates, so one layout serves both directions and only text alignment and arrows need
to know. Colours come from the theme only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from ..i18n import is_rtl, language
from ..i18n.messages import Phrase, Said, phrase
from ..render.scene import Circle, Element, Group, Line, Path, Rect
from ..render.scene import Text as TextShape
from ..text import FontStack, TextBlock, fit_text, fmt, measure_text, wrap_text

Align = Literal["start", "end", "center"]
ELLIPSIS = "…"


@dataclass(frozen=True)
class Drawn:
    """A drawn chart: shapes placed from (0, 0) in a box of the given width, its height,
    what did not fit (one message per place), and code points no bundled font has."""

    elements: tuple[Element, ...]
    height: float
    overflow: tuple[str, ...] = ()
    missing: tuple[int, ...] = ()


def blend(colour: str, background: str, amount: float) -> str:
    """`colour` over `background` at `amount` opacity, as an opaque colour (a tint)."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(
        f"{round(x * amount + y * (1 - amount)):02x}" for x, y in zip(a, b, strict=True)
    )


@lru_cache(maxsize=4096)
def _word_em(word: str, stack: FontStack, bold: bool, lang: str) -> float:
    """Advance of one word in em (widths scale linearly with the font size)."""
    return measure_text(word, size=100.0, stack=stack, bold=bold, language=lang) / 100.0


class PathData:
    """SVG path data written in reading-order coordinates and mirrored as it is written."""

    def __init__(self, canvas: Canvas, mirror: bool = True) -> None:
        self._canvas = canvas
        self._mirror = mirror
        self._parts: list[str] = []

    def _xy(self, x: float, y: float) -> str:
        return f"{fmt(self._canvas.px(x) if self._mirror else x)} {fmt(y)}"

    def move(self, x: float, y: float) -> PathData:
        self._parts.append("M" + self._xy(x, y))
        return self

    def line(self, x: float, y: float) -> PathData:
        self._parts.append("L" + self._xy(x, y))
        return self

    def curve(self, x1: float, y1: float, x2: float, y2: float, x: float, y: float) -> PathData:
        self._parts.append(f"C{self._xy(x1, y1)} {self._xy(x2, y2)} {self._xy(x, y)}")
        return self

    def close(self) -> PathData:
        self._parts.append("Z")
        return self

    def __str__(self) -> str:
        return "".join(self._parts)


class Canvas:
    """Collects shapes for one chart `width` px wide, mirrored when the locale is RTL."""

    def __init__(self, width: float, theme: Any, locale: str, backdrop: str | None = None) -> None:
        self.width = float(width)
        self.theme = theme
        self.palette = theme.palette
        # What the chart is drawn on: backings, halos and tints blend into it.
        self.backdrop: str = backdrop or theme.palette.surface
        self.type = theme.typography
        self.space = float(theme.spacing)
        self.locale = locale
        self.rtl = is_rtl(locale)
        self.direction: Literal["ltr", "rtl"] = "rtl" if self.rtl else "ltr"
        self.language = language(locale)
        self.stack = theme.font_stack()
        self.shapes: list[Element] = []
        self.overflow: list[str] = []
        self._missing: dict[int, None] = {}

    # Geometry -----------------------------------------------------------------------------
    def px(self, x: float, w: float = 0.0) -> float:
        """Physical left edge of something `w` wide whose start edge is `x` from the start."""
        return self.width - x - w if self.rtl else x

    def rect(self, x: float, y: float, w: float, h: float, **paint: Any) -> None:
        self.shapes.append(Rect(self.px(x, w), y, w, h, **paint))

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, **style: Any) -> None:
        self.shapes.append(Line(self.px(x1), y1, self.px(x2), y2, stroke, **style))

    def circle(self, cx: float, cy: float, r: float, **paint: Any) -> None:
        self.shapes.append(Circle(self.px(cx), cy, r, **paint))

    def path_data(self, mirror: bool = True) -> PathData:
        """Path data in reading-order x (or, with `mirror=False`, physical x: for glyphs such
        as a check mark, which do not mirror)."""
        return PathData(self, mirror)

    def path(self, d: PathData | str, **paint: Any) -> None:
        self.shapes.append(Path(str(d), **paint))

    def mark(self) -> int:
        """A position in the drawing order, for `send_back`."""
        return len(self.shapes)

    def send_back(self, since: int) -> None:
        """Move the shapes drawn since `mark()` returned `since` behind everything else
        (gridlines computed after the rows they run behind)."""
        self.shapes[:] = self.shapes[since:] + self.shapes[:since]

    def group(self, since: int, label: str | None) -> None:
        """Wrap the shapes drawn since `mark()` returned `since` in one group, labelled for
        assistive technology (a matrix cell's sentence)."""
        children = tuple(self.shapes[since:])
        del self.shapes[since:]
        self.shapes.append(Group(children, label=label))

    # Text ---------------------------------------------------------------------------------
    def _physical(self, align: Align) -> Literal["left", "right", "center"]:
        if align == "center":
            return "center"
        return "right" if (align == "start") == self.rtl else "left"

    def _note(self, block: TextBlock) -> TextBlock:
        self._missing.update(dict.fromkeys(block.missing))
        return block

    def line_height(self, tight: bool = False) -> float:
        ratio = float(self.type.line_height)
        return min(ratio, 1.25) if tight else ratio

    def wrap(
        self,
        text: str,
        width: float | None,
        size: float,
        *,
        bold: bool = False,
        align: Align = "start",
        tight: bool = True,
    ) -> TextBlock:
        """`text` wrapped to `width` (None: one line per paragraph) in the locale's direction."""
        return self._note(
            wrap_text(
                text,
                None if width is None else max(width, 1.0),
                size=size,
                stack=self.stack,
                bold=bold,
                direction=self.direction,
                language=self.language,
                line_height=self.line_height(tight),
                align=self._physical(align),
            )
        )

    def fit(
        self,
        text: str,
        width: float,
        size: float,
        *,
        where: str | Phrase,
        max_lines: int | None = None,
        height: float | None = None,
        min_size: float | None = None,
        bold: bool = False,
        align: Align = "start",
        tight: bool = True,
    ) -> TextBlock:
        """`text` in a box: shrunk down to `min_size`, then cut at a word with "…". A cut or
        a character wider than the box is reported in `overflow` under `where`."""
        params = {
            "stack": self.stack,
            "bold": bold,
            "direction": self.direction,
            "language": self.language,
            "line_height": self.line_height(tight),
            "align": self._physical(align),
            "max_lines": max_lines,
        }
        width = max(width, 1.0)
        box = height if height is not None else 1e9
        floor = min(size, min_size if min_size is not None else size)
        # Shrink first until the longest word fits: a word broken mid-way reads worse.
        longest = max(
            (_word_em(w, self.stack, bold, self.language) for w in text.split()), default=0.0
        )
        if longest * size > width:
            size = max(floor, math.floor(10 * width / longest) / 10)
            if longest * size > width + 0.01:
                self.overflow.append(
                    Said("fit.word_too_wide", where=where, width=f"{width:g}", size=f"{size:g}")
                )
        result = fit_text(text, width, box, size=size, min_size=min(floor, size), **params)
        if not result.overflow:
            return self._note(result.block)
        self.overflow.append(Said("fit.text", where=where, detail=result.describe()))
        block = result.block
        if result.lines_cut and block.lines:
            words = block.text[: block.lines[-1].end].split()
            for _ in range(min(len(words), 12)):  # drop words until "…" fits
                words.pop()
                shorter = " ".join(words) + ELLIPSIS if words else ELLIPSIS
                retry = fit_text(shorter, width, box, size=result.size, **params)
                if not retry.overflow:
                    return self._note(retry.block)
                if not words:
                    break
        return self._note(block)

    def fit_many(
        self,
        texts: list[str],
        width: float,
        size: float,
        *,
        where: str | Phrase,
        max_lines: int | None = None,
        min_size: float | None = None,
        bold: bool = False,
        align: Align = "start",
    ) -> list[TextBlock]:
        """Like `fit` for labels of one kind (column heads), all at one size: the size the
        most demanding of them needs, so they read as a set."""
        floor = min(size, min_size if min_size is not None else size)
        common = size
        for text in texts:
            longest = max(
                (_word_em(w, self.stack, bold, self.language) for w in text.split()), default=0.0
            )
            start = (
                max(floor, min(size, math.floor(10 * max(width, 1.0) / longest) / 10))
                if longest
                else size
            )
            result = fit_text(
                text,
                max(width, 1.0),
                1e9,
                size=start,
                min_size=min(floor, start),
                stack=self.stack,
                bold=bold,
                direction=self.direction,
                language=self.language,
                line_height=self.line_height(True),
                max_lines=max_lines,
            )
            common = min(common, result.size)
        return [
            self.fit(
                t,
                width,
                common,
                where=phrase("fit.where.named", what=where, name=t),
                max_lines=max_lines,
                bold=bold,
                align=align,
            )
            for t in texts
        ]

    def text(
        self, block: TextBlock, x: float, y: float, fill: str, *, backing: str | None = None
    ) -> None:
        """Place `block` with its box's start edge at `x` (the box is the block's wrap width,
        or its widest line when unwrapped). `backing` paints an opaque rectangle behind the
        ink, to keep text clear of gridlines."""
        width = block.box_width or block.width
        left = self.px(x, width)
        if backing and block.lines:
            ink_left = max(left + min(ln.x for ln in block.lines) - 2, 0.0)
            ink_right = min(left + max(ln.x + ln.width for ln in block.lines) + 2, self.width)
            if ink_right > ink_left:
                self.shapes.append(
                    Rect(ink_left, y, ink_right - ink_left, block.height, fill=backing)
                )
        self.shapes.append(TextShape(block, left, y, fill))

    # Result -------------------------------------------------------------------------------
    def drawn(self, height: float, label: str | None = None) -> Drawn:
        """Everything drawn, as one group labelled for assistive technology."""
        group = Group(tuple(self.shapes), label=label)
        return Drawn((group,), math.ceil(height), tuple(self.overflow), tuple(self._missing))
