"""The page: notice list, editor (text, problems, checks, save, history), preview and export."""

from __future__ import annotations

from typing import Any

import dash_mantine_components as dmc
from dash import dcc, html

from ..render.logo import MAX_BYTES as LOGO_MAX_BYTES
from ..resources import SAMPLE_NAME
from ..store import NotFoundError, Store
from . import (
    charts_panel,
    drafts_layout,
    export_panel,
    forms,
    ids,
    language,
    names,
    store_formats_layout,
    views,
)
from .callbacks.brand import LOGO_LIMIT_TEXT
from .callbacks.editor import check_text, current_of
from .callbacks.flows import UPLOAD_LIMIT, UPLOAD_LIMIT_TEXT, notice_state
from .callbacks.preview import DEFAULT_LAYOUT, DEFAULT_THEME
from .language import known, tr
from .report import report_page
from .upload_guard import sentence_store

HIDDEN = {"display": "none"}
SHOWN = {"display": "inline-block"}
LOCALE_NAMES = {"en": "English", "ar": "العربية (Arabic)"}


def drop_zone(id: str, prompt: str, limit: str, *, accept: str, max_size: int, kind: str) -> Any:
    """A file drop zone with a "choose one" link and its size limit (styled in app.css).

    The link is the keyboard's way in (Enter opens the file picker), named for what it does;
    assets/app/a11y.js takes the zone's invisible file input out of the tab order."""
    topic = prompt.split(":")[0]  # "Import a notice", "Logo" (the catalogues keep the colon)
    return dcc.Upload(
        id=id,
        children=html.Div(
            [
                dmc.Text(prompt, span=True),
                html.A(
                    tr("upload.choose"),
                    href="#",
                    className=f"{kind}-choose",
                    role="button",
                    **{"aria-label": tr("upload.choose_label", topic=topic, limit=limit)},
                ),
                dmc.Text(tr("upload.limit", limit=limit), span=True),
            ]
        ),
        accept=accept,
        max_size=max_size,
        multiple=False,
        className=f"drop-zone {kind}-drop",
    )


def locale_options(locales: list[str]) -> list[dict[str, str]]:
    """The notice's languages, each in its own words and the interface's ("العربية (Arabic)")."""
    return names.language_options(locales)


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
        "placeholder": tr("brand.placeholder"),
        "withEyeDropper": False,
        "persistence": True,  # what was typed survives a reload, like the store
        "persistence_type": "session",
    }
    return html.Div(
        [
            dmc.Title(tr("brand.heading"), order=3, size="h5", mt="md"),
            dmc.Text(
                tr("brand.caption"),
                size="xs",
                c="dimmed",
                className="brand-caption",
            ),
            dmc.Group(
                [
                    dmc.ColorInput(id=ids.BRAND_PRIMARY, label=tr("brand.primary"), **colour),
                    dmc.ColorInput(id=ids.BRAND_ACCENT, label=tr("brand.accent"), **colour),
                ],
                gap="sm",
                align="flex-start",
            ),
            html.Div(id=ids.BRAND_CHECK, className="brand-check", **{"aria-live": "polite"}),
            dmc.Group(
                [
                    drop_zone(
                        ids.LOGO_UPLOAD,
                        tr("brand.logo_prompt"),
                        LOGO_LIMIT_TEXT,
                        accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml",
                        max_size=LOGO_MAX_BYTES,
                        kind="logo",
                    ),
                    html.Img(
                        id=ids.LOGO_THUMB,
                        alt=tr("brand.logo_alt"),
                        className="logo-thumb",
                        style={"display": "none"},
                    ),
                    dmc.Button(
                        tr("brand.remove_logo"),
                        id=ids.LOGO_REMOVE,
                        variant="light",
                        color="gray",
                        size="xs",
                    ),
                ],
                gap="sm",
                my="xs",
            ),
            html.Div(id=ids.LOGO_STATUS, className="logo-status", **{"aria-live": "polite"}),
        ],
        className="brand-kit",
        **{"aria-label": tr("brand.heading")},
    )


