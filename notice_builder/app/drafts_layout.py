"""Page pieces for templates and autosaved drafts: the template picker, the restore offer, and the
browser-side stores and timer that autosave reads."""

from __future__ import annotations

from typing import Any

import dash_mantine_components as dmc
from dash import dcc, html

from ..resources import SAMPLE_NAME
from . import ids
from .callbacks.drafts import AUTOSAVE_SECONDS
from .callbacks.flows import template_choices
from .language import tr

HIDDEN = {"display": "none"}


def template_picker() -> Any:
    """Pick a template, then "Create": the new notice opens in the editor."""
    return dmc.Stack(
        [
            dmc.Select(
                id=ids.TEMPLATE,
                label=tr("templates.label"),
                data=template_choices(),
                value=SAMPLE_NAME,
                allowDeselect=False,
                checkIconPosition="right",
                comboboxProps={"width": "max-content", "position": "bottom-start"},
            ),
            dmc.Button(
                tr("templates.create"), id=ids.CREATE, variant="light", style={"alignSelf": "start"}
            ),
        ],
        gap="xs",
        my="xs",
    )


def draft_banner() -> Any:
    """The offer to bring back unsaved edits (hidden until there are some), and the autosave
    status line."""
    return html.Div(
        [
            html.Div(
                dmc.Alert(
                    [
                        dmc.Text(id=ids.DRAFT_MESSAGE, size="sm", fw=500),
                        dmc.Group(
                            [
                                dmc.Button(tr("drafts.restore"), id=ids.DRAFT_RESTORE, size="xs"),
                                dmc.Button(
                                    tr("drafts.discard"),
                                    id=ids.DRAFT_DISCARD,
                                    size="xs",
                                    variant="outline",
                                    color="gray",
                                ),
                            ],
                            gap="xs",
                            mt="xs",
                        ),
                    ],
                    color="yellow",
                ),
                id=ids.DRAFT_BANNER,
                style=HIDDEN,
                role="region",
                **{"aria-label": tr("drafts.label")},
            ),
            dmc.Text(id=ids.AUTOSAVE_STATUS, size="xs", c="dimmed", className="autosave-status"),
        ],
        className="drafts",
    )


def draft_stores() -> list[Any]:
    """This browser's client id (filled from localStorage), the last text handed to autosave,
    the draft on offer, and the timer that lets autosave run at most every AUTOSAVE_SECONDS."""
    return [
        dcc.Store(id=ids.CLIENT, data=None),
        dcc.Store(id=ids.AUTOSAVE, data=None),
        dcc.Store(id=ids.DRAFT_OFFER, data=None),
        dcc.Interval(id=ids.AUTOSAVE_TICK, interval=AUTOSAVE_SECONDS * 1000),
    ]
