"""Report figures as CSV: the documented header, strict reading with rows and columns named,
nothing half-imported, and formula cells neutralised on the way out."""

from __future__ import annotations

import csv
import io
import re
import string
from pathlib import Path

import pytest
import yaml

from notice_builder.io import load_notice
from notice_builder.io.report_csv import (
    HEADER,
    MAX_BYTES,
    ReportCsvError,
    dumps_report_csv,
    header_text,
    loads_report_csv,
    neutralise,
    report_rows,
    rows_to_reports,
)
from notice_builder.model import PrivacyReport
from tests.conftest import EXAMPLES

GOOD = (
    "period,request_kind,received,completed,denied,median_days,opt_outs,incidents,incidents_notified\n"
    "2026-Q1,all,,,,14,120,2,1\n"
    "2026-Q1,deletion,40,38,2,18,,,\n"
    "2026-Q1,access,10,10,,9.5,,,\n"
    "2026-Q2,deletion,35,35,0,12,,,\n"
)


def refused(content: str | bytes) -> ReportCsvError:
    with pytest.raises(ReportCsvError) as info:
        loads_report_csv(content)
    assert info.value.__cause__ is None  # a clean message, no parser traceback chained in
    return info.value


def one_problem(content: str | bytes) -> tuple[int | None, str | None, str]:
    error = refused(content)
    assert len(error.problems) == 1, error.problems
    p = error.problems[0]
    return p.row, p.column, p.message


def with_row(row: str) -> str:
    return header_text() + "\n" + "2026-Q1,deletion,40,38,2,18,,,\n" + row + "\n"


def test_reads_periods_kinds_and_period_figures_in_time_order():
    reports = loads_report_csv(GOOD)
    assert [r.period for r in reports] == ["2026-Q1", "2026-Q2"]
    q1 = reports[0]
    assert q1.median_days_to_respond == 14
    assert (q1.opt_outs, q1.incidents, q1.incidents_notified) == (120, 2, 1)
    assert [(r.kind, r.received, r.completed, r.denied) for r in q1.requests] == [
        ("deletion", 40, 38, 2),
        ("access", 10, 10, 0),
    ]
    assert q1.requests[1].median_days == 9.5
    # A period without an "all" row has the model's defaults.
    assert reports[1].incidents == 0 and reports[1].opt_outs is None


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_round_trips_through_csv(path):
    notice = load_notice(path)
    text = dumps_report_csv(notice.reports)
    assert text.splitlines()[0] == header_text()
    assert loads_report_csv(text, keep=notice.reports) == notice.sorted_reports


def test_labels_and_highlights_are_kept_from_the_notice():
    kept = PrivacyReport(period="2026-Q1", label="Spring", highlights=["Faster answers"])
    q1 = loads_report_csv(GOOD, keep=[kept])[0]
    assert q1.label == kept.label
    assert q1.highlights == kept.highlights
    assert q1.requests[0].received == 40  # the figures are the file's


def test_header_columns_may_come_in_any_order_with_a_bom_and_crlf():
    rows = list(csv.reader(io.StringIO(GOOD)))
    order = [8, 0, 3, 1, 2, 4, 5, 6, 7]
    text = "\r\n".join(",".join(r[i] for i in order) for r in rows) + "\r\n"
    assert loads_report_csv(("\ufeff" + text).encode()) == loads_report_csv(GOOD)


@pytest.mark.parametrize(
    "header, expect",
    [
        (
            "period,kind,received,completed,denied,median_days,opt_outs,incidents,incidents_notified",
            "missing request_kind; unknown 'kind'",
        ),
        ("period,request_kind,received,completed", "missing denied, median_days"),
        ("2026-Q1,deletion,40,38,2,18,,,", "missing period"),
    ],
)
def test_a_wrong_header_names_the_expected_one(header, expect):
    row, column, message = one_problem(header + "\n2026-Q1,deletion,4,3,0,1,,,\n")
    assert row == 1 and column is None
    assert expect in message
    assert header_text() in message


def test_an_empty_file_names_the_expected_header():
    _, _, message = one_problem(b"")
    assert header_text() in message


