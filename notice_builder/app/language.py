"""The interface's own language (English or Arabic): which one a request asks for, its words,
and the switch in the page header.

The choice travels with every request, so the page and every callback speak the same language
without passing it around: `?lang=ar` in the address wins (and is remembered in a cookie), then
the cookie, then the browser's Accept-Language on a first visit. Switching reloads the page in the
new language; the editor's unsaved text and the open notice are carried across the reload (in this
tab's sessionStorage and a one-minute cookie), so nothing typed is lost.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import Any

import dash
import dash_mantine_components as dmc
from dash import Input, State, dcc
from flask import has_request_context, request

from ..i18n import is_rtl, say
from . import ids

LANGUAGES = {"en": "English", "ar": "العربية"}
DEFAULT = "en"
QUERY = "lang"
COOKIE = "nb_lang"
OPEN_COOKIE = "nb_open"  # the notice open when the language was switched (set by the browser)
COOKIE_SECONDS = 365 * 24 * 3600
CARRY_KEY = "nb-language-carry"  # sessionStorage: the editor text across the switch's reload
REPORT_CARRY_KEY = "nb-report-carry"  # sessionStorage: the Report grid's rows, likewise

_chosen: contextvars.ContextVar[str | None] = contextvars.ContextVar("nb_ui_language", default=None)


def known(lang: str | None) -> str | None:
    """`lang` if the interface speaks it ("ar-EG" counts as "ar"), else None."""
    if not lang:
        return None
    code = lang.strip().split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def preferred(accept_language: str | None) -> str:
    """The interface language an Accept-Language header prefers: the highest q among ours, the
    earlier one on a tie (the header lists languages in order of preference); q=0 means "not"."""
    ranked = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, *params = part.split(";")
        lang = known(tag)
        q = 1.0
        for param in params:
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if lang is not None and q > 0:
            ranked.append((-q, position, lang))
    return min(ranked)[2] if ranked else DEFAULT


def choose(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The address's `?lang=`, else the remembered choice, else the browser's preference."""
    return known(query) or known(cookie) or preferred(accept_language)


def current() -> str:
    """The language of this request (English outside a request, e.g. in plain tests)."""
    chosen = _chosen.get()
    if chosen:
        return chosen
    if not has_request_context():
        return DEFAULT
    return choose(
        request.args.get(QUERY), request.cookies.get(COOKIE), request.headers.get("Accept-Language")
    )


@contextlib.contextmanager
def using(lang: str) -> Iterator[None]:
    """Build pieces of the page in `lang` (tests, and a layout built for a given language)."""
    if known(lang) is None:
        raise ValueError(f"unknown interface language '{lang}': known are {sorted(LANGUAGES)}")
    token = _chosen.set(known(lang))
    try:
        yield
    finally:
        _chosen.reset(token)


def tr(key: str, count: float | None = None, **params: Any) -> str:
    """The interface message `app.<key>` in the current language.

    In a right-to-left language every filled-in value (names, versions, ids, paths) is isolated
    so it reads in its own direction; a bare count needs no isolate, and English stays plain."""
    return say(f"app.{key}", current(), count, **params)


def direction(lang: str | None = None) -> str:
    """ "rtl" or "ltr": the direction of `lang` (default: the current language)."""
    return "rtl" if is_rtl(lang or current()) else "ltr"


def switch() -> Any:
    """The header's language switch; each name written in its own language."""
    return dmc.SegmentedControl(
        id=ids.UI_LANGUAGE,
        data=[{"value": code, "label": name} for code, name in LANGUAGES.items()],
        value=current(),
        size="xs",
        className="ui-language",
        **{"aria-label": tr("header.language")},
    )


def shown_store() -> Any:
    """The language the page was drawn in (the switch compares against it)."""
    return dcc.Store(id=ids.UI_LANGUAGE_SHOWN, data=current())


