"""Themes as data: built-ins meet their contrast rules, brand colours are corrected or refused,
and the registry names what it knows."""

from __future__ import annotations

import itertools
import re

import pytest
from coloraide import Color
from pydantic import ValidationError

from notice_builder.render import theme as theme_module
from notice_builder.render.contrast import (
    NEAR_BLACK,
    WHITE,
    chroma,
    contrast_ratio,
    ensure_contrast,
    format_ratio,
    lightness,
)
from notice_builder.render.theme import (
    BrandResult,
    Palette,
    Theme,
    apply_brand,
    get_theme,
    load_theme,
    loads_theme,
    register_theme,
    theme_names,
)
from notice_builder.resources import resource_root
from notice_builder.text import FontStack

BUILT_INS = ["dark", "high-contrast", "light", "print"]
SURFACES = ("background", "surface", "surface_alt")


@pytest.fixture
def registry():
    """Restore the registry after a test that registers themes."""
    theme_names()  # load the built-ins first
    saved = dict(theme_module._REGISTRY)
    yield
    theme_module._REGISTRY.clear()
    theme_module._REGISTRY.update(saved)


def _data(name: str = "light") -> dict:
    return get_theme(name).model_dump()


def _hue(colour: str) -> float:
    return Color(colour).convert("oklch")["hue"]


# --- contrast primitives --------------------------------------------------------------------


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#fff", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#0f5e7a", "#ffffff") == contrast_ratio("#ffffff", "#0f5e7a")


def test_format_ratio_never_rounds_a_failure_up_to_the_threshold() -> None:
    assert format_ratio(4.4999) == "4.4:1"
    assert format_ratio(4.5) == "4.5:1"
    assert format_ratio(3.0) == "3:1"
    assert format_ratio(21.0) == "21:1"


@pytest.mark.parametrize(
    ("fg", "bg", "minimum"),
    [
        ("#ffcc00", "#ffffff", 4.5),
        ("#56b4e9", "#ffffff", 3.0),
        ("#003f7d", "#0e1726", 3.0),
        ("#e0457b", "#ffffff", 7.0),
        ("#ff0000", "#000000", 7.0),
    ],
)
def test_ensure_contrast_moves_lightness_only_as_far_as_needed(fg, bg, minimum) -> None:
    fixed = ensure_contrast(fg, bg, minimum)
    assert re.fullmatch(r"#[0-9a-f]{6}", fixed)
    assert contrast_ratio(fixed, bg) >= minimum
    assert contrast_ratio(fixed, bg) < minimum + 0.25, "moved further than needed"
    assert abs(_hue(fixed) - _hue(fg)) < 6, "hue not kept"


def test_ensure_contrast_keeps_a_passing_colour() -> None:
    assert ensure_contrast("#0F5E7A", "#ffffff", 4.5) == "#0f5e7a"


def test_ensure_contrast_falls_back_to_black_or_white_when_no_lightness_reaches() -> None:
    assert ensure_contrast("#777777", "#808080", 7.0) in ("#000000", "#ffffff")


# --- the built-in themes --------------------------------------------------------------------


def test_built_in_themes_are_registered_from_the_themes_folder() -> None:
    folder = resource_root("themes")
    assert sorted(p.stem for p in folder.glob("*.yaml")) == BUILT_INS
    assert set(BUILT_INS) <= set(theme_names())
    for name in BUILT_INS:
        assert load_theme(folder / f"{name}.yaml") == get_theme(name)


@pytest.mark.parametrize("name", BUILT_INS)
def test_built_in_theme_meets_every_contrast_rule(name: str) -> None:
    theme = get_theme(name)
    p = theme.palette
    text_min = 7.0 if name == "high-contrast" else 4.5
    assert theme.wcag_level == ("AAA" if name == "high-contrast" else "AA")
    for fg in ("text", "text_muted"):
        for bg in SURFACES:
            ratio = contrast_ratio(getattr(p, fg), getattr(p, bg))
            assert ratio >= text_min, f"{name}: {fg} on {bg} is {ratio:.2f}:1"
    assert contrast_ratio(p.on_primary, p.primary) >= text_min
    assert contrast_ratio(p.on_accent, p.accent) >= text_min
    graphics = [p.primary, p.accent, p.positive, p.negative, p.caution, *p.categorical]
    for colour in graphics:
        for bg in SURFACES:
            ratio = contrast_ratio(colour, getattr(p, bg))
            assert ratio >= 3.0, f"{name}: {colour} on {bg} is {ratio:.2f}:1"
    checks = theme.contrast_checks()
    assert len(checks) == 2 * 3 + 2 + (5 + len(p.categorical)) * 3
    assert all(c.passed for c in checks)