@pytest.mark.parametrize(
    "row, column, expect",
    [
        ("2026-Q2,deletion,-5,0,0,1,,,", "received", "-5 is negative"),
        ("2026-Q2,deletion,5,2.5,0,1,,,", "completed", "2.5 is not a whole number"),
        ("2026-Q2,deletion,5,five,0,1,,,", "completed", "'five' is not a number"),
        ("2026-Q2,deletion,5,4,0,3651,,,", "median_days", "more than 3650"),
        ("2026-Q2,deletion,1000000001,4,0,1,,,", "received", "more than 1,000,000,000"),
        ("2026-Q2,all,,,,1,,1,2", "incidents_notified", "2 notified is more than the incidents"),
        ("2026-Q2,all,,,,1,,100001,", "incidents", "more than 100,000"),
        ("2026-Q5,deletion,5,4,0,1,,,", "period", "should look like 2026"),
        (",deletion,5,4,0,1,,,", "period", "is empty"),
        ("2026-Q2,refund,5,4,0,1,,,", "request_kind", "'refund' is not a request kind"),
        ("2026-Q2,deletion,,4,0,1,,,", "received", "needs received"),
        ("2026-Q2,deletion,5,4,0,1,30,,", "opt_outs", "belongs on the period's 'all' row"),
        ("2026-Q2,all,5,,,1,,,", "received", "belongs on a request kind's row"),
        ("2026-Q1,deletion,5,4,0,1,,,", "request_kind", "repeats row 2"),
    ],
)
def test_bad_figures_are_refused_with_row_and_column(row, column, expect):
    got_row, got_column, message = one_problem(with_row(row))
    assert (got_row, got_column) == (3, column)
    assert expect in message
    assert f"row 3, column {column}" in str(refused(with_row(row)))


@pytest.mark.parametrize("cell", ["=1+2", "+1", "@SUM(A1)", "\t=1", "-", '=HYPERLINK("x")'])
def test_formula_cells_are_refused_on_import(cell):
    quoted = '"' + cell.replace('"', '""') + '"'
    row, column, message = one_problem(with_row(f"2026-Q2,{quoted},5,4,0,1,,,"))
    assert (row, column) == (3, "request_kind")
    assert "formula" in message


def test_every_problem_is_listed_and_nothing_is_imported():
    text = with_row("2026-Q2,deletion,-1,0,0,1,,,") + "2026-Q3,access,3,4.5,0,1,,,\n"
    error = refused(text)
    assert [(p.row, p.column) for p in error.problems] == [(3, "received"), (4, "completed")]


def test_a_row_of_the_wrong_width_is_named():
    row, column, message = one_problem(with_row("2026-Q2,deletion,5,4"))
    assert row == 3 and column is None
    assert "has 4 cells; the header has 9 columns" in message


def test_records_are_numbered_as_a_spreadsheet_shows_them():
    # A quoted cell spanning two lines is still one record: the next record is row 4.
    text = with_row('2026-Q2,deletion,5,4,0,1,,,"\n"') + "2026-Q3,access,-1,0,0,1,,,\n"
    error = refused(text)
    assert [(p.row, p.column) for p in error.problems] == [
        (3, "incidents_notified"),
        (4, "received"),
    ]


def test_blank_lines_are_skipped():
    assert loads_report_csv(GOOD.replace("\n2026-Q2", "\n,,,,,,,,\n\n2026-Q2")) == loads_report_csv(
        GOOD
    )


def test_a_large_or_binary_file_is_refused_before_reading():
    _, _, message = one_problem(b"x" * (MAX_BYTES + 1))
    assert "at most" in message
    row, _, message = one_problem(header_text().encode() + b"\n2026-Q1,\xff\xfe,1,1,0,1,,,\n")
    assert row == 2 and "not UTF-8" in message


def test_export_neutralises_formula_cells():
    assert neutralise("=1+2") == "'=1+2"
    assert neutralise("@cmd") == "'@cmd"
    assert neutralise("\t-3") == "'\t-3"
    assert neutralise("2026-Q1") == "2026-Q1"
    assert neutralise("14") == "14"


def test_export_writes_the_documented_header_and_one_row_per_kind():
    reports = loads_report_csv(GOOD)
    rows = list(csv.reader(io.StringIO(dumps_report_csv(reports))))
    assert tuple(rows[0]) == HEADER
    assert [r[:2] for r in rows[1:]] == [
        ["2026-Q1", "all"],
        ["2026-Q1", "deletion"],
        ["2026-Q1", "access"],
        ["2026-Q2", "all"],
        ["2026-Q2", "deletion"],
    ]
    assert rows[3][5] == "9.5"


