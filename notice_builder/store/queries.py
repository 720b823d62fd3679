"""The store's SQL and rows: queries over the two tables and the records built from them.

Kept apart from `store.py` (which decides what a save is and when it commits) so each reads on
its own. Ids are UUIDs checked here, before any query: anything else names no notice.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa

from ..model import PrivacyNotice
from .errors import NotFoundError
from .inputs import content_hash, title_of
from .records import NoticeInfo, VersionInfo
from .schema import SLUG_LIMIT, notices, versions

VERSION_INFO = (
    versions.c.notice_id,
    versions.c.number,
    versions.c.author,
    versions.c.message,
    versions.c.created_at,
    versions.c.content_hash,
    versions.c.size,
    versions.c.title,
)


def info_query() -> sa.Select:
    """Notices joined with their head version (its title, date and author)."""
    return sa.select(
        notices.c.id,
        notices.c.slug,
        notices.c.created_at,
        notices.c.archived,
        notices.c.head_version,
        notices.c.template,
        notices.c.copied_from,
        notices.c.copied_from_version,
        versions.c.title,
        versions.c.created_at.label("updated_at"),
        versions.c.author.label("updated_by"),
    ).join(
        versions,
        sa.and_(versions.c.notice_id == notices.c.id, versions.c.number == notices.c.head_version),
    )


def info_of(row: sa.Row) -> NoticeInfo:
    return NoticeInfo(
        id=row.id,
        slug=row.slug,
        title=row.title,
        created_at=row.created_at,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        archived=row.archived,
        head_version=row.head_version,
        template=row.template,
        copied_from=row.copied_from,
        copied_from_version=row.copied_from_version,
    )


def version_of(row: sa.Row) -> VersionInfo:
    return VersionInfo(
        notice_id=row.notice_id,
        number=row.number,
        author=row.author,
        message=row.message,
        created_at=row.created_at,
        content_hash=row.content_hash,
        size=row.size,
        title=row.title,
    )


def version_values(
    nid: str,
    number: int,
    text: str,
    size: int,
    notice: PrivacyNotice,
    author: str,
    message: str,
    now: dt.datetime,
) -> dict[str, Any]:
    return {
        "notice_id": nid,
        "number": number,
        "author": author,
        "message": message,
        "created_at": now,
        "title": title_of(notice),
        "content_hash": content_hash(text),
        "size": size,
        "text": text,
    }


def free_slug(conn: sa.Connection, base: str) -> str:
    """`base` (the notice's own id), or `base-2`, `base-3`… if taken."""
    base = base[: SLUG_LIMIT - 6]
    taken = set(
        conn.scalars(
            sa.select(notices.c.slug).where(
                sa.or_(
                    notices.c.slug == base, notices.c.slug.startswith(f"{base}-", autoescape=True)
                )
            )
        )
    )
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def check_id(notice_id: str) -> str:
    """The id in canonical form; anything that is not a UUID names no notice."""
    try:
        return str(uuid.UUID(str(notice_id)))
    except ValueError:
        raise no_notice_error(str(notice_id)[:80]) from None


def check_number(number: int, what: str = "version") -> None:
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError(f"{what} must be an int, not {type(number).__name__}")
    if number < 1:
        raise NotFoundError(key="notice_store.version_from_one", number=number)


def no_notice(nid: str) -> str:
    return str(no_notice_error(nid))


def no_notice_error(nid: str) -> NotFoundError:
    return NotFoundError(key="notice_store.no_notice", id=repr(nid))


def no_version_error(number: object) -> NotFoundError:
    return NotFoundError(key="notice_store.no_version", number=number)
