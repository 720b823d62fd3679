"""The Report page's logic as plain functions: load the open notice's period figures into the
table, read the table or an imported CSV, draw the charts for the chosen periods, export a
chart or the privacy-report layout, and save the figures as a new version.

No Dash here: every function takes plain values and a Store and returns plain values (plotly
figures included), so tests call them without a browser.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...charts.build_reports import response_time_chart
from ...charts.plotly_figures import to_plotly
from ...charts.registry import build_chart, chart_names
from ...export import ExportError, export
from ...i18n import t
from ...io import NoticeError, dumps_yaml, loads_notice
from ...io.report_csv import (
    HEADER,
    MAX_BYTES,
    MAX_ROWS,
    ReportCsvError,
    dumps_report_csv,
    loads_report_csv,
    report_rows,
    rows_to_reports,
)
from ...layout import RenderError
from ...model import PrivacyNotice, PrivacyReport
from ...render.theme import get_theme
from ...store import ConflictError, Store, StoreError
from ..language import current as ui_language
from ..language import tr
from .downloads import Download, file_of, said
from .editor import AUTHOR, Saved, current_of
from .flows import UploadError, clean_filename, decode_upload, decoded_size
from .preview import DEFAULT_THEME, direction_of

# The charts that report period figures, in the order the page shows them.
REPORT_CHARTS = tuple(n for n in ("requests", "response-time") if n in chart_names())
REPORT_LAYOUT = "privacy-report"
CSV_LIMIT = MAX_BYTES
CSV_LIMIT_TEXT = "1 MB"
GRAPH_HEIGHT = None  # px; None: each chart as tall as its data and call-outs need


# --- the open notice, parsed once per version --------------------------------------------------

# Per store (a test or a second app has its own), the last few versions parsed.
_PARSED: weakref.WeakKeyDictionary[Store, OrderedDict[tuple[str, int], tuple[PrivacyNotice, str]]]
_PARSED = weakref.WeakKeyDictionary()
_PARSED_LOCK = threading.Lock()
_PARSED_SIZE = 8


def stored_notice(store: Store, current: Mapping[str, Any] | None) -> tuple[PrivacyNotice, str]:
    """The notice at the open version and its text. A version never changes once saved, so
    the parsed notice is kept: a period filter change must not re-read and re-parse it."""
    if not current or not current.get("id"):
        raise LookupError(tr("report.open_first"))
    key = (str(current["id"]), int(current["version"]))
    with _PARSED_LOCK:
        cache = _PARSED.setdefault(store, OrderedDict())
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    draft = store.get(*key)
    parsed = (loads_notice(draft.text, source="store"), draft.text)
    with _PARSED_LOCK:
        cache[key] = parsed
        while len(cache) > _PARSED_SIZE:
            cache.popitem(last=False)
    return parsed


def kept_reports(store: Store, current: Mapping[str, Any] | None) -> list[PrivacyReport]:
    """The open version's reports (their labels and highlights outlive an import), or none."""
    try:
        return stored_notice(store, current)[0].reports
    except (LookupError, StoreError, NoticeError):
        return []


# --- loading the table ---------------------------------------------------------------------


@dataclass
class Loaded:
    """What the Report page shows for the open notice before any edit."""

    rows: list[dict[str, str]] = field(default_factory=list)
    heading: str = field(default_factory=lambda: tr("editor.none"))
    locales: list[str] = field(default_factory=lambda: ["en"])
    locale: str = "en"
    message: str = ""
    kept: bool = False  # the grid's unsaved edits were kept over a newer version's figures


def load(store: Store, current: Mapping[str, Any] | None) -> Loaded:
    """The open version's period figures as table rows, and its languages."""
    try:
        notice, _ = stored_notice(store, current)
    except LookupError as exc:
        return Loaded(message=str(exc))
    except (StoreError, NoticeError) as exc:
        return Loaded(message=_unreadable(exc))
    title = notice.title.get(notice.default_locale, notice.default_locale)
    return Loaded(
        rows=report_rows(notice.reports),
        heading=tr("report.heading", title=title, version=current["version"]),
        locales=list(notice.all_locales),
        locale=notice.default_locale,
    )


def _unreadable(exc: Exception) -> str:
    return tr("report.unreadable", error=said(exc))


