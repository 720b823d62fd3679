"""What changed between two versions of a notice, in words a lawyer reads, grouped by area.

Built from the validated models, not from the text: moving a block, re-indenting or editing a
comment changes nothing here, while a relabelled data category, a new recipient or a longer
retention period each give one `Change`. Items are matched by their ids (rights by kind, reports
by period), so a renamed item reads as renamed, not as removed and added.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from pydantic import BaseModel, RootModel

from ..model import PrivacyNotice

AREAS = ("data categories", "purposes", "sharing", "retention", "rights", "practices", "other")
Area = Literal[
    "data categories", "purposes", "sharing", "retention", "rights", "practices", "other"
]
Kind = Literal["added", "removed", "renamed", "changed"]


@dataclass(frozen=True)
class Change:
    """One difference between two versions."""

    area: Area
    kind: Kind
    item: str
    """What changed: an item's id (a right's kind, a report's period) or a field's path."""
    summary: str
    """The change as a sentence: "Data category 'Purchases' renamed to 'Orders'"."""
    field: str | None = None
    """The item's field that changed, when one did."""
    before: Any = None
    after: Any = None

    def __str__(self) -> str:
        return self.summary

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def diff_notices(old: PrivacyNotice, new: PrivacyNotice) -> list[Change]:
    """Every difference from `old` to `new`, area by area in the order of `AREAS`."""
    before, after = _Side(old), _Side(new)
    changes: list[Change] = []
    for spec in _COLLECTIONS:
        changes.extend(_compare_collection(spec, before, after))
    changes.extend(_compare_fields(before, after))
    return sorted(changes, key=lambda c: AREAS.index(c.area))  # stable within an area


# --- the two sides -----------------------------------------------------------------------


class _Side:
    """One version as plain data, with what is needed to name its items."""

    def __init__(self, notice: PrivacyNotice) -> None:
        self.notice = notice
        self.locale = notice.default_locale
        self.data = notice.model_dump(mode="json")

    def text(self, value: Any) -> str:
        """A translatable value as shown: its default-locale text."""
        if isinstance(value, dict):
            return str(value.get(self.locale) or next(iter(value.values()), ""))
        return "" if value is None else str(value)

    def items(self, path: tuple[str, ...]) -> list[dict[str, Any]]:
        value: Any = self.data
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value if isinstance(value, list) else []

    def name_of(self, collection: str, id: str) -> str:
        """The display name of the item `id` in `collection` (for references in practices)."""
        spec = _BY_PATH.get((collection,))
        for item in self.items((collection,)):
            if item.get("id") == id and spec is not None:
                return spec.name(item, self)
        return id


# --- collections of items ------------------------------------------------------------------


@dataclass(frozen=True)
class _Collection:
    path: tuple[str, ...]
    noun: str
    area: Area
    key: Callable[[dict[str, Any]], str]
    name: Callable[[dict[str, Any], _Side], str]
    renames: tuple[str, ...] = ()
    """Fields whose change reads as a rename."""
    areas: tuple[tuple[str, Area], ...] = ()
    """Fields that belong to another area than the collection's."""
    refs: tuple[tuple[str, str], ...] = ()
    """Fields holding ids of another collection's items, named by them in summaries."""


def _by_id(item: dict[str, Any]) -> str:
    return str(item.get("id"))


def _label(field: str, *fallbacks: str) -> Callable[[dict[str, Any], _Side], str]:
    def name(item: dict[str, Any], side: _Side) -> str:
        for key in (field, *fallbacks):
            if item.get(key):
                return side.text(item[key])
        return str(item.get("id", "?"))

    return name


def _right_name(item: dict[str, Any], side: _Side) -> str:
    return side.text(item["label"]) if item.get("label") else _words(str(item["kind"]))


# Flags whose change is a statement of its own: (phrase when turned on, when turned off).
_FLAGS = {
    "sold": ("is now sold", "is no longer sold"),
    "shared_for_ads": (
        "is now shared for cross-context advertising",
        "is no longer shared for cross-context advertising",
    ),
    "tracking": ("now tracks people across other companies' apps and sites", "no longer tracks"),
    "profiling": ("now involves profiling", "no longer involves profiling"),
}

