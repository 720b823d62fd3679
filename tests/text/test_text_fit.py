"""Fitting text into boxes: shrink first, then report overflow."""

from __future__ import annotations

import pytest

from notice_builder.text.fit import fit_text

TEXT = "We keep order data for 24 months, then delete it. You can ask us for a copy at any time."


def test_fits_at_requested_size() -> None:
    r = fit_text(TEXT, 400, 200, size=14, min_size=8)
    assert not r.overflow and not r.shrunk and r.size == 14
    assert r.block is r.full_block
    assert "fits at 14px" in r.describe()


def test_shrinks_until_it_fits() -> None:
    r = fit_text(TEXT, 200, 60, size=20, min_size=8, step=1)
    assert not r.overflow
    assert r.shrunk and 8 <= r.size < 20
    assert r.block.height <= 60
    assert all(line.width <= 200 for line in r.block.lines)
    # The next size up does not fit (first fitting size going down is chosen).
    bigger = fit_text(TEXT, 200, 60, size=r.size + 1)
    assert bigger.overflow


def test_reports_overflow_at_minimum_size() -> None:
    r = fit_text(TEXT * 5, 150, 40, size=16, min_size=10)
    assert r.overflow and r.size == 10
    assert r.lines_cut > 0 and r.chars_cut > 0
    assert len(r.block.lines) + r.lines_cut == len(r.full_block.lines)
    assert r.block.height <= 40
    assert r.cut_text and (TEXT * 5).endswith(r.cut_text.rstrip())
    assert "overflows" in r.describe() and "cut" in r.describe()


def test_max_lines() -> None:
    r = fit_text(TEXT, 200, 1000, size=14, min_size=14, max_lines=2)
    assert r.overflow and len(r.block.lines) == 2
    ok = fit_text(TEXT, 200, 1000, size=14, min_size=6, max_lines=2)
    assert not ok.overflow and len(ok.block.lines) <= 2


def test_too_wide_glyph_is_reported() -> None:
    r = fit_text("W", 2, 100, size=40, min_size=30)
    assert r.overflow and r.too_wide and r.lines_cut == 0


def test_arabic_fit() -> None:
    r = fit_text("نحتفظ ببيانات الطلبات لمدة 24 شهرًا ثم نحذفها.", 120, 50, size=24, min_size=8)
    assert not r.overflow and r.shrunk
    assert all(line.rtl for line in r.block.lines)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        fit_text("x", 10, 10, size=10, min_size=12)
    with pytest.raises(ValueError):
        fit_text("x", 10, 10, size=10, step=0)
