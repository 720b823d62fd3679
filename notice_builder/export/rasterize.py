"""SVG to PNG and PDF through cairosvg, safely.

cairosvg only ever sees SVG this project generated, and always through a `url_fetcher` that
refuses everything but `data:` URIs: nothing in a picture can make the process read a local
file or open a connection. Output size is always given explicitly; `unsafe` is never set.
"""

from __future__ import annotations

import io

import cairocffi
from cairosvg.parser import Tree
from cairosvg.surface import PDFSurface, PNGSurface
from cairosvg.url import fetch
from PIL import Image


class BlockedResource(ValueError):
    """A picture referred to something outside itself."""


def deny_external(url: str, resource_type: str | None = None) -> bytes:
    """cairosvg's url_fetcher: `data:` URIs only; files and network addresses are refused."""
    if url.startswith("data:"):
        return fetch(url, resource_type)
    raise BlockedResource(f"external resource refused: {url[:80]}")


def svg_to_png(
    svg: str, *, width: int, height: int | None = None, background: str | None = None
) -> bytes:
    """Rasterise `svg` to PNG bytes `width` px wide (height follows the aspect ratio if None)."""
    return PNGSurface.convert(
        bytestring=svg.encode("utf-8"),
        url_fetcher=deny_external,
        output_width=width,
        output_height=height,
        background_color=background,
        unsafe=False,
    )


def svg_to_image(svg: str, *, width: int, transparent: bool = False) -> Image.Image:
    """Rasterise `svg` `width` px wide straight into a Pillow image (RGBA, or RGB when opaque),
    without encoding a PNG in between: exporters encode once, with their own options."""
    tree = Tree(bytestring=svg.encode("utf-8"), url_fetcher=deny_external, unsafe=False)
    surface = PNGSurface(tree, io.BytesIO(), 96, output_width=width)
    image = surface.cairo
    image.flush()
    size = (image.get_width(), image.get_height())
    # cairo stores premultiplied BGRA words; Pillow's "BGRa" raw mode undoes both.
    raster = Image.frombuffer(
        "RGBA", size, bytes(image.get_data()), "raw", "BGRa", image.get_stride(), 1
    )
    return raster if transparent else raster.convert("RGB")


class _DatedPDFSurface(PDFSurface):
    """cairo stamps each PDF with the clock; a fixed date keeps exports byte-identical."""

    def _create_surface(self, width, height):
        surface, width, height = super()._create_surface(width, height)
        surface.set_metadata(cairocffi.PDF_METADATA_CREATE_DATE, "1980-01-01T00:00:00Z")
        return surface, width, height


def svg_to_pdf(svg: str, *, width: float, height: float) -> bytes:
    """Convert `svg` to a one-page vector PDF of `width` x `height` points."""
    # cairosvg sizes PDF output in CSS px and writes 0.75 pt per px.
    return _DatedPDFSurface.convert(
        bytestring=svg.encode("utf-8"),
        url_fetcher=deny_external,
        output_width=width * 96 / 72,
        output_height=height * 96 / 72,
        unsafe=False,
    )
