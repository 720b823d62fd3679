"""Bundled fonts: resolution, caching, metrics, licence files."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_builder.text import fonts
from notice_builder.text.fonts import DEFAULT_STACK, FontStack, font_dir, get_face

FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    "NotoSansMath-Regular.ttf",
    "NotoSansSymbols2-Regular.ttf",
)


def test_font_dir_has_fonts_licence_and_readme() -> None:
    d = font_dir()
    for name in (*FILES, "OFL.txt", "README.md"):
        assert (d / name).is_file(), name
    assert "SIL OPEN FONT LICENSE" in (d / "OFL.txt").read_text()
    total = sum((d / f).stat().st_size for f in FILES)
    assert total < 1_500_000


def test_font_dir_prefers_installed_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "_bundled" / "assets" / "fonts"
    bundled.mkdir(parents=True)
    (bundled / "NotoSans-Regular.ttf").write_bytes(b"")
    monkeypatch.setattr(fonts, "_PACKAGE_DIR", tmp_path)
    assert font_dir() == bundled


def test_get_face_is_cached() -> None:
    assert get_face("Noto Sans", False) is get_face("Noto Sans", False)
    assert get_face("Noto Sans Arabic", True) is get_face("Noto Sans Arabic", bold=True)
    assert get_face("Noto Sans", True) is not get_face("Noto Sans", False)


def test_face_metrics_and_coverage() -> None:
    latin = get_face("Noto Sans")
    arabic = get_face("Noto Sans Arabic", bold=True)
    assert latin.upem == 1000
    assert latin.ascender > 0 > latin.descender
    assert latin.weight == 400 and arabic.weight == 700
    assert latin.has_char(ord("A")) and latin.has_char(ord("€")) and latin.has_char(ord("Ж"))
    assert not latin.has_char(ord("ب"))
    assert arabic.has_char(ord("ب")) and arabic.has_char(0xFEF5)  # presentation form
    assert latin.replacement_gid != 0  # U+FFFD is drawn for uncovered characters
    assert latin.key == "Noto Sans:400"
    assert latin.glyph_set is latin.glyph_set


def test_unknown_family_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown font family"):
        get_face("Comic Sans")
    with pytest.raises(ValueError):
        FontStack(("Noto Sans", "Nope"))


def test_stack_faces() -> None:
    faces = DEFAULT_STACK.faces(bold=True)
    assert [f.family for f in faces] == [
        "Noto Sans",
        "Noto Sans Arabic",
        "Noto Sans Math",
        "Noto Sans Symbols 2",
    ]
    assert [f.weight for f in faces] == [700, 700, 400, 400]
    # Single-weight symbol fonts: a bold request returns the one regular face.
    assert get_face("Noto Sans Math", bold=True) is get_face("Noto Sans Math")


def test_symbols_are_covered_by_fallback_fonts() -> None:
    from notice_builder.text.wrap import wrap_text

    block = wrap_text("a → b ≤ 5 − 2 ✓ ● ★", None, size=12)
    assert block.missing == ()
    families = {r.family for r in block.lines[0].runs}
    assert {"Noto Sans", "Noto Sans Math", "Noto Sans Symbols 2"} <= families
