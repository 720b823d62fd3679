"""The README shows and names every chart, and the pictures it shows exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_builder.charts import chart_names

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("chart", chart_names())
def test_every_chart_is_documented_with_pictures(chart):
    assert f"| `{chart}`" in README
    for picture in (f"docs/charts/{chart}.png", f"docs/charts/{chart}-ar.png"):
        assert f"({picture})" in README
        assert (ROOT / picture).is_file(), f"run scripts/chart_gallery.py for {picture}"


def test_the_chart_command_is_documented():
    assert "`notice-builder chart notice.yaml --chart sankey -o flow.png`" in README