# In the browser, on a switch: keep the editor's text and the open notice for the reload, then
# load the page again with the new `?lang=` (the server remembers it in a cookie).
_SWITCH = """
function (lang, shown, current, text, rows, base) {
    const dc = window.dash_clientside;
    if (!lang || lang === shown) { return dc.no_update; }
    const id = current && current.id;
    try {
        window.sessionStorage.setItem("__KEY__", JSON.stringify({id: id || null, text: text}));
        if (id && base && base.id === id && Array.isArray(rows)) {
            // The Report grid's rows and the version they were loaded from (report.py puts
            // them back if they differ from the saved figures).
            window.sessionStorage.setItem(
                "__REPORT_KEY__", JSON.stringify({id: id, version: base.version, rows: rows}));
        }
    } catch (e) { /* storage off: the autosaved draft is still offered after the reload */ }
    if (id) {
        document.cookie = "__OPEN__=" + encodeURIComponent(id) + "; path=/; max-age=60; samesite=lax";
    }
    const url = new URL(window.location.href);
    url.searchParams.set("__QUERY__", lang);
    window.location.assign(url.toString());
    return dc.no_update;
}
"""

# In the browser, once the page is drawn: put back the text carried across a switch, if it was
# for the notice now open and differs from what the page shows (the saved text).
_RESTORE = """
function (shown, current, text) {
    const dc = window.dash_clientside;
    let carry = null;
    try {
        carry = JSON.parse(window.sessionStorage.getItem("__KEY__") || "null");
        window.sessionStorage.removeItem("__KEY__");
    } catch (e) { carry = null; }
    document.cookie = "__OPEN__=; path=/; max-age=0; samesite=lax";
    if (carry && current && carry.id === current.id && typeof carry.text === "string"
            && carry.text !== text) {
        dc.set_props("__EDITOR__", {value: carry.text});
    }
    return dc.no_update;
}
"""


def _js(code: str) -> str:
    return (
        code.replace("__REPORT_KEY__", REPORT_CARRY_KEY)
        .replace("__KEY__", CARRY_KEY)
        .replace("__OPEN__", OPEN_COOKIE)
        .replace("__QUERY__", QUERY)
        .replace("__EDITOR__", ids.EDITOR)
    )


def register_language(app: dash.Dash) -> None:
    """The switch's browser-side callbacks, the cookie that remembers the choice, and the
    `lang`/`dir` of the page's <html>."""
    app.clientside_callback(
        _js(_SWITCH),
        Input(ids.UI_LANGUAGE, "value"),
        State(ids.UI_LANGUAGE_SHOWN, "data"),
        State(ids.CURRENT, "data"),
        State(ids.EDITOR, "value"),
        # The grid's own rows: an edit is in them at once, before the server has read it.
        State(ids.REPORT_TABLE, "rowData"),
        State(ids.REPORT_BASE, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        _js(_RESTORE),
        Input(ids.UI_LANGUAGE_SHOWN, "data"),
        State(ids.CURRENT, "data"),
        State(ids.EDITOR, "value"),
    )
    _remember_choice(app.server)
    _localise_index(app)


def opened_notice() -> str | None:
    """The notice that was open when the language was switched (None outside a request)."""
    if not has_request_context():
        return None
    return request.cookies.get(OPEN_COOKIE) or None


def _remember_choice(server: Any) -> None:
    @server.after_request
    def _set_cookie(response: Any) -> Any:
        lang = known(request.args.get(QUERY))
        if lang and request.cookies.get(COOKIE) != lang:
            response.set_cookie(COOKIE, lang, max_age=COOKIE_SECONDS, samesite="Lax", httponly=True)
        return response


def _localise_index(app: dash.Dash) -> None:
    """The page's <html> says its language and direction before any script runs."""
    plain = app.interpolate_index

    def interpolate_index(**kwargs: Any) -> str:
        page = plain(**kwargs)
        lang = current()
        return page.replace("<html>", f'<html lang="{lang}" dir="{direction(lang)}">', 1)

    app.interpolate_index = interpolate_index  # type: ignore[method-assign]