def build_layout(store: Store, lang: str | None = None) -> Any:
    """The page as it is now, in the interface language `lang` (default: the request's).

    The most recently saved notice is open, or the one that was open when the language was
    switched."""
    if lang is not None:
        with language.using(lang):
            return build_layout(store)
    notices = store.list()
    draft = None
    wanted = language.opened_notice()
    for notice_id in ([wanted] if wanted else []) + ([notices[0].id] if notices else []):
        try:
            draft = store.get(notice_id)
            break
        except NotFoundError:
            draft = None
    text = draft.text if draft else ""
    current = current_of(draft) if draft else None
    checked = check_text(text) if draft else None
    locales = checked.locales if checked and checked.notice else ["en"]
    # The preview opens in the interface's language when the notice has it, else in its own.
    default = checked.notice.default_locale if checked and checked.notice else "en"
    locale = next((code for code in locales if known(code) == language.current()), default)
    state = notice_state(store, current)

    header = dmc.Group(
        [
            dmc.Title(tr("header.title"), order=1, size="h2"),
            dmc.Text(tr("header.tagline"), c="dimmed"),
            language.switch(),
        ],
        justify="space-between",
        className="app-header",
    )
    notices_section = html.Section(
        [
            dmc.Title(tr("notices.heading"), order=2, size="h4"),
            drafts_layout.template_picker(),
            drop_zone(
                ids.IMPORT,
                tr("notices.import_prompt"),
                UPLOAD_LIMIT_TEXT,
                accept=".yaml,.yml,.json,.csv,application/json,application/yaml,text/yaml,"
                "text/plain,text/csv",
                max_size=UPLOAD_LIMIT,
                kind="import",
            ),
            html.Div(id=ids.IMPORT_STATUS, className="import-status", **{"aria-live": "polite"}),
            sentence_store(ids.IMPORT_SENTENCE, UPLOAD_LIMIT_TEXT),
            store_formats_layout.import_choice(),
            dmc.Switch(
                id=ids.SHOW_ARCHIVED, label=tr("notices.show_archived"), checked=False, my="xs"
            ),
            html.Div(
                views.notice_table(notices, current["id"] if current else None), id=ids.NOTICE_LIST
            ),
            store_formats_layout.export_panel(),
        ],
        className="panel notices",
        **{"aria-label": tr("notices.heading")},
    )
    editor_section = html.Section(
        [
            dmc.Title(
                tr("editor.heading", title=draft.info.title, version=draft.version)
                if draft
                else tr("editor.none"),
                order=2,
                size="h4",
                id=ids.EDITOR_HEADING,
            ),
            html.Div(
                dmc.Alert(tr("editor.archived_note"), color="gray", title=tr("editor.archived"))
                if state.archived
                else None,
                id=ids.ARCHIVED_NOTE,
            ),
            forms.editor_tabs(
                text,
                dmc.Textarea(
                    id=ids.EDITOR,
                    label=tr("editor.yaml_label"),
                    description=tr("editor.yaml_description"),
                    value=text,
                    debounce=60,
                    # Fixed rows (drag the corner for more): autosize measured the whole text's
                    # height on every keystroke, 15-30 ms each time on the page's main thread.
                    resize="vertical",
                    spellCheck=False,
                    className="yaml-editor",
                    # YAML keys are ASCII: the text reads left to right in any interface.
                    inputProps={"dir": "ltr", "rows": 28},
                ),
                LOCALE_NAMES,
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
                        label=tr("editor.save_message"),
                        placeholder=tr("editor.save_message_placeholder"),
                        inputProps={"dir": "auto"},
                        w=320,
                    ),
                    dmc.Button(tr("editor.save"), id=ids.SAVE),
                    dmc.Button(
                        tr("editor.save_as_copy"),
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
                    dmc.Button(
                        tr("editor.duplicate"), id=ids.DUPLICATE, variant="light", size="xs"
                    ),
                    dmc.Button(
                        tr("editor.archive"),
                        id=ids.ARCHIVE,
                        variant="light",
                        color="gray",
                        size="xs",
                        style=HIDDEN if state.archived else SHOWN,
                    ),
                    dmc.Button(
                        tr("editor.unarchive"),
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
            dmc.Title(tr("editor.checks"), order=3, size="h5", mt="md"),
            html.Div(
                views.finding_list(checked.findings, checked.notice is not None)
                if checked
                else None,
                id=ids.FINDINGS,
            ),
            dmc.Title(tr("editor.history"), order=3, size="h5", mt="md"),
            html.Div(
                views.history_list(store.versions(draft.id), draft.version) if draft else None,
                id=ids.HISTORY,
            ),
            dmc.Group(
                [
                    _select(
                        ids.COMPARE_FROM,
                        tr("editor.compare_from"),
                        state.versions,
                        state.compare_from,
                    ),
                    _select(
                        ids.COMPARE_TO, tr("editor.compare_to"), state.versions, state.compare_to
                    ),
                    dmc.Button(tr("editor.compare"), id=ids.COMPARE, variant="light"),
                ],
                align="flex-end",
                gap="sm",
                my="xs",
            ),
            dcc.Loading(html.Div(id=ids.COMPARE_RESULT, **{"aria-live": "polite"}), delay_show=300),
        ],
        className="panel editor",
        **{"aria-label": tr("page.editor")},
    )
    preview_section = html.Section(
        [
            dmc.Title(tr("preview.heading"), order=2, size="h4"),
            dmc.Group(
                [
                    _select(
                        ids.LAYOUT, tr("preview.layout"), names.layout_options(), DEFAULT_LAYOUT
                    ),
                    _select(ids.THEME, tr("preview.theme"), names.theme_options(), DEFAULT_THEME),
                    _select(ids.LOCALE, tr("preview.language"), locale_options(locales), locale),
                ],
                gap="sm",
            ),
            export_panel.gallery_section(),
            brand_panel(),
            html.Div(id=ids.PREVIEW_STATUS, className="preview-status", **{"aria-live": "polite"}),
            html.Div(
                [
                    html.Img(
                        id=ids.PREVIEW_IMAGE,
                        alt=tr("preview.alt"),
                        className="preview-image",
                        **{"aria-describedby": ids.PREVIEW_TEXT},
                    ),
                    # What the picture says, as text: read by screen readers, hidden on screen.
                    html.Div(id=ids.PREVIEW_TEXT, className="visually-hidden"),
                ],
                id=ids.PREVIEW_BOX,
                dir="ltr",
                className="preview-box",
            ),
            dmc.Title(tr("export.heading"), order=3, size="h5", mt="md"),
            *export_panel.download_row(
                ids.FORMAT,
                ids.PRESET,
                ids.DOWNLOAD_BUTTON,
                tr("export.download"),
                ids.EXPORT_STATUS,
                ids.DOWNLOAD,
            ),
            export_panel.email_panel(),
            export_panel.bundle_panel(locale_options(locales), locales),
            charts_panel.charts_section(),
        ],
        className="panel preview",
        **{"aria-label": tr("preview.section")},
    )
    ui = language.current()
    return dmc.DirectionProvider(
        dmc.MantineProvider(
            html.Div(
                [
                    language.shown_store(),
                    dcc.Store(id=ids.CURRENT, data=current),
                    dcc.Store(id=ids.REFRESH, data=0),
                    dcc.Store(id=ids.BRAND, data={}, storage_type="session"),
                    dcc.Store(id=ids.PREVIEW_VIEW, data=None),
                    dcc.Store(id=ids.PREVIEW_SETTLED, data=0),
                    dcc.Store(id=ids.CHECKED, data=forms.digest(text) if checked else None),
                    *drafts_layout.draft_stores(),
                    html.Div(id=ids.ERROR_BANNER, role="alert", className="error-banner"),
                    header,
                    drafts_layout.draft_banner(),
                    # The pages: the editor as it always was, and the Report page beside it.
                    dmc.Tabs(
                        [
                            dmc.TabsList(
                                [
                                    dmc.TabsTab(tr("page.editor"), value="editor"),
                                    dmc.TabsTab(tr("page.report"), value="report"),
                                ],
                                className="page-tabs",
                            ),
                            dmc.TabsPanel(
                                html.Main(
                                    [notices_section, editor_section, preview_section],
                                    className="app-grid",
                                ),
                                value="editor",
                            ),
                            dmc.TabsPanel(report_page(store, current), value="report"),
                        ],
                        id=ids.PAGES,
                        value="editor",
                        keepMounted=True,  # the editor keeps its state while the Report page shows
                    ),
                ],
                className="app",
                lang=ui,
                dir=language.direction(ui),
            )
        ),
        direction=language.direction(ui),
    )


__all__ = ["SAMPLE_NAME", "build_layout", "locale_options"]
