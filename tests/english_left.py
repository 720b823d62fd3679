"""What is still English in a piece of the interface drawn in Arabic: one checker for every test
(import it as `from tests.english_left import english_left`).

Filled-in values are isolated (FSI … PDI) in Arabic sentences: ids, file names, numbers and the
notice's own words. What is left outside them is the interface's own wording and must be Arabic,
apart from names that stay as they are in any language (`NAMES`: formats, vendors, standards),
identifiers (field paths, CSV columns, vocabulary codes, ids: anything with `_`, `.`, `:`, `/`
or `[`, or lowercase words joined by `-`) and colours. Each part passes its own `allowed` words
on top: the notice's own content, a paper size, a language's own name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from notice_builder.i18n import FSI, PDI

NAMES = frozenset(
    {
        "CSV", "PNG", "SVG", "PDF", "JPEG", "HTML", "YAML", "JSON", "JSON-LD", "ZIP", "UTF-8",
        "NUL", "MB", "SHA", "QR", "UTC", "TILT", "DPV", "W3C", "GDPR", "CCPA", "CCR", "ISO", "IEC",
        "SPI", "SMS", "MMS", "GPC", "Apple", "Google", "Play", "App", "Store", "Connect", "TRUE",
        "FALSE", "Tab",
    }
)  # fmt: skip
_INNERMOST = re.compile(f"{FSI}[^{FSI}{PDI}]*{PDI}")
# One value or a list of them ("svg، png"), isolated: a sentence (words and spaces) is not one.
_ONE_VALUE = re.compile(f"{FSI}[^\\s{FSI}{PDI}]+(?:، [^\\s{FSI}{PDI}]+)*{PDI}")
_QUOTED = re.compile(r"«[^«»]*»")
_COLOUR = re.compile(r"#[0-9a-fA-F]{3,6}\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.:/\[\]\-]*")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")  # a layout, a preset, a notice: "email-banner"
# Component props people read besides a component's children.
_READ_PROPS = ("label", "placeholder", "title", "description", "aria-label", "alt", "headerName")


def english_left(
    text: str,
    allowed: Iterable[str] = frozenset(),
    *,
    sentences: bool = True,
    quoted: bool = False,
) -> list[str]:
    """Runs of three or more Latin letters outside isolated values that are neither names,
    identifiers nor `allowed`, sorted.

    `sentences=False` reads an isolated value that holds a sentence like the text around it, so
    an interface message passed along as a value is still found; `quoted=True` takes out what is
    quoted «…» too (the notice's values, as a list of changes quotes them)."""
    allowed = frozenset(allowed)
    if quoted:
        text = _QUOTED.sub(" ", text)
    if sentences:
        while True:  # a value may itself hold an isolated value: take the innermost first
            stripped = _INNERMOST.sub(" ", text)
            if stripped == text:
                break
            text = stripped
    else:
        text = _ONE_VALUE.sub(" ", text)
    found = set()
    for word in _WORD.findall(_COLOUR.sub(" ", text)):
        word = word.rstrip(".:-/")
        # A code such as "SPI-1A" or "SHA-256" is a name with a number: read each part.
        if _english(word, allowed) and any(_english(part, allowed) for part in word.split("-")):
            found.add(word)
    return sorted(found)


def _english(word: str, allowed: frozenset[str]) -> bool:
    if sum(c.isalpha() for c in word) < 3 or word in NAMES or word in allowed:
        return False
    # A field path, a column, a code, a link, an id: not words.
    return not (any(mark in word for mark in "_.:/[") or _ID.fullmatch(word))


def plain(text: str) -> str:
    """`text` without its direction isolates, to compare the words."""
    return text.replace(FSI, "").replace(PDI, "")


def texts(tree, skip: Iterable[str] = ()) -> list[str]:
    """Every text a component tree shows, one item each: string children and the props people
    read, a select's choices, a grid's headers (code, which shows field paths and ids, and the
    subtrees whose id is in `skip` left out)."""
    skip = frozenset(skip)
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
        if str(getattr(node, "id", None)) in skip:
            return
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
    return out


def words(tree, skip: Iterable[str] = ()) -> str:
    """`texts(tree, skip)` as one text, a line each."""
    return "\n".join(texts(tree, skip))
