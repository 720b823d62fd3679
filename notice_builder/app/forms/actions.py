"""What the form's callbacks do, as plain functions: fields changed (`change_fields`), a list
item was added or removed or a grid cell ticked (`change_structure`). Each takes the editor's
YAML text and returns the new text (or none), what to tell the person, and whether the form
must be drawn again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...io import Problem
from ...model.paths import dotted
from .. import ids
from ..language import current, direction, tr
from .build import REDRAWS
from .edit import (
    Edited,
    FieldEdit,
    add_item,
    apply_edits,
    digest,
    parse_pointer,
    remove_item,
    said,
    toggle_cell,
)

# How many problems a field shows before "and N more" (the full list is under the editor).
SHOWN_PROBLEMS = 3
# The most field edits one request may carry (a person changes a handful between two answers).
MAX_EDITS = 200
FIELD_TYPES = (ids.FORM_VALUE, ids.FORM_CHECK)


@dataclass
class FormChange:
    """What an add, a remove or a grid tick does to the page."""

    text: str | None = None  # the editor's new YAML; None leaves it alone
    redraw: bool = False  # the form's structure changed: draw it again
    status: str | None = None  # a sentence for the form's status line (why it was refused)


def field_message(problems: list[Problem], pointer: str, locale: str = "") -> str | None:
    """The problems of an edit as one sentence for the edited field: its own problems first,
    then the ones it caused elsewhere, each with the place it is about."""
    here = parse_pointer(pointer)
    mine, others = [], []
    for problem in problems:
        path = problem.path
        own = path[: len(here)] == here and (
            len(path) == len(here) or not locale or path[len(here)] == locale
        )
        (mine if own else others).append(problem)
    lang = current()
    parts = [said(p, lang) for p in mine]
    parts += [
        tr("form.problem_at", path=dotted(p.path) or tr("form.whole_notice"), message=said(p, lang))
        for p in others
    ]
    if not parts:
        return None
    shown = parts[:SHOWN_PROBLEMS]
    more = len(parts) - len(shown)
    # Arabic lists with its own semicolon.
    joined = ("؛ " if direction(lang) == "rtl" else "; ").join(shown)
    return tr("form.and_more", count=more, problems=joined) if more else joined


def not_applied(problems: list[Problem], pointer: str, locale: str = "") -> str:
    """Why an edit of the field at `pointer` was left out, for that field."""
    return tr("form.not_applied", why=field_message(problems, pointer, locale))


def _refused(edited: Edited, pointer: str) -> str:
    if edited.message:  # the YAML is not valid, or the item is still referred to
        return edited.message
    return not_applied(edited.problems, pointer)


def change_structure(text: str | None, trigger: Any, value: Any) -> FormChange:
    """An "Add", a "Remove" or a grid tick. `trigger` is the pattern id of what was used and
    `value` its n_clicks or checked; a button that only appeared (n_clicks None) does nothing."""
    if not isinstance(trigger, dict):
        return FormChange()
    kind = trigger.get("type")
    if kind in (ids.FORM_ADD, ids.FORM_REMOVE):
        if not value:
            return FormChange()
        pointer = str(trigger.get("path", ""))
        edited = add_item(text, pointer) if kind == ids.FORM_ADD else remove_item(text, pointer)
        where = pointer
    elif kind == ids.FORM_CELL:
        if not isinstance(value, bool):
            return FormChange()
        category, purpose = str(trigger.get("category")), str(trigger.get("purpose"))
        edited = toggle_cell(text, category, purpose, value)
        where = "/practices"
    else:
        return FormChange()
    if not edited.ok:
        # a refused tick is drawn again as it was
        return FormChange(status=_refused(edited, where), redraw=kind == ids.FORM_CELL)
    if not edited.changed:
        return FormChange()
    return FormChange(text=edited.text, redraw=True, status=None)


def _field_edits(sent: Any) -> tuple[int, list[dict[str, Any]]]:
    """The edits the browser sent, checked: {"seq": n, "edits": [{"id": {...}, "value": v}]}."""
    if not isinstance(sent, dict) or not isinstance(sent.get("seq"), int):
        raise ValueError("form edits need a number 'seq' and a list 'edits'")
    edits = sent.get("edits")
    if not isinstance(edits, list) or len(edits) > MAX_EDITS:
        raise ValueError(f"form edits need a list 'edits' of at most {MAX_EDITS}")
    for edit in edits:
        key = edit.get("id") if isinstance(edit, dict) else None
        if not (
            isinstance(key, dict)
            and key.get("type") in FIELD_TYPES
            and isinstance(key.get("path"), str)
            and isinstance(key.get("locale"), str)
        ):
            raise ValueError(f"not a form field: {str(key)[:80]}")
    return sent["seq"], edits


def change_fields(text: str | None, sent: Any) -> dict[str, Any]:
    """Apply every field edit the browser has not seen written yet, in the order made.

    The browser keeps each edit until an answer covering it comes back and sends all of them
    each time, so two quick edits of different fields both reach the YAML even when the second
    leaves before the first one's answer (setting a field is the same however often it is
    done). The answer: the new text and its fingerprint (no text when nothing changed), each
    field's message (None clears it), and whether the form must be drawn again."""
    seq, edits = _field_edits(sent)
    fields = [FieldEdit(e["id"]["path"], e["id"]["locale"], e.get("value")) for e in edits]
    batch = apply_edits(text, fields)
    errors, redraw = [], False
    for edit, field, problems in zip(edits, fields, batch.problems, strict=True):
        if batch.message:
            message = batch.message
        elif problems:
            message = not_applied(problems, field.pointer, field.locale)
        else:
            message = None
            redraw = redraw or parse_pointer(field.pointer)[-1:] in [(n,) for n in REDRAWS]
        errors.append({"id": edit["id"], "error": message})
    return {
        "seq": seq,
        "text": batch.text,
        "sync": digest(batch.text) if batch.text is not None else None,
        "redraw": redraw and batch.text is not None,
        "errors": errors,
    }
