"""The Report page: the open notice's period figures in an editable table (typed in or imported
from CSV), their interactive charts with a period filter and comparisons, exports, and save."""

from __future__ import annotations

from typing import Any

import dash
import dash_ag_grid as dag
import dash_mantine_components as dmc
from dash import Input, Output, State, ctx, dcc, html, no_update

from ..io.report_csv import HEADER, header_text
from ..store import Store
from . import ids, views
from .callbacks import report as logic
from .callbacks.preview import DEFAULT_THEME
from .callbacks.report import CSV_LIMIT, CSV_LIMIT_TEXT, REPORT_CHARTS, REPORT_LAYOUT, load
from .export_panel import download_row
from .language import REPORT_CARRY_KEY, direction, tr
from .names import language_options, theme_options
from .upload_guard import upload_guard

# Column titles and export names as people read them come from the app catalogues
# ("report.column.<csv header name>", "report.export.<chart or layout>"); the ids stay the CSV's
# header names and the registries' names.
CHART_TITLES = ("requests", "response-time", REPORT_LAYOUT)
GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    # The download button of the export panel makes the real files; plotly's own PNG is a
    # screenshot without the theme's fonts, so it is left out.
    "modeBarButtonsToRemove": ["toImage", "select2d", "lasso2d"],
}


def export_choices() -> list[dict[str, str]]:
    titles = {n: tr(f"report.export.{n}") for n in CHART_TITLES}
    return [{"value": n, "label": titles.get(n, n)} for n in logic.exportable()]


def figures_table(rows: list[dict[str, str]]) -> Any:
    """The figures as an editable grid; every cell is text, read strictly by the CSV rules."""
    columns = [
        {
            "field": name,
            "headerName": tr(f"report.column.{name}"),
            "headerTooltip": tr("report.csv_column", name=name),
            "minWidth": 130 if name in ("period", "request_kind") else 96,
        }
        for name in HEADER
    ]
    return dag.AgGrid(
        id=ids.REPORT_TABLE,
        columnDefs=columns,
        rowData=rows,
        defaultColDef={"editable": True, "sortable": False, "resizable": True, "flex": 1},
        dashGridOptions={
            "rowSelection": {"mode": "multiRow", "enableClickSelection": False},
            "singleClickEdit": True,
            "stopEditingWhenCellsLoseFocus": True,
            "undoRedoCellEditing": True,
            "domLayout": "normal",
            "enableRtl": direction() == "rtl",  # columns from the right in the Arabic interface
            # The grid's own words (an empty table, loading) in the interface language.
            "localeText": {
                "noRowsToShow": tr("report.grid.no_rows"),
                "loadingOoo": tr("report.grid.loading"),
            },
        },
        style={"height": "360px", "width": "100%"},
        className="ag-theme-alpine report-grid-table",
    )


def _select(id: str, label: str, data: list, value: str | None, w: int = 180) -> Any:
    return dmc.Select(
        id=id,
        label=label,
        data=data,
        value=value,
        allowDeselect=False,
        w=w,
        checkIconPosition="right",
    )


