"""The structured form in real headless Chromium: form -> YAML -> preview, YAML -> form, the
practices grid, right-to-left translations, a refused value, and findings that open their field."""

from __future__ import annotations

import json

import pytest
from browser_kit import (
    editor_text,
    open_page,
    preview_src,
    preview_svg,
    seeded_site,
    set_editor,
    wait_until,
)  # isort: skip

from notice_builder.app import ids
from tests.english_left import english_left

pytestmark = pytest.mark.browser


@pytest.fixture
def page(tmp_path, monkeypatch):
    """The app over a fresh seeded store, open in Chromium at the Form tab."""
    with seeded_site(tmp_path, monkeypatch) as (driver, _, _, _):
        yield driver


def _dom_id(path: str, locale: str = "", kind: str = ids.FORM_VALUE) -> str:
    """The DOM id Dash gives a pattern id: its JSON with the keys sorted."""
    return json.dumps({"locale": locale, "path": path, "type": kind}, separators=(",", ":"))


def _by_id(driver, dom_id: str):
    # A JSON id is not a valid CSS selector, which find_element("id", …) builds.
    return driver.execute_script("return document.getElementById(arguments[0]);", dom_id)


def _value_of(driver, path: str, locale: str = "") -> str | None:
    """The field's value read in one step (the form may be redrawn between two steps)."""
    return driver.execute_script(
        "const el = document.getElementById(arguments[0]); return el ? el.value : null;",
        _dom_id(path, locale),
    )


def _field(driver, path: str, locale: str = "", kind: str = ids.FORM_VALUE):
    return wait_until(driver, lambda d: _by_id(d, _dom_id(path, locale, kind)))


def _open_section(driver, title: str) -> None:
    control = next(
        c
        for c in driver.find_elements("css selector", ".form-sections button")
        if c.text.strip().startswith(title)
    )
    control.click()


def _retype(element, text: str) -> None:
    from selenium.webdriver.common.keys import Keys

    # A section that was just opened is still unfolding: wait until a person could click it.
    wait_until(element.parent, lambda d: element.is_displayed() and element.size["height"] > 0)
    element.click()
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(text)


def _refused_email(driver, email) -> str:
    """Type an address that is not one into `email`; the message shown on the field."""
    _retype(email, "privacy-at-brewline")
    wait_until(
        driver,
        lambda d: _by_id(d, _dom_id("/controller/email")).get_attribute("aria-invalid") == "true",
    )
    error_id = _by_id(driver, _dom_id("/controller/email")).get_attribute("aria-describedby")
    return " ".join(_by_id(driver, part).text for part in error_id.split() if "error" in part)


def test_form_is_first_and_the_arabic_translation_reads_right_to_left(page):
    driver = page
    assert driver.find_element("id", ids.FORM_TAB).get_attribute("aria-selected") == "true"
    english = _field(driver, "/title", "en")
    arabic = _field(driver, "/title", "ar")
    assert english.get_attribute("value") == "Brewline Rewards privacy notice"
    assert arabic.get_attribute("value") == "إشعار الخصوصية لتطبيق مكافآت برولاين"
    assert arabic.get_attribute("dir") == "rtl" and english.get_attribute("dir") == "ltr"
    # side by side: the Arabic column sits to the right of the English one, on the same row
    assert arabic.location["x"] > english.location["x"]
    assert abs(arabic.location["y"] - english.location["y"]) < 4


def test_editing_the_organisation_name_changes_the_yaml_and_the_preview(page):
    driver = page
    before = preview_src(driver)
    _open_section(driver, "Organisation and contacts")
    name = _field(driver, "/controller/name")
    _retype(name, "Kettle and Bean")
    wait_until(driver, lambda d: "name: Kettle and Bean" in editor_text(d))
    text = editor_text(driver)
    assert "# Brewline Rewards: the privacy notice" in text  # the author's comments are kept
    assert "legal_name: Brewline Coffee Company Ltd" in text
    # the byline under the title names the organisation: the picture is drawn again
    wait_until(driver, lambda d: preview_src(d) != before)


def test_editing_the_yaml_changes_the_form(page):
    driver = page
    text = editor_text(driver).replace(
        "en: Brewline Rewards privacy notice", "en: Brewline Rewards notice, revised"
    )
    set_editor(driver, text)
    wait_until(driver, lambda d: "revised" in preview_svg(d))
    driver.find_element("id", ids.FORM_TAB).click()
    wait_until(driver, lambda d: _value_of(d, "/title", "en") == "Brewline Rewards notice, revised")


