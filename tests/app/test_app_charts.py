"""The preview page's chart part and the DPV download, without a browser: every chart's figure
shows its spec's numbers, a bad text keeps the last chart with a reason, the chart downloads are
real files, the DPV file is JSON-LD, and the page and callbacks hold the new parts."""

from __future__ import annotations

import base64
import io
import json

import app_testkit
import pytest
from app_testkit import by_id, sample_text, walk
from PIL import Image

from notice_builder.app import charts_panel, export_panel, ids
from notice_builder.app.callbacks import charts, export
from notice_builder.app.layout import build_layout
from notice_builder.charts import (
    BarChartSpec,
    ComparisonSpec,
    FlowSpec,
    MatrixSpec,
    StatSpec,
    TimelineSpec,
    build_chart,
    chart_names,
)
from notice_builder.io import loads_notice
from tests.english_left import english_left, plain, words

store = app_testkit.store
app = app_testkit.app


def _bytes(file: dict) -> bytes:
    assert file["base64"]
    return base64.b64decode(file["content"])


# --- what the figure plots, read back next to what the spec says ---------------------------


def _spec_numbers(spec) -> list:
    if isinstance(spec, BarChartSpec):
        return [list(s.values) for s in spec.series]
    if isinstance(spec, FlowSpec):
        return sorted(link.value for link in spec.links if link.value)
    if isinstance(spec, TimelineSpec):
        return [item.days for item in spec.items]
    if isinstance(spec, MatrixSpec):
        return len(spec.cells)
    if isinstance(spec, ComparisonSpec):
        return [s.value for s in (spec.before, spec.after) if s.value is not None]
    if isinstance(spec, StatSpec):
        return [spec.stat.value]
    raise TypeError(type(spec).__name__)


def _figure_numbers(fig, spec) -> list:
    if isinstance(spec, BarChartSpec):
        return [list(t.x if t.orientation == "h" else t.y) for t in fig.data if t.type == "bar"]
    if isinstance(spec, FlowSpec):
        (sankey,) = fig.data
        return sorted(v for v in sankey.link.value if v)
    if isinstance(spec, TimelineSpec):
        (bar,) = fig.data
        return [row[0] for row in bar.customdata]
    if isinstance(spec, MatrixSpec):
        (heat,) = fig.data
        return sum(z is not None for row in heat.z for z in row)
    if isinstance(spec, ComparisonSpec):
        (bar,) = fig.data
        return list(bar.x)
    if isinstance(spec, StatSpec):
        (indicator,) = fig.data
        return [indicator.value]
    raise TypeError(type(spec).__name__)


@pytest.mark.parametrize("name", chart_names())
def test_every_chart_figure_plots_its_specs_numbers(store, name):
    charts.clear_cache()
    text = sample_text(store)
    view = charts.chart_view(text, name, "light", "en")
    assert view.figure is not None and not view.message
    spec = build_chart(name, loads_notice(text), "en")
    assert view.description == spec.description and view.title == spec.title
    numbers = _spec_numbers(spec)
    assert numbers  # the sample has something to plot in every chart
    assert _figure_numbers(view.figure, spec) == numbers


def test_the_sample_fills_every_chart(store):
    notice = loads_notice(sample_text(store))
    for name in chart_names():
        spec = build_chart(name, notice, "en")
        assert not getattr(spec, "is_empty", False) and spec.empty_message is None, name


def test_flow_chart_is_a_sankey_in_the_preview_theme_and_language(store):
    charts.clear_cache()
    light = charts.chart_view(sample_text(store), "flow", "light", "en")
    dark = charts.chart_view(sample_text(store), "sankey", "dark", "ar")  # an alias works too
    assert [t.type for t in light.figure.data] == ["sankey"]
    assert light.direction == "ltr" and dark.direction == "rtl"
    assert dark.title == build_chart("flow", loads_notice(sample_text(store)), "ar").title
    backgrounds = {v.figure.layout.template.layout.paper_bgcolor for v in (light, dark)}
    assert len(backgrounds) == 2  # each in its theme's surface