def test_key_ratios_of_the_built_in_themes() -> None:
    """The design's headline numbers; a palette change that lowers them shows up here."""
    expected = {  # (text on background, text_muted on surface_alt, on_primary, on_accent)
        "light": (15.4, 6.4, 7.2, 5.2),
        "dark": (15.9, 6.6, 8.7, 8.7),
        "high-contrast": (20.9, 11.7, 12.0, 8.6),
        "print": (20.9, 7.5, 17.4, 7.0),
    }
    for name, (text, muted, on_primary, on_accent) in expected.items():
        p = get_theme(name).palette
        assert contrast_ratio(p.text, p.background) >= text, name
        assert contrast_ratio(p.text_muted, p.surface_alt) >= muted, name
        assert contrast_ratio(p.on_primary, p.primary) >= on_primary, name
        assert contrast_ratio(p.on_accent, p.accent) >= on_accent, name


@pytest.mark.parametrize("name", BUILT_INS)
def test_built_in_signal_colours_are_good_for_text_too(name: str) -> None:
    """Built-ins go beyond the 3:1 graphics rule: their brand and status colours reach 4.5:1
    (AAA: 7:1) on every surface, so a label in primary or a 'never sold' in positive reads."""
    theme = get_theme(name)
    p = theme.palette
    needed = 7.0 if theme.wcag_level == "AAA" else 4.5
    for colour in [p.primary, p.accent, p.positive, p.negative, p.caution]:
        assert min(contrast_ratio(colour, getattr(p, bg)) for bg in SURFACES) >= needed


def test_high_contrast_series_colours_go_beyond_the_minimum() -> None:
    p = get_theme("high-contrast").palette
    for colour in p.categorical:
        assert min(contrast_ratio(colour, getattr(p, bg)) for bg in SURFACES) >= 4.5


def test_print_theme_is_greyscale() -> None:
    theme = get_theme("print")
    assert theme.greyscale_safe
    for role, colour in theme.palette.colours().items():
        assert chroma(colour) < 1e-3, f"{role} {colour} has a hue"
    # Series greys are spread in lightness: first two far apart, all distinct.
    levels = [lightness(c) for c in theme.palette.categorical]
    assert len({round(v, 2) for v in levels}) == len(levels)
    assert abs(levels[0] - levels[1]) > 0.3


def test_light_and_dark_look_like_their_brief() -> None:
    light, dark = get_theme("light").palette, get_theme("dark").palette
    assert lightness(light.background) > 0.97 and light.surface == "#ffffff"
    assert 180 < _hue(light.primary) < 260 and lightness(light.primary) < 0.5  # deep blue/teal
    assert 20 < _hue(light.accent) < 80  # warm
    assert 0.15 < lightness(dark.background) < 0.3 and 230 < _hue(dark.background) < 280  # navy


def _cvd_min_distance(colours: list[str]) -> float:
    distances = []
    for kind in (None, "protan", "deutan", "tritan"):
        seen = [
            Color(c) if kind is None else Color(c).filter(kind).convert("srgb").fit()
            for c in colours
        ]
        distances += [a.delta_e(b, method="ok") for a, b in itertools.combinations(seen, 2)]
    return min(distances)


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_categorical_colours_stay_apart_under_colour_vision_deficiencies(name: str) -> None:
    colours = get_theme(name).palette.categorical
    assert len(colours) == 8 and len(set(colours)) == 8
    # Simulated protanopia, deuteranopia and tritanopia (Machado/Brettel in coloraide):
    # every pair keeps a visible OKLab distance (0.05 is clearly distinct side by side).
    assert _cvd_min_distance(colours) >= 0.05


