"""The editor's logic as plain functions: check a text, save it, save it as a copy, restore.

No Dash here beyond what `register` wires; every function takes plain values and a Store and
returns plain values, so tests call them without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...checks import run_checks
from ...io import NoticeError, loads_notice
from ...model import PrivacyNotice
from ...resources import BLANK_TEMPLATE, template_text
from ...store import ConflictError, Store, StoreError, history
from ..language import current as ui_language
from ..language import tr

# No sign-in yet: every save from the app is recorded under this name ("web editor").
AUTHOR = history.author("web_editor")

# The blank template (templates/blank.yaml): what "New blank notice" starts from.
BLANK_NOTICE = template_text(BLANK_TEMPLATE)


@dataclass
class Checked:
    """What the editor shows about a text: its problems, or the notice and its findings."""

    notice: PrivacyNotice | None = None
    problems: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def locales(self) -> list[str]:
        return list(self.notice.all_locales) if self.notice else []


def check_text(text: str | None) -> Checked:
    """Validate `text` (nothing is saved): located problems, or the compliance findings."""
    try:
        notice = loads_notice(text or "", source="editor")
    except NoticeError as exc:
        return Checked(problems=problem_dicts(exc))
    findings = [
        {
            "severity": f.severity,
            "path": f.dotted,
            "message": f.text(ui_language()),
            "reference": f.reference,
        }
        for f in run_checks(notice)
    ]
    return Checked(notice=notice, findings=findings)


def problem_dicts(exc: NoticeError) -> list[dict[str, Any]]:
    """The loader's problems as the editor lists them, in the interface language."""
    lang = ui_language()
    return [p.as_dict(lang) for p in exc.problems]


def said(exc: Exception) -> str:
    """A library error as a sentence in the interface language (store errors, loader problems);
    any other error as its own English text."""
    if isinstance(exc, NoticeError):
        lang = ui_language()
        return tr("editor.problems", len(exc.problems), problems="; ".join(
            p.text(lang) for p in exc.problems[:3]
        ))  # fmt: skip
    text = getattr(exc, "text", None)
    return text(ui_language()) if callable(text) else str(exc)


@dataclass
class Saved:
    """The outcome of a save: the notice now edited, and what to tell the person."""

    current: dict[str, Any] | None
    kind: str  # "saved", "invalid", "conflict", "error"
    message: str
    problems: list[dict[str, Any]] = field(default_factory=list)
    text: str | None = None  # the text to put in the editor (None: leave the editor alone)

    @property
    def ok(self) -> bool:
        return self.kind == "saved"


def current_of(draft: Any) -> dict[str, Any]:
    return {"id": draft.id, "version": draft.version}


def save(
    store: Store, current: dict[str, Any] | None, text: str, message: str | None = None
) -> Saved:
    """Save `text` on top of the version the person opened; on a conflict nothing is written
    and the caller keeps the text on screen."""
    if not current or not current.get("id"):
        return Saved(None, "error", tr("editor.open_first"))
    try:
        draft = store.save(
            current["id"],
            text or "",
            expected_version=int(current["version"]),
            author=AUTHOR,
            message=(message or "").strip() or history.written("edited"),
        )
    except NoticeError as exc:
        problems = problem_dicts(exc)
        return Saved(current, "invalid", tr("editor.not_saved"), problems)
    except ConflictError as exc:
        return Saved(current, "conflict", said(exc))
    except StoreError as exc:  # archived, over the size limit, database busy: a readable sentence
        return Saved(current, "error", said(exc))
    return Saved(current_of(draft), "saved", tr("editor.saved", version=draft.version))


def save_as_copy(
    store: Store, current: dict[str, Any] | None, text: str, message: str | None = None
) -> Saved:
    """Keep the person's text as a NEW notice; the original is not touched."""
    if not current or not current.get("id"):
        return Saved(None, "error", tr("editor.open_first"))
    try:
        draft = store.save_as_copy(
            current["id"],
            text or "",
            author=AUTHOR,
            message=(message or "").strip() or None,
            based_on=int(current["version"]),
        )
    except NoticeError as exc:
        problems = problem_dicts(exc)
        return Saved(current, "invalid", tr("editor.not_saved"), problems)
    except StoreError as exc:
        return Saved(current, "error", said(exc))
    return Saved(current_of(draft), "saved", tr("editor.saved_copy", title=draft.info.title))


def restore(store: Store, current: dict[str, Any] | None, number: int) -> Saved:
    """Bring version `number` back as a new version, and its text into the editor."""
    if not current or not current.get("id"):
        return Saved(None, "error", tr("editor.open_first"))
    try:
        draft = store.restore(
            current["id"], int(number), expected_version=int(current["version"]), author=AUTHOR
        )
    except ConflictError as exc:
        return Saved(current, "conflict", said(exc))
    except StoreError as exc:
        return Saved(current, "error", said(exc))
    message = tr("editor.restored", number=number, version=draft.version)
    return Saved(current_of(draft), "saved", message, text=draft.text)


def create(store: Store, template: str | None) -> Saved:
    """A new notice from the sample (`template` = an example name) or the blank text."""
    try:
        if template:
            draft = store.create(
                author=AUTHOR, from_template=template, message=history.written("template")
            )
        else:
            draft = store.create(BLANK_NOTICE, author=AUTHOR, message=history.written("blank"))
    except (NoticeError, StoreError) as exc:
        return Saved(None, "error", said(exc))
    return Saved(
        current_of(draft), "saved", tr("editor.created", title=draft.info.title), text=draft.text
    )


def open_notice(store: Store, notice_id: str) -> Saved:
    """Open the notice's head version for editing."""
    try:
        draft = store.get(notice_id)
    except StoreError as exc:
        return Saved(None, "error", said(exc))
    return Saved(current_of(draft), "saved", "", text=draft.text)
