"""Wiring: each callback reads the inputs, calls one plain function, and returns what it gives.

The logic lives in `editor.py`, `preview.py` and `flows.py` (tested without a browser); the page
pieces in `..views`.
"""

from __future__ import annotations

from typing import Any

import dash
import dash_mantine_components as dmc
from dash import ALL, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from ...store import Store
from .. import forms, ids, views
from .. import report as report_page
from ..language import tr
from ..layout import HIDDEN, SHOWN, locale_options
from ..upload_guard import upload_guard
from . import brand, drafts, drafts_wiring, editor, flows, opened, preview, store_formats
from .form import register_form
from .store_formats_wiring import register_store_formats

# Runs in the browser: how wide the preview is shown and how dense the screen is, so a PNG preview
# is drawn with just the pixels it needs; again after a resize or zoom that changes that by 10%.
_PREVIEW_VIEW = """
function (boxId) {
    const measure = function () {
        const box = document.getElementById(boxId);
        const width = box ? box.clientWidth - 16 : 0;
        return {width: width > 0 ? width : null, dpr: window.devicePixelRatio || 1};
    };
    let last = measure();
    if (!window.__nbPreviewView) {
        window.__nbPreviewView = true;
        let timer = null;
        window.addEventListener("resize", function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                const now = measure();
                const need = (now.width || 0) * now.dpr, had = (last.width || 0) * last.dpr;
                if (Math.abs(need - had) > 0.1 * had) {
                    last = now;
                    window.dash_clientside.set_props("__VIEW__", {data: now});
                }
            }, 300);
        });
    }
    return last;
}
""".replace("__VIEW__", ids.PREVIEW_VIEW)


# Runs in the browser after every preview answer: once the new picture is decoded and a frame has
# shown it, count one more settled preview. The work that follows an edit (checks, store-label
# losses, gallery, chart) waits for that count, so its requests and page updates never hold up
# the frame that shows the picture (they took 30-50 ms of the page's main thread).
_PREVIEW_SETTLED = """
function (_status) {
    const dc = window.dash_clientside;
    const settle = function () {
        window.__nbSettled = (window.__nbSettled || 0) + 1;
        dc.set_props("__SETTLED__", {data: window.__nbSettled});
    };
    requestAnimationFrame(function () {  // the new src is in the page by the next frame
        const img = document.getElementById("__IMAGE__");
        const ready = img && img.src ? img.decode().catch(function () {}) : Promise.resolve();
        ready.then(function () {
            requestAnimationFrame(function () { setTimeout(settle, 0); });
        });
    });
    return dc.no_update;
}
""".replace("__SETTLED__", ids.PREVIEW_SETTLED).replace("__IMAGE__", ids.PREVIEW_IMAGE)


def _changed(new: Any, old: Any) -> Any:
    return no_update if new == old else new


def _clicked() -> Any:
    """The id of the button that fired this callback, or None when it fired without a click
    (a button appearing in a re-drawn list fires its pattern callbacks with n_clicks=None)."""
    trigger = ctx.triggered[0] if ctx.triggered else None
    if not trigger or not trigger.get("value"):
        return None
    return ctx.triggered_id


