"""What a render says when text does not fit: English wherever a plain string goes (the CLI, the
bundle manifest), and the same warning in Arabic for the app, from one catalogue."""

from __future__ import annotations

import json
import pickle
import re

import pytest

from notice_builder.charts import build_chart
from notice_builder.charts.draw import draw_chart
from notice_builder.i18n import FSI, PDI
from notice_builder.i18n.messages import Said
from notice_builder.io import load_notice
from notice_builder.layout import LayoutSpec, get_layout, render
from notice_builder.render.theme import get_theme
from notice_builder.resources import example_path
from notice_builder.text.fit import fit_text
from tests.english_left import english_left


@pytest.fixture(scope="module")
def coffee():
    return load_notice(example_path())


def test_a_cut_text_says_so_in_english_and_in_arabic():
    result = fit_text("word " * 200, 100, 40, size=14, min_size=12)
    said = result.describe()
    assert said == "overflows at minimum size 12px, 65 line(s) / 970 character(s) cut"
    arabic = said.text("ar")
    assert "لا يتّسع" in arabic and "قُطع" in arabic and f"{FSI}65{PDI}" in arabic
    assert english_left(arabic, sentences=False) == []


def test_a_fitting_text_describes_its_size():
    assert fit_text("short", 400, 100, size=14).describe() == "fits at 14px"
    shrunk = fit_text("several words that wrap", 200, 30, size=30, min_size=8).describe()
    assert re.fullmatch(r"fits at [\d.]+px \(shrunk from 30\)", shrunk), shrunk
    assert "بعد تصغيره من" in shrunk.text("ar")


def test_a_page_too_short_says_which_block_in_both_languages(coffee):
    spec = get_layout("at-a-glance").model_copy(deep=True)
    spec = LayoutSpec.model_validate(
        {**spec.model_dump(), "id": "tiny", "page": {**spec.page.model_dump(), "height": 500}}
    )
    overflow = render(coffee, spec).overflow
    assert overflow and all(isinstance(o, Said) for o in overflow)
    assert any(o.endswith(": does not fit on the tiny page (height 500 px)") for o in overflow)
    for said in overflow:
        arabic = said.text("ar")
        assert "لا يتّسع في صفحة" in arabic
        assert english_left(arabic) == [], arabic


def test_a_chart_label_cut_names_its_place_in_arabic(coffee):
    spec = build_chart("matrix", coffee, "en")
    drawn = draw_chart(spec, 180, get_theme("light"), "en")
    assert drawn.overflow, "a 180 px matrix must cut some labels"
    for said in drawn.overflow:
        assert isinstance(said, Said)
        arabic = said.text("ar")
        assert english_left(arabic) == [], arabic


def test_warnings_stay_plain_strings_for_json_and_worker_processes():
    said = fit_text("word " * 200, 100, 40, size=14, min_size=12).describe()
    assert json.loads(json.dumps([said])) == [str(said)]
    again = pickle.loads(pickle.dumps(said))
    assert isinstance(again, Said) and again == said and again.text("ar") == said.text("ar")
    assert "; ".join([said, said]).count("overflows") == 2
