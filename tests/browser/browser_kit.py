"""Real headless Chromium (Debian's chromium + chromedriver) against the app in a thread."""

from __future__ import annotations

import base64
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WAIT = 20  # seconds: the first render loads the fonts


def require_browser() -> None:
    pytest.importorskip("selenium", reason="browser tests need selenium (pip install selenium)")
    if not Path(CHROMEDRIVER).exists():
        pytest.skip("chromedriver missing: apt-get install -y chromium chromium-driver")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium missing: apt-get install -y chromium")


@contextmanager
def running(app) -> Iterator[str]:
    """Serve the Dash app on a free local port in a thread; yields its URL."""
    from werkzeug.serving import make_server

    httpd = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()
        thread.join(timeout=5)


@contextmanager
def chrome(download_dir: Path, width: int = 1600, height: int = 1200):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        # No background services: they would try to reach outside hosts the tests never need.
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--window-size={width},{height}",
        "--lang=en-US",
    ):
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(download_dir),
            "download.prompt_for_download": False,
            "safebrowsing.enabled": True,
        },
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)}
    )
    try:
        yield driver
    finally:
        driver.quit()


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


# Page helpers shared by the browser tests.


def preview_src(driver) -> str | None:
    from notice_builder.app import ids

    return driver.find_element("id", ids.PREVIEW_IMAGE).get_attribute("src")


def preview_svg(driver) -> str:
    """The SVG the preview image shows, decoded from its data URI."""
    return base64.b64decode(preview_src(driver).partition(",")[2]).decode("utf-8")


def set_editor(driver, text: str) -> None:
    """Replace the editor's whole text the way a person would (select all, type), so React sees
    an input event and the debounce fires."""
    from selenium.webdriver.common.keys import Keys

    from notice_builder.app import ids

    box = driver.find_element("id", ids.EDITOR)
    box.click()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    driver.execute_script(
        "const el = arguments[0];"
        "const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;"
        "setter.call(el, arguments[1]); el.dispatchEvent(new Event('input', {bubbles: true}));",
        box,
        text,
    )
    box.send_keys(Keys.END)
