"""Autosaved drafts as plain functions (no Dash): keep, offer, restore and discard unsaved edits.

The browser keeps a random client id in its localStorage and hands the editor's text to
`autosave` at most every AUTOSAVE_SECONDS while it changes. When a notice is opened and this
browser has a draft of it that differs from what the editor shows, `offer` describes it;
`restore` puts it back in the editor, never into a version: only Save makes a version, with the
usual conflict check against the version the draft was based on.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...store import Store, StoreError, UnsavedDraft
from ...store.drafts import check_client_id
from ..language import tr
from .editor import Saved, said

log = logging.getLogger("notice_builder.app")

AUTOSAVE_SECONDS = 3  # at most one draft write per browser every this many seconds
DRAFT_MAX_AGE = dt.timedelta(days=30)  # a draft nobody came back to for this long is removed
PRUNE_EVERY = dt.timedelta(hours=1)


class Pruner:
    """Removes drafts older than `max_age`: when the app starts, then at most once every `every`,
    from an autosave (so an idle app does no work and a busy one does it rarely).

    A prune is one DELETE by age: cheap, and harmless when several workers (each with its own
    Pruner) run it at once. A request never waits for another one's prune (the lock is only
    tried), and a failed prune is logged and tried again at the next chance after `every`."""

    def __init__(
        self,
        store: Store,
        max_age: dt.timedelta = DRAFT_MAX_AGE,
        every: dt.timedelta = PRUNE_EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if every <= dt.timedelta(0):
            raise ValueError(f"every must be positive, not {every}")
        self.store, self.max_age, self.every, self._clock = store, max_age, every, clock
        self._due: float | None = None  # None: never run, so the first call runs
        self._lock = threading.Lock()

    def maybe(self) -> int | None:
        """Prune if it is due: how many drafts went, or None when it was not due (or failed)."""
        now = self._clock()
        if self._due is not None and now < self._due:
            return None
        if not self._lock.acquire(blocking=False):
            return None  # another request of this worker is pruning right now
        try:
            if self._due is not None and now < self._due:
                return None
            self._due = now + self.every.total_seconds()
            try:
                removed = self.store.drafts.prune(self.max_age)
            except StoreError:
                log.warning("could not remove old drafts", exc_info=True)
                return None
            if removed:
                log.info("removed %d draft(s) older than %s", removed, self.max_age)
            return removed
        finally:
            self._lock.release()


def _moment(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _client(client: Any) -> str | None:
    try:
        return check_client_id(client)
    except StoreError:
        return None


def _notice(current: Any) -> tuple[str, int] | None:
    """(id, version) of the open notice, or None when nothing (sensible) is open."""
    if not isinstance(current, dict) or not isinstance(current.get("id"), str):
        return None
    version = current.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return None
    return current["id"], version


@dataclass
class Autosaved:
    """What an autosave did: `kept` the draft, removed it (`kept` False), or failed."""

    kind: str  # "kept", "cleared", "skipped", "error"
    message: str = ""

    @property
    def wrote(self) -> bool:
        return self.kind in ("kept", "cleared")


def autosave(store: Store, sent: Any, client: Any) -> Autosaved:
    """Keep the text the browser sent as this browser's draft of the notice it was typed in.

    `sent` is {"id", "version", "text", "edited"}: `edited` is False for the text a notice
    opened with (nothing to keep, and an older draft must stay for the restore offer)."""
    if not isinstance(sent, dict) or not sent.get("edited"):
        return Autosaved("skipped")
    opened, browser, text = _notice(sent), _client(client), sent.get("text")
    if opened is None or browser is None or not isinstance(text, str):
        return Autosaved("skipped")
    notice_id, version = opened
    try:
        kept = store.drafts.save(notice_id, browser, text, base_version=version)
    except StoreError as exc:
        return Autosaved("error", tr("drafts.not_kept", error=said(exc)))
    if kept is None:
        return Autosaved("cleared", tr("drafts.cleared"))
    return Autosaved("kept", tr("drafts.kept", moment=_moment(kept.saved_at)))


def seen(current: dict[str, Any], text: str) -> dict[str, Any]:
    """What the browser's autosave records as already kept for the notice open at `current`
    (the same shape its script makes), so a restored draft is not written again unchanged."""
    key = f"{current['id']}@{current['version']}"
    return {"key": key, "id": current["id"], "version": current["version"], "text": text,
            "edited": False}  # fmt: skip


@dataclass
class Offer:
    """Unsaved edits this browser kept and the editor does not show: of the open notice, else
    the most recent of another notice (whose `title` is then given)."""

    draft: UnsavedDraft
    head_version: int
    title: str | None = None  # set when the draft is of another notice than the open one

    @property
    def moved_on(self) -> bool:
        """Someone saved the notice after the draft's base version."""
        return self.head_version > self.draft.base_version

    @property
    def data(self) -> dict[str, str]:
        """What the page keeps to restore or discard this draft."""
        return {"id": self.draft.notice_id}

    @property
    def message(self) -> str:
        moment, base = _moment(self.draft.saved_at), f"v{self.draft.base_version}"
        if self.title is None:
            text = tr("drafts.offer", moment=moment, version=base)
        else:
            text = tr("drafts.offer_other", title=self.title, moment=moment, version=base)
        if self.moved_on:
            text += " " + tr("drafts.moved_on", version=f"v{self.head_version}")
        return text


