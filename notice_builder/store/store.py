"""The store: drafts of notices and every version of them, in SQLite or PostgreSQL.

One small interface over SQLAlchemy Core. Every save writes a new, immutable version row; the
only values ever updated in place are a notice's head pointer and its archived flag. A save
names the version it was based on (`expected_version`); in ONE transaction the store moves the
head from that version to the next with a compare-and-set UPDATE and inserts the new version, so
of two people saving on top of the same version exactly one succeeds and the other gets a
`ConflictError` with nothing written. On PostgreSQL the UPDATE's row lock serialises the two
(the loser re-reads the row after the winner commits and no longer matches); on SQLite the
write transaction starts with BEGIN IMMEDIATE; on both, the primary key (notice_id, number)
makes a second version with the same number impossible.
"""

from __future__ import annotations

import builtins
import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import Any

import sqlalchemy as sa

from ..i18n.messages import Phrase, phrase
from ..io import dumps_yaml, loads_notice
from ..model import PrivacyNotice
from ..resources import SAMPLE_NAME, example_names, example_path, template_names, template_text
from . import engine as db
from . import history
from .diff import Change, diff_notices
from .drafts import Drafts
from .errors import ArchivedError, ConflictError, InvalidInputError, StorageError
from .inputs import (
    check_text_size,
    clean_author,
    clean_message,
    title_of,
)
from .queries import (
    VERSION_INFO,
    check_id,
    check_number,
    free_slug,
    info_of,
    info_query,
    no_notice_error,
    no_version_error,
    version_of,
    version_values,
)
from .records import Draft, NoticeInfo, VersionInfo
from .schema import TEMPLATE_LIMIT, metadata, notices, versions

Clock = Callable[[], dt.datetime]
SEED_AUTHOR = "notice-builder"
_SLUG_ATTEMPTS = 5  # a new notice's slug is taken by a concurrent create at most this often


def utc_now() -> dt.datetime:
    """The default clock: now, in UTC."""
    return dt.datetime.now(dt.UTC)