def report_page(store: Store, current: dict[str, Any] | None) -> Any:
    """The Report page for the open notice (the callbacks keep it in step with the editor)."""
    loaded = load(store, current)
    periods = list(dict.fromkeys(row["period"] for row in loaded.rows))
    figures = html.Section(
        [
            dmc.Title(loaded.heading, order=2, size="h4", id=ids.REPORT_HEADING),
            dmc.Text(
                tr("report.caption"),
                size="sm",
                c="dimmed",
            ),
            dcc.Upload(
                id=ids.REPORT_UPLOAD,
                children=html.Div(
                    [
                        dmc.Text(tr("report.import_prompt"), span=True),
                        html.A(tr("upload.choose"), href="#", className="report-choose"),
                        dmc.Text(tr("upload.limit", limit=CSV_LIMIT_TEXT), span=True),
                    ]
                ),
                accept=".csv,text/csv",
                max_size=CSV_LIMIT,
                multiple=False,
                className="drop-zone report-drop",
            ),
            dmc.Text(
                tr("report.columns", columns=header_text()),
                size="xs",
                c="dimmed",
                className="report-columns",
            ),
            html.Div(
                id=ids.REPORT_IMPORT_STATUS, className="report-status", **{"aria-live": "polite"}
            ),
            dcc.Store(id=ids.REPORT_ROWS, data=loaded.rows),
            dcc.Store(id=ids.REPORT_BASE, data=current),
            dcc.Store(id=ids.REPORT_CARRY, data=None),
            html.Div(figures_table(loaded.rows), className="report-table"),
            html.Div(id=ids.REPORT_PROBLEMS, className="problems", **{"aria-live": "polite"}),
            dmc.Group(
                [
                    dmc.Button(
                        tr("report.add_row"), id=ids.REPORT_ADD_ROW, variant="light", size="xs"
                    ),
                    dmc.Button(
                        tr("report.delete_rows"),
                        id=ids.REPORT_DELETE_ROWS,
                        variant="light",
                        color="gray",
                        size="xs",
                    ),
                    dmc.Button(
                        tr("report.download_csv"),
                        id=ids.REPORT_CSV_BUTTON,
                        variant="light",
                        size="xs",
                    ),
                    dcc.Download(id=ids.REPORT_CSV_DOWNLOAD),
                ],
                gap="xs",
                my="xs",
            ),
            dmc.Group(
                [
                    dmc.TextInput(
                        id=ids.REPORT_SAVE_MESSAGE,
                        label=tr("editor.save_message"),
                        placeholder=tr("report.save_message_placeholder"),
                        inputProps={"dir": "auto"},
                        w=320,
                    ),
                    dmc.Button(tr("report.save"), id=ids.REPORT_SAVE),
                ],
                align="flex-end",
                gap="sm",
                my="sm",
            ),
            html.Div(id=ids.REPORT_SAVE_STATUS, **{"aria-live": "polite"}),
        ],
        className="panel report-figures",
        **{"aria-label": tr("report.figures")},
    )
    charts = html.Section(
        [
            dmc.Title(tr("report.charts"), order=2, size="h4"),
            dmc.Group(
                [
                    dmc.MultiSelect(
                        id=ids.REPORT_PERIODS,
                        label=tr("report.periods"),
                        data=periods,
                        value=periods,
                        clearable=True,
                        w=560,
                        className="report-periods",
                    ),
                    _select(ids.REPORT_THEME, tr("preview.theme"), theme_options(), DEFAULT_THEME),
                    _select(
                        ids.REPORT_LOCALE,
                        tr("preview.language"),
                        language_options(loaded.locales),
                        loaded.locale,
                        w=220,
                    ),
                ],
                gap="sm",
                align="flex-end",
            ),
            html.Div(id=ids.REPORT_CALLOUT, className="report-callout", **{"aria-live": "polite"}),
            html.Div(id=ids.REPORT_CHARTS_STATUS, **{"aria-live": "polite"}),
            html.Div(
                [
                    html.Figure(
                        [
                            dcc.Graph(id=ids.report_graph(name), config=GRAPH_CONFIG),
                            # What the chart shows, in words, for a screen reader.
                            html.Figcaption(
                                id=ids.report_graph_text(name), className="visually-hidden"
                            ),
                        ],
                        className="report-graph",
                    )
                    for name in REPORT_CHARTS
                ],
                id=ids.REPORT_GRAPHS,
                className="report-graphs",
            ),
            dmc.Title(tr("export.heading"), order=3, size="h5", mt="md"),
            *download_row(
                ids.REPORT_EXPORT_FORMAT,
                ids.REPORT_EXPORT_PRESET,
                ids.REPORT_EXPORT_BUTTON,
                tr("export.download"),
                ids.REPORT_EXPORT_STATUS,
                ids.REPORT_DOWNLOAD,
                lead=[
                    _select(
                        ids.REPORT_EXPORT_WHAT,
                        tr("export.heading"),
                        export_choices(),
                        logic.exportable()[0],
                        w=260,
                    )
                ],
            ),
        ],
        className="panel report-charts",
        **{"aria-label": tr("report.charts_label")},
    )
    return html.Div([figures, charts], className="report-grid")


