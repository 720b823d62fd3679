"""Golden SVGs: every layout x theme x example x locale, compared byte for byte.

The goldens are the editable form without embedded fonts: every shape, position, colour and
word of the picture, small enough to review as a diff. (Glyph outlines are tested by the text
engine's own tests.) A missing golden fails. Regenerate after an intended change with

    NB_UPDATE_GOLDENS=1 ./scripts/test tests/golden

and review `git diff tests/golden/`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from notice_builder.io import load_notice
from notice_builder.layout import layout_names, render
from notice_builder.render.svg import write_svg
from notice_builder.render.theme import theme_names

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
UPDATE = os.environ.get("NB_UPDATE_GOLDENS") == "1"

_NOTICES = {path.stem: load_notice(path) for path in sorted((ROOT / "examples").glob("*.yaml"))}
CASES = [
    (example, layout, theme, locale)
    for example, notice in _NOTICES.items()
    for locale in notice.all_locales
    for layout in layout_names()
    for theme in theme_names()
]


@pytest.mark.parametrize(("example", "layout", "theme", "locale"), CASES, ids="--".join)
def test_golden_svg(example, layout, theme, locale):
    result = render(_NOTICES[example], layout, theme, locale)
    svg = write_svg(result.scene, outlined=False, embed_fonts=False)
    path = HERE / "svg" / f"{example}--{layout}--{theme}--{locale}.svg"
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    assert path.exists(), f"no golden {path.name}: run with NB_UPDATE_GOLDENS=1 and review it"
    assert svg == path.read_text(encoding="utf-8"), f"{path.name} changed: review, then regenerate"


def test_no_stale_goldens():
    expected = {"--".join(case) + ".svg" for case in CASES}
    stale = sorted(p.name for p in (HERE / "svg").glob("*.svg") if p.name not in expected)
    assert stale == [], f"goldens for cases that no longer exist: {stale}"
