"""Layer 3: the page works from the keyboard: every stop has a name and a visible focus ring."""

from __future__ import annotations

import pytest

from browser_kit import (  # isort: skip
    seeded_site,
    wait_until,
)

from notice_builder.app import ids

pytestmark = pytest.mark.browser
MAX_STOPS = 600  # far more than the page has: a walk that never comes back is a keyboard trap

# The focus ring of a control may be drawn on the control, on a wrapper around it (a field box,
# a drop zone) or on the part beside it people see (a switch's track): look at all of them, and
# count only changes on something visible.
_RINGS = """
const el = arguments[0];
const seen = (e) => {
    const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 2 && r.height > 2 && parseFloat(s.opacity) > 0.1 && s.visibility !== "hidden";
};
const ring = (e) => {
    const s = getComputedStyle(e);
    const outline = s.outlineStyle === "none" || parseFloat(s.outlineWidth) === 0
        ? "none" : [s.outlineStyle, s.outlineWidth, s.outlineColor].join(" ");
    return outline + " | " + s.boxShadow;
};
const parts = [el, el.nextElementSibling];
for (let e = el.parentElement, i = 0; e && i < 3; e = e.parentElement, i++) { parts.push(e); }
return parts.map((e) => (e && seen(e) ? ring(e) : null));
"""

_DESCRIBE = """
const e = arguments[0];
return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + " " + e.outerHTML.slice(0, 120);
"""


@pytest.fixture
def site(tmp_path, monkeypatch):
    with seeded_site(tmp_path, monkeypatch) as (driver, _, store, _):
        yield driver, store


def _tab_walk(driver) -> list[dict]:
    """Press Tab from the top of the page until focus comes back round; what each stop shows."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.execute_script("document.activeElement && document.activeElement.blur()")
    stops: list[dict] = []
    first = None
    for _ in range(MAX_STOPS):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        el = driver.switch_to.active_element
        if el.tag_name.lower() in ("body", "html"):  # focus left the page for the browser's UI
            continue
        if first is not None and el == first:
            return stops
        first = first or el
        focused = driver.execute_script(_RINGS, el)
        driver.execute_script("arguments[0].blur()", el)
        blurred = driver.execute_script(_RINGS, el)
        driver.execute_script("arguments[0].focus()", el)  # carry on from here
        stops.append(
            {
                "what": driver.execute_script(_DESCRIBE, el),
                "id": el.get_attribute("id"),
                "name": (el.accessible_name or "").strip(),
                "ring": any(
                    f is not None and f != b for f, b in zip(focused, blurred, strict=True)
                ),
            }
        )
    raise AssertionError(f"Tab never came back to the first control in {MAX_STOPS} presses")


def test_every_keyboard_stop_has_a_name_and_a_visible_focus(site):
    driver, _ = site
    stops = _tab_walk(driver)
    reached = {stop["id"] for stop in stops}
    # The walk really went through the page (the controls of each section).
    for id in (
        ids.TEMPLATE,
        ids.CREATE,
        ids.SHOW_ARCHIVED,
        ids.SAVE,
        ids.LAYOUT,
        ids.DOWNLOAD_BUTTON,
    ):
        assert id in reached, f"Tab never reached #{id}"
    assert any("import-choose" in stop["what"] for stop in stops)
    assert len(stops) >= 20

    unnamed = [stop["what"] for stop in stops if not stop["name"]]
    no_ring = [stop["what"] for stop in stops if not stop["ring"]]
    assert unnamed == [], "controls without an accessible name"
    assert no_ring == [], "controls whose focus is not visible"


def test_drop_zones_are_one_named_stop_each(site):
    driver, _ = site
    stops = _tab_walk(driver)
    names = [stop["name"] for stop in stops]
    assert "Import a notice: choose a file (at most 5 MB)" in names
    assert "Logo: choose a file (at most 5 MB)" in names
    # The zones' invisible file inputs are not stops of their own.
    assert not [s for s in stops if 'type="file"' in s["what"] and "drop" in s["what"]]
    assert not driver.find_elements(
        "css selector", ".drop-zone input[type=file]:not([tabindex='-1'])"
    )


def test_the_restore_offer_is_reachable_and_named(site):
    from selenium.webdriver.common.keys import Keys

    driver, store = site
    [info] = store.list()
    client = driver.execute_script("return window.localStorage.getItem('notice-builder.client-id')")
    draft = store.get(info.id).text + "\n# typed, then the tab closed\n"
    store.drafts.save(info.id, client, draft, base_version=1)
    driver.refresh()
    banner = wait_until(driver, lambda d: d.find_element("id", ids.DRAFT_BANNER))
    wait_until(driver, lambda d: banner.is_displayed())
    assert banner.accessible_name == "Unsaved edits"
    stops = _tab_walk(driver)
    order = [stop["id"] for stop in stops]
    # The offer comes before the page's other controls, so a keyboard user meets it first.
    assert order.index(ids.DRAFT_RESTORE) < order.index(ids.TEMPLATE)
    assert all(
        s["name"] and s["ring"] for s in stops if s["id"] in (ids.DRAFT_RESTORE, ids.DRAFT_DISCARD)
    )
    restore = driver.find_element("id", ids.DRAFT_RESTORE)
    restore.send_keys(Keys.ENTER)
    wait_until(driver, lambda d: d.find_element("id", ids.EDITOR).get_attribute("value") == draft)