def test_font_stack_and_typography() -> None:
    theme = get_theme("light")
    stack = theme.font_stack()
    assert isinstance(stack, FontStack)
    assert stack.families == (
        "Noto Sans",
        "Noto Sans Arabic",
        "Noto Sans Math",
        "Noto Sans Symbols 2",
    )
    t = theme.typography
    assert (t.title, t.heading, t.subheading, t.body, t.small, t.caption, t.big_number) == (
        40, 24, 18, 16, 14, 12, 44,
    )  # fmt: skip
    assert theme.spacing == 8 and theme.radius == 12 and theme.icon_stroke == 2
    assert theme.icon_stroke_width(48) == 4 and theme.icon_stroke_width(12) == 1


def test_every_field_is_described() -> None:
    for model in (Theme, Palette, theme_module.Typography):
        for name, field in model.model_fields.items():
            assert field.description, f"{model.__name__}.{name} has no description"
    schema = Theme.model_json_schema()
    assert schema["$defs"]["Palette"]["properties"]["primary"]["pattern"]


def test_themes_are_frozen() -> None:
    theme = get_theme("light")
    with pytest.raises(ValidationError):
        theme.palette.primary = "#000000"  # type: ignore[misc]


# --- validation -----------------------------------------------------------------------------


def test_colours_are_normalised() -> None:
    data = _data()
    data["palette"]["border"] = " #ABC "
    data["palette"]["surface"] = "#FFF"
    theme = Theme.model_validate(data)
    assert theme.palette.border == "#aabbcc" and theme.palette.surface == "#ffffff"


@pytest.mark.parametrize("bad", ["red", "#12345", "#gggggg", "rgb(0,0,0)", 12])
def test_bad_colours_are_refused_with_a_hint(bad) -> None:
    data = _data()
    data["palette"]["border"] = bad
    with pytest.raises(ValidationError, match="colour"):
        Theme.model_validate(data)


def test_low_contrast_text_is_refused_naming_the_pair_and_ratio() -> None:
    data = _data()
    data["palette"]["text_muted"] = "#9aa5b1"
    with pytest.raises(ValidationError) as info:
        Theme.model_validate(data)
    message = str(info.value)
    assert "text_muted #9aa5b1 on background #f6f8fb: 2.3:1, needs 4.5:1" in message
    assert "on surface_alt" in message


def test_low_contrast_graphics_are_refused() -> None:
    data = _data()
    data["palette"]["categorical"][2] = "#f0e442"
    with pytest.raises(
        ValidationError, match=r"categorical\[2\] #f0e442 on surface #ffffff: 1.3:1, needs 3:1"
    ):
        Theme.model_validate(data)


def test_border_is_decorative_and_unchecked() -> None:
    data = _data()
    data["palette"]["border"] = "#f6f8fb"
    Theme.model_validate(data)


def test_aaa_themes_need_seven_to_one() -> None:
    data = _data()
    data["wcag_level"] = "AAA"
    with pytest.raises(
        ValidationError, match=r"on_accent #ffffff on accent #b1501a: 5.2:1, needs 7:1"
    ):
        Theme.model_validate(data)


def test_greyscale_safe_theme_must_be_grey() -> None:
    data = _data("print")
    data["palette"]["accent"] = "#0f5e7a"
    with pytest.raises(ValidationError, match="accent #0f5e7a is not a grey"):
        Theme.model_validate(data)


def test_unknown_fields_and_fonts_are_refused() -> None:
    data = _data()
    data["palette"]["brand"] = "#000000"
    with pytest.raises(ValidationError, match="brand"):
        Theme.model_validate(data)
    data = _data()
    data["typography"]["families"] = ["Comic Sans MS"]
    with pytest.raises(ValidationError, match="Noto Sans"):
        Theme.model_validate(data)
    data = _data()
    data["typography"]["heading"] = 50
    with pytest.raises(ValidationError, match="type scale"):
        Theme.model_validate(data)


def test_theme_yaml_is_parsed_safely() -> None:
    text = "id: x\nid: y\n"
    with pytest.raises(ValueError, match="(?i)duplicate"):
        loads_theme(text, source="x.yaml")
    with pytest.raises(ValueError, match="x.yaml"):
        loads_theme("id: x\nlabel: X\ndescription: d\n", source="x.yaml")


# --- registry -------------------------------------------------------------------------------


