"""Wiring of the structured form: form -> YAML, YAML -> form, sections drawn when opened, and the
findings that open their field. The logic is in `..forms` (plain functions, tested without Dash).

Loops are cut by a fingerprint: the form remembers which YAML text it shows (`FORM_SYNC`); a
change to the editor's text redraws the form only when the text is not the one the form itself
just wrote, and a form change that leaves the value as it was writes nothing. Field edits are
kept in the browser until answered, so quick edits of several fields are never lost.
"""

from __future__ import annotations

import json
from typing import Any

import dash
from dash import ALL, MATCH, Input, Output, State, ctx, no_update

from ...store import Store
from .. import forms, ids
from ..forms.actions import change_fields, change_structure
from ..forms.build import SHOWN_CLASS, build_form, section_body
from ..forms.edit import said
from ..forms.spec import SECTION_OF
from ..language import current, tr
from ..layout import LOCALE_NAMES

FORM_TAB = "form"
YAML_TAB = "yaml"


def form_status(state: forms.FormState) -> str | None:
    """The sentence above the form for the text it shows."""
    if state.valid:
        return None
    return tr("form.has_problems", count=len(state.problems))


def not_readable(state: forms.FormState) -> str:
    """The status line when the text is not a notice at all (the form keeps the last one)."""
    problem = said(state.problems[0], current()) if state.problems else tr("form.not_a_notice")
    return tr("form.not_readable", problem=problem)


def redraw(text: str | None, opened: list[str] | None) -> tuple[Any, str, str | None]:
    """The form, its fingerprint and its status line for `text`."""
    state = forms.read_form(text)
    return build_form(state, opened, LOCALE_NAMES), forms.digest(text), form_status(state)


# Runs in the browser: a finding's field opens in the form (tab, section) and takes the focus.
_OPEN_FINDING = """
function (clicks, opened) {
    const no = window.dash_clientside.no_update;
    const context = window.dash_clientside.callback_context;
    const trigger = context.triggered && context.triggered[0];
    if (!trigger || !trigger.value) { return [no, no]; }
    const path = (context.triggered_id || {}).path || "";
    const parts = path.replace(/\\[(\\d+)\\]/g, ".$1").split(".").filter(Boolean);
    const pointer = parts.length ? "/" + parts.join("/") : "";
    const section = __SECTIONS__[parts[0]];
    const find = function (p) {
        while (p) {
            for (const type of ["__VALUE__", "__CHECK__"]) {
                const el = document.getElementById(JSON.stringify({locale: "", path: p, type: type}));
                if (el) { return el; }
            }
            const box = document.querySelector('[data-path="' + CSS.escape(p) + '"]');
            const inner = box && box.querySelector("input:not([type=hidden]), textarea, button");
            if (inner) { return inner; }
            p = p.slice(0, p.lastIndexOf("/"));
        }
        return null;
    };
    let tries = 0;
    const focus = function () {
        const el = find(pointer);
        if (el && el.offsetParent !== null) {
            el.scrollIntoView({block: "center"});
            el.focus({preventScroll: true});
            return;
        }
        if (++tries < 50) { setTimeout(focus, 100); }
    };
    setTimeout(focus, 50);
    const open = opened || [];
    return ["__FORM__", section && !open.includes(section) ? [...open, section] : no];
}
"""


# Runs in the browser when a field changes: note the edit (the latest value per field) and send
# every edit not yet answered, in the order made.
_RECORD_EDIT = """
function (value) {
    const id = window.dash_clientside.callback_context.triggered_id;
    const form = window.__nbForm || (window.__nbForm = {seq: 0, taken: 0, pending: new Map()});
    if (!id) { return window.dash_clientside.no_update; }
    form.seq += 1;
    form.pending.set(JSON.stringify(id), {id: id, value: value, seq: form.seq});
    const edits = Array.from(form.pending.values()).map(e => ({id: e.id, value: e.value}));
    window.dash_clientside.set_props("__EDITS__", {data: {seq: form.seq, edits: edits}});
    return window.dash_clientside.no_update;
}
""".replace("__EDITS__", ids.FORM_EDITS)

# Runs in the browser when an answer arrives: an older answer than one already taken is
# dropped (its edits are in the newer one); the edits it covers are done; fields get their
# messages; the text goes to the editor. A new id redraws the form (fingerprint cleared).
_TAKE_RESULT = """
function (result) {
    const no = window.dash_clientside.no_update;
    const form = window.__nbForm || (window.__nbForm = {seq: 0, taken: 0, pending: new Map()});
    if (!result || result.seq <= form.taken) { return [no, no]; }
    form.taken = result.seq;
    for (const [key, edit] of Array.from(form.pending.entries())) {
        if (edit.seq <= result.seq) { form.pending.delete(key); }
    }
    for (const field of result.errors || []) {
        window.dash_clientside.set_props(field.id, {error: field.error});
    }
    if (result.text === null || result.text === undefined) { return [no, no]; }
    return [result.text, result.redraw ? "" : result.sync];
}
"""


