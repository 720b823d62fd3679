"""Editable-SVG support: run descriptions and embeddable font subsets."""

from __future__ import annotations

import base64
import io
import re

import pytest
from fontTools.ttLib import TTFont

from notice_builder.text.embed import (
    best_flavor,
    editable_runs,
    font_face_css,
    font_face_css_for_block,
    subset_font,
    used_characters,
)
from notice_builder.text.fonts import get_face
from notice_builder.text.wrap import wrap_text

MIXED = "اطلب بياناتك خلال 30 يوما عبر privacy@brew.example"


def test_editable_runs_match_layout() -> None:
    block = wrap_text(MIXED, None, size=16, language="ar")
    specs = editable_runs(block, 10, 20)
    assert specs
    line = block.lines[0]
    assert {s.y for s in specs} == {20 + line.baseline}
    mail = next(s for s in specs if "privacy" in s.text)
    assert mail.direction == "ltr" and mail.family == "Noto Sans" and mail.anchor_x == mail.x
    first = next(s for s in specs if s.text.startswith("اطلب"))
    assert first.direction == "rtl" and first.family == "Noto Sans Arabic"
    assert first.anchor_x == pytest.approx(first.x + first.width)
    assert first.anchor_x == pytest.approx(10 + line.x + line.width)  # rightmost run
    assert first.visual_text.strip() == first.text.strip()[::-1]
    xs = [s.x for s in specs]
    assert xs == sorted(xs)


def test_subset_font_keeps_characters_and_is_deterministic() -> None:
    face = get_face("Noto Sans Arabic")
    data = subset_font(face, "سلام", "ttf")
    assert data == subset_font(face, "سلام", "ttf")
    font = TTFont(io.BytesIO(data))
    cmap = font.getBestCmap()
    assert all(ord(c) in cmap for c in "سلام ")
    assert "GSUB" in font  # joining forms stay reachable for the viewer's shaper
    assert len(data) < 20_000


def test_woff2_or_woff_flavor() -> None:
    face = get_face("Noto Sans")
    data = subset_font(face, "Hello")
    assert data[:4] == (b"wOF2" if best_flavor() == "woff2" else b"wOFF")
    assert subset_font(face, "Hello", "woff")[:4] == b"wOFF"


def test_font_face_css() -> None:
    block = wrap_text(MIXED, None, size=16)
    used = used_characters(block)
    assert set(used) == {get_face("Noto Sans"), get_face("Noto Sans Arabic")}
    css = font_face_css_for_block(block)
    assert css.count("@font-face") == 2
    m = re.search(r"base64,([A-Za-z0-9+/=]+)\)", css)
    assert m and base64.b64decode(m.group(1))
    one = font_face_css(get_face("Noto Sans", True), "Hi", css_family="nb-sans", flavor="ttf")
    assert "font-family:'nb-sans'" in one and "font-weight:700" in one
    assert "format('truetype')" in one


def test_run_boxes_exclude_outer_spaces() -> None:
    block = wrap_text(MIXED, None, size=16, language="ar")
    line = block.lines[0]
    specs = editable_runs(block)
    for spec in specs:
        assert spec.text == spec.text.strip()
    # Boxes do not overlap and stay inside the line.
    for a, b in zip(specs, specs[1:], strict=False):
        assert a.x + a.width <= b.x + 1e-6
    assert specs[0].x >= line.x - 1e-6
    assert specs[-1].x + specs[-1].width <= line.x + line.width + 1e-6
    # The rightmost run, "اطلب بياناتك خلال ", loses its trailing space on the left side.
    run = line.runs[-1]
    assert run.text.endswith(" ")
    spec = specs[-1]
    assert spec.anchor_x == pytest.approx(run.x + run.width + line.x)
    assert spec.x > line.x + run.x
