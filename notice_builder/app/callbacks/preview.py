"""The preview and export logic as plain functions.

The SVG is shown as an image from a data URI, never inserted as HTML: a browser runs no script
and loads nothing from an SVG used as an <img>, so markup typed into a notice can't run.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ...export import ExportError, alt_text, export
from ...i18n import is_rtl
from ...io import NoticeError, loads_notice
from ...layout import RenderError, render
from . import brand as brand_kit

DEFAULT_LAYOUT = "at-a-glance"
DEFAULT_THEME = "light"


@dataclass
class Preview:
    """What the preview area shows: an image (or why there is none) and its direction."""

    src: str | None
    alt: str = ""
    direction: str = "ltr"
    message: str = ""
    warnings: list[str] = field(default_factory=list)


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def direction_of(locale: str | None) -> str:
    return "rtl" if locale and is_rtl(locale) else "ltr"


def preview(
    text: str | None,
    layout: str | None,
    theme: str | None,
    locale: str | None,
    brand: Mapping[str, Any] | None = None,
) -> Preview:
    """Render the editor's text; an invalid text gives no image and a short reason.

    `brand` is the brand kit's store ({"primary", "accent", "logo": PNG base64}), if any."""
    direction = direction_of(locale)
    try:
        notice = loads_notice(text or "", source="editor")
    except NoticeError as exc:
        count = len(exc.problems)
        return Preview(
            None,
            direction=direction,
            message=f"The text has {count} problem{'s' if count != 1 else ''}: "
            "the preview shows the last valid version.",
        )
    if locale not in notice.all_locales:
        locale = notice.default_locale
        direction = direction_of(locale)
    layout = layout or DEFAULT_LAYOUT
    try:
        drawn_theme, logo = brand_kit.branded(theme or DEFAULT_THEME, brand)
        rendered = render(notice, layout, drawn_theme, locale, logo=logo)
    except (RenderError, KeyError, ValueError) as exc:
        return Preview(None, direction=direction, message=f"Cannot draw this preview: {exc}")
    warnings = list(rendered.overflow)
    if rendered.missing_characters:
        shown = " ".join(f"U+{ord(c):04X}" for c in rendered.missing_characters)
        warnings.append(f"No bundled font draws {shown}; drawn as a replacement mark.")
    return Preview(
        # Outlined: exactly what the exports draw, with no font to subset on each keystroke.
        svg_data_uri(rendered.svg(outlined=True)),
        alt=alt_text(notice, layout, locale),
        direction=direction,
        warnings=warnings,
    )


@dataclass
class Download:
    """A file for dcc.Download, or why there is none."""

    file: dict[str, Any] | None
    message: str = ""


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
        return Download(None, "Fix the problems in the text before exporting.")
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
        return Download(None, f"Cannot export: {exc}")
    filename = f"{notice.id}-{layout}-{locale}{exported.suffix}"
    file = {
        "content": base64.b64encode(exported.data).decode("ascii"),
        "filename": filename,
        "base64": True,
        "type": exported.media_type,
    }
    note = "; ".join(exported.warnings)
    return Download(file, f"Exported {filename}." + (f" Warnings: {note}" if note else ""))
