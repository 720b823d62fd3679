"""Small pieces of the page built from plain data: the notice list, problems, findings, history.

Every string from a notice goes into a component as text (children), which React escapes:
nothing here renders HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import dash_mantine_components as dmc
from dash import html

from ..store import NoticeInfo, VersionInfo
from . import ids

SEVERITY_COLOURS = {"error": "red", "warning": "orange", "info": "blue"}


def when(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def notice_table(notices: Iterable[NoticeInfo], current_id: str | None = None) -> Any:
    """Each notice: its title (a button that opens it), head version and last update."""
    items = [
        html.Li(
            [
                dmc.Button(
                    info.title,
                    id={"type": ids.OPEN_NOTICE, "id": info.id},
                    variant="filled" if info.id == current_id else "subtle",
                    size="compact-sm",
                    className="notice-open",
                    **{"aria-label": f"Open {info.title}"},
                ),
                dmc.Badge("archived", color="gray", size="xs", className="notice-archived")
                if info.archived
                else None,
                dmc.Text(
                    f"v{info.head_version} · updated {when(info.updated_at)}",
                    size="xs",
                    c="dimmed",
                    className="notice-meta",
                ),
            ],
            className="notice-item",
        )
        for info in notices
    ]
    if not items:
        return dmc.Text("No notices yet: start one from a template.", c="dimmed")
    return html.Ul(items, className="notice-items")


def problem_list(problems: list[dict[str, Any]]) -> Any:
    if not problems:
        return dmc.Text("The text is valid.", c="green", className="problems-ok")
    items = []
    for p in problems:
        where = f"Line {p['line']}" if p.get("line") is not None else "Line ?"
        if p.get("column") is not None:
            where += f", column {p['column']}"
        items.append(
            html.Li(
                [
                    html.Strong(where, className="problem-where"),
                    html.Code(p["path"], className="problem-path") if p.get("path") else None,
                    html.Span(p["message"], className="problem-message"),
                ],
                className="problem",
            )
        )
    return html.Div(
        [
            dmc.Text(
                f"{len(problems)} problem{'s' if len(problems) != 1 else ''}: nothing is saved "
                "until they are fixed.",
                c="red",
                fw=600,
            ),
            html.Ul(items, className="problem-list"),
        ],
        role="alert",
    )


def finding_list(findings: list[dict[str, Any]], valid: bool = True) -> Any:
    if not valid:
        return dmc.Text("Checks run once the text is valid.", c="dimmed")
    if not findings:
        return dmc.Text("No compliance findings.", c="green")
    return dmc.Table(
        [
            html.Thead(
                html.Tr(
                    [html.Th("Severity"), html.Th("Field"), html.Th("Finding"), html.Th("Article")]
                )
            ),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Td(
                                dmc.Badge(
                                    f["severity"], color=SEVERITY_COLOURS.get(f["severity"], "gray")
                                )
                            ),
                            html.Td(html.Code(f["path"])),
                            html.Td(f["message"]),
                            html.Td(f["reference"]),
                        ]
                    )
                    for f in findings
                ]
            ),
        ],
        className="finding-table",
    )


def history_list(versions: Iterable[VersionInfo], current_version: int | None) -> Any:
    items = []
    for v in reversed(list(versions)):
        is_head = v.number == current_version
        items.append(
            html.Li(
                [
                    html.Strong(f"v{v.number}"),
                    html.Span(f" {when(v.created_at)} · {v.author} · {v.message or '—'} "),
                    None
                    if is_head
                    else dmc.Button(
                        "Restore",
                        id={"type": ids.RESTORE, "version": v.number},
                        size="compact-xs",
                        variant="light",
                        **{"aria-label": f"Restore version {v.number}"},
                    ),
                ],
                className="history-item",
            )
        )
    return html.Ul(items, className="history-list")


def brand_check(checked: Any) -> Any:
    """The brand colours' contrast lines, and a "Use #rrggbb" button for each corrected colour."""
    if not checked.messages:
        return dmc.Text("No brand colours: the theme's own are used.", size="sm", c="dimmed")
    lines = [
        dmc.Text(m, size="sm", c="green" if checked.ok else "orange", className="brand-note")
        for m in checked.messages
    ]
    buttons = [
        dmc.Button(
            f"Use {colour}",
            id={"type": ids.BRAND_USE, "role": role, "colour": colour},
            variant="light",
            size="compact-sm",
            className="brand-use",
            leftSection=html.Span(
                style={
                    "display": "inline-block",
                    "width": "12px",
                    "height": "12px",
                    "borderRadius": "2px",
                    "background": colour,
                }
            ),
            **{"aria-label": f"Use {colour} as the {role} colour"},
        )
        for role, colour in checked.suggestions.items()
    ]
    return html.Div([*lines, dmc.Group(buttons, gap="xs", mt=4) if buttons else None])


def status(kind: str, message: str) -> Any:
    if not message:
        return None
    colour = {"saved": "green", "invalid": "red", "conflict": "orange"}.get(kind, "red")
    return html.Div(dmc.Alert(message, color=colour), role="status" if kind == "saved" else "alert")


KIND_COLOURS = {"added": "green", "removed": "red", "renamed": "blue", "changed": "orange"}


def change_groups(groups: list[tuple[str, list[dict[str, str]]]]) -> Any:
    """The differences between two versions, one titled list per area."""
    return html.Div(
        [
            html.Div(
                [
                    dmc.Title(area.capitalize(), order=4, size="h6", mt="xs"),
                    html.Ul(
                        [
                            html.Li(
                                [
                                    dmc.Badge(
                                        change["kind"],
                                        color=KIND_COLOURS.get(change["kind"], "gray"),
                                        size="xs",
                                        mr=6,
                                    ),
                                    html.Span(change["summary"], className="change-summary"),
                                ],
                                className="change",
                            )
                            for change in changes
                        ],
                        className="change-list",
                    ),
                ],
                className="change-area",
                **{"data-area": area},
            )
            for area, changes in groups
        ],
        className="change-groups",
    )


def side_by_side(numbers: tuple[int, int], shown: tuple[Any, Any]) -> Any:
    """The two versions' previews next to each other (images, like the main preview)."""
    cells = []
    for number, picture in zip(numbers, shown, strict=True):
        if picture is None:
            continue
        body = (
            html.Img(
                src=picture.src,
                alt=f"Version {number}: {picture.alt}",
                className="compare-image",
                style={"maxWidth": "100%", "height": "auto"},
            )
            if picture.src
            else dmc.Text(picture.message or "No preview.", c="dimmed", size="sm")
        )
        cells.append(
            html.Figure(
                [body, html.Figcaption(f"v{number}")],
                className="compare-preview",
                dir="ltr",
                style={"flex": "1 1 0", "minWidth": 0, "margin": 0},
            )
        )
    if not cells:
        return None
    return html.Div(cells, className="compare-previews", style={"display": "flex", "gap": "8px"})


def comparison(result: Any) -> Any:
    """The whole outcome of "Compare": a sentence, the grouped changes, the two previews."""
    if result.kind != "saved":
        return status(result.kind, result.message)
    parts = [dmc.Text(result.message, size="sm", fw=600, className="compare-message")]
    if result.groups:
        parts.append(change_groups(result.groups))
    if result.numbers and (result.before or result.after):
        parts.append(side_by_side(result.numbers, (result.before, result.after)))
    return html.Div(parts, className="comparison")
