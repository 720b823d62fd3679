"""The plotly figures against the native drawings: same numbers, same words, same direction."""

from __future__ import annotations

import subprocess
import sys

import pytest
from chart_testkit import THEME, big_notice, coffee, coffee_with, make_theme
from plotly_kit import (
    figure_numbers,
    figure_texts,
    legend_words,
    native_texts,
    plain,
    spec_numbers,
    spec_words,
)

from notice_builder.charts import BarChartSpec, Series, build_chart, chart_names, draw_chart
from notice_builder.charts.plotly_figures import NARROWEST, PATTERNS, plotly_template, to_plotly
from notice_builder.render.theme import get_theme, theme_names
from notice_builder.text import measure_text

go = pytest.importorskip("plotly.graph_objects")

WIDE = 1400  # px: wide enough that no native label is shortened


def _both(spec, locale, theme=THEME):
    return draw_chart(spec, WIDE, theme, locale), to_plotly(spec, theme, locale)


def _check_same(spec, locale, theme=THEME):
    drawn, fig = _both(spec, locale, theme)
    native, plotted = native_texts(drawn), figure_texts(fig)
    for word in spec_words(spec):
        assert word in native, f"native drawing lacks {word!r}"
        assert word in plotted, f"plotly figure lacks {word!r}"
    joined = "\n".join(plotted)
    for key in legend_words(spec):
        assert key in joined, f"plotly figure lacks the key {key!r}"
        assert key.split(" ", 1)[1] in native
    if not spec_words(spec) or spec.title not in native:
        raise AssertionError("nothing compared")
    return drawn, fig


@pytest.mark.parametrize("locale", ["en", "ar"])
@pytest.mark.parametrize("name", chart_names())
def test_both_renderers_show_the_same_words_and_numbers(name, locale):
    spec = build_chart(name, coffee(), locale)
    drawn, fig = _check_same(spec, locale)
    assert drawn.overflow == ()
    assert figure_numbers(fig, spec) == spec_numbers(spec)


def test_every_chart_is_not_empty_for_the_coffee_shop():
    # The comparison above must compare something: the example has data for every chart.
    for name in chart_names():
        spec = build_chart(name, coffee(), "en")
        assert not getattr(spec, "empty_message", None), name


@pytest.mark.parametrize("theme", theme_names())
def test_template_comes_from_the_theme(theme):
    real = get_theme(theme)
    template = plotly_template(real)
    layout = template.layout
    assert list(layout.colorway) == list(real.palette.categorical)
    assert layout.paper_bgcolor == real.palette.surface
    assert layout.font.color == real.palette.text
    assert layout.font.family.startswith(f'"{real.typography.families[0]}"')
    assert layout.yaxis.gridcolor == real.palette.border
    assert layout.hoverlabel.bgcolor == real.palette.surface
    fig = to_plotly(build_chart("requests", coffee(), "en"), real, "en")
    colours = [t.marker.color for t in fig.data]
    assert colours == list(real.palette.categorical[: len(colours)])


def test_series_have_patterns_on_greyscale_themes():
    spec = build_chart("requests", coffee(), "en")
    grey = to_plotly(spec, make_theme(greyscale=True), "en")
    shapes = [t.marker.pattern.shape for t in grey.data]
    assert shapes == [None, PATTERNS[1]]  # solid, then hatched: apart without colour
    colour = to_plotly(spec, THEME, "en")
    assert all(t.marker.pattern.shape is None for t in colour.data)


def test_bars_carry_their_values_as_text():
    fig = to_plotly(build_chart("requests", coffee(), "en"), THEME, "en")
    for trace in fig.data:
        assert trace.texttemplate == "%{text}"
        assert trace.textposition == "outside"
        assert len(trace.text) == len(trace.x)


