"""Native drawings: inside the width, mirrored in Arabic, every value labelled, deterministic."""

from __future__ import annotations

import pytest
from chart_testkit import (
    THEME,
    bars,
    big_notice,
    coffee,
    coffee_with,
    make_theme,
    texts,
    walk,
    x_extent,
)

from notice_builder.charts import (
    BarChartSpec,
    FlowSpec,
    MatrixSpec,
    Series,
    TimelineSpec,
    build_chart,
    chart_names,
    draw_bar_chart,
    draw_chart,
    draw_flow,
    draw_matrix,
    draw_timeline,
    requests_chart,
)
from notice_builder.render.scene import Group, Rect, Text

WIDTHS = [160, 320, 640, 1000]


@pytest.mark.parametrize("locale", ["en", "ar"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", chart_names())
def test_every_chart_stays_inside_its_width(name, width, locale):
    spec = build_chart(name, coffee(), locale)
    drawn = draw_chart(spec, width, THEME, locale)
    assert drawn.height > 0
    for shape, dx, _ in walk(drawn.elements):
        left, right = x_extent(shape, dx)
        assert left >= -1 and right <= width + 1, (name, type(shape).__name__, left, right)
    assert drawn.missing == ()


def test_columns_mirror_in_arabic():
    colour = THEME.palette.categorical[0]  # the "Received" series
    en = draw_bar_chart(requests_chart(coffee(), "en"), 640, THEME, "en", orientation="columns")
    ar = draw_bar_chart(requests_chart(coffee(), "ar"), 640, THEME, "ar", orientation="columns")
    en_bars, ar_bars = (
        [r for r in bars(d, colour) if r.width > 20] for d in (en, ar)
    )  # not the key
    assert len(en_bars) == len(ar_bars) == 4
    # Access (150) is the first category: leftmost in English, rightmost in Arabic.
    assert en_bars[0].height == pytest.approx(ar_bars[-1].height)
    assert en_bars[0].x + en_bars[0].width == pytest.approx(640 - ar_bars[-1].x)
    # Opt-out (1,604) is last: the tallest bar, at the other end.
    assert max(ar_bars, key=lambda r: r.height) is ar_bars[0]


def _text_x(drawn, content):
    return next(
        s.x for s, _, _ in walk(drawn.elements) if isinstance(s, Text) and s.block.text == content
    )


def test_value_axis_is_on_the_start_side():
    en = draw_bar_chart(requests_chart(coffee(), "en"), 640, THEME, "en", orientation="columns")
    ar = draw_bar_chart(requests_chart(coffee(), "ar"), 640, THEME, "ar", orientation="columns")
    assert _text_x(en, "2,000") < 80 and _text_x(ar, "2,000") > 560


def test_rows_mirror_in_arabic():
    spec = build_chart("sources", coffee(), "ar")
    drawn = draw_bar_chart(spec, 640, THEME, "ar", orientation="rows")
    rect = bars(drawn, THEME.palette.categorical[0])[0]
    # Names on the right; bars start at their left and grow leftwards.
    assert _text_x(drawn, spec.categories[0]) >= rect.x + rect.width
    assert rect.x < 640 / 4


@pytest.mark.parametrize("orientation", ["columns", "rows"])
@pytest.mark.parametrize("locale", ["en", "ar"])
def test_every_value_has_a_text_label(orientation, locale):
    spec = requests_chart(coffee(), locale)
    drawn = draw_bar_chart(spec, 640, THEME, locale, orientation=orientation)
    shown = texts(drawn)
    for series in spec.series:
        for label in series.labels:
            assert label in shown
        assert series.name in shown  # the legend names each series in words
    assert all(c in shown for c in spec.categories)


def test_matrix_marks_are_labelled_groups():
    spec = build_chart("matrix", coffee(), "en")
    drawn = draw_matrix(spec, 640, THEME, "en")
    labels = []

    def visit(items):
        for item in items:
            if isinstance(item, Group):
                if item.label:
                    labels.append(item.label)
                visit(item.children)

    visit(drawn.elements)
    assert set(labels) >= {m.label for m in spec.cells.values()}
    shown = texts(drawn)
    assert all(e.label in shown for e in spec.legend)
    assert all(r in shown for r in spec.rows)


def test_drawing_is_deterministic():
    for name in chart_names():
        first = draw_chart(build_chart(name, coffee(), "ar"), 640, THEME, "ar")
        again = draw_chart(build_chart(name, coffee(), "ar"), 640, THEME, "ar")
        assert first == again, name


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_empty_specs_draw_their_message(locale):
    empty = [
        BarChartSpec("T", "Nothing.", (), (), "u", empty_message="No privacy reports yet"),
        FlowSpec("T", "Nothing.", (), (), empty_message="No data flows to show"),
        TimelineSpec("T", "Nothing.", (), 0.0, empty_message="No retention periods are given"),
        MatrixSpec("T", "Nothing.", (), (), empty_message="No data practices to show"),
    ]
    for spec, drawer in zip(
        empty, (draw_bar_chart, draw_flow, draw_timeline, draw_matrix), strict=True
    ):
        drawn = drawer(spec, 400, THEME, locale)
        assert spec.empty_message in texts(drawn)
        assert drawn.height > 0 and drawn.overflow == ()
    no_reports = draw_chart(requests_chart(coffee_with(reports=[]), locale), 400, THEME, locale)
    assert len(texts(no_reports)) == 2  # the title and the message


def test_zero_and_missing_values_draw():
    spec = BarChartSpec(
        "T", "D", ("A", "B"), (Series("S", (0.0, None)), Series("R", (0.0, 0.0))), "Requests"
    )
    for orientation in ("columns", "rows"):
        drawn = draw_bar_chart(spec, 400, THEME, "en", orientation=orientation)
        assert texts(drawn).count("0") >= 3 and "–" in texts(drawn)


def test_two_hundred_categories_fall_back_to_rows_and_fit():
    names = tuple(f"Kind of data number {i}" for i in range(200))
    spec = BarChartSpec(
        "T", "D", names, (Series("S", tuple(float(i) for i in range(200))),), "Kinds"
    )
    drawn = draw_bar_chart(spec, 360, THEME, "ar")
    for shape, dx, _ in walk(drawn.elements):
        left, right = x_extent(shape, dx)
        assert left >= -1 and right <= 361
    assert drawn.height > 200 * 12  # one row each
    assert "199" in texts(drawn)


def test_overflow_is_reported_not_drawn_outside():
    spec = BarChartSpec(
        "T", "D", ("Supercalifragilisticexpialidocious",), (Series("S", (1.0,)),), "u"
    )
    drawn = draw_bar_chart(spec, 120, THEME, "en", orientation="rows")
    assert any("category" in message for message in drawn.overflow)
    for shape, dx, _ in walk(drawn.elements):
        assert x_extent(shape, dx)[1] <= 121


def test_greyscale_themes_tell_series_apart_by_pattern():
    grey = make_theme(greyscale=True)
    drawn = draw_bar_chart(requests_chart(coffee(), "en"), 640, grey, "en", orientation="columns")
    rects = [s for s, _, _ in walk(drawn.elements) if isinstance(s, Rect) and s.height > 20]
    assert {r.stroke is None for r in rects} == {True, False}  # solid and outlined bars


def test_titles_and_callouts_can_be_left_to_the_layout():
    spec = requests_chart(coffee(), "en")
    full = draw_bar_chart(spec, 640, THEME, "en")
    bare = draw_bar_chart(spec, 640, THEME, "en", title=False, callouts=False)
    assert spec.title in texts(full) and spec.title not in texts(bare)
    assert spec.callouts[0] not in texts(bare)
    assert bare.height < full.height
    assert full.elements[0].label == spec.description


def _inside(drawn, width):
    for shape, dx, _ in walk(drawn.elements):
        left, right = x_extent(shape, dx)
        assert left >= -1 and right <= width + 1, (type(shape).__name__, left, right)


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_every_kind_of_mark_stays_inside(locale):
    from notice_builder.charts import practice_matrix
    from notice_builder.io import validate_notice

    data = coffee().model_dump(mode="json", exclude_none=True)
    data["recipients"][1]["kind"] = "third_party"
    data["commitments"] = []
    data["practices"][1]["sold"] = True
    data["practices"][6]["consent"] = "opt_out"
    spec = practice_matrix(validate_notice(data), locale)
    assert {e.key for e in spec.legend} == {
        "collected",
        "shared",
        "sold",
        "opt_in",
        "opt_out",
        "optional",
    }
    for width in (320, 640):
        _inside(draw_matrix(spec, width, THEME, locale), width)


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_two_hundred_kinds_of_data_draw_inside(locale):
    notice = big_notice()
    for name in ("flow", "matrix", "sources", "retention"):
        drawn = draw_chart(build_chart(name, notice, locale), 480, THEME, locale)
        _inside(drawn, 480)