def test_brand_colours_reach_the_figure(store):
    charts.clear_cache()
    plain = charts.chart_view(sample_text(store), "sources", "light", "en")
    branded = charts.chart_view(
        sample_text(store), "sources", "light", "en", {"primary": "#8a1538"}
    )
    assert json.dumps(branded.figure.to_plotly_json(), default=str) != json.dumps(
        plain.figure.to_plotly_json(), default=str
    )
    # A brand colour that is not a colour draws with the theme's own.
    odd = charts.chart_view(
        sample_text(store), "sources", "light", "en", {"primary": "not a colour"}
    )
    assert odd.figure is not None


def test_unknown_language_falls_back_to_the_notices_default(store):
    view = charts.chart_view(sample_text(store), "flow", "light", "fr")
    assert view.figure is not None and view.direction == "ltr"


def test_bad_text_gives_no_figure_and_says_why(store):
    charts.clear_cache()
    bad = sample_text(store).replace("id: brewline-rewards", "id: [brewline", 1)
    view = charts.chart_view(bad, "flow", "light", "en")
    assert view.figure is None
    assert "problem" in view.message and "last valid version" in view.message


def test_unknown_chart_lists_the_known_ones(store):
    view = charts.chart_view(sample_text(store), "pie", "light", "en")
    assert view.figure is None and "unknown chart 'pie'" in view.message
    assert "flow" in view.message and "sankey = flow" in view.message


def test_figures_are_cached_until_the_picture_changes(store, monkeypatch):
    charts.clear_cache()
    built = []
    real = charts.to_plotly
    monkeypatch.setattr(charts, "to_plotly", lambda *a, **k: built.append(a) or real(*a, **k))
    text = sample_text(store)
    first = charts.chart_view(text, "flow", "light", "en")
    assert charts.chart_view(text, "flow", "light", "en") is first and len(built) == 1
    charts.chart_view(text, "matrix", "light", "en")
    charts.chart_view(text, "flow", "dark", "en")
    assert len(built) == 3
    # A bad text is never cached: fixing it shows the chart again.
    assert charts.chart_view("id: [", "flow", "light", "en").figure is None
    assert charts.chart_view(text, "flow", "light", "en") is first


def test_chart_options_name_every_registered_chart_readably():
    options = charts.chart_options()
    assert sorted(o["value"] for o in options) == chart_names()
    assert options[0]["value"] == "flow"
    for option in options:
        assert option["label"] and option["label"] != option["value"]
    assert charts.chart_label("new-chart") == "New chart"  # an extension without a name here


# --- chart downloads ---------------------------------------------------------------------


def test_chart_png_download_is_a_png_of_the_preset(store):
    result = charts.chart_download(sample_text(store), "flow", "light", "en", "png", "social")
    assert result.file is not None, result.message
    assert result.file["filename"] == "brewline-rewards-flow-en.png"
    assert result.file["type"] == "image/png"
    image = Image.open(io.BytesIO(_bytes(result.file)))
    assert image.format == "PNG" and image.size == (1200, 630)  # the social preset's canvas
    assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or []) > 16  # not blank
    assert "Exported brewline-rewards-flow-en.png" in result.message


def test_chart_svg_download_is_svg_in_arabic(store):
    result = charts.chart_download(sample_text(store), "matrix", "dark", "ar", "svg", None)
    assert result.file is not None, result.message
    svg = _bytes(result.file).decode("utf-8")
    assert svg.lstrip().startswith(("<?xml", "<svg")) and "</svg>" in svg
    assert result.file["filename"] == "brewline-rewards-matrix-ar.svg"


