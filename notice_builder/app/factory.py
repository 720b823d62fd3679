"""Build the Dash app around a Store: configuration, error handling, layout and callbacks."""

from __future__ import annotations

import logging
import os
import secrets
import uuid
from typing import Any

import dash
import dash_mantine_components as dmc
from dash import set_props
from flask import jsonify, request
from werkzeug.exceptions import HTTPException

from ..resources import resource_root
from ..store import Store
from . import ids
from .callbacks import register
from .language import register_language, tr
from .layout import build_layout

log = logging.getLogger("notice_builder.app")

# A notice is at most a few hundred kB, but an imported file (up to 5 MB, checked again by the
# import callback) travels as base64, 4/3 of its size: refuse any request larger than that early.
MAX_CONTENT_LENGTH = 7 * 1024 * 1024
SECRET_ENV = "DASH_SECRET_KEY"
DEBUG_ENV = "NB_DEBUG"
TITLE = "Notice builder"


def assets_folder() -> str:
    return str(resource_root("assets") / "app")


def debug_enabled() -> bool:
    return os.environ.get(DEBUG_ENV) == "1"


def secret_key() -> str:
    key = os.environ.get(SECRET_ENV)
    if key:
        return key
    log.warning(
        "%s is not set: using a random secret for this process only. Set it (the same value "
        "in every worker) before running in production.",
        SECRET_ENV,
    )
    return secrets.token_hex(32)


def new_reference() -> str:
    return uuid.uuid4().hex[:8].upper()


def _on_callback_error(exc: Exception) -> Any:
    """A callback raised: log the traceback under a reference, show only the reference."""
    ref = new_reference()
    log.error("callback failed (ref %s)", ref, exc_info=exc)
    set_props(
        ids.ERROR_BANNER,
        {
            "children": dmc.Alert(
                tr("editor.banner.text", ref=ref),
                color="red",
                title=tr("editor.banner.title"),
            )
        },
    )
    return None  # leave every output of the failed callback as it was


def _install_error_handlers(server: Any) -> None:
    @server.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Any:
        if isinstance(exc, HTTPException):  # 400, 404, 413…: Werkzeug's own short answer
            return exc
        ref = new_reference()
        log.error("request %s %s failed (ref %s)", request.method, request.path, ref, exc_info=exc)
        if request.path.endswith("/_dash-update-component"):
            # Only a malformed or forged request reaches here (callbacks have their own
            # handler): an unknown output id, inputs of the wrong shape.
            return jsonify(error=tr("editor.banner.bad_request", ref=ref)), 400
        return jsonify(error=tr("editor.banner.request", ref=ref)), 500


def _localise_title(app: dash.Dash) -> None:
    """The browser tab's title in the request's interface language (`TITLE` in English)."""
    plain = app.interpolate_index

    def interpolate_index(**kwargs: Any) -> str:
        return plain(**{**kwargs, "title": tr("header.title")})

    app.interpolate_index = interpolate_index  # type: ignore[method-assign]


def create_app(store: Store | None = None, *, database_url: str | None = None) -> dash.Dash:
    """The app over `store` (default: `Store(database_url)`, seeded with the sample notice)."""
    if store is None:
        store = Store(database_url)
        store.seed_examples()
    app = dash.Dash(
        __name__,
        title=TITLE,
        assets_folder=assets_folder(),
        serve_locally=True,
        on_error=_on_callback_error,
        update_title=None,
    )
    server = app.server
    server.config.update(
        SECRET_KEY=secret_key(),
        MAX_CONTENT_LENGTH=MAX_CONTENT_LENGTH,
        DEBUG=False,
        PROPAGATE_EXCEPTIONS=False,
    )
    if debug_enabled():
        app.enable_dev_tools(debug=True)
    _install_error_handlers(server)
    app.layout = lambda: build_layout(store)
    register(app, store)
    register_language(app)
    _localise_title(app)
    app.notice_store = store  # for tests and the serve command
    return app
