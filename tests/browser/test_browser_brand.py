"""The brand kit in real headless Chromium: a low-contrast colour, its fix, the preview after."""

from __future__ import annotations

import pytest
from browser_kit import (
    chrome,
    console_errors,
    preview_image,
    preview_shown,
    preview_src,
    require_browser,
    running,
    wait_until,
)  # isort: skip

from notice_builder.app import create_app, ids
from notice_builder.store import Store

CORRECTED, FAILING = (0xAA, 0x87, 0x00), (0xFF, 0xCC, 0x00)

pytestmark = pytest.mark.browser


def _colours(driver) -> set[tuple[int, int, int]]:
    """Every colour the preview picture (a PNG) draws."""
    image = preview_image(driver).convert("RGB")
    return {colour for _, colour in image.getcolors(maxcolors=1 << 20)}


def _use_button(driver):
    return next(
        (
            b
            for b in driver.find_elements("css selector", ".brand-use")
            if b.text.strip() == "Use #aa8700"
        ),
        None,
    )


def test_low_contrast_primary_offers_a_fix_that_changes_the_preview(tmp_path, monkeypatch):
    require_browser()
    from selenium.webdriver.common.keys import Keys

    monkeypatch.setenv("DASH_SECRET_KEY", "browser-test")
    store = Store(f"sqlite:///{tmp_path / 'notices.db'}")
    store.seed_examples()
    try:
        with running(create_app(store)) as url, chrome(tmp_path) as driver:
            driver.get(url)
            wait_until(driver, preview_shown)
            plain = preview_src(driver)
            assert CORRECTED not in _colours(driver)
            assert "Not saved with the notice".lower() in driver.page_source.lower()

            box = driver.find_element("id", ids.BRAND_PRIMARY)
            box.click()
            box.send_keys("#ffcc00")
            box.send_keys(Keys.ESCAPE)
            driver.find_element("css selector", ".brand-caption").click()  # the picker closes
            wait_until(
                driver,
                lambda d: (
                    not any(
                        e.is_displayed()
                        for e in d.find_elements("css selector", ".mantine-ColorInput-dropdown")
                    )
                ),
            )
            check = wait_until(
                driver,
                lambda d: (
                    (t := d.find_element("id", ids.BRAND_CHECK).text)
                    and "uses #aa8700 instead, darkened to pass" in t
                    and t
                ),
            )
            assert "1.3:1 on highlighted cards; does not pass" in check
            # The preview changes at once, drawing the corrected colour, never the failing one.
            wait_until(driver, lambda d: preview_shown(d) and CORRECTED in _colours(d))
            assert FAILING not in _colours(driver)

            wait_until(driver, _use_button).click()
            wait_until(driver, lambda d: box.get_attribute("value") == "#aa8700")
            wait_until(driver, lambda d: "passes" in d.find_element("id", ids.BRAND_CHECK).text)
            assert _use_button(driver) is None
            # Taking the fix keeps that colour: what was previewed is what is now chosen.
            wait_until(driver, lambda d: CORRECTED in _colours(d) and preview_src(d) != plain)
            assert console_errors(driver) == []
    finally:
        store.close()
