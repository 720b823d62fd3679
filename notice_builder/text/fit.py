"""Fit text into a box by shrinking the font size; report overflow instead of clipping."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ..i18n.messages import Said, phrase
from .bidi import Direction
from .fonts import DEFAULT_STACK, FontStack
from .wrap import Align, TextBlock, wrap_text

_EPS = 1e-6


@dataclass(frozen=True)
class FitResult:
    """Outcome of :func:`fit_text`.

    ``block`` holds only the lines that fit (all of them unless ``overflow``);
    ``full_block`` is the complete layout at the chosen size, for diagnostics.
    """

    block: TextBlock
    full_block: TextBlock
    size: float
    requested_size: float
    overflow: bool
    lines_cut: int  # lines that did not fit in the box
    chars_cut: int  # characters of text not shown (from the first cut line on)
    cut_text: str  # that text, for error messages
    too_wide: bool  # some single grapheme is wider than the box

    @property
    def shrunk(self) -> bool:
        return self.size < self.requested_size

    def describe(self) -> Said:
        """One-line human summary, e.g. for a layout's overflow report (English as a `str`;
        `.text(locale)` in another language)."""
        size = f"{self.size:g}"
        if not self.overflow:
            if self.shrunk:
                return Said("fit.fits_shrunk", size=size, requested=f"{self.requested_size:g}")
            return Said("fit.fits", size=size)
        parts = [phrase("fit.overflows", size=size)]
        if self.lines_cut:
            parts.append(phrase("fit.cut", lines=self.lines_cut, characters=self.chars_cut))
        if self.too_wide:
            parts.append(phrase("fit.too_wide"))
        return Said("fit.overflow", parts=parts)


def _capacity(block: TextBlock, height: float, max_lines: int | None) -> int:
    """How many lines of ``block`` fit in ``height`` (and ``max_lines``)."""
    by_height = math.floor((height + _EPS) / block.line_pitch) if block.line_pitch > 0 else 0
    return min(by_height, max_lines) if max_lines is not None else by_height


def _fits(block: TextBlock, height: float, max_lines: int | None) -> bool:
    return not block.overflow_x and len(block.lines) <= _capacity(block, height, max_lines)


def _sizes(size: float, min_size: float, step: float) -> list[float]:
    """Candidate sizes from ``size`` down to ``min_size`` (inclusive), rounded to 1/100 px so
    repeated subtraction cannot drift."""
    out = []
    k = 0
    while True:
        s = round(size - k * step, 2)
        if s < min_size - _EPS:
            break
        out.append(s)
        k += 1
    if not out or out[-1] > min_size + _EPS:
        out.append(min_size)
    return out


def fit_text(
    text: str,
    width: float,
    height: float,
    *,
    size: float,
    min_size: float | None = None,
    step: float = 0.5,
    max_lines: int | None = None,
    stack: FontStack = DEFAULT_STACK,
    bold: bool = False,
    direction: Direction = "auto",
    language: str | None = None,
    line_height: float = 1.4,
    align: Align = "start",
) -> FitResult:
    """Lay out ``text`` in a ``width`` x ``height`` px box, at most ``max_lines`` lines.

    Tries ``size``, then ``size - step``, ... down to ``min_size`` (default: ``size``, i.e.
    no shrinking). The first size that fits wins; if none does, the layout at ``min_size``
    is returned truncated to the lines that fit, with ``overflow=True`` and what was cut.
    """
    min_size = size if min_size is None else min_size
    if min_size <= 0 or min_size > size:
        raise ValueError("need 0 < min_size <= size")
    if step <= 0:
        raise ValueError("step must be positive")
    if max_lines is not None and max_lines < 0:
        raise ValueError("max_lines must be >= 0")

    def layout(s: float) -> TextBlock:
        return wrap_text(
            text,
            width,
            size=s,
            stack=stack,
            bold=bold,
            direction=direction,
            language=language,
            line_height=line_height,
            align=align,
        )

    block = None
    for s in _sizes(size, min_size, step):
        block = layout(s)
        if _fits(block, height, max_lines):
            return FitResult(block, block, s, size, False, 0, 0, "", False)
    assert block is not None
    keep = min(_capacity(block, height, max_lines), len(block.lines))
    shown = replace(block, lines=block.lines[:keep])
    cut = block.lines[keep:]
    cut_text = block.text[cut[0].start :] if cut else ""
    return FitResult(
        block=shown,
        full_block=block,
        size=block.size,
        requested_size=size,
        overflow=True,
        lines_cut=len(cut),
        chars_cut=len(cut_text),
        cut_text=cut_text,
        too_wide=block.overflow_x,
    )
