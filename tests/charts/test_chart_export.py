"""A chart alone through the export pipeline (SVG, PNG, PDF, presets) and `notice-builder chart`."""

from __future__ import annotations

import io

import pytest
from chart_testkit import big_notice, coffee
from PIL import Image
from pypdf import PdfReader

from notice_builder.charts import chart_names
from notice_builder.cli import main
from notice_builder.export import ExportError, export_chart, render_chart, resolve_chart
from notice_builder.resources import example_path


@pytest.mark.parametrize("name", chart_names())
def test_every_chart_exports_as_svg_with_its_words(name):
    exported = export_chart(coffee(), name, "light", "en", "svg")
    svg = exported.data.decode()
    assert exported.format == "svg" and svg.startswith("<svg")
    rendered = render_chart(coffee(), name, "light", "en")
    assert rendered.overflow == () and exported.warnings == ()
    assert f'<title id="nb-title">{rendered.scene.title}</title>' in svg.replace("&amp;", "&")


def test_png_and_pdf():
    png = export_chart(coffee(), "flow", "dark", "ar", "png", options=None)
    image = Image.open(io.BytesIO(png.data))
    assert image.size == (png.width, png.height) and png.width == 2 * 720  # the @2x default
    # The card is the theme's surface (dark), not white.
    assert (
        image.convert("RGB").getpixel((4, 4)) == (0x17, 0x21, 0x35)
        or sum(image.convert("RGB").getpixel((4, 4))) < 200
    )
    pdf = export_chart(coffee(), "requests", "print", "en", "pdf")
    reader = PdfReader(io.BytesIO(pdf.data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(720 * 0.75)  # 720 CSS px in points
    assert float(box.height) == pytest.approx(pdf.height, abs=1)


def test_presets_fit_the_chart():
    social = export_chart(coffee(), "requests", "light", "en", "png", "social")
    assert (social.width, social.height) == (1200, 630)
    with pytest.raises(ExportError, match="'social' preset"):
        export_chart(big_notice(), "matrix", "light", "en", "png", "social")


def test_arabic_chart_is_right_to_left():
    rendered = render_chart(coffee(), "requests", "light", "ar")
    assert rendered.scene.direction == "rtl" and rendered.scene.lang == "ar"


def test_aliases_and_unknown_names():
    assert resolve_chart("sankey") == "flow"
    with pytest.raises(KeyError, match=r"unknown chart 'pie' \(known: flow, .*sankey = flow"):
        resolve_chart("pie")
    with pytest.raises(ValueError, match="width must be 240–2400 px, not 100"):
        render_chart(coffee(), "flow", width=100)


def test_unknown_theme_and_locale_are_named():
    with pytest.raises(KeyError, match="unknown theme 'neon'"):
        export_chart(coffee(), "flow", "neon")
    with pytest.raises(ValueError, match="fr"):
        export_chart(coffee(), "flow", "light", "fr")


def test_cli_writes_a_chart(tmp_path, capsys):
    target = tmp_path / "flow.png"
    code = main(["chart", str(example_path("coffee-shop")), "--chart", "sankey", "-o", str(target)])
    assert code == 0
    assert Image.open(target).format == "PNG"
    svg = tmp_path / "matrix.svg"
    args = ["chart", str(example_path("coffee-shop")), "--chart", "matrix", "--locale", "ar"]
    assert main([*args, "--theme", "high-contrast", "-o", str(svg)]) == 0
    assert 'lang="ar"' in svg.read_text()[:400] and 'direction="rtl"' in svg.read_text()[:400]


def test_cli_lists_charts(capsys):
    assert main(["chart", "--list"]) == 0
    out = capsys.readouterr().out
    for name in chart_names():
        assert name in out
    assert "(also: sankey)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--chart", "pie", "-o", "x.svg"], "unknown chart 'pie'"),
        (["--chart", "flow"], "name a chart with --chart and a file with -o"),
        (["--chart", "flow", "--format", "svg", "-o", "x.png"], "does not end in .svg"),
        (["--chart", "flow", "--theme", "neon", "-o", "x.svg"], "unknown theme 'neon'"),
    ],
)
def test_cli_refuses_bad_input(args, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["chart", str(example_path("coffee-shop")), *args]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
