"""Privacy report figures as CSV: one row per period and request kind, read strictly.

The columns map one to one onto `PrivacyReport` and `RequestFigures`:

    period,request_kind,received,completed,denied,median_days,opt_outs,incidents,incidents_notified

A row whose `request_kind` is a kind of request (access, deletion, ...) gives that kind's
`received`, `completed`, `denied` and `median_days`. The row whose `request_kind` is `all` gives
the period's own figures: `median_days` (to answer any request), `opt_outs`, `incidents` and
`incidents_notified`. Cells that do not belong to a row's kind stay empty.

Reading refuses the whole file on any problem (nothing is half-imported) and names the row and
column of each: a wrong header, negative, non-integer or absurd numbers, more incidents notified
than happened, repeated rows, and cells a spreadsheet would run as a formula. Completed or denied
above received is accepted, as in the model: requests carried over from the period before. Writing prefixes
such cells with a single quote, so an exported table opened in a spreadsheet runs nothing.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import ValidationError

from ..i18n import is_rtl, isolate, say, t
from ..model import PrivacyReport
from ..model.report import MAX_COUNT, RequestKind

HEADER = (
    "period",
    "request_kind",
    "received",
    "completed",
    "denied",
    "median_days",
    "opt_outs",
    "incidents",
    "incidents_notified",
)
ALL = "all"  # the request_kind of the row holding a period's own figures
REQUEST_KINDS: tuple[str, ...] = get_args(RequestKind)
MAX_BYTES = 1024 * 1024  # 200 periods of every kind take about 100 kB
MAX_ROWS = 2000  # 200 periods (the notice's limit) × (9 kinds + the "all" row), rounded up
MAX_PROBLEMS = 20  # listed in one error; more would bury the first ones
MAX_DAYS = 3650
MAX_INCIDENTS = 100_000

# Spreadsheets treat a cell starting with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_WHOLE = re.compile(r"^\d+(?:\.0+)?$")
_DECIMAL = re.compile(r"^\d+(?:\.\d+)?$")
_NEGATIVE = re.compile(r"^-\s*\d+(?:\.\d+)?$")

# Which columns each kind of row fills; the others must stay empty.
_KIND_COLUMNS = ("received", "completed", "denied", "median_days")
_ALL_COLUMNS = ("median_days", "opt_outs", "incidents", "incidents_notified")
_LIMITS = {
    "received": MAX_COUNT,
    "completed": MAX_COUNT,
    "denied": MAX_COUNT,
    "opt_outs": MAX_COUNT,
    "incidents": MAX_INCIDENTS,
    "incidents_notified": MAX_INCIDENTS,
}


@dataclass(frozen=True)
class CsvProblem:
    """One reason a table was refused: where (row, column) and what.

    `message` is the English reason (the command line and JSON outputs keep it); `key` and
    `params` say the same in another language, from the catalogue's `report_csv.*` messages."""

    row: int | None
    column: str | None
    message: str
    key: str | None = field(default=None, compare=False)
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def said(cls, row: int | None, column: str | None, key: str, /, **params: Any) -> CsvProblem:
        """A problem whose reason is the catalogue message `report_csv.<key>`."""
        key = f"report_csv.{key}"
        return cls(row, column, _say(key, "en", params), key, params)

    def text(self, locale: str) -> str:
        """The reason in `locale` (the English one when it has no catalogue message)."""
        return _say(self.key, locale, self.params) if self.key else self.message

    def describe(self, locale: str = "en") -> str:
        """Where and why in `locale`: "row 3, column received: -3 is negative"."""
        if self.row is not None and self.column:
            where = "row_column"
        elif self.row is not None:
            where = "row"
        elif self.column:
            where = "column"
        else:
            return self.text(locale)
        place = say(f"report_csv.where.{where}", locale, row=self.row, column=self.column)
        return f"{place}: {self.text(locale)}"

    def as_dict(self, locale: str = "en") -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.text(locale)}

    def __str__(self) -> str:
        return self.describe("en")


