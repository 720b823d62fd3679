"""The interface in Arabic, right to left, in real headless Chromium: the header switch, the
page's direction and language, and unsaved editor text kept across the switch."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from browser_kit import (
    console_errors,
    editor_text,
    open_page,
    preview_shown,
    preview_svg,
    seeded_site,
    set_editor,
    wait_until,
)  # isort: skip

from notice_builder.app import ids
from tests.english_left import english_left, plain

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
EDITED_TITLE = "Brewline Rewards privacy notice (draft 2)"
ARABIC_TITLE = "لتطبيق مكافآت برولاين"
EDITED_ARABIC_TITLE = "لتطبيق مكافآت برولاين (المسودة 2)"


@pytest.fixture
def page(tmp_path, monkeypatch):
    with seeded_site(tmp_path, monkeypatch) as (driver, url, store, _):
        yield driver, url, store


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


def test_switching_to_arabic_mirrors_the_page_and_keeps_unsaved_text(page):
    driver, _, store = page
    assert (_html(driver, "lang"), _html(driver, "dir")) == ("en", "ltr")
    saved = editor_text(driver)
    edited = saved.replace("Brewline Rewards privacy notice", EDITED_TITLE, 1)
    edited = edited.replace(ARABIC_TITLE, EDITED_ARABIC_TITLE, 1)
    assert EDITED_TITLE in edited and EDITED_ARABIC_TITLE in edited
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
    wait_until(driver, lambda d: EDITED_TITLE in editor_text(d))
    # The preview opens in Arabic, right to left, with the edit: the app has it, not only the box.
    wait_until(driver, lambda d: EDITED_ARABIC_TITLE in preview_svg(d))
    assert driver.find_element("id", ids.PREVIEW_BOX).get_attribute("dir") == "rtl"
    assert store.get(store.list()[0].id).version == 1
    if os.environ.get("NB_UPDATE_SCREENSHOTS") == "1":
        time.sleep(0.5)  # let the image paint
        driver.save_screenshot(str(SCREENSHOTS / "app-ar.png"))
    assert console_errors(driver) == []

    _switch_to(driver, "English", "en")
    assert _html(driver, "dir") == "ltr"
    assert "Notice builder" in driver.find_element("css selector", ".app-header").text
    assert driver.find_element("id", ids.SAVE).text == "Save"
    wait_until(driver, lambda d: EDITED_TITLE in editor_text(d))


def test_the_choice_is_remembered_and_the_address_can_ask_for_it(page):
    driver, url, _ = page
    open_page(driver, url + "?lang=ar")
    assert (_html(driver, "lang"), _html(driver, "dir")) == ("ar", "rtl")
    # A later visit without `?lang=` is still in Arabic: the choice was kept in a cookie.
    open_page(driver, url)
    assert _html(driver, "lang") == "ar"
    assert driver.find_element("id", ids.DOWNLOAD_BUTTON).text == "تنزيل"


# --- the notices list and the editor, walked in Arabic ----------------------------------------

GDPR_TITLE = "Your company name privacy notice"


def _english_words(text: str, *content: str) -> list[str]:
    """English left in `text` once the notices' own words (`content`: titles, names) are taken
    out; the values the list of changes quotes «…» are the notices' words too."""
    for words in content:
        text = text.replace(words, "")
    return english_left(text, quoted=True)


def _shown(driver, id: str, condition) -> str:
    """The text of `id` (without isolates) once `condition(text)` holds."""
    return wait_until(
        driver, lambda d: (t := plain(d.find_element("id", id).text)) and condition(t) and t
    )


def _valid(driver) -> None:
    _shown(driver, ids.PROBLEMS, lambda t: "النص سليم." in t)


