"""Store labels and other formats on the Notices page, as plain functions (no Dash).

Import: a dropped Google Play Data safety CSV or Apple app_privacy_details.json is recognised
(`label_format`), checked (`inspect_label`), and once the person chooses, becomes a new notice or a
new version of the open notice (`import_label`). Export: the open notice in any registered format
(`export_file`), with what that format cannot say about it (`export_losses`).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from ...formats import export_as, formats, get, import_from, importable, names
from ...i18n import t
from ...i18n.errors import said_text
from ...io import NoticeError, dumps_yaml, loads_notice
from ...store import ConflictError, Store, StoreError
from ..language import current as ui_language
from ..language import tr
from .editor import AUTHOR, Saved, current_of
from .flows import UploadError, clean_filename, decode_upload

MODES = ("new", "apply")  # "New notice", "Apply to the open notice"
SNIFF_BYTES = 4096  # as much of a file as `formats.detect` reads to recognise it
# base64 text that decodes to at least SNIFF_BYTES (4 characters carry 3 bytes)
_SNIFF_CHARS = (SNIFF_BYTES + 2) // 3 * 4


def format_choices() -> list[dict[str, str]]:
    """The "Export as" picker's entries: every registered format, named by its title."""
    return [{"value": name, "label": format_title(name)} for name in names()]


def format_title(name: str) -> str:
    """The format's title in the interface language (its registered English title for a
    format the catalogues do not know, e.g. one registered by a plugin)."""
    try:
        return t(f"format.title.{name}", ui_language())
    except KeyError:
        return get(name).title


def _said(exc: BaseException) -> str:
    return said_text(exc, ui_language())


