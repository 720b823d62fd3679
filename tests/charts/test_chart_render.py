"""Charts written as outlined SVG and rasterised: the ink stays inside, Arabic on the right."""

from __future__ import annotations

import io

import pytest
from chart_testkit import THEME, coffee

from notice_builder.charts import build_chart, draw_chart
from notice_builder.render.scene import Group, Scene

svg = pytest.importorskip("notice_builder.render.svg", reason="the SVG writer is not there yet")
PIL = pytest.importorskip("PIL.Image")


def _refuse(url: str, resource_type: str | None = None) -> bytes:
    raise ValueError(f"refusing to fetch {url}")


def _png(name: str, locale: str, width: int = 480):
    from cairosvg.surface import PNGSurface

    spec = build_chart(name, coffee(), locale)
    drawn = draw_chart(spec, width, THEME, locale)
    scene = Scene(
        width,
        drawn.height,
        spec.title,
        spec.description,
        locale,
        "rtl" if locale == "ar" else "ltr",
        "#ffffff",
        (Group(drawn.elements),),
    )
    text = svg.write_svg(scene, outlined=True)
    assert "<text" not in text and "<script" not in text
    png = PNGSurface.convert(bytestring=text.encode(), url_fetcher=_refuse, output_width=width)
    return PIL.open(io.BytesIO(png)).convert("L")


@pytest.mark.parametrize("name", ["requests", "flow", "matrix"])
def test_arabic_charts_start_on_the_right(name):
    en, ar = _png(name, "en"), _png(name, "ar")
    # The title's first line starts at the start edge: ink near x=0 in English, near the
    # right edge in Arabic, on the top rows.
    top = (0, 0, 480, 24)
    en_box = PIL.eval(en.crop(top), lambda v: 255 - v).getbbox()
    ar_box = PIL.eval(ar.crop(top), lambda v: 255 - v).getbbox()
    assert en_box and ar_box
    assert en_box[0] <= 2 and ar_box[2] >= 478
