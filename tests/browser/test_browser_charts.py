"""The preview page's Charts part in real headless Chromium: open it, pick a chart, see the
interactive plotly figure, keep it through a bad edit, download it; and the DPV JSON-LD beside
the email kit's snippet."""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path

import pytest
from browser_kit import (
    chrome,
    console_errors,
    preview_shown,
    require_browser,
    running,
    set_editor,
    wait_until,
)  # isort: skip  # noqa: E501

from notice_builder.app import create_app, ids
from notice_builder.app.callbacks.charts import chart_label
from notice_builder.store import Store

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def page(tmp_path, monkeypatch):
    """The app over a fresh seeded store, open in Chromium: (driver, download folder, text)."""
    require_browser()
    monkeypatch.setenv("DASH_SECRET_KEY", "browser-test")
    monkeypatch.setenv("NB_JOBS_DIR", str(tmp_path / "jobs"))
    store = Store(f"sqlite:///{tmp_path / 'notices.db'}")
    store.seed_examples()
    text = store.get(store.list()[0].id).text
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with running(create_app(store)) as url, chrome(downloads) as driver:
        driver.get(url)
        wait_until(driver, preview_shown)
        yield driver, downloads, text
        assert console_errors(driver) == []
    store.close()


def _choose(driver, select_id: str, label: str) -> None:
    box = driver.find_element("id", select_id)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    option = wait_until(
        driver,
        lambda d: next(
            (o for o in d.find_elements("css selector", "[role=option]") if o.text == label), None
        ),
    )
    option.click()


def _traces(driver) -> list[str]:
    """The trace types plotly drew in the chart part's graph (empty before the first figure)."""
    return driver.execute_script(
        "const plot = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');"
        "return plot && plot.data ? plot.data.map(t => t.type) : [];",
        ids.CHART_GRAPH,
    )


def _open_charts(driver) -> None:
    control = driver.find_element("css selector", f"#{ids.CHARTS} button")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", control)
    control.click()


def test_charts_part_shows_the_chosen_chart_interactively_and_downloads_it(page):
    driver, downloads, text = page
    assert _traces(driver) == []  # closed: nothing built
    _open_charts(driver)
    wait_until(driver, lambda d: _traces(d) == ["sankey"])  # the flow chart, shown first
    _choose(driver, ids.CHART_PICK, chart_label("sources"))
    wait_until(driver, lambda d: _traces(d) == ["bar"])
    _choose(driver, ids.CHART_PICK, chart_label("flow"))
    wait_until(driver, lambda d: _traces(d) == ["sankey"])
    graph = driver.find_element("id", ids.CHART_GRAPH)
    # Drawn, not only handed over: the Sankey's nodes are on screen.
    nodes = graph.find_elements("css selector", ".sankey .sankey-node")
    assert len(nodes) >= 4 and graph.is_displayed() and graph.size["height"] > 200
    caption = driver.find_element("id", ids.CHART_TEXT)
    assert caption.text.startswith("Flow diagram") and caption.is_displayed()
    if os.environ.get("NB_UPDATE_SCREENSHOTS") == "1":  # the README's picture, only when asked
        panel = driver.find_element("id", ids.CHARTS)
        driver.execute_script("arguments[0].scrollIntoView()", panel)
        time.sleep(0.5)
        panel.screenshot(str(SCREENSHOTS / "app-charts.png"))

    # A bad edit keeps the chart on screen and says why.
    set_editor(driver, text.replace("id: brewline-rewards", "id: [brewline", 1))
    status = wait_until(driver, lambda d: d.find_element("id", ids.CHART_STATUS).text)
    assert "last valid version" in status and _traces(driver) == ["sankey"]
    set_editor(driver, text)
    wait_until(driver, lambda d: d.find_element("id", ids.CHART_STATUS).text == "")

    button = driver.find_element("id", ids.CHART_DOWNLOAD_BUTTON)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    path = downloads / "brewline-rewards-flow-en.png"
    wait_until(driver, lambda d: path.is_file() and path.stat().st_size > 0, timeout=30)
    from PIL import Image

    image = Image.open(io.BytesIO(path.read_bytes()))
    assert image.format == "PNG" and image.width >= 720
    status = driver.find_element("id", ids.CHART_EXPORT_STATUS).text
    assert "Exported brewline-rewards-flow-en.png" in status


def test_dpv_json_ld_downloads_beside_the_email_snippet(page):
    driver, downloads, _ = page
    driver.find_element("id", ids.EMAIL_MAKE).click()
    button = wait_until(
        driver,
        lambda d: (el := d.find_element("id", ids.DPV_DOWNLOAD_BUTTON)).is_displayed() and el,
    )
    assert button.text == "Machine-readable notice (DPV JSON-LD)"
    button.click()
    path = downloads / "brewline-rewards.jsonld"
    wait_until(driver, lambda d: path.is_file() and path.stat().st_size > 0, timeout=30)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"]["dpv"] == "https://w3id.org/dpv#" and document["@graph"]


# Every text of the chart part's plotly figure, as drawn: [words, px past the figure's left,
# right, top and bottom edges] for each that goes past one (0.5 px of rounding allowed).
_OUTSIDE = """
const plot = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');
const box = plot.getBoundingClientRect();
const out = [];
plot.querySelectorAll('.main-svg text').forEach(t => {
  const r = t.getBoundingClientRect();
  if (r.width === 0 || !t.textContent.trim() || t.closest('.modebar')) { return; }
  const past = [box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom];
  if (past.some(px => px > 0.5)) { out.push([t.textContent, ...past.map(Math.round)]); }
});
return out;
"""


def _title(driver) -> str | None:
    """The title of the figure the chart part shows."""
    return driver.execute_script(
        "const p = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');"
        "return p && p.layout && p.layout.title ? p.layout.title.text : null;",
        ids.CHART_GRAPH,
    )


def test_charts_keep_their_words_inside_the_figure_on_the_arabic_interface(page):
    # plotly measures text in a hidden element that takes the page's direction: on the Arabic
    # interface (<html dir="rtl">) it reserved no room for the labels beside the plot and
    # shifted the notes under it by their own width, past the figure's edges.
    from notice_builder.app import language
    from notice_builder.app.names import language_label

    driver, _, _ = page
    driver.get(driver.current_url.split("?")[0] + "?lang=ar")
    wait_until(driver, preview_shown)
    assert driver.find_element("tag name", "html").get_attribute("dir") == "rtl"
    with language.using("ar"):
        labels = {n: chart_label(n) for n in ("response-time", "retention", "matrix")}
        arabic = language_label("ar")
    _choose(driver, ids.LOCALE, arabic)  # the charts in Arabic as well
    _open_charts(driver)
    shown = None
    for name, label in labels.items():
        _choose(driver, ids.CHART_PICK, label)
        shown = wait_until(
            driver, lambda d, before=shown: _title(d) not in (None, before) and _title(d)
        )
        assert any("\u0600" <= ch <= "\u06ff" for ch in shown), name
        # plotly draws a new figure in steps (margins last): give it a moment to settle.
        outside = None
        for _ in range(30):
            outside = driver.execute_script(_OUTSIDE, ids.CHART_GRAPH)
            if outside == []:
                break
            time.sleep(0.1)
        assert outside == [], name
