"""What the store hands back: frozen records, detached from the database.

They are plain values (no session, no lazy loading), so the app can keep them, pass them between
threads or serialise them without touching the database again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from ..io import loads_notice
from ..model import PrivacyNotice


@dataclass(frozen=True)
class VersionInfo:
    """One saved version of a notice, without its text."""

    notice_id: str
    number: int
    author: str
    message: str
    created_at: dt.datetime
    content_hash: str
    size: int
    """Length of the text in UTF-8 bytes."""
    title: str
    """The notice's title in this version (default locale)."""


@dataclass(frozen=True)
class NoticeInfo:
    """A notice in the store, as a list shows it: its head version's title and date."""

    id: str
    slug: str
    title: str
    """Title of the head version (default locale)."""
    created_at: dt.datetime
    updated_at: dt.datetime
    """When the head version was saved."""
    updated_by: str
    archived: bool
    head_version: int
    template: str | None = None
    """The example or template the notice was started from, if any."""
    copied_from: str | None = None
    """Id of the notice it was duplicated or saved as a copy from, if any."""
    copied_from_version: int | None = None


@dataclass(frozen=True)
class Draft:
    """A notice's text at one version (normally the head), ready to edit.

    Keep `version` and pass it back as `expected_version` when saving: that is how a save that
    would overwrite someone else's newer version is detected.
    """

    info: NoticeInfo
    version_info: VersionInfo
    text: str = field(repr=False)
    """The YAML (or JSON) exactly as it was saved, comments included."""

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def version(self) -> int:
        """This version's number: pass it back as `expected_version` when saving."""
        return self.version_info.number

    @cached_property
    def notice(self) -> PrivacyNotice:
        """The text validated as a model (parsed on first use).

        Every version was valid when saved; should the model change incompatibly later, this
        raises the loader's `NoticeError` naming the lines to fix, while `text` stays readable.
        """
        return loads_notice(self.text, source=self.info.slug)
