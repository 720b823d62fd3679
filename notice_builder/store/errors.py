"""What can go wrong in the store, as exceptions a caller (the app, the CLI) can show as they are.

Every error leaves the store as it was: a save either writes its whole version or nothing.
A notice that fails validation raises the loader's own `NoticeError` (with lines and fields),
not one of these.
"""

from __future__ import annotations

from typing import Any

from ..i18n.messages import render


class StoreError(Exception):
    """Base of the store's errors; `str(error)` is a sentence a person can act on.

    Raised with a catalogue `key` (`notice_store.*`) and its values, the English sentence comes
    from the catalogue and `text(locale)` says it in another language; raised with a plain
    message (a caller's own), it is that message in every language."""

    def __init__(self, message: str | None = None, *, key: str | None = None, **params: Any):
        self.key = key
        self.params = params
        if message is None:
            message = render(key, params, "en") if key else ""
        super().__init__(message)

    def text(self, locale: str) -> str:
        """The sentence in `locale` (the English message when it has no catalogue key)."""
        return render(self.key, self.params, locale) if self.key else str(self)


class NotFoundError(StoreError, LookupError):
    """No notice (or no version of it) has this id or number."""


class ConflictError(StoreError):
    """The notice changed since the caller read it: someone else saved a newer version.

    Nothing was written. The caller can reload, compare the two versions, or save its text as
    a copy; `current_version` is the head now, `expected_version` the one the caller had opened.
    """

    def __init__(self, current_version: int, expected_version: int, notice_id: str = "") -> None:
        self.current_version = current_version
        self.expected_version = expected_version
        self.notice_id = notice_id
        super().__init__(
            key="notice_store.conflict",
            expected=f"v{expected_version}",
            current=f"v{current_version}",
        )


class ArchivedError(StoreError):
    """The notice is archived: it can be read, duplicated or unarchived, not edited."""


class InvalidInputError(StoreError, ValueError):
    """An argument is refused before anything is written: a text over the size limit, an
    author or message that is empty, too long or holds control characters."""


class StorageError(StoreError):
    """The database failed (locked too long, disk full, connection lost); nothing was changed.

    The original driver error is chained as `__cause__` for the log; the message is safe to
    show (it never carries the database URL or its password).
    """
