"""One notice, every format: store labels (Google Play Data safety CSV, Apple App Privacy
details), TILT and W3C DPV JSON-LD, each registered with what it cannot carry.

    from notice_builder.formats import export_as, import_from, names

    csv_bytes = export_as(notice, "google-play")
    imported = import_from(csv_bytes, "google-play", base=notice)   # .notice, .losses
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from ..model import PrivacyNotice
from . import apple, dpv, google_play, tilt  # noqa: F401  (registers the built-in formats)
from .registry import Format, Imported, Loss, formats, get, names, register

__all__ = [
    "Format",
    "Imported",
    "Loss",
    "detect",
    "export_as",
    "formats",
    "get",
    "import_from",
    "importable",
    "names",
    "register",
]


def export_as(notice: PrivacyNotice, name: str) -> bytes:
    """The notice in the format `name` (see `names()`), as bytes ready to write."""
    return get(name).export(notice)


def importable() -> list[str]:
    """Names of the formats that can be read back into a notice."""
    return [f.name for f in formats() if f.can_import]


def import_from(
    data: bytes | str,
    name: str | None = None,
    *,
    source: str = "<input>",
    base: PrivacyNotice | None = None,
    effective_date: dt.date | None = None,
) -> Imported:
    """A notice read from `data` in the format `name` (recognised from the content when None).

    Raises `notice_builder.io.NoticeError` listing every problem (row and column, or JSON path);
    nothing is imported then. With `base`, the imported facts replace the base's data categories,
    purposes and practices, and the rest of the base is kept.
    """
    if name is None:
        name = detect(data, source)
    fmt = get(name)
    if fmt.import_ is None:
        raise KeyError(
            f"the format '{name}' can be exported, not imported (importable: "
            f"{', '.join(importable())})"
        )
    return fmt.import_(data, source=source, base=base, effective_date=effective_date)


def detect(data: bytes | str, source: str = "") -> str:
    """The importable format of `data`: from its content, then from the file name's suffix."""
    head = (data.encode("utf-8") if isinstance(data, str) else data)[:4096]
    for fmt in formats():
        if fmt.import_ is not None and fmt.sniff is not None and fmt.sniff(head):
            return fmt.name
    suffix = PurePath(source).suffix.lower() if source else ""
    matches = [f.name for f in formats() if f.can_import and f.suffix == suffix]
    if len(matches) == 1:
        return matches[0]
    raise KeyError(
        f"cannot tell the format of {source or 'the input'}: name it (importable: "
        f"{', '.join(importable())})"
    )
