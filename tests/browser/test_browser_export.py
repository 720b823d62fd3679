"""The preview column in real headless Chromium: the layout gallery, the email kit, the bundle."""

from __future__ import annotations

import io
import json
import os
import time
import zipfile
from pathlib import Path

import pytest
from browser_kit import (
    open_page,
    preview_image,
    preview_shown,
    preview_src,
    preview_text,
    seeded_site,
    wait_until,
)  # isort: skip

from notice_builder.app import ids
from notice_builder.layout import get_layout, layout_names
from tests.english_left import english_left

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def page(tmp_path, monkeypatch):
    """The app over a fresh seeded store, open in Chromium: (driver, download folder)."""
    jobs = str(tmp_path / "jobs")
    with seeded_site(tmp_path, monkeypatch, NB_JOBS_DIR=jobs) as (driver, _, _, downloads):
        yield driver, downloads


def _layout_value(driver) -> str:
    """The layout chosen in the picker: its id, from the name the picker shows."""
    shown = driver.execute_script(
        "const el = document.querySelector('input[name=\"' + arguments[0] + '\"]')"
        " || document.getElementById(arguments[0]);"
        "return el ? el.value : null;",
        ids.LAYOUT,
    )
    return {get_layout(name).label: name for name in layout_names()}.get(shown, shown)


def _thumbs(driver):
    return driver.find_elements("css selector", f"#{ids.GALLERY_GRID} button.gallery-item")


def _open_gallery(driver):
    driver.find_element("css selector", f"#{ids.GALLERY} button").click()
    wait_until(driver, lambda d: len(_thumbs(d)) == len(layout_names()), timeout=40)
    return _thumbs(driver)


def test_gallery_thumbnail_chooses_the_layout(page):
    driver, _ = page
    assert _thumbs(driver) == []  # closed: nothing drawn
    thumbs = _open_gallery(driver)
    alts = [t.find_element("tag name", "img").get_attribute("alt") for t in thumbs]
    assert alts == [f"{get_layout(name).label} layout" for name in layout_names()]
    pressed = [t.get_attribute("aria-pressed") for t in thumbs]
    assert pressed.count("true") == 1 and thumbs[0].get_attribute("data-layout") == "at-a-glance"
    for thumb in thumbs:  # every picture decoded and drawn
        assert driver.execute_script(
            "return arguments[0].complete && arguments[0].naturalWidth > 0;",
            thumb.find_element("tag name", "img"),
        )

    if os.environ.get("NB_UPDATE_SCREENSHOTS") == "1":  # the README's picture, only when asked
        panel = driver.find_element("id", ids.GALLERY)
        driver.execute_script("arguments[0].scrollIntoView()", panel)
        time.sleep(0.5)
        panel.screenshot(str(SCREENSHOTS / "app-gallery.png"))
    before_src, before_text = preview_src(driver), preview_text(driver)
    [flow] = [t for t in thumbs if t.get_attribute("data-layout") == "data-flow"]
    flow.click()
    wait_until(driver, lambda d: _layout_value(d) == "data-flow")
    wait_until(driver, lambda d: preview_src(d) != before_src and preview_shown(d))
    assert preview_text(driver) != before_text
    wait_until(
        driver,
        lambda d: [t.get_attribute("data-layout") for t in _thumbs(d)
                   if t.get_attribute("aria-pressed") == "true"] == ["data-flow"],
    )  # fmt: skip


def test_gallery_is_keyboard_accessible(page):
    from selenium.webdriver.common.keys import Keys

    driver, _ = page
    thumbs = _open_gallery(driver)
    [target] = [t for t in thumbs if t.get_attribute("data-layout") == "rights-and-choices"]
    driver.execute_script("arguments[0].focus();", target)
    assert driver.switch_to.active_element == target
    before = preview_src(driver)
    target.send_keys(Keys.ENTER)
    wait_until(driver, lambda d: _layout_value(d) == "rights-and-choices")
    wait_until(driver, lambda d: preview_src(d) != before and preview_shown(d))
    # Tab moves on to the next thumbnail.
    focused = driver.switch_to.active_element
    focused.send_keys(Keys.TAB)
    assert driver.switch_to.active_element.get_attribute("class").startswith("gallery-item")


def test_email_kit_shows_the_snippet_with_alt_text_and_downloads(page):
    driver, downloads = page
    driver.find_element("id", ids.EMAIL_MAKE).click()
    box = wait_until(
        driver,
        lambda d: (
            (el := d.find_element("id", ids.EMAIL_HTML)).is_displayed()
            and "<table" in el.text
            and el
        ),
    )
    snippet = box.text
    alt = driver.find_element("id", ids.EMAIL_ALT).text
    assert alt and f'alt="{alt}"' in snippet.replace("&#x27;", "'").replace("&amp;", "&")
    assert "<svg" not in snippet.lower() and 'width="600"' in snippet
    # Shown as text: no element of the snippet became part of the page.
    assert driver.find_elements("css selector", f"#{ids.EMAIL_HTML} table") == []
    assert "Brewline" in driver.find_element("id", ids.EMAIL_DESCRIPTION).text
    assert driver.find_element("id", ids.EMAIL_COPY).is_displayed()

    driver.find_element("id", ids.EMAIL_DOWNLOAD_BUTTON).click()
    path = downloads / "brewline-rewards-email-banner-en-email-kit.zip"
    wait_until(driver, lambda d: path.is_file() and path.stat().st_size > 0, timeout=30)
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        assert "email.html" in archive.namelist()
        assert archive.read("notice-email.png")[:8] == b"\x89PNG\r\n\x1a\n"
        assert archive.read("email.html").decode().strip() == snippet.strip()


