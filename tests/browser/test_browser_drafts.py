"""Layer 3: autosaved drafts, a failed save, and templates, in real headless Chromium."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from browser_kit import (
    editor_text,
    open_page,
    preview_text,
    seeded_site,
    set_editor,
    text_of,
    wait_until,
)  # isort: skip

from notice_builder.app import ids
from notice_builder.resources import template_text

pytestmark = pytest.mark.browser
TITLE = "en: Brewline Rewards privacy notice"


@pytest.fixture
def site(tmp_path, monkeypatch):
    """The app over a fresh seeded store and one Chromium: (driver, url, store)."""
    with seeded_site(tmp_path, monkeypatch) as (driver, url, store, _):
        yield driver, url, store


def _retitle(driver, title: str) -> str:
    text = editor_text(driver).replace(TITLE, f"en: {title}", 1)
    set_editor(driver, text)
    wait_until(driver, lambda d: title in preview_text(d))
    return text


def _client_id(driver) -> str:
    return driver.execute_script("return window.localStorage.getItem('notice-builder.client-id')")


def test_an_autosaved_edit_survives_a_reload_and_comes_back_on_restore(site):
    driver, url, store = site
    [info] = store.list()
    edited = _retitle(driver, "Typed before the tab was closed")
    wait_until(driver, lambda d: "kept as a draft" in text_of(d, ids.AUTOSAVE_STATUS))
    client = _client_id(driver)
    assert len(client) == 32
    assert store.drafts.get(info.id, client).text == edited

    driver.refresh()  # the tab is reloaded: the page shows the saved version again
    open_page(driver, url)
    banner = driver.find_element("id", ids.DRAFT_BANNER)
    wait_until(driver, lambda d: banner.is_displayed())
    message = text_of(driver, ids.DRAFT_MESSAGE)
    assert message.startswith("Unsaved edits from ") and "(based on v1)" in message
    assert editor_text(driver) == store.get(info.id).text
    assert _client_id(driver) == client  # the same browser keeps its id

    driver.find_element("id", ids.DRAFT_RESTORE).click()
    wait_until(driver, lambda d: editor_text(d) == edited)
    wait_until(driver, lambda d: "Typed before the tab was closed" in preview_text(d))
    wait_until(driver, lambda d: not banner.is_displayed())
    wait_until(driver, lambda d: "back in the editor" in text_of(d, ids.AUTOSAVE_STATUS))
    assert [v.number for v in store.versions(info.id)] == [1]  # restoring saved nothing

    driver.find_element("id", ids.SAVE).click()
    wait_until(driver, lambda d: "Saved as version 2" in text_of(d, ids.SAVE_STATUS))
    assert store.drafts.get(info.id, client) is None  # cleared once saved


def test_discard_throws_the_draft_away(site):
    driver, url, store = site
    [info] = store.list()
    _retitle(driver, "Not wanted")
    wait_until(driver, lambda d: "kept as a draft" in text_of(d, ids.AUTOSAVE_STATUS))
    driver.refresh()
    open_page(driver, url)
    banner = driver.find_element("id", ids.DRAFT_BANNER)
    wait_until(driver, lambda d: banner.is_displayed())
    driver.find_element("id", ids.DRAFT_DISCARD).click()
    wait_until(driver, lambda d: not banner.is_displayed())
    assert "discarded" in text_of(driver, ids.AUTOSAVE_STATUS)
    assert store.drafts.get(info.id, _client_id(driver)) is None
    driver.refresh()
    open_page(driver, url)
    assert not driver.find_element("id", ids.DRAFT_BANNER).is_displayed()


def test_a_failed_save_keeps_the_text_on_screen_and_the_draft(site):
    driver, _, store = site
    [info] = store.list()
    edited = _retitle(driver, "Saved while the disk failed")
    wait_until(driver, lambda d: "kept as a draft" in text_of(d, ids.AUTOSAVE_STATUS))

    def fail(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT INTO VERSIONS"):
            raise sa.exc.OperationalError(statement, {}, Exception("disk I/O error"))

    sa.event.listen(store._engine, "before_cursor_execute", fail)
    try:
        driver.find_element("id", ids.SAVE).click()
        wait_until(driver, lambda d: "could not save the notice" in text_of(d, ids.SAVE_STATUS))
    finally:
        sa.event.remove(store._engine, "before_cursor_execute", fail)
    assert "Nothing was changed" in text_of(driver, ids.SAVE_STATUS)
    assert editor_text(driver) == edited
    assert store.get(info.id).version == 1 and store.get(info.id).text != edited
    assert store.drafts.get(info.id, _client_id(driver)).text == edited

    driver.find_element("id", ids.SAVE).click()  # the disk is back: the same text saves
    wait_until(driver, lambda d: "Saved as version 2" in text_of(d, ids.SAVE_STATUS))
    assert store.get(info.id).text == edited


def test_create_a_notice_from_the_gdpr_template_with_the_keyboard(site):
    from selenium.webdriver.common.keys import Keys

    driver, _, store = site
    picker = driver.find_element("id", ids.TEMPLATE)
    picker.send_keys(Keys.ARROW_DOWN)  # opens the list on the sample, the first template
    picker.send_keys(Keys.ARROW_DOWN)
    picker.send_keys(Keys.ENTER)
    wait_until(
        driver,
        lambda d: d.find_element("id", ids.TEMPLATE).get_attribute("value") == "GDPR only (EU)",
    )
    create = driver.find_element("id", ids.CREATE)
    create.send_keys(Keys.ENTER)  # a keyboard user presses Enter on the focused button
    wait_until(
        driver, lambda d: "from the template “GDPR only (EU)”" in text_of(d, ids.SAVE_STATUS)
    )
    wait_until(driver, lambda d: editor_text(d) == template_text("gdpr"))
    wait_until(driver, lambda d: "Your company name" in preview_text(d))
    wait_until(driver, lambda d: "Your company name privacy notice" in text_of(d, ids.NOTICE_LIST))
    created = next(n for n in store.list() if n.template == "gdpr")
    assert created.title == "Your company name privacy notice"


def test_a_reload_that_opens_another_notice_still_offers_the_draft(site):
    driver, url, store = site
    [info] = store.list()
    edited = _retitle(driver, "Edited before a colleague made a notice")
    wait_until(driver, lambda d: "kept as a draft" in text_of(d, ids.AUTOSAVE_STATUS))
    store.create(author="colleague", from_template="ccpa")  # now the most recently saved

    driver.refresh()  # the page opens the colleague's notice
    open_page(driver, url)
    wait_until(driver, lambda d: "notice at collection" in text_of(d, ids.EDITOR_HEADING))
    banner = driver.find_element("id", ids.DRAFT_BANNER)
    wait_until(driver, lambda d: banner.is_displayed())
    assert "Unsaved edits to “Brewline Rewards privacy notice”" in text_of(
        driver, ids.DRAFT_MESSAGE
    )

    driver.find_element("id", ids.DRAFT_RESTORE).click()
    wait_until(driver, lambda d: editor_text(d) == edited)
    wait_until(
        driver, lambda d: "Brewline Rewards privacy notice (v1)" in text_of(d, ids.EDITOR_HEADING)
    )
    driver.find_element("id", ids.SAVE).click()
    wait_until(driver, lambda d: "Saved as version 2" in text_of(d, ids.SAVE_STATUS))
    assert store.get(info.id).text == edited
