"""Bidi levels, reordering and visual order of mixed Arabic/Latin/number lines."""

from __future__ import annotations

import pytest
from bidi import get_display

from notice_builder.text.bidi import (
    _levels_python,
    level_runs,
    paragraph_levels,
    visual_order,
)
from notice_builder.text.wrap import wrap_text

MIXED = "اطلب بياناتك خلال 30 يوما عبر privacy@brew.example"


def test_levels_of_mixed_line() -> None:
    p = paragraph_levels(MIXED)
    assert p.base_level == 1 and p.rtl
    num = MIXED.index("30")
    mail = MIXED.index("privacy")
    assert p.levels[num] == p.levels[num + 1] == 2
    assert set(p.levels[mail:]) == {2}
    assert p.levels[0] == 1


def test_forced_and_auto_direction() -> None:
    assert paragraph_levels("Hello", "auto").base_level == 0
    assert paragraph_levels("Hello", "rtl").base_level == 1
    assert paragraph_levels("Hello", "rtl").levels == (2,) * 5
    assert paragraph_levels("مرحبا world", "ltr").levels[0] == 1
    assert paragraph_levels("", "rtl").base_level == 1
    with pytest.raises(ValueError):
        paragraph_levels("x", "up")  # type: ignore[arg-type]


def test_visual_order_rule_l2() -> None:
    # levels of runs: LTR text, RTL text containing a number (level 2), LTR text
    assert visual_order([0, 1, 2, 1, 0]) == [0, 3, 2, 1, 4]
    assert visual_order([1, 2, 1]) == [2, 1, 0]
    assert visual_order([]) == []
    runs = level_runs([1, 1, 2, 2, 1])
    assert [(r.start, r.end, r.level) for r in runs] == [(0, 2, 1), (2, 4, 2), (4, 5, 1)]


def test_mixed_line_visual_order_matches_reference() -> None:
    block = wrap_text(MIXED, None, size=16, language="ar")
    (line,) = block.lines
    runs = line.runs
    visual = "".join(r.visual_text for r in runs)
    assert visual == get_display(MIXED)
    # The e-mail is drawn left-most, intact and LTR; "30" sits between the Arabic phrases.
    texts = [r.text for r in runs]
    assert texts[0] == "privacy@brew.example" and runs[0].direction == "ltr"
    thirty = texts.index("30")
    assert runs[thirty].direction == "ltr"
    assert runs[thirty - 1].text.strip() == "يوما عبر"
    assert runs[thirty + 1].text.strip() == "اطلب بياناتك خلال"
    xs = [r.x for r in runs]
    assert xs == sorted(xs)
    # Digits are in logical (left-to-right) order inside the RTL line.
    gl = runs[thirty]
    assert gl.clusters == tuple(sorted(gl.clusters))


def test_python_fallback_agrees_on_simple_text() -> None:
    for text in (MIXED, "abc שלום 30 def", "مرحبا 123 world!"):
        assert _levels_python(text, None).levels == paragraph_levels(text).levels


def test_falls_back_to_python_algorithm(monkeypatch: pytest.MonkeyPatch) -> None:
    import notice_builder.text.bidi as bidi_mod

    monkeypatch.setattr(bidi_mod, "_levels_rust", lambda text, base: None)
    text = "fallback مرحبا 42 ok"
    bidi_mod.paragraph_levels.cache_clear()
    try:
        p = bidi_mod.paragraph_levels(text)
    finally:
        bidi_mod.paragraph_levels.cache_clear()
    assert p.base_level == 0
    assert p.levels[text.index("م")] == 1
