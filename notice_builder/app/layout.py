"""The page: notice list, editor (text, problems, checks, save, history), preview and export."""

from __future__ import annotations

from typing import Any

import dash_mantine_components as dmc
from dash import dcc, html

from ..export import format_names, preset_names
from ..layout import layout_names
from ..render.logo import MAX_BYTES as LOGO_MAX_BYTES
from ..render.theme import theme_names
from ..resources import SAMPLE_NAME
from ..store import NotFoundError, Store
from . import ids, views
from .callbacks.brand import LOGO_LIMIT_TEXT
from .callbacks.editor import check_text, current_of
from .callbacks.flows import ARCHIVED_NOTE, UPLOAD_LIMIT, UPLOAD_LIMIT_TEXT, notice_state
from .callbacks.preview import DEFAULT_LAYOUT, DEFAULT_THEME

HIDDEN = {"display": "none"}
SHOWN = {"display": "inline-block"}
LOCALE_NAMES = {"en": "English", "ar": "العربية (Arabic)"}


def drop_zone(id: str, prompt: str, limit: str, *, accept: str, max_size: int, kind: str) -> Any:
    """A file drop zone with a "choose one" link and its size limit (styled in app.css)."""
    return dcc.Upload(
        id=id,
        children=html.Div(
            [
                dmc.Text(prompt, span=True),
                html.A("choose one", href="#", className=f"{kind}-choose"),
                dmc.Text(f" (at most {limit}).", span=True),
            ]
        ),
        accept=accept,
        max_size=max_size,
        multiple=False,
        className=f"drop-zone {kind}-drop",
    )


def locale_options(locales: list[str]) -> list[dict[str, str]]:
    return [
        {"value": code, "label": f"{LOCALE_NAMES.get(code, code)} · {code}"} for code in locales
    ]


def _select(id: str, label: str, data: list, value: str | None) -> Any:
    return dmc.Select(
        id=id,
        label=label,
        data=data,
        value=value,
        allowDeselect=False,
        w=200,
        checkIconPosition="right",
    )


def brand_panel() -> Any:
    """Brand colours and logo for the preview and downloads (kept in this browser session)."""
    colour = {
        "format": "hex",
        "w": 200,
        "placeholder": "theme colour",
        "withEyeDropper": False,
        "persistence": True,  # what was typed survives a reload, like the store
        "persistence_type": "session",
    }
    return html.Div(
        [
            dmc.Title("Brand kit", order=3, size="h5", mt="md"),
            dmc.Text(
                "Applies to this preview and your downloads; not saved with the notice.",
                size="xs",
                c="dimmed",
                className="brand-caption",
            ),
            dmc.Group(
                [
                    dmc.ColorInput(id=ids.BRAND_PRIMARY, label="Primary colour", **colour),
                    dmc.ColorInput(id=ids.BRAND_ACCENT, label="Accent colour", **colour),
                ],
                gap="sm",
                align="flex-start",
            ),
            html.Div(id=ids.BRAND_CHECK, className="brand-check", **{"aria-live": "polite"}),
            dmc.Group(
                [
                    drop_zone(
                        ids.LOGO_UPLOAD,
                        "Logo: drop a PNG or JPEG here, or ",
                        LOGO_LIMIT_TEXT,
                        accept=".png,.jpg,.jpeg,image/png,image/jpeg",
                        max_size=LOGO_MAX_BYTES,
                        kind="logo",
                    ),
                    html.Img(
                        id=ids.LOGO_THUMB,
                        alt="Brand logo",
                        className="logo-thumb",
                        style={"display": "none"},
                    ),
                    dmc.Button(
                        "Remove logo", id=ids.LOGO_REMOVE, variant="light", color="gray", size="xs"
                    ),
                ],
                gap="sm",
                my="xs",
            ),
            html.Div(id=ids.LOGO_STATUS, className="logo-status", **{"aria-live": "polite"}),
        ],
        className="brand-kit",
        **{"aria-label": "Brand kit"},
    )


