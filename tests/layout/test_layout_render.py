"""The layout engine: every layout draws, deterministically, mirrored for Arabic, escaped, and
reports what does not fit."""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from notice_builder.io import load_notice
from notice_builder.layout import LayoutSpec, RenderError, get_layout, layout_names, render
from notice_builder.layout.spec import load_layout
from notice_builder.model import PrivacyNotice
from notice_builder.render.scene import Group, Rect
from notice_builder.render.theme import theme_names

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def coffee():
    return load_notice(ROOT / "examples" / "coffee-shop.yaml")


@pytest.mark.parametrize("layout", layout_names())
@pytest.mark.parametrize("locale", ["en", "ar"])
def test_every_layout_renders_valid_accessible_svg(coffee, layout, locale):
    result = render(coffee, layout, "light", locale)
    assert result.overflow == () and result.missing_characters == ()
    root = ET.fromstring(result.svg())
    assert root.get("role") == "img" and root.get("lang") == locale
    assert root.get("direction") == ("rtl" if locale == "ar" else "ltr")
    assert root.find(f"{SVG}title").text.startswith(coffee.title.get(locale, "en"))
    assert root.find(f"{SVG}desc").text
    # Outlined: no text elements, no fonts needed.
    assert list(root.iter(f"{SVG}text")) == []


@pytest.mark.parametrize("theme", theme_names())
def test_rendering_is_deterministic(coffee, theme):
    first = render(coffee, "at-a-glance", theme, "ar").svg()
    assert render(coffee, "at-a-glance", theme, "ar").svg() == first


def test_editable_svg_has_real_text_and_embedded_fonts(coffee):
    svg = render(coffee, "at-a-glance", "light", "ar").svg(outlined=False)
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "ما نجمعه" in texts
    style = root.find(f"{SVG}style").text
    assert "@font-face" in style and "Noto Sans Arabic" in style
    rtl = [t for t in root.iter(f"{SVG}text") if t.get("direction") == "rtl"]
    assert rtl, "Arabic runs are marked right-to-left"


def _first_rect_x(result) -> float:
    # The header's accent rule is the first rectangle drawn inside the first group.
    header = result.scene.elements[0]
    assert isinstance(header, Group)
    inner = header.children[0]
    rect = next(c for c in inner.children if isinstance(c, Rect))
    return header.dx + inner.dx + rect.x


def test_arabic_mirrors_the_layout(coffee):
    en = render(coffee, "at-a-glance", "light", "en")
    ar = render(coffee, "at-a-glance", "light", "ar")
    width = en.scene.width
    assert _first_rect_x(en) < width / 2 < _first_rect_x(ar)
    # The first card of the categories/purposes row sits at the right in Arabic.
    en_groups = [g for g in en.scene.elements if g.label == "data-categories"]
    ar_groups = [g for g in ar.scene.elements if g.label == "data-categories"]
    assert en_groups[0].dx < width / 2 < ar_groups[0].dx + 400


def test_user_text_is_escaped_in_both_forms(coffee):
    data = coffee.model_dump(mode="json", exclude_unset=True)
    data["title"] = {"en": '<script>alert(1)</script> & ]]> "q"', "ar": "عنوان"}
    notice = PrivacyNotice.model_validate(data)
    for outlined in (True, False):
        svg = render(notice, "at-a-glance", "light", "en").svg(outlined=outlined)
        assert "<script" not in svg
        ET.fromstring(svg)  # still well-formed


def test_unknown_names_list_the_known_ones(coffee):
    with pytest.raises(KeyError, match=r"unknown layout 'nope' \(known: .*at-a-glance"):
        render(coffee, "nope")
    with pytest.raises(KeyError, match=r"known: .*dark"):
        render(coffee, "at-a-glance", "neon")
    with pytest.raises(RenderError, match=r"unknown locale 'fr' for this notice \(known: en, ar\)"):
        render(coffee, "at-a-glance", "light", "fr")


def test_fixed_height_page_reports_what_does_not_fit(coffee):
    spec = get_layout("at-a-glance").model_copy(deep=True)
    spec = LayoutSpec.model_validate(
        {**spec.model_dump(), "id": "tiny", "page": {**spec.page.model_dump(), "height": 500}}
    )
    result = render(coffee, spec)
    assert result.scene.height == 500
    assert any("does not fit on the tiny page" in o for o in result.overflow)