def _same(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    return bool(a and b) and (a["id"], int(a["version"])) == (b["id"], int(b["version"]))


def _cells(rows: Sequence[Mapping[str, Any]] | None) -> list[tuple[str, ...]]:
    return [
        tuple(str(r.get(k) if r.get(k) is not None else "").strip() for k in HEADER)
        for r in rows or []
    ]


def follow(
    store: Store,
    base: Mapping[str, Any] | None,
    current: Mapping[str, Any] | None,
    rows: Sequence[Mapping[str, Any]] | None,
) -> Loaded | None:
    """What the page shows once the open notice or version changed (None: it did not).

    The grid was loaded from `base`. A new version of the same notice replaces the grid, unless
    the grid holds edits of its own: those are kept (and said so), never silently dropped."""
    if _same(base, current):
        return None
    loaded = load(store, current)
    if loaded.message or not base or not current or base.get("id") != current.get("id"):
        return loaded
    mine = _cells(rows)
    if mine in (_cells(loaded.rows), _cells(load(store, base).rows)):
        return loaded  # nothing unsaved in the grid (or the grid is what was just saved)
    loaded.rows = [dict(r) for r in rows or []]
    loaded.message = tr("report.kept_edits", version=current["version"])
    loaded.kept = True
    return loaded


CARRIED_CELL = 200  # characters of a carried cell kept (a figure or a period is far shorter)


def _carried_rows(rows: Any) -> list[dict[str, str]] | None:
    """Rows read back from the browser's session storage, as plain text cells, or None when
    they are not a table's rows."""
    if not isinstance(rows, list) or len(rows) > MAX_ROWS:
        return None
    if not all(isinstance(r, Mapping) for r in rows):
        return None
    return [
        {
            k: str(v)[:CARRIED_CELL] if isinstance(v, str | int | float) else ""
            for k, v in ((k, r.get(k)) for k in HEADER)
        }
        for r in rows
    ]


def carried(
    store: Store, carry: Mapping[str, Any] | None, current: Mapping[str, Any] | None
) -> Loaded | None:
    """The grid as it was before a language switch reloaded the page (None: nothing to put
    back). Only rows for the notice now open that differ from its saved figures come back, and
    they stay unsaved: Save figures stores them, as before the switch."""
    if not isinstance(carry, Mapping) or not current or carry.get("id") != current.get("id"):
        return None
    rows = _carried_rows(carry.get("rows"))
    loaded = load(store, current)
    if rows is None or loaded.message or _cells(rows) == _cells(loaded.rows):
        return None
    loaded.rows = rows
    if str(carry.get("version")) == str(current.get("version")):
        loaded.message = tr("report.carried")
    else:  # saved by someone in between: as when a new version arrives under edits
        loaded.message = tr("report.kept_edits", version=current["version"])
    loaded.kept = True
    return loaded


def blank_row(rows: Sequence[Mapping[str, Any]] | None) -> dict[str, str]:
    """A new row under the others: the last row's period, so a kind is quick to add."""
    period = str(rows[-1].get("period") or "") if rows else ""
    return {"period": period, "request_kind": "", **dict.fromkeys(_NUMBERS, "")}


def without(
    rows: Sequence[Mapping[str, Any]] | None, selected: Sequence[Mapping[str, Any]] | None
) -> list[dict[str, Any]]:
    """The rows left after deleting the `selected` ones (each selected row removes one equal
    row: two equal rows are the same figures, and the reader would refuse the second)."""
    left = [dict(r) for r in rows or []]
    for row in selected or []:
        wanted = {k: row.get(k) for k in HEADER}
        for i, candidate in enumerate(left):
            if {k: candidate.get(k) for k in HEADER} == wanted:
                del left[i]
                break
    return left


_NUMBERS = (
    "received",
    "completed",
    "denied",
    "median_days",
    "opt_outs",
    "incidents",
    "incidents_notified",
)


# --- reading the table ---------------------------------------------------------------------


@dataclass
class Table:
    """The table read: its reports, or the problems (row, column, why) that refuse it."""

    reports: list[PrivacyReport] | None
    problems: list[str] = field(default_factory=list)

    @property
    def periods(self) -> list[str]:
        return [r.period for r in self.reports or []]


def read_table(
    rows: Sequence[Mapping[str, Any]] | None, keep: Sequence[PrivacyReport] = ()
) -> Table:
    try:
        return Table(rows_to_reports(rows or [], first_row=1, keep=keep))
    except ReportCsvError as exc:
        return Table(None, [p.describe(ui_language()) for p in exc.problems])


def period_choice(
    periods: Sequence[str], selected: Sequence[str] | None, known: Sequence[Any] | None
) -> tuple[list[str], list[str]]:
    """The filter's choices and selection after the table changed: periods that left the table
    leave the selection; periods new to the table join it."""
    before = {o["value"] if isinstance(o, Mapping) else o for o in known or []}
    chosen = set(selected or [])
    value = [p for p in periods if p in chosen or p not in before]
    return list(periods), value


# --- charts --------------------------------------------------------------------------------


@dataclass
class Shown:
    """The charts for the chosen periods, the comparison sentences, or why there are none."""

    figures: list[Any]
    descriptions: list[str] = field(default_factory=list)  # each chart's text alternative
    callouts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    message: str = ""
    direction: str = "ltr"  # of the chosen language: the call-outs and the modebar follow it


def _chosen(
    notice: PrivacyNotice, reports: Sequence[PrivacyReport], periods: Sequence[str] | None
) -> PrivacyNotice:
    chosen = set(periods or [])
    # The reports were validated by the table reader; the rest of the notice by the store.
    return notice.model_copy(update={"reports": [r for r in reports if r.period in chosen]})


def _locale(notice: PrivacyNotice, locale: str | None) -> str:
    return locale if locale in notice.all_locales else notice.default_locale


def charts(
    store: Store,
    current: Mapping[str, Any] | None,
    rows: Sequence[Mapping[str, Any]] | None,
    periods: Sequence[str] | None,
    theme: str | None,
    locale: str | None,
) -> Shown:
    """One plotly figure per report chart for the `periods` chosen from the table's figures,
    and the sentences comparing each chosen period with the one before it."""
    try:
        notice, _ = stored_notice(store, current)
    except LookupError as exc:
        return Shown([None] * len(REPORT_CHARTS), message=str(exc))
    except (StoreError, NoticeError) as exc:
        return Shown([None] * len(REPORT_CHARTS), message=_unreadable(exc))
    table = read_table(rows, notice.reports)
    if table.reports is None:
        return Shown(
            [None] * len(REPORT_CHARTS),
            problems=table.problems,
            message=tr("report.charts_wait"),
        )
    shown = _chosen(notice, table.reports, periods)
    locale = _locale(notice, locale)
    drawn_theme = get_theme(theme or DEFAULT_THEME)
    specs = [build_chart(name, shown, locale) for name in REPORT_CHARTS]
    figures = [to_plotly(spec, drawn_theme, locale, height=GRAPH_HEIGHT) for spec in specs]
    callouts = list(response_time_chart(shown, locale, compare="previous").callouts)
    message = ""
    if not table.reports:
        message = t("chart.empty.no_reports", ui_language())
    elif not shown.reports:
        message = tr("report.no_period")
    descriptions = [spec.description for spec in specs]
    return Shown(
        figures,
        descriptions=descriptions,
        callouts=callouts,
        message=message,
        direction=direction_of(locale),
    )


# --- import and export ---------------------------------------------------------------------


@dataclass
class Imported:
    """The table after an import, or why the file was refused (nothing imported)."""

    rows: list[dict[str, str]] | None
    message: str
    problems: list[str] = field(default_factory=list)


def import_csv(
    contents: Any,
    filename: Any,
    rows: Sequence[Mapping[str, Any]] | None,
    keep: Sequence[PrivacyReport] = (),
) -> Imported:
    """Read an uploaded CSV; each period in it replaces that period's rows in the table, other
    periods stay. Any problem refuses the whole file."""
    name = clean_filename(filename)
    encoded = contents.partition(",")[2] if isinstance(contents, str) else ""
    if decoded_size(encoded) > CSV_LIMIT:
        size = decoded_size(encoded) / (1024 * 1024)
        return Imported(
            None, tr("report.import.too_big", name=name, size=f"{size:.1f}", limit=CSV_LIMIT_TEXT)
        )
    try:
        data = decode_upload(contents, limit=CSV_LIMIT)
        imported = loads_report_csv(data, keep=keep)
    except UploadError as exc:
        return Imported(None, said(exc))
    except ReportCsvError as exc:
        problems = [p.describe(ui_language()) for p in exc.problems]
        return Imported(None, tr("report.import.refused", name=name), problems=problems)
    if not imported:
        return Imported(None, tr("report.import.empty", name=name))
    replaced = {r.period for r in imported}
    merged = [dict(r) for r in rows or [] if str(r.get("period") or "").strip() not in replaced]
    merged += report_rows(imported)
    table = read_table(merged, keep)
    if table.reports is not None:  # in time order when the rest of the table reads too
        merged = report_rows(table.reports)
    periods = ", ".join(r.period for r in imported)
    return Imported(merged, tr("report.import.done", len(imported), name=name, periods=periods))


def figures_csv(
    store: Store, current: Mapping[str, Any] | None, rows: Sequence[Mapping[str, Any]] | None
) -> Download:
    """The table as a CSV file (formula-like cells neutralised)."""
    table = read_table(rows)
    if table.reports is None:
        return Download(None, tr("report.csv.fix_first"))
    try:
        name = stored_notice(store, current)[0].id
    except (LookupError, StoreError, NoticeError):
        name = "report"
    filename = f"{name}-figures.csv"
    data = dumps_report_csv(table.reports).encode("utf-8")
    return Download(file_of(data, filename, "text/csv"), tr("report.csv.done", filename=filename))


def download(
    store: Store,
    current: Mapping[str, Any] | None,
    rows: Sequence[Mapping[str, Any]] | None,
    periods: Sequence[str] | None,
    what: str | None,
    fmt: str | None,
    preset: str | None,
    theme: str | None,
    locale: str | None,
) -> Download:
    """Export chart `what` (or the privacy-report layout) for the chosen periods as `fmt`."""
    try:
        notice, _ = stored_notice(store, current)
    except LookupError as exc:
        return Download(None, str(exc))
    except (StoreError, NoticeError) as exc:
        return Download(None, _unreadable(exc))
    table = read_table(rows, notice.reports)
    if table.reports is None:
        return Download(None, tr("report.export_fix_first"))
    shown = _chosen(notice, table.reports, periods)
    locale = _locale(notice, locale)
    what = what or REPORT_LAYOUT
    fmt = fmt or "png"
    try:
        if what == REPORT_LAYOUT:
            exported = export(
                shown,
                layout=REPORT_LAYOUT,
                theme=theme or DEFAULT_THEME,
                locale=locale,
                preset=preset or "original",
                format=fmt,
            )
        elif what in chart_exports():
            exported = _export_chart(shown, what, theme, locale, preset, fmt)
        else:
            known = ", ".join(exportable())
            return Download(None, tr("report.export_unknown", what=what, known=known))
    except (ExportError, RenderError, KeyError, ValueError) as exc:
        return Download(None, tr("report.export_failed", error=said(exc)))
    filename = f"{notice.id}-{what}-{locale}{exported.suffix}"
    message = tr("report.exported", filename=filename)
    if exported.warnings:
        note = "; ".join(said(w) for w in exported.warnings)
        message = tr("report.exported_warnings", filename=filename, note=note)
    return Download(file_of(exported.data, filename, exported.media_type), message)


def chart_exports() -> tuple[str, ...]:
    """The report charts that export alone: all of them once the export pipeline has
    `export_chart`, none before."""
    from ... import export as pipeline

    return REPORT_CHARTS if hasattr(pipeline, "export_chart") else ()


def exportable() -> list[str]:
    """What the Report page exports: each chart alone, then the whole privacy-report layout."""
    return [*chart_exports(), REPORT_LAYOUT]


def _export_chart(
    notice: PrivacyNotice,
    name: str,
    theme: str | None,
    locale: str,
    preset: str | None,
    fmt: str,
) -> Any:
    from ...export import export_chart

    return export_chart(
        notice,
        name,
        theme=theme or DEFAULT_THEME,
        locale=locale,
        preset=preset or "original",
        format=fmt,
    )


# --- saving --------------------------------------------------------------------------------


def save_figures(
    store: Store,
    current: Mapping[str, Any] | None,
    editor_text: str | None,
    rows: Sequence[Mapping[str, Any]] | None,
    message: str | None = None,
) -> Saved:
    """Put the table's figures into the open notice and save it as its next version, through
    the store's normal save: if someone saved since this version was opened, nothing is written
    (a conflict, as in the editor). The notice's comments and other text are kept."""
    try:
        notice, text = stored_notice(store, current)
    except LookupError as exc:
        return Saved(None, "error", str(exc))
    except (StoreError, NoticeError) as exc:
        return Saved(dict(current or {}), "error", _unreadable(exc))
    current = dict(current or {})
    if editor_text is not None and editor_text != text:
        return Saved(current, "conflict", tr("report.unsaved_editor"))
    table = read_table(rows, notice.reports)
    if table.reports is None:
        return Saved(current, "invalid", tr("report.save_fix_first"))
    updated = notice.model_copy(update={"reports": table.reports})
    new_text = dumps_yaml(updated, original=text)
    try:
        draft = store.save(
            current["id"],
            new_text,
            expected_version=int(current["version"]),
            author=AUTHOR,
            # The version's record stays as the history has always written it.
            message=(message or "").strip() or "Report figures edited in the app",
        )
    except NoticeError as exc:
        problems = [p.as_dict(ui_language()) for p in exc.problems]
        return Saved(current, "invalid", tr("report.save_refused"), problems)
    except ConflictError as exc:
        return Saved(current, "conflict", said(exc))
    except StoreError as exc:
        return Saved(current, "error", said(exc))
    return Saved(
        current_of(draft),
        "saved",
        tr("report.saved", version=draft.version),
        text=draft.text,
    )
