"""The editor's outputs when another notice's text is put in it (a file imported, a store label
applied as a new version or a new notice): the text, which notice and version it is, the lists
refreshed, and a clean save line. One set, so every way in leaves the editor the same."""

from __future__ import annotations

from typing import Any

from dash import Output, no_update

from .. import ids
from ..layout import HIDDEN

OUTPUTS = (
    Output(ids.EDITOR, "value", allow_duplicate=True),
    Output(ids.CURRENT, "data", allow_duplicate=True),
    Output(ids.REFRESH, "data", allow_duplicate=True),
    Output(ids.SAVE_STATUS, "children", allow_duplicate=True),
    Output(ids.SAVE_AS_COPY, "style", allow_duplicate=True),
)
UNCHANGED = (no_update,) * len(OUTPUTS)


def opened(text: str, current: Any, refresh: int | None) -> tuple:
    """`OUTPUTS`' values for `text`, the notice `current` ({id, version}) now open."""
    return (text, current, (refresh or 0) + 1, None, HIDDEN)