_COLLECTIONS = (
    _Collection(
        ("data_categories",), "Data category", "data categories", _by_id, _label("label"),
        renames=("label",),
    ),
    _Collection(
        ("sources",), "Data source", "data categories", _by_id, _label("name"), renames=("name",)
    ),
    _Collection(
        ("purposes",), "Purpose", "purposes", _by_id, _label("label"), renames=("label",)
    ),
    _Collection(
        ("recipients",), "Recipient", "sharing", _by_id, _label("name", "label"),
        renames=("name", "label"),
    ),
    _Collection(
        ("transfers",), "Transfer", "sharing", lambda t: str(t["destination"]),
        lambda t, _side: f"to {t['destination']}", refs=(("recipients", "recipients"),),
    ),
    _Collection(
        ("retention",), "Retention rule", "retention", _by_id, _label("label"),
        renames=("label",),
    ),
    _Collection(
        ("practices",), "Practice", "practices", _by_id, lambda p, _side: str(p["id"]),
        areas=(
            ("recipients", "sharing"),
            ("sold", "sharing"),
            ("shared_for_ads", "sharing"),
            ("tracking", "sharing"),
            ("retention", "retention"),
        ),
        refs=(
            ("data", "data_categories"),
            ("purposes", "purposes"),
            ("recipients", "recipients"),
            ("retention", "retention"),
        ),
    ),
    _Collection(("rights",), "Right", "rights", lambda r: str(r["kind"]), _right_name,
                renames=("label",)),
    _Collection(
        ("choices", "opt_outs"), "Opt-out", "rights", _by_id, _label("label"),
        renames=("label",), refs=(("purposes", "purposes"),),
    ),
    _Collection(
        ("automated_decisions",), "Automated decision", "purposes", _by_id, _label("label"),
        renames=("label",),
    ),
    _Collection(
        ("commitments",), "Commitment", "other", _by_id, _label("text", "kind"),
        renames=("text",),
    ),
    _Collection(
        ("reports",), "Privacy report", "other", lambda r: str(r["period"]),
        lambda r, _side: str(r["period"]),
    ),
)  # fmt: skip
_BY_PATH = {spec.path: spec for spec in _COLLECTIONS}


def _keyed(spec: _Collection, items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Items by key; a key used twice (two 'other' rights) gets '#2', '#3'…"""
    keyed: dict[str, dict[str, Any]] = {}
    for item in items:
        key, n = spec.key(item), 1
        while (key if n == 1 else f"{key}#{n}") in keyed:
            n += 1
        keyed[key if n == 1 else f"{key}#{n}"] = item
    return keyed


def _compare_collection(spec: _Collection, old: _Side, new: _Side) -> Iterator[Change]:
    before, after = _keyed(spec, old.items(spec.path)), _keyed(spec, new.items(spec.path))
    for key, item in before.items():
        if key not in after:
            name = spec.name(item, old)
            yield Change(spec.area, "removed", key, f"{spec.noun} '{name}' removed", before=item)
    for key, item in after.items():
        if key not in before:
            name = spec.name(item, new)
            yield Change(spec.area, "added", key, f"{spec.noun} '{name}' added", after=item)
        elif before[key] != item:
            yield from _compare_item(spec, key, before[key], item, old, new)


def _compare_item(
    spec: _Collection, key: str, a: dict[str, Any], b: dict[str, Any], old: _Side, new: _Side
) -> Iterator[Change]:
    old_name, new_name = spec.name(a, old), spec.name(b, new)
    areas, refs = dict(spec.areas), dict(spec.refs)
    for field in [*b, *(f for f in a if f not in b)]:
        x, y = a.get(field), b.get(field)
        if x == y:
            continue
        area = areas.get(field, spec.area)
        shown_x, shown_y = (old.text(x), new.text(y)) if x and y else ("", "")
        names_item = (shown_x, shown_y) == (old_name, new_name)  # the field shown as its name
        if field in spec.renames and names_item and old_name != new_name:
            summary = f"{spec.noun} '{old_name}' renamed to '{new_name}'"
            yield Change(area, "renamed", key, summary, field, x, y)
            continue
        if field in spec.renames and shown_x and shown_x == shown_y:
            summary = f"{spec.noun} '{new_name}': {_words(field)} translations changed"
        elif field in _FLAGS and isinstance(y, bool):
            summary = f"{spec.noun} '{new_name}' {_FLAGS[field][0 if y else 1]}"
        elif field in refs:
            summary = f"{spec.noun} '{new_name}': " + _describe_refs(
                field, refs[field], x, y, old, new
            )
        else:
            summary = f"{spec.noun} '{new_name}': " + _describe(field, x, y, old, new)
        yield Change(area, "changed", key, summary, field, x, y)


def _describe_refs(field: str, collection: str, x: Any, y: Any, old: _Side, new: _Side) -> str:
    words = _words(field)
    if isinstance(x, list) or isinstance(y, list):
        x, y = x or [], y or []
        added = [new.name_of(collection, i) for i in y if i not in x]
        removed = [old.name_of(collection, i) for i in x if i not in y]
        parts = [f"added {_quoted(added)}"] if added else []
        parts += [f"removed {_quoted(removed)}"] if removed else []
        return f"{words} " + ("; ".join(parts) if parts else "reordered")
    if x is None:
        return f"{words} set to '{new.name_of(collection, y)}'"
    if y is None:
        return f"{words} '{old.name_of(collection, x)}' removed"
    return f"{words} changed from '{old.name_of(collection, x)}' to '{new.name_of(collection, y)}'"


# --- single fields -------------------------------------------------------------------------

_SKIPPED = {spec.path for spec in _COLLECTIONS}
_FIELD_AREAS: dict[str, Area] = {"choices": "rights"}


def _leaves(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(path, value) of every field outside the collections; translatable texts are leaves."""
    if isinstance(value, BaseModel) and not isinstance(value, RootModel):
        for name in type(value).model_fields:
            if (*path, name) not in _SKIPPED:
                yield from _leaves(getattr(value, name), (*path, name))
    else:
        yield path, _plain(value)


def _plain(value: Any) -> Any:
    if isinstance(value, RootModel):
        return _plain(value.root)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _compare_fields(old: _Side, new: _Side) -> Iterator[Change]:
    before = dict(_leaves(old.notice))
    after = dict(_leaves(new.notice))
    for path in [*after, *(p for p in before if p not in after)]:
        x, y = before.get(path), after.get(path)
        if x == y:
            continue
        dotted = ".".join(path)
        area = _FIELD_AREAS.get(path[0], "other")
        label = " ".join(_words(p) for p in path)
        summary = label[:1].upper() + label[1:] + " " + _describe("", x, y, old, new)
        yield Change(area, "changed", dotted, summary, path[-1], x, y)


# --- wording -------------------------------------------------------------------------------

_DURATION_PART = re.compile(r"(\d+)([YMWDHS])")
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}
_DURATION_FIELDS = {"duration", "response_time"}
_SHOWN = 80  # characters of a value quoted in a summary


