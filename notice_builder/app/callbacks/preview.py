"""The preview and export logic as plain functions.

The picture is shown as an image from a data URI, never inserted as HTML: a browser runs no
script and loads nothing from an SVG or PNG used as an <img>, so markup typed into a notice
can't run. What the picture says is also given as text (its long description), for screen
readers and for anyone who cannot see it.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ...export import ExportError, alt_text, export, long_description
from ...export.pngenc import encode_png
from ...i18n import is_rtl
from ...io import NoticeError, loads_notice
from ...layout import Rendered, RenderError, render
from ...render.raster import scene_to_image
from ..language import tr
from . import brand as brand_kit
from .downloads import Download, downloaded, said

DEFAULT_LAYOUT = "at-a-glance"
DEFAULT_THEME = "light"

# How the live preview reaches the page: "svg" (the outlined SVG the exports make) or "png"
# (drawn with cairo at the size the page shows it). benchmarks/bench_app.py measures both from a
# keystroke to the decoded picture in Chromium: about the same at 1x (medians 175-180 ms), the PNG
# 20 ms slower at 2x; the PNG is kept because it is exactly the export's pixels at the size shown,
# and the browser's own SVG drawing of thousands of glyph paths is slower on a large notice.
PREVIEW_FORMATS = ("svg", "png")
PREVIEW_FORMAT = "png"
# A PNG preview is never wider than this many times the picture's own width: 2x is sharp on
# every common screen, and more would only cost time.
MAX_PREVIEW_SCALE = 2.0


@dataclass
class Preview:
    """What the preview area shows: an image (or why there is none) and its direction."""

    src: str | None
    alt: str = ""
    direction: str = "ltr"
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    width: int | None = None  # the picture's width in CSS px (as the SVG says)
    description: str = ""  # everything the picture says, in reading order
    locales: list[str] = field(default_factory=list)  # the notice's, for the language picker
    locale: str | None = None  # the one drawn (the notice's default for an unknown one)


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def png_data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def preview_pixels(picture_width: float, view: Mapping[str, Any] | None) -> int:
    """How many pixels wide a PNG preview must be to be sharp where the page shows it.

    `view` is what the browser reported: {"width": the preview box in CSS px, "dpr":
    devicePixelRatio}. The picture is shown at its own width or the box's, whichever is less,
    so that many CSS px times the ratio are needed; anything missing or odd means 1x."""
    width, ratio = picture_width, 1.0
    if isinstance(view, Mapping):
        box, dpr = view.get("width"), view.get("dpr")
        if isinstance(box, int | float) and not isinstance(box, bool) and box >= 16:
            width = min(width, float(box))
        if isinstance(dpr, int | float) and not isinstance(dpr, bool) and 0.5 <= dpr <= 4:
            ratio = float(dpr)
    pixels = min(width * ratio, picture_width * MAX_PREVIEW_SCALE)
    return max(16, round(pixels))


def picture_src(
    rendered: Rendered, view: Mapping[str, Any] | None = None, fmt: str | None = None
) -> str:
    """The rendered picture as a data URI in `fmt` (default PREVIEW_FORMAT)."""
    fmt = fmt or PREVIEW_FORMAT
    if fmt == "png":
        pixels = preview_pixels(rendered.scene.width, view)
        # Level 1: the PNG only crosses to the browser; a smaller file is not worth the time.
        return png_data_uri(encode_png(scene_to_image(rendered.scene, width=pixels), level=1))
    if fmt == "svg":
        # Outlined: exactly what the exports draw, with no font to subset on each keystroke.
        return svg_data_uri(rendered.svg(outlined=True))
    raise ValueError(f"unknown preview format {fmt!r} (known: {', '.join(PREVIEW_FORMATS)})")


def direction_of(locale: str | None) -> str:
    return "rtl" if locale and is_rtl(locale) else "ltr"


def preview(
    text: str | None,
    layout: str | None,
    theme: str | None,
    locale: str | None,
    brand: Mapping[str, Any] | None = None,
    view: Mapping[str, Any] | None = None,
) -> Preview:
    """Render the editor's text; an invalid text gives no image and a short reason.

    `brand` is the brand kit's store ({"primary", "accent", "logo": PNG base64}), if any;
    `view` the preview box's size as the browser reported it (see `preview_pixels`)."""
    direction = direction_of(locale)
    try:
        notice = loads_notice(text or "", source="editor")
    except NoticeError as exc:
        count = len(exc.problems)
        return Preview(
            None,
            direction=direction,
            message=tr("preview.problems", count),
        )
    if locale not in notice.all_locales:
        locale = notice.default_locale
        direction = direction_of(locale)
    layout = layout or DEFAULT_LAYOUT
    try:
        drawn_theme, logo = brand_kit.branded(theme or DEFAULT_THEME, brand)
        rendered = render(notice, layout, drawn_theme, locale, logo=logo)
    except (RenderError, KeyError, ValueError) as exc:
        return Preview(None, direction=direction, message=tr("preview.failed", error=said(exc)))
    warnings = [said(w) for w in rendered.overflow]
    if rendered.missing_characters:
        shown = " ".join(f"U+{ord(c):04X}" for c in rendered.missing_characters)
        warnings.append(tr("preview.missing_characters", characters=shown))
    return Preview(
        picture_src(rendered, view),
        alt=alt_text(notice, layout, locale),
        direction=direction,
        warnings=warnings,
        width=round(rendered.scene.width),
        description=long_description(rendered),
        locales=list(notice.all_locales),
        locale=locale,
    )


def download(
    text: str | None,
    layout: str | None,
    theme: str | None,
    locale: str | None,
    preset: str | None,
    fmt: str | None,
    brand: Mapping[str, Any] | None = None,
) -> Download:
    """Export the editor's text as `fmt` (svg, png, pdf) for `preset`, with the `brand` kit."""
    try:
        notice = loads_notice(text or "", source="editor")
    except NoticeError:
        return Download(None, tr("export.fix_first"))
    if locale not in notice.all_locales:
        locale = notice.default_locale
    layout = layout or DEFAULT_LAYOUT
    try:
        drawn_theme, logo = brand_kit.branded(theme or DEFAULT_THEME, brand)
        exported = export(
            notice,
            layout=layout,
            theme=drawn_theme,
            logo=logo,
            locale=locale,
            preset=preset or "original",
            format=fmt or "png",
        )
    except (ExportError, RenderError, KeyError, ValueError) as exc:
        return Download(None, tr("export.failed", error=said(exc)))
    filename = f"{notice.id}-{layout}-{locale}{exported.suffix}"
    return downloaded(exported.data, filename, exported.media_type, exported.warnings)