def test_long_text_wraps_inside_its_card(coffee):
    data = copy.deepcopy(coffee.model_dump(mode="json", exclude_unset=True))
    data["data_categories"][0]["label"] = {
        "en": "Supercalifragilisticexpialidocious" * 2,
        "ar": "س" * 60,
    }
    notice = PrivacyNotice.model_validate(data)
    result = render(notice, "at-a-glance", "light", "en")
    for shape, dx, _dy in result.scene.walk():
        if hasattr(shape, "block"):
            assert dx + shape.x + shape.block.width <= result.scene.width - 40


def test_forty_categories_summarised(coffee):
    data = coffee.model_dump(mode="json", exclude_unset=True)
    data["data_categories"] += [
        {"id": f"extra{i}", "label": f"Extra {i}", "source": "observed"} for i in range(32)
    ]
    notice = PrivacyNotice.model_validate(data)
    svg_root = ET.fromstring(render(notice, "at-a-glance", "light", "en").svg(outlined=False))
    texts = " ".join(t.text or "" for t in svg_root.iter(f"{SVG}text"))
    assert "+ 24 more" in texts


def test_layout_file_errors_name_line_and_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: bad\nlabel: Bad\ndescription: x\nblocks:\n  - {type: key-facts, colums: 3}\n"
    )
    from notice_builder.io import NoticeError

    with pytest.raises(NoticeError) as info:
        load_layout(bad)
    [problem] = info.value.problems
    assert (
        problem.line == 5 and "unknown field 'colums' (did you mean 'columns'?)" in problem.message
    )


def _minimal() -> PrivacyNotice:
    return PrivacyNotice.model_validate(
        {
            "id": "tiny",
            "title": "Tiny notice",
            "effective_date": "2026-01-01",
            "controller": {"name": "Tiny", "email": "hi@tiny.example"},
            "data_categories": [{"id": "email", "label": "Email"}],
            "purposes": [{"id": "acct", "label": "Account", "description": "We run it."}],
            "practices": [{"id": "p", "data": ["email"], "purposes": ["acct"]}],
        }
    )


@pytest.mark.parametrize("layout", layout_names())
def test_empty_sections_render_without_crashing(layout):
    result = render(_minimal(), layout, "print", "en")
    ET.fromstring(result.svg())
    assert result.overflow == ()


def test_long_description_emoji_and_combining_marks(coffee):
    data = coffee.model_dump(mode="json", exclude_unset=True)
    data["purposes"][0]["description"] = {
        "en": ("Long words and sentences. " * 80).strip(),
        "ar": "وصف",
    }
    data["purposes"][1]["label"] = {"en": "Pay with e\u0301 and n\u0303 👩🏽‍⚖️", "ar": "دفع"}
    notice = PrivacyNotice.model_validate(data)
    spec = LayoutSpec.model_validate(
        {
            "id": "purposes",
            "label": "P",
            "description": "d",
            "blocks": [{"type": "purposes", "descriptions": True}],
        }
    )
    result = render(notice, spec, "light", "en")
    assert "\U0001f469" in result.missing_characters
    for shape, dx, _dy in result.scene.walk():
        if hasattr(shape, "block"):
            assert dx + shape.x + shape.block.width <= result.scene.width


def test_logo_drawn_at_the_end_edge_with_a_label(coffee):
    import io as _io

    from PIL import Image as PILImage

    from notice_builder.render.logo import prepare_logo
    from notice_builder.render.scene import Image

    out = _io.BytesIO()
    PILImage.new("RGB", (200, 100), "#7a2e8e").save(out, "PNG")
    logo = prepare_logo(out.getvalue())
    for locale, at_right in (("en", True), ("ar", False)):
        result = render(coffee, "at-a-glance", "light", locale, logo=logo)
        placed = [(shape, dx) for shape, dx, _ in result.scene.walk() if isinstance(shape, Image)]
        [(image, dx)] = placed
        assert image.label == "Brewline Coffee logo"
        assert ((dx + image.x) > result.scene.width / 2) is at_right
        assert '<image x="' in result.svg() and 'aria-label="Brewline Coffee logo"' in result.svg()
