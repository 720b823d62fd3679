"""Every component id of the app, in one place: the layout, the callbacks and the tests read them."""

from __future__ import annotations

# Page-wide
ERROR_BANNER = "error-banner"
CURRENT = "current-notice"  # dcc.Store: {"id": notice id, "version": the version being edited}
REFRESH = "refresh-token"  # dcc.Store: bumped after a write so the lists re-read the store

# Notice list
NOTICE_LIST = "notice-list"
OPEN_NOTICE = "open-notice"  # pattern id type: {"type": OPEN_NOTICE, "id": notice id}
SHOW_ARCHIVED = "show-archived"  # switch: list the archived notices too
IMPORT = "import-file"  # dcc.Upload of a YAML/JSON file
IMPORT_STATUS = "import-status"
IMPORT_SENTENCE = "import-sentence"  # the upload-limit sentence in the page's language

# Editor
EDITOR_HEADING = "editor-heading"
EDITOR = "editor-text"
PROBLEMS = "problems"
FINDINGS = "findings"
SAVE_MESSAGE = "save-message"
SAVE = "save"
SAVE_AS_COPY = "save-as-copy"
SAVE_STATUS = "save-status"
ARCHIVED_NOTE = "archived-note"  # why saving is refused while the open notice is archived
DUPLICATE = "duplicate"
ARCHIVE = "archive"
UNARCHIVE = "unarchive"
HISTORY = "history"
RESTORE = "restore-version"  # pattern id type: {"type": RESTORE, "version": number}
COMPARE_FROM = "compare-from"
COMPARE_TO = "compare-to"
COMPARE = "compare"
COMPARE_RESULT = "compare-result"

# Preview and export
LAYOUT = "layout-picker"
THEME = "theme-picker"
LOCALE = "locale-picker"
PREVIEW_BOX = "preview-box"
PREVIEW_IMAGE = "preview-image"
PREVIEW_STATUS = "preview-status"
FORMAT = "format-picker"
PRESET = "preset-picker"
DOWNLOAD_BUTTON = "download-button"
DOWNLOAD = "download"
EXPORT_STATUS = "export-status"

# Brand kit (in the preview column; kept in the browser's session, never in the database)
BRAND = "brand"  # dcc.Store: {"primary": text, "accent": text, "logo": cleaned PNG as base64}
BRAND_PRIMARY = "brand-primary"
BRAND_ACCENT = "brand-accent"
BRAND_CHECK = "brand-check"
BRAND_USE = "brand-use"  # pattern id type: {"type": BRAND_USE, "role": "primary" | "accent"}
LOGO_UPLOAD = "logo-upload"
LOGO_STATUS = "logo-status"
LOGO_REMOVE = "logo-remove"
LOGO_THUMB = "logo-thumb"

# Preview speed, layout gallery and the export panel's email kit and bundle
PREVIEW_SETTLED = "preview-settled"  # dcc.Store: a count, set once a new preview is on screen
CHECKED = "checked"  # dcc.Store: the fingerprint of the text the problems and findings are for
PREVIEW_VIEW = "preview-view"  # dcc.Store: {"width": preview box CSS px, "dpr": devicePixelRatio}
PREVIEW_TEXT = "preview-text"  # what the preview picture says, for screen readers
GALLERY = "gallery"  # dmc.Accordion holding the thumbnails (drawn only while open)
GALLERY_GRID = "gallery-grid"
GALLERY_ITEM = "gallery-item"  # pattern id type: {"type": GALLERY_ITEM, "layout": layout name}
EMAIL_LAYOUT = "email-layout"
EMAIL_IMAGE_URL = "email-image-url"
EMAIL_MAKE = "email-make"
EMAIL_STATUS = "email-status"
EMAIL_RESULT = "email-result"  # the kit: HTML snippet, copy button, alt text, long description
EMAIL_HTML = "email-html"
EMAIL_ALT = "email-alt"
EMAIL_DESCRIPTION = "email-description"
EMAIL_COPY = "email-copy"
EMAIL_DOWNLOAD_BUTTON = "email-download-button"
EMAIL_DOWNLOAD = "email-download"
BUNDLE_LAYOUTS = "bundle-layouts"
BUNDLE_LOCALES = "bundle-locales"
BUNDLE_FORMATS = "bundle-formats"
BUNDLE_BUTTON = "bundle-button"
BUNDLE_CANCEL = "bundle-cancel"
BUNDLE_PROGRESS = "bundle-progress"
BUNDLE_PROGRESS_BOX = "bundle-progress-box"  # shown only while a bundle is being made
BUNDLE_PROGRESS_TEXT = "bundle-progress-text"
BUNDLE_STATUS = "bundle-status"
BUNDLE_DOWNLOAD = "bundle-download"

