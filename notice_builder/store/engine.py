"""Which database, and how to talk to it: URL resolution, engine set-up, transactions.

The URL comes from the caller, else the `DATABASE_URL` environment variable, else a SQLite file
in the per-user data folder. SQLite connections get WAL (readers never block the writer), a busy
timeout (a second writer waits instead of failing at once) and foreign keys; write transactions
start with BEGIN IMMEDIATE, so a writer takes the lock before it reads anything and can never be
refused half-way for a stale snapshot. PostgreSQL needs none of that: row locks and the
compare-and-set in `store.py` serialise writers.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from .errors import InvalidInputError

ENV_VAR = "DATABASE_URL"
APP_FOLDER = "notice-builder"
DATABASE_FILE = "notices.db"
DEFAULT_BUSY_TIMEOUT = 10.0  # seconds a SQLite writer waits for another to finish

_WRITE = "notice_builder_write"  # connection execution option: this transaction writes
# pg_advisory_xact_lock key for store-wide steps (creating tables, seeding): "nb" + 1.
_STORE_LOCK = 0x6E6201


def default_database_path(environ: Mapping[str, str] | None = None) -> Path:
    """Where the default SQLite file lives: the per-user data folder of the platform.

    Linux and other Unix: `$XDG_DATA_HOME/notice-builder/notices.db` (XDG_DATA_HOME defaults to
    ~/.local/share); macOS: ~/Library/Application Support/notice-builder; Windows:
    %LOCALAPPDATA%\\notice-builder.
    """
    env = os.environ if environ is None else environ
    home = Path(env.get("HOME") or Path.home())
    if sys.platform == "win32":
        base = Path(env.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME", "")
        # The XDG spec says a relative path is invalid and must be ignored.
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / APP_FOLDER / DATABASE_FILE


def resolve_url(url: str | sa.URL | None = None) -> sa.URL:
    """The database URL to use: `url`, else $DATABASE_URL, else the default SQLite file.

    `postgres://` and `postgresql://` (as hosting platforms write them) mean psycopg 3, the one
    PostgreSQL driver the project installs. Other databases are refused.
    """
    raw = url if url is not None else os.environ.get(ENV_VAR) or None
    if raw is None:
        path = default_database_path()
        try:
            # Drafts of legal texts: the folder is the user's alone.
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise InvalidInputError(
                f"Cannot create the data folder {path.parent}: {exc.strerror or exc}. "
                f"Set {ENV_VAR} to choose where notices are stored."
            ) from None
        return sa.URL.create("sqlite+pysqlite", database=str(path))
    try:
        parsed = sa.make_url(raw)
    except sa.exc.ArgumentError:
        raise InvalidInputError(
            "The database URL is not valid; write for example sqlite:////path/to/notices.db or "
            "postgresql://user:password@host/dbname"
        ) from None
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise InvalidInputError(
            f"The database '{parsed.get_backend_name()}' is not supported; use SQLite or PostgreSQL."
        )
    return parsed


def create_engine(url: sa.URL, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> sa.Engine:
    """An engine for `url`, with the SQLite settings above when it is SQLite."""
    if url.get_backend_name() != "sqlite":
        # pre_ping: a worker whose connection the server dropped reconnects instead of failing.
        return sa.create_engine(url, pool_pre_ping=True)

    engine = sa.create_engine(url, connect_args={"timeout": busy_timeout})
    busy_ms = int(busy_timeout * 1000)

    @sa.event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        # SQLAlchemy emits BEGIN itself (below); the driver's own transaction handling skips
        # BEGIN before SELECTs, which would break both snapshots and BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {busy_ms}")  # before WAL: switching may wait
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit the user was told about survives a power cut, not only a crash.
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection: sa.Connection) -> None:
        writes = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


@contextmanager
def reading(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A read-only transaction: one consistent snapshot for every query in it."""
    with engine.connect() as connection, connection.begin():
        yield connection


@contextmanager
def writing(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A write transaction: committed when the block ends, rolled back if it raises."""
    with engine.connect() as connection:
        connection.execution_options(**{_WRITE: True})
        with connection.begin():
            yield connection


def lock_store(connection: sa.Connection) -> None:
    """Serialise store-wide steps (creating tables, seeding) between processes.

    On SQLite the write transaction already holds the database's write lock; on PostgreSQL a
    transaction-scoped advisory lock does it, released at commit or rollback.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_STORE_LOCK)))


def safe_url(url: sa.URL) -> str:
    """The URL as it may be shown or logged: the password hidden."""
    return url.render_as_string(hide_password=True)
