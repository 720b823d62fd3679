"""Rasterise outline SVG with cairosvg (no network, no system fonts) as a smoke test."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from notice_builder.text.outline import block_svg
from notice_builder.text.wrap import wrap_text


def _no_fetch(url: str, resource_type: str) -> bytes:
    if not url.startswith("data:"):
        raise ValueError(f"refusing to fetch {url}")
    from cairosvg.url import safe_fetch

    return safe_fetch(url, resource_type)


def _render(svg: str, width: int) -> Image.Image:
    from cairosvg.surface import PNGSurface

    png = PNGSurface.convert(bytestring=svg.encode(), url_fetcher=_no_fetch, output_width=width)
    return Image.open(io.BytesIO(png)).convert("L")


@pytest.mark.parametrize(
    ("text", "rtl"),
    [("Privacy first.", False), ("الخصوصية أولاً", True), ("اطلب خلال 30 يومًا: a@b.example", True)],
)
def test_outlines_render_inside_the_box(text: str, rtl: bool) -> None:
    block = wrap_text(text, 300, size=24)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="{block.height}">'
        f'<rect width="100%" height="100%" fill="#fff"/>{block_svg(block)}</svg>'
    )
    img = _render(svg, 300)
    bbox = Image.eval(img, lambda v: 255 - v).getbbox()  # ink bounding box
    assert bbox is not None
    left, _, right, _ = bbox
    line = block.lines[0]
    assert left >= int(line.x) - 1 and right <= line.x + line.width + 2
    if rtl:
        assert right >= 297  # start-aligned RTL text hugs the right edge
    else:
        assert left <= 4
