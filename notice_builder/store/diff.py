"""What changed between two versions of a notice, in words a lawyer reads, grouped by area.

Built from the validated models, not from the text: moving a block, re-indenting or editing a
comment changes nothing here, while a relabelled data category, a new recipient or a longer
retention period each give one `Change`. Items are matched by their ids (rights by kind, reports
by period), so a renamed item reads as renamed, not as removed and added.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from typing import Any, Literal

from pydantic import BaseModel, RootModel

from ..i18n.messages import Phrase, Sayable, phrase, render
from ..model import PrivacyNotice
from . import diff_words as words

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
    key: str | None = dataclasses.field(default=None, compare=False)
    """The summary in the catalogues (`changes.*`), when it has one; else English only."""
    params: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        return self.summary

    def text(self, locale: str) -> str:
        """The summary in `locale` (the English `summary` when it has no catalogue key)."""
        return render(self.key, self.params, locale) if self.key else self.summary

    def as_dict(self, locale: str = "en") -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _OWN}
        data["summary"] = self.text(locale)
        return data


_OWN = {"key", "params"}


def _said(area: Area, kind: Kind, item: str, key: str, **params: Any) -> Change:
    """A change whose summary comes from the catalogue entry `changes.<key>`."""
    return _phrased(area, kind, item, phrase(f"changes.{key}", **params))


def _phrased(area: Area, kind: Kind, item: str, said: Phrase) -> Change:
    """A change whose summary is the catalogue phrase `said`."""
    return Change(area, kind, item, said.text("en"), key=said.key, params=said.params)


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

    def name_of(self, collection: str, id: str) -> str | Sayable:
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
    name: Callable[[dict[str, Any], _Side], str | Sayable]
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


def _right_name(item: dict[str, Any], side: _Side) -> str | Sayable:
    if item.get("label"):
        return side.text(item["label"])
    kind = str(item["kind"])
    return words.Choice(words.words(kind), "right", kind)


def _transfer_name(item: dict[str, Any], _side: _Side) -> Phrase:
    return phrase("changes.transfer_to", destination=str(item["destination"]))


# Flags whose change is a statement of its own ("Practice 'ads' is now sold"): `changes.flag.*`.
_FLAGS = {"sold", "shared_for_ads", "tracking", "profiling"}

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
        _transfer_name, refs=(("recipients", "recipients"),),
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


def _noun(spec: _Collection) -> Phrase:
    """The collection's noun ("Data category") as a phrase said in the summary's language."""
    return phrase("changes.noun." + spec.noun.lower().replace(" ", "_").replace("-", "_"))


def _with(change: Change, **values: Any) -> Change:
    return dataclasses.replace(change, **values)


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
            change = _said(spec.area, "removed", key, "removed", noun=_noun(spec), name=name)
            yield _with(change, before=item)
    for key, item in after.items():
        if key not in before:
            name = spec.name(item, new)
            change = _said(spec.area, "added", key, "added", noun=_noun(spec), name=name)
            yield _with(change, after=item)
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
            change = _said(
                area, "renamed", key, "renamed", noun=_noun(spec), old=old_name, new=new_name
            )
            yield _with(change, field=field, before=x, after=y)
            continue
        if field in _FLAGS and isinstance(y, bool):  # a statement of its own
            flag = f"flag.{field}.{'on' if y else 'off'}"
            change = _said(area, "changed", key, flag, noun=_noun(spec), name=new_name)
            yield _with(change, field=field, before=x, after=y)
            continue
        name = words.FieldName((*spec.path, field), words.words(field))
        if field in spec.renames and shown_x and shown_x == shown_y:
            what = phrase("changes.field.translations", field=name)
        elif field in refs:
            what = _describe_refs(name, refs[field], x, y, old, new)
        else:
            vocabulary = words.vocabulary(spec.path, field)
            what = _describe(name, field, x, y, old, new, vocabulary)
        change = _said(area, "changed", key, "item", noun=_noun(spec), name=new_name, change=what)
        yield _with(change, field=field, before=x, after=y)


def _describe_refs(
    name: words.FieldName, collection: str, x: Any, y: Any, old: _Side, new: _Side
) -> Phrase:
    if isinstance(x, list) or isinstance(y, list):
        x, y = x or [], y or []
        added = [new.name_of(collection, i) for i in y if i not in x]
        removed = [old.name_of(collection, i) for i in x if i not in y]
        return _list_change(name, added, removed)
    if x is None:
        return phrase("changes.field.set", field=name, new=_one(new.name_of(collection, y)))
    if y is None:
        return phrase("changes.field.ref_removed", field=name, old=_one(old.name_of(collection, x)))
    return phrase(
        "changes.field.changed_from",
        field=name,
        old=_one(old.name_of(collection, x)),
        new=_one(new.name_of(collection, y)),
    )


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
        label = " ".join(words.words(p) for p in path)
        name = words.FieldName(path, label[:1].upper() + label[1:], nested=True)
        vocabulary = words.vocabulary(path[:-1], path[-1])
        # The field is named in front, so its values are shown as plain values ("" field).
        what = _describe(name, "", x, y, old, new, vocabulary)
        yield _with(_phrased(area, "changed", dotted, what), field=path[-1], before=x, after=y)


# --- wording -------------------------------------------------------------------------------

humanize_duration = words.humanize_duration
_words = words.words


def _show(field: str, value: Any, side: _Side, vocabulary: str | None = None) -> words.Shown:
    translatable = (
        isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values())
    )
    return words.show(field, value, side.text(value) if translatable else None, vocabulary)


def _describe(
    name: words.FieldName,
    field: str,
    x: Any,
    y: Any,
    old: _Side,
    new: _Side,
    vocabulary: str | None = None,
) -> Phrase:
    if isinstance(x, list) and isinstance(y, list) and all(isinstance(v, str) for v in x + y):
        added, removed = [v for v in y if v not in x], [v for v in x if v not in y]
        return _list_change(name, added, removed)
    if (
        isinstance(x, dict | list)
        and isinstance(y, dict | list)
        and _show(field, y, new).english == "(details)"
    ):
        return phrase("changes.field.changed", field=name)
    if x is None or x == []:
        return phrase("changes.field.set", field=name, new=_show(field, y, new, vocabulary))
    if y is None or y == []:
        return phrase("changes.field.removed", field=name, old=_show(field, x, old, vocabulary))
    shown_x, shown_y = _show(field, x, old, vocabulary), _show(field, y, new, vocabulary)
    if shown_x.english == shown_y.english:  # only a translation (or a detail past the quote)
        return phrase("changes.field.changed", field=name)
    return phrase("changes.field.changed_from", field=name, old=shown_x, new=shown_y)


def _list_change(name: words.FieldName, added: list[str], removed: list[str]) -> Phrase:
    if added and removed:
        return phrase(
            "changes.field.list_both",
            field=name,
            added=words.Quoted(tuple(added)),
            removed=words.Quoted(tuple(removed)),
        )
    if added:
        return phrase("changes.field.list_added", field=name, values=words.Quoted(tuple(added)))
    if removed:
        return phrase("changes.field.list_removed", field=name, values=words.Quoted(tuple(removed)))
    return phrase("changes.field.reordered", field=name)


def _one(name: str | Sayable) -> Sayable:
    """An item's name quoted; a name that is itself a phrase ("to US") is said as it is."""
    return words.Quoted((name,)) if isinstance(name, str) else name
