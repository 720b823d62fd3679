"""Layer 3: store labels on the Notices page (export, import, apply), in real headless Chromium."""

from __future__ import annotations

import pytest

from browser_kit import (  # isort: skip
    click,
    open_page,
    seeded_site,
    text_of,
    wait_until,
)

from notice_builder.app import ids
from notice_builder.formats import export_as
from notice_builder.formats.google_play import HEADER
from tests.english_left import english_left

pytestmark = pytest.mark.browser


@pytest.fixture
def site(tmp_path, monkeypatch):
    """The app over a fresh seeded store and one Chromium: (driver, store, downloads)."""
    with seeded_site(tmp_path, monkeypatch) as (driver, _, store, downloads):
        yield driver, store, downloads


def _drop(driver, path) -> None:
    driver.find_element("css selector", f"#{ids.IMPORT} input[type=file]").send_keys(str(path))


def _google_csv(store) -> bytes:
    [info] = store.list()
    return export_as(store.get(info.id).notice, "google-play")


def _drop_broken_csv(driver, store, tmp_path) -> None:
    """Drop the open notice's Google Play CSV with MAYBE where row 2 wants TRUE or FALSE."""
    lines = _google_csv(store).decode("utf-8").splitlines()
    lines[1] = lines[1].replace(",TRUE,", ",MAYBE,", 1)
    bad = tmp_path / "data-safety.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _drop(driver, bad)


def test_export_the_open_notice_as_a_google_play_csv(site):
    driver, _, downloads = site
    wait_until(
        driver,
        lambda d: "Google Play Data safety CSV cannot say" in text_of(d, ids.STORE_FORMAT_LOSSES),
    )
    click(driver, ids.STORE_FORMAT_BUTTON)
    path = downloads / "brewline-rewards-google-play.csv"
    wait_until(driver, lambda d: path.is_file() and path.stat().st_size > 0, timeout=30)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == ",".join(HEADER)
    assert "Exported brewline-rewards-google-play.csv" in text_of(driver, ids.STORE_FORMAT_STATUS)


def test_a_broken_csv_shows_its_row_and_creates_nothing(site, tmp_path):
    driver, store, _ = site
    _drop_broken_csv(driver, store, tmp_path)
    shown = wait_until(driver, lambda d: "Row 2" in (t := text_of(d, ids.IMPORT_STATUS)) and t)
    assert "column 3" in shown and "MAYBE" in shown and "data-safety.csv" in shown
    assert not driver.find_element("id", ids.LABEL_CHOICE).is_displayed()
    [info] = store.list()
    assert info.head_version == 1


def test_a_label_applied_to_the_open_notice_is_a_new_version_with_its_losses(site, tmp_path):
    driver, store, _ = site
    good = tmp_path / "data-safety.csv"
    good.write_bytes(_google_csv(store))
    _drop(driver, good)
    wait_until(driver, lambda d: d.find_element("id", ids.LABEL_CHOICE).is_displayed())
    assert "Google Play Data safety CSV" in text_of(driver, ids.LABEL_QUESTION)
    click(driver, ids.LABEL_APPLY)
    wait_until(driver, lambda d: "as version 2" in text_of(d, ids.IMPORT_STATUS))
    wait_until(driver, lambda d: "(v2)" in text_of(d, ids.EDITOR_HEADING))
    assert "could not carry" in text_of(driver, ids.LABEL_LOSSES)
    [info] = store.list()
    assert info.head_version == 2
    assert not driver.find_element("id", ids.LABEL_CHOICE).is_displayed()


def test_a_label_in_arabic_names_its_problems_and_what_it_cannot_carry(site, tmp_path):
    driver, store, _ = site
    open_page(driver, driver.current_url.split("?")[0] + "?lang=ar")
    wait_until(driver, lambda d: "ما لا يستطيع" in text_of(d, ids.STORE_FORMAT_LOSSES))
    codes = [
        c.text for c in driver.find_elements("css selector", f"#{ids.STORE_FORMAT_LOSSES} code")
    ]
    # The text as the page holds it, isolates included, to tell values from words; the field
    # paths (shown as code) are the same in every language.
    script = "return document.getElementById(arguments[0]).textContent;"
    held = driver.execute_script(script, ids.STORE_FORMAT_LOSSES)
    for code in codes:
        held = held.replace(code, " ", 1)
    assert english_left(held) == []

    _drop_broken_csv(driver, store, tmp_path)
    shown = wait_until(driver, lambda d: "الصف" in (t := text_of(d, ids.IMPORT_STATUS)) and t)
    assert "لم يُستورد" in shown and "TRUE أو FALSE" in shown and "MAYBE" in shown
    status = driver.execute_script(script, ids.IMPORT_STATUS)
    assert english_left(status.replace("Response value", " ")) == []

    good = tmp_path / "good.csv"
    good.write_bytes(_google_csv(store))
    _drop(driver, good)
    wait_until(driver, lambda d: d.find_element("id", ids.LABEL_CHOICE).is_displayed())
    assert "ملف CSV لقسم أمان البيانات في Google Play" in text_of(driver, ids.LABEL_QUESTION)
    click(driver, ids.LABEL_NEW)
    wait_until(driver, lambda d: "إشعارًا جديدًا" in text_of(d, ids.IMPORT_STATUS))
    carried = driver.execute_script(script, ids.LABEL_LOSSES)
    assert "ما لم يستطع" in carried
    for code in driver.find_elements("css selector", f"#{ids.LABEL_LOSSES} code"):
        carried = carried.replace(code.text, " ", 1)
    assert english_left(carried) == []
    assert len(store.list()) == 2
