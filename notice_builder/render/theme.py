"""Themes as data: colours, type sizes and spacing, checked for contrast when they are built.

A theme is a YAML file validated by :class:`Theme`. The built-in ones live in the top-level
``themes/`` folder and are registered the same way as any extension, through one registry
(:func:`register_theme`, :func:`get_theme`, :func:`theme_names`). Layouts take every colour
and font from a theme.

Contrast contract (WCAG 2.2), enforced on every theme:

- ``text`` and ``text_muted`` on ``background``, ``surface`` and ``surface_alt``, and
  ``on_primary`` on ``primary``, ``on_accent`` on ``accent``: at least 4.5:1 (AA), or 7:1 when
  ``wcag_level`` is AAA (the high-contrast theme);
- ``primary``, ``accent``, ``positive``, ``negative``, ``caution`` and every ``categorical``
  colour on ``background``, ``surface`` and ``surface_alt``: at least 3:1 (1.4.11, graphics;
  also enough for large text, 24 px or 18.67 px bold). ``border`` is decorative and unchecked.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from ..model.base import Model
from ..resources import resource_root
from ..text import FontStack, available_families
from .contrast import (
    AA_GRAPHICS,
    AA_TEXT,
    AAA_TEXT,
    best_on,
    chroma,
    closest_passing,
    contrast_ratio,
    format_ratio,
    greyscale,
    lightness,
    normalise_hex,
)

__all__ = [
    "BrandResult",
    "Color",
    "ContrastCheck",
    "Palette",
    "Theme",
    "Typography",
    "apply_brand",
    "contrast_checks",
    "get_theme",
    "load_theme",
    "loads_theme",
    "register_theme",
    "theme_names",
]

HEX_PATTERN = r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"
GREY_CHROMA = 0.005  # OKLCh chroma below which a colour counts as grey (8-bit greys give 0)


def _colour(value: Any) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("colour", "a colour must be a string such as '#0f5e7a'")
    try:
        return normalise_hex(value)
    except ValueError:
        raise PydanticCustomError(
            "colour",
            "{value!r} is not a colour; write it as #rrggbb or #rgb (e.g. #0f5e7a)",
            {"value": value[:20]},
        ) from None


Color = Annotated[
    str,
    Field(
        pattern=HEX_PATTERN,
        description="An sRGB colour as #rrggbb (stored lower-case) or #rgb.",
    ),
    BeforeValidator(_colour),
]

_FROZEN = ConfigDict(frozen=True)


class Palette(Model):
    """Every colour a layout may use, by role (never by hue)."""

    model_config = _FROZEN

    background: Color = Field(description="Page background behind everything.")
    surface: Color = Field(description="Cards and panels placed on the background.")
    surface_alt: Color = Field(
        description="Alternate surface: table stripes, highlighted cards, chips."
    )
    text: Color = Field(description="Body text and headings on any of the three surfaces.")
    text_muted: Color = Field(
        description="Secondary text (captions, footnotes); still readable on every surface."
    )
    primary: Color = Field(
        description="Brand colour: section bars, icons, key shapes and large headings."
    )
    on_primary: Color = Field(description="Text and icons drawn on a primary-coloured shape.")
    accent: Color = Field(description="Warm highlight: call-outs, the one number that matters.")
    on_accent: Color = Field(description="Text and icons drawn on an accent-coloured shape.")
    border: Color = Field(description="Hairlines and card outlines; decorative only.")
    positive: Color = Field(description="Good news marks (a check, 'never sold').")
    negative: Color = Field(description="Bad news marks (a cross, 'sold').")
    caution: Color = Field(description="Warnings and things to watch.")
    categorical: list[Color] = Field(
        min_length=8,
        max_length=12,
        description=(
            "Colours for series and groups, in order of use, chosen to stay apart under "
            "colour-vision deficiencies; each one at least 3:1 against every surface."
        ),
    )

    def colours(self) -> dict[str, str]:
        """Every colour by role name; categorical ones as 'categorical[0]'…"""
        roles = {
            name: getattr(self, name) for name in type(self).model_fields if name != "categorical"
        }
        roles.update({f"categorical[{i}]": c for i, c in enumerate(self.categorical)})
        return roles


Size = Annotated[float, Field(ge=8, le=400)]


class Typography(Model):
    """Font families and the type scale, in px."""

    model_config = _FROZEN

    families: list[str] = Field(
        default_factory=lambda: [
            "Noto Sans",
            "Noto Sans Arabic",
            "Noto Sans Math",
            "Noto Sans Symbols 2",
        ],
        min_length=1,
        max_length=8,
        description="Bundled font families in fallback order (see notice_builder.text).",
    )
    title: Size = Field(40, description="Title of the infographic, px.")
    heading: Size = Field(24, description="Section headings, px.")
    subheading: Size = Field(18, description="Card titles and sub-headings, px.")
    body: Size = Field(16, description="Body text, px.")
    small: Size = Field(14, description="Secondary text, px.")
    caption: Size = Field(12, description="Captions, footnotes and chart labels, px.")
    big_number: Size = Field(44, description="A figure shown large ('30 days'), px.")
    line_height: float = Field(
        1.4, ge=1.0, le=3.0, description="Line height as a multiple of the font size."
    )

    @model_validator(mode="after")
    def _check(self) -> Typography:
        known = available_families()
        unknown = [f for f in self.families if f not in known]
        if unknown:
            raise ValueError(
                f"font families {unknown} are not bundled; choose from: {', '.join(known)}"
            )
        scale = ["title", "heading", "subheading", "body", "small", "caption"]
        for bigger, smaller in zip(scale, scale[1:], strict=False):
            if getattr(self, bigger) < getattr(self, smaller):
                raise ValueError(
                    f"the type scale must not grow downwards: {bigger} "
                    f"({getattr(self, bigger):g} px) is smaller than {smaller} "
                    f"({getattr(self, smaller):g} px)"
                )
        return self


@dataclass(frozen=True)
class ContrastCheck:
    """One contrast rule applied to one pair of palette colours."""

    foreground_role: str
    foreground: str
    background_role: str
    background: str
    ratio: float
    minimum: float

    @property
    def passed(self) -> bool:
        return self.ratio >= self.minimum

    def describe(self) -> str:
        return (
            f"{self.foreground_role} {self.foreground} on {self.background_role} "
            f"{self.background}: {format_ratio(self.ratio)}, needs {format_ratio(self.minimum)}"
        )


_SURFACES = ("background", "surface", "surface_alt")
_TEXT_ROLES = ("text", "text_muted")
_GRAPHIC_ROLES = ("primary", "accent", "positive", "negative", "caution")


def text_minimum(level: str) -> float:
    return AAA_TEXT if level == "AAA" else AA_TEXT


def contrast_checks(palette: Palette, level: Literal["AA", "AAA"] = "AA") -> list[ContrastCheck]:
    """Every contrast rule a theme's palette must meet, with the measured ratios."""
    colours = palette.colours()
    text_min = text_minimum(level)
    pairs: list[tuple[str, str, float]] = []
    for fg in _TEXT_ROLES:
        pairs += [(fg, bg, text_min) for bg in _SURFACES]
    pairs += [("on_primary", "primary", text_min), ("on_accent", "accent", text_min)]
    graphics = list(_GRAPHIC_ROLES) + [f"categorical[{i}]" for i in range(len(palette.categorical))]
    for fg in graphics:
        pairs += [(fg, bg, AA_GRAPHICS) for bg in _SURFACES]
    return [
        ContrastCheck(fg, colours[fg], bg, colours[bg], contrast_ratio(colours[fg], colours[bg]), m)
        for fg, bg, m in pairs
    ]


