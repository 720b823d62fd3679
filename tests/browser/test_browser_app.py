"""Layer 3: the flows a person takes, in real headless Chromium (Debian chromium + chromedriver)."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from browser_kit import (
    preview_svg,
    seeded_site,
    set_editor,
    wait_until,
)  # isort: skip

from notice_builder.app import ids

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def page(tmp_path, monkeypatch):
    """The app over a fresh seeded store, open in Chromium: (driver, download folder)."""
    with seeded_site(tmp_path, monkeypatch) as (driver, _, _, downloads):
        yield driver, downloads


def _choose(driver, select_id: str, label: str) -> None:
    driver.find_element("id", select_id).click()
    option = wait_until(
        driver,
        lambda d: next(
            (o for o in d.find_elements("css selector", "[role=option]") if label in o.text), None
        ),
    )
    option.click()


def _screenshot(driver, name: str) -> None:
    """The README's screenshots are refreshed only when asked (NB_UPDATE_SCREENSHOTS=1)."""
    if os.environ.get("NB_UPDATE_SCREENSHOTS") == "1":
        time.sleep(0.5)  # let the image paint
        driver.save_screenshot(str(SCREENSHOTS / name))


def test_sample_is_listed_with_its_preview(page):
    driver, _ = page
    listed = driver.find_element("id", ids.NOTICE_LIST).text
    assert "Brewline Rewards privacy notice" in listed and "v1" in listed
    assert "Brewline Rewards privacy notice" in preview_svg(driver)
    assert driver.find_element("id", ids.PREVIEW_IMAGE).get_attribute("alt")
    _screenshot(driver, "app-en.png")


def test_editing_the_title_changes_the_preview(page):
    driver, _ = page
    text = driver.find_element("id", ids.EDITOR).get_attribute("value")
    set_editor(
        driver, text.replace("en: Brewline Rewards privacy notice", "en: Beanline notice", 1)
    )
    wait_until(driver, lambda d: "Beanline notice" in preview_svg(d))


def test_broken_yaml_shows_the_error_and_its_line(page):
    driver, _ = page
    text = driver.find_element("id", ids.EDITOR).get_attribute("value")
    set_editor(driver, text.replace("id: brewline-rewards", "id: [brewline", 1))
    problems = wait_until(
        driver,
        lambda d: (t := d.find_element("id", ids.PROBLEMS).text) and "Line" in t and t,
    )
    assert "problem" in problems and re.search(r"Line \d+, column \d+", problems)


def test_arabic_preview_is_right_to_left(page):
    driver, _ = page
    assert driver.find_element("id", ids.PREVIEW_BOX).get_attribute("dir") == "ltr"
    _choose(driver, ids.LOCALE, "ar")
    wait_until(
        driver, lambda d: d.find_element("id", ids.PREVIEW_BOX).get_attribute("dir") == "rtl"
    )
    wait_until(driver, lambda d: "برولاين" in preview_svg(d))
    _screenshot(driver, "app-ar.png")


def test_download_png(page):
    driver, downloads = page
    driver.find_element("id", ids.DOWNLOAD_BUTTON).click()
    path = downloads / "brewline-rewards-at-a-glance-en.png"
    wait_until(driver, lambda d: path.is_file() and path.stat().st_size > 0, timeout=30)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