def test_quick_edits_of_two_fields_both_reach_the_yaml(page):
    driver = page
    # The second edit leaves before the first one's answer is back: neither may be lost.
    _retype(_field(driver, "/contact"), "Questions? Ask privacy@brewline.example")
    _retype(_field(driver, "/summary", "en"), "What the app collects and why.")
    wait_until(driver, lambda d: "What the app collects and why." in editor_text(d))
    wait_until(
        driver, lambda d: "contact: Questions? Ask privacy@brewline.example" in editor_text(d)
    )


def test_ticking_a_practice_in_the_grid_adds_it_to_the_yaml(page):
    driver = page
    _open_section(driver, "Practices")
    cell_id = json.dumps(
        {"category": "location", "purpose": "rewards", "type": ids.FORM_CELL},
        separators=(",", ":"),
    )
    box = wait_until(driver, lambda d: _by_id(d, cell_id))
    assert not box.is_selected()
    label = box.get_attribute("aria-label")
    assert label.startswith("Location for the store finder used for")
    driver.execute_script("arguments[0].click();", box)
    wait_until(driver, lambda d: "- id: location-rewards" in editor_text(d))
    wait_until(driver, lambda d: _by_id(d, cell_id).is_selected())


def test_a_bad_email_is_shown_on_its_field_and_the_yaml_is_kept(page):
    driver = page
    before = editor_text(driver)
    _open_section(driver, "Organisation and contacts")
    email = _field(driver, "/controller/email")
    message = _refused_email(driver, email)
    assert "is not a valid e-mail address" in message
    assert editor_text(driver) == before


def test_a_finding_opens_its_field_in_the_form(page):
    driver = page
    link = wait_until(
        driver,
        lambda d: next(
            (
                b
                for b in d.find_elements("css selector", ".finding-link")
                if b.text == "practices[3].profiling"
            ),
            None,
        ),
    )
    driver.find_element("id", ids.YAML_TAB).click()
    link.click()
    target = _dom_id("/practices/3/profiling", kind=ids.FORM_CHECK)
    wait_until(driver, lambda d: d.switch_to.active_element.get_attribute("id") == target)
    assert driver.find_element("id", ids.FORM_TAB).get_attribute("aria-selected") == "true"


# Besides the names every part keeps: the DPV vocabulary's prefix, as the form writes it.
KEPT_IN_ARABIC = {"dpv"}
# What the form says in its own voice: without the notice's words (item titles, the grid's
# headings, picked ids) and the values filled into its sentences (isolated by FSI … PDI).
_INTERFACE_TEXT = """
const form = document.getElementById(arguments[0]).cloneNode(true);
for (const el of form.querySelectorAll(".form-item-title, th, textarea, [class*='Pill'], [class*='pill']")) {
    el.remove();
}
return form.innerText.replace(/\\u2068[^\\u2069]*\\u2069/g, "");
"""


def test_the_form_in_arabic_speaks_arabic_and_keeps_links_left_to_right(page):
    driver = page
    open_page(driver, driver.current_url.split("?")[0] + "?lang=ar")
    _open_section(driver, "الجهة وجهات الاتصال")
    name = _field(driver, "/controller/name")
    label = driver.find_element("css selector", f"label[for='{name.get_attribute('id')}']")
    assert label.text.startswith("الاسم")
    email = _field(driver, "/controller/email")
    assert email.get_attribute("dir") == "ltr" and name.get_attribute("dir") == "auto"
    assert _field(driver, "/title", "ar").get_attribute("dir") == "rtl"
    # a refused value says so in Arabic, and the YAML is kept
    before = editor_text(driver)
    message = _refused_email(driver, email)
    assert message.startswith("لم يُطبَّق:")
    assert editor_text(driver) == before
    # the grid's marks, and a refused removal in Arabic
    _open_section(driver, "الممارسات")
    marks = wait_until(driver, lambda d: d.find_elements("css selector", ".grid-mark.mark-shared"))
    assert marks[0].text == "مشارَكة"
    _open_section(driver, "فئات البيانات")
    remove = wait_until(
        driver,
        lambda d: d.find_element("css selector", "[data-path='/data_categories/0'] .form-remove"),
    )
    assert remove.text == "إزالة"
    driver.execute_script("arguments[0].click();", remove)
    status = wait_until(
        driver, lambda d: d.find_element("id", ids.FORM_STATUS).text.strip() or None
    )
    assert status.startswith("لم يُحذَف:") and editor_text(driver) == before
    # every open section, read as a person sees it: no English interface word is left
    shown = driver.execute_script(_INTERFACE_TEXT, ids.FORM)
    assert "الأغراض" in shown and "المسؤول عن البيانات" in shown
    left = english_left(shown, KEPT_IN_ARABIC)
    assert left == [], left