def test_bundle_downloads_a_zip_whose_manifest_lists_its_files(page):
    driver, downloads = page
    button = driver.find_element("id", ids.BUNDLE_BUTTON)
    button.click()
    # While it is made: the button is disabled and Cancel is offered.
    wait_until(
        driver, lambda d: not d.find_element("id", ids.BUNDLE_BUTTON).is_enabled(), timeout=5
    )
    assert driver.find_element("id", ids.BUNDLE_CANCEL).is_displayed()
    path = downloads / "brewline-rewards-bundle.zip"
    wait_until(driver, lambda d: path.is_file() and path.stat().st_size > 0, timeout=120)
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        files = sorted(n for n in archive.namelist() if n != "manifest.json")
    assert sorted(entry["file"] for entry in manifest["files"]) == files
    assert len(files) == len(layout_names()) * 2 * 3  # every layout x en, ar x svg, png, pdf
    status = wait_until(driver, lambda d: d.find_element("id", ids.BUNDLE_STATUS).text)
    assert "Bundle ready" in status
    wait_until(driver, lambda d: d.find_element("id", ids.BUNDLE_BUTTON).is_enabled())
    assert not driver.find_element("id", ids.BUNDLE_PROGRESS_BOX).is_displayed()


def test_a_cancelled_bundle_downloads_nothing(page):
    driver, downloads = page
    driver.find_element("id", ids.BUNDLE_BUTTON).click()
    cancel = wait_until(
        driver,
        lambda d: (el := d.find_element("id", ids.BUNDLE_CANCEL)).is_displayed() and el,
        timeout=5,
    )
    cancel.click()
    wait_until(driver, lambda d: d.find_element("id", ids.BUNDLE_BUTTON).is_enabled(), timeout=10)
    assert not driver.find_element("id", ids.BUNDLE_CANCEL).is_displayed()
    time.sleep(3)  # longer than a poll: a finished job would have been handed over by now
    assert list(downloads.iterdir()) == []


def _shown_width(driver) -> float:
    return driver.execute_script(
        "return document.getElementById(arguments[0]).getBoundingClientRect().width;",
        ids.PREVIEW_IMAGE,
    )


def test_png_preview_has_the_pixels_it_is_shown_with(page):
    driver, _ = page
    # At a device pixel ratio of 1, one picture pixel per screen pixel: sharp, nothing wasted.
    assert abs(preview_image(driver).width - _shown_width(driver)) <= 1
    before = preview_src(driver)
    driver.set_window_size(1300, 1200)  # a narrower preview column
    wait_until(driver, lambda d: preview_src(d) != before and preview_shown(d))
    assert abs(preview_image(driver).width - _shown_width(driver)) <= 1
    assert preview_image(driver).width < 1200


# Besides the names every part keeps: a signal's proper name (Global Privacy Control).
KEPT_LATIN = {"Global", "Privacy", "Control"}


def english_words(text: str) -> list[str]:
    """English left in `text`; a sentence passed along as an isolated value is still read
    (tests/app/test_app_export.py checks the components more closely)."""
    return english_left(text, KEPT_LATIN, sentences=False)


def test_preview_column_in_arabic_names_layouts_and_the_bundle_job_speaks_arabic(page):
    driver, downloads = page
    open_page(driver, driver.current_url.split("?")[0] + "?lang=ar")
    assert driver.find_element("tag name", "html").get_attribute("dir") == "rtl"
    thumbs = _open_gallery(driver)
    alts = [t.find_element("tag name", "img").get_attribute("alt") for t in thumbs]
    assert alts[0] == "تخطيط \u2068لمحة سريعة\u2069"
    titles = " ".join(t.get_attribute("title") for t in thumbs)
    labels = " ".join(t.text for t in thumbs)
    assert english_words(titles + " " + labels) == []
    # The layout picker shows the name (its value stays the id: the thumbnails' data-layout).
    shown = driver.execute_script("return document.getElementById(arguments[0]).value;", ids.LAYOUT)
    assert shown == "لمحة سريعة"

    # The bundle is made in a job process: its progress and its result are in Arabic too.
    driver.find_element("id", ids.BUNDLE_BUTTON).click()
    progress = wait_until(
        driver, lambda d: d.find_element("id", ids.BUNDLE_PROGRESS_TEXT).text, timeout=30
    )
    assert "رسم" in progress and english_words(progress) == []
    path = downloads / "brewline-rewards-bundle.zip"
    wait_until(driver, lambda d: path.is_file() and path.stat().st_size > 0, timeout=120)
    status = wait_until(driver, lambda d: d.find_element("id", ids.BUNDLE_STATUS).text)
    assert status.startswith("الحزمة جاهزة") and english_words(status) == []
