"""Layer 2: the Report page's logic as plain functions, against a real store: figures into the
table, the table into charts for the chosen periods, CSV import, exports, and save."""

from __future__ import annotations

import base64
import io
import json

import app_testkit
import pytest
from PIL import Image

from notice_builder.app import ids, language
from notice_builder.app.callbacks import report
from notice_builder.app.layout import build_layout
from notice_builder.app.report import report_page
from notice_builder.io import loads_notice
from notice_builder.io.report_csv import ALL, REQUEST_KINDS, header_text
from tests.english_left import english_left, words

store = app_testkit.store
app = app_testkit.app


def _open(store) -> dict:
    [info] = store.list()
    return {"id": info.id, "version": store.get(info.id).version}


def _rows(store, current) -> list[dict]:
    return report.load(store, current).rows


def _row(rows, period, kind) -> dict:
    return next(r for r in rows if r["period"] == period and r["request_kind"] == kind)


def _upload(text: str) -> str:
    return "data:text/csv;base64," + base64.b64encode(text.encode()).decode("ascii")


def _periods(rows) -> list[str]:
    return list(dict.fromkeys(r["period"] for r in rows))


# --- the page ------------------------------------------------------------------------------


def test_the_report_page_sits_beside_the_editor_with_the_open_notices_figures(store):
    page = build_layout(store)
    found = {}

    def walk(node):
        if getattr(node, "id", None) is not None and isinstance(node.id, str):
            found[node.id] = node
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            if hasattr(child, "to_plotly_json"):
                walk(child)

    walk(page)
    assert found[ids.PAGES].value == "editor"  # the editor stays the first page
    assert ids.EDITOR in found and ids.REPORT_TABLE in found
    rows = found[ids.REPORT_TABLE].rowData
    assert _row(rows, "2026-Q1", "deletion")["median_days"] == "15"
    assert found[ids.REPORT_ROWS].data == rows
    assert found[ids.REPORT_PERIODS].value == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
    for chart in report.REPORT_CHARTS:
        assert ids.report_graph(chart) in found


def test_load_gives_rows_heading_and_languages(store):
    current = _open(store)
    loaded = report.load(store, current)
    assert loaded.heading == "Privacy report: Brewline Rewards privacy notice (v1)"
    assert loaded.locales == ["en", "ar"]
    assert [r["request_kind"] for r in loaded.rows[:2]] == ["all", "access"]
    assert report.load(store, None).message == "Open or create a notice first."


# --- reading the table ---------------------------------------------------------------------


def test_table_problems_name_the_row_and_column(store):
    rows = _rows(store, _open(store))
    rows[2]["completed"] = "12.5"  # row 3 of the table: 2025-Q4 deletion
    rows[3]["received"] = "-4"
    table = report.read_table(rows)
    assert table.reports is None
    assert table.problems == [
        "row 3, column completed: 12.5 is not a whole number",
        "row 4, column received: -4 is negative; figures cannot be below 0",
    ]


def test_the_filter_drops_periods_that_left_and_adds_new_ones():
    data, value = report.period_choice(
        ["2026-Q1", "2026-Q2", "2026-Q3"], ["2026-Q2"], ["2025-Q4", "2026-Q1", "2026-Q2"]
    )
    assert data == ["2026-Q1", "2026-Q2", "2026-Q3"]
    assert value == ["2026-Q2", "2026-Q3"]  # Q1 stays unticked; Q3 is new, so it shows


def test_rows_are_added_under_the_last_period_and_ticked_ones_deleted(store):
    rows = _rows(store, _open(store))
    added = report.blank_row(rows)
    assert added["period"] == "2026-Q3" and added["received"] == ""
    left = report.without(rows, [rows[1], rows[3]])
    assert len(left) == len(rows) - 2
    assert rows[1] not in left and rows[3] not in left and rows[2] in left


# --- charts --------------------------------------------------------------------------------


def _bars(figure, name: str) -> dict:
    trace = next(t for t in figure.data if t.name == name)
    return dict(zip(trace.x, trace.y, strict=True))


