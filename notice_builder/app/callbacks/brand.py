"""The brand kit as plain functions (no Dash): colour checks, logo uploads, the branded theme.

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

from ...render.contrast import AA_GRAPHICS, contrast_ratio, format_ratio, normalise_hex
from ...render.logo import MAX_BYTES, Logo, LogoError, prepare_logo
from ...render.theme import Theme, apply_brand, get_theme
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


def brand_check(primary: Any, accent: Any, theme: str | None) -> BrandCheck:
    """Each brand colour's contrast on the theme's surfaces, whether it passes, and when
    `apply_brand` has to move it, its note and the corrected colour as a suggestion."""
    base = _theme(theme)
    check = BrandCheck()
    for role, value in zip(ROLES, (primary, accent), strict=True):
        text = _given(value)
        if text is None:
            continue
        label = role.capitalize()
        try:
            colour = normalise_hex(text)
        except ValueError:
            check.ok = False
            check.messages.append(
                f"{label}: {text[:20]!r} is not a colour; write it as #rrggbb or #rgb "
                "(e.g. #0f5e7a). The theme's own colour is used meanwhile."
            )
            continue
        ratios = ", ".join(
            f"{format_ratio(contrast_ratio(colour, getattr(base.palette, s)))} on {s}"
            for s in SURFACES
        )
        result = apply_brand(base, **{role: colour})
        fixed = getattr(result.theme.palette, role)
        if fixed == colour:
            check.messages.append(
                f"{label} {colour}: {ratios}; passes (needs {format_ratio(AA_GRAPHICS)})."
            )
            continue
        check.ok = False
        check.messages.append(f"{label} {colour}: {ratios}; does not pass.")
        check.messages += [n for n in result.notes if n.startswith(f"{role} ")]
        check.suggestions[role] = fixed
    return check


def accept_logo(contents: Any, filename: Any) -> tuple[str | None, str]:
    """dcc.Upload's `contents` as a cleaned logo: (its PNG as base64, message) or (None, why).

    The size is checked on the base64 text before anything is decoded; the bytes are opened as
    PNG, JPEG or SVG by content (never by file name), cleaned and re-encoded by `prepare_logo`."""
    name = flows.clean_filename(filename)
    refused = f"Logo {name} not used: "
    if not isinstance(contents, str) or "," not in contents:
        return None, refused + "the upload was empty or not a file."
    head, _, encoded = contents.partition(",")
    if not head.startswith("data:") or not head.endswith(";base64"):
        return None, refused + "the upload was not sent as a file."
    size = flows.decoded_size(encoded)
    if size > MAX_BYTES:
        return None, refused + (
            f"the file is {size / (1024 * 1024):.1f} MB; the limit is {LOGO_LIMIT_TEXT}."
        )
    try:
        data = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return None, refused + "the upload was damaged on the way (bad base64). Try again."
    try:
        logo = prepare_logo(data)
    except LogoError as exc:
        return None, refused + f"{exc}."
    return (
        base64.b64encode(logo.png).decode("ascii"),
        f"Logo {name} added ({logo.width}×{logo.height} px, re-saved as PNG without metadata).",
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
