"""The parallel PNG encoder is lossless, standard, and records density and colour space."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image, ImageChops, ImageDraw

from notice_builder.export import pngenc
from notice_builder.export.pngenc import encode_png


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
@pytest.mark.parametrize("size", [(1, 1), (37, 5), (640, 700)])
@pytest.mark.parametrize("library", ["default", "stdlib zlib"])
def test_round_trip_is_lossless(mode, size, library, monkeypatch):
    if library == "stdlib zlib":  # what is used where zlib-ng is not installed
        monkeypatch.setattr(pngenc, "deflate", zlib)
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


def test_same_bytes_whatever_the_number_of_threads(monkeypatch):
    # Bundles record each file's SHA-256: a 2-core and an 8-core machine must agree.
    image = Image.new("RGB", (300, 1000), "#fff")
    ImageDraw.Draw(image).text((10, 10), "strips " * 40, fill="#222")
    ImageDraw.Draw(image).rectangle((20, 500, 280, 900), fill="#36c")
    many = encode_png(image)
    monkeypatch.setattr(pngenc, "_THREADS", 1)
    assert encode_png(image) == many


def test_rows_cross_strip_boundaries_intact():
    # Every row differs from the next, so a row shifted by a byte at a strip edge would show.
    width, height = 7, 3 * 256 + 5
    image = Image.new("RGB", (width, height))
    image.putdata(
        [
            ((x * 31 + y) % 256, (y * 7) % 256, (x + y * 3) % 256)
            for y in range(height)
            for x in range(width)
        ]
    )
    back = Image.open(io.BytesIO(encode_png(image)))
    assert ImageChops.difference(back.convert("RGB"), image).getbbox() is None


def _idat(png: bytes) -> bytes:
    out, at = b"", 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        if png[at + 4 : at + 8] == b"IDAT":
            out += png[at + 8 : at + 8 + length]
        at += 12 + length
    return out


def test_one_zlib_stream_with_the_whole_images_checksum():
    # A strict inflater checks the Adler-32 the strips' checksums were combined into.
    image = Image.new("RGB", (50, 600), "#fff")
    ImageDraw.Draw(image).ellipse((5, 5, 45, 590), fill="#c33")
    raw = zlib.decompress(_idat(encode_png(image)))
    rows = [raw[y * 151 : (y + 1) * 151] for y in range(600)]
    assert len(raw) == 600 * 151 and all(r[0] == 0 for r in rows)
    assert b"".join(r[1:] for r in rows) == image.tobytes()


@pytest.mark.parametrize("sizes", [(0, 5), (1, 70000), (300000, 12), (65521, 65521)])
def test_checksums_combine_as_over_the_joined_bytes(sizes):
    first, second = (bytes((i * 37 + n) % 256 for i in range(n)) for n in sizes)
    combined = pngenc._adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second))
    assert combined == zlib.adler32(first + second)