def test_chart_pdf_download_with_the_brand(store):
    brand = {"primary": "#8a1538", "accent": "#006d77"}
    result = charts.chart_download(
        sample_text(store), "sources", "light", "en", "pdf", "slide", brand
    )
    assert result.file is not None and _bytes(result.file).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("text_change", "chart", "fmt", "preset", "expected"),
    [
        (("id: brewline-rewards", "id: [brewline"), "flow", "png", None, "Fix the problems"),
        (None, "pie", "png", None, "unknown chart 'pie' (known: flow"),
        (None, "flow", "gif", None, "unknown format 'gif' (known: svg, png, pdf)"),
        (None, "flow", "png", "huge", "unknown preset 'huge' (known: original"),
    ],
)
def test_chart_download_refuses_bad_input_by_name(store, text_change, chart, fmt, preset, expected):
    text = sample_text(store)
    if text_change:
        text = text.replace(*text_change, 1)
    result = charts.chart_download(text, chart, "light", "en", fmt, preset)
    assert result.file is None and expected in result.message


# --- DPV JSON-LD -------------------------------------------------------------------------


def test_dpv_download_is_json_ld_with_its_context(store):
    result = export.make_dpv_file(sample_text(store))
    assert result.kind == "saved" and result.file is not None
    assert result.file["filename"] == "brewline-rewards.jsonld"
    assert result.file["type"] == "application/ld+json"
    document = json.loads(_bytes(result.file))
    assert document["@context"]["dpv"] == "https://w3id.org/dpv#"
    types = [node.get("@type") for node in document["@graph"]]
    flat = {t for ts in types for t in (ts if isinstance(ts, list) else [ts])}
    assert "dpv:PrivacyNotice" in flat and "dpv:PersonalDataHandling" in flat


def test_dpv_download_of_a_bad_text_is_refused(store):
    result = export.make_dpv_file("id: [")
    assert result.kind == "error" and result.file is None and "Fix the problems" in result.message


# --- the page and its callbacks ----------------------------------------------------------


def test_chart_part_is_in_the_preview_closed_with_every_chart(store):
    found = by_id(build_layout(store))
    for name in ("CHARTS", "CHART_PICK", "CHART_GRAPH", "CHART_TEXT", "CHART_DOWNLOAD_BUTTON"):
        assert getattr(ids, name) in found, name
    assert found[ids.CHARTS].value is None  # closed: nothing is built until it is opened
    picker = found[ids.CHART_PICK]
    assert picker.value == "flow" and picker.data == charts.chart_options()
    assert [o["value"] for o in found[ids.CHART_FORMAT].data] == ["svg", "png", "pdf"]
    # The picture's row and the chart's are one piece: the same choices, the same order.
    for chart_id, picture_id in ((ids.CHART_FORMAT, ids.FORMAT), (ids.CHART_PRESET, ids.PRESET)):
        assert found[chart_id].data == found[picture_id].data
        assert found[chart_id].value == found[picture_id].value
    graph = found[ids.CHART_GRAPH]
    assert graph.config == charts_panel.GRAPH_CONFIG and graph.style == {"display": "none"}


def test_dpv_offer_sits_beside_the_snippet():
    result = export_panel.email_result()
    order = [c.id for c in walk(result) if isinstance(getattr(c, "id", None), str)]
    assert order.index(ids.EMAIL_HTML) < order.index(ids.DPV_DOWNLOAD_BUTTON)
    assert order.index(ids.DPV_DOWNLOAD_BUTTON) < order.index(ids.EMAIL_ALT)
    words = " ".join(
        c.children
        for c in walk(export_panel.dpv_offer())
        if isinstance(getattr(c, "children", None), str)
    )
    assert "Machine-readable notice (DPV JSON-LD)" in words and "Art. 12(7)" in words


def _callback(app, output: str) -> dict:
    [found] = [c for c in app._callback_list if output in c["output"]]
    return found