class Theme(Model):
    """A look for every layout: palette, type, spacing. Checked for contrast when built."""

    model_config = _FROZEN

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]{0,39}$",
        description="Short name used on the command line and in menus (e.g. 'light').",
    )
    label: str = Field(min_length=1, max_length=60, description="Name shown to people.")
    description: str = Field(max_length=300, description="One sentence on when to use the theme.")
    palette: Palette = Field(description="Colours by role.")
    typography: Typography = Field(
        default_factory=Typography, description="Font families and type scale."
    )
    spacing: float = Field(
        8, gt=0, le=64, description="Base spacing unit in px; layouts use multiples of it."
    )
    radius: float = Field(12, ge=0, le=64, description="Corner radius of cards, px.")
    icon_stroke: float = Field(
        2, gt=0, le=4, description="Icon stroke width in px for an icon drawn 24 px wide."
    )
    greyscale_safe: bool = Field(
        False,
        description=(
            "Every colour is a grey, so nothing depends on hue (for print and photocopies); "
            "layouts must then tell series apart by labels, position or pattern."
        ),
    )
    wcag_level: Literal["AA", "AAA"] = Field(
        "AA", description="Text contrast level the theme guarantees: AA 4.5:1, AAA 7:1."
    )

    @model_validator(mode="after")
    def _check_contrast(self) -> Theme:
        failures = [
            c.describe() for c in contrast_checks(self.palette, self.wcag_level) if not c.passed
        ]
        if self.greyscale_safe:
            failures += [
                f"{role} {colour} is not a grey (chroma {chroma(colour):.3f}); a greyscale-safe "
                "theme uses greys only"
                for role, colour in self.palette.colours().items()
                if chroma(colour) > GREY_CHROMA
            ]
        if failures:
            rules = f"WCAG {self.wcag_level} contrast" + (
                ", greys only" if self.greyscale_safe else ""
            )
            raise ValueError(
                f"theme '{self.id}' breaks its rules ({rules}):\n- " + "\n- ".join(failures)
            )
        return self

    def font_stack(self) -> FontStack:
        """The theme's families as a stack for the text engine."""
        return FontStack(tuple(self.typography.families))

    def icon_stroke_width(self, size: float) -> float:
        """Stroke width in px for an icon drawn `size` px wide (icon_stroke is given at 24 px)."""
        return self.icon_stroke * size / 24

    def contrast_checks(self) -> list[ContrastCheck]:
        """Every contrast rule with its measured ratio (all passed, or the theme would not exist)."""
        return contrast_checks(self.palette, self.wcag_level)