class Store:
    """Notices and their versions in one database.

    `url` is a SQLAlchemy URL (`sqlite:////path/notices.db`, `postgresql://user:pw@host/db`);
    without it, `$DATABASE_URL`, else a SQLite file in the per-user data folder. `clock` gives
    every timestamp (inject a fixed one in tests). A Store is safe to share between threads;
    several processes may open the same database.
    """

    def __init__(
        self,
        url: str | sa.URL | None = None,
        *,
        clock: Clock = utc_now,
        busy_timeout: float = db.DEFAULT_BUSY_TIMEOUT,
        create_schema: bool = True,
    ) -> None:
        self.url = db.resolve_url(url)
        self.busy_timeout = busy_timeout
        self._engine = db.create_engine(self.url, busy_timeout=busy_timeout)
        self._clock = clock
        if create_schema:
            self.create_schema()

    def __repr__(self) -> str:
        return f"Store({db.safe_url(self.url)!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.url.get_backend_name()

    @cached_property
    def drafts(self) -> Drafts:
        """Unsaved edits, autosaved per notice and browser (see `store.drafts`)."""
        return Drafts(self)

    def close(self) -> None:
        """Close the pooled connections (the Store can still be used; it reconnects)."""
        self._engine.dispose()

    def create_schema(self) -> None:
        """Create the tables if they are missing (safe when several processes start at once)."""
        with self._guard("create its tables"), db.writing(self._engine) as conn:
            db.lock_store(conn)
            metadata.create_all(conn)

    # --- reading ---------------------------------------------------------------------------

    def get(self, notice_id: str, version: int | None = None) -> Draft:
        """The notice at its head version, or at `version`."""
        nid = check_id(notice_id)
        with self._guard("read the notice"), db.reading(self._engine) as conn:
            return self._draft(conn, nid, version)

    def list(self, include_archived: bool = False) -> builtins.list[NoticeInfo]:
        """Every notice, most recently saved first; archived ones only when asked."""
        query = info_query()
        if not include_archived:
            query = query.where(notices.c.archived.is_(False))
        query = query.order_by(versions.c.created_at.desc(), notices.c.slug)
        with self._guard("list the notices"), db.reading(self._engine) as conn:
            return [info_of(row) for row in conn.execute(query)]

    def versions(self, notice_id: str) -> builtins.list[VersionInfo]:
        """Every version of the notice, oldest (1) first, without their texts."""
        nid = check_id(notice_id)
        query = (
            sa.select(*VERSION_INFO).where(versions.c.notice_id == nid).order_by(versions.c.number)
        )
        with self._guard("read the versions"), db.reading(self._engine) as conn:
            rows = conn.execute(query).all()
        if not rows:  # every notice has a version 1
            raise no_notice_error(nid)
        return [version_of(row) for row in rows]

    def version(self, notice_id: str, number: int) -> str:
        """The text of version `number`, exactly as it was saved."""
        nid = check_id(notice_id)
        check_number(number)
        query = sa.select(versions.c.text).where(
            versions.c.notice_id == nid, versions.c.number == number
        )
        with self._guard("read the version"), db.reading(self._engine) as conn:
            text = conn.execute(query).scalar_one_or_none()
            if text is None:
                self._require(conn, nid)
                raise no_version_error(number)
        return text

    def diff(self, notice_id: str, a: int, b: int) -> builtins.list[Change]:
        """What changed from version `a` to version `b`, by area (see `store.diff`)."""
        old, new = self.get(notice_id, a), self.get(notice_id, b)
        return diff_notices(old.notice, new.notice)

    # --- writing ---------------------------------------------------------------------------

    def create(
        self,
        notice_or_text: PrivacyNotice | str | None = None,
        *,
        author: str,
        message: str = history.written("created"),
        from_template: str | None = None,
    ) -> Draft:
        """A new notice at version 1, from a model, a YAML/JSON text, or a template.

        `from_template` names the template or example the notice starts from
        (`resources.template_names()`, `resources.example_names()`): with no text, its text is
        used; either way it is recorded. A model is written as YAML. Invalid text raises the
        loader's `NoticeError` and nothing is stored.
        """
        if from_template is not None:
            known = list(dict.fromkeys([*template_names(), *example_names()]))
            if from_template not in known or len(from_template) > TEMPLATE_LIMIT:
                raise InvalidInputError(
                    key="notice_store.unknown_template",
                    name=repr(from_template[:TEMPLATE_LIMIT]),
                    known=list(known),
                )
        if notice_or_text is None:
            if from_template is None:
                raise TypeError("create() needs a notice, a text or from_template")
            if from_template in template_names():
                text = template_text(from_template)
            else:
                text = example_path(from_template).read_text(encoding="utf-8")
        elif isinstance(notice_or_text, PrivacyNotice):
            text = dumps_yaml(notice_or_text)
        else:
            text = notice_or_text
        return self._create(
            text, author=author, message=message, source="new notice", template=from_template
        )

    def save(
        self,
        notice_id: str,
        text: str,
        *,
        expected_version: int,
        author: str,
        message: str = "",
    ) -> Draft:
        """Save `text` as the notice's next version, if its head is still `expected_version`.

        The text is validated first (the loader's `NoticeError` is raised as is, with lines and
        fields). If someone saved since `expected_version`, `ConflictError` is raised. Either
        way nothing is written; the last version stays as it was.
        """
        nid = check_id(notice_id)
        check_number(expected_version, what="expected_version")
        author, message = clean_author(author), clean_message(message)
        size = check_text_size(text)
        slug = self._slug(nid)
        notice = loads_notice(text, source=slug)
        number = expected_version + 1
        with self._guard("save the notice"):
            try:
                with db.writing(self._engine) as conn:
                    moved = conn.execute(
                        sa.update(notices)
                        .where(
                            notices.c.id == nid,
                            notices.c.head_version == expected_version,
                            notices.c.archived.is_(False),
                        )
                        .values(head_version=number)
                    )
                    if moved.rowcount != 1:
                        self._refuse(conn, nid, expected_version)
                    now = self._now()  # read under the lock: versions are dated in order
                    conn.execute(
                        versions.insert().values(
                            version_values(nid, number, text, size, notice, author, message, now)
                        )
                    )
                    return self._draft(conn, nid, number)
            except sa.exc.IntegrityError:
                # The head said the number was free but the key says otherwise: only a writer
                # bypassing the head could do that. Still a conflict, never an overwrite.
                with db.reading(self._engine) as conn:
                    latest = conn.execute(
                        sa.select(sa.func.max(versions.c.number)).where(versions.c.notice_id == nid)
                    ).scalar_one()
                raise ConflictError(latest, expected_version, nid) from None

    def save_as_copy(
        self,
        notice_id: str,
        text: str,
        *,
        author: str,
        message: str | None = None,
        based_on: int | None = None,
    ) -> Draft:
        """Save `text` as a NEW notice (version 1), recording the notice it was copied from.

        The way out of a conflict: the edit is kept without touching the original. `based_on`
        is the version the edit started from (the head when not given).
        """
        nid = check_id(notice_id)
        origin = self._origin(nid, based_on)
        return self._create(
            text,
            author=author,
            message=message or history.written("copy", slug=origin.slug, number=origin.number),
            source="copy",
            copied_from=(nid, origin.number),
            template=origin.template,
        )

    def duplicate(
        self,
        notice_id: str,
        *,
        author: str,
        message: str | None = None,
        version: int | None = None,
    ) -> Draft:
        """A NEW notice (version 1) whose text is the head's (or `version`'s), byte for byte."""
        nid = check_id(notice_id)
        origin = self._origin(nid, version)
        text = self.version(nid, origin.number)
        return self._create(
            text,
            author=author,
            message=message
            or history.written("duplicated", slug=origin.slug, number=origin.number),
            source=origin.slug,
            copied_from=(nid, origin.number),
            template=origin.template,
        )

    def restore(
        self,
        notice_id: str,
        number: int,
        *,
        expected_version: int,
        author: str,
        message: str | None = None,
    ) -> Draft:
        """Save version `number`'s text again as a NEW version ("Restored v3"); history stays."""
        text = self.version(notice_id, number)
        return self.save(
            notice_id,
            text,
            expected_version=expected_version,
            author=author,
            message=message or history.written("restored", number=number),
        )

    def archive(self, notice_id: str) -> NoticeInfo:
        """Hide the notice from `list()` and refuse saves to it; its versions stay readable."""
        return self._set_archived(notice_id, True)

    def unarchive(self, notice_id: str) -> NoticeInfo:
        """Undo `archive`."""
        return self._set_archived(notice_id, False)

    def seed_examples(
        self, names: Iterable[str] = (SAMPLE_NAME,), *, author: str = SEED_AUTHOR
    ) -> builtins.list[Draft]:
        """Fill an EMPTY store with the sample notice(s); a store with any notice is left alone.

        Idempotent, also when several processes start at once. Returns the drafts created.
        """
        author = clean_author(author)
        samples = []
        for name in names:
            text = example_path(name).read_text(encoding="utf-8")
            size = check_text_size(text)
            samples.append((name, text, size, loads_notice(text, source=name)))
        now = self._now()
        with self._guard("add the sample notices"), db.writing(self._engine) as conn:
            db.lock_store(conn)
            if conn.execute(sa.select(sa.func.count()).select_from(notices)).scalar_one():
                return []
            return [
                self._insert(
                    conn, text, size, notice, author, history.written("sample"), now, template=name
                )
                for name, text, size, notice in samples
            ]

    # --- internals -------------------------------------------------------------------------

    def _now(self) -> dt.datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the store's clock must return timezone-aware datetimes")
        return now

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Database failures become a `StorageError` a person can read; nothing was changed."""
        try:
            yield
        except (sa.exc.DBAPIError, sa.exc.TimeoutError) as exc:
            raise StorageError(
                key="notice_store.failed",
                action=phrase(f"notice_store.action.{action.replace(' ', '_')}"),
                reason=self._reason(exc),
            ) from exc

    def _reason(self, exc: sa.exc.SQLAlchemyError) -> Phrase | str:
        if isinstance(exc, sa.exc.TimeoutError):
            return phrase("notice_store.reason.pool")
        orig = getattr(exc, "orig", None)
        detail = (str(orig).strip().splitlines() or [""])[0] if orig is not None else ""
        if "database is locked" in detail or "database is busy" in detail:
            return phrase("notice_store.reason.busy", seconds=f"{self.busy_timeout:g}")
        return detail[:200] or type(orig).__name__

    def _create(
        self,
        text: str,
        *,
        author: str,
        message: str,
        source: str,
        template: str | None = None,
        copied_from: tuple[str, int] | None = None,
    ) -> Draft:
        author, message = clean_author(author), clean_message(message)
        size = check_text_size(text)
        notice = loads_notice(text, source=source)
        now = self._now()
        with self._guard("create the notice"):
            for attempt in range(_SLUG_ATTEMPTS):
                try:
                    with db.writing(self._engine) as conn:
                        return self._insert(
                            conn, text, size, notice, author, message, now,
                            template=template, copied_from=copied_from,
                        )  # fmt: skip
                except sa.exc.IntegrityError:
                    # Another process took the slug between our look-up and insert: pick again.
                    if attempt == _SLUG_ATTEMPTS - 1:
                        raise
        raise AssertionError("unreachable")

    def _insert(
        self,
        conn: sa.Connection,
        text: str,
        size: int,
        notice: PrivacyNotice,
        author: str,
        message: str,
        now: dt.datetime,
        *,
        template: str | None = None,
        copied_from: tuple[str, int] | None = None,
    ) -> Draft:
        nid = str(uuid.uuid4())
        conn.execute(
            notices.insert().values(
                id=nid,
                slug=free_slug(conn, notice.id),
                title=title_of(notice),
                created_at=now,
                archived=False,
                head_version=1,
                template=template,
                copied_from=copied_from[0] if copied_from else None,
                copied_from_version=copied_from[1] if copied_from else None,
            )
        )
        conn.execute(
            versions.insert().values(
                version_values(nid, 1, text, size, notice, author, message, now)
            )
        )
        return self._draft(conn, nid, 1)

    def _draft(self, conn: sa.Connection, nid: str, number: int | None) -> Draft:
        """The notice with the text of version `number` (the head when None)."""
        info_row = conn.execute(info_query().where(notices.c.id == nid)).one_or_none()
        if info_row is None:
            raise no_notice_error(nid)
        info = info_of(info_row)
        if number is None:
            number = info.head_version
        check_number(number)
        row = conn.execute(
            sa.select(*VERSION_INFO, versions.c.text).where(
                versions.c.notice_id == nid, versions.c.number == number
            )
        ).one_or_none()
        if row is None:
            raise no_version_error(number)
        return Draft(info=info, version_info=version_of(row), text=row.text)

    def _require(self, conn: sa.Connection, nid: str) -> Any:
        row = conn.execute(
            sa.select(notices.c.slug, notices.c.head_version, notices.c.archived).where(
                notices.c.id == nid
            )
        ).one_or_none()
        if row is None:
            raise no_notice_error(nid)
        return row

    def _refuse(self, conn: sa.Connection, nid: str, expected: int) -> None:
        """Why the head could not move: no such notice, archived, or someone saved first."""
        row = self._require(conn, nid)
        if row.archived:
            raise ArchivedError(key="notice_store.archived")
        raise ConflictError(row.head_version, expected, nid)

    def _slug(self, nid: str) -> str:
        with self._guard("read the notice"), db.reading(self._engine) as conn:
            return self._require(conn, nid).slug

    def _origin(self, nid: str, number: int | None) -> _Origin:
        with self._guard("read the notice"), db.reading(self._engine) as conn:
            row = conn.execute(
                sa.select(notices.c.slug, notices.c.head_version, notices.c.template).where(
                    notices.c.id == nid
                )
            ).one_or_none()
        if row is None:
            raise no_notice_error(nid)
        if number is None:
            number = row.head_version
        check_number(number)
        if number > row.head_version:
            raise no_version_error(number)
        return _Origin(row.slug, number, row.template)

    def _set_archived(self, notice_id: str, archived: bool) -> NoticeInfo:
        nid = check_id(notice_id)
        with self._guard("archive the notice"), db.writing(self._engine) as conn:
            done = conn.execute(
                sa.update(notices).where(notices.c.id == nid).values(archived=archived)
            )
            if done.rowcount != 1:
                raise no_notice_error(nid)
            return info_of(conn.execute(info_query().where(notices.c.id == nid)).one())


class _Origin:
    __slots__ = ("slug", "number", "template")

    def __init__(self, slug: str, number: int, template: str | None) -> None:
        self.slug, self.number, self.template = slug, number, template
