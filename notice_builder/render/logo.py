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

from ..i18n.errors import SaidError
from .logo_svg import SvgLogoError, looks_like_svg, svg_logo_png

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 25_000_000
MAX_SIDE = 1024
MIN_SIDE = 16
MAX_ASPECT = 8.0


class LogoError(SaidError):
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
        raise LogoError.said(
            "logo.too_big", size=f"{len(data) / 1e6:.1f}", limit=f"{MAX_BYTES / 1e6:.0f}"
        )
    if not data:
        raise LogoError.said("logo.empty")
    if looks_like_svg(data):
        try:
            data = svg_logo_png(data)
        except SvgLogoError as exc:
            raise LogoError(str(exc), key=exc.key, params=exc.params) from None
    try:
        with Image.open(io.BytesIO(data), formats=["PNG", "JPEG"]) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise LogoError.said(
                    "logo.too_many_pixels",
                    width=width,
                    height=height,
                    limit=MAX_PIXELS // 1_000_000,
                )
            image.seek(0)
            upright = ImageOps.exif_transpose(image)
            rgba = upright.convert("RGBA")
    except LogoError:
        raise
    except Image.DecompressionBombError:
        raise LogoError.said("logo.bomb", limit=MAX_PIXELS // 1_000_000) from None
    except UnidentifiedImageError:
        raise LogoError.said("logo.unsupported") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise LogoError.said("logo.damaged", error=str(exc)) from None
    width, height = rgba.size
    if min(width, height) < MIN_SIDE:
        raise LogoError.said("logo.too_small", width=width, height=height, least=MIN_SIDE)
    if max(width, height) / min(width, height) > MAX_ASPECT:
        raise LogoError.said("logo.too_narrow", width=width, height=height, most=f"{MAX_ASPECT:g}")
    if max(width, height) > MAX_SIDE:
        rgba.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    rgba.save(out, "PNG", optimize=True)
    return Logo(out.getvalue(), *rgba.size)