def register(app: dash.Dash, store: Store) -> None:
    # The language picker's choices follow the text from `show_preview` (which reads the text
    # anyway), not from here: the preview would otherwise wait for the checks on every keystroke.
    # The checks run once the preview is on screen (see _PREVIEW_SETTLED): run side by side
    # they share the GIL with it and slowed keystroke-to-preview by ~40 ms.
    # A text already checked (the page's first preview, a theme or language picked) is not
    # checked again: its findings would be drawn anew under the reader's pointer.
    @app.callback(
        Output(ids.PROBLEMS, "children"),
        Output(ids.FINDINGS, "children"),
        Output(ids.CHECKED, "data"),
        Input(ids.PREVIEW_SETTLED, "data"),
        State(ids.EDITOR, "value"),
        State(ids.CHECKED, "data"),
        prevent_initial_call=True,
    )
    def check(_status, text: str | None, checked_digest: str | None) -> tuple:
        digest = forms.digest(text)
        if digest == checked_digest:
            raise PreventUpdate
        checked = editor.check_text(text)
        if checked.notice is None:
            return views.problem_list(checked.problems), views.finding_list([], False), digest
        return views.problem_list([]), views.finding_list(checked.findings), digest

    @app.callback(
        Output(ids.PREVIEW_IMAGE, "src"),
        Output(ids.PREVIEW_IMAGE, "alt"),
        Output(ids.PREVIEW_BOX, "dir"),
        Output(ids.PREVIEW_STATUS, "children"),
        Output(ids.PREVIEW_IMAGE, "width"),
        Output(ids.PREVIEW_TEXT, "children"),
        Output(ids.LOCALE, "data"),
        Output(ids.LOCALE, "value"),
        Input(ids.EDITOR, "value"),
        Input(ids.LAYOUT, "value"),
        Input(ids.THEME, "value"),
        Input(ids.LOCALE, "value"),
        Input(ids.BRAND, "data"),
        Input(ids.PREVIEW_VIEW, "data"),
        State(ids.LOCALE, "data"),
    )
    def show_preview(text, layout, theme, locale, brand_kit, view, locales) -> tuple:
        shown = preview.preview(text, layout, theme, locale, brand_kit, view)
        notes = [shown.message, *shown.warnings]
        status = [dmc.Text(n, size="sm", c="orange") for n in notes if n] or None
        if shown.src is None:
            return (no_update, no_update, shown.direction, status, *(no_update,) * 4)
        return (
            shown.src,
            shown.alt,
            shown.direction,
            status,
            shown.width,
            shown.description,
            # Unchanged, they are not sent: each would wake the callbacks that follow them.
            _changed(locale_options(shown.locales), locales),
            _changed(shown.locale, locale),
        )

    app.clientside_callback(
        _PREVIEW_SETTLED,
        Output(ids.PREVIEW_SETTLED, "data"),
        Input(ids.PREVIEW_STATUS, "children"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        _PREVIEW_VIEW,
        Output(ids.PREVIEW_VIEW, "data"),
        Input(ids.PREVIEW_BOX, "id"),
    )

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
        State(ids.CLIENT, "data"),
        prevent_initial_call=True,
    )
    def save(_clicks, text, current, message, refresh, client) -> tuple:
        result = editor.save(store, current, text, message)
        drafts.after_save(store, result, current, client)
        return _after_save(result, refresh)

    @app.callback(
        *save_outputs,
        Input(ids.SAVE_AS_COPY, "n_clicks"),
        State(ids.EDITOR, "value"),
        State(ids.CURRENT, "data"),
        State(ids.SAVE_MESSAGE, "value"),
        State(ids.REFRESH, "data"),
        State(ids.CLIENT, "data"),
        prevent_initial_call=True,
    )
    def save_copy(_clicks, text, current, message, refresh, client) -> tuple:
        result = editor.save_as_copy(store, current, text, message)
        drafts.after_save(store, result, current, client)
        return _after_save(result, refresh)

    @app.callback(
        Output(ids.EDITOR, "value"),
        *save_outputs,
        Input({"type": ids.OPEN_NOTICE, "id": ALL}, "n_clicks"),
        Input({"type": ids.RESTORE, "version": ALL}, "n_clicks"),
        Input(ids.CREATE, "n_clicks"),
        Input(ids.DUPLICATE, "n_clicks"),
        Input(ids.ARCHIVE, "n_clicks"),
        Input(ids.UNARCHIVE, "n_clicks"),
        State(ids.CURRENT, "data"),
        State(ids.REFRESH, "data"),
        State(ids.TEMPLATE, "value"),
        prevent_initial_call=True,
    )
    def switch(_open, _restore, _create, _dup, _arch, _unarch, current, refresh, template) -> tuple:
        clicked = _clicked()
        if clicked is None:
            return (no_update,) * 5
        if clicked == ids.CREATE:
            result = flows.create_from_template(store, template)
        elif clicked == ids.DUPLICATE:
            result = flows.duplicate(store, current)
        elif clicked in (ids.ARCHIVE, ids.UNARCHIVE):
            result = flows.set_archived(store, current, clicked == ids.ARCHIVE)
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
        Input(ids.SHOW_ARCHIVED, "checked"),
        prevent_initial_call=True,
    )
    def refresh_lists(_refresh, current, show_archived) -> tuple:
        current = current or {}
        notices = store.list(include_archived=bool(show_archived))
        table = views.notice_table(notices, current.get("id"))
        if not current.get("id"):
            return table, None, tr("editor.none")
        draft = store.get(current["id"], current["version"])
        return (
            table,
            views.history_list(store.versions(current["id"]), draft.info.head_version),
            tr("editor.heading", title=draft.info.title, version=draft.version),
        )

    @app.callback(
        Output(ids.ARCHIVED_NOTE, "children"),
        Output(ids.ARCHIVE, "style"),
        Output(ids.UNARCHIVE, "style"),
        Output(ids.COMPARE_FROM, "data"),
        Output(ids.COMPARE_FROM, "value"),
        Output(ids.COMPARE_TO, "data"),
        Output(ids.COMPARE_TO, "value"),
        Output(ids.COMPARE_RESULT, "children"),
        Input(ids.REFRESH, "data"),
        Input(ids.CURRENT, "data"),
        prevent_initial_call=True,
    )
    def show_notice_state(_refresh, current) -> tuple:
        state = flows.notice_state(store, current)
        note = dmc.Alert(tr("editor.archived_note"), color="gray", title=tr("editor.archived"))
        return (
            note if state.archived else None,
            HIDDEN if state.archived else SHOWN,
            SHOWN if state.archived else HIDDEN,
            state.versions,
            state.compare_from,
            state.versions,
            state.compare_to,
            None,  # a comparison of what was open before is stale now
        )

    @app.callback(
        *opened.OUTPUTS,
        Output(ids.IMPORT_STATUS, "children"),
        Output(ids.IMPORT, "contents"),
        Input(ids.IMPORT, "contents"),
        State(ids.IMPORT, "filename"),
        State(ids.REFRESH, "data"),
        prevent_initial_call=True,
    )
    def import_file(contents, filename, refresh) -> tuple:
        if not contents:  # our own reset below
            return (no_update,) * 7
        if store_formats.label_format(contents, filename):  # a store label: store_formats_wiring
            return (no_update,) * 7
        result = flows.import_file(store, contents, filename)
        message = views.status(result.kind, result.message)
        if result.problems:
            message = [message, views.problem_list(result.problems)]
        # contents=None: the file's base64 leaves the page, and the same file can be picked again
        if not result.ok:
            return (*opened.UNCHANGED, message, None)
        return (*opened.opened(result.text, result.current, refresh), message, None)

    app.clientside_callback(
        upload_guard(ids.IMPORT_STATUS, flows.UPLOAD_LIMIT, flows.UPLOAD_LIMIT_TEXT),
        Output(ids.IMPORT_STATUS, "title"),
        Input(ids.IMPORT, "id"),
        State(ids.IMPORT_SENTENCE, "data"),
    )

    @app.callback(
        Output(ids.COMPARE_RESULT, "children", allow_duplicate=True),
        Input(ids.COMPARE, "n_clicks"),
        State(ids.CURRENT, "data"),
        State(ids.COMPARE_FROM, "value"),
        State(ids.COMPARE_TO, "value"),
        State(ids.LAYOUT, "value"),
        State(ids.THEME, "value"),
        State(ids.LOCALE, "value"),
        prevent_initial_call=True,
    )
    def compare(_clicks, current, a, b, layout, theme, locale) -> Any:
        result = flows.compare(store, current, a, b, layout=layout, theme=theme, locale=locale)
        return views.comparison(result)

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
        State(ids.BRAND, "data"),
        prevent_initial_call=True,
    )
    def download(_clicks, text, layout, theme, locale, preset, fmt, brand_kit) -> tuple:
        result = preview.download(text, layout, theme, locale, preset, fmt, brand_kit)
        kind = "saved" if result.file else "error"
        return result.file or no_update, views.status(kind, result.message)

    register_brand(app)
    drafts_wiring.register(app, store)
    register_export(app)
    report_page.register(app, store)
    register_form(app, store)
    register_store_formats(app, store)
    register_charts(app, store)


