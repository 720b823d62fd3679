"""Write a notice as YAML or JSON.

YAML goes through ruamel.yaml's round-trip mode: given the text the notice was loaded from,
the new YAML keeps that text's comments, key order and quoting wherever the values did not
change, so a lawyer's notes survive an edit made in the app.
"""

from __future__ import annotations

import io
import json
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..model import PrivacyNotice
from .parse import DocumentError, parse_document


def notice_data(notice: PrivacyNotice, *, mode: str = "json") -> dict[str, Any]:
    """The notice as plain data: what was given, without defaults that were never written."""
    data = _tidy(notice.model_dump(mode=mode, exclude_unset=True))
    # The schema version is always written, first, so a reader knows the format.
    return {"schema_version": notice.schema_version, **data}


def _tidy(value: Any) -> Any:
    """Whole floats as ints (14, not 14.0), as people write them."""
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def dumps_json(notice: PrivacyNotice, *, indent: int | None = 2) -> str:
    """The notice as JSON text (UTF-8, non-ASCII kept readable)."""
    return json.dumps(notice_data(notice), ensure_ascii=False, indent=indent) + "\n"


def _round_trip(width: int) -> YAML:
    rt = YAML(typ="rt")
    rt.allow_unicode = True
    rt.width = width
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.preserve_quotes = True
    return rt


def dumps_yaml(notice: PrivacyNotice, *, original: str | None = None) -> str:
    """The notice as YAML; with `original`, that text's comments and order are kept.

    `original` is kept only when the safe parser accepts it (no tags, anchors or duplicate
    keys): ruamel.yaml then merely re-reads text already known to be plain data."""
    data = notice_data(notice, mode="python")
    if original and not _safe(original):
        original = None
    # Re-flowing the author's lines would show as changes, so edits of a text keep its lines.
    rt = _round_trip(width=4096 if original else 100)
    if original:
        document = rt.load(original)
        if isinstance(document, CommentedMap):
            data = _merge(document, data)
    out = io.StringIO()
    rt.dump(data, out)
    return out.getvalue()


def _safe(text: str) -> bool:
    try:
        parse_document(text, format="yaml")
    except DocumentError:
        return False
    return True


def _merge(old: Any, new: Any) -> Any:
    """`new`, built on `old` where they agree so old comments and styles stay attached."""
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        for key, value in new.items():
            old[key] = _merge(old[key], value) if key in old else value
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        # Items with ids are matched by id (they may have moved); others by position.
        by_id = {
            item.get("id"): item
            for item in old
            if isinstance(item, CommentedMap) and item.get("id") is not None
        }
        new_ids = {value.get("id") for value in new if isinstance(value, dict)}
        items = []
        for index, value in enumerate(new):
            match = by_id.get(value.get("id")) if isinstance(value, dict) else None
            if match is None and not by_id and index < len(old):
                match = old[index]
            elif match is None and isinstance(value, dict) and index < len(old):
                # An item whose id changed in place (renamed) keeps its comments and styles.
                here = old[index]
                if isinstance(here, CommentedMap) and here.get("id") not in new_ids:
                    match = here
            items.append(_merge(match, value) if match is not None else value)
        # Update in place so the sequence's own comments (blank lines, trailing notes) stay.
        for index, item in enumerate(items):
            if index < len(old):
                old[index] = item
            else:
                old.append(item)
        del old[len(items) :]
        return old
    if type(old) is not type(new) and not (isinstance(old, str) and isinstance(new, str)):
        return new
    return old if old == new else new
