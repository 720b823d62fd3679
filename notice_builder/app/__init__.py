"""The Dash app: the only package that imports dash.

    from notice_builder.app import create_app
    app = create_app(store)            # tests, embedding
    gunicorn "notice_builder.app:server"   # production: `server` is built on first access

Importing this package starts nothing and opens nothing.
"""

from __future__ import annotations

from typing import Any

from .factory import create_app
from .serve import main, serve

__all__ = ["create_app", "main", "serve", "server"]

_server: Any = None


def __getattr__(name: str) -> Any:
    # `server` is created on first access (gunicorn's import), not at import time.
    global _server
    if name == "server":
        if _server is None:
            _server = create_app().server
        return _server
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
