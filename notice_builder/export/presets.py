"""Export presets: where a picture is going (an email, a social post, a printed page) decides its
size, background and format. One registry, like layouts and themes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# PDF points per CSS pixel (72 pt and 96 px to the inch).
PT_PER_PX = 72 / 96
A4_PT = (595.28, 841.89)
LETTER_PT = (612.0, 792.0)


@dataclass(frozen=True)
class Preset:
    """How to export for one destination."""

    name: str
    description: str
    format: Literal["png", "pdf", "svg"]
    # Canvas in CSS px: a picture is fitted into it. No width: the layout's own; no height: as
    # tall as the picture.
    width: float | None = None
    height: float | None = None
    # Pixels per CSS px in a PNG (2 = "@2x" for sharp text on high-density screens).
    scale: float = 1.0
    palette: bool = False
    transparent: bool = False
    # Fitting a wider or taller picture may shrink it, but never below this (text stays legible).
    min_fit: float = 0.6
    # Tallest picture the preset accepts, in CSS px, so a long notice is refused, not a 20,000 px image.
    max_height: float = 4000
    # Printed pages: page size and margin in points; tall pictures flow onto more pages.
    page: tuple[float, float] | None = None
    margin_pt: float = 36.0
    max_pages: int = 20
    layout: str | None = None  # the layout that suits the preset when none is asked for


PRESETS: dict[str, Preset] = {}


def register_preset(preset: Preset) -> Preset:
    PRESETS[preset.name] = preset
    return preset


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise KeyError(f"unknown preset '{name}' (known: {', '.join(PRESETS)})") from None


def preset_names() -> list[str]:
    return list(PRESETS)


for _preset in (
    Preset("original", "the layout at its own size; PNG at 2x for sharp screens", "png", scale=2),
    Preset(
        "email",
        "600 px wide in the email, 1200 px PNG (2x), solid background, 256-colour palette",
        "png",
        width=600,
        scale=2,
        palette=True,
        min_fit=0.6,
        max_height=2400,
        layout="email-banner",
    ),
    Preset(
        "social",
        "1200 x 630 PNG for link previews and social posts",
        "png",
        width=1200,
        height=630,
        min_fit=0.5,
        layout="email-banner",
    ),
    Preset(
        "square", "1080 x 1080 PNG for social feeds", "png", width=1080, height=1080, min_fit=0.5
    ),
    Preset(
        "slide", "1920 x 1080 PNG for presentations", "png", width=1920, height=1080, min_fit=0.5
    ),
    Preset(
        "print-a4",
        "A4 PDF with 12.7 mm margins, vector, pages as needed",
        "pdf",
        width=A4_PT[0] / PT_PER_PX,
        page=A4_PT,
    ),
    Preset(
        "print-letter",
        "US Letter PDF with 0.5 in margins, vector, pages as needed",
        "pdf",
        width=LETTER_PT[0] / PT_PER_PX,
        page=LETTER_PT,
    ),
):
    register_preset(_preset)
