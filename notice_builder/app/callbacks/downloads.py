"""What every download in the app shares: a file as dcc.Download takes it, the line that says
it is done (with any warnings), why one was refused, all in the interface language."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ...i18n.errors import said_text
from .. import language
from ..language import tr


@dataclass
class Download:
    """A file for dcc.Download, or why there is none."""

    file: dict[str, Any] | None
    message: str = ""


def file_of(data: bytes, filename: str, media_type: str) -> dict[str, Any]:
    """Bytes as dcc.Download takes them."""
    return {
        "content": base64.b64encode(data).decode("ascii"),
        "filename": filename,
        "base64": True,
        "type": media_type,
    }


def said(message: Any) -> str:
    """A library error or warning in the interface language where it can say itself."""
    return said_text(message, language.current())


def done_message(filename: str, warnings: Sequence[Any] = ()) -> str:
    """What a finished download says: its file name, then any warnings."""
    message = tr("export.done", filename=filename)
    note = "; ".join(said(w) for w in warnings)
    return message + (" " + tr("export.warnings", note=note) if note else "")


def downloaded(
    data: bytes, filename: str, media_type: str, warnings: Sequence[Any] = ()
) -> Download:
    """A finished download and the line that says so."""
    return Download(file_of(data, filename, media_type), done_message(filename, warnings))