# A value made of catalogue messages, said one by one and joined ("missing x; unknown 'y'").
Parts = tuple[tuple[str, dict[str, Any]], ...]


def _say(key: str, locale: str, params: dict[str, Any]) -> str:
    """`say`, with each `Parts` value first said part by part in `locale` and joined."""
    parts = {n: v for n, v in params.items() if isinstance(v, tuple)}
    if not parts:
        return say(key, locale, **params)
    joiner = "؛ " if is_rtl(locale) else "; "
    said = {n: joiner.join(_say(k, locale, p) for k, p in v) for n, v in parts.items()}
    rtl = is_rtl(locale)
    plain = {n: isolate(v) if rtl else v for n, v in params.items() if n not in parts}
    return t(key, locale, **plain, **said)


class ReportCsvError(ValueError):
    """The figures were refused; `problems` says where and why. Nothing was imported."""

    def __init__(self, problems: Sequence[CsvProblem]):
        self.problems = list(problems)
        shown = "; ".join(str(p) for p in self.problems[:MAX_PROBLEMS])
        more = len(self.problems) - MAX_PROBLEMS
        super().__init__(shown + (f"; and {more} more" if more > 0 else ""))


def header_text() -> str:
    return ",".join(HEADER)


# --- writing ---------------------------------------------------------------------------------


def neutralise(cell: str) -> str:
    """A cell as it may be written for a spreadsheet: one that would run as a formula gets a
    leading single quote, which spreadsheets show as text."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def report_rows(reports: Iterable[PrivacyReport]) -> list[dict[str, str]]:
    """The figures as table rows of text, in time order: each period's `all` row first, then
    its request kinds in the order the report lists them."""
    rows: list[dict[str, str]] = []
    for report in sorted(reports, key=lambda r: r.sort_key):
        empty = dict.fromkeys(HEADER, "")
        rows.append(
            {
                **empty,
                "period": report.period,
                "request_kind": ALL,
                "median_days": _number(report.median_days_to_respond),
                "opt_outs": _number(report.opt_outs),
                "incidents": _number(report.incidents),
                "incidents_notified": _number(report.incidents_notified),
            }
        )
        for figures in report.requests:
            rows.append(
                {
                    **empty,
                    "period": report.period,
                    "request_kind": figures.kind,
                    "received": _number(figures.received),
                    "completed": _number(figures.completed),
                    "denied": _number(figures.denied),
                    "median_days": _number(figures.median_days),
                }
            )
    return rows


def dumps_report_csv(reports: Iterable[PrivacyReport]) -> str:
    """The figures as CSV text with the documented header; formula-like cells neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in report_rows(reports):
        writer.writerow([neutralise(row[name]) for name in HEADER])
    return out.getvalue()


# --- reading ---------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # a bool is an int to Python, never a figure here
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip(" ")


# Why a cell is refused: a catalogue message (under "report_csv.") and its values.
Reason = tuple[str, dict[str, Any]]


def _cell_problem(column: str, cell: str) -> Reason | None:
    """Why a cell is refused whatever its column: a formula, or a negative number."""
    if _NEGATIVE.match(cell):
        return "negative", {"cell": cell}
    if cell.startswith(_FORMULA_START):
        if cell[0] in "\t\r":
            return ("formula_tab" if cell[0] == "\t" else "formula_return"), {}
        return "formula", {"start": repr(cell[0])}
    return None


def _whole(column: str, cell: str) -> int | Reason:
    """The cell as a count, or why it is refused."""
    if not _WHOLE.match(cell):
        if _DECIMAL.match(cell):
            return "not_whole", {"cell": cell}
        return "not_number", {"cell": repr(cell)}
    value = int(float(cell)) if "." in cell else int(cell)
    limit = _LIMITS[column]
    if value > limit:
        return "too_large", {"cell": cell, "limit": f"{limit:,}", "column": column}
    return value


def _days(cell: str) -> float | Reason:
    if not _DECIMAL.match(cell):
        return "not_days", {"cell": repr(cell)}
    value = float(cell)
    if value > MAX_DAYS:
        return "too_many_days", {"cell": cell, "limit": MAX_DAYS}
    return value


