"""Every component id of the app, in one place: the layout, the callbacks and the tests read them."""

from __future__ import annotations

# Page-wide
ERROR_BANNER = "error-banner"
CURRENT = "current-notice"  # dcc.Store: {"id": notice id, "version": the version being edited}
REFRESH = "refresh-token"  # dcc.Store: bumped after a write so the lists re-read the store

# Notice list
NOTICE_LIST = "notice-list"
NEW_SAMPLE = "new-from-sample"
NEW_BLANK = "new-blank"
OPEN_NOTICE = "open-notice"  # pattern id type: {"type": OPEN_NOTICE, "id": notice id}
SHOW_ARCHIVED = "show-archived"  # switch: list the archived notices too
IMPORT = "import-file"  # dcc.Upload of a YAML/JSON file
IMPORT_STATUS = "import-status"

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