# --- loading ---------------------------------------------------------------------------------


def loads_theme(content: str | bytes, *, source: str = "<theme>") -> Theme:
    """A theme from YAML or JSON text, parsed safely (no tags, aliases or duplicate keys)."""
    from ..io.parse import parse_document

    document = parse_document(content, source=source)
    try:
        return Theme.model_validate(document.data)
    except ValueError as exc:
        raise ValueError(f"{source}: not a valid theme\n{exc}") from None


def load_theme(path: str | Path) -> Theme:
    """A theme from a .yaml or .json file."""
    path = Path(path)
    return loads_theme(path.read_bytes(), source=str(path))


# --- registry --------------------------------------------------------------------------------

_REGISTRY: dict[str, Theme] = {}
_LOCK = threading.RLock()
_builtins_loaded = False


def _load_builtins() -> None:
    global _builtins_loaded
    with _LOCK:
        if _builtins_loaded:
            return
        for path in sorted(resource_root("themes").glob("*.yaml")):
            theme = load_theme(path)
            if theme.id != path.stem:
                raise ValueError(f"{path}: theme id '{theme.id}' must match the file name")
            _REGISTRY[theme.id] = theme
        _builtins_loaded = True


def register_theme(theme: Theme, *, replace: bool = False) -> Theme:
    """Make `theme` available by its id. Re-using an id is an error unless `replace`."""
    if not isinstance(theme, Theme):
        raise TypeError(f"register_theme takes a Theme, not {type(theme).__name__}")
    _load_builtins()
    with _LOCK:
        if theme.id in _REGISTRY and not replace and _REGISTRY[theme.id] != theme:
            raise ValueError(
                f"a theme called '{theme.id}' is already registered; pass replace=True to "
                "replace it"
            )
        _REGISTRY[theme.id] = theme
    return theme


def get_theme(name: str) -> Theme:
    """The theme registered as `name`; an unknown name lists the known ones."""
    _load_builtins()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown theme '{name}' (known: {', '.join(theme_names())})") from None


