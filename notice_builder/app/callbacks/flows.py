"""Templates, import, duplicate, archive and compare as plain functions (no Dash), like `editor.py`.

Each takes plain values and a Store and returns plain values, so tests call them without a
browser. What goes on the page is built from these in `..views`.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ...io import NoticeError, loads_notice
from ...resources import BLANK_TEMPLATE, SAMPLE_NAME, template_names
from ...store import AREAS, NotFoundError, Store, StoreError, history
from ..language import current as ui_language
from ..language import tr
from ..views import version_message
from . import preview
from .editor import AUTHOR, Saved, current_of, problem_dicts, said

UPLOAD_LIMIT = 5 * 1024 * 1024  # bytes of the file itself: dcc.Upload's max_size and the server's
UPLOAD_LIMIT_TEXT = "5 MB"
FILENAME_LIMIT = 100  # characters of the file name kept in the version message

# Bidi embeddings/overrides/isolates and marks (Trojan Source), and every other control or
# format character: none belongs in a name shown in a list or a message.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# --- templates -----------------------------------------------------------------------------

# What the template menu calls each built-in template; one added to templates/ shows its name.
TEMPLATE_LABELS = {
    SAMPLE_NAME: "Coffee shop example",
    "gdpr": "GDPR only (EU)",
    "ccpa": "CCPA only (California)",
    BLANK_TEMPLATE: "Blank notice",
}


def template_label(name: str) -> str:
    return TEMPLATE_LABELS.get(name) or name.replace("-", " ").replace("_", " ").capitalize()


def template_choices() -> list[dict[str, str]]:
    """The template menu's entries, in `resources.template_names()` order, named in the
    interface's language (a template added to templates/ by its own name)."""
    return [
        {
            "value": name,
            "label": tr(f"templates.name.{name}")
            if name in TEMPLATE_LABELS
            else template_label(name),
        }
        for name in template_names()
    ]


def create_from_template(store: Store, name: Any) -> Saved:
    """A new notice (version 1) with the template's text, opened; the store records the template.

    An unknown name (a forged request) is refused with the known ones; nothing is created."""
    known = template_names()
    if not isinstance(name, str) or not name:
        return Saved(None, "error", tr("templates.pick_first"))
    if name not in known:
        return Saved(
            None,
            "error",
            tr("editor.unknown_template", name=repr(name[:80]), known=", ".join(known)),
        )
    label = template_label(name)
    try:
        draft = store.create(
            author=AUTHOR,
            from_template=name,
            message=history.written("template_named", template=label),
        )
    except (NoticeError, StoreError) as exc:
        return Saved(None, "error", said(exc))
    shown = tr(f"templates.name.{name}") if name in TEMPLATE_LABELS else label
    message = tr("templates.created", title=draft.info.title, template=shown)
    if name != SAMPLE_NAME:
        message += " " + tr("templates.placeholders")
    return Saved(current_of(draft), "saved", message, text=draft.text)


# --- import --------------------------------------------------------------------------------


