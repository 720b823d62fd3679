"""The brand kit as plain functions (no Dash): colour checks, logo uploads, the branded theme.
Every line they give is in the interface language.

The brand lives in the browser (a session dcc.Store), never in the database, so whatever comes
back from it is untrusted: `branded` re-checks the colours and re-cleans the logo every time.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ...render.contrast import (
    AA_GRAPHICS,
    chroma,
    contrast_ratio,
    format_ratio,
    greyscale,
    lightness,
    normalise_hex,
)
from ...render.logo import MAX_BYTES, Logo, LogoError, prepare_logo
from ...render.theme import GREY_CHROMA, Theme, apply_brand, get_theme
from .. import language
from ..language import tr
from ..names import theme_label
from . import flows  # (module, not names: flows imports preview, which imports this)

ROLES = ("primary", "accent")
SURFACES = ("background", "surface", "surface_alt")
LOGO_LIMIT_TEXT = f"{MAX_BYTES // (1024 * 1024)} MB"
DEFAULT_THEME = "light"


@dataclass
class BrandCheck:
    """What the brand colours give on a theme: one line per fact, the fixes offered, all good?"""

    messages: list[str] = field(default_factory=list)
    suggestions: dict[str, str] = field(default_factory=dict)  # role -> a passing colour
    ok: bool = True


def _theme(name: str | None) -> Theme:
    try:
        return get_theme(name or DEFAULT_THEME)
    except KeyError:
        return get_theme(DEFAULT_THEME)


def _given(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _role(role: str) -> str:
    return tr("brand.primary") if role == "primary" else tr("brand.accent")


def _ratios(colour: str, theme: Theme) -> str:
    """The colour's contrast on each of the theme's surfaces, as a person reads it."""
    palette = theme.palette
    said = {
        "background": tr("brand.on_background", ratio=_ratio(colour, palette.background)),
        "surface": tr("brand.on_surface", ratio=_ratio(colour, palette.surface)),
        "surface_alt": tr("brand.on_surface_alt", ratio=_ratio(colour, palette.surface_alt)),
    }
    return tr("brand.separator").join(said[s] for s in SURFACES)


def _ratio(colour: str, surface: str) -> str:
    return format_ratio(contrast_ratio(colour, surface))


def brand_check(primary: Any, accent: Any, theme: str | None) -> BrandCheck:
    """Each brand colour's contrast on the theme's surfaces, whether it passes, and when
    `apply_brand` has to move it, the colour it uses instead, offered as a suggestion."""
    base = _theme(theme)
    check = BrandCheck()
    for role, value in zip(ROLES, (primary, accent), strict=True):
        text = _given(value)
        if text is None:
            continue
        label = _role(role)
        try:
            colour = normalise_hex(text)
        except ValueError:
            check.ok = False
            check.messages.append(tr("brand.not_colour", role=label, text=repr(text[:20])))
            continue
        ratios = _ratios(colour, base)
        result = apply_brand(base, **{role: colour})
        fixed = getattr(result.theme.palette, role)
        if fixed == colour:
            needed = format_ratio(AA_GRAPHICS)
            check.messages.append(
                tr("brand.passes", role=label, colour=colour, ratios=ratios, needed=needed)
            )
            continue
        check.ok = False
        check.messages.append(tr("brand.fails", role=label, colour=colour, ratios=ratios))
        if base.greyscale_safe and chroma(colour) > GREY_CHROMA:
            grey = greyscale(colour)
            check.messages.append(
                tr("brand.grey", role=label, colour=colour, grey=grey, theme=theme_label(base.id))
            )
            colour = grey
        said = {"role": label, "colour": fixed, "ratios": _ratios(fixed, base)}
        if fixed == colour:  # the grey itself passes
            check.messages.append(tr("brand.used", **said))
        elif lightness(fixed) < lightness(colour):
            check.messages.append(tr("brand.darkened", **said))
        else:
            check.messages.append(tr("brand.lightened", **said))
        check.suggestions[role] = fixed
    return check


def accept_logo(contents: Any, filename: Any) -> tuple[str | None, str]:
    """dcc.Upload's `contents` as a cleaned logo: (its PNG as base64, message) or (None, why).

    The size is checked on the base64 text before anything is decoded; the bytes are opened as
    PNG, JPEG or SVG by content (never by file name), cleaned and re-encoded by `prepare_logo`."""
    name = flows.clean_filename(filename)

    def refused(why: str) -> tuple[None, str]:
        return None, tr("brand.logo_refused", name=name, reason=why)

    if not isinstance(contents, str) or "," not in contents:
        return refused(tr("brand.logo_empty"))
    head, _, encoded = contents.partition(",")
    if not head.startswith("data:") or not head.endswith(";base64"):
        return refused(tr("brand.logo_not_file"))
    size = flows.decoded_size(encoded)
    if size > MAX_BYTES:
        megabytes = f"{size / (1024 * 1024):.1f}"
        return refused(tr("brand.logo_too_big", size=megabytes, limit=LOGO_LIMIT_TEXT))
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return refused(tr("brand.logo_damaged"))
    try:
        logo = prepare_logo(data)
    except LogoError as exc:
        return refused(exc.text(language.current()) + ".")
    return (
        base64.b64encode(logo.png).decode("ascii"),
        tr("brand.logo_added", name=name, width=logo.width, height=logo.height),
    )


@lru_cache(maxsize=4)
def _logo_from(encoded: str) -> Logo:
    if flows.decoded_size(encoded) > MAX_BYTES:
        raise LogoError(f"the logo is over {LOGO_LIMIT_TEXT}")
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise LogoError("the stored logo is damaged") from None
    return prepare_logo(data)


def branded(theme: str | None, brand: Mapping[str, Any] | None) -> tuple[Theme | str, Logo | None]:
    """The theme (its name when there is no brand) and logo to draw with.

    Invalid colours are left out (the check panel says why); a failing one is corrected as
    `apply_brand` does; a logo that no longer cleans is dropped."""
    name = theme or DEFAULT_THEME
    if not isinstance(brand, Mapping) or not brand:
        return name, None
    colours = {}
    for role in ROLES:
        text = _given(brand.get(role))
        if text is None:
            continue
        try:
            colours[role] = normalise_hex(text)
        except ValueError:
            continue
    logo = None
    encoded = brand.get("logo")
    if isinstance(encoded, str) and encoded:
        try:
            logo = _logo_from(encoded)
        except LogoError:
            logo = None
    if not colours:
        return name, logo
    return apply_brand(get_theme(name), **colours).theme, logo
