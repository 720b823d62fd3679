"""The store's tables, in SQLAlchemy Core, the same for SQLite and PostgreSQL.

`notices` holds one row per notice: its stable id and slug, the archived flag and the number of
its head version. `versions` holds every saved text, one immutable row per save, numbered 1..n
per notice; the primary key (notice_id, number) means two writers can never both write the same
number. The database itself refuses to UPDATE a version (a trigger on both dialects), so a bug
elsewhere cannot rewrite history either. `drafts` holds unsaved edits (see `drafts.py`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

# Limits of what people type beside a notice (the notice itself is capped by the loader).
AUTHOR_LIMIT = 200
MESSAGE_LIMIT = 2000
SLUG_LIMIT = 80
TEMPLATE_LIMIT = 100
CLIENT_LIMIT = 64  # characters of a browser's client id (drafts)


class UTCDateTime(sa.TypeDecorator):
    """An aware datetime in UTC on the way in and out; SQLite keeps it as naive UTC text."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(
                "timestamps must be timezone-aware (the store's clock gave a naive one)"
            )
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


metadata = sa.MetaData()
Id = sa.Uuid(as_uuid=False)  # native uuid on PostgreSQL, 32 hex characters on SQLite

notices = sa.Table(
    "notices",
    metadata,
    sa.Column("id", Id, primary_key=True),
    sa.Column("slug", sa.String(SLUG_LIMIT), nullable=False, unique=True),
    # The title when the notice was created; lists show the head version's title.
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("archived", sa.Boolean, nullable=False, default=False),
    sa.Column("head_version", sa.Integer, nullable=False),
    sa.Column("template", sa.String(TEMPLATE_LIMIT)),
    sa.Column("copied_from", Id, sa.ForeignKey("notices.id")),
    sa.Column("copied_from_version", sa.Integer),
    sa.CheckConstraint("head_version >= 1", name="ck_notices_head_version"),
)

versions = sa.Table(
    "versions",
    metadata,
    sa.Column("notice_id", Id, sa.ForeignKey("notices.id"), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("author", sa.String(AUTHOR_LIMIT), nullable=False),
    sa.Column("message", sa.String(MESSAGE_LIMIT), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.PrimaryKeyConstraint("notice_id", "number", name="pk_versions"),
    sa.CheckConstraint("number >= 1", name="ck_versions_number"),
)

# Versions are never updated. DELETE stays possible for a deliberate purge by an administrator
# (erasure requests); the store's API has no way to delete.
_IMMUTABLE = "notice versions are immutable: save a new version instead"
sa.event.listen(
    versions,
    "after_create",
    sa.DDL(
        "CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions "
        f"BEGIN SELECT RAISE(ABORT, '{_IMMUTABLE}'); END"
    ).execute_if(dialect="sqlite"),
)
sa.event.listen(
    versions,
    "after_create",
    sa.DDL(
        "CREATE OR REPLACE FUNCTION versions_immutable() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{_IMMUTABLE}'; END $$"
    ).execute_if(dialect="postgresql"),
)
sa.event.listen(
    versions,
    "after_create",
    sa.DDL(
        "CREATE TRIGGER versions_immutable BEFORE UPDATE ON versions "
        "FOR EACH ROW EXECUTE FUNCTION versions_immutable()"
    ).execute_if(dialect="postgresql"),
)

# Unsaved edits, autosaved per notice and per browser (a client id the browser keeps). One row
# each, overwritten as the person types: a draft is scratch space, not history. Saving makes a
# version (immutable) and removes the draft. Added to existing databases by create_all.
drafts = sa.Table(
    "drafts",
    metadata,
    sa.Column("notice_id", Id, sa.ForeignKey("notices.id"), nullable=False),
    sa.Column("client_id", sa.String(CLIENT_LIMIT), nullable=False),
    sa.Column("base_version", sa.Integer, nullable=False),
    sa.Column("saved_at", UTCDateTime, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.PrimaryKeyConstraint("notice_id", "client_id", name="pk_drafts"),
    sa.CheckConstraint("base_version >= 1", name="ck_drafts_base_version"),
)
