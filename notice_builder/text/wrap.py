"""Measuring and wrapping: paragraphs -> lines of positioned, visually ordered glyph runs.

Coordinates are user units (SVG px) with y pointing down. A line's glyph x positions are
relative to the line's left edge; ``Line.x`` places that edge inside the box and
``Line.baseline`` is the baseline's distance from the top of the block.

Method: each paragraph is bidi-resolved, itemized and shaped once (cached, in em units)
to estimate widths; greedy line breaking picks break opportunities from those estimates;
every line is then shaped again on its own (items clipped to the line, paragraph text as
context) and that exact width is what is checked, stored and drawn.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, chain, islice
from typing import Literal

from .bidi import Direction, paragraph_levels, visual_order
from .fonts import DEFAULT_STACK, FontFace, FontStack
from .itemize import Item, itemize
from .segment import SPACES, grapheme_boundaries, line_break_opportunities, visual_text
from .shape import ShapedRun, shape

Align = Literal["start", "end", "left", "right", "center"]

_EPS = 1e-6
# Hard breaks: each piece becomes its own bidi paragraph.
_PARAGRAPH_SPLIT = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class GlyphRun:
    """One direction/face run of a line, glyphs in visual (left-to-right) order.

    ``xs`` are glyph origins relative to the line's left edge (offsets included); ``ys``
    are offsets from the baseline, y-down. ``start``/``end``/``clusters`` index
    ``TextBlock.text``.
    """

    text: str
    start: int
    end: int
    level: int
    face: FontFace
    size: float
    x: float
    width: float
    glyphs: tuple[int, ...]
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    advances: tuple[float, ...]
    clusters: tuple[int, ...]
    language: str | None = None

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1

    @property
    def direction(self) -> Literal["ltr", "rtl"]:
        return "rtl" if self.rtl else "ltr"

    @property
    def family(self) -> str:
        return self.face.family

    @property
    def weight(self) -> int:
        return self.face.weight

    @property
    def visual_text(self) -> str:
        """The run's text in drawing order (RTL reversed per grapheme, brackets mirrored)."""
        return visual_text(self.text, self.rtl)


@dataclass(frozen=True, slots=True)
class Line:
    """One laid-out line. ``text`` is its logical text without trailing spaces."""

    text: str
    start: int
    end: int
    paragraph: int
    rtl: bool  # paragraph base direction
    runs: tuple[GlyphRun, ...]
    width: float
    x: float
    baseline: float
    ascent: float  # tallest face used on the line, px above the baseline
    descent: float  # px below the baseline (positive)
    overflow: bool  # wider than the box (only when a single grapheme cannot fit)


@dataclass(frozen=True)
class TextBlock:
    """Result of :func:`wrap_text`."""

    text: str  # normalized text; paragraphs joined by "\\n"; all offsets index this
    lines: tuple[Line, ...]
    size: float
    line_pitch: float  # baseline-to-baseline distance, px
    box_width: float | None
    missing: tuple[int, ...]  # code points no bundled font covers, first occurrence order

    @property
    def height(self) -> float:
        """Height of the block: one line pitch per line (CSS line-box model)."""
        return len(self.lines) * self.line_pitch

    @cached_property
    def width(self) -> float:
        """Width of the widest line."""
        return max((ln.width for ln in self.lines), default=0.0)

    @property
    def overflow_x(self) -> bool:
        return any(ln.overflow for ln in self.lines)


@dataclass(frozen=True, slots=True)
class _Paragraph:
    """Size-independent analysis of one paragraph (cached)."""

    text: str
    base_level: int
    items: tuple[Item, ...]
    missing: tuple[int, ...]
    prefix_em: tuple[float, ...]  # prefix_em[i] = advance of text[:i] in em
    breaks: tuple[int, ...]
    graphemes: tuple[int, ...]
    language: str | None

    def em(self, a: int, b: int) -> float:
        return self.prefix_em[b] - self.prefix_em[a]

    def trim(self, a: int, b: int) -> int:
        """``b`` moved back over trailing spaces (they hang past the line end, rule L1)."""
        text = self.text
        while b > a and (text[b - 1] in SPACES):
            b -= 1
        return b


def normalize_paragraphs(text: str) -> list[str]:
    """Split on hard breaks, turn tabs into spaces and drop other control characters."""
    out = []
    for para in _PARAGRAPH_SPLIT.split(text):
        para = para.replace("\t", " ")
        if any(unicodedata.category(c) == "Cc" for c in para):
            para = "".join(c for c in para if unicodedata.category(c) != "Cc")
        out.append(para)
    return out


