"""Wiring for store labels and other formats (logic in `store_formats`, pieces in
`..store_formats_layout`).

A dropped file goes to the notice import in `__init__` unless `store_formats.label_format`
recognises a store label; then it comes here, is checked, and waits in the browser (LABEL_FILE)
until the person picks "Apply to the open notice" or "New notice".
"""

from __future__ import annotations

import dash
from dash import Input, Output, State, ctx, no_update

from ...formats import get
from ...store import Store
from .. import ids, views
from ..language import tr
from ..store_formats_layout import HIDDEN, SHOWN, label_problems, loss_list
from . import opened, store_formats


def register_store_formats(app: dash.Dash, store: Store) -> None:
    @app.callback(
        Output(ids.IMPORT_STATUS, "children", allow_duplicate=True),
        Output(ids.IMPORT, "contents", allow_duplicate=True),
        Output(ids.LABEL_FILE, "data"),
        Output(ids.LABEL_CHOICE, "style"),
        Output(ids.LABEL_QUESTION, "children"),
        Output(ids.LABEL_LOSSES, "children"),
        Input(ids.IMPORT, "contents"),
        State(ids.IMPORT, "filename"),
        prevent_initial_call=True,
    )
    def label_dropped(contents, filename) -> tuple:
        name = store_formats.label_format(contents, filename) if contents else None
        if name is None:  # a notice file (the import in __init__), or our own reset
            return (no_update,) * 6
        checked = store_formats.inspect_label(contents, filename, name)
        # contents=None: the same file can be dropped again; a valid one waits in LABEL_FILE
        if not checked.ok:
            status = [views.status(checked.kind, checked.message)]
            if checked.problems:
                status.append(label_problems(checked.problems, get(name).suffix == ".csv"))
            return status, None, None, HIDDEN, None, None
        return None, None, checked.pending, SHOWN, checked.message, None

    @app.callback(
        *opened.OUTPUTS,
        Output(ids.IMPORT_STATUS, "children", allow_duplicate=True),
        Output(ids.LABEL_FILE, "data", allow_duplicate=True),
        Output(ids.LABEL_CHOICE, "style", allow_duplicate=True),
        Output(ids.LABEL_LOSSES, "children", allow_duplicate=True),
        Input(ids.LABEL_APPLY, "n_clicks"),
        Input(ids.LABEL_NEW, "n_clicks"),
        Input(ids.LABEL_CANCEL, "n_clicks"),
        State(ids.LABEL_FILE, "data"),
        State(ids.CURRENT, "data"),
        State(ids.EDITOR, "value"),
        State(ids.REFRESH, "data"),
        prevent_initial_call=True,
    )
    def label_chosen(_apply, _new, _cancel, pending, current, text, refresh) -> tuple:
        if not pending:
            return (no_update,) * 9
        if ctx.triggered_id == ids.LABEL_CANCEL:
            note = views.status("saved", tr("labels.cancelled"))
            return (*opened.UNCHANGED, note, None, HIDDEN, None)
        mode = "apply" if ctx.triggered_id == ids.LABEL_APPLY else "new"
        result = store_formats.import_label(store, pending, mode, current, text)
        saved = result.saved
        status = [views.status(saved.kind, saved.message)]
        if saved.problems:
            csv = get(pending["format"]).suffix == ".csv"
            status.append(label_problems(saved.problems, csv))
        if not saved.ok:
            keep = result.keep
            return (
                *opened.UNCHANGED,
                status,
                pending if keep else None,
                SHOWN if keep else HIDDEN,
                None,
            )
        losses = loss_list(tr("labels.not_carried", title=result.title), result.losses)
        return (*opened.opened(saved.text, saved.current, refresh), status, None, HIDDEN, losses)

    # After the preview has answered, like the checks: the preview goes first on a keystroke.
    @app.callback(
        Output(ids.STORE_FORMAT_LOSSES, "children"),
        Input(ids.STORE_FORMAT, "value"),
        Input(ids.PREVIEW_SETTLED, "data"),
        State(ids.EDITOR, "value"),
    )
    def show_losses(name, _status, text):
        found = store_formats.export_losses(text, name)
        return loss_list(tr("labels.cannot_say", title=found.title), found.losses, found.problem)

    @app.callback(
        Output(ids.STORE_FORMAT_DOWNLOAD, "data"),
        Output(ids.STORE_FORMAT_STATUS, "children"),
        Input(ids.STORE_FORMAT_BUTTON, "n_clicks"),
        State(ids.STORE_FORMAT, "value"),
        State(ids.EDITOR, "value"),
        prevent_initial_call=True,
    )
    def download(_clicks, name, text) -> tuple:
        result = store_formats.export_file(text, name)
        kind = "saved" if result.ok else "error"
        return result.file or no_update, views.status(kind, result.message)