# The open page in the address (/#report), so a link or a reload opens the Report page; the
# editor keeps the bare address it always had.
_PAGE_FROM_ADDRESS = """
function (_id) {
    return window.location.hash === "#report" ? "report" : window.dash_clientside.no_update;
}
"""
_PAGE_TO_ADDRESS = """
function (page) {
    const hash = page === "report" ? "#report" : "";
    if (window.location.hash !== hash) {
        history.replaceState(null, "", window.location.pathname + window.location.search + hash);
    }
    return window.dash_clientside.no_update;
}
"""


# Once the page is drawn: the grid's rows kept by the language switch (language.py) go to the
# server, which puts them back if they are unsaved edits of the notice now open.
_CARRY_BACK = """
function (_id) {
    let carry = null;
    try {
        carry = JSON.parse(window.sessionStorage.getItem("__KEY__") || "null");
        window.sessionStorage.removeItem("__KEY__");
    } catch (e) { carry = null; }
    return carry || window.dash_clientside.no_update;
}
""".replace("__KEY__", REPORT_CARRY_KEY)


def _problems(problems: list[str]) -> Any:
    if not problems:
        return None
    return dmc.Alert(
        dmc.List([dmc.ListItem(p) for p in problems], size="sm"),
        color="red",
        title=tr("report.problems"),
    )


def _callouts(sentences: list[str], direction: str) -> Any:
    if not sentences:
        return None
    return dmc.Alert(
        html.Div(dmc.List([dmc.ListItem(s) for s in sentences], size="sm"), dir=direction),
        color="blue",
        title=tr("report.compared"),
    )


