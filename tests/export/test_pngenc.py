"""The parallel PNG encoder is lossless, standard, and records density and colour space."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops, ImageDraw

from notice_builder.export.pngenc import encode_png


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
@pytest.mark.parametrize("size", [(1, 1), (37, 5), (640, 700)])
def test_round_trip_is_lossless(mode, size):
    image = Image.new(mode, size, "#0a7")
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size[0] // 2, size[1] // 2), fill="#fc0")
    draw.line((0, size[1] - 1, size[0] - 1, 0), fill="#123456", width=3)
    data = encode_png(image, dpi=192)
    back = Image.open(io.BytesIO(data))
    back.load()
    assert back.mode == mode and back.size == size
    assert ImageChops.difference(back, image).getbbox() is None
    assert round(back.info["dpi"][0]) == 192
    assert data[12:16] == b"IHDR" and data[37:41] == b"sRGB"


def test_other_modes_refused():
    with pytest.raises(ValueError, match="RGB or RGBA"):
        encode_png(Image.new("P", (4, 4)))
