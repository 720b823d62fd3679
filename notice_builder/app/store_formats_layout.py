"""Page pieces for store labels and other formats: the choice after a label is dropped, the
"Export as" panel, and the lists of what a format could not carry."""

from __future__ import annotations

from typing import Any

import dash_mantine_components as dmc
from dash import dcc, html

from . import ids
from .callbacks.store_formats import format_choices
from .language import tr

HIDDEN = {"display": "none"}
SHOWN = {"display": "block"}
PATH_STYLE = {"fontSize": "0.75rem", "overflowWrap": "anywhere"}
LIST_STYLE = {
    "maxHeight": "14rem",
    "overflowY": "auto",
    "overflowX": "hidden",
    "paddingInlineStart": "1.1rem",  # the bullets' side in either direction
    "fontSize": "0.8rem",
    "margin": "0.25rem 0 0",
}
DEFAULT_FORMAT = "google-play"


def import_choice() -> Any:
    """Asked once a valid store label is dropped: a new notice, or a version of the open one."""
    return html.Div(
        [
            dcc.Store(id=ids.LABEL_FILE, data=None),
            html.Div(
                dmc.Alert(
                    [
                        dmc.Text(id=ids.LABEL_QUESTION, size="sm"),
                        dmc.Group(
                            [
                                dmc.Button(tr("labels.apply"), id=ids.LABEL_APPLY, size="xs"),
                                dmc.Button(
                                    tr("labels.new"), id=ids.LABEL_NEW, size="xs", variant="light"
                                ),
                                dmc.Button(
                                    tr("bundle.cancel"),
                                    id=ids.LABEL_CANCEL,
                                    size="xs",
                                    variant="subtle",
                                    color="gray",
                                ),
                            ],
                            gap="xs",
                            mt="xs",
                        ),
                    ],
                    color="blue",
                    title=tr("labels.title"),
                ),
                id=ids.LABEL_CHOICE,
                style=HIDDEN,
                role="region",
                **{"aria-label": tr("labels.import")},
            ),
            html.Div(id=ids.LABEL_LOSSES, className="label-losses", **{"aria-live": "polite"}),
        ],
        className="label-import",
    )


def export_panel() -> Any:
    """Export the notice in the editor as a store label, TILT or DPV JSON-LD."""
    return html.Div(
        [
            dmc.Group(
                [
                    dmc.Select(
                        id=ids.STORE_FORMAT,
                        label=tr("labels.export_as"),
                        data=format_choices(),
                        value=DEFAULT_FORMAT,
                        allowDeselect=False,
                        checkIconPosition="right",
                        comboboxProps={"width": "max-content", "position": "bottom-start"},
                        size="sm",
                        style={"flex": "1 1 12rem"},
                    ),
                    dmc.Button(tr("export.download"), id=ids.STORE_FORMAT_BUTTON, variant="light"),
                ],
                gap="sm",
                align="flex-end",
            ),
            dmc.Text(tr("labels.export_caption"), size="xs", c="dimmed", mt=4),
            dcc.Download(id=ids.STORE_FORMAT_DOWNLOAD),
            html.Div(id=ids.STORE_FORMAT_STATUS, **{"aria-live": "polite"}),
            html.Div(id=ids.STORE_FORMAT_LOSSES, className="format-losses"),
        ],
        className="store-formats",
        role="region",
        **{"aria-label": tr("labels.export_label")},
    )


def loss_list(heading: str, losses: list[dict[str, str]], problem: str | None = None) -> Any:
    """`heading`, then each loss as "field: what happens"; a refusal to export comes first."""
    if not losses and not problem:
        return None
    # The Notices column is narrow: the field on its own line, long paths wrap anywhere.
    items = [
        html.Li(
            [
                html.Code(loss["path"], className="loss-path", style=PATH_STYLE),
                html.Div(loss["message"], className="loss-message"),
            ],
            className=f"loss loss-{loss['kind']}",
            style={"marginBottom": "0.35rem"},
        )
        for loss in losses
    ]
    return html.Div(
        [
            dmc.Alert(problem, color="red") if problem else None,
            dmc.Text(heading, size="sm", fw=600, mt="xs") if losses else None,
            html.Ul(
                items,
                className="loss-list",
                style=LIST_STYLE,
            )
            if items
            else None,
        ]
    )


def label_problems(problems: list[dict[str, Any]], csv: bool) -> Any:
    """A store label's problems: by row and column for a CSV, by JSON path for JSON."""
    items = []
    for p in problems:
        if p.get("line") is not None:
            line, column = p["line"], p.get("column")
            if column is None:
                where = tr("labels.row", line=line) if csv else tr("problems.line", line=line)
            elif csv:
                where = tr("labels.row_column", line=line, column=column)
            else:
                where = tr("problems.line_column", line=line, column=column)
        else:
            where = tr("labels.file")
        items.append(
            html.Li(
                [
                    html.Strong(where + ": ", className="problem-where"),
                    html.Code(p["path"], className="problem-path", style=PATH_STYLE)
                    if p.get("path")
                    else None,
                    html.Span(
                        (" " if p.get("path") else "") + p["message"], className="problem-message"
                    ),
                ],
                className="problem",
            )
        )
    count = len(problems)
    return html.Div(
        [
            dmc.Text(
                tr("labels.problems", count),
                c="red",
                fw=600,
            ),
            html.Ul(items, className="problem-list"),
        ],
        role="alert",
    )
