"""Exports by their properties: PNG signature, size, mode, density, colour space and sampled
pixels; PDF page size and pages; SVG forms; presets that fit or refuse."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from notice_builder.export import ExportError, Options, export, get_preset, preset_names
from notice_builder.io import load_notice
from notice_builder.model import PrivacyNotice
from notice_builder.render.theme import get_theme

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def coffee():
    return load_notice(ROOT / "examples" / "coffee-shop.yaml")


def _png(exported) -> Image.Image:
    assert exported.data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(exported.data))


def test_png_at_2x_has_the_right_size_density_and_background(coffee):
    exported = export(coffee, layout="retention", preset="original")
    image = _png(exported)
    assert image.width == 2400 == exported.width and exported.display_width == 1200
    assert image.mode == "RGB"
    assert round(image.info["dpi"][0]) == 192
    assert b"sRGB" in exported.data[:64]
    background = get_theme("light").palette.background
    assert image.getpixel((4, 4)) == tuple(int(background[i : i + 2], 16) for i in (1, 3, 5))


def test_png_scale_and_explicit_width(coffee):
    assert _png(export(coffee, layout="email-banner", options=Options(scale=3))).width == 1800
    assert _png(export(coffee, layout="email-banner", options=Options(width=900))).width == 900
    with pytest.raises(ExportError, match="outside the 16-8000 px range"):
        export(coffee, layout="email-banner", options=Options(width=20000))


def test_transparent_png_keeps_alpha(coffee):
    image = _png(export(coffee, layout="email-banner", options=Options(transparent=True)))
    assert image.mode == "RGBA" and image.getpixel((2, 2))[3] == 0


def test_email_preset_is_small_palette_png_600_wide(coffee):
    exported = export(coffee, preset="email")
    image = _png(exported)
    assert (image.width, exported.display_width) == (1200, 600)
    assert image.mode == "P" and len(exported.data) < 100_000


def test_dark_theme_pixels_are_dark(coffee):
    image = _png(
        export(coffee, layout="email-banner", theme="dark", options=Options(scale=1))
    ).convert("RGB")
    assert sum(image.getpixel((3, 3))) < 120


def test_fixed_canvas_presets_fit_and_centre(coffee):
    for name, size in (("social", (1200, 630)), ("square", (1080, 1080)), ("slide", (1920, 1080))):
        image = _png(export(coffee, layout="email-banner", preset=name))
        assert image.size == size


def test_presets_refuse_pictures_that_would_be_illegible(coffee):
    with pytest.raises(
        ExportError, match=r"shrink to 50% to fit the 'email' preset \(600 px wide\), below the 60%"
    ):
        export(coffee, layout="at-a-glance", preset="email")


def test_very_long_notice_refused_not_a_huge_image(coffee):
    data = coffee.model_dump(mode="json", exclude_unset=True)
    data["data_categories"] += [
        {"id": f"x{i}", "label": f"Extra {i}", "source": "observed"} for i in range(190)
    ]
    notice = PrivacyNotice.model_validate(data)
    with pytest.raises(ExportError, match="the 'email' preset"):
        export(notice, layout="data-flow", preset="email")


def test_pdf_a4_and_letter_pages(coffee):
    for preset, size in (("print-a4", (595.28, 841.89)), ("print-letter", (612, 792))):
        exported = export(coffee, layout="at-a-glance", preset=preset)
        reader = PdfReader(io.BytesIO(exported.data))
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (
            round(size[0]),
            round(size[1]),
        )
        assert len(reader.pages) == exported.pages == 1


def test_long_layout_flows_onto_more_pages(coffee):
    from notice_builder.export.formats import export_rendered
    from notice_builder.layout import LayoutSpec, render

    blocks = [{"type": "header"}] + [{"type": "purposes"}] * 5
    spec = LayoutSpec.model_validate(
        {"id": "long", "label": "L", "description": "d", "blocks": blocks}
    )
    exported = export_rendered(render(coffee, spec), get_preset("print-a4"), "pdf")
    assert exported.pages > 1
    assert len(PdfReader(io.BytesIO(exported.data)).pages) == exported.pages


def test_svg_forms_and_minify(coffee):
    outlined = export(coffee, layout="retention", format="svg").data.decode()
    editable = export(
        coffee, layout="retention", format="svg", options=Options(outlined=False, minify=True)
    ).data.decode()
    assert "<text" not in outlined and "<text" in editable and "\n<" not in editable.strip()


def test_every_preset_is_listed_and_unknown_refused(coffee):
    assert preset_names() == [
        "original",
        "email",
        "social",
        "square",
        "slide",
        "print-a4",
        "print-letter",
    ]
    with pytest.raises(KeyError, match="known: original, email"):
        export(coffee, preset="poster")
