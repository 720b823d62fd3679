"""The preview page's chart part: one chart of the editor's notice as an interactive plotly
figure, and that chart alone as a file (plain functions, then their thin wiring).

The chart follows what the preview shows: the editor's text, its theme (with the brand kit's
colours) and its language. Figures are kept in a small per-process cache keyed by the picture's
digest and the chart, so choosing another layout or closing and opening the part builds nothing
again. The chart callback runs only while the part is open, and only after the preview has been
answered (it listens to the preview's status), so it never competes with a keystroke's preview.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ...charts import build_chart, chart_names
from ...charts.plotly_figures import to_plotly
from ...export import ExportError, export_chart, resolve_chart
from ...io import NoticeError, loads_notice
from ...layout import RenderError
from ...render.theme import get_theme
from ..gallery import picture_key
from ..language import tr
from ..names import chart_label
from . import brand as brand_kit
from .downloads import Download, downloaded, said
from .preview import DEFAULT_THEME, direction_of

DEFAULT_CHART = "flow"
# The picker's order, as a reader meets them: the notice's own charts first, then the privacy
# report's (names in the catalogues, app-names.yaml). A chart registered later comes last.
CHART_ORDER = (
    "flow",
    "matrix",
    "sources",
    "sensitivity",
    "retention",
    "reading-time",
    "requests",
    "requests-by-period",
    "response-time",
    "response-change",
    "opt-outs",
    "incidents",
)
# A few charts x themes x languages x recent edits; a figure is a few kB to a few hundred.
CACHE_SIZE = 32


def chart_options() -> list[dict[str, str]]:
    """Every registered chart as a picker choice: {"value": name, "label": readable name}."""
    names = chart_names()
    ordered = [n for n in CHART_ORDER if n in names] + [n for n in names if n not in CHART_ORDER]
    return [{"value": name, "label": chart_label(name)} for name in ordered]


@dataclass
class ChartView:
    """What the chart part shows: a figure (None: keep the last one) and its words."""

    figure: Any = None  # a plotly Figure
    title: str = ""
    description: str = ""  # the spec's accessible description
    direction: str = "ltr"
    message: str = ""  # why the figure is missing or stale


_cache: OrderedDict[tuple[str, str], ChartView] = OrderedDict()
_lock = threading.Lock()


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def chart_view(
    text: str | None,
    chart: str | None,
    theme: str | None,
    locale: str | None,
    brand: Mapping[str, Any] | None = None,
) -> ChartView:
    """Chart `chart` of the editor's notice as a plotly figure in the preview's theme (brand
    colours applied) and language; an invalid text or unknown chart gives no figure and why."""
    text = text or ""
    theme = theme or DEFAULT_THEME
    try:
        name = resolve_chart(chart or DEFAULT_CHART)
    except KeyError as exc:
        return ChartView(message=tr("charts.unknown", error=said(exc)))
    key = (picture_key(text, theme, locale or "", brand), name)
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
            return cached
    try:
        notice = loads_notice(text, source="editor")
    except NoticeError as exc:
        return ChartView(
            direction=direction_of(locale),
            message=tr("charts.problems", len(exc.problems)),
        )
    if locale not in notice.all_locales:
        locale = notice.default_locale
    try:
        drawn_theme, _logo = brand_kit.branded(theme, brand)  # charts carry no logo
        if isinstance(drawn_theme, str):  # no brand: the theme by name
            drawn_theme = get_theme(drawn_theme)
        spec = build_chart(name, notice, locale)
        figure = to_plotly(spec, drawn_theme, locale)
    except (KeyError, ValueError, TypeError) as exc:
        return ChartView(
            direction=direction_of(locale), message=tr("charts.failed", error=said(exc))
        )
    view = ChartView(figure, spec.title, spec.description, direction_of(locale))
    with _lock:
        _cache[key] = view
        _cache.move_to_end(key)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return view


def chart_download(
    text: str | None,
    chart: str | None,
    theme: str | None,
    locale: str | None,
    fmt: str | None,
    preset: str | None,
    brand: Mapping[str, Any] | None = None,
) -> Download:
    """Chart `chart` alone as `fmt` (svg, png, pdf) for `preset`, through the export pipeline
    (`<notice>-<chart>-<locale>.<suffix>`); nothing when the text or a choice is wrong."""
    try:
        notice = loads_notice(text or "", source="editor")
    except NoticeError:
        return Download(None, tr("charts.fix_first"))
    if locale not in notice.all_locales:
        locale = notice.default_locale
    try:
        name = resolve_chart(chart or DEFAULT_CHART)
        drawn_theme, _logo = brand_kit.branded(theme or DEFAULT_THEME, brand)
        exported = export_chart(
            notice, name, drawn_theme, locale, fmt or "png", preset or "original"
        )
    except (ExportError, RenderError, KeyError, ValueError) as exc:
        return Download(None, tr("charts.export_failed", error=said(exc)))
    filename = f"{notice.id}-{name}-{locale}{exported.suffix}"
    return downloaded(exported.data, filename, exported.media_type, exported.warnings)


# --- wiring --------------------------------------------------------------------------------


def register_charts(app: Any, store: Any) -> None:
    """Add the chart part's callbacks (the store is not needed: the chart is of the editor's
    text, saved or not; the argument keeps every section's registration alike)."""
    import dash_mantine_components as dmc
    from dash import Input, Output, State, no_update
    from dash.exceptions import PreventUpdate

    from .. import ids, views

    @app.callback(
        Output(ids.CHART_GRAPH, "figure"),
        Output(ids.CHART_GRAPH, "style"),
        Output(ids.CHART_TEXT, "children"),
        Output(ids.CHART_BOX, "dir"),
        Output(ids.CHART_STATUS, "children"),
        Input(ids.CHARTS, "value"),
        Input(ids.CHART_PICK, "value"),
        # Once the preview of an edit, a theme, language or brand change is on screen.
        Input(ids.PREVIEW_SETTLED, "data"),
        State(ids.EDITOR, "value"),
        State(ids.THEME, "value"),
        State(ids.LOCALE, "value"),
        State(ids.BRAND, "data"),
        prevent_initial_call=True,
    )
    def show_chart(opened, chart, _status, text, theme, locale, brand) -> tuple:
        if opened != "charts":  # closed: build nothing, send nothing
            raise PreventUpdate
        view = chart_view(text, chart, theme, locale, brand)
        status = dmc.Text(view.message, size="sm", c="orange") if view.message else None
        if view.figure is None:  # keep the last good chart, and say why
            return no_update, no_update, no_update, view.direction, status
        # As tall as the figure's data needs (plotly's responsive mode would squeeze it into
        # the graph's default 450 px); as wide as the column.
        style = {"display": "block", "height": f"{view.figure.layout.height or 450}px"}
        return view.figure, style, view.description, view.direction, status

    @app.callback(
        Output(ids.CHART_DOWNLOAD, "data"),
        Output(ids.CHART_EXPORT_STATUS, "children"),
        Input(ids.CHART_DOWNLOAD_BUTTON, "n_clicks"),
        State(ids.EDITOR, "value"),
        State(ids.CHART_PICK, "value"),
        State(ids.THEME, "value"),
        State(ids.LOCALE, "value"),
        State(ids.CHART_FORMAT, "value"),
        State(ids.CHART_PRESET, "value"),
        State(ids.BRAND, "data"),
        prevent_initial_call=True,
    )
    def download_chart(clicks, text, chart, theme, locale, fmt, preset, brand) -> tuple:
        if not clicks:
            return no_update, no_update
        result = chart_download(text, chart, theme, locale, fmt, preset, brand)
        kind = "saved" if result.file else "error"
        return result.file or no_update, views.status(kind, result.message)


__all__ = [
    "CHART_ORDER",
    "DEFAULT_CHART",
    "ChartView",
    "chart_download",
    "chart_label",
    "chart_options",
    "chart_view",
    "clear_cache",
    "register_charts",
]