def _words(field: str) -> str:
    """'shared_for_ads' -> 'shared for ads', 'ccpa_know' -> 'CCPA know'."""
    return " ".join(_NAMES.get(part, part) for part in field.split("_"))


def humanize_duration(iso: str) -> str:
    """'P2Y' -> '2 years', 'P1Y6M' -> '1 year 6 months', 'PT1H' -> '1 hour' (English)."""
    date, _, time = iso.removeprefix("P").partition("T")
    parts = [(int(n), _UNITS[u]) for n, u in _DURATION_PART.findall(date)]
    parts += [(int(n), _TIME_UNITS[u]) for n, u in _DURATION_PART.findall(time)]
    return " ".join(f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in parts) or iso


_CODE = re.compile(r"^[a-z]+(?:_[a-z]+)+$")  # legitimate_interests, opt_in: read as words
_NAMES = {"dpo": "DPO", "gpc": "Global Privacy Control", "url": "URL", "ccpa": "CCPA"}


def _show(field: str, value: Any, side: _Side) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str) and _CODE.match(value):
        return repr(_words(value))
    if field in _DURATION_FIELDS and isinstance(value, str):
        return f"{humanize_duration(value)} ({value})"
    if isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()):
        value = side.text(value)  # a translatable text
    elif isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return "[" + ", ".join(str(v) for v in value) + "]"
    elif isinstance(value, dict | list):
        return "(details)"
    text = str(value)
    return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


def _describe(field: str, x: Any, y: Any, old: _Side, new: _Side) -> str:
    words = _words(field) + " " if field else ""
    if isinstance(x, list) and isinstance(y, list) and all(isinstance(v, str) for v in x + y):
        added, removed = [v for v in y if v not in x], [v for v in x if v not in y]
        parts = [f"added {_quoted(added)}"] if added else []
        parts += [f"removed {_quoted(removed)}"] if removed else []
        return words + ("; ".join(parts) if parts else "reordered")
    if (
        isinstance(x, dict | list)
        and isinstance(y, dict | list)
        and _show(field, y, new) == "(details)"
    ):
        return f"{words}changed"
    if x is None or x == []:
        return f"{words}set to {_show(field, y, new)}"
    if y is None or y == []:
        return f"{words}removed (was {_show(field, x, old)})"
    shown_x, shown_y = _show(field, x, old), _show(field, y, new)
    if shown_x == shown_y:  # only a translation (or a detail past the quote) changed
        return f"{words}changed"
    return f"{words}changed from {shown_x} to {shown_y}"


def _quoted(values: list[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)
