"""Logos are untrusted bytes: only PNG/JPEG, pixel-capped before decoding, upright, re-encoded
without metadata (bad inputs 17-22)."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from notice_builder.render.logo import LogoError, prepare_logo


def _png(width=120, height=60, mode="RGB", color="#7a2e8e", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), color).save(out, "PNG", **save)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_png_is_reencoded_as_png():
    logo = prepare_logo(_png())
    assert logo.png.startswith(b"\x89PNG") and (logo.width, logo.height) == (120, 60)
    assert logo.data_uri.startswith("data:image/png;base64,")


def test_decompression_bomb_refused_from_the_header_alone():
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", 50_000, 50_000, 8, 2, 0, 0, 0))
    bomb = b"\x89PNG\r\n\x1a\n" + header + _chunk(b"IEND", b"")
    with pytest.raises(LogoError, match="pixels; the limit is 25 megapixels"):
        prepare_logo(bomb)


@pytest.mark.parametrize(
    "data",
    [
        b"<html><body>hi</body></html>",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    ],
    ids=["html", "pdf", "gif"],
)
def test_other_formats_refused_by_content(data):
    with pytest.raises(LogoError, match="unsupported file type: use a PNG, JPEG or SVG logo"):
        prepare_logo(data)


def test_empty_and_truncated_files_refused():
    with pytest.raises(LogoError, match="empty"):
        prepare_logo(b"")
    with pytest.raises(LogoError, match="damaged or truncated"):
        prepare_logo(_png(400, 400)[:200])


def test_size_limits():
    with pytest.raises(LogoError, match="the limit is 5 MB"):
        prepare_logo(b"\x89PNG" + b"\0" * (5 * 1024 * 1024 + 1))
    with pytest.raises(LogoError, match="at least 16 on each side"):
        prepare_logo(_png(8, 8))
    with pytest.raises(LogoError, match="at most 8 times wider than tall"):
        prepare_logo(_png(2000, 20))
    assert max(prepare_logo(_png(3000, 1500)).width, 0) == 1024


def test_exif_rotation_applied_and_metadata_dropped():
    image = Image.new("RGB", (200, 100), "#123456")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to display
    exif[0x8825] = {1: "N"}  # a GPS block
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    logo = prepare_logo(out.getvalue())
    assert (logo.width, logo.height) == (100, 200)
    cleaned = Image.open(io.BytesIO(logo.png))
    assert not cleaned.getexif() and "exif" not in cleaned.info


def test_cmyk_and_sixteen_bit_and_palette_normalised():
    out = io.BytesIO()
    Image.new("CMYK", (64, 64), (0, 255, 255, 0)).save(out, "JPEG")
    assert Image.open(io.BytesIO(prepare_logo(out.getvalue()).png)).mode == "RGBA"
    assert Image.open(io.BytesIO(prepare_logo(_png(mode="I;16", color=300)).png)).mode == "RGBA"
    palette = Image.new("P", (64, 64), 3)
    palette.info["transparency"] = 3
    out = io.BytesIO()
    palette.save(out, "PNG")
    assert Image.open(io.BytesIO(prepare_logo(out.getvalue()).png)).mode == "RGBA"