@dataclass
class _Row:
    number: int
    period: str
    kind: str
    values: dict[str, int | float]


def _parse_row(number: int, cells: Mapping[str, str], problems: list[CsvProblem]) -> _Row | None:
    before = len(problems)

    def refuse(where: str | None, key: str, /, **params: Any) -> None:
        problems.append(CsvProblem.said(number, where, key, **params))

    for column in HEADER:
        reason = _cell_problem(column, cells[column])
        if reason:
            refuse(column, reason[0], **reason[1])
    if len(problems) > before:
        return None
    period, kind = cells["period"], cells["request_kind"]
    if not period:
        refuse("period", "period_empty")
    else:
        try:
            PrivacyReport(period=period)
        except ValidationError:
            refuse("period", "period_format", period=repr(period))
    if kind != ALL and kind not in REQUEST_KINDS:
        known = ", ".join((ALL, *REQUEST_KINDS))
        refuse("request_kind", "unknown_kind", kind=repr(kind), known=known)
        return None
    own = _ALL_COLUMNS if kind == ALL else _KIND_COLUMNS
    values: dict[str, int | float] = {}
    for column in HEADER[2:]:
        cell = cells[column]
        if not cell:
            continue
        if column not in own:
            refuse(column, "on_all_row" if kind != ALL else "on_kind_row", kind=kind)
            continue
        value = _days(cell) if column == "median_days" else _whole(column, cell)
        if isinstance(value, tuple):
            refuse(column, value[0], **value[1])
        else:
            values[column] = value
    if kind != ALL:
        for column in ("received", "completed"):
            if column not in values and cells[column] == "":
                refuse(column, "needs", kind=kind, column=column)
    if len(problems) > before:
        return None
    notified = values.get("incidents_notified")
    if notified is not None and notified > values.get("incidents", 0):
        refuse("incidents_notified", "notified", notified=notified)
    return None if len(problems) > before else _Row(number, period, kind, values)


def _report(rows: list[_Row], kept: PrivacyReport | None) -> PrivacyReport:
    """One period's report from its rows; its label and highlights are `kept`'s."""
    fields: dict[str, Any] = {"period": rows[0].period}
    if kept is not None:
        for name in ("label", "highlights"):
            if name in kept.model_fields_set:
                fields[name] = getattr(kept, name)
    requests = []
    for row in rows:
        if row.kind == ALL:
            renamed = {"median_days": "median_days_to_respond"}
            fields.update({renamed.get(k, k): v for k, v in row.values.items()})
        else:
            requests.append({"kind": row.kind, **row.values})
    if requests:
        fields["requests"] = requests
    return PrivacyReport.model_validate(fields)


def rows_to_reports(
    rows: Sequence[Mapping[str, Any]],
    *,
    first_row: int = 1,
    keep: Iterable[PrivacyReport] = (),
) -> list[PrivacyReport]:
    """Validated reports, in time order, from table rows (mappings of column → cell).

    Rows are numbered from `first_row` in messages (2 for a CSV file under its header). The
    label and highlights of a period in `keep` carry over; empty rows are skipped. Any problem
    refuses everything with a ReportCsvError."""
    if len(rows) > MAX_ROWS:
        raise ReportCsvError(
            [CsvProblem.said(None, None, "too_many_rows", count=len(rows), limit=MAX_ROWS)]
        )
    problems: list[CsvProblem] = []
    parsed: list[_Row] = []
    seen: dict[tuple[str, str], int] = {}
    for index, raw in enumerate(rows):
        number = first_row + index
        cells = {name: _text(raw.get(name)) for name in HEADER}
        if not any(cells.values()):
            continue
        row = _parse_row(number, cells, problems)
        if row is None:
            continue
        key = (row.period, row.kind)
        if key in seen:
            problems.append(
                CsvProblem.said(
                    number,
                    "request_kind",
                    "repeats",
                    first=seen[key],
                    period=row.period,
                    kind=row.kind,
                )
            )
            continue
        seen[key] = number
        parsed.append(row)
    if problems:
        raise ReportCsvError(problems)
    by_period: dict[str, list[_Row]] = {}
    for row in parsed:
        by_period.setdefault(row.period, []).append(row)
    if len(by_period) > 200:
        raise ReportCsvError(
            [CsvProblem.said(None, "period", "too_many_periods", count=len(by_period), limit=200)]
        )
    kept = {r.period: r for r in keep}
    reports = []
    for period, group in by_period.items():
        try:
            reports.append(_report(group, kept.get(period)))
        except ValidationError as exc:  # a rule across a period's rows
            message = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
            # The model's own rule, in its words (English).
            problems.append(
                CsvProblem.said(
                    group[0].number, "period", "period_rule", period=period, rule=message
                )
            )
    if problems:
        raise ReportCsvError(problems)
    return sorted(reports, key=lambda r: r.sort_key)