def test_chart_callback_waits_for_the_preview_and_only_runs_open(app):
    chart = _callback(app, f"{ids.CHART_GRAPH}.figure")
    inputs = {(i["id"], i["property"]) for i in chart["inputs"]}
    assert inputs == {
        (ids.CHARTS, "value"),
        (ids.CHART_PICK, "value"),
        (ids.PREVIEW_SETTLED, "data"),
    }
    assert chart["prevent_initial_call"]
    # Nothing of the chart part feeds the keystroke's preview.
    [preview] = [c for c in app._callback_list if f"{ids.PREVIEW_IMAGE}.src" in c["output"]]
    assert not {i["id"] for i in preview["inputs"]} & {ids.CHARTS, ids.CHART_PICK}


def test_chart_callback_builds_nothing_while_closed_and_the_chart_once_open(app, store):
    states = {ids.EDITOR: sample_text(store), ids.THEME: "light", ids.LOCALE: "en", ids.BRAND: {}}
    closed = {ids.CHARTS: None, ids.CHART_PICK: "flow"}
    assert (
        app_testkit.post(app, app_testkit.request(app, ids.CHART_GRAPH, closed, states)).status_code
        == 204
    )
    opened = {ids.CHARTS: "charts", ids.CHART_PICK: "flow"}
    reply = app_testkit.post(app, app_testkit.request(app, ids.CHART_GRAPH, opened, states))
    answer = json.loads(reply.data)["response"]
    assert answer[ids.CHART_GRAPH]["figure"]["data"][0]["type"] == "sankey"
    assert answer[ids.CHART_GRAPH]["style"]["display"] == "block"
    assert answer[ids.CHART_GRAPH]["style"]["height"].endswith("px")
    assert answer[ids.CHART_TEXT]["children"].startswith("Flow diagram")
    # A bad text: the figure is left as it is, the status says why.
    states[ids.EDITOR] = "id: ["
    answer = json.loads(
        app_testkit.post(app, app_testkit.request(app, ids.CHART_GRAPH, opened, states)).data
    )
    assert ids.CHART_GRAPH not in answer["response"]
    assert "last valid version" in json.dumps(answer["response"][ids.CHART_STATUS])


def test_dpv_button_downloads_the_file(app, store):
    body = app_testkit.request(
        app, ids.DPV_DOWNLOAD, {ids.DPV_DOWNLOAD_BUTTON: 1}, {ids.EDITOR: sample_text(store)}
    )
    answer = json.loads(app_testkit.post(app, body).data)["response"]
    file = answer[ids.DPV_DOWNLOAD]["data"]
    assert file["filename"] == "brewline-rewards.jsonld"
    assert "@context" in json.loads(base64.b64decode(file["content"]))


# --- in Arabic ------------------------------------------------------------------------------


def test_chart_part_speaks_arabic(store):
    from notice_builder.app import language

    text = store.get(store.list()[0].id).text
    with language.using("ar"):
        options = charts.chart_options()
        part = charts_panel.charts_section()
        stale = charts.chart_view("id: [", "flow", "light", "en")
        refused = charts.chart_download("id: [", "flow", "light", "en", "png", "original")
        wrong = charts.chart_download(text, "flow", "light", "en", "gif", "original")
        done = charts.chart_download(text, "flow", "light", "en", "png", "original")
    labels = {o["value"]: o["label"] for o in options}
    assert (
        labels["flow"] == "تدفّق البيانات (مخطّط سانكي)" and labels["incidents"] == "الحوادث الأمنية"
    )
    said = [*labels.values(), stale.message, refused.message, wrong.message, done.message]
    assert stale.message == "في النص مشكلة واحدة: يعرض الرسم البياني آخر إصدار سليم."
    assert plain(wrong.message) == (
        "تعذّر تصدير الرسم البياني: صيغة غير معروفة: gif (المتاح: svg، png، pdf)"
    )
    assert done.file and done.message.startswith("صُدِّر")
    # The export sizes name the "US Letter" paper size.
    assert english_left("\n".join([*said, words(part)]), {"Letter"}, sentences=False) == []
    # English stays as it was.
    assert charts.chart_label("flow") == "Data flow (Sankey)"
    assert charts.chart_view("id: [", "flow", "light", "en").message == (
        "The text has 1 problem: the chart shows the last valid version."
    )
