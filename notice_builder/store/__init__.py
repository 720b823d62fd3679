"""Drafts and versions of notices, stored in SQLite (by default) or PostgreSQL.

    from notice_builder.store import Store, ConflictError

    store = Store()  # $DATABASE_URL, else a SQLite file in the user's data folder
    draft = store.create(text, author="ana")
    try:
        draft = store.save(draft.id, edited, expected_version=draft.version, author="ana")
    except ConflictError as exc:  # someone saved first: nothing was written
        ...

Every save is a new immutable version; `versions`, `version`, `diff` and `restore` read and
bring back history. `store.drafts` keeps unsaved edits per notice and browser (autosave). No Dash here: the app calls this like any other library.
"""

from .diff import AREAS, Change, diff_notices
from .drafts import Drafts, UnsavedDraft
from .engine import ENV_VAR, default_database_path, resolve_url
from .errors import (
    ArchivedError,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    StorageError,
    StoreError,
)
from .inputs import MAX_TEXT_BYTES
from .records import Draft, NoticeInfo, VersionInfo
from .store import Store, utc_now

__all__ = [
    "AREAS",
    "ENV_VAR",
    "MAX_TEXT_BYTES",
    "ArchivedError",
    "Change",
    "ConflictError",
    "Draft",
    "Drafts",
    "InvalidInputError",
    "NotFoundError",
    "NoticeInfo",
    "StorageError",
    "Store",
    "StoreError",
    "UnsavedDraft",
    "VersionInfo",
    "default_database_path",
    "diff_notices",
    "resolve_url",
    "utc_now",
]
