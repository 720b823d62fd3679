"""Glyph outlines: SVG path data, number format, determinism."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from notice_builder.text.fonts import get_face
from notice_builder.text.outline import (
    block_paths,
    block_svg,
    fmt,
    glyph_commands,
    glyph_path,
    line_path,
)
from notice_builder.text.wrap import wrap_text

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
SAMPLE = "Privacy 24/7 — اطلب بياناتك خلال 30 يومًا"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (-0.0, "0"),
        (-0.004, "0"),
        (1.5, "1.5"),
        (2.50, "2.5"),
        (10, "10"),
        (123.456, "123.46"),
        (-3.14159, "-3.14"),
        (100.0, "100"),
        (0.1, "0.1"),
    ],
)
def test_fmt(value: float, expected: str) -> None:
    assert fmt(value) == expected


def test_fmt_rejects_non_finite() -> None:
    with pytest.raises(ValueError):
        fmt(float("nan"))


def _gid(family: str, ch: str) -> int:
    face = get_face(family)
    return face.hb_font.get_nominal_glyph(ord(ch))


def test_letter_has_path_space_has_none() -> None:
    face = get_face("Noto Sans")
    assert glyph_path(face, _gid("Noto Sans", "a")).startswith("M")
    assert glyph_path(face, _gid("Noto Sans", " ")) == ""
    assert glyph_commands(face, 5) is glyph_commands(face, 5)  # cached
    arabic = get_face("Noto Sans Arabic")
    assert glyph_path(arabic, _gid("Noto Sans Arabic", "ب"))
    block = wrap_text("   ", None, size=12)
    assert block_paths(block) == [""]
    assert block_svg(block) == ""


def test_path_numbers_use_fmt() -> None:
    block = wrap_text(SAMPLE, 180, size=13.7, language="ar")
    paths = block_paths(block, 10.333, 20.777)
    assert len(paths) == len(block.lines) and all(paths)
    for d in paths:
        assert re.fullmatch(r"(?:M[-0-9. ]+(?:[mlqcz][-0-9. ]*)*)+", d)
        for num in NUMBER.findall(d):
            assert num == fmt(float(num))
            assert num != "-0"
            if "." in num:
                assert len(num.split(".")[1]) <= 2 and not num.endswith("0")


def _absolute_points(d: str) -> list[tuple[float, float]]:
    """End and control points of path data using M, m, l, q, c, z (what we emit)."""
    points: list[tuple[float, float]] = []
    cx = cy = sx = sy = 0.0
    for op, args in re.findall(r"([MmLlQqCcZz])([^MmLlQqCcZz]*)", d):
        nums = [float(v) for v in args.split()]
        if op in "Zz":
            cx, cy = sx, sy
            continue
        pairs = list(zip(nums[0::2], nums[1::2], strict=True))
        base = (0.0, 0.0) if op.isupper() else (cx, cy)
        absolute = [(base[0] + px, base[1] + py) for px, py in pairs]
        points.extend(absolute)
        cx, cy = absolute[-1]
        if op in "Mm":
            sx, sy = cx, cy
    return points


def test_path_is_placed_at_the_line() -> None:
    block = wrap_text("I", None, size=100, align="left")
    line = block.lines[0]
    points = _absolute_points(line_path(line, 50, 0))
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    assert min(xs) >= 50
    assert max(ys) == pytest.approx(line.baseline, abs=0.01)  # "I" sits on the baseline
    assert min(ys) < line.baseline  # and rises above it (y-down)


def test_relative_path_matches_font_outline() -> None:
    face = get_face("Noto Sans")
    gid = _gid("Noto Sans", "g")
    block = wrap_text("g", None, size=1000, align="left")  # 1 px per font unit
    line = block.lines[0]
    placed = _absolute_points(line_path(line, 0, 0))
    expected = [
        (line.runs[0].xs[0] + x, line.baseline - y)
        for cmd in glyph_commands(face, gid)
        for x, y in zip(cmd[1::2], cmd[2::2], strict=True)
    ]
    assert len(placed) == len(expected)
    assert all(
        abs(a[0] - b[0]) < 0.011 and abs(a[1] - b[1]) < 0.011
        for a, b in zip(placed, expected, strict=True)
    )


SCRIPT = f"""
import hashlib
from notice_builder.text.wrap import wrap_text
from notice_builder.text.outline import block_svg
b = wrap_text({SAMPLE!r}, 180, size=13.7, language="ar")
print(hashlib.sha256(block_svg(b, 1.25, 2.5).encode()).hexdigest())
"""


def test_output_is_byte_identical_across_runs() -> None:
    block = wrap_text(SAMPLE, 180, size=13.7, language="ar")
    assert block_svg(block, 1.25, 2.5) == block_svg(block, 1.25, 2.5)
    digests = {
        subprocess.run(
            [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    }
    assert len(digests) == 1