@pytest.mark.parametrize("name", ["requests", "response-time", "opt-outs", "retention"])
def test_arabic_figures_mirror(name):
    en = to_plotly(build_chart(name, coffee(), "en"), THEME, "en")
    ar = to_plotly(build_chart(name, coffee(), "ar"), THEME, "ar")
    assert ar.layout.meta["direction"] == "rtl" and en.layout.meta["direction"] == "ltr"
    assert ar.layout.title.xanchor == "right" and en.layout.title.xanchor == "left"

    def runs_backwards(axis) -> bool:
        return axis.autorange == "reversed" or bool(axis.range and axis.range[0] > axis.range[1])

    for fig, rtl in ((en, False), (ar, True)):
        horizontal = fig.data[0].orientation == "h"
        # Columns: the first period at the start edge. Rows: bars grow from the start edge.
        assert runs_backwards(fig.layout.xaxis) == rtl
        side_axis = fig.layout.yaxis  # the names (rows) or the values (columns)
        assert (side_axis.side == "right") == rtl
        names = fig.data[0].y if horizontal else fig.data[0].x
        # Arabic labels are isolated right-to-left runs (plotly has no dir attribute).
        assert all(n.startswith("\u2067") == rtl for n in names)


def test_flow_columns_mirror_in_arabic():
    en = to_plotly(build_chart("flow", coffee(), "en"), THEME, "en")
    ar = to_plotly(build_chart("flow", coffee(), "ar"), THEME, "ar")
    for x_en, x_ar in zip(en.data[0].node.x, ar.data[0].node.x, strict=True):
        assert x_ar == pytest.approx(1 - x_en, abs=0.002)
    assert en.data[0].node.x[0] < 0.1  # sources first: at the left in English


def test_matrix_cells_say_the_mark_and_the_choice_in_text():
    spec = build_chart("matrix", coffee(), "en")
    fig = to_plotly(spec, THEME, "en")
    heat = fig.data[0]
    for (r, c), mark in spec.cells.items():
        assert heat.text[r][c].startswith({"collected": "●", "shared": "■", "sold": "◆"}[mark.kind])
        assert (mark.choice is not None) == (len(heat.text[r][c]) > 1)
        assert mark.label in heat.customdata[r][c]  # the cell's sentence on hover
    empty = [(r, c) for r in range(len(spec.rows)) for c in range(len(spec.columns))]
    for r, c in empty:
        if (r, c) not in spec.cells:
            assert heat.z[r][c] is None and heat.text[r][c] == ""


def test_height_is_the_callers_or_grows_with_rows():
    spec = build_chart("matrix", big_notice(), "en")
    fig = to_plotly(spec, THEME, "en")
    assert fig.layout.height >= len(spec.rows) * 20  # rows are not squeezed together
    assert to_plotly(spec, THEME, "en", height=500).layout.height == 500
    with pytest.raises(ValueError, match="height"):
        to_plotly(spec, THEME, "en", height=0)


def test_unknown_spec_types_are_refused():
    with pytest.raises(TypeError, match="no plotly figure for str"):
        to_plotly("requests", THEME, "en")  # type: ignore[arg-type]