def test_the_charts_show_the_tables_figures_for_the_chosen_periods(store):
    current = _open(store)
    rows = _rows(store, current)
    _row(rows, "2026-Q1", "deletion")["median_days"] = "21"
    shown = report.charts(store, current, rows, ["2025-Q4", "2026-Q1"], "light", "en")
    assert not shown.problems
    figures = dict(zip(report.REPORT_CHARTS, shown.figures, strict=True))
    deletion = _bars(figures["response-time"], "Deletion")
    assert deletion == {"Q4 2025": 18, "Q1 2026": 21}  # only the chosen periods, edit included
    assert "Deletion requests answered in 21 days, up from 18 days in Q4 2025" in shown.callouts
    received = _bars(figures["requests"], "Received")  # the latest chosen period, by kind
    assert received["Deletion"] == 187
    # Each chart has its figures in words too, for a screen reader.
    described = dict(zip(report.REPORT_CHARTS, shown.descriptions, strict=True))
    assert "21" in described["response-time"] and "Q1 2026" in described["response-time"]
    assert "Q2 2026" not in described["response-time"]


def test_the_callout_compares_each_period_with_the_one_before(store):
    current = _open(store)
    rows = _rows(store, current)
    shown = report.charts(store, current, rows, _periods(rows), "light", "en")
    assert "Deletion requests answered in 12 days, as in Q2 2026" in shown.callouts
    shown = report.charts(store, current, rows, ["2025-Q4", "2026-Q3"], "light", "en")
    assert "Deletion requests answered in 12 days, down from 18 days in Q4 2025" in shown.callouts


def test_charts_follow_the_language_and_fall_back_to_the_notices_own(store):
    current = _open(store)
    rows = _rows(store, current)
    arabic = report.charts(store, current, rows, _periods(rows), "dark", "ar")
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic.figures[0].layout.title.text)
    unknown = report.charts(store, current, rows, _periods(rows), "light", "xx")
    assert "Privacy requests in Q3 2026" in unknown.figures[0].layout.title.text


def test_a_bad_table_keeps_the_charts_and_says_why(store):
    current = _open(store)
    rows = _rows(store, current)
    rows[0]["incidents"] = "=1+1"
    shown = report.charts(store, current, rows, _periods(rows), "light", "en")
    assert shown.figures == [None] * len(report.REPORT_CHARTS)
    assert shown.problems == [
        "row 1, column incidents: starts with '=', which a spreadsheet runs as a formula; remove it"
    ]


def test_no_period_chosen_says_so(store):
    current = _open(store)
    shown = report.charts(store, current, _rows(store, current), [], "light", "en")
    assert shown.message == "No period chosen: pick one or more under “Periods shown”."
    assert shown.callouts == []
    shown = report.charts(store, current, [], [], "light", "en")
    assert shown.message == "No privacy reports yet"


# --- import --------------------------------------------------------------------------------


def test_an_imported_csv_replaces_its_periods_and_keeps_the_others(store):
    current = _open(store)
    rows = _rows(store, current)
    text = (
        header_text()
        + "\n2026-Q3,all,,,,9,1700,0,\n2026-Q3,deletion,170,170,0,9,,,\n"
        + "2026-Q4,deletion,100,90,1,8,,,\n"
    )
    result = report.import_csv(_upload(text), "q3.csv", rows, report.kept_reports(store, current))
    assert result.message == "Imported 2 periods from q3.csv: 2026-Q3, 2026-Q4. Save to keep them."
    periods = _periods(result.rows)
    assert periods == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    q3 = [r for r in result.rows if r["period"] == "2026-Q3"]
    assert [r["request_kind"] for r in q3] == ["all", "deletion"]  # access etc. replaced
    assert _row(result.rows, "2026-Q1", "deletion")["received"] == "187"  # untouched


def test_a_bad_csv_names_row_and_column_and_imports_nothing(store):
    current = _open(store)
    rows = _rows(store, current)
    text = header_text() + "\n2026-Q4,access,5,4,0,1,,,\n2026-Q4,deletion,ten,4,0,1,,,\n"
    result = report.import_csv(_upload(text), "bad.csv", rows)
    assert result.rows is None
    assert result.message == "bad.csv was not imported:"
    assert result.problems == [
        "row 3, column received: 'ten' is not a number (write digits only, without "
        "separators or units)"
    ]


