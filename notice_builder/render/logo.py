"""Brand logos: untrusted image bytes made safe to draw.

PNG and JPEG are opened (by content, never by file name), with a pixel cap checked from the
header before any decoding, so a decompression bomb costs nothing. An SVG is rebuilt from an
allowlist and rasterised once (`logo_svg`), then checked like a PNG. The image is turned upright
(EXIF orientation), converted to sRGB RGBA, scaled down to at most 1024 px, and re-encoded as a
fresh PNG: no metadata (EXIF, GPS, ICC comments) survives. Animated images keep their first frame.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from .logo_svg import SvgLogoError, looks_like_svg, svg_logo_png

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 25_000_000
MAX_SIDE = 1024
MIN_SIDE = 16
MAX_ASPECT = 8.0


class LogoError(ValueError):
    """The file cannot be used as a logo; the message says why and which limit."""


@dataclass(frozen=True)
class Logo:
    """A cleaned logo: PNG bytes and their size in pixels."""

    png: bytes
    width: int
    height: int

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


def prepare_logo(data: bytes) -> Logo:
    """Check and re-encode logo bytes; raises LogoError with a message people can act on."""
    if len(data) > MAX_BYTES:
        raise LogoError(
            f"the logo is {len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB"
        )
    if not data:
        raise LogoError("the logo file is empty")
    if looks_like_svg(data):
        try:
            data = svg_logo_png(data)
        except SvgLogoError as exc:
            raise LogoError(str(exc)) from None
    try:
        with Image.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise LogoError(
                    f"the logo is {width}x{height} pixels; the limit is {MAX_PIXELS // 1_000_000} megapixels"
                )
            image.seek(0)
            upright = ImageOps.exif_transpose(image)
            rgba = upright.convert("RGBA")
    except LogoError:
        raise
    except Image.DecompressionBombError:
        raise LogoError(
            f"the logo has too many pixels; the limit is {MAX_PIXELS // 1_000_000} megapixels"
        ) from None
    except UnidentifiedImageError:
        raise LogoError("unsupported file type: use a PNG, JPEG or SVG logo") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise LogoError(f"the logo file is damaged or truncated ({exc})") from None
    width, height = rgba.size
    if min(width, height) < MIN_SIDE:
        raise LogoError(
            f"the logo is {width}x{height} pixels; it needs at least {MIN_SIDE} on each side"
        )
    if max(width, height) / min(width, height) > MAX_ASPECT:
        raise LogoError(
            f"the logo is {width}x{height} pixels; it may be at most {MAX_ASPECT:g} times wider than tall"
        )
    if max(width, height) > MAX_SIDE:
        rgba.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    rgba.save(out, "PNG", optimize=True)
    return Logo(out.getvalue(), *rgba.size)
