"""The structured form: the notice field by field, in sync with the YAML text both ways.

`spec` reads the pydantic model once (labels, help, input kinds), `words` says them in the
interface's language, `build` draws the form from the notice's data, `edit` applies a form
change to the YAML text (keeping its comments).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import dash_mantine_components as dmc
from dash import dcc, html

from .. import ids
from ..language import tr
from .build import build_form, practices_grid
from .edit import (
    Edited,
    FormState,
    add_item,
    apply_edit,
    digest,
    read_form,
    remove_item,
    toggle_cell,
)
from .spec import SECTION_OF, SECTIONS, FieldSpec, fields_of


def form_panel(text: str | None, locale_names: Mapping[str, str] | None = None) -> list[Any]:
    """The Form tab's contents for the editor's text."""
    return [
        dcc.Store(id=ids.FORM_SYNC, data=digest(text)),
        dcc.Store(id=ids.FORM_EDITS, data=None),
        dcc.Store(id=ids.FORM_RESULT, data=None),
        html.Div(id=ids.FORM_STATUS, className="form-status", **{"aria-live": "polite"}),
        html.Div(build_form(read_form(text), None, locale_names), id=ids.FORM, className="form"),
    ]


def editor_tabs(
    text: str | None, yaml_editor: Any, locale_names: Mapping[str, str] | None = None
) -> Any:
    """The editor's two views of one notice: the form first (what most people fill in), and
    the YAML (for the whole text at once, and comments). Both stay mounted: callbacks read the
    YAML text whichever tab is shown."""
    return dmc.Tabs(
        [
            dmc.TabsList(
                [
                    dmc.TabsTab(tr("form.tab"), value="form", id=ids.FORM_TAB),
                    dmc.TabsTab("YAML", value="yaml", id=ids.YAML_TAB),
                ]
            ),
            dmc.TabsPanel(form_panel(text, locale_names), value="form", pt="xs"),
            dmc.TabsPanel(yaml_editor, value="yaml", pt="xs"),
        ],
        id=ids.EDITOR_TABS,
        value="form",
        keepMounted=True,
        className="editor-tabs",
    )


__all__ = [
    "SECTIONS",
    "SECTION_OF",
    "Edited",
    "FieldSpec",
    "FormState",
    "add_item",
    "apply_edit",
    "build_form",
    "digest",
    "editor_tabs",
    "fields_of",
    "form_panel",
    "practices_grid",
    "read_form",
    "remove_item",
    "toggle_cell",
]