def test_the_notices_list_and_the_editor_speak_arabic(page):
    from selenium.webdriver.common.keys import Keys

    driver, url, store = page
    open_page(driver, url + "?lang=ar")
    assert (_html(driver, "lang"), _html(driver, "dir")) == ("ar", "rtl")
    assert driver.title == "منشئ الإشعارات"
    sample = store.list()[0].title
    notices = plain(driver.find_element("css selector", ".panel.notices").text)
    # The export to store formats below the list is another part's, checked with that part.
    formats = plain(driver.find_element("css selector", ".store-formats").text)
    assert "الإشعارات" in notices and sample in notices
    assert _english_words(notices.replace(formats, ""), sample) == [], notices

    # A notice from a template, picked with the keyboard from Arabic names.
    picker = driver.find_element("id", ids.TEMPLATE)
    picker.send_keys(Keys.ARROW_DOWN)
    picker.send_keys(Keys.ARROW_DOWN)
    picker.send_keys(Keys.ENTER)
    gdpr = "اللائحة العامة لحماية البيانات فقط (الاتحاد الأوروبي)"
    wait_until(driver, lambda d: d.find_element("id", ids.TEMPLATE).get_attribute("value") == gdpr)
    driver.find_element("id", ids.CREATE).click()
    created = _shown(driver, ids.SAVE_STATUS, lambda t: "أُنشئ" in t)
    assert gdpr in created and _english_words(created, GDPR_TITLE) == []
    listed = _shown(driver, ids.NOTICE_LIST, lambda t: GDPR_TITLE in t)
    assert _english_words(listed, GDPR_TITLE, sample) == []
    history = _shown(driver, ids.HISTORY, lambda t: "إشعار جديد من القالب" in t)
    assert "محرّر الويب" in history and gdpr in history
    assert _english_words(history) == []
    _valid(driver)
    opened = driver.find_element("id", ids.EDITOR).get_attribute("value")

    # A bad edit: its problem in Arabic, with its line and column.
    set_editor(driver, opened.replace("id: ", "id: [", 1))
    problems = _shown(driver, ids.PROBLEMS, lambda t: "السطر" in t)
    assert re.search(r"السطر \d+، العمود \d+", problems), problems
    assert _english_words(problems) == [], problems

    # Two tabs save the same version: the second is told in Arabic and saves a copy.
    first = driver.current_window_handle
    driver.switch_to.new_window("window")
    second = driver.current_window_handle
    open_page(driver, url)  # the language was kept; the notice saved last is open
    assert _html(driver, "dir") == "rtl"
    set_editor(driver, opened + "\n# the second tab's edit\n")
    _valid(driver)
    driver.switch_to.window(first)
    set_editor(driver, opened.replace(GDPR_TITLE, "Acme privacy notice", 1))
    _valid(driver)
    driver.find_element("id", ids.SAVE).click()
    _shown(driver, ids.SAVE_STATUS, lambda t: "حُفظ بوصفه الإصدار" in t)
    driver.switch_to.window(second)
    driver.find_element("id", ids.SAVE).click()
    conflict = _shown(driver, ids.SAVE_STATUS, lambda t: "تغيّر هذا الإشعار" in t)
    assert "لم يُحفَظ شيء" in conflict and _english_words(conflict) == []
    copy = driver.find_element("id", ids.SAVE_AS_COPY)
    wait_until(driver, lambda d: copy.is_displayed())
    assert copy.text == "حفظ كنسخة"
    copy.click()
    saved = _shown(driver, ids.SAVE_STATUS, lambda t: "حُفظ إشعارًا جديدًا" in t)
    assert _english_words(saved, GDPR_TITLE) == []
    assert len(store.list()) == 3

    # Compare the first tab's two versions: the list of changes in Arabic.
    driver.switch_to.window(first)
    _shown(driver, ids.HISTORY, lambda t: "v2" in t)
    driver.find_element("id", ids.COMPARE).click()
    compared = _shown(driver, ids.COMPARE_RESULT, lambda t: "العنوان" in t)
    assert "العنوان: تغيّرت القيمة من «Your company name privacy notice»" in compared
    assert "«Acme privacy notice»" in compared
    assert _english_words(compared) == [], compared
    history = plain(driver.find_element("id", ids.HISTORY).text)
    assert "تعديل في التطبيق" in history and _english_words(history) == []
    assert _html(driver, "dir") == "rtl"
    for handle in (second, first):
        driver.switch_to.window(handle)
        assert console_errors(driver) == []
