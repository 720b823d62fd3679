"""The interface in Arabic, right to left, in real headless Chromium: the header switch, the
page's direction and language, and unsaved editor text kept across the switch."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from browser_kit import (
    chrome,
    console_errors,
    preview_shown,
    preview_svg,
    require_browser,
    running,
    set_editor,
    wait_until,
)  # isort: skip

from notice_builder.app import create_app, ids
from notice_builder.store import Store

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
EDITED_TITLE = "Brewline Rewards privacy notice (draft 2)"


@pytest.fixture
def page(tmp_path, monkeypatch):
    require_browser()
    monkeypatch.setenv("DASH_SECRET_KEY", "browser-test")
    store = Store(f"sqlite:///{tmp_path / 'notices.db'}")
    store.seed_examples()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with running(create_app(store)) as url, chrome(downloads) as driver:
        driver.get(url)
        wait_until(driver, preview_shown)
        yield driver, url, store
        assert console_errors(driver) == []
    store.close()


def _html(driver, name: str) -> str | None:
    return driver.find_element("tag name", "html").get_attribute(name)


def _switch_to(driver, label: str, lang: str) -> None:
    """Click the header switch's `label` and wait for the page drawn in `lang`."""
    switch = driver.find_element("id", ids.UI_LANGUAGE)
    option = next(o for o in switch.find_elements("css selector", "label") if o.text == label)
    option.click()
    wait_until(
        driver,
        lambda d: (
            _html(d, "lang") == lang
            and d.execute_script("return document.readyState") == "complete"
            and d.find_elements("id", ids.SAVE)
        ),
    )
    wait_until(driver, preview_shown)


def _editor_text(driver) -> str:
    return driver.find_element("id", ids.EDITOR).get_attribute("value")


def test_switching_to_arabic_mirrors_the_page_and_keeps_unsaved_text(page):
    driver, _, store = page
    assert (_html(driver, "lang"), _html(driver, "dir")) == ("en", "ltr")
    saved = _editor_text(driver)
    edited = saved.replace("Brewline Rewards privacy notice", EDITED_TITLE, 1)
    assert edited != saved
    set_editor(driver, edited)
    wait_until(driver, lambda d: EDITED_TITLE in preview_svg(d))  # the app has the edit

    _switch_to(driver, "العربية", "ar")
    assert _html(driver, "dir") == "rtl"
    root = driver.find_element("css selector", ".app")
    assert (root.get_attribute("lang"), root.get_attribute("dir")) == ("ar", "rtl")
    assert "منشئ الإشعارات" in driver.find_element("css selector", ".app-header").text
    assert driver.find_element("id", ids.SAVE).text == "حفظ"
    assert "الإشعارات" in driver.find_element("css selector", ".panel.notices").text
    # Mantine mirrors: the header's title sits at the right edge of the page.
    title = driver.find_element("css selector", ".app-header h1")
    assert title.rect["x"] > driver.execute_script("return window.innerWidth") / 2
    # The YAML stays left to right, whatever the interface's direction.
    box = driver.find_element("id", ids.EDITOR)
    assert box.get_attribute("dir") == "ltr"
    assert driver.execute_script("return getComputedStyle(arguments[0]).direction", box) == "ltr"
    # The unsaved edit came across the reload, and nothing was saved by the switch.
    wait_until(driver, lambda d: EDITED_TITLE in _editor_text(d))
    wait_until(driver, lambda d: EDITED_TITLE in preview_svg(d))  # the app has it, not only the box
    assert store.get(store.list()[0].id).version == 1
    if os.environ.get("NB_UPDATE_SCREENSHOTS") == "1":
        time.sleep(0.5)  # let the image paint
        driver.save_screenshot(str(SCREENSHOTS / "app-ar.png"))
    assert console_errors(driver) == []

    _switch_to(driver, "English", "en")
    assert _html(driver, "dir") == "ltr"
    assert "Notice builder" in driver.find_element("css selector", ".app-header").text
    assert driver.find_element("id", ids.SAVE).text == "Save"
    wait_until(driver, lambda d: EDITED_TITLE in _editor_text(d))


def test_the_choice_is_remembered_and_the_address_can_ask_for_it(page):
    driver, url, _ = page
    driver.get(url + "?lang=ar")
    wait_until(driver, preview_shown)
    assert (_html(driver, "lang"), _html(driver, "dir")) == ("ar", "rtl")
    # A later visit without `?lang=` is still in Arabic: the choice was kept in a cookie.
    driver.get(url)
    wait_until(driver, preview_shown)
    assert _html(driver, "lang") == "ar"
    assert driver.find_element("id", ids.DOWNLOAD_BUTTON).text == "تنزيل"