def register(app: dash.Dash, store: Store) -> None:
    """The Report page's callbacks: each reads the page, calls `callbacks.report`, and returns."""
    app.clientside_callback(_PAGE_FROM_ADDRESS, Output(ids.PAGES, "value"), Input(ids.PAGES, "id"))
    app.clientside_callback(
        _PAGE_TO_ADDRESS, Output(ids.PAGES, "className"), Input(ids.PAGES, "value")
    )

    # The grid shows the rows; REPORT_ROWS holds them for the callbacks (a grid's own rowData
    # changes on edits without telling Dash): every change to the rows sets both.
    @app.callback(
        Output(ids.REPORT_TABLE, "rowData"),
        Output(ids.REPORT_ROWS, "data"),
        Output(ids.REPORT_HEADING, "children"),
        Output(ids.REPORT_LOCALE, "data"),
        Output(ids.REPORT_LOCALE, "value"),
        Output(ids.REPORT_SAVE_STATUS, "children", allow_duplicate=True),
        Output(ids.REPORT_BASE, "data"),
        Input(ids.CURRENT, "data"),
        Input(ids.REFRESH, "data"),
        State(ids.REPORT_LOCALE, "value"),
        State(ids.REPORT_BASE, "data"),
        State(ids.REPORT_ROWS, "data"),
        prevent_initial_call=True,
    )
    def load_figures(current, _refresh, locale, base, rows) -> tuple:
        loaded = logic.follow(store, base, current, rows)
        if loaded is None:  # the same version (a list refresh, an archive): keep the grid
            return (no_update,) * 7
        chosen = locale if locale in loaded.locales else loaded.locale
        kind = "conflict" if loaded.kept else "error"
        if loaded.message:
            status = views.status(kind, loaded.message)
        elif (base or {}).get("id") != (current or {}).get("id"):
            status = None  # another notice: what was said about the last one no longer holds
        else:
            status = no_update  # e.g. "Saved the figures as version 2" stays
        locales = language_options(loaded.locales)
        return loaded.rows, loaded.rows, loaded.heading, locales, chosen, status, current

    app.clientside_callback(
        _CARRY_BACK, Output(ids.REPORT_CARRY, "data"), Input(ids.REPORT_CARRY, "id")
    )

    @app.callback(
        Output(ids.REPORT_TABLE, "rowData", allow_duplicate=True),
        Output(ids.REPORT_ROWS, "data", allow_duplicate=True),
        Output(ids.REPORT_SAVE_STATUS, "children", allow_duplicate=True),
        Input(ids.REPORT_CARRY, "data"),
        State(ids.CURRENT, "data"),
        prevent_initial_call=True,
    )
    def carried_back(carry, current) -> tuple:
        loaded = logic.carried(store, carry, current)
        if loaded is None:
            return no_update, no_update, no_update
        return loaded.rows, loaded.rows, views.status("conflict", loaded.message)

    @app.callback(
        Output(ids.REPORT_PERIODS, "data"),
        Output(ids.REPORT_PERIODS, "value"),
        Output(ids.REPORT_PROBLEMS, "children"),
        Input(ids.REPORT_ROWS, "data"),
        State(ids.REPORT_PERIODS, "value"),
        State(ids.REPORT_PERIODS, "data"),
        prevent_initial_call=True,
    )
    def check_table(rows, selected, known) -> tuple:
        table = logic.read_table(rows)
        if table.reports is None:
            return no_update, no_update, _problems(table.problems)
        data, value = logic.period_choice(table.periods, selected, known)
        return data, value, None

    @app.callback(
        *(Output(ids.report_graph(name), "figure") for name in REPORT_CHARTS),
        *(Output(ids.report_graph_text(name), "children") for name in REPORT_CHARTS),
        Output(ids.REPORT_CALLOUT, "children"),
        Output(ids.REPORT_CHARTS_STATUS, "children"),
        Output(ids.REPORT_GRAPHS, "className"),
        Input(ids.REPORT_ROWS, "data"),
        Input(ids.REPORT_PERIODS, "value"),
        Input(ids.REPORT_THEME, "value"),
        Input(ids.REPORT_LOCALE, "value"),
        State(ids.CURRENT, "data"),
    )
    def show_charts(rows, periods, theme, locale, current) -> tuple:
        shown = logic.charts(store, current, rows, periods, theme, locale)
        status = dmc.Text(shown.message, size="sm", c="dimmed") if shown.message else None
        if shown.problems:  # keep the last good charts while the table is being fixed
            return (*[no_update] * (2 * len(REPORT_CHARTS)), no_update, status, no_update)
        figures = [f if f is not None else {} for f in shown.figures]
        texts = shown.descriptions or [None] * len(REPORT_CHARTS)
        # Right-to-left charts put their title on the right: the modebar moves left (app.css).
        kind = f"report-graphs {shown.direction}"
        return (*figures, *texts, _callouts(shown.callouts, shown.direction), status, kind)

    @app.callback(
        Output(ids.REPORT_ROWS, "data", allow_duplicate=True),
        Input(ids.REPORT_TABLE, "cellValueChanged"),
        State(ids.REPORT_TABLE, "rowData"),
        prevent_initial_call=True,
    )
    def edited(_changed, rows) -> Any:
        return rows

    @app.callback(
        Output(ids.REPORT_TABLE, "rowData", allow_duplicate=True),
        Output(ids.REPORT_ROWS, "data", allow_duplicate=True),
        Output(ids.REPORT_IMPORT_STATUS, "children"),
        Output(ids.REPORT_UPLOAD, "contents"),
        Input(ids.REPORT_UPLOAD, "contents"),
        State(ids.REPORT_UPLOAD, "filename"),
        State(ids.REPORT_ROWS, "data"),
        State(ids.CURRENT, "data"),
        prevent_initial_call=True,
    )
    def import_csv(contents, filename, rows, current) -> tuple:
        if not contents:  # our own reset below
            return no_update, no_update, no_update, no_update
        result = logic.import_csv(contents, filename, rows, logic.kept_reports(store, current))
        if result.rows is None:
            message = views.status("error", result.message)
            if result.problems:
                message = html.Div(
                    [
                        dmc.Text(result.message, fw=600, size="sm"),
                        dmc.List([dmc.ListItem(p) for p in result.problems], size="sm"),
                    ],
                    role="alert",
                    className="report-import-problems",
                )
            # contents=None: the same file can be picked again once fixed
            return no_update, no_update, message, None
        return result.rows, result.rows, views.status("saved", result.message), None

    app.clientside_callback(
        upload_guard(ids.REPORT_IMPORT_STATUS, CSV_LIMIT, CSV_LIMIT_TEXT),
        Output(ids.REPORT_IMPORT_STATUS, "title"),
        Input(ids.REPORT_UPLOAD, "id"),
    )

    @app.callback(
        Output(ids.REPORT_TABLE, "rowData", allow_duplicate=True),
        Output(ids.REPORT_ROWS, "data", allow_duplicate=True),
        Input(ids.REPORT_ADD_ROW, "n_clicks"),
        Input(ids.REPORT_DELETE_ROWS, "n_clicks"),
        State(ids.REPORT_ROWS, "data"),
        State(ids.REPORT_TABLE, "selectedRows"),
        prevent_initial_call=True,
    )
    def add_or_delete(add, delete, rows, selected) -> tuple:
        if ctx.triggered_id == ids.REPORT_ADD_ROW and add:
            rows = [*(rows or []), logic.blank_row(rows)]
        elif ctx.triggered_id == ids.REPORT_DELETE_ROWS and delete:
            rows = logic.without(rows, selected)
        else:
            return no_update, no_update
        return rows, rows

    @app.callback(
        Output(ids.REPORT_CSV_DOWNLOAD, "data"),
        Output(ids.REPORT_IMPORT_STATUS, "children", allow_duplicate=True),
        Input(ids.REPORT_CSV_BUTTON, "n_clicks"),
        State(ids.REPORT_ROWS, "data"),
        State(ids.CURRENT, "data"),
        prevent_initial_call=True,
    )
    def download_csv(_clicks, rows, current) -> tuple:
        result = logic.figures_csv(store, current, rows)
        kind = "saved" if result.file else "error"
        return result.file or no_update, views.status(kind, result.message)

    @app.callback(
        Output(ids.REPORT_DOWNLOAD, "data"),
        Output(ids.REPORT_EXPORT_STATUS, "children"),
        Input(ids.REPORT_EXPORT_BUTTON, "n_clicks"),
        State(ids.CURRENT, "data"),
        State(ids.REPORT_ROWS, "data"),
        State(ids.REPORT_PERIODS, "value"),
        State(ids.REPORT_EXPORT_WHAT, "value"),
        State(ids.REPORT_EXPORT_FORMAT, "value"),
        State(ids.REPORT_EXPORT_PRESET, "value"),
        State(ids.REPORT_THEME, "value"),
        State(ids.REPORT_LOCALE, "value"),
        prevent_initial_call=True,
    )
    def download(_clicks, current, rows, periods, what, fmt, preset, theme, locale) -> tuple:
        result = logic.download(store, current, rows, periods, what, fmt, preset, theme, locale)
        kind = "saved" if result.file else "error"
        return result.file or no_update, views.status(kind, result.message)

    @app.callback(
        Output(ids.CURRENT, "data", allow_duplicate=True),
        Output(ids.REFRESH, "data", allow_duplicate=True),
        Output(ids.EDITOR, "value", allow_duplicate=True),
        Output(ids.REPORT_SAVE_STATUS, "children", allow_duplicate=True),
        Input(ids.REPORT_SAVE, "n_clicks"),
        State(ids.CURRENT, "data"),
        State(ids.EDITOR, "value"),
        State(ids.REPORT_ROWS, "data"),
        State(ids.REPORT_SAVE_MESSAGE, "value"),
        State(ids.REFRESH, "data"),
        prevent_initial_call=True,
    )
    def save(clicks, current, editor_text, rows, message, refresh) -> tuple:
        if not clicks or ctx.triggered_id != ids.REPORT_SAVE:
            return (no_update,) * 4
        result = logic.save_figures(store, current, editor_text, rows, message)
        status = views.status(result.kind, result.message)
        if result.problems:
            status = [status, views.problem_list(result.problems)]
        if not result.ok:
            return no_update, no_update, no_update, status
        return result.current, (refresh or 0) + 1, result.text, status
