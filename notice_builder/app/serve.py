"""`notice-builder serve`: run the app on one machine (use gunicorn for more than one person)."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence

from .factory import create_app, debug_enabled


def serve(host: str = "127.0.0.1", port: int = 8050, db: str | None = None) -> None:
    """Serve the app with Flask's development server (debug only when NB_DEBUG=1)."""
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = create_app(database_url=db)
    app.run(host=host, port=port, debug=debug_enabled())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="notice-builder serve", description=serve.__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="database URL (default: $DATABASE_URL, else a SQLite file)",
    )
    args = parser.parse_args(argv)
    serve(args.host, args.port, args.db)
    return 0