# Pages, and the Report page (period figures in a table, their charts, their exports)
PAGES = "pages"  # dmc.Tabs at the top: "editor" or "report"
REPORT_HEADING = "report-heading"
REPORT_TABLE = "report-table"  # AG Grid, one row per period and request kind
REPORT_ROWS = "report-rows"  # dcc.Store: the table's rows as the page reads them
REPORT_BASE = "report-base"  # dcc.Store: {"id", "version"} the table's rows were loaded from
REPORT_CARRY = "report-carry"  # dcc.Store: unsaved rows carried across a language switch
REPORT_ADD_ROW = "report-add-row"
REPORT_DELETE_ROWS = "report-delete-rows"  # removes the rows ticked in the table
REPORT_UPLOAD = "report-upload"  # dcc.Upload of a CSV of figures
REPORT_IMPORT_STATUS = "report-import-status"
REPORT_CSV_BUTTON = "report-csv-button"
REPORT_CSV_DOWNLOAD = "report-csv-download"
REPORT_PROBLEMS = "report-problems"  # what refuses the table, by row and column
REPORT_SAVE_MESSAGE = "report-save-message"
REPORT_SAVE = "report-save"
REPORT_SAVE_STATUS = "report-save-status"
REPORT_PERIODS = "report-periods"  # the period filter
REPORT_THEME = "report-theme"
REPORT_LOCALE = "report-locale"
REPORT_CALLOUT = "report-callout"  # each period compared with the one before it
REPORT_CHARTS_STATUS = "report-charts-status"
REPORT_GRAPHS = "report-graphs"  # holds one dcc.Graph per report chart, see report_graph()
REPORT_EXPORT_WHAT = "report-export-what"
REPORT_EXPORT_FORMAT = "report-export-format"
REPORT_EXPORT_PRESET = "report-export-preset"
REPORT_EXPORT_BUTTON = "report-export-button"
REPORT_EXPORT_STATUS = "report-export-status"
REPORT_DOWNLOAD = "report-download"

# Templates, autosaved drafts (unsaved edits kept per browser) and their restore offer
TEMPLATE = "template-picker"  # which template "Create" starts from
CREATE = "create-from-template"
CLIENT = "client-id"  # dcc.Store: this browser's random id (kept in its localStorage)
AUTOSAVE_TICK = "autosave-tick"  # dcc.Interval: how often the editor's text may be kept
AUTOSAVE = "autosave"  # dcc.Store: the last text handed to the server {id, version, text, edited}
AUTOSAVE_STATUS = "autosave-status"
DRAFT_BANNER = "draft-banner"  # "Unsaved edits from … — Restore / Discard" (hidden when none)
DRAFT_MESSAGE = "draft-message"
DRAFT_RESTORE = "draft-restore"
DRAFT_DISCARD = "draft-discard"
DRAFT_OFFER = "draft-offer"  # dcc.Store: {"id": the notice whose draft the banner offers}

