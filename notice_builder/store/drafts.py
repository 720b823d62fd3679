"""Unsaved edits ("drafts"), autosaved per notice and per browser, so a closed tab loses nothing.

A draft is the text someone is typing, the version it started from and when it was kept. There
is at most one per notice and client (a random id the browser keeps); each autosave overwrites
it. Drafts never touch the versions: restoring one puts its text back in the editor, and only a
save (with the usual conflict check against `base_version`) makes a version of it. A draft is
kept only while it differs from its base version; saving the same text as the base removes it.

    store.drafts.save(notice_id, client_id, text, base_version=3)
    store.drafts.get(notice_id, client_id)       # an UnsavedDraft, or None
    store.drafts.discard(notice_id, client_id)   # after a successful save
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from . import engine as db
from .errors import InvalidInputError
from .inputs import check_text_size, content_hash
from .queries import check_id, check_number, no_notice_error, no_version_error
from .schema import CLIENT_LIMIT, drafts, notices, versions

if TYPE_CHECKING:
    from .store import Store

# What a browser may call itself: the app makes 32 hex digits; anything else is refused before
# it reaches SQL or a log line.
_CLIENT_ID = re.compile(rf"[A-Za-z0-9_-]{{8,{CLIENT_LIMIT}}}")


@dataclass(frozen=True)
class UnsavedDraft:
    """Someone's unsaved text of a notice, as last autosaved from one browser."""

    notice_id: str
    client_id: str
    base_version: int
    """The version the edits started from: save with it as `expected_version`."""
    saved_at: dt.datetime
    """When it was last autosaved (UTC)."""
    size: int
    """Length of the text in UTF-8 bytes."""
    text: str = field(repr=False)


def check_client_id(client_id: object) -> str:
    """The client id as given, if it is 8 to CLIENT_LIMIT letters, digits, '-' or '_'."""
    if not isinstance(client_id, str) or not _CLIENT_ID.fullmatch(client_id):
        raise InvalidInputError(key="notice_store.client_id", limit=CLIENT_LIMIT)
    return client_id


class Drafts:
    """The drafts of one Store (`store.drafts`): save, get, discard, list and prune."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def save(
        self, notice_id: str, client_id: str, text: str, *, base_version: int
    ) -> UnsavedDraft | None:
        """Keep `text` as this client's draft of the notice, replacing its previous one.

        `base_version` is the version the edits started from; it must exist. When `text` is
        that version's own text there is nothing to keep: any draft is removed and None is
        returned. A text over the size limit raises `InvalidInputError`; the text is not
        validated otherwise (half-typed YAML is what drafts are for).
        """
        nid, client = check_id(notice_id), check_client_id(client_id)
        check_number(base_version, what="base_version")
        size = check_text_size(text)
        digest = content_hash(text)
        store = self._store
        with store._guard("keep your draft"), db.writing(store._engine) as conn:
            head = conn.execute(
                sa.select(notices.c.head_version).where(notices.c.id == nid)
            ).scalar_one_or_none()
            if head is None:
                raise no_notice_error(nid)
            if base_version > head:
                raise no_version_error(base_version)
            base_hash = conn.execute(
                sa.select(versions.c.content_hash).where(
                    versions.c.notice_id == nid, versions.c.number == base_version
                )
            ).scalar_one()
            if base_hash == digest:
                conn.execute(_where(sa.delete(drafts), nid, client))
                return None
            row = {
                "notice_id": nid,
                "client_id": client,
                "base_version": base_version,
                "saved_at": store._now(),
                "size": size,
                "text": text,
            }
            conn.execute(_upsert(conn.dialect.name, row))
        return UnsavedDraft(**row)

    def get(self, notice_id: str, client_id: str) -> UnsavedDraft | None:
        """This client's draft of the notice, or None."""
        nid, client = check_id(notice_id), check_client_id(client_id)
        store = self._store
        with store._guard("read your draft"), db.reading(store._engine) as conn:
            row = conn.execute(_where(sa.select(drafts), nid, client)).one_or_none()
        return _draft_of(row) if row is not None else None

    def discard(self, notice_id: str, client_id: str) -> bool:
        """Remove this client's draft of the notice; True if there was one."""
        nid, client = check_id(notice_id), check_client_id(client_id)
        store = self._store
        with store._guard("discard your draft"), db.writing(store._engine) as conn:
            return conn.execute(_where(sa.delete(drafts), nid, client)).rowcount > 0

    def of_client(self, client_id: str) -> builtins.list[UnsavedDraft]:
        """Every draft this client keeps, of any notice, most recently kept first."""
        client = check_client_id(client_id)
        query = (
            sa.select(drafts)
            .where(drafts.c.client_id == client)
            .order_by(drafts.c.saved_at.desc(), drafts.c.notice_id)
        )
        store = self._store
        with store._guard("read your drafts"), db.reading(store._engine) as conn:
            return [_draft_of(row) for row in conn.execute(query)]

    def prune(self, older_than: dt.timedelta) -> int:
        """Remove every client's drafts last kept more than `older_than` ago; how many went.

        For an administrator's scheduled clean-up: browsers that never came back leave drafts.
        """
        if older_than < dt.timedelta(0):
            raise InvalidInputError(key="notice_store.negative_age")
        store = self._store
        cutoff = store._now() - older_than
        with store._guard("remove old drafts"), db.writing(store._engine) as conn:
            return conn.execute(sa.delete(drafts).where(drafts.c.saved_at < cutoff)).rowcount


def _where(statement, nid: str, client: str):
    return statement.where(drafts.c.notice_id == nid, drafts.c.client_id == client)


def _upsert(dialect: str, row: dict) -> sa.Insert:
    """INSERT, or UPDATE the row this client already has (one statement, on both databases)."""
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(drafts).values(row)
    changed = {k: insert.excluded[k] for k in ("base_version", "saved_at", "size", "text")}
    return insert.on_conflict_do_update(index_elements=["notice_id", "client_id"], set_=changed)


def _draft_of(row: sa.Row) -> UnsavedDraft:
    return UnsavedDraft(
        notice_id=row.notice_id,
        client_id=row.client_id,
        base_version=row.base_version,
        saved_at=row.saved_at,
        size=row.size,
        text=row.text,
    )
