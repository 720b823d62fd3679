"""Form edits as plain functions over the YAML text: read it, change one place, write it back.

Every edit takes the editor's YAML text and returns the new text, or the problems that stop it
(the text is then left exactly as it was). The new text comes from `dumps_yaml` given the old
one, so the author's comments, key order and quoting stay wherever the values did not change.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ...io import NoticeError, Problem, dumps_yaml, validate_notice
from ...io.parse import DocumentError, parse_document
from ...model import PrivacyNotice
from ...model.paths import dotted
from ...model.paths import pointer as to_pointer
from ..language import tr
from .spec import NEW_ITEMS, REFERENCES, FieldSpec, field_of, fields_of

Path = tuple[str | int, ...]
MAX_ID = 64
# The places a refusal to remove an item names before "…" (the YAML tab finds the rest).
SHOWN_REFERRERS = 5


def said(problem: Problem, lang: str) -> str:
    """A problem's message in `lang`, when the problem can say it there (else its English)."""
    text = getattr(problem, "text", None)
    return text(lang) if callable(text) else problem.message


def digest(text: str | None) -> str:
    """A short fingerprint of a YAML text: which text the form shows, without sending it."""
    return hashlib.sha256((text or "").encode("utf-8", "surrogatepass")).hexdigest()[:20]


