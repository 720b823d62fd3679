"""What is still English in a piece of the interface drawn in Arabic.

Filled-in values are isolated (FSI … PDI) in Arabic sentences: ids, file names, numbers and the
notice's own words. What is left outside them is the interface's own wording and must be Arabic,
apart from names that stay as they are in any language (formats, vendors, standards) and
identifiers (field paths, CSV columns, vocabulary codes: anything with `_`, `.`, `:` or `/`)."""

from __future__ import annotations

import re

from notice_builder.i18n import FSI, PDI

NAMES = frozenset(
    {
        "CSV", "PNG", "SVG", "PDF", "YAML", "JSON", "JSON-LD", "ZIP", "UTF-8", "NUL", "MB",
        "TILT", "DPV", "W3C", "GDPR", "CCPA", "Apple", "Google", "Play", "App", "Store",
        "Connect", "TRUE", "FALSE", "Tab",
    }
)  # fmt: skip
_INNERMOST = re.compile(f"{FSI}[^{FSI}{PDI}]*{PDI}")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.:/\-]*")
# Component props people read besides a component's children.
_READ_PROPS = ("label", "placeholder", "title", "description", "aria-label", "headerName")


def english_left(text: str, allowed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Runs of three or more Latin letters outside isolated values that are neither names,
    identifiers nor `allowed`."""
    while True:  # a value may itself hold an isolated value: take the innermost first
        stripped = _INNERMOST.sub(" ", text)
        if stripped == text:
            break
        text = stripped
    found = set()
    for word in _WORD.findall(text):
        word = word.rstrip(".:-/")
        if sum(c.isalpha() for c in word) < 3 or word in NAMES or word in allowed:
            continue
        if any(mark in word for mark in "_.:/"):  # a field path, a column, a code, a link
            continue
        found.add(word)
    return sorted(found)


def words(tree) -> str:
    """Every text a component tree shows: string children and the props people read (code,
    which shows field paths and ids, left out)."""
    out: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str | int | float):
            out.append(str(node))
            return
        if isinstance(node, list | tuple):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "to_plotly_json") or node.to_plotly_json()["type"] == "Code":
            return  # a field path or an id, shown as code
        props = node.to_plotly_json()["props"]
        for name in _READ_PROPS:
            if isinstance(props.get(name), str):
                out.append(props[name])
        data = props.get("data")
        if isinstance(data, list):
            out.extend(d["label"] for d in data if isinstance(d, dict) and "label" in d)
        out.extend(((props.get("dashGridOptions") or {}).get("localeText") or {}).values())
        for column in props.get("columnDefs") or []:
            out.extend(str(column.get(k, "")) for k in ("headerName", "headerTooltip"))
        walk(props.get("children"))

    walk(tree)
    return "\n".join(out)