def test_core_package_imports_without_plotly():
    code = (
        "import sys; sys.modules['plotly'] = None\n"
        "import notice_builder.charts, notice_builder.layout, notice_builder.export\n"
        "from notice_builder.charts import StatSpec, Stat, to_plotly\n"
        "spec = StatSpec('t', 'd', Stat(1.0, '1', 'one'))\n"
        "try:\n    to_plotly(spec, None, 'en')\nexcept ImportError:\n    print('needs plotly')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "needs plotly"


# Bad input, in both renderers ---------------------------------------------------------------
def _report(period: str, **figures):
    return {"period": period, **figures}


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_empty_series_show_their_message(locale):
    spec = BarChartSpec("Nothing", "Nothing to show.", (), (), "Requests", empty_message="None yet")
    drawn, fig = _check_same(spec, locale)
    assert "None yet" in figure_texts(fig) and fig.layout.xaxis.visible is False


@pytest.mark.parametrize("name", ["requests", "requests-by-period", "response-time", "opt-outs"])
def test_no_reports_in_both(name):
    notice = coffee_with(reports=[])
    spec = build_chart(name, notice, "en")
    assert spec.empty_message
    _check_same(spec, "en")


@pytest.mark.parametrize(
    "name", ["requests-by-period", "response-time", "response-change", "opt-outs", "incidents"]
)
@pytest.mark.parametrize("locale", ["en", "ar"])
def test_a_single_period(name, locale):
    latest = coffee().sorted_reports[-1].model_dump(mode="json", exclude_none=True)
    spec = build_chart(name, coffee_with(reports=[latest]), locale)
    _, fig = _check_same(spec, locale)
    assert figure_numbers(fig, spec) == spec_numbers(spec)


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_zero_counts(locale):
    zero = {
        "period": "2026-Q3",
        "requests": [{"kind": "access", "received": 0, "completed": 0}],
        "opt_outs": 0,
        "incidents": 0,
    }
    notice = coffee_with(reports=[zero])
    for name in ("requests", "requests-by-period", "opt-outs", "incidents"):
        spec = build_chart(name, notice, locale)
        _, fig = _check_same(spec, locale)
        assert all(v == 0 for row in figure_numbers(fig, spec) for v in row)
        labels = [t for trace in fig.data for t in trace.text]
        assert labels and all(label.strip("\u2067\u2069") == "0" for label in labels)


def test_missing_translations_fall_back_in_both():
    data = coffee().model_dump(mode="json", exclude_none=True)
    for category in data["data_categories"]:
        category["label"] = {"en": category["label"]["en"]}  # no Arabic
    from notice_builder.io import validate_notice

    notice = validate_notice(data)
    for name in ("sources", "sensitivity", "matrix", "flow"):
        spec = build_chart(name, notice, "ar")
        _, fig = _check_same(spec, "ar")
        english = [c.label.root["en"] for c in notice.data_categories]
        assert any(name in t for name in english for t in figure_texts(fig))


@pytest.mark.parametrize("name", ["matrix", "flow", "sources", "sensitivity", "retention"])
@pytest.mark.parametrize("locale", ["en", "ar"])
def test_two_hundred_categories(name, locale):
    spec = build_chart(name, big_notice(), locale)
    drawn, fig = _both(spec, locale)
    assert drawn.overflow == ()
    assert figure_numbers(fig, spec) == spec_numbers(spec)
    if name == "flow":  # folded into "N more" nodes, in both
        labels = figure_texts(fig)
        assert len(fig.data[0].node.label) <= 60
        assert any(n.folded and n.label in labels for col in spec.columns for n in col)
    if name == "matrix":  # every row on a plot tall enough to keep names apart
        assert len(fig.data[0].y) == 200
        assert fig.layout.height >= 200 * 20


def test_the_figure_says_what_it_shows():
    spec = build_chart("requests", coffee(), "en")
    fig = to_plotly(spec, THEME, "en")
    assert fig.layout.meta["description"] == spec.description


def test_a_series_without_data_for_a_category():
    spec = BarChartSpec(
        "Requests",
        "Two kinds.",
        ("Access", "Deletion"),
        (Series("Received", (3.0, None), ("3", "")), Series("Completed", (2.0, 1.0), ("2", "1"))),
        "Requests",
    )
    _, fig = _check_same(spec, "en")
    assert list(fig.data[0].text) == ["3", "–"]
    assert list(fig.data[0].y) == [3.0, None]


@pytest.mark.parametrize("theme", ["light", "print"])
@pytest.mark.parametrize("locale", ["en", "ar"])
def test_every_figure_is_valid_plotly(theme, locale):
    # Figures are built without plotly's validation (for speed): validate them here instead.
    notices = [coffee(), coffee_with(reports=[]), big_notice()]
    for notice in notices:
        for name in chart_names():
            fig = to_plotly(build_chart(name, notice, locale), get_theme(theme), locale)
            go.Figure(fig.to_dict())  # raises on an unknown property or a bad value
    go.layout.Template(plotly_template(get_theme(theme)))


@pytest.mark.parametrize("name", ["requests", "requests-by-period", "incidents", "response-time"])
def test_value_axes_have_the_native_ticks(name):
    spec = build_chart(name, coffee(), "en")
    drawn, fig = _both(spec, "en")
    horizontal = fig.data[0].orientation == "h"
    axis = fig.layout.xaxis if horizontal else fig.layout.yaxis
    assert axis.ticktext and set(axis.ticktext) <= set(native_texts(drawn))
    # Whole counts get whole ticks (no "0.2 incidents").
    assert all("." not in t for t in axis.ticktext)


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_two_hundred_bars_become_rows_in_both(locale):
    names = tuple(f"Kind {i}" for i in range(200))
    values = tuple(float(i % 17) for i in range(200))
    spec = BarChartSpec(
        "Many kinds",
        "Two hundred bars.",
        names,
        (Series("Count", values, tuple(f"{v:g}" for v in values)),),
        "Kinds of data",
    )
    drawn, fig = _check_same(spec, locale)
    assert drawn.overflow == ()
    (bar,) = fig.data
    assert bar.orientation == "h" and len(bar.y) == 200
    # Each row keeps at least a label's height: the page scrolls instead of squeezing.
    assert fig.layout.height >= 200 * 20
    assert figure_numbers(fig, spec) == spec_numbers(spec)


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_a_single_figure_as_an_indicator(locale):
    from notice_builder.charts import Stat, StatSpec

    spec = StatSpec("Time to read", "About 31 minutes.", Stat(1604.0, "1,604 opt-outs", "Q3 2026"))
    _, fig = _check_same(spec, locale)
    (indicator,) = fig.data
    assert indicator.type == "indicator" and indicator.value == 1604.0
    assert (indicator.number.prefix or "", indicator.number.suffix) == ("", " opt-outs")
    empty = StatSpec("Time to read", "Unknown.", Stat(None, "", ""), empty_message="Not given")
    _check_same(empty, locale)


# Room for the words, whatever the page's direction ------------------------------------------
# plotly measures text in a hidden element that takes the page's direction: on a right-to-left
# page (the Arabic interface) it reserved no room for the labels beside the plot, put axis
# titles on the labels and shifted start-aligned notes by their own width. The figures must not
# depend on that measuring.


def _px(text: str, theme) -> float:
    """Width of the widest line of one plotly label (markup as plotly writes it)."""
    lines = [plain(line) for line in text.split("<br>")]
    return max(
        measure_text(line, size=theme.typography.caption, stack=theme.font_stack())
        for line in lines
    )


def _beside(fig) -> list[str]:
    """The labels beside the plot: category names on the y axis, or an upright value axis's
    tick labels."""
    trace = fig.data[0]
    if trace.type == "heatmap" or (trace.type == "bar" and trace.orientation == "h"):
        return [t for t in trace.y]
    if trace.type == "bar":
        return list(fig.layout.yaxis.ticktext)
    return []


@pytest.mark.parametrize("locale", ["en", "ar"])
@pytest.mark.parametrize("name", chart_names())
def test_the_margin_beside_the_plot_holds_its_labels(name, locale):
    theme = get_theme("light")
    fig = to_plotly(build_chart(name, coffee(), locale), theme, locale)
    labels = _beside(fig)
    rtl = locale == "ar"
    side, other = ("r", "l") if rtl else ("l", "r")
    margin = fig.layout.margin
    if not labels:  # no axis beside the plot: both sides alike
        assert margin.l == margin.r == 16
        return
    assert fig.layout.yaxis.side == ("right" if rtl else "left")
    widest = max(_px(t, theme) for t in labels)
    # On the labels' side, room for the widest label and a gap, not left to plotly's automargin.
    assert margin[side] >= 16 + widest + 8, (side, margin[side], widest)
    assert margin[other] < margin[side]
    # An upright value axis's title sits past its labels, written upwards, and in the margin.
    if fig.data[0].type == "bar" and fig.data[0].orientation != "h":
        assert not fig.layout.yaxis.title.text
        (title,) = [a for a in fig.layout.annotations if a.textangle == -90]
        assert plain(title.text) == build_chart(name, coffee(), locale).unit
        assert title.x == (1.0 if rtl else 0.0) and (title.xshift > 0) == rtl
        assert abs(title.xshift) >= widest + 8
        assert abs(title.xshift) + theme.typography.caption / 2 <= margin[side] - 16 + 1


@pytest.mark.parametrize("locale", ["en", "ar"])
@pytest.mark.parametrize("name", chart_names())
def test_no_annotation_depends_on_plotly_measuring_its_text(name, locale):
    fig = to_plotly(build_chart(name, coffee(), locale), get_theme("light"), locale)
    for a in fig.layout.annotations:
        # One line, anchored at its middle: its measured box is the same in either direction.
        assert "<br>" not in a.text and a.align in (None, "center"), a.text
        assert a.font.family.startswith('"Noto Sans"'), a.text


@pytest.mark.parametrize("locale", ["en", "ar"])
@pytest.mark.parametrize("name", chart_names())
def test_notes_start_at_the_start_edge_and_fit_the_narrowest_box(name, locale):
    theme = get_theme("light")
    spec = build_chart(name, coffee(), locale)
    fig = to_plotly(spec, theme, locale)
    rtl = locale == "ar"
    notes = [a for a in fig.layout.annotations if (a.name or "").startswith("note-")]
    assert len(notes) >= len(spec.callouts)
    margin = fig.layout.margin
    for note in notes:
        assert note.xref == "paper" and note.x == (1.0 if rtl else 0.0)
        assert note.xanchor == ("right" if rtl else "left")
        # Shifted out past the labels beside the plot, to 16 px from the figure's side.
        assert abs(note.xshift) == pytest.approx((margin.r if rtl else margin.l) - 16, abs=1)
        assert (note.xshift > 0) == rtl or note.xshift == 0
        # Hung from the plot's foot in px: where a page stretches the figure, the notes move
        # with the foot instead of a fraction of the plot's height past it.
        assert note.yref == "paper" and note.y == 0 and note.yshift < 0
        text = plain(note.text)
        width = measure_text(text, size=note.font.size, stack=theme.font_stack())
        assert width <= NARROWEST - 32 + 1, text


def test_font_family_is_valid_css():
    # A bare family name with a number ("Noto Sans Symbols 2") voids the whole list, and the
    # browser draws every label in plotly's default font instead of the theme's.
    family = plotly_template(get_theme("light")).layout.font.family
    for item in (f.strip() for f in family.split(",")):
        assert item == "sans-serif" or (item.startswith('"') and item.endswith('"')), item


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_matrix_column_names_stand_upright_within_their_columns(locale):
    # Wrapped by measure, not by a count of letters: Arabic names ran into their neighbours.
    theme = get_theme("light")
    fig = to_plotly(build_chart("matrix", coffee(), locale), theme, locale)
    heat = fig.data[0]
    assert fig.layout.xaxis.tickangle == 0 and fig.layout.xaxis.side == "top"
    margin = fig.layout.margin
    column = (NARROWEST - margin.l - margin.r) / len(heat.x) + 2  # in the narrowest box
    lines = [line for name in heat.x for line in name.split("<br>")]
    assert max(_px(line, theme) for line in lines) <= column
    tallest = max(name.count("<br>") + 1 for name in heat.x)
    assert margin.t >= 64 + tallest * theme.typography.caption * 1.3
