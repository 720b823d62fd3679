"""The direct cairo rasteriser draws the same picture as the outlined SVG through cairosvg."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageChops, ImageStat

from notice_builder.export.rasterize import svg_to_image
from notice_builder.io import load_notice
from notice_builder.layout import layout_names, render
from notice_builder.render.raster import compile_path, scene_to_image
from notice_builder.render.svg import write_svg

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def coffee():
    return load_notice(ROOT / "examples" / "coffee-shop.yaml")


@pytest.mark.parametrize("layout", layout_names())
@pytest.mark.parametrize(("theme", "locale"), [("light", "en"), ("dark", "ar")])
def test_direct_raster_matches_cairosvg(coffee, layout, theme, locale):
    scene = render(coffee, layout, theme, locale).scene
    width = int(scene.width)
    ours = scene_to_image(scene, width=width)
    reference = svg_to_image(write_svg(scene, outlined=True), width=width)
    assert ours.size == reference.size
    diff = ImageChops.difference(ours, reference).convert("L")
    assert max(ImageStat.Stat(diff).mean) < 0.5
    # Only anti-aliasing at a few curve edges may differ noticeably.
    strong = sum(diff.point(lambda p: 255 if p > 64 else 0).histogram()[255:])
    assert strong < 0.001 * ours.width * ours.height


def test_path_parser_handles_relative_arcs_and_shorthand():
    commands = compile_path(
        "M10 10h5v5l-5 0zM0 0a5 5 0 0 1 10 0q5 5 10 0t10 0c1 1 2 2 3 3s4 4 5 5Z"
    )
    ops = [c[0] for c in commands]
    assert ops[:5] == ["M", "L", "L", "L", "Z"]
    assert ops.count("C") >= 5 and ops[-1] == "Z"
    assert commands[1][1:] == (15.0, 10.0) and commands[2][1:] == (15.0, 15.0)
    # The half-circle arc (sweep 1, y down) passes over the top and ends where it should.
    assert commands[6][-2:] == pytest.approx((5.0, -5.0))
    assert commands[7][-2:] == pytest.approx((10.0, 0.0))
    # The smooth quadratic mirrors its control point: the curve dips below, then rises.
    assert commands[8][2] > 0 > commands[9][2]


@pytest.mark.parametrize("transparent", [False, True])
def test_bands_draw_the_same_picture_as_one_surface(coffee, transparent):
    scene = render(coffee, "rights-and-choices", "dark", "ar").scene
    whole = scene_to_image(scene, width=1200, bands=1, transparent=transparent)
    for bands in (2, 3):
        banded = scene_to_image(scene, width=1200, bands=bands, transparent=transparent)
        assert banded.mode == whole.mode == ("RGBA" if transparent else "RGB")
        diff = ImageChops.difference(whole, banded)
        # At most a rounding step where a shape crosses a band edge, never a missing shape.
        assert max(high for _, high in diff.getextrema()) <= 1
        assert sum(diff.convert("L").point(lambda p: p > 0 and 255).histogram()[255:]) <= 8
    # The default is fixed, not one band per core: the same bytes on every machine.
    assert (
        scene_to_image(scene, width=1200).tobytes()
        == scene_to_image(scene, width=1200, bands=2).tobytes()
    )


def test_a_reused_pixel_buffer_leaves_no_trace_of_the_last_picture(coffee):
    # Same size twice: the second (transparent) picture is drawn into the first one's buffer.
    scene = render(coffee, "email-banner", "light", "en").scene
    opaque = scene_to_image(scene, width=800)
    clear = scene_to_image(scene, width=800, transparent=True)
    assert opaque.getpixel((0, 0)) != (0, 0, 0)
    assert clear.getpixel((0, 0))[3] == 0
    # Where nothing but the background was painted, the transparent picture is empty.
    alpha_of_background = [
        clear.getpixel(xy)[3]
        for xy in [(0, 0), (799, 0), (0, clear.height - 1), (799, clear.height - 1)]
    ]
    assert alpha_of_background == [0, 0, 0, 0]
