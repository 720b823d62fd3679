"""Wiring of the layout gallery, the email kit and the bundle (logic in `export.py` and
`..gallery`, page pieces in `..export_panel`).

A bundle of every layout takes seconds, so it is made by a Dash background callback: the job
runs in its own process, the page polls its progress (a bar and "n of m pictures drawn"), the
button is disabled meanwhile and Cancel stops the job and its workers. Jobs and results live in
a diskcache folder on disk, not in the web process, so with several gunicorn workers a progress
poll or a cancel answered by another worker finds the same job. The folder is `NB_JOBS_DIR`, by
default `notice-builder-jobs-<uid>` in the temporary folder; all workers of one deployment
must share it. The job process has no request to tell it the interface language, so the page
sends the language it was drawn in and the job speaks it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dash
import dash_mantine_components as dmc
from dash import ALL, DiskcacheManager, Input, Output, State, no_update

from ...layout import layout_names
from .. import export_panel, gallery, ids, language, views
from . import export
from .preview import DEFAULT_LAYOUT

JOBS_ENV = "NB_JOBS_DIR"
JOB_EXPIRY = 3600  # seconds a finished job's result is kept if nobody collects it
SHOWN_BLOCK = {"display": "block"}
SHOWN_INLINE = {"display": "inline-block"}
HIDDEN = {"display": "none"}


def jobs_folder() -> Path:
    folder = os.environ.get(JOBS_ENV)
    if folder:
        return Path(folder)
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"notice-builder-jobs-{uid}"


def job_manager() -> DiskcacheManager:
    """The background-callback manager over the shared jobs folder (created, private)."""
    import diskcache  # the 'app' extra: diskcache, multiprocess, psutil

    folder = jobs_folder()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return DiskcacheManager(diskcache.Cache(str(folder)), expire=JOB_EXPIRY)


def register(app: dash.Dash, clicked: Callable[[], Any]) -> None:
    """Add the callbacks; `clicked()` is the id of the button that fired, or None."""
    _register_gallery(app, clicked)
    _register_email(app, clicked)
    _register_bundle(app)
    _register_dpv(app)


def _register_gallery(app: dash.Dash, clicked: Callable[[], Any]) -> None:
    @app.callback(
        Output(ids.GALLERY_GRID, "children"),
        Input(ids.GALLERY, "value"),
        # Once the preview is on screen (never competing with it), and when another layout is chosen.
        Input(ids.PREVIEW_SETTLED, "data"),
        Input(ids.LAYOUT, "value"),
        State(ids.EDITOR, "value"),
        State(ids.THEME, "value"),
        State(ids.LOCALE, "value"),
        State(ids.BRAND, "data"),
        prevent_initial_call=True,
    )
    def show_gallery(opened, _src, layout, text, theme, locale, brand_kit) -> Any:
        if opened != "gallery":  # closed: draw nothing
            return no_update
        thumbs = gallery.thumbnails(text, theme, locale, brand_kit)
        if thumbs is None:  # invalid text: keep the last pictures, as the preview does
            return no_update
        return export_panel.gallery_grid(thumbs, layout or DEFAULT_LAYOUT)

    @app.callback(
        Output(ids.LAYOUT, "value", allow_duplicate=True),
        Input({"type": ids.GALLERY_ITEM, "layout": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def choose_layout(_clicks) -> Any:
        chosen = clicked()
        if not isinstance(chosen, dict) or chosen.get("layout") not in layout_names():
            return no_update
        return chosen["layout"]


def _register_email(app: dash.Dash, clicked: Callable[[], Any]) -> None:
    @app.callback(
        Output(ids.EMAIL_RESULT, "style"),
        Output(ids.EMAIL_HTML, "children"),
        Output(ids.EMAIL_ALT, "children"),
        Output(ids.EMAIL_DESCRIPTION, "children"),
        Output(ids.EMAIL_STATUS, "children"),
        Output(ids.EMAIL_DOWNLOAD, "data"),
        Input(ids.EMAIL_MAKE, "n_clicks"),
        Input(ids.EMAIL_DOWNLOAD_BUTTON, "n_clicks"),
        State(ids.EDITOR, "value"),
        State(ids.EMAIL_LAYOUT, "value"),
        State(ids.THEME, "value"),
        State(ids.LOCALE, "value"),
        State(ids.BRAND, "data"),
        State(ids.EMAIL_IMAGE_URL, "value"),
        prevent_initial_call=True,
    )
    def email(_make, _download, text, layout, theme, locale, brand_kit, image_url) -> tuple:
        button = clicked()
        if button is None:
            return (no_update,) * 6
        result = export.make_email_kit(text, layout, theme, locale, brand_kit, image_url)
        if result.kind != "saved":
            # Nothing stale stays on screen, nothing is downloaded.
            return HIDDEN, None, None, None, views.status("error", result.message), no_update
        notes = [dmc.Text(w, size="sm", c="orange") for w in result.warnings] or None
        shown = (SHOWN_BLOCK, result.html, result.alt, result.description)
        if button == ids.EMAIL_DOWNLOAD_BUTTON:
            return (*shown, [views.status("saved", result.message), notes], result.file)
        return (*shown, notes, no_update)


def _register_dpv(app: dash.Dash) -> None:
    @app.callback(
        Output(ids.DPV_DOWNLOAD, "data"),
        Output(ids.DPV_STATUS, "children"),
        Input(ids.DPV_DOWNLOAD_BUTTON, "n_clicks"),
        State(ids.EDITOR, "value"),
        prevent_initial_call=True,
    )
    def dpv_download(clicks, text) -> tuple:
        if not clicks:
            return no_update, no_update
        result = export.make_dpv_file(text)
        return result.file or no_update, views.status(result.kind, result.message)


def _register_bundle(app: dash.Dash) -> None:
    @app.callback(
        Output(ids.BUNDLE_LOCALES, "data"),
        Output(ids.BUNDLE_LOCALES, "value"),
        Input(ids.LOCALE, "data"),
        State(ids.BUNDLE_LOCALES, "value"),
        prevent_initial_call=True,
    )
    def bundle_locales(options, chosen) -> tuple:
        known = [o["value"] for o in options or [] if isinstance(o, dict) and "value" in o]
        kept = [code for code in chosen or [] if code in known]
        return options or [], kept or known

    @app.callback(
        Output(ids.BUNDLE_DOWNLOAD, "data"),
        Output(ids.BUNDLE_STATUS, "children"),
        Input(ids.BUNDLE_BUTTON, "n_clicks"),
        State(ids.EDITOR, "value"),
        State(ids.BUNDLE_LAYOUTS, "value"),
        State(ids.BUNDLE_LOCALES, "value"),
        State(ids.BUNDLE_FORMATS, "value"),
        State(ids.THEME, "value"),
        State(ids.PRESET, "value"),
        State(ids.BRAND, "data"),
        State(ids.UI_LANGUAGE_SHOWN, "data"),
        background=True,
        manager=job_manager(),
        running=[
            (Output(ids.BUNDLE_BUTTON, "disabled"), True, False),
            (Output(ids.BUNDLE_CANCEL, "style"), SHOWN_INLINE, HIDDEN),
            (Output(ids.BUNDLE_PROGRESS_BOX, "style"), SHOWN_BLOCK, HIDDEN),
        ],
        cancel=[Input(ids.BUNDLE_CANCEL, "n_clicks")],
        progress=[
            Output(ids.BUNDLE_PROGRESS, "value"),
            Output(ids.BUNDLE_PROGRESS_TEXT, "children"),
        ],
        progress_default=[0, ""],
        interval=400,
        prevent_initial_call=True,
    )
    def bundle(
        set_progress, clicks, text, layouts, locales, formats, theme, preset, brand_kit, lang
    ):
        if not clicks:
            return no_update, no_update

        def report(done: int, total: int) -> None:
            set_progress((export.progress_value(done, total), export.progress_text(done, total)))

        with language.using(language.known(lang) or language.DEFAULT):
            result = export.make_bundle_file(
                text, layouts, locales, formats, theme, preset, brand_kit, on_progress=report
            )
            return result.file or no_update, views.status(result.kind, result.message)