def _head(contents: Any) -> bytes:
    """The first bytes of an upload, decoded without decoding (or size-checking) the rest."""
    if not isinstance(contents, str) or "," not in contents:
        return b""
    head, _, encoded = contents.partition(",")
    if not head.startswith("data:") or not head.endswith(";base64"):
        return b""
    chunk = encoded[:_SNIFF_CHARS]
    chunk = chunk[: len(chunk) // 4 * 4]
    try:
        return base64.b64decode(chunk, validate=True)
    except (binascii.Error, ValueError):
        return b""


def label_format(contents: Any, filename: Any) -> str | None:
    """The store label format of an upload (a format name), or None for a notice file.

    The content decides first; a `.csv` that no format recognises is still taken as a Google
    Play file so its header error is shown. A `.json` that is not an Apple label is left to the
    notice loader: JSON is also a notice's own format."""
    head = _head(contents)
    for fmt in formats():
        if fmt.can_import and fmt.sniff is not None and head and fmt.sniff(head):
            return fmt.name
    suffix = PurePath(clean_filename(filename)).suffix.lower()
    if suffix == ".csv":
        return next((f.name for f in formats() if f.can_import and f.suffix == ".csv"), None)
    return None


@dataclass
class Inspected:
    """A dropped store label, checked: its problems, or what to keep while the person chooses."""

    kind: str  # "label" (valid, waiting for a choice), "invalid", "error"
    message: str
    problems: list[dict[str, Any]] = field(default_factory=list)
    pending: dict[str, str] | None = None  # {"contents", "filename", "format"}
    title: str = ""

    @property
    def ok(self) -> bool:
        return self.kind == "label"


def _problems(exc: NoticeError) -> list[dict[str, Any]]:
    return [p.as_dict(ui_language()) for p in exc.problems]


def inspect_label(contents: Any, filename: Any, name: str) -> Inspected:
    """Check a dropped store label in the format `name` without storing anything."""
    shown = clean_filename(filename)
    if name not in importable():
        return Inspected("error", tr("labels.not_importable", name=shown, format=name[:40]))
    title = format_title(name)
    try:
        raw = decode_upload(contents)
        import_from(raw, name, source=shown)
    except UploadError as exc:
        return Inspected("error", _said(exc))
    except NoticeError as exc:
        return Inspected("invalid", tr("labels.has_problems", name=shown), _problems(exc))
    pending = {"contents": contents, "filename": shown, "format": name}
    message = tr("labels.question", name=shown, title=title)
    return Inspected("label", message, pending=pending, title=title)


@dataclass
class LabelImport:
    """What importing a store label did, and what the label could not carry."""

    saved: Saved
    losses: list[dict[str, str]] = field(default_factory=list)
    title: str = ""
    keep: bool = False  # the label stays on offer (a conflict may be answered with "New notice")


def _unsaved_edits(text: str, editor_text: Any) -> bool:
    """Whether the editor holds content the saved version lacks (comments and layout aside)."""
    if not isinstance(editor_text, str) or editor_text == text:
        return False
    try:
        return loads_notice(editor_text, source="editor") != loads_notice(text, source="saved")
    except NoticeError:
        return True


def import_label(
    store: Store,
    pending: Any,
    mode: Any,
    current: dict[str, Any] | None = None,
    editor_text: Any = None,
) -> LabelImport:
    """Import a checked store label (`Inspected.pending`) as a new notice (`mode="new"`) or as a
    new version of the open notice (`mode="apply"`, saved only if its head is still the version
    opened); nothing is stored when the file is invalid, on a conflict or with unsaved edits."""
    if not isinstance(pending, dict) or not all(
        isinstance(pending.get(k), str) for k in ("contents", "filename", "format")
    ):
        return LabelImport(Saved(current, "error", tr("labels.drop_first")))
    if mode not in MODES:
        return LabelImport(
            Saved(current, "error", tr("labels.unknown_choice", choice=str(mode)[:20]))
        )
    name, shown = pending["format"], clean_filename(pending["filename"])
    if name not in importable():
        return LabelImport(
            Saved(current, "error", tr("labels.not_importable", name=shown, format=name[:40]))
        )
    title = format_title(name)
    try:
        raw = decode_upload(pending["contents"])
    except UploadError as exc:
        return LabelImport(Saved(current, "error", _said(exc)), title=title)
    if mode == "new":
        return _as_new(store, raw, name, shown, current, title)
    return _onto_open(store, raw, name, shown, current, editor_text, title)


def _losses(imported: Any) -> list[dict[str, str]]:
    return [loss.as_dict(ui_language()) for loss in imported.losses]


def _as_new(
    store: Store, raw: bytes, name: str, shown: str, current: Any, title: str
) -> LabelImport:
    try:
        imported = import_from(raw, name, source=shown)
        # The version's record names the format as the history has always written it.
        draft = store.create(
            dumps_yaml(imported.notice),
            author=AUTHOR,
            message=f"Imported from {shown} ({get(name).title})",
        )
    except NoticeError as exc:
        problems = _problems(exc)
        saved = Saved(current, "invalid", tr("labels.has_problems", name=shown), problems)
        return LabelImport(saved, title=title)
    except StoreError as exc:
        return LabelImport(Saved(current, "error", _said(exc)), title=title)
    message = tr("labels.created", name=shown, title=draft.info.title)
    saved = Saved(current_of(draft), "saved", message, text=draft.text)
    return LabelImport(saved, _losses(imported), title)


def _onto_open(
    store: Store,
    raw: bytes,
    name: str,
    shown: str,
    current: dict[str, Any] | None,
    editor_text: Any,
    title: str,
) -> LabelImport:
    if not current or not current.get("id"):
        saved = Saved(None, "error", tr("labels.open_first"))
        return LabelImport(saved, title=title, keep=True)
    try:
        opened = int(current["version"])
        draft = store.get(current["id"], opened)
    except (KeyError, TypeError, ValueError):
        return LabelImport(Saved(current, "error", tr("labels.open_first")), title=title)
    except StoreError as exc:
        return LabelImport(Saved(current, "error", _said(exc)), title=title)
    if _unsaved_edits(draft.text, editor_text):
        message = tr("labels.unsaved_edits")
        return LabelImport(Saved(current, "error", message), title=title, keep=True)
    try:
        imported = import_from(raw, name, source=shown, base=draft.notice)
        saved = store.save(
            current["id"],
            dumps_yaml(imported.notice, original=draft.text),  # the author's comments stay
            expected_version=opened,
            author=AUTHOR,
            message=f"Applied {get(name).title} from {shown}",
        )
    except NoticeError as exc:
        problems = _problems(exc)
        result = Saved(current, "invalid", tr("labels.not_applied", name=shown), problems)
        return LabelImport(result, title=title)
    except ConflictError as exc:
        saved = Saved(current, "conflict", tr("labels.conflict", error=_said(exc)))
        return LabelImport(saved, title=title, keep=True)
    except StoreError as exc:
        return LabelImport(Saved(current, "error", _said(exc)), title=title)
    message = tr("labels.applied", name=shown, title=saved.info.title, version=saved.version)
    result = Saved(current_of(saved), "saved", message, text=saved.text)
    return LabelImport(result, _losses(imported), title)


# --- export --------------------------------------------------------------------------------


@dataclass
class FormatExport:
    """A file for dcc.Download (None when refused) and what to tell the person."""

    file: dict[str, Any] | None
    message: str

    @property
    def ok(self) -> bool:
        return self.file is not None


def _notice_of(text: Any) -> Any:
    return loads_notice(text if isinstance(text, str) else "", source="editor")


def export_file(text: Any, name: Any) -> FormatExport:
    """The notice in the editor as a file in the format `name`, named after the notice's id."""
    if not isinstance(name, str) or name not in names():
        return FormatExport(None, tr("labels.pick_format", known=", ".join(names())))
    fmt = get(name)
    try:
        notice = _notice_of(text)
    except NoticeError:
        return FormatExport(None, tr("labels.fix_first"))
    try:
        data = export_as(notice, name)
    except ValueError as exc:  # a required field is missing; the message names it
        return FormatExport(None, _cannot(name, exc))
    filename = f"{notice.id}-{fmt.name}{fmt.suffix}"
    file = {
        "content": base64.b64encode(data).decode("ascii"),
        "filename": filename,
        "base64": True,
        "type": fmt.media_type,
    }
    return FormatExport(file, tr("labels.exported", filename=filename))


def _cannot(name: str, exc: ValueError) -> str:
    return tr("labels.cannot_export", title=format_title(name), error=_said(exc))


@dataclass
class Losses:
    """What the chosen format cannot say about the notice in the editor."""

    title: str
    losses: list[dict[str, str]] = field(default_factory=list)
    problem: str | None = None  # the notice is invalid, or the format cannot export it


def export_losses(text: Any, name: Any) -> Losses:
    """The losses of exporting the editor's notice as `name`; a refusal names the field."""
    if not isinstance(name, str) or name not in names():
        return Losses("", problem=None)
    fmt = get(name)
    try:
        notice = _notice_of(text)
    except NoticeError:
        return Losses(format_title(name), problem=tr("labels.notice_problems"))
    losses = [loss.as_dict(ui_language()) for loss in fmt.losses(notice)]
    try:
        fmt.export(notice)  # a missing required field shows before the click, not after
    except ValueError as exc:
        return Losses(format_title(name), losses, problem=_cannot(name, exc))
    return Losses(format_title(name), losses)