# Structured form (editor section): the notice field by field, in sync with the YAML both ways
EDITOR_TABS = "editor-tabs"  # dmc.Tabs: "form" | "yaml"
FORM_TAB = "editor-tab-form"
YAML_TAB = "editor-tab-yaml"
FORM = "notice-form"  # the form's container, re-drawn when the YAML changes
FORM_SECTIONS = "form-sections"  # dmc.Accordion: the open sections of the form
FORM_PANEL = "form-panel"  # pattern id type: {"type", "section": key}; drawn once opened
FORM_STATUS = "form-status"  # why an add, remove or grid change was refused
FORM_SYNC = "form-sync"  # dcc.Store: digest of the YAML text the form shows
FORM_EDITS = "form-edits"  # dcc.Store: field edits not yet seen written, {"seq", "edits"}
FORM_RESULT = "form-result"  # dcc.Store: the answer to them, {"seq", "text", "sync", "errors"}
# Pattern id types: {"type", "path": the field's JSON pointer, "locale": "" or a translation's}
FORM_VALUE = "form-value"  # inputs whose "value" is the field's value
FORM_CHECK = "form-check"  # switches: "checked"
FORM_ADD = "form-add"  # {"type", "path": pointer of the list}
FORM_REMOVE = "form-remove"  # {"type", "path": pointer of the item}
FORM_CELL = "form-cell"  # {"type", "category": id, "purpose": id}: a practices grid tick
FINDING_LINK = "finding-link"  # {"type", "path": dotted path}: opens that field in the form


def report_graph(chart: str) -> str:
    """The id of the Report page's dcc.Graph showing `chart` (a chart registry name)."""
    return f"{REPORT_GRAPHS}-{chart}"


def report_graph_text(chart: str) -> str:
    """The id of the text that describes `chart`'s figures to a screen reader."""
    return f"{REPORT_GRAPHS}-{chart}-text"


# Store formats (Notices section): import a store label, export the open notice in a format
LABEL_FILE = "label-file"  # dcc.Store: the dropped label awaiting a choice, or None
LABEL_CHOICE = "label-choice"  # box with the question and the buttons; hidden until a drop
LABEL_QUESTION = "label-question"
LABEL_NEW = "label-new"  # "New notice"
LABEL_APPLY = "label-apply"  # "Apply to the open notice"
LABEL_CANCEL = "label-cancel"
LABEL_LOSSES = "label-losses"  # what the imported label could not carry
STORE_FORMAT = "store-format"  # dmc.Select: "Export as" (formats registry names)
STORE_FORMAT_BUTTON = "store-format-button"
STORE_FORMAT_DOWNLOAD = "store-format-download"  # dcc.Download
STORE_FORMAT_STATUS = "store-format-status"
STORE_FORMAT_LOSSES = "store-format-losses"  # what the chosen format cannot say

# Charts (preview section): one chart of the open notice, interactive, and its download
CHARTS = "charts"  # dmc.Accordion holding the chart part (drawn only while open)
CHART_PICK = "chart-pick"  # dmc.Select: a chart registry name
CHART_STATUS = "chart-status"  # why the chart shown is not the text's (invalid text, no chart)
CHART_BOX = "chart-box"  # the graph and its description, `dir` following the language
CHART_GRAPH = "chart-graph"  # dcc.Graph: the plotly figure
CHART_TEXT = "chart-text"  # what the chart shows, in words (its accessible description)
CHART_FORMAT = "chart-format"
CHART_PRESET = "chart-preset"
CHART_DOWNLOAD_BUTTON = "chart-download-button"
CHART_DOWNLOAD = "chart-download"
CHART_EXPORT_STATUS = "chart-export-status"
# The notice in DPV JSON-LD, offered beside the email kit's HTML snippet
DPV_DOWNLOAD_BUTTON = "dpv-download-button"
DPV_DOWNLOAD = "dpv-download"
DPV_STATUS = "dpv-status"

# Interface language (page header): the switch, and the language the page was drawn in
UI_LANGUAGE = "ui-language"  # dmc.SegmentedControl: "en" or "ar"
UI_LANGUAGE_SHOWN = "ui-language-shown"  # dcc.Store