# The logo thumbnail, drawn from the store in the browser (the logo need not travel to the server).
_LOGO_THUMB = """
function (brand) {
    const logo = brand && typeof brand.logo === "string" && brand.logo;
    if (!logo) { return [null, {display: "none"}]; }
    return ["data:image/png;base64," + logo, {height: "48px", maxWidth: "160px", objectFit: "contain"}];
}
"""


def register_brand(app: dash.Dash) -> None:
    """The brand kit: colours and logo into the session store, the live contrast check."""
    app.clientside_callback(
        _LOGO_THUMB,
        Output(ids.LOGO_THUMB, "src"),
        Output(ids.LOGO_THUMB, "style"),
        Input(ids.BRAND, "data"),
    )

    @app.callback(
        Output(ids.BRAND_CHECK, "children"),
        Output(ids.BRAND, "data"),
        Input(ids.BRAND_PRIMARY, "value"),
        Input(ids.BRAND_ACCENT, "value"),
        Input(ids.THEME, "value"),
    )
    def check_colours(primary, accent, theme) -> tuple:
        checked = brand.brand_check(primary, accent, theme)
        colours = Patch()  # only the colours: the logo stays in the browser
        colours["primary"] = primary if isinstance(primary, str) else ""
        colours["accent"] = accent if isinstance(accent, str) else ""
        return views.brand_check(checked), colours

    @app.callback(
        Output(ids.BRAND_PRIMARY, "value"),
        Output(ids.BRAND_ACCENT, "value"),
        Input({"type": ids.BRAND_USE, "role": ALL, "colour": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def use_suggestion(_clicks) -> tuple:
        clicked = _clicked()
        if clicked is None:
            return no_update, no_update
        if clicked["role"] == "primary":
            return clicked["colour"], no_update
        return no_update, clicked["colour"]

    @app.callback(
        Output(ids.BRAND, "data", allow_duplicate=True),
        Output(ids.LOGO_STATUS, "children"),
        Output(ids.LOGO_UPLOAD, "contents"),
        Input(ids.LOGO_UPLOAD, "contents"),
        Input(ids.LOGO_REMOVE, "n_clicks"),
        State(ids.LOGO_UPLOAD, "filename"),
        prevent_initial_call=True,
    )
    def change_logo(contents, remove, filename) -> tuple:
        logo = Patch()
        if ctx.triggered_id == ids.LOGO_REMOVE:
            if not remove:
                return no_update, no_update, no_update
            logo["logo"] = None
            return logo, views.status("saved", "Logo removed."), no_update
        if not contents:  # our own reset below
            return no_update, no_update, no_update
        encoded, message = brand.accept_logo(contents, filename)
        # contents=None: the same file can be picked again, and its base64 leaves the page
        if encoded is None:
            return no_update, views.status("error", message), None
        logo["logo"] = encoded
        return logo, views.status("saved", message), None


def register_charts(app: dash.Dash, store: Store) -> None:
    """The preview page's chart part (see `charts`)."""
    from .charts import register_charts as register

    register(app, store)


def register_export(app: dash.Dash) -> None:
    """The layout gallery, the email kit and the bundle (see `export_wiring`)."""
    from . import export_wiring

    export_wiring.register(app, _clicked)
