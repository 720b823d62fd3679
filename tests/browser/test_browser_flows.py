"""Layer 3: two tabs on one notice, restore, markup in a title, import, in real headless Chromium."""

from __future__ import annotations

import pytest
from browser_kit import (
    click,
    editor_text,
    open_page,
    preview_svg,
    preview_text,
    seeded_site,
    set_editor,
    text_of,
    wait_until,
)  # isort: skip

from notice_builder.app import ids

pytestmark = pytest.mark.browser

XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


@pytest.fixture
def site(tmp_path, monkeypatch):
    """The app over a fresh seeded store and one Chromium: (driver, url, store)."""
    with seeded_site(tmp_path, monkeypatch) as (driver, url, store, _):
        yield driver, url, store


def _retitle(driver, title: str) -> str:
    """Change the notice's English title in the editor; wait until the app has the text."""
    text = editor_text(driver).replace("en: Brewline Rewards privacy notice", f"en: {title}", 1)
    set_editor(driver, text)
    wait_until(
        driver,
        lambda d: "The text is valid." in text_of(d, ids.PROBLEMS) and editor_text(d) == text,
    )
    wait_until(driver, lambda d: title in preview_svg(d))
    return text


def _status(driver, id: str, words: str) -> str:
    return wait_until(driver, lambda d: words in (t := text_of(d, id)) and t)


def test_two_tabs_conflict_keeps_the_text_and_saves_a_copy(site):
    driver, url, store = site
    first = driver.current_window_handle
    driver.switch_to.new_window("window")
    second = driver.current_window_handle
    open_page(driver, url)
    theirs = _retitle(driver, "Second tab title")
    driver.switch_to.window(first)
    _retitle(driver, "First tab title")
    click(driver, ids.SAVE)
    _status(driver, ids.SAVE_STATUS, "Saved as version 2")

    driver.switch_to.window(second)
    click(driver, ids.SAVE)
    message = _status(driver, ids.SAVE_STATUS, "changed since you opened it")
    assert "v1 → v2" in message and "Nothing was saved" in message
    assert editor_text(driver) == theirs  # the second tab's edit is still there
    [info] = store.list()
    assert info.head_version == 2 and "First tab title" in store.get(info.id).text

    copy = driver.find_element("id", ids.SAVE_AS_COPY)
    wait_until(driver, lambda d: copy.is_displayed())
    copy.click()
    _status(driver, ids.SAVE_STATUS, "Saved as a new notice")
    wait_until(driver, lambda d: "Second tab title" in text_of(d, ids.NOTICE_LIST))
    notices = store.list()
    assert len(notices) == 2
    kept = next(n for n in notices if n.title == "Second tab title")
    assert kept.head_version == 1 and store.get(kept.id).text == theirs
    assert store.get(info.id).version == 2  # the original was not touched


def test_restoring_an_old_version_makes_a_new_head_with_its_text(site):
    driver, _, store = site
    [info] = store.list()
    original = store.version(info.id, 1)
    _retitle(driver, "A shorter title")
    click(driver, ids.SAVE)
    _status(driver, ids.SAVE_STATUS, "Saved as version 2")
    restore = wait_until(
        driver, lambda d: d.find_element("css selector", "[aria-label='Restore version 1']")
    )
    restore.click()
    _status(driver, ids.SAVE_STATUS, "Restored version 1 as version 3")
    wait_until(driver, lambda d: editor_text(d) == original)
    assert store.get(info.id).version == 3 and store.version(info.id, 3) == original
    assert [v.number for v in store.versions(info.id)] == [1, 2, 3]


def test_markup_in_a_title_stays_text(site):
    driver, _, store = site
    title = "'" + XSS + "'"  # single-quoted YAML: the double quotes inside stay as they are
    text = editor_text(driver).replace("en: Brewline Rewards privacy notice", f"en: {title}", 1)
    set_editor(driver, text)
    wait_until(driver, lambda d: "The text is valid." in text_of(d, ids.PROBLEMS))
    wait_until(driver, lambda d: "window.__pwned=1" in preview_svg(d))
    click(driver, ids.SAVE)
    _status(driver, ids.SAVE_STATUS, "Saved as version 2")
    wait_until(driver, lambda d: XSS in text_of(d, ids.NOTICE_LIST))
    wait_until(driver, lambda d: XSS in text_of(d, ids.EDITOR_HEADING))
    assert XSS in preview_text(driver)  # the picture's words, given as text: never markup
    assert not driver.find_elements("css selector", f"#{ids.PREVIEW_BOX} script")
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert not driver.find_elements("css selector", "img[src='x']")
    [info] = store.list()
    assert info.title == XSS