def parse_pointer(text: str) -> Path:
    """`/practices/0/data` -> ("practices", 0, "data"): digits index lists, the rest are keys."""
    if not text:
        return ()
    if not text.startswith("/"):
        raise ValueError(f"a field path starts with '/': {text!r}")
    parts: list[str | int] = []
    for raw in text[1:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        parts.append(int(part) if part.isdigit() else part)
    return tuple(parts)


@dataclass
class FormState:
    """The YAML as the form sees it: the data as written, and the notice when it is valid."""

    data: dict[str, Any] | None
    notice: PrivacyNotice | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.notice is not None

    @property
    def locales(self) -> list[str]:
        """The notice's locales, default first (from the data, so an invalid text has them too)."""
        data = self.data or {}
        default = (
            data.get("default_locale") if isinstance(data.get("default_locale"), str) else "en"
        )
        others = data.get("locales") if isinstance(data.get("locales"), list) else []
        return [default, *(x for x in others if isinstance(x, str) and x != default)]

    def errors(self, lang: str = "en") -> dict[str, list[str]]:
        """Problem messages (in `lang`) by the JSON pointer of their field."""
        return errors_by_pointer(self.problems, lang)


def errors_by_pointer(problems: list[Problem], lang: str = "en") -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in problems:
        found.setdefault(to_pointer(problem.path), []).append(said(problem, lang))
    return found


def read_form(text: str | None) -> FormState:
    """Parse and validate the editor's text (safely, with the loader's limits)."""
    try:
        document = parse_document(text or "", source="editor", format="yaml")
    except DocumentError as exc:
        return FormState(None, problems=[Problem(exc.message, (), exc.line, exc.column)])
    data = document.data if isinstance(document.data, dict) else None
    try:
        notice = validate_notice(document.data, source="editor", source_map=document.source_map)
    except NoticeError as exc:
        return FormState(data, problems=exc.problems)
    return FormState(data, notice)


@dataclass
class Edited:
    """The outcome of a form edit: the new text, or why the text was left as it was."""

    text: str | None  # None: not applied
    changed: bool = False
    problems: list[Problem] = field(default_factory=list)
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.text is not None


def spec_at(path: Path) -> tuple[FieldSpec, bool]:
    """The field at `path`, and whether the path ends at one item of a list field."""
    model: type[BaseModel] = PrivacyNotice
    spec: FieldSpec | None = None
    item = False
    for part in path:
        if isinstance(part, int):
            if spec is None or spec.kind not in ("model_list", "text_list"):
                raise ValueError(f"{to_pointer(path)}: {part} indexes something that is not a list")
            item = True
            if spec.kind == "model_list" and spec.model is not None:
                model = spec.model
            continue
        if spec is not None and spec.kind not in ("model", "model_list"):
            raise ValueError(f"{to_pointer(path)}: '{part}' is inside a field that has no fields")
        spec = field_of(model, part)
        item = False
        if spec.kind == "model" and spec.model is not None:
            model = spec.model
    if spec is None:
        raise ValueError("no field given")
    return spec, item


def get_at(data: Any, path: Path, default: Any = None) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return default
        elif not isinstance(data, dict) or part not in data:
            return default
        data = data[part]
    return data


def set_at(data: dict[str, Any], path: Path, value: Any) -> None:
    """Put `value` at `path`, making the groups on the way; None removes the key."""
    parent: Any = data
    for index, part in enumerate(path[:-1]):
        nxt = path[index + 1]
        if isinstance(part, int):
            if not isinstance(parent, list) or part >= len(parent):
                raise ValueError(f"{to_pointer(path[: index + 1])}: no such item")
            parent = parent[part]
            continue
        if not isinstance(parent, dict):
            raise ValueError(f"{to_pointer(path[:index])} is not a group of fields")
        if not isinstance(parent.get(part), dict | list):
            if isinstance(nxt, int):
                raise ValueError(f"{to_pointer(path[: index + 1])}: no such list")
            parent[part] = {}
        parent = parent[part]
    last = path[-1]
    if isinstance(last, int):
        if not isinstance(parent, list) or last >= len(parent):
            raise ValueError(f"{to_pointer(path)}: no such item")
        if value is None:
            del parent[last]
        else:
            parent[last] = value
    elif value is None:
        parent.pop(last, None)
    else:
        parent[last] = value


def _translated(current: Any, locale: str, value: str, default_locale: str) -> Any:
    """A translatable text with `locale` set to `value` ("" removes that translation), in the
    form the author used: a plain string while only the default locale is given."""
    if isinstance(current, dict):
        out = dict(current)
        if value:
            out[locale] = value
        else:
            out.pop(locale, None)
        return out or None
    if isinstance(current, str) and current:
        if locale == default_locale:
            return value or None
        return {default_locale: current, locale: value} if value else current
    if not value:
        return None
    return value if locale == default_locale else {locale: value}


def _number(value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() else value
    text = str(value).strip()
    try:
        number = float(text)
    except ValueError:
        return text  # the model names the field and says a number is needed
    return int(number) if number.is_integer() else number


def coerce(spec: FieldSpec, value: Any, current: Any, locale: str, default_locale: str) -> Any:
    """The form's value as the data stores it; None means "not given"."""
    kind = spec.kind
    if kind in ("translatable", "translatable_long", "text_list"):
        text = value if isinstance(value, str) else ""
        return _translated(current, locale or default_locale, text.strip(), default_locale)
    if kind == "switch":
        return bool(value)
    if kind == "number":
        return _number(value)
    if kind in ("tags", "multiselect", "ref_list"):
        values = value if isinstance(value, list) else [value] if value else []
        items = [str(v).strip() for v in values if str(v).strip()]
        return items or None
    if isinstance(value, str):
        value = value.strip()
    return value if value not in ("", None) else None


def _validated(text: str, data: dict[str, Any]) -> Edited:
    try:
        notice = validate_notice(data, source="form")
    except NoticeError as exc:
        return Edited(None, problems=exc.problems)
    return Edited(dumps_yaml(notice, original=text), changed=True)


def _start(text: str | None) -> tuple[FormState, Edited | None]:
    state = read_form(text)
    if not state.valid:
        return state, Edited(None, problems=state.problems, message=tr("form.not_valid"))
    return state, None


def edited_data(
    data: dict[str, Any], default_locale: str, pointer: str, locale: str | None, value: Any
) -> dict[str, Any] | None:
    """A copy of `data` with the field at `pointer` set to the form's `value` (references
    follow a renamed id), or None when that is the value already there."""
    path = parse_pointer(pointer)
    spec, item = spec_at(path)
    current = get_at(data, path)
    if item and spec.kind != "text_list":
        raise ValueError(f"{pointer}: a whole list item cannot be set from one input")
    new = coerce(spec, value, current, locale or "", default_locale)
    before = spec.default if current is None and not item else current
    if new == before or (new is None and current is None):
        return None
    out = copy.deepcopy(data)
    set_at(out, path, new)
    if spec.name == "id" and len(path) == 3 and isinstance(current, str) and isinstance(new, str):
        rename_references(out, str(path[0]), current, new)
    return out


def apply_edit(text: str | None, pointer: str, locale: str | None, value: Any) -> Edited:
    """Set the field at `pointer` (and `locale`, for a translation) to the form's `value`."""
    state, refused = _start(text)
    if refused:
        return refused
    assert state.data is not None and state.notice is not None
    data = edited_data(state.data, state.notice.default_locale, pointer, locale, value)
    if data is None:
        return Edited(text, changed=False)
    return _validated(text or "", data)


@dataclass
class FieldEdit:
    """One field's value as the form sent it."""

    pointer: str
    locale: str
    value: Any


@dataclass
class Batch:
    """Several field edits applied at once: the new text (None when nothing changed) and, per
    edit, the problems that kept it out (an empty list for an edit that went in)."""

    text: str | None
    problems: list[list[Problem]]
    message: str = ""


def apply_edits(text: str | None, edits: list[FieldEdit]) -> Batch:
    """Apply `edits` in order, each on top of the ones before that the notice accepts; a
    refused edit is left out and the others still go in. The text is written once."""
    state, refused = _start(text)
    if refused:
        return Batch(None, [refused.problems for _ in edits], refused.message)
    assert state.data is not None and state.notice is not None
    data, changed, problems = state.data, False, []
    for edit in edits:
        default_locale = str(data.get("default_locale") or state.notice.default_locale)
        try:
            trial = edited_data(data, default_locale, edit.pointer, edit.locale, edit.value)
        except (ValueError, KeyError) as exc:  # a path the form does not have
            problems.append([Problem(str(exc).strip("'\""))])
            continue
        if trial is None:
            problems.append([])
            continue
        try:
            validate_notice(trial, source="form")
        except NoticeError as exc:
            problems.append(exc.problems)
            continue
        data, changed = trial, True
        problems.append([])
    if not changed:
        return Batch(None, problems)
    notice = validate_notice(data, source="form")
    return Batch(dumps_yaml(notice, original=text or ""), problems)


def referrers(data: dict[str, Any], target: str, item_id: str) -> list[Path]:
    """The places of the notice that refer to the item `item_id` of `target` (e.g. data_categories)."""
    found: list[Path] = []
    _refer(PrivacyNotice, data, (), target, item_id, found)
    return found


def _refer(
    model: type[BaseModel], data: Any, path: Path, target: str, item_id: str, found: list[Path]
) -> None:
    if not isinstance(data, dict):
        return
    for spec in fields_of(model):
        value = data.get(spec.name)
        here = (*path, spec.name)
        if value is None:
            continue
        if spec.target == target and spec.kind == "ref" and value == item_id:
            found.append(here)
        elif spec.target == target and spec.kind == "ref_list" and isinstance(value, list):
            found += [(*here, i) for i, v in enumerate(value) if v == item_id]
        elif spec.kind == "model" and spec.model:
            _refer(spec.model, value, here, target, item_id, found)
        elif spec.kind == "model_list" and spec.model and isinstance(value, list):
            for index, entry in enumerate(value):
                _refer(spec.model, entry, (*here, index), target, item_id, found)


def rename_references(data: dict[str, Any], target: str, old: str, new: str) -> None:
    """After an item of `target` (e.g. data_categories) changes id, point references at it."""
    _rename(PrivacyNotice, data, target, old, new)


def _rename(model: type[BaseModel], data: Any, target: str, old: str, new: str) -> None:
    if not isinstance(data, dict):
        return
    for spec in fields_of(model):
        value = data.get(spec.name)
        if value is None:
            continue
        if spec.target == target and spec.kind == "ref" and value == old:
            data[spec.name] = new
        elif spec.target == target and spec.kind == "ref_list" and isinstance(value, list):
            data[spec.name] = [new if v == old else v for v in value]
        elif spec.kind == "model" and spec.model:
            _rename(spec.model, value, target, old, new)
        elif spec.kind == "model_list" and spec.model and isinstance(value, list):
            for entry in value:
                _rename(spec.model, entry, target, old, new)


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… : the first that is not taken (ids stay under 64)."""
    base = base[:MAX_ID].strip("-_.") or "item"
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate = base[: MAX_ID - len(suffix)] + suffix
        n += 1
    return candidate


def _ids(items: Any) -> set[str]:
    return {i["id"] for i in items or [] if isinstance(i, dict) and isinstance(i.get("id"), str)}


def new_item(model: type[BaseModel], siblings: list[Any], data: dict[str, Any]) -> dict[str, Any]:
    """A valid new item for a list of `model`, from its template in `NEW_ITEMS`."""
    template = NEW_ITEMS.get(model)
    if template is None:
        raise ValueError(f"no template for a new {model.__name__}")
    taken = _ids(siblings)
    periods = {str(i.get("period")) for i in siblings if isinstance(i, dict)}

    def fill(value: Any) -> Any:
        if isinstance(value, list):
            return [fill(v) for v in value]
        if not isinstance(value, str):
            return value
        if value.startswith("{first:"):
            ids = [i.get("id") for i in data.get(value[7:-1]) or [] if isinstance(i, dict)]
            return ids[0] if ids else value
        if "{n}" in value:
            return unique_id(value.replace("-{n}", ""), taken)
        if value == "{year}":
            year = dt.date.today().year
            while str(year) in periods:
                year += 1
            return str(year)
        return value

    return {key: fill(value) for key, value in template.items()}


def add_item(text: str | None, pointer: str) -> Edited:
    """Append a new item to the list at `pointer` (a list of groups or of translatable texts)."""
    state, refused = _start(text)
    if refused:
        return refused
    assert state.data is not None
    path = parse_pointer(pointer)
    spec, item = spec_at(path)
    if item or spec.kind not in ("model_list", "text_list"):
        raise ValueError(f"{pointer} is not a list that items can be added to")
    data = copy.deepcopy(state.data)
    items = list(get_at(data, path) or [])
    if spec.kind == "text_list":
        items.append("New item")
    else:
        assert spec.model is not None
        items.append(new_item(spec.model, items, data))
    set_at(data, path, items)
    return _validated(text or "", data)


def still_used(data: dict[str, Any], path: Path) -> str | None:
    """Why the item at `path` cannot go: the places that still refer to it (None: nothing does)."""
    item = get_at(data, path)
    targets = set(REFERENCES.values())
    if len(path) != 2 or path[0] not in targets or not isinstance(item, dict):
        return None
    if not isinstance(item.get("id"), str):
        return None
    found = referrers(data, str(path[0]), item["id"])
    if not found:
        return None
    places = ", ".join(dotted(p) for p in found[:SHOWN_REFERRERS])
    if len(found) > SHOWN_REFERRERS:
        places += ", …"
    return tr("form.still_used", count=len(found), what=item["id"], places=places)


def remove_item(text: str | None, pointer: str) -> Edited:
    """Remove the list item at `pointer`; refused (with the reason) when something refers to it."""
    state, refused = _start(text)
    if refused:
        return refused
    assert state.data is not None
    path = parse_pointer(pointer)
    spec, item = spec_at(path)
    if not item:
        raise ValueError(f"{pointer} is not an item of a list")
    data = copy.deepcopy(state.data)
    if get_at(data, path) is None:
        return Edited(text, changed=False)
    used = still_used(data, path)
    if used:
        return Edited(None, message=used)
    set_at(data, path, None)
    if get_at(data, path[:-1]) == [] and not spec.required:
        set_at(data, path[:-1], None)
    return _validated(text or "", data)


# --- the practices grid: data categories x purposes ------------------------------------------


def covering(practices: list[Any], category: str, purpose: str) -> list[int]:
    """Indexes of the practices that use `category` for `purpose`."""
    return [
        index
        for index, p in enumerate(practices)
        if isinstance(p, dict)
        and category in (p.get("data") or [])
        and purpose in (p.get("purposes") or [])
    ]


def toggle_cell(text: str | None, category: str, purpose: str, on: bool) -> Edited:
    """Tick (a new practice for the pair) or untick (take the pair out of every practice that
    covers it, splitting a practice when it covers other pairs too) one cell of the grid."""
    state, refused = _start(text)
    if refused:
        return refused
    assert state.data is not None
    data = copy.deepcopy(state.data)
    practices: list[Any] = list(data.get("practices") or [])
    found = covering(practices, category, purpose)
    if on == bool(found):
        return Edited(text, changed=False)
    taken = _ids(practices)
    if on:
        new_id = unique_id(f"{category}-{purpose}", taken)
        practices.append({"id": new_id, "data": [category], "purposes": [purpose]})
    else:
        for index in reversed(found):
            practice = practices[index]
            cats, purps = list(practice["data"]), list(practice["purposes"])
            if cats == [category] and purps == [purpose]:
                del practices[index]
            elif purps == [purpose]:
                practices[index] = {**practice, "data": [c for c in cats if c != category]}
            elif cats == [category]:
                practices[index] = {**practice, "purposes": [p for p in purps if p != purpose]}
            else:
                # The practice stays for its other categories; the category keeps its other
                # purposes in a copy with all the practice's other facts.
                rest = copy.deepcopy(practice)
                rest["id"] = unique_id(f"{practice['id']}-{category}", taken)
                taken.add(rest["id"])
                rest["data"] = [category]
                rest["purposes"] = [p for p in purps if p != purpose]
                practices[index] = {**practice, "data": [c for c in cats if c != category]}
                practices.insert(index + 1, rest)
    data["practices"] = practices
    return _validated(text or "", data)