def build_layout(store: Store) -> Any:
    """The page as it is now: the most recently saved notice is open."""
    notices = store.list()
    draft = None
    if notices:
        try:
            draft = store.get(notices[0].id)
        except NotFoundError:
            draft = None
    text = draft.text if draft else ""
    current = current_of(draft) if draft else None
    checked = check_text(text) if draft else None
    locales = checked.locales if checked and checked.notice else ["en"]
    locale = checked.notice.default_locale if checked and checked.notice else "en"
    state = notice_state(store, current)

    header = dmc.Group(
        [
            dmc.Title("Notice builder", order=1, size="h2"),
            dmc.Text("Write a privacy notice, check it, and export it as a picture.", c="dimmed"),
        ],
        justify="space-between",
        className="app-header",
    )
    notices_section = html.Section(
        [
            dmc.Title("Notices", order=2, size="h4"),
            dmc.Group(
                [
                    dmc.Button(
                        "New from template: coffee shop", id=ids.NEW_SAMPLE, variant="light"
                    ),
                    dmc.Button("New blank notice", id=ids.NEW_BLANK, variant="light"),
                ],
                gap="xs",
                my="xs",
            ),
            drop_zone(
                ids.IMPORT,
                "Import a notice: drop a YAML or JSON file here, or ",
                UPLOAD_LIMIT_TEXT,
                accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml,text/plain",
                max_size=UPLOAD_LIMIT,
                kind="import",
            ),
            html.Div(id=ids.IMPORT_STATUS, className="import-status", **{"aria-live": "polite"}),
            dmc.Switch(id=ids.SHOW_ARCHIVED, label="Show archived notices", checked=False, my="xs"),
            html.Div(
                views.notice_table(notices, current["id"] if current else None), id=ids.NOTICE_LIST
            ),
        ],
        className="panel notices",
        **{"aria-label": "Notices"},
    )
    editor_section = html.Section(
        [
            dmc.Title(
                f"Editing: {draft.info.title} (v{draft.version})" if draft else "No notice open",
                order=2,
                size="h4",
                id=ids.EDITOR_HEADING,
            ),
            html.Div(
                dmc.Alert(ARCHIVED_NOTE, color="gray", title="Archived")
                if state.archived
                else None,
                id=ids.ARCHIVED_NOTE,
            ),
            dmc.Textarea(
                id=ids.EDITOR,
                label="Notice (YAML)",
                description="Changes are checked as you type; nothing is saved until you press Save.",
                value=text,
                debounce=100,
                autosize=True,
                minRows=18,
                maxRows=32,
                spellCheck=False,
                className="yaml-editor",
            ),
            html.Div(
                views.problem_list(checked.problems) if checked else None,
                id=ids.PROBLEMS,
                className="problems",
                **{"aria-live": "polite"},
            ),
            dmc.Group(
                [
                    dmc.TextInput(
                        id=ids.SAVE_MESSAGE,
                        label="What changed",
                        placeholder="e.g. Added the newsletter purpose",
                        w=320,
                    ),
                    dmc.Button("Save", id=ids.SAVE),
                    dmc.Button(
                        "Save as copy",
                        id=ids.SAVE_AS_COPY,
                        variant="outline",
                        color="orange",
                        style={"display": "none"},
                    ),
                ],
                align="flex-end",
                gap="sm",
                my="sm",
            ),
            html.Div(id=ids.SAVE_STATUS, **{"aria-live": "polite"}),
            dmc.Group(
                [
                    dmc.Button("Duplicate", id=ids.DUPLICATE, variant="light", size="xs"),
                    dmc.Button(
                        "Archive",
                        id=ids.ARCHIVE,
                        variant="light",
                        color="gray",
                        size="xs",
                        style=HIDDEN if state.archived else SHOWN,
                    ),
                    dmc.Button(
                        "Unarchive",
                        id=ids.UNARCHIVE,
                        variant="light",
                        color="gray",
                        size="xs",
                        style=SHOWN if state.archived else HIDDEN,
                    ),
                ],
                gap="xs",
                my="xs",
            ),
            dmc.Title("Compliance checks", order=3, size="h5", mt="md"),
            html.Div(
                views.finding_list(checked.findings, checked.notice is not None)
                if checked
                else None,
                id=ids.FINDINGS,
            ),
            dmc.Title("History", order=3, size="h5", mt="md"),
            html.Div(
                views.history_list(store.versions(draft.id), draft.version) if draft else None,
                id=ids.HISTORY,
            ),
            dmc.Group(
                [
                    _select(
                        ids.COMPARE_FROM, "Compare version", state.versions, state.compare_from
                    ),
                    _select(ids.COMPARE_TO, "with version", state.versions, state.compare_to),
                    dmc.Button("Compare", id=ids.COMPARE, variant="light"),
                ],
                align="flex-end",
                gap="sm",
                my="xs",
            ),
            dcc.Loading(html.Div(id=ids.COMPARE_RESULT, **{"aria-live": "polite"}), delay_show=300),
        ],
        className="panel editor",
        **{"aria-label": "Editor"},
    )
    preview_section = html.Section(
        [
            dmc.Title("Preview", order=2, size="h4"),
            dmc.Group(
                [
                    _select(ids.LAYOUT, "Layout", layout_names(), DEFAULT_LAYOUT),
                    _select(ids.THEME, "Theme", theme_names(), DEFAULT_THEME),
                    _select(ids.LOCALE, "Language", locale_options(locales), locale),
                ],
                gap="sm",
            ),
            brand_panel(),
            html.Div(id=ids.PREVIEW_STATUS, className="preview-status", **{"aria-live": "polite"}),
            html.Div(
                html.Img(
                    id=ids.PREVIEW_IMAGE, alt="Preview of the notice", className="preview-image"
                ),
                id=ids.PREVIEW_BOX,
                dir="ltr",
                className="preview-box",
            ),
            dmc.Title("Export", order=3, size="h5", mt="md"),
            dmc.Group(
                [
                    _select(ids.FORMAT, "Format", format_names(), "png"),
                    _select(ids.PRESET, "Size preset", preset_names(), "original"),
                    dmc.Button("Download", id=ids.DOWNLOAD_BUTTON),
                ],
                align="flex-end",
                gap="sm",
            ),
            html.Div(id=ids.EXPORT_STATUS, **{"aria-live": "polite"}),
            dcc.Download(id=ids.DOWNLOAD),
        ],
        className="panel preview",
        **{"aria-label": "Preview and export"},
    )
    return dmc.MantineProvider(
        html.Div(
            [
                dcc.Store(id=ids.CURRENT, data=current),
                dcc.Store(id=ids.REFRESH, data=0),
                dcc.Store(id=ids.BRAND, data={}, storage_type="session"),
                html.Div(id=ids.ERROR_BANNER, role="alert", className="error-banner"),
                header,
                html.Main([notices_section, editor_section, preview_section], className="app-grid"),
            ],
            className="app",
        )
    )


__all__ = ["SAMPLE_NAME", "build_layout", "locale_options"]
