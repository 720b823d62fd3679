"""Glyph outlines as SVG path data, with one fixed number format for byte-stable output."""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

from fontTools.pens.basePen import BasePen

from .fonts import FontFace
from .wrap import GlyphRun, Line, TextBlock

# One outline command: ("M"|"L", x, y) | ("Q", x1, y1, x, y) | ("C", x1, y1, x2, y2, x, y)
# | ("Z",), coordinates in font units, y-up.
Command = tuple


def fmt(x: float) -> str:
    """Format a coordinate: at most 2 decimals, no trailing zeros, never ``-0``.

    The SVG writer uses this too, so all numbers in an output file look alike and are
    identical from run to run.
    """
    if not math.isfinite(x):
        raise ValueError(f"cannot format non-finite number {x!r}")
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


class _CommandPen(BasePen):
    """Collects absolute M/L/Q/C/Z commands; BasePen splits TrueType implied on-curve
    points into single quadratic segments and decomposes components."""

    def __init__(self, glyph_set: object) -> None:
        super().__init__(glyph_set)
        self.commands: list[Command] = []

    def _moveTo(self, pt: tuple[float, float]) -> None:
        self.commands.append(("M", *pt))

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self.commands.append(("L", *pt))

    def _qCurveToOne(self, pt1: tuple[float, float], pt2: tuple[float, float]) -> None:
        self.commands.append(("Q", *pt1, *pt2))

    def _curveToOne(
        self, pt1: tuple[float, float], pt2: tuple[float, float], pt3: tuple[float, float]
    ) -> None:
        self.commands.append(("C", *pt1, *pt2, *pt3))

    def _closePath(self) -> None:
        self.commands.append(("Z",))

    def _endPath(self) -> None:
        pass  # open contours do not occur in glyf outlines; nothing to close


@lru_cache(maxsize=8192)
def glyph_commands(face: FontFace, gid: int) -> tuple[Command, ...]:
    """Outline of glyph ``gid`` in font units (cached per face and glyph)."""
    pen = _CommandPen(face.glyph_set)
    face.draw_glyph(gid, pen)
    return tuple(pen.commands)


@lru_cache(maxsize=8192)
def glyph_path(face: FontFace, gid: int) -> str:
    """Path data of one glyph in font units, y-up (for ``<symbol>``/``<use>`` reuse with
    ``transform="matrix(s 0 0 -s x y)"``). Empty for blank glyphs such as space."""
    return _path_d(glyph_commands(face, gid), 1.0, 0.0, 0.0, flip=False)


def _path_d(
    commands: Iterable[Command], scale: float, dx: float, dy: float, flip: bool = True
) -> str:
    """Serialize commands mapped by x' = dx + x*scale, y' = dy - y*scale (flip: y-down)."""
    sy = -scale if flip else scale
    parts: list[str] = []
    for cmd in commands:
        op = cmd[0]
        if op == "Z":
            parts.append("Z")
            continue
        coords = cmd[1:]
        nums = []
        for k in range(0, len(coords), 2):
            nums.append(fmt(dx + coords[k] * scale))
            nums.append(fmt(dy + coords[k + 1] * sy))
        parts.append(op + " ".join(nums))
    return "".join(parts)


def _fmt_h(v: int) -> str:
    """:func:`fmt` for a value given in integer hundredths."""
    if v % 100 == 0:
        return str(v // 100)
    return f"{v / 100:.2f}".rstrip("0")


@lru_cache(maxsize=32768)
def _placed_glyph(face: FontFace, gid: int, size: float) -> tuple[int, int, str] | None:
    """Glyph outline at ``size`` as (first x, first y, relative path data after the first
    moveto), coordinates in integer hundredths of a user unit, y-down.

    Points are rounded in the glyph's own frame first and the relative steps taken between
    rounded points, so there is no rounding drift; placing the glyph then costs one
    absolute moveto, however many points it has.
    """
    commands = glyph_commands(face, gid)
    if not commands:
        return None
    scale = size / face.upem * 100
    parts: list[str] = []
    first: tuple[int, int] | None = None
    cx = cy = sx = sy = 0
    for cmd in commands:
        op = cmd[0]
        if op == "Z":
            parts.append("z")
            cx, cy = sx, sy
            continue
        pts = [(round(cmd[k] * scale), round(-cmd[k + 1] * scale)) for k in range(1, len(cmd), 2)]
        if op == "M":
            x, y = pts[0]
            if first is None:
                first = (x, y)
            else:
                parts.append(f"m{_fmt_h(x - cx)} {_fmt_h(y - cy)}")
            cx, cy = sx, sy = x, y
            continue
        nums = " ".join(f"{_fmt_h(x - cx)} {_fmt_h(y - cy)}" for x, y in pts)
        parts.append(op.lower() + nums)
        cx, cy = pts[-1]
    assert first is not None
    return first[0], first[1], "".join(parts)


def run_path(run: GlyphRun, x: float = 0.0, baseline: float = 0.0) -> str:
    """Path data of a glyph run whose line starts at ``x`` with its baseline at ``baseline``
    (absolute user units, y-down). Each glyph starts with an absolute ``M``; the rest of
    its outline uses relative commands."""
    out = []
    for gid, gx, gy in zip(run.glyphs, run.xs, run.ys, strict=True):
        placed = _placed_glyph(run.face, gid, run.size)
        if placed is None:
            continue
        fx, fy, rel = placed
        ox = round((x + gx) * 100) + fx
        oy = round((baseline + gy) * 100) + fy
        out.append(f"M{_fmt_h(ox)} {_fmt_h(oy)}{rel}")
    return "".join(out)


def line_path(line: Line, x: float = 0.0, y: float = 0.0) -> str:
    """Path data of a whole line for a block whose top-left corner is at (``x``, ``y``)."""
    left = x + line.x
    baseline = y + line.baseline
    return "".join(run_path(run, left, baseline) for run in line.runs)


def block_paths(block: TextBlock, x: float = 0.0, y: float = 0.0) -> list[str]:
    """Path data per line of ``block`` placed with its top-left corner at (``x``, ``y``).

    One string per line, in order; blank lines give ``""``.
    """
    return [line_path(line, x, y) for line in block.lines]


def block_svg(
    block: TextBlock, x: float = 0.0, y: float = 0.0, *, fill: str = "#000", attrs: str = ""
) -> str:
    """``<path>`` elements (one per non-blank line) for ``block`` at (``x``, ``y``)."""
    extra = f" {attrs}" if attrs else ""
    return "".join(f'<path d="{d}" fill="{fill}"{extra}/>' for d in block_paths(block, x, y) if d)
