"""The Report page's speed: the charts callback's server time for a period filter change, and
(with Chromium) the time from a click in the period filter to both charts redrawn in the page,
with the peak memory of the process serving the app.

    python benchmarks/bench_report_page.py [--runs 20] [--no-browser]

The browser figure is measured inside the page: from the click (a pill's remove button, or an
option of the open dropdown) to the first frame painted after the response-time chart shows the
new set of periods, so the WebDriver's own round trips are not counted.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import threading
import time

from chromium import CHROME_FLAGS
from timing import median_p95

PERIOD = "2026-Q2"  # the period taken out of the filter and put back, run after run
CATEGORY = "Q2 2026"  # how the charts name it


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _store(folder: str):
    from notice_builder.store import Store

    store = Store(f"sqlite:///{folder}/bench.db")
    store.seed_examples()
    return store


def server_time(runs: int) -> None:
    from notice_builder.app.callbacks import report

    with tempfile.TemporaryDirectory() as folder:
        store = _store(folder)
        [info] = store.list()
        current = {"id": info.id, "version": store.get(info.id).version}
        rows = report.load(store, current).rows
        periods = list(dict.fromkeys(r["period"] for r in rows))
        fewer = [p for p in periods if p != PERIOD]
        report.charts(store, current, rows, periods, "light", "en")  # imports, first parse
        samples = []
        for i in range(runs):
            start = time.perf_counter()
            report.charts(store, current, rows, fewer if i % 2 else periods, "light", "en")
            samples.append((time.perf_counter() - start) * 1000)
        store.close()
    median, p95 = median_p95(samples)
    print(f"charts callback, server time (n={runs}): median {median:.1f} ms, p95 {p95:.1f} ms")


# Click `target` (found by the page), then wait for the response-time chart to show (or lose)
# the period, and for the next painted frame. Returns [ms to the frame, ms to the last callback
# response], or null after 10 s.
TIMED_CLICK = """
const [graphId, action, period, category, done] = arguments;
const plot = document.querySelector('#' + graphId + ' .js-plotly-plot');
let target = null;
if (action === 'remove') {
    const pill = Array.from(document.querySelectorAll('.report-periods .mantine-Pill-root'))
        .find(function (p) { return p.textContent.trim() === period; });
    target = pill && pill.querySelector('.mantine-Pill-remove');
} else {
    target = Array.from(document.querySelectorAll('[role=option]'))
        .find(function (o) { return o.textContent.trim() === period; });
}
if (!target) { done(null); return; }
const want = action !== 'remove';
const shows = function () {
    return !!(plot.data && plot.data[0] && Array.from(plot.data[0].x || []).includes(category));
};
const start = performance.now();
target.dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));
target.click();
const poll = function () {
    if (shows() === want) {
        requestAnimationFrame(function () {
            const calls = performance.getEntriesByType('resource').filter(function (e) {
                return e.name.indexOf('_dash-update-component') >= 0 && e.startTime >= start;
            });
            const trip = calls.reduce(function (m, e) { return Math.max(m, e.responseEnd); }, start);
            done([performance.now() - start, trip - start]);
        });
    } else if (performance.now() - start > 10000) {
        done(null);
    } else {
        requestAnimationFrame(poll);
    }
};
requestAnimationFrame(poll);
"""


def filter_in_browser(runs: int) -> None:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("period filter in the browser: skipped (pip install selenium)")
        return
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not (os.path.exists(chromium) and os.path.exists(driver_path)):
        print("period filter in the browser: skipped (no chromium/chromedriver)")
        return
    from werkzeug.serving import make_server

    from notice_builder.app import create_app, ids

    os.environ.setdefault("DASH_SECRET_KEY", "benchmark-only")
    with tempfile.TemporaryDirectory() as folder:
        store = _store(folder)
        httpd = make_server("127.0.0.1", 0, create_app(store).server, threaded=True)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in CHROME_FLAGS:
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        driver.set_script_timeout(15)
        graph = ids.report_graph("response-time")
        removed, added, trips = [], [], []
        try:
            driver.get(f"http://127.0.0.1:{httpd.server_port}/")
            deadline = time.time() + 30
            while time.time() < deadline:
                tabs = [t for t in driver.find_elements("css selector", "[role=tab]")]
                report_tab = next((t for t in tabs if t.text == "Report"), None)
                if report_tab:
                    report_tab.click()
                    break
                time.sleep(0.1)
            while time.time() < deadline and not driver.execute_script(
                f"const p = document.querySelector('#{graph} .js-plotly-plot');"
                "return !!(p && p.data && p.data.length);"
            ):
                time.sleep(0.1)
            field = driver.find_element(
                "css selector", ".report-periods .mantine-MultiSelect-input"
            )
            for i in range(runs + 2):  # the first two warm the page up
                ms = driver.execute_async_script(TIMED_CLICK, graph, "remove", PERIOD, CATEGORY)
                if ms is None:
                    raise RuntimeError("the charts did not lose the period within 10 s")
                field.click()  # open the dropdown (not timed), then pick the period again
                time.sleep(0.2)
                back = driver.execute_async_script(TIMED_CLICK, graph, "add", PERIOD, CATEGORY)
                if back is None:
                    raise RuntimeError("the charts did not get the period back within 10 s")
                driver.execute_script("document.activeElement.blur()")
                time.sleep(0.1)
                if i >= 2:
                    removed.append(ms[0])
                    added.append(back[0])
                    trips.extend((ms[1], back[1]))
        finally:
            driver.quit()
            httpd.shutdown()
            thread.join(timeout=5)
            store.close()
    for label, samples in (("period removed", removed), ("period added back", added)):
        median, p95 = median_p95(samples)
        print(
            f"click in the period filter to charts redrawn, {label} (n={len(samples)}): "
            f"median {median:.0f} ms, p95 {p95:.0f} ms"
        )
    median, p95 = median_p95(removed + added)
    print(f"  both together: median {median:.0f} ms, p95 {p95:.0f} ms (goal: under 300 ms)")
    median, p95 = median_p95(trips)
    print(f"  of which click to the callback's response: median {median:.0f} ms, p95 {p95:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    server_time(args.runs)
    if not args.no_browser:
        filter_in_browser(args.runs)
    print(f"peak RSS of this process (it served the app): {_peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