def test_a_csv_over_the_limit_or_not_a_file_is_refused(store):
    big = "data:text/csv;base64," + "A" * (report.CSV_LIMIT * 4 // 3 + 8)
    result = report.import_csv(big, "big.csv", [])
    assert result.rows is None and "the limit is 1 MB" in result.message
    assert report.import_csv("not a data url", "x.csv", []).rows is None
    empty = report.import_csv(_upload(header_text() + "\n"), "e.csv", [])
    assert empty.rows is None and "no figures" in empty.message


# --- exports -------------------------------------------------------------------------------


def test_the_table_downloads_as_csv(store):
    current = _open(store)
    rows = _rows(store, current)
    result = report.figures_csv(store, current, rows)
    text = base64.b64decode(result.file["content"]).decode()
    assert text.splitlines()[0] == header_text()
    assert "2026-Q1,deletion,187,186,0,15,,," in text.splitlines()
    assert result.file["filename"] == "brewline-rewards-figures.csv"


def _png(result) -> Image.Image:
    assert result.file, result.message
    data = base64.b64decode(result.file["content"])
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(data))


def test_the_privacy_report_layout_exports_the_chosen_periods(store):
    current = _open(store)
    rows = _rows(store, current)
    result = report.download(
        store, current, rows, ["2026-Q2", "2026-Q3"], "privacy-report", "png", "original",
        "light", "en",
    )  # fmt: skip
    image = _png(result)
    assert image.width > 300 and image.height > 300
    assert result.file["filename"] == "brewline-rewards-privacy-report-en.png"


@pytest.mark.parametrize("chart", report.REPORT_CHARTS)
def test_each_chart_exports_as_png(store, chart):
    if chart not in report.chart_exports():
        pytest.skip("the export pipeline has no export_chart yet")
    current = _open(store)
    rows = _rows(store, current)
    result = report.download(
        store, current, rows, _periods(rows), chart, "png", "original", "light", "en"
    )
    image = _png(result)
    assert image.width > 200
    assert result.file["filename"] == f"brewline-rewards-{chart}-en.png"


def test_an_unknown_export_lists_the_known_ones(store):
    current = _open(store)
    result = report.download(
        store, current, _rows(store, current), [], "pie", "png", None, None, None
    )
    assert result.file is None
    assert result.message == f"Unknown export 'pie' (known: {', '.join(report.exportable())})."
    assert report.exportable()[-1] == "privacy-report"


# --- save ----------------------------------------------------------------------------------


def test_saving_keeps_the_figures_as_a_new_version_with_the_comments(store):
    current = _open(store)
    before = store.get(current["id"]).text
    rows = _rows(store, current)
    _row(rows, "2026-Q3", "deletion")["completed"] = "160"
    result = report.save_figures(store, current, before, rows, "Q3 corrected")
    assert result.ok and result.message == "Saved the figures as version 2."
    saved = store.get(current["id"])
    assert saved.version == 2 and result.text == saved.text
    notice = loads_notice(saved.text)
    q3 = next(r for r in notice.reports if r.period == "2026-Q3")
    assert next(f for f in q3.requests if f.kind == "deletion").completed == 160
    comments = [line.strip() for line in before.splitlines() if line.strip().startswith("#")]
    assert comments and all(c in saved.text for c in comments)
    assert store.versions(current["id"])[-1].message == "Q3 corrected"


def test_a_save_after_someone_elses_is_a_conflict_and_writes_nothing(store):
    current = _open(store)
    text = store.get(current["id"]).text
    store.save(current["id"], text + "\n# elsewhere\n", expected_version=1, author="other")
    rows = _rows(store, current)
    result = report.save_figures(store, current, text, rows)
    assert result.kind == "conflict"
    assert store.get(current["id"]).version == 2  # only the other save


def test_unsaved_editor_text_or_a_bad_table_blocks_the_save(store):
    current = _open(store)
    text = store.get(current["id"]).text
    rows = _rows(store, current)
    result = report.save_figures(store, current, text + "# typing\n", rows)
    assert result.kind == "conflict" and result.message.startswith(
        "The editor has changes that are not saved."
    )
    rows[1]["received"] = "1.5"
    result = report.save_figures(store, current, text, rows)
    assert result.kind == "invalid"
    assert store.get(current["id"]).version == 1