def _decode(content: bytes | str) -> str:
    size = len(content.encode("utf-8")) if isinstance(content, str) else len(content)
    if size > MAX_BYTES:
        raise ReportCsvError(
            [CsvProblem.said(None, None, "too_big", size=f"{size:,}", limit=f"{MAX_BYTES:,}")]
        )
    if isinstance(content, str):
        return content.removeprefix("\ufeff")
    try:
        return content.decode("utf-8-sig")  # spreadsheets often start UTF-8 with a BOM
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise ReportCsvError([CsvProblem.said(line, None, "not_utf8")]) from None


def loads_report_csv(
    content: bytes | str, *, keep: Iterable[PrivacyReport] = ()
) -> list[PrivacyReport]:
    """Validated reports from CSV text or bytes (UTF-8, comma-separated, the HEADER columns in
    any order). Refuses the whole file with a ReportCsvError naming rows and columns."""
    text = _decode(content)
    if "\x00" in text:
        raise ReportCsvError([CsvProblem.said(None, None, "nul")])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise ReportCsvError([CsvProblem.said(1, None, "empty", header=header_text())])
        names = [h.strip().lower() for h in header]
        missing = [n for n in HEADER if n not in names]
        unknown = [n for n in names if n not in HEADER]
        repeated = sorted({n for n in names if names.count(n) > 1})
        if missing or unknown or repeated:
            parts: Parts = tuple(
                (f"report_csv.header_{what}", {"names": ", ".join(listed)})
                for what, listed in (
                    ("missing", missing),
                    ("unknown", [repr(n) for n in unknown]),
                    ("repeated", repeated),
                )
                if listed
            )
            problem = CsvProblem.said(1, None, "wrong_header", parts=parts, header=header_text())
            raise ReportCsvError([problem])
        rows: list[dict[str, str]] = []
        problems: list[CsvProblem] = []
        for cells in reader:
            number = len(rows) + 2  # as a spreadsheet numbers it: a record, under the header
            if not any(c.strip() for c in cells):
                rows.append({})
                continue
            if len(cells) != len(names):
                problems.append(
                    CsvProblem.said(
                        number, None, "cell_count", count=len(cells), columns=len(names)
                    )
                )
                rows.append({})
                continue
            rows.append(dict(zip(names, cells, strict=True)))
            if len(rows) > MAX_ROWS:
                raise ReportCsvError([CsvProblem.said(None, None, "more_rows", limit=MAX_ROWS)])
    except csv.Error as exc:
        problem = CsvProblem.said(len(rows) + 2, None, "not_csv", error=str(exc))
        raise ReportCsvError([problem]) from None
    if problems:
        raise ReportCsvError(problems)
    return rows_to_reports(rows, first_row=2, keep=keep)


__all__ = [
    "ALL",
    "HEADER",
    "MAX_BYTES",
    "CsvProblem",
    "ReportCsvError",
    "dumps_report_csv",
    "header_text",
    "loads_report_csv",
    "neutralise",
    "report_rows",
    "rows_to_reports",
]