def _shape_item(para: _Paragraph, item: Item, start: int, end: int) -> ShapedRun:
    return shape(
        para.text,
        item.face,
        start=start,
        end=end,
        rtl=item.rtl,
        script=item.script,
        language=para.language,
    )


@lru_cache(maxsize=1024)
def _analyze(
    text: str, faces: tuple[FontFace, ...], direction: Direction, language: str | None
) -> _Paragraph:
    bidi = paragraph_levels(text, direction)
    items, missing = itemize(text, bidi.levels, faces)
    adv = [0.0] * len(text)
    para = _Paragraph(text, bidi.base_level, items, missing, (), (), (), language)
    for item in items:
        run = _shape_item(para, item, item.start, item.end)
        inv = 1.0 / item.face.upem
        for cl, a in zip(run.clusters, run.x_advances, strict=True):
            adv[cl] += a * inv
    prefix = (0.0, *accumulate(adv))
    return _Paragraph(
        text,
        bidi.base_level,
        items,
        missing,
        tuple(prefix),
        line_break_opportunities(text),
        grapheme_boundaries(text),
        language,
    )


def _build_line(
    para: _Paragraph, start: int, end: int, size: float
) -> tuple[list[tuple[Item, ShapedRun, int, int]], float]:
    """Shape ``[start, end)`` item by item; return (runs in visual order, exact width)."""
    pieces: list[tuple[Item, ShapedRun, int, int]] = []
    for item in para.items:
        a, b = max(item.start, start), min(item.end, end)
        if a < b:
            pieces.append((item, _shape_item(para, item, a, b), a, b))
    order = visual_order([p[0].level for p in pieces])
    visual = [pieces[i] for i in order]
    width = sum(run.width(size) for _, run, _, _ in visual)
    return visual, width


def _break_paragraph(para: _Paragraph, width: float | None, size: float) -> list[tuple[int, int]]:
    """Greedy line breaking; returns (start, end) per line, ``end`` before trailing spaces."""
    n = len(para.text)
    if width is None or n == 0:
        return [(0, para.trim(0, n))]
    lines: list[tuple[int, int]] = []
    limit = width / size + _EPS  # compare in em
    pos = 0
    while pos < n:
        best = None
        first = None
        for e in chain(islice(para.breaks, bisect_right(para.breaks, pos), None), (n,)):
            first = e if first is None else first
            if para.em(pos, para.trim(pos, e)) > limit:
                break
            best = e
        if best is None:
            best = _emergency_end(para, pos, first or n, limit)
        best = _verify(para, pos, best, width, size)
        end = para.trim(pos, best)
        if end > pos or (not lines and best >= n):
            lines.append((pos, end))
        # else: only the paragraph's leading spaces before a break; they vanish like
        # spaces at any other line start.
        pos = best
    return lines


def _emergency_end(para: _Paragraph, pos: int, word_end: int, limit: float) -> int:
    """A word wider than the line: break it at the last grapheme boundary that fits
    (at least one grapheme per line, so layout always advances)."""
    g = para.graphemes
    lo = bisect_right(g, pos)
    hi = bisect_right(g, word_end)
    best = g[lo] if lo < len(g) else len(para.text)
    for i in range(lo, hi):
        if para.em(pos, g[i]) <= limit:
            best = g[i]
        else:
            break
    return best


def _verify(para: _Paragraph, pos: int, end: int, width: float, size: float) -> int:
    """Step the break back while the line, shaped as drawn, is wider than ``width``
    (joining and kerning at the new line edges can differ from the paragraph estimate)."""
    while True:
        _, exact = _build_line(para, pos, para.trim(pos, end), size)
        if exact <= width + _EPS:
            return end
        k = bisect_left(para.breaks, end) - 1
        if k >= 0 and para.breaks[k] > pos:
            end = para.breaks[k]
            continue
        g = para.graphemes
        j = bisect_left(g, end) - 1
        if j >= 0 and g[j] > pos:
            end = g[j]
            continue
        return end  # a single grapheme wider than the box: reported as overflow


def _align_x(align: Align, rtl: bool, line_width: float, box_width: float) -> float:
    if align == "center":
        return (box_width - line_width) / 2
    right = {"left": False, "right": True, "start": rtl, "end": not rtl}.get(align)
    if right is None:
        raise ValueError(f"align must be start, end, left, right or center, not {align!r}")
    return box_width - line_width if right else 0.0