def test_table_rows_number_from_one_and_take_numbers_as_typed():
    rows = report_rows(loads_report_csv(GOOD))
    rows[1]["received"] = 41  # a grid may hand numbers over as numbers
    assert rows_to_reports(rows)[0].requests[0].received == 41
    rows[2]["completed"] = "-1"
    with pytest.raises(ReportCsvError) as info:
        rows_to_reports(rows)
    assert str(info.value) == "row 3, column completed: -1 is negative; figures cannot be below 0"


def test_requests_carried_over_may_be_completed_beyond_those_received():
    """The model accepts it (a backlog from the period before), so export then import agrees."""
    text = header_text() + "\n2026-Q2,deletion,5,7,1,12,,,\n"
    report = loads_report_csv(text.encode())[0]
    assert (report.requests[0].received, report.requests[0].completed) == (5, 7)
    assert loads_report_csv(dumps_report_csv([report]).encode()) == [report]


# --- the same problems in Arabic -------------------------------------------------------------

ARABIC = re.compile("[\u0600-\u06ff]")
BAD_ROWS = [
    "2026-Q1,access,-3,0,,,,,",
    "2026-Q1,access,=1,1,,,,,",
    "2026-Q1,portability,1.5,1,,,,,",
    "2026-Q1,correction,2000000000,1,,,,,",
    "2026-Q1,objection,1,1,,4000,,,",
    "2026-Q1,other,1,1,,,5,,",
    "2026-Q1,all,1,,,,,,",
    "2026-Q1,all,,,,,,1,2",
    "2026-Q9,opt_out,1,1,,,,,",
    "2026-Q2,gossip,1,1,,,,,",
    "2026-Q2,deletion,,,,,,,",
    "2026-Q1,deletion,4,4,,,,,",
    "2026-Q1,deletion,\tx,1,,,,,",
]


def test_every_problem_says_where_and_why_in_arabic_from_the_same_entry():
    error = refused(header_text() + "\n" + "\n".join(BAD_ROWS) + "\n")
    assert len({p.key for p in error.problems}) >= 10
    for problem in error.problems:
        english = str(problem)
        assert problem.key and problem.text("en") == problem.message
        assert problem.describe("en") == english
        assert problem.as_dict() == {
            "row": problem.row,
            "column": problem.column,
            "message": problem.message,
        }
        arabic = problem.describe("ar")
        assert arabic.startswith("الصف \u2068") and ARABIC.search(problem.text("ar")), arabic
        assert problem.as_dict("ar")["message"] == problem.text("ar")
    # The figures a person typed stay in their own order inside the Arabic sentence.
    negative = error.problems[0]
    assert negative.describe("ar") == (
        "الصف \u20682\u2069، العمود \u2068received\u2069: القيمة \u2068-3\u2069 سالبة، "
        "والأرقام لا تقلّ عن 0"
    )


def test_a_wrong_header_lists_what_is_wrong_in_the_readers_language():
    error = refused("period,kind,kind\n")
    [problem] = error.problems
    assert problem.message.startswith(
        "wrong header (missing request_kind, received, completed, denied, median_days, "
        "opt_outs, incidents, incidents_notified; unknown 'kind', 'kind'; repeated kind)"
    )
    arabic = problem.text("ar")
    assert "؛" in arabic and "ينقصه" in arabic and "مكرّرة" in arabic
    assert "; " not in arabic.replace(header_text(), "")


def test_both_catalogues_have_every_message_with_the_same_values():
    root = Path(__file__).resolve().parents[2] / "notice_builder" / "i18n"
    en, ar = (
        yaml.safe_load((root / lang / "report_csv.yaml").read_text(encoding="utf-8"))
        for lang in ("en", "ar")
    )
    assert en.keys() == ar.keys()
    fields = lambda text: {n for _, n, _, _ in string.Formatter().parse(text) if n}  # noqa: E731
    for key in en:
        assert fields(en[key]) == fields(ar[key]), key
        assert ARABIC.search(ar[key]), key
