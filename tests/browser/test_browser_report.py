"""The Report page in real headless Chromium: enter a figure, see the chart follow, filter the
periods, import a CSV (a bad one names its row and column), and export a PNG."""

from __future__ import annotations

import time

import pytest

from notice_builder.app import create_app, ids
from notice_builder.app.callbacks import report
from notice_builder.io.report_csv import ALL, HEADER, REQUEST_KINDS, header_text
from notice_builder.store import Store
from tests.english_left import english_left

from browser_kit import WAIT, chrome, console_errors, require_browser, running  # isort: skip

pytestmark = pytest.mark.browser

# The plotly figure a dcc.Graph draws: trace name -> {category: value}.
_BARS = """
const plot = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');
if (!plot || !plot.data) { return null; }
return plot.data.map(function (t) {
    return [t.name, (t.x || []).map(function (x, i) { return [x, t.y[i]]; })];
});
"""


def _wait(driver, condition, timeout: float = WAIT):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)


def bars(driver, chart: str) -> dict | None:
    """{series: {category: value}} in the order the chart draws them."""
    traces = driver.execute_script(_BARS, ids.report_graph(chart))
    return None if traces is None else {name: dict(pairs) for name, pairs in traces}


def open_report(driver, url: str) -> None:
    driver.get(url)
    tab = _wait(
        driver,
        lambda d: next(
            (t for t in d.find_elements("css selector", "[role=tab]") if t.text == "Report"), None
        ),
    )
    tab.click()
    _wait(driver, lambda d: (bars(d, "response-time") or {}).get("Deletion"))


def edit_cell(driver, row: int, column: str, value: str) -> None:
    """Type into one cell of the figures grid as a person would: click, type, Enter."""
    from selenium.webdriver.common.keys import Keys

    cell = driver.find_element(
        "css selector",
        f"#{ids.REPORT_TABLE} .ag-row[row-index='{row}'] .ag-cell[col-id='{column}']",
    )
    cell.click()
    editor = _wait(driver, lambda d: cell.find_elements("css selector", "input"))[0]
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(value, Keys.ENTER)


def pills(driver) -> list:
    return driver.find_elements("css selector", ".report-periods .mantine-Pill-root")


def remove_period(driver, period: str) -> None:
    pill = _wait(driver, lambda d: next((p for p in pills(d) if p.text == period), None))
    pill.find_element("css selector", ".mantine-Pill-remove").click()


def upload(driver, path) -> None:
    field = driver.find_element("css selector", f"#{ids.REPORT_UPLOAD} input[type=file]")
    field.send_keys(str(path))


@pytest.fixture
def site(tmp_path, monkeypatch):
    require_browser()
    monkeypatch.setenv("DASH_SECRET_KEY", "test-secret")
    store = Store(f"sqlite:///{tmp_path / 'notices.db'}")
    store.seed_examples()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with running(create_app(store)) as url, chrome(downloads) as driver:
        open_report(driver, url)
        yield driver, store, downloads, url
    store.close()


def test_a_typed_figure_shows_in_the_chart_and_the_filter_narrows_it(site):
    driver, store, _, _ = site
    # Row 2 of the grid (0-based) is 2025-Q4 deletion: 18 median days.
    assert bars(driver, "response-time")["Deletion"]["Q4 2025"] == 18
    edit_cell(driver, 2, "median_days", "25")
    _wait(driver, lambda d: bars(d, "response-time")["Deletion"].get("Q4 2025") == 25)
    callout = driver.find_element("id", ids.REPORT_CALLOUT).text
    assert "Deletion requests answered in 12 days, as in Q2 2026" in callout

    remove_period(driver, "2026-Q2")
    _wait(driver, lambda d: "Q2 2026" not in bars(d, "response-time")["Deletion"])
    assert list(bars(driver, "response-time")["Deletion"]) == ["Q4 2025", "Q1 2026", "Q3 2026"]
    _wait(
        driver,
        lambda d: "down from 15 days in Q1 2026" in d.find_element("id", ids.REPORT_CALLOUT).text,
    )
    # Nothing was saved by editing: the store still holds version 1.
    [info] = store.list()
    assert store.get(info.id).version == 1
    assert console_errors(driver) == []


def test_an_imported_csv_updates_the_chart_and_a_bad_one_names_row_and_column(site, tmp_path):
    driver, _, _, _ = site
    bad = tmp_path / "bad.csv"
    bad.write_text(header_text() + "\n2026-Q4,deletion,10,4,0,3,,,\n2026-Q4,access,-3,0,0,1,,,\n")
    upload(driver, bad)
    status = _wait(
        driver,
        lambda d: (
            "not imported" in d.find_element("id", ids.REPORT_IMPORT_STATUS).text
            and d.find_element("id", ids.REPORT_IMPORT_STATUS).text
        ),
    )
    assert "bad.csv was not imported" in status
    assert "row 3, column received: -3 is negative" in status
    assert "Q4 2026" not in bars(driver, "response-time")["Deletion"]  # nothing half-imported

    good = tmp_path / "q4.csv"
    good.write_text(header_text() + "\n2026-Q4,deletion,140,139,1,7,,,\n")
    upload(driver, good)
    _wait(driver, lambda d: bars(d, "response-time")["Deletion"].get("Q4 2026") == 7)
    assert (
        "Imported 1 period from q4.csv" in driver.find_element("id", ids.REPORT_IMPORT_STATUS).text
    )
    assert [p.text for p in pills(driver)][-1] == "2026-Q4"  # a new period shows at once
    assert console_errors(driver) == []