def test_unknown_theme_lists_the_known_ones() -> None:
    with pytest.raises(KeyError) as info:
        get_theme("sepia")
    message = str(info.value)
    assert "sepia" in message
    for name in BUILT_INS:
        assert name in message


def test_register_get_and_names(registry) -> None:
    data = _data()
    data["id"] = "acme"
    data["label"] = "Acme"
    acme = register_theme(Theme.model_validate(data))
    assert get_theme("acme") is acme
    assert "acme" in theme_names()
    other = Theme.model_validate({**data, "label": "Acme 2"})
    with pytest.raises(ValueError, match="already registered"):
        register_theme(other)
    register_theme(other, replace=True)
    assert get_theme("acme").label == "Acme 2"
    with pytest.raises(TypeError):
        register_theme(data)  # type: ignore[arg-type]


# --- brand colours --------------------------------------------------------------------------


def test_failing_brand_colour_is_darkened_keeping_its_hue() -> None:
    result = apply_brand(get_theme("light"), primary="#FFCC00")
    assert isinstance(result, BrandResult)
    p = result.theme.palette
    assert p.primary != "#ffcc00"
    assert abs(_hue(p.primary) - _hue("#ffcc00")) < 3
    for bg in SURFACES:
        assert contrast_ratio(p.primary, getattr(p, bg)) >= 3.0
    assert contrast_ratio(p.primary, p.surface_alt) < 3.2  # the nearest passing lightness
    assert p.on_primary == NEAR_BLACK and contrast_ratio(p.on_primary, p.primary) >= 4.5
    assert result.notes[0] == (
        f"primary #ffcc00 has 1.3:1 on #edf2f7 (surface_alt); darkened to {p.primary} (3:1)"
    )
    assert any(n.startswith(f"on_primary set to {NEAR_BLACK}") for n in result.notes)
    assert result.theme.id == "light" and result.theme.palette.accent == "#b1501a"


def test_failing_brand_colour_on_dark_is_lightened() -> None:
    result = apply_brand(get_theme("dark"), accent="#0000ff")
    p = result.theme.palette
    assert lightness(p.accent) > lightness("#0000ff")
    assert "accent #0000ff has 1.6:1 on #1e2d45 (surface_alt); lightened to" in result.notes[0]
    assert p.on_accent == WHITE and contrast_ratio(p.on_accent, p.accent) >= 4.5


def test_mid_tone_brand_colour_is_moved_until_text_on_it_reads() -> None:
    # Neither white nor near-black reaches 7:1 on this pink: the AAA theme darkens it.
    result = apply_brand(get_theme("high-contrast"), primary="#e0457b")
    p = result.theme.palette
    assert contrast_ratio(p.on_primary, p.primary) >= 7.0
    assert "text on it" in result.notes[0] and "darkened" in result.notes[0]


def test_passing_brand_colour_is_kept() -> None:
    result = apply_brand(get_theme("light"), primary="#123456", accent="#9d3c00")
    assert result.theme.palette.primary == "#123456"
    assert result.theme.palette.accent == "#9d3c00"
    assert result.notes == []


def test_strict_mode_refuses_naming_colour_pair_and_ratios() -> None:
    with pytest.raises(ValueError) as info:
        apply_brand(get_theme("light"), primary="#ffcc00", strict=True)
    message = str(info.value)
    assert message.startswith("primary #ffcc00 has 1.3:1 on #edf2f7 (surface_alt)")
    assert "needs at least 3:1" in message
    with pytest.raises(
        ValueError, match=r"accent #e0457b has 4.7:1 with #111111 text on it; needs at least 7:1"
    ):
        apply_brand(get_theme("high-contrast"), accent="#e0457b", strict=True)


def test_brand_on_a_greyscale_theme_becomes_grey() -> None:
    result = apply_brand(get_theme("print"), primary="#0000ff")
    assert chroma(result.theme.palette.primary) < 1e-3
    assert "turned to grey" in result.notes[0]
    with pytest.raises(ValueError, match="greyscale-safe"):
        apply_brand(get_theme("print"), primary="#0000ff", strict=True)


def test_bad_brand_colour_is_refused() -> None:
    with pytest.raises(ValueError, match="primary: 'blue' is not a colour"):
        apply_brand(get_theme("light"), primary="blue")
