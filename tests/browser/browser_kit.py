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


@contextmanager
def seeded_site(tmp_path: Path, monkeypatch, **env: str):
    """The app over a fresh store seeded with the sample, open in one Chromium with the preview
    shown: yields (driver, url, store, download folder). `env` sets variables the app reads.
    By the end no window the test opened has logged a console error."""
    from notice_builder.app import create_app
    from notice_builder.store import Store

    require_browser()
    for name, value in {"DASH_SECRET_KEY": "browser-test", **env}.items():
        monkeypatch.setenv(name, value)
    store = Store(f"sqlite:///{tmp_path / 'notices.db'}")
    store.seed_examples()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    try:
        with running(create_app(store)) as url, chrome(downloads) as driver:
            open_page(driver, url)
            yield driver, url, store, downloads
            for handle in driver.window_handles:
                driver.switch_to.window(handle)
                assert console_errors(driver) == []
    finally:
        store.close()


# Page helpers shared by the browser tests.


def open_page(driver, url: str) -> None:
    """Go to `url` and wait until the preview shows."""
    driver.get(url)
    wait_until(driver, preview_shown)


def text_of(driver, id: str) -> str:
    """The text element `id` shows."""
    return driver.find_element("id", id).text


def click(driver, id: str) -> None:
    """Click element `id` as a person would: scrolled into view first."""
    element = driver.find_element("id", id)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def editor_text(driver) -> str:
    """The YAML editor's whole text."""
    from notice_builder.app import ids

    return driver.find_element("id", ids.EDITOR).get_attribute("value")


def preview_src(driver) -> str | None:
    from notice_builder.app import ids

    return driver.find_element("id", ids.PREVIEW_IMAGE).get_attribute("src")


def preview_shown(driver) -> bool:
    """The preview shows a picture (an SVG or PNG data URI), decoded by the browser."""
    from notice_builder.app import ids

    src = preview_src(driver) or ""
    if not src.startswith(("data:image/svg+xml;base64,", "data:image/png;base64,")):
        return False
    return bool(
        driver.execute_script(
            "const i = document.getElementById(arguments[0]);"
            "return i.complete && i.naturalWidth > 0;",
            ids.PREVIEW_IMAGE,
        )
    )


def preview_text(driver) -> str:
    """What the preview picture says, from the text given with it for screen readers (the long
    description of exactly what was drawn). Hidden on screen, so read as textContent."""
    from notice_builder.app import ids

    return driver.find_element("id", ids.PREVIEW_TEXT).get_attribute("textContent") or ""


def preview_image(driver):
    """The preview as a Pillow image (PNG previews), or None for an SVG preview."""
    import io

    from PIL import Image

    head, _, data = (preview_src(driver) or "").partition(",")
    if head != "data:image/png;base64":
        return None
    return Image.open(io.BytesIO(base64.b64decode(data)))


def preview_svg(driver) -> str:
    """The picture's words: the SVG itself for an SVG preview (its text is in it), else the
    picture's text (`preview_text`). Either way, what a person sees, and only as text."""
    head, _, data = (preview_src(driver) or "").partition(",")
    if head == "data:image/svg+xml;base64":
        return base64.b64decode(data).decode("utf-8")
    return preview_text(driver)


def set_editor(driver, text: str) -> None:
    """Replace the editor's whole text the way a person would (select all, type), so React sees
    an input event and the debounce fires."""
    from selenium.webdriver.common.keys import Keys

    from notice_builder.app import ids

    box = driver.find_element("id", ids.EDITOR)
    if not box.is_displayed():  # the Form tab is shown first: open the YAML tab
        driver.find_element("id", ids.YAML_TAB).click()
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


def wait_until(driver, condition, timeout: float = WAIT):
    """What `condition(driver)` returns once it is truthy, polling every 0.1 s."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition)
