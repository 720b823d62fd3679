"""Golden SVGs of every chart alone: chart x theme x locale (en, ar) for the coffee-shop example.

Each golden is the chart as `notice-builder chart` exports it, in the editable form without
embedded fonts, small enough to review as a diff. A missing golden fails. Regenerate after an
intended change with

    NB_UPDATE_GOLDENS=1 ./scripts/test tests/golden/charts

and review `git diff tests/golden/charts/`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from notice_builder.charts import chart_names
from notice_builder.export import render_chart
from notice_builder.io import load_notice
from notice_builder.render.svg import write_svg
from notice_builder.render.theme import theme_names
from notice_builder.resources import example_path

HERE = Path(__file__).resolve().parent
UPDATE = os.environ.get("NB_UPDATE_GOLDENS") == "1"
LOCALES = ("en", "ar")

NOTICE = load_notice(example_path("coffee-shop"))
CASES = [
    (chart, theme, locale)
    for chart in chart_names()
    for theme in theme_names()
    for locale in LOCALES
]


@pytest.mark.parametrize(("chart", "theme", "locale"), CASES, ids="--".join)
def test_chart_golden_svg(chart, theme, locale):
    rendered = render_chart(NOTICE, chart, theme, locale)
    assert rendered.overflow == (), rendered.overflow
    svg = write_svg(rendered.scene, outlined=False, embed_fonts=False)
    path = HERE / "svg" / f"{chart}--{theme}--{locale}.svg"
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    assert path.exists(), f"no golden {path.name}: run with NB_UPDATE_GOLDENS=1 and review it"
    assert svg == path.read_text(encoding="utf-8"), f"{path.name} changed: review, then regenerate"


def test_no_stale_chart_goldens():
    expected = {"--".join(case) + ".svg" for case in CASES}
    stale = sorted(p.name for p in (HERE / "svg").glob("*.svg") if p.name not in expected)
    assert stale == [], f"goldens for charts that no longer exist: {stale}"