def _open_finding_js() -> str:
    return (
        _OPEN_FINDING.replace("__SECTIONS__", json.dumps(SECTION_OF))
        .replace("__VALUE__", ids.FORM_VALUE)
        .replace("__CHECK__", ids.FORM_CHECK)
        .replace("__FORM__", FORM_TAB)
    )


def register_form(app: dash.Dash, store: Store) -> None:
    """The form's callbacks (`store` is not needed yet: the form edits the editor's text)."""
    del store

    # Form -> YAML: the browser keeps every field edit until an answer covering it is back
    # (see `change_fields`), and takes an answer only when it is newer than the last one taken.
    for kind, prop in ((ids.FORM_VALUE, "value"), (ids.FORM_CHECK, "checked")):
        app.clientside_callback(
            _RECORD_EDIT,
            Output({"type": kind, "path": MATCH, "locale": MATCH}, "error"),
            Input({"type": kind, "path": MATCH, "locale": MATCH}, prop),
            prevent_initial_call=True,
        )

    @app.callback(
        Output(ids.FORM_RESULT, "data"),
        Input(ids.FORM_EDITS, "data"),
        State(ids.EDITOR, "value"),
        prevent_initial_call=True,
    )
    def apply_fields(edits, text) -> Any:
        if not edits:
            return no_update
        return change_fields(text, edits)

    app.clientside_callback(
        _TAKE_RESULT,
        Output(ids.EDITOR, "value", allow_duplicate=True),
        Output(ids.FORM_SYNC, "data", allow_duplicate=True),
        Input(ids.FORM_RESULT, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.FORM, "children", allow_duplicate=True),
        Output(ids.EDITOR, "value", allow_duplicate=True),
        Output(ids.FORM_SYNC, "data", allow_duplicate=True),
        Output(ids.FORM_STATUS, "children", allow_duplicate=True),
        Input({"type": ids.FORM_ADD, "path": ALL}, "n_clicks"),
        Input({"type": ids.FORM_REMOVE, "path": ALL}, "n_clicks"),
        Input({"type": ids.FORM_CELL, "category": ALL, "purpose": ALL}, "checked"),
        State(ids.EDITOR, "value"),
        State(ids.FORM_SECTIONS, "value"),
        prevent_initial_call=True,
    )
    def edit_structure(_add, _remove, _cells, text, opened) -> tuple:
        trigger = ctx.triggered[0] if ctx.triggered else {}
        change = change_structure(text, ctx.triggered_id, trigger.get("value"))
        if not change.redraw:
            return no_update, no_update, no_update, change.status or no_update
        shown = change.text if change.text is not None else text
        form, sync, status = redraw(shown, opened)
        return (
            form,
            change.text if change.text is not None else no_update,
            sync,
            change.status or status,
        )

    @app.callback(
        Output(ids.FORM, "children", allow_duplicate=True),
        Output(ids.FORM_SYNC, "data", allow_duplicate=True),
        Output(ids.FORM_STATUS, "children", allow_duplicate=True),
        Input(ids.EDITOR, "value"),
        Input(ids.EDITOR_TABS, "value"),
        State(ids.FORM_SYNC, "data"),
        State(ids.FORM_SECTIONS, "value"),
        prevent_initial_call=True,
    )
    def follow_yaml(text, tab, sync, opened) -> tuple:
        # Only the visible form follows; a hidden one catches up when its tab is chosen.
        if tab != FORM_TAB or forms.digest(text) == sync:
            return no_update, no_update, no_update
        state = forms.read_form(text)
        if state.data is None:
            return no_update, no_update, not_readable(state)
        return build_form(state, opened, LOCALE_NAMES), forms.digest(text), form_status(state)

    @app.callback(
        Output({"type": ids.FORM_PANEL, "section": ALL}, "children"),
        Output({"type": ids.FORM_PANEL, "section": ALL}, "className"),
        Input(ids.FORM_SECTIONS, "value"),
        State({"type": ids.FORM_PANEL, "section": ALL}, "className"),
        State(ids.EDITOR, "value"),
        prevent_initial_call=True,
    )
    def open_sections(opened, classes, text) -> tuple:
        keys = [output["id"]["section"] for output in ctx.outputs_list[0]]
        todo = [
            k in (opened or []) and c != SHOWN_CLASS for k, c in zip(keys, classes, strict=True)
        ]
        if not any(todo):
            return [no_update] * len(keys), [no_update] * len(keys)
        state = forms.read_form(text)
        bodies = [
            section_body(k, state, LOCALE_NAMES) if do else no_update
            for k, do in zip(keys, todo, strict=True)
        ]
        return bodies, [SHOWN_CLASS if do else no_update for do in todo]

    app.clientside_callback(
        _open_finding_js(),
        Output(ids.EDITOR_TABS, "value", allow_duplicate=True),
        Output(ids.FORM_SECTIONS, "value", allow_duplicate=True),
        Input({"type": ids.FINDING_LINK, "path": ALL}, "n_clicks"),
        State(ids.FORM_SECTIONS, "value"),
        prevent_initial_call=True,
    )


__all__ = ["FORM_TAB", "YAML_TAB", "form_status", "not_readable", "redraw", "register_form"]