def _make_runs(
    para: _Paragraph, start: int, end: int, size: float, offset: int
) -> tuple[tuple[GlyphRun, ...], float]:
    visual, _ = _build_line(para, start, end, size)
    runs: list[GlyphRun] = []
    x = 0.0
    for item, shaped, a, b in visual:
        s = size / item.face.upem
        xs: list[float] = []
        advances: list[float] = []
        pen = x
        for adv, xo in zip(shaped.x_advances, shaped.x_offsets, strict=True):
            xs.append(pen + xo * s)
            advances.append(adv * s)
            pen += adv * s
        run_width = shaped.advance * s
        runs.append(
            GlyphRun(
                text=para.text[a:b],
                start=offset + a,
                end=offset + b,
                level=item.level,
                face=item.face,
                size=size,
                x=x,
                width=run_width,
                glyphs=shaped.glyphs,
                xs=tuple(xs),
                ys=tuple(-yo * s for yo in shaped.y_offsets),
                advances=tuple(advances),
                clusters=tuple(offset + c for c in shaped.clusters),
                language=para.language,
            )
        )
        x += run_width
    return tuple(runs), x


def wrap_text(
    text: str,
    width: float | None,
    *,
    size: float,
    stack: FontStack = DEFAULT_STACK,
    bold: bool = False,
    direction: Direction = "auto",
    language: str | None = None,
    line_height: float = 1.4,
    align: Align = "start",
) -> TextBlock:
    """Lay out ``text`` in lines no wider than ``width`` px (``None``: no wrapping).

    ``size`` is the font size in px; ``line_height`` multiplies it into the line pitch.
    ``direction`` applies to each paragraph ("auto": first strong character). ``language``
    is a BCP 47 tag passed to HarfBuzz (e.g. "ar", "fa", "en"). An empty string gives no
    lines; an empty or all-space paragraph gives one empty line. Cached per arguments.
    """
    if size <= 0:
        raise ValueError("size must be positive")
    if width is not None and width <= 0:
        raise ValueError("width must be positive or None")
    return _wrap_cached(text, width, size, stack, bold, direction, language, line_height, align)


@lru_cache(maxsize=256)
def _wrap_cached(
    text: str,
    width: float | None,
    size: float,
    stack: FontStack,
    bold: bool,
    direction: Direction,
    language: str | None,
    line_height: float,
    align: Align,
) -> TextBlock:
    faces = stack.faces(bold)
    pitch = line_height * size
    primary = faces[0]
    asc = primary.ascender * size / primary.upem
    desc = -primary.descender * size / primary.upem
    # CSS-style half-leading: the primary face's content area is centred in the line box.
    first_baseline = (pitch - asc - desc) / 2 + asc

    paragraphs = normalize_paragraphs(text) if text else []
    raw_lines: list[tuple[_Paragraph, int, int, int, int]] = []  # para, start, end, idx, offset
    missing: dict[int, None] = {}
    offset = 0
    for idx, ptext in enumerate(paragraphs):
        para = _analyze(ptext, faces, direction, language)
        missing.update(dict.fromkeys(para.missing))
        for a, b in _break_paragraph(para, width, size):
            raw_lines.append((para, a, b, idx, offset))
        offset += len(ptext) + 1

    built = []
    for para, a, b, idx, off in raw_lines:
        runs, line_width = _make_runs(para, a, b, size, off)
        used = {r.face for r in runs} or {primary}
        built.append((para, a, b, idx, off, runs, line_width, used))
    box = width if width is not None else max((t[6] for t in built), default=0.0)

    lines = []
    for i, (para, a, b, idx, off, runs, line_width, used) in enumerate(built):
        rtl = para.base_level % 2 == 1
        lines.append(
            Line(
                text=para.text[a:b],
                start=off + a,
                end=off + b,
                paragraph=idx,
                rtl=rtl,
                runs=runs,
                width=line_width,
                x=_align_x(align, rtl, line_width, box),
                baseline=first_baseline + i * pitch,
                ascent=max(f.ascender * size / f.upem for f in used),
                descent=max(-f.descender * size / f.upem for f in used),
                overflow=width is not None and line_width > width + _EPS,
            )
        )
    return TextBlock("\n".join(paragraphs), tuple(lines), size, pitch, width, tuple(missing))


def measure_text(
    text: str,
    *,
    size: float,
    stack: FontStack = DEFAULT_STACK,
    bold: bool = False,
    direction: Direction = "auto",
    language: str | None = None,
) -> float:
    """Width in px of the widest hard line of ``text`` drawn without wrapping."""
    return wrap_text(
        text, None, size=size, stack=stack, bold=bold, direction=direction, language=language
    ).width


def clear_caches() -> None:
    """Drop cached paragraph analyses and layouts."""
    _analyze.cache_clear()
    _wrap_cached.cache_clear()