# --- following the editor ------------------------------------------------------------------


def test_a_new_version_replaces_the_grid_unless_it_holds_edits(store):
    base = _open(store)
    rows = _rows(store, base)
    assert report.follow(store, base, dict(base), rows) is None  # same version: keep the grid
    text = store.get(base["id"]).text.replace("received: 204", "received: 205", 1)
    assert text != store.get(base["id"]).text
    store.save(base["id"], text, expected_version=1, author="editor")
    newer = {"id": base["id"], "version": 2}

    untouched = report.follow(store, base, newer, rows)
    assert _row(untouched.rows, "2025-Q4", "deletion")["received"] == "205"
    assert not untouched.kept and untouched.message == ""

    _row(rows, "2026-Q1", "access")["received"] = "140"  # an unsaved edit in the grid
    kept = report.follow(store, base, newer, rows)
    assert kept.kept and kept.message == (
        "Version 2 was saved while you edited these figures: the grid keeps your edits. "
        "Save figures puts them into version 2."
    )
    assert _row(kept.rows, "2026-Q1", "access")["received"] == "140"
    assert kept.heading.endswith("(v2)")


# --- in Arabic, and across a switch of the interface language --------------------------------


def _title_words(store, current) -> set[str]:
    """The notice's own title: its words are content, not the interface's."""
    notice, _ = report.stored_notice(store, current)
    titles = [notice.title.get(lang, notice.default_locale) for lang in notice.all_locales]
    return {w for text in titles for w in text.split()}


def test_the_report_page_and_its_messages_leave_no_english_in_arabic(store):
    current = _open(store)
    rows = _rows(store, current)
    bad = _upload(
        header_text()
        + "\n2026-Q4,access,-3,0,0,1,,,\n2026-Q4,foo,1,1,,,,,\n2026-Q4,all,,,,2,,1,3\n"
    )
    with language.using("ar"):
        page = words(report_page(store, current))
        refused = report.import_csv(bad, "bad.csv", rows)
        imported = report.import_csv(
            _upload(header_text() + "\n2026-Q4,all,,,,3,,,\n"), "q.csv", rows
        )
        edited = [dict(r) for r in rows]
        edited[2]["median_days"] = "25"
        said = [
            refused.message,
            *refused.problems,
            imported.message,
            report.import_csv(_upload(header_text() + "\n"), "empty.csv", rows).message,
            report.import_csv(_upload("period,x\n"), "header.csv", rows).problems[0],
            report.charts(store, current, rows, [], None, None).message,
            report.figures_csv(store, current, rows).message,
            report.figures_csv(store, current, [{"period": "x"}]).message,
            report.download(store, current, rows, None, "pie", "png", None, None, None).message,
            report.save_figures(store, current, "edited text", rows).message,
            report.save_figures(store, current, None, [{"period": "x"}]).message,
            report.load(store, None).message,
            report.carried(store, {**current, "rows": edited}, current).message,
            report.save_figures(store, current, None, edited).message,
            report.follow(store, current, {**current, "version": 2}, imported.rows).message,
        ]
    assert "وسيط الأيام" in page and "حفظ الأرقام" in page and "لا أرقام بعد" in page
    assert refused.problems[0].startswith("الصف")
    assert said[-2] == "حُفظت الأرقام بوصفها الإصدار \u20682\u2069."
    # Content and names: the notice's title, a language by its own name, the paper size "US
    # Letter", and the CSV's own values (request kinds such as 'all').
    allowed = _title_words(store, current) | {"English", "Letter", ALL, *REQUEST_KINDS}
    assert english_left(page, allowed) == []
    for text in said:
        assert text and english_left(text, allowed) == [], text