def offer(store: Store, current: Any, client: Any, shown: Any) -> Offer | None:
    """This browser's draft of the open notice, unless the editor already shows its text; else
    its most recent draft of another notice (a reload opens the last saved notice, which may
    not be the one that was being edited)."""
    browser = _client(client)
    if browser is None:
        return None
    opened = _notice(current)
    open_id = opened[0] if opened else None
    try:
        kept = [
            draft
            for draft in store.drafts.of_client(browser)  # most recent first
            if not (draft.notice_id == open_id and draft.text == shown)
        ]
        kept.sort(key=lambda draft: draft.notice_id != open_id)  # the open notice's own first
        for draft in kept:
            head = store.get(draft.notice_id)
            if draft.text == head.text:  # saved meanwhile, e.g. from another tab
                continue
            if draft.notice_id == open_id:
                return Offer(draft, head.version)
            if not head.info.archived:  # an archived notice is not offered for editing
                return Offer(draft, head.version, title=head.info.title)
    except StoreError:
        return None  # the page works on; the offer returns when the store answers again
    return None


def _offered(offer: Any) -> str | None:
    notice_id = offer.get("id") if isinstance(offer, dict) else None
    return notice_id if isinstance(notice_id, str) else None


def restore(store: Store, offered: Any, client: Any) -> Saved:
    """The offered draft's text for the editor, and the version it was based on as the one being
    edited (so a save on a notice that moved on meets the conflict check). Nothing is saved.

    `offered` is `Offer.data` ({"id": notice id}); the open notice's `current` works too."""
    notice_id, browser = _offered(offered), _client(client)
    if notice_id is None or browser is None:
        return Saved(None, "error", tr("editor.open_notice_first"))
    try:
        draft = store.drafts.get(notice_id, browser)
        head = store.get(notice_id).version if draft else 0
    except StoreError as exc:
        return Saved(None, "error", said(exc))
    if draft is None:
        return Saved(None, "error", tr("drafts.gone"))
    message = tr("drafts.restored", moment=_moment(draft.saved_at))
    if head > draft.base_version:
        message += " " + tr(
            "drafts.restored_behind", version=f"v{draft.base_version}", head=f"v{head}"
        )
    else:
        message += " " + tr("drafts.restored_unsaved")
    current = {"id": draft.notice_id, "version": draft.base_version}
    return Saved(current, "saved", message, text=draft.text)


def discard(store: Store, offered: Any, client: Any) -> Saved:
    """Throw the offered draft away; the saved versions stay as they are."""
    notice_id, browser = _offered(offered), _client(client)
    if notice_id is None or browser is None:
        return Saved(None, "error", tr("editor.open_notice_first"))
    try:
        store.drafts.discard(notice_id, browser)
    except StoreError as exc:
        return Saved(None, "error", said(exc))
    return Saved(None, "saved", tr("drafts.discarded"))


def after_save(store: Store, result: Saved, current: Any, client: Any) -> None:
    """Once the text is safe in a version (or a copy), the draft it came from is not needed."""
    opened, browser = _notice(current), _client(client)
    if not result.ok or opened is None or browser is None:
        return
    try:
        store.drafts.discard(opened[0], browser)
    except StoreError:
        # The save itself succeeded; a draft left behind is offered later and can be discarded.
        log.warning("could not remove the draft of notice %s after a save", opened[0])
