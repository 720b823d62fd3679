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

from ..i18n import t
from ..resources import template_names
from ..store import NoticeInfo, VersionInfo, history
from . import ids
from .language import current, tr

SEVERITY_COLOURS = {"error": "red", "warning": "orange", "info": "blue"}


def severity_name(severity: str) -> str:
    """A finding's severity in the interface language (an unknown one as it is)."""
    return tr(f"severity.{severity}") if severity in SEVERITY_COLOURS else severity


def change_name(kind: str) -> str:
    """A change's kind ("added", "removed"…) in the interface language."""
    return tr(f"change.{kind}") if kind in KIND_COLOURS else kind


def area_name(area: str) -> str:
    """A group of changes ("data categories"…) named in the interface language."""
    names = {
        "data categories": lambda: tr("editor.area.data_categories"),
        "purposes": lambda: tr("editor.area.purposes"),
        "sharing": lambda: tr("editor.area.sharing"),
        "retention": lambda: tr("editor.area.retention"),
        "rights": lambda: tr("editor.area.rights"),
        "practices": lambda: tr("editor.area.practices"),
        "other": lambda: tr("editor.area.other"),
    }
    name = names.get(area)
    return name() if name else area.capitalize()


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
                    **{"aria-label": tr("notices.open", title=info.title)},
                ),
                dmc.Badge(
                    tr("notices.archived"), color="gray", size="xs", className="notice-archived"
                )
                if info.archived
                else None,
                dmc.Text(
                    tr("notices.meta", version=info.head_version, when=when(info.updated_at)),
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
        return dmc.Text(tr("notices.empty"), c="dimmed")
    return html.Ul(items, className="notice-items")


def problem_list(problems: list[dict[str, Any]]) -> Any:
    if not problems:
        return dmc.Text(tr("problems.valid"), c="green", className="problems-ok")
    items = []
    for p in problems:
        line = p["line"] if p.get("line") is not None else "?"
        if p.get("column") is not None:
            where = tr("problems.line_column", line=line, column=p["column"])
        else:
            where = tr("problems.line", line=line)
        items.append(
            html.Li(
                [
                    html.Strong(where, className="problem-where"),
                    html.Code(p["path"], className="problem-path", dir="ltr")
                    if p.get("path")
                    else None,
                    html.Span(p["message"], className="problem-message"),
                ],
                className="problem",
            )
        )
    return html.Div(
        [
            dmc.Text(
                tr("problems.count", len(problems)),
                c="red",
                fw=600,
            ),
            html.Ul(items, className="problem-list"),
        ],
        role="alert",
    )


def finding_list(findings: list[dict[str, Any]], valid: bool = True) -> Any:
    if not valid:
        return dmc.Text(tr("findings.waiting"), c="dimmed")
    if not findings:
        return dmc.Text(tr("findings.none"), c="green")
    return dmc.Table(
        [
            html.Thead(
                html.Tr(
                    [
                        html.Th(tr("findings.severity")),
                        html.Th(tr("findings.field")),
                        html.Th(tr("findings.finding")),
                        html.Th(tr("findings.article")),
                    ]
                )
            ),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Td(
                                dmc.Badge(
                                    severity_name(f["severity"]),
                                    color=SEVERITY_COLOURS.get(f["severity"], "gray"),
                                )
                            ),
                            html.Td(finding_link(f["path"])),
                            html.Td(f["message"]),
                            html.Td(f["reference"], dir="auto"),
                        ]
                    )
                    for f in findings
                ]
            ),
        ],
        className="finding-table",
    )


def finding_link(path: str) -> Any:
    """A finding's field: a button that opens that field in the form (see callbacks/form.py)."""
    if not path:
        return None
    return html.Button(
        html.Code(path, dir="ltr"),
        id={"type": ids.FINDING_LINK, "path": path},
        type="button",
        className="finding-link",
        title=tr("findings.show"),
        **{"aria-label": tr("findings.show_label", path=path)},
    )


def version_message(message: str | None) -> str:
    """A version's message as shown: one the product wrote ("Restored v3") in the interface
    language, one a person typed as typed."""
    lang = current()
    return history.said(message, lang, template=_template_words(lang))


def _template_words(lang: str) -> dict[str, str]:
    """Each built-in template's English name (as version messages record it) -> its name in
    `lang`."""
    words = {}
    for name in template_names():
        try:
            words[t(f"app.templates.name.{name}", "en")] = t(f"app.templates.name.{name}", lang)
        except KeyError:  # a template added to templates/: recorded by its own name
            continue
    return words


def history_list(versions: Iterable[VersionInfo], current_version: int | None) -> Any:
    items = []
    for v in reversed(list(versions)):
        is_head = v.number == current_version
        items.append(
            html.Li(
                [
                    html.Bdi(f"v{v.number}", className="history-version"),
                    html.Span(" "),
                    html.Bdi(when(v.created_at)),
                    html.Span(" · "),
                    html.Bdi(history.said_author(v.author, current())),
                    html.Span(" · "),
                    html.Bdi(version_message(v.message) or "—"),
                    html.Span(" "),
                    None
                    if is_head
                    else dmc.Button(
                        tr("history.restore"),
                        id={"type": ids.RESTORE, "version": v.number},
                        size="compact-xs",
                        variant="light",
                        **{"aria-label": tr("history.restore_label", version=v.number)},
                    ),
                ],
                className="history-item",
            )
        )
    return html.Ul(items, className="history-list")


def brand_check(checked: Any) -> Any:
    """The brand colours' contrast lines, and a "Use #rrggbb" button for each corrected colour."""
    if not checked.messages:
        return dmc.Text(tr("brand.none"), size="sm", c="dimmed")
    lines = [
        dmc.Text(m, size="sm", c="green" if checked.ok else "orange", className="brand-note")
        for m in checked.messages
    ]
    buttons = [
        dmc.Button(
            tr("brand.use", colour=colour),
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
            **{"aria-label": tr(f"brand.use_{role}", colour=colour)},
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
                    dmc.Title(area_name(area), order=4, size="h6", mt="xs"),
                    html.Ul(
                        [
                            html.Li(
                                [
                                    dmc.Badge(
                                        change_name(change["kind"]),
                                        color=KIND_COLOURS.get(change["kind"], "gray"),
                                        size="xs",
                                        me=6,  # the gap follows the reading direction
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
                alt=tr("compare.version_alt", number=number, alt=picture.alt),
                className="compare-image",
                style={"maxWidth": "100%", "height": "auto"},
            )
            if picture.src
            else dmc.Text(picture.message or tr("compare.no_preview"), c="dimmed", size="sm")
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