def test_export_gives_a_png_and_save_keeps_the_figures(site):
    driver, store, downloads, url = site
    what = report.exportable()[0]  # a chart alone when the pipeline exports charts
    driver.find_element("id", ids.REPORT_EXPORT_BUTTON).click()
    deadline = time.monotonic() + WAIT
    files: list = []
    while time.monotonic() < deadline and not files:
        files = [p for p in downloads.iterdir() if p.suffix == ".png"]
        time.sleep(0.1)
    assert [p.name for p in files] == [f"brewline-rewards-{what}-en.png"]
    assert files[0].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    edit_cell(driver, 3, "received", "35")  # 2025-Q4 correction: 31 -> 35
    _wait(driver, lambda d: bars(d, "requests") is not None)
    driver.find_element("id", ids.REPORT_SAVE).click()
    _wait(
        driver,
        lambda d: (
            "Saved the figures as version 2" in d.find_element("id", ids.REPORT_SAVE_STATUS).text
        ),
    )
    [info] = store.list()
    saved = store.get(info.id)
    assert saved.version == 2
    assert "{kind: correction, received: 35" in saved.text
    editor = driver.find_element("id", ids.EDITOR)
    assert "received: 35" in (editor.get_attribute("value") or "")  # the editor has it too
    assert driver.current_url.endswith("/#report")

    driver.get(url + "#report")  # a reload, or a link, opens the Report page on the saved figures
    _wait(driver, lambda d: (bars(d, "response-time") or {}).get("Deletion"))
    cell = f"#{ids.REPORT_TABLE} .ag-row[row-index='3'] .ag-cell[col-id='received']"
    assert driver.find_element("css selector", cell).text == "35"
    assert console_errors(driver) == []


def test_unsaved_grid_edits_survive_a_switch_to_arabic_and_nothing_is_saved(site):
    driver, store, _, _ = site
    edit_cell(driver, 2, "median_days", "25")  # 2025-Q4 deletion: 18 -> 25, not saved
    _wait(driver, lambda d: bars(d, "response-time")["Deletion"].get("Q4 2025") == 25)

    switch = driver.find_element("id", ids.UI_LANGUAGE)
    next(o for o in switch.find_elements("css selector", "label") if o.text == "العربية").click()
    _wait(
        driver,
        lambda d: (
            d.find_element("tag name", "html").get_attribute("lang") == "ar"
            and d.execute_script("return document.readyState") == "complete"
        ),
    )
    cell = f"#{ids.REPORT_TABLE} .ag-row[row-index='2'] .ag-cell[col-id='median_days']"
    # Read in the page: the grid redraws its rows when the carried ones arrive.
    shown = "const c = document.querySelector(arguments[0]); return c && c.textContent;"
    _wait(driver, lambda d: d.execute_script(shown, cell) == "25")
    status = _wait(driver, lambda d: d.find_element("id", ids.REPORT_SAVE_STATUS).text)
    assert "نُقلت أرقامك غير المحفوظة" in status
    assert driver.current_url.endswith("#report")  # still on the Report page
    # The charts follow the carried rows, and nothing was saved by the switch.
    _wait(
        driver, lambda d: (bars(d, "response-time") or {}).get("Deletion", {}).get("Q4 2025") == 25
    )
    [info] = store.list()
    assert store.get(info.id).version == 1
    # Every word of the figures panel is Arabic, apart from the grid's data and format names.
    panel = driver.find_element("css selector", ".report-figures").text
    title = driver.find_element("id", ids.REPORT_HEADING).text  # the notice's own title
    # The grid's CSV values (periods, request kinds, columns) are data, not interface words.
    data = {ALL, *REQUEST_KINDS, *HEADER}
    assert english_left(panel.replace(title, ""), data, sentences=False) == []
    assert title.startswith("تقرير الخصوصية")
    assert "وسيط الأيام" in panel and "حفظ الأرقام" in panel

    # A bad figure is refused in Arabic, naming its row and column.
    edit_cell(driver, 2, "received", "-3")
    problems = _wait(driver, lambda d: d.find_element("id", ids.REPORT_PROBLEMS).text)
    assert "الصف 3، العمود received" in problems.replace("\u2068", "").replace("\u2069", "")
    assert console_errors(driver) == []