def test_csv_problems_are_said_in_the_interface_language_and_english_stays(store):
    rows = [{"period": "2026-Q1", "request_kind": "access", "received": "-3", "completed": "1"}]
    assert report.read_table(rows).problems == [
        "row 1, column received: -3 is negative; figures cannot be below 0"
    ]
    with language.using("ar"):
        [problem] = report.read_table(rows).problems
    assert problem == (
        "الصف \u20681\u2069، العمود \u2068received\u2069: القيمة \u2068-3\u2069 سالبة، "
        "والأرقام لا تقلّ عن 0"
    )


def test_unsaved_rows_carried_across_a_language_switch_come_back_unsaved(store):
    current = _open(store)
    rows = _rows(store, current)
    edited = [dict(r) for r in rows]
    edited[2]["median_days"] = "25"
    carry = {"id": current["id"], "version": current["version"], "rows": edited}

    back = report.carried(store, carry, current)
    assert back.kept and back.rows == edited
    assert back.message == (
        "Your unsaved figures were carried across the language switch. Save figures keeps them."
    )
    assert store.get(current["id"]).version == 1  # carried, not saved
    with language.using("ar"):
        assert report.carried(store, carry, current).message.startswith("نُقلت أرقامك")

    # Nothing comes back that is not an unsaved edit of the notice now open.
    assert report.carried(store, {**carry, "rows": rows}, current) is None
    assert report.carried(store, {**carry, "id": "another-notice"}, current) is None
    assert report.carried(store, carry, None) is None
    assert report.carried(store, None, current) is None
    for junk in ("rows", [1, 2], [{"period": "2026-Q1"}] * 2001):
        assert report.carried(store, {**carry, "rows": junk}, current) is None
    # Cells come back as text, cut to a sane length, unknown columns dropped.
    odd = [{**edited[0], "received": 7, "period": "x" * 500, "script": "<b>"}] + edited[1:]
    [first, *_] = report.carried(store, {**carry, "rows": odd}, current).rows
    assert first["received"] == "7" and len(first["period"]) == 200 and "script" not in first

    # Saved by someone else in between: the edits come back and say which version they meet.
    store.save(
        current["id"], store.get(current["id"]).text + "\n", expected_version=1, author="someone"
    )
    moved = {**current, "version": 2}
    assert report.carried(store, carry, moved).message.startswith("Version 2 was saved")


def test_the_switch_keeps_the_grid_and_the_page_puts_it_back(app, store):
    """The pieces in the page: the switch's script stores the grid's rows with the notice and
    version, and the server callback puts carried rows back into the grid and says so."""
    [switch] = [
        spec for spec in app.callback_map.values()
        if {"id": ids.UI_LANGUAGE, "property": "value"} in spec["inputs"]
    ]  # fmt: skip
    assert {"id": ids.REPORT_TABLE, "property": "rowData"} in switch["state"]
    assert {"id": ids.REPORT_BASE, "property": "data"} in switch["state"]
    script = language._js(language._SWITCH)
    assert language.REPORT_CARRY_KEY in script and "rows: rows" in script

    current = _open(store)
    edited = _rows(store, current)
    edited[2]["median_days"] = "25"
    [(key, spec)] = [
        (key, spec) for key, spec in app.callback_map.items()
        if spec["inputs"] == [{"id": ids.REPORT_CARRY, "property": "data"}]
    ]  # fmt: skip
    outputs = [
        {"id": part.split(".")[0], "property": part.split(".", 1)[1].split("@")[0]}
        for part in key.strip(".").split("...")
    ]
    body = {
        "output": key,
        "outputs": outputs,
        "inputs": [
            {"id": ids.REPORT_CARRY, "property": "data", "value": {**current, "rows": edited}}
        ],
        "state": [{**s, "value": current} for s in spec["state"]],
        "changedPropIds": [f"{ids.REPORT_CARRY}.data"],
    }
    client = app.server.test_client()
    client.set_cookie(language.COOKIE, "ar")
    reply = client.post("/_dash-update-component", json=body)
    answer = reply.get_json()["response"]
    assert answer[ids.REPORT_TABLE]["rowData"][2]["median_days"] == "25"
    assert answer[ids.REPORT_ROWS]["data"] == answer[ids.REPORT_TABLE]["rowData"]
    assert "نُقلت أرقامك" in json.dumps(answer, ensure_ascii=False)
    assert store.get(current["id"]).version == 1
