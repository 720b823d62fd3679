"""Wiring of autosave and the restore offer; the logic is in `drafts.py`.

In the browser: a random client id kept in localStorage, and a timer that hands the editor's
text to the server only when it changed since the last tick (so at most one write per
AUTOSAVE_SECONDS, none while nobody types).
"""

from __future__ import annotations

from typing import Any

import dash
import dash_mantine_components as dmc
from dash import Input, Output, State, no_update

from ...store import Store
from .. import ids, views
from . import drafts

HIDDEN = {"display": "none"}
SHOWN = {"display": "block"}

# Runs once per page: this browser's id, made once and kept in localStorage. Where storage is
# refused (private modes), the id lives as long as the page: autosave still covers a crash of
# the server, not a reload.
_CLIENT_ID = """
function (_) {
    const key = "notice-builder.client-id";
    const fresh = function () {
        const bytes = new Uint8Array(16);
        window.crypto.getRandomValues(bytes);
        return Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
    };
    try {
        let id = window.localStorage.getItem(key);
        if (!id || !/^[0-9a-f]{32}$/.test(id)) {
            id = fresh();
            window.localStorage.setItem(key, id);
        }
        return id;
    } catch (e) {
        return fresh();
    }
}
"""

# On each tick (and when another notice or version is opened): hand the text over if it changed.
# The first text seen for a notice/version is what it opened with: `edited` false, nothing kept.
_AUTOSAVE = """
function (_tick, current, text, sent) {
    const skip = window.dash_clientside.no_update;
    if (!current || typeof current.id !== "string" || typeof text !== "string") { return skip; }
    const key = current.id + "@" + current.version;
    const known = sent && sent.key === key;
    if (known && sent.text === text) { return skip; }
    return {key: key, id: current.id, version: current.version, text: text, edited: !!known};
}
"""


def register(app: dash.Dash, store: Store, pruner: drafts.Pruner | None = None) -> None:
    """Autosave, the restore offer, and the clean-up of old drafts: once now (the app is
    starting), then at most once an hour after an autosave (see `drafts.Pruner`)."""
    pruner = pruner or drafts.Pruner(store)
    pruner.maybe()
    app.draft_pruner = pruner  # for tests and the serve command
    app.clientside_callback(_CLIENT_ID, Output(ids.CLIENT, "data"), Input(ids.DRAFT_BANNER, "id"))
    app.clientside_callback(
        _AUTOSAVE,
        Output(ids.AUTOSAVE, "data"),
        Input(ids.AUTOSAVE_TICK, "n_intervals"),
        Input(ids.CURRENT, "data"),
        State(ids.EDITOR, "value"),
        State(ids.AUTOSAVE, "data"),
    )

    @app.callback(
        Output(ids.AUTOSAVE_STATUS, "children"),
        Output(ids.DRAFT_BANNER, "style", allow_duplicate=True),
        Input(ids.AUTOSAVE, "data"),
        State(ids.CLIENT, "data"),
        prevent_initial_call=True,
    )
    def autosave(sent, client) -> tuple:
        done = drafts.autosave(store, sent, client)
        if done.wrote:
            pruner.maybe()
        if done.kind == "skipped":
            return no_update, no_update
        if done.kind == "error":
            return dmc.Text(done.message, size="xs", c="orange"), no_update
        # The draft now holds what is on screen: an older offer has nothing left to restore.
        return done.message, HIDDEN

    @app.callback(
        Output(ids.DRAFT_MESSAGE, "children"),
        Output(ids.DRAFT_BANNER, "style"),
        Output(ids.DRAFT_OFFER, "data"),
        Input(ids.CLIENT, "data"),
        Input(ids.CURRENT, "data"),
        State(ids.EDITOR, "value"),
        prevent_initial_call=True,
    )
    def show_offer(client, current, shown) -> tuple:
        found = drafts.offer(store, current, client, shown)
        if found is None:
            return None, HIDDEN, None
        return found.message, SHOWN, found.data

    @app.callback(
        Output(ids.EDITOR, "value", allow_duplicate=True),
        Output(ids.CURRENT, "data", allow_duplicate=True),
        Output(ids.DRAFT_BANNER, "style", allow_duplicate=True),
        Output(ids.AUTOSAVE_STATUS, "children", allow_duplicate=True),
        Output(ids.AUTOSAVE, "data", allow_duplicate=True),
        Input(ids.DRAFT_RESTORE, "n_clicks"),
        State(ids.DRAFT_OFFER, "data"),
        State(ids.CURRENT, "data"),
        State(ids.CLIENT, "data"),
        prevent_initial_call=True,
    )
    def restore(clicks, offered, current, client) -> tuple:
        if not clicks:
            return (no_update,) * 5
        result = drafts.restore(store, offered, client)
        if not result.ok:
            return no_update, no_update, HIDDEN, views.status("error", result.message), no_update
        # Another notice opens, or the version goes back to the draft's base when the notice
        # moved on (so Save meets the conflict check); else the page already edits it.
        moved = result.current if result.current != current else no_update
        status = views.status("saved", result.message)
        return result.text, moved, HIDDEN, status, drafts.seen(result.current, result.text)

    @app.callback(
        Output(ids.DRAFT_BANNER, "style", allow_duplicate=True),
        Output(ids.AUTOSAVE_STATUS, "children", allow_duplicate=True),
        Input(ids.DRAFT_DISCARD, "n_clicks"),
        State(ids.DRAFT_OFFER, "data"),
        State(ids.CLIENT, "data"),
        prevent_initial_call=True,
    )
    def discard(clicks, offered, client) -> Any:
        if not clicks:
            return no_update, no_update
        result = drafts.discard(store, offered, client)
        kind = "saved" if result.ok else "error"
        return HIDDEN if result.ok else no_update, views.status(kind, result.message)