def test_importing_a_broken_file_shows_its_line_and_creates_nothing(site, tmp_path):
    driver, _, store = site
    bad = tmp_path / "broken.yaml"
    bad.write_text("schema_version: '1'\nid: acme\ntitle: [unclosed\n", encoding="utf-8")
    upload = driver.find_element("css selector", f"#{ids.IMPORT} input[type=file]")
    upload.send_keys(str(bad))
    shown = _status(driver, ids.IMPORT_STATUS, "Line")
    assert "broken.yaml" in shown and "Not imported" in shown
    assert len(store.list()) == 1


def test_a_file_over_the_limit_is_named_with_the_limit_and_nothing_is_imported(site, tmp_path):
    from notice_builder.app.callbacks.flows import UPLOAD_LIMIT, UPLOAD_LIMIT_TEXT

    driver, _, store = site
    big = tmp_path / "huge.yaml"
    big.write_bytes(b"# " + b"x" * UPLOAD_LIMIT + b"\n")  # dcc.Upload drops it silently
    upload = driver.find_element("css selector", f"#{ids.IMPORT} input[type=file]")
    upload.send_keys(str(big))
    shown = _status(driver, ids.IMPORT_STATUS, "the limit is")
    assert f"huge.yaml is 5.0 MB; the limit is {UPLOAD_LIMIT_TEXT}" in shown
    assert "Nothing was imported" in shown and len(store.list()) == 1


def test_importing_a_valid_file_opens_it(site, tmp_path):
    driver, _, store = site
    [info] = store.list()
    good = tmp_path / "imported.yaml"
    text = store.get(info.id).text.replace("Brewline Rewards privacy notice", "Imported one", 1)
    good.write_text(text.replace("id: brewline-rewards", "id: imported", 1), encoding="utf-8")
    upload = driver.find_element("css selector", f"#{ids.IMPORT} input[type=file]")
    upload.send_keys(str(good))
    _status(driver, ids.IMPORT_STATUS, "from imported.yaml")
    wait_until(driver, lambda d: "Imported one" in text_of(d, ids.EDITOR_HEADING))
    wait_until(driver, lambda d: "Imported one" in preview_svg(d))
    assert len(store.list()) == 2


def test_compare_then_duplicate_and_archive(site):
    driver, _, store = site
    _retitle(driver, "Compared title")
    click(driver, ids.SAVE)
    _status(driver, ids.SAVE_STATUS, "Saved as version 2")
    wait_until(driver, lambda d: "v2" in text_of(d, ids.HISTORY))
    click(driver, ids.COMPARE)
    shown = _status(driver, ids.COMPARE_RESULT, "from v1 to v2")
    assert "Compared title" in shown
    wait_until(driver, lambda d: len(d.find_elements("css selector", ".compare-image")) == 2)

    click(driver, ids.DUPLICATE)
    _status(driver, ids.SAVE_STATUS, "Duplicated as a new notice")
    wait_until(driver, lambda d: len(store.list()) == 2)
    click(driver, ids.ARCHIVE)
    _status(driver, ids.ARCHIVED_NOTE, "saving is refused")
    wait_until(driver, lambda d: d.find_element("id", ids.UNARCHIVE).is_displayed())
    click(driver, ids.SAVE)
    _status(driver, ids.SAVE_STATUS, "This notice is archived")
    assert len(store.list()) == 1 and len(store.list(include_archived=True)) == 2
    click(driver, ids.UNARCHIVE)
    wait_until(driver, lambda d: not text_of(d, ids.ARCHIVED_NOTE))
    assert len(store.list()) == 2