def theme_names() -> list[str]:
    """Ids of every registered theme, sorted."""
    _load_builtins()
    return sorted(_REGISTRY)


# --- brand colours ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BrandResult:
    """A theme with brand colours applied, and what had to change to keep it readable."""

    theme: Theme
    notes: list[str]


@dataclass(frozen=True)
class _Shortfall:
    ratio: float
    needed: float
    against: str | None  # the surface colour, or None for the text drawn on the brand colour
    pair: str  # "on #ffffff (background)" or "with #ffffff text on it"

    def ratio_for(self, colour: str) -> float:
        other = self.against or best_on(colour)
        return contrast_ratio(colour, other)


def _shortfalls(theme: Theme, colour: str) -> list[_Shortfall]:
    """Every rule a brand colour would break, the worst (furthest below its minimum) first."""
    palette = theme.palette
    found = []
    for role in _SURFACES:
        bg = getattr(palette, role)
        ratio = contrast_ratio(colour, bg)
        if ratio < AA_GRAPHICS:
            found.append(_Shortfall(ratio, AA_GRAPHICS, bg, f"on {bg} ({role})"))
    needed = text_minimum(theme.wcag_level)
    on = best_on(colour)
    ratio = contrast_ratio(on, colour)
    if ratio < needed:
        found.append(_Shortfall(ratio, needed, None, f"with {on} text on it"))
    return sorted(found, key=lambda f: f.ratio / f.needed)


def _brand_colour(theme: Theme, role: str, value: str, strict: bool) -> tuple[str, list[str]]:
    try:
        colour = normalise_hex(value)
    except ValueError as exc:
        raise ValueError(f"{role}: {exc}") from None
    notes: list[str] = []
    if theme.greyscale_safe and chroma(colour) > GREY_CHROMA:
        grey = greyscale(colour)
        if strict:
            raise ValueError(
                f"{role} {colour} is not a grey, and the '{theme.id}' theme is greyscale-safe "
                f"(the grey of the same lightness is {grey})"
            )
        notes.append(
            f"{role} {colour} turned to grey {grey}: the '{theme.id}' theme uses greys only"
        )
        colour = grey
    shortfalls = _shortfalls(theme, colour)
    if not shortfalls:
        return colour, notes
    worst = shortfalls[0]
    problem = f"{role} {colour} has {format_ratio(worst.ratio)} {worst.pair}"
    if strict:
        rule = "1.4.11 non-text contrast" if worst.against else "text contrast"
        raise ValueError(
            f"{problem}; needs at least {format_ratio(worst.needed)} (WCAG 2.2 {rule})"
        )
    fixed = closest_passing(colour, lambda c: not _shortfalls(theme, c))
    if fixed is None:  # pragma: no cover - black or white passes on any valid theme
        raise ValueError(f"{problem}; no lightness of its hue passes")
    direction = "darkened" if lightness(fixed) < lightness(colour) else "lightened"
    notes.append(f"{problem}; {direction} to {fixed} ({format_ratio(worst.ratio_for(fixed))})")
    return fixed, notes


def apply_brand(
    theme: Theme, *, primary: str | None = None, accent: str | None = None, strict: bool = False
) -> BrandResult:
    """`theme` with brand colours for primary and/or accent.

    A colour that breaks a contrast rule is moved to the nearest lightness of its hue that
    passes (with a note saying so), or refused with a ValueError when `strict`. on_primary
    and on_accent become white or near-black, whichever contrasts more.
    """
    palette = theme.palette.model_dump()
    notes: list[str] = []
    for role, value in (("primary", primary), ("accent", accent)):
        if value is None:
            continue
        colour, role_notes = _brand_colour(theme, role, value, strict)
        notes += role_notes
        on = best_on(colour)
        if on != palette[f"on_{role}"]:
            notes.append(
                f"on_{role} set to {on} ({format_ratio(contrast_ratio(on, colour))} on {colour})"
            )
        palette[role] = colour
        palette[f"on_{role}"] = on
    data = theme.model_dump()
    data["palette"] = palette
    return BrandResult(theme=Theme.model_validate(data), notes=notes)
