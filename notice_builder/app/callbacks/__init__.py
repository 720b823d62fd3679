"""Wiring: each callback reads the inputs, calls one plain function, and returns what it gives.

The logic lives in `editor.py` and `preview.py` (tested without a browser); the page pieces in
`..views`.
"""

from __future__ import annotations

from typing import Any

import dash
import dash_mantine_components as dmc
from dash import ALL, Input, Output, State, ctx, no_update

from ...resources import SAMPLE_NAME
from ...store import Store
from .. import ids, views
from ..layout import locale_options
from . import editor, preview

HIDDEN = {"display": "none"}
SHOWN = {"display": "inline-block"}


def _clicked() -> Any:
    """The id of the button that fired this callback, or None when it fired without a click
    (a button appearing in a re-drawn list fires its pattern callbacks with n_clicks=None)."""
    trigger = ctx.triggered[0] if ctx.triggered else None
    if not trigger or not trigger.get("value"):
        return None
    return ctx.triggered_id


def register(app: dash.Dash, store: Store) -> None:
    @app.callback(
        Output(ids.PROBLEMS, "children"),
        Output(ids.FINDINGS, "children"),
        Output(ids.LOCALE, "data"),
        Output(ids.LOCALE, "value"),
        Input(ids.EDITOR, "value"),
        State(ids.LOCALE, "value"),
        prevent_initial_call=True,
    )
    def check(text: str | None, locale: str | None) -> tuple:
        checked = editor.check_text(text)
        if checked.notice is None:
            return (
                views.problem_list(checked.problems),
                views.finding_list([], False),
                no_update,
                no_update,
            )
        locales = checked.locales
        chosen = locale if locale in locales else checked.notice.default_locale
        return (
            views.problem_list([]),
            views.finding_list(checked.findings),
            locale_options(locales),
            chosen,
        )

    @app.callback(
        Output(ids.PREVIEW_IMAGE, "src"),
        Output(ids.PREVIEW_IMAGE, "alt"),
        Output(ids.PREVIEW_BOX, "dir"),
        Output(ids.PREVIEW_STATUS, "children"),
        Input(ids.EDITOR, "value"),
        Input(ids.LAYOUT, "value"),
        Input(ids.THEME, "value"),
        Input(ids.LOCALE, "value"),
    )
    def show_preview(text, layout, theme, locale) -> tuple:
        shown = preview.preview(text, layout, theme, locale)
        notes = [shown.message, *shown.warnings]
        status = [dmc.Text(n, size="sm", c="orange") for n in notes if n] or None
        if shown.src is None:
            return no_update, no_update, shown.direction, status
        return shown.src, shown.alt, shown.direction, status

    save_outputs = (
        Output(ids.CURRENT, "data", allow_duplicate=True),
        Output(ids.SAVE_STATUS, "children", allow_duplicate=True),
        Output(ids.SAVE_AS_COPY, "style", allow_duplicate=True),
        Output(ids.REFRESH, "data", allow_duplicate=True),
    )

    def _after_save(result: editor.Saved, refresh: int | None) -> tuple:
        message = views.status(result.kind, result.message)
        if result.problems:
            message = [message, views.problem_list(result.problems)]
        copy_style = SHOWN if result.kind == "conflict" else HIDDEN
        if not result.ok:
            return no_update, message, copy_style, no_update
        return result.current, message, copy_style, (refresh or 0) + 1

    @app.callback(
        *save_outputs,
        Input(ids.SAVE, "n_clicks"),
        State(ids.EDITOR, "value"),
        State(ids.CURRENT, "data"),
        State(ids.SAVE_MESSAGE, "value"),
        State(ids.REFRESH, "data"),
        prevent_initial_call=True,
    )
    def save(_clicks, text, current, message, refresh) -> tuple:
        return _after_save(editor.save(store, current, text, message), refresh)

    @app.callback(
        *save_outputs,
        Input(ids.SAVE_AS_COPY, "n_clicks"),
        State(ids.EDITOR, "value"),
        State(ids.CURRENT, "data"),
        State(ids.SAVE_MESSAGE, "value"),
        State(ids.REFRESH, "data"),
        prevent_initial_call=True,
    )
    def save_copy(_clicks, text, current, message, refresh) -> tuple:
        return _after_save(editor.save_as_copy(store, current, text, message), refresh)

    @app.callback(
        Output(ids.EDITOR, "value"),
        *save_outputs,
        Input({"type": ids.OPEN_NOTICE, "id": ALL}, "n_clicks"),
        Input({"type": ids.RESTORE, "version": ALL}, "n_clicks"),
        Input(ids.NEW_SAMPLE, "n_clicks"),
        Input(ids.NEW_BLANK, "n_clicks"),
        State(ids.CURRENT, "data"),
        State(ids.REFRESH, "data"),
        prevent_initial_call=True,
    )
    def switch(_open, _restore, _sample, _blank, current, refresh) -> tuple:
        clicked = _clicked()
        if clicked is None:
            return (no_update,) * 5
        if clicked == ids.NEW_SAMPLE:
            result = editor.create(store, SAMPLE_NAME)
        elif clicked == ids.NEW_BLANK:
            result = editor.create(store, None)
        elif clicked["type"] == ids.RESTORE:
            result = editor.restore(store, current, clicked["version"])
        else:
            result = editor.open_notice(store, clicked["id"])
        text = result.text if result.text is not None else no_update
        return (text, *_after_save(result, refresh))

    @app.callback(
        Output(ids.NOTICE_LIST, "children"),
        Output(ids.HISTORY, "children"),
        Output(ids.EDITOR_HEADING, "children"),
        Input(ids.REFRESH, "data"),
        Input(ids.CURRENT, "data"),
        prevent_initial_call=True,
    )
    def refresh_lists(_refresh, current) -> tuple:
        current = current or {}
        notices = store.list()
        table = views.notice_table(notices, current.get("id"))
        if not current.get("id"):
            return table, None, "No notice open"
        draft = store.get(current["id"], current["version"])
        return (
            table,
            views.history_list(store.versions(current["id"]), draft.info.head_version),
            f"Editing: {draft.info.title} (v{draft.version})",
        )

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Output(ids.EXPORT_STATUS, "children"),
        Input(ids.DOWNLOAD_BUTTON, "n_clicks"),
        State(ids.EDITOR, "value"),
        State(ids.LAYOUT, "value"),
        State(ids.THEME, "value"),
        State(ids.LOCALE, "value"),
        State(ids.PRESET, "value"),
        State(ids.FORMAT, "value"),
        prevent_initial_call=True,
    )
    def download(_clicks, text, layout, theme, locale, preset, fmt) -> tuple:
        result = preview.download(text, layout, theme, locale, preset, fmt)
        kind = "saved" if result.file else "error"
        return result.file or no_update, views.status(kind, result.message)