def clean_filename(filename: Any) -> str:
    """The uploaded file's name as it may be shown and recorded: its last path part only,
    without bidi or other control characters, at most FILENAME_LIMIT characters."""
    name = filename if isinstance(filename, str) else ""
    name = re.split(r"[\\/]", name)[-1]
    name = _BIDI.sub("", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = " ".join(name.split())  # no line breaks or runs of spaces
    if len(name) > FILENAME_LIMIT:
        stem, dot, suffix = name.rpartition(".")
        if dot and 0 < len(suffix) <= 10:
            name = stem[: FILENAME_LIMIT - len(suffix) - 2] + "…." + suffix
        else:
            name = name[: FILENAME_LIMIT - 1] + "…"
    return name.strip(" .") or "upload"


class UploadError(ValueError):
    """The upload itself is refused (too large, not a data URL): nothing was parsed. Its
    message is in the interface language of the request that sent the file."""


def decoded_size(encoded: str) -> int:
    """How many bytes the base64 text decodes to, computed without decoding it."""
    padding = len(encoded) - len(encoded.rstrip("="))
    return len(encoded) * 3 // 4 - padding


def decode_upload(contents: Any, limit: int = UPLOAD_LIMIT) -> bytes:
    """The file's bytes from dcc.Upload's `contents` ("data:<type>;base64,<data>").

    The size is checked on the encoded text first, so a file over `limit` is refused before
    anything is decoded or parsed, whatever the browser let through."""
    if not isinstance(contents, str) or "," not in contents:
        raise UploadError(tr("editor.upload.empty"))
    head, _, encoded = contents.partition(",")
    if not head.startswith("data:") or not head.endswith(";base64"):
        raise UploadError(tr("editor.upload.not_a_file"))
    if decoded_size(encoded) > limit:
        size = decoded_size(encoded) / (1024 * 1024)
        raise UploadError(tr("editor.upload.too_big", size=f"{size:.1f}", limit=_limit_text(limit)))
    try:
        return base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise UploadError(tr("editor.upload.damaged")) from None


def _limit_text(limit: int) -> str:
    """A limit in bytes as people write it: "5 MB" (whole megabytes), else "512 kB"."""
    if limit % (1024 * 1024) == 0:
        return f"{limit // (1024 * 1024)} MB"
    return f"{limit / 1024:.0f} kB"


def _as_text(raw: bytes) -> str:
    # Only reached once the loader accepted the bytes: valid UTF-8, maybe with a BOM.
    return raw.decode("utf-8").removeprefix("\ufeff")


def import_file(store: Store, contents: Any, filename: Any) -> Saved:
    """A new notice (version 1, "Imported from <name>") from an uploaded YAML or JSON file, and
    opened; the loader's problems (with lines and columns) when it is invalid, and then nothing
    is created."""
    name = clean_filename(filename)
    try:
        raw = decode_upload(contents)
    except UploadError as exc:
        return Saved(None, "error", str(exc))
    try:
        loads_notice(raw, source=name)
        draft = store.create(
            _as_text(raw), author=AUTHOR, message=history.written("imported", name=name)
        )
    except NoticeError as exc:
        return Saved(None, "invalid", tr("editor.import.refused", name=name), problem_dicts(exc))
    except StoreError as exc:
        return Saved(None, "error", said(exc))
    return Saved(
        current_of(draft),
        "saved",
        tr("editor.import.done", title=draft.info.title, name=name),
        text=draft.text,
    )


# --- duplicate and archive -----------------------------------------------------------------


def duplicate(store: Store, current: dict[str, Any] | None) -> Saved:
    """A new notice whose text is the open notice's saved head (unsaved edits are not copied:
    that is what "Save as copy" is for); the copy is opened."""
    if not current or not current.get("id"):
        return Saved(None, "error", tr("editor.open_notice_first"))
    try:
        draft = store.duplicate(current["id"], author=AUTHOR)
    except StoreError as exc:
        return Saved(current, "error", said(exc))
    return Saved(
        current_of(draft),
        "saved",
        tr("editor.duplicated", title=draft.info.title),
        text=draft.text,
    )


def set_archived(store: Store, current: dict[str, Any] | None, archived: bool) -> Saved:
    """Archive (or unarchive) the open notice; it stays open, read-only while archived."""
    if not current or not current.get("id"):
        return Saved(None, "error", tr("editor.open_notice_first"))
    try:
        info = store.archive(current["id"]) if archived else store.unarchive(current["id"])
    except StoreError as exc:
        return Saved(current, "error", said(exc))
    if archived:
        message = tr("editor.archived_done", title=info.title)
    else:
        message = tr("editor.unarchived_done", title=info.title)
    return Saved(dict(current), "saved", message)


@dataclass
class NoticeState:
    """What the page shows about the open notice beyond its text."""

    archived: bool = False
    versions: list[dict[str, str]] = field(default_factory=list)  # Select data, newest first
    compare_from: str | None = None
    compare_to: str | None = None


def notice_state(store: Store, current: dict[str, Any] | None) -> NoticeState:
    """Archived or not, and the versions offered for comparison (default: previous vs head)."""
    if not current or not current.get("id"):
        return NoticeState()
    try:
        info = store.get(current["id"]).info
        versions = store.versions(current["id"])
    except StoreError:
        return NoticeState()
    data = [
        {
            "value": str(v.number),
            "label": f"v{v.number} · {version_message(v.message) or v.title}"[:80],
        }
        for v in reversed(versions)
    ]
    head = info.head_version
    return NoticeState(
        archived=info.archived,
        versions=data,
        compare_from=str(max(head - 1, 1)),
        compare_to=str(head),
    )


# --- compare -------------------------------------------------------------------------------


@dataclass
class Comparison:
    """Two versions' differences grouped by area, and optionally their previews."""

    message: str
    kind: str = "saved"  # as Saved.kind: "saved" (shown), "error"
    groups: list[tuple[str, list[dict[str, str]]]] = field(default_factory=list)
    before: preview.Preview | None = None
    after: preview.Preview | None = None
    numbers: tuple[int, int] | None = None


def group_changes(changes: list[Any]) -> list[tuple[str, list[dict[str, str]]]]:
    """[(area, [{"kind", "summary"}, …]), …] in the order of `store.AREAS`, empty areas left out."""
    groups: dict[str, list[dict[str, str]]] = {}
    for change in changes:
        summary = change.text(ui_language()) if hasattr(change, "text") else change.summary
        groups.setdefault(change.area, []).append({"kind": change.kind, "summary": summary})
    order = {area: i for i, area in enumerate(AREAS)}
    return sorted(groups.items(), key=lambda item: order.get(item[0], len(order)))


def _number(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 1 else None


def compare(
    store: Store,
    current: dict[str, Any] | None,
    a: Any,
    b: Any,
    *,
    layout: str | None = None,
    theme: str | None = None,
    locale: str | None = None,
    previews: bool = True,
) -> Comparison:
    """What changed from version `a` to version `b` of the open notice (`store.diff`)."""
    if not current or not current.get("id"):
        return Comparison(tr("editor.open_notice_first"), "error")
    first, second = _number(a), _number(b)
    if first is None or second is None:
        return Comparison(tr("compare.pick_two"), "error")
    try:
        changes = store.diff(current["id"], first, second)
        texts = (
            (store.version(current["id"], first), store.version(current["id"], second))
            if previews
            else None
        )
    except NotFoundError as exc:
        return Comparison(said(exc), "error")
    except (NoticeError, StoreError) as exc:
        return Comparison(tr("compare.failed", error=said(exc)), "error")
    groups = group_changes(changes)
    if first == second:
        message = tr("compare.same", first=f"v{first}")
    elif not changes:
        message = tr("compare.no_changes", first=f"v{first}", second=f"v{second}")
    else:
        message = tr("compare.changes", len(changes), first=f"v{first}", second=f"v{second}")
    result = Comparison(message, groups=groups, numbers=(first, second))
    if texts is not None:
        result.before = preview.preview(texts[0], layout, theme, locale)
        result.after = preview.preview(texts[1], layout, theme, locale)
    return result
