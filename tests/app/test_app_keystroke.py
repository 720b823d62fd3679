"""What a keystroke in the editor wakes: the preview first, and everything else only once the new
picture is on screen. Each callback a keystroke starts costs the page's main thread time (Dash
updates every component's view of the page on each step of each callback), so this is what kept
keystroke-to-preview under its target; benchmarks/bench_app.py measures it in Chromium."""

from __future__ import annotations

import json

import app_testkit

from notice_builder.app import forms, ids
from notice_builder.app.layout import locale_options

store = app_testkit.store
app = app_testkit.app


def _inputs(callback: dict) -> set[tuple[str, str]]:
    return {(i["id"], i["property"]) for i in callback["inputs"]}


def _outputs(callback: dict) -> set[str]:
    """The ids a callback writes ("..a.children...b.data.." or "a.children")."""
    return {part.rsplit(".", 1)[0] for part in callback["output"].strip(".").split("...")}


def _writes(callback: dict, output: str) -> bool:
    return output in _outputs(callback)


def test_a_keystroke_wakes_only_the_preview_and_the_form_that_follows_the_yaml(app):
    woken = [c for c in app._callback_list if (ids.EDITOR, "value") in _inputs(c)]
    # The form follows the YAML only while its tab is shown (it answers nothing otherwise).
    kinds = sorted(
        "preview"
        if _writes(c, ids.PREVIEW_IMAGE)
        else "form"
        if _writes(c, ids.FORM)
        else c["output"]
        for c in woken
    )
    assert kinds == ["form", "preview"]


def test_work_that_follows_an_edit_waits_for_the_preview_on_screen(app):
    followers = {
        ids.PROBLEMS: "checks",
        ids.STORE_FORMAT_LOSSES: "store-label losses",
        ids.GALLERY_GRID: "gallery",
        ids.CHART_GRAPH: "chart",
    }
    for output, name in followers.items():
        [callback] = [c for c in app._callback_list if _writes(c, output)]
        inputs = _inputs(callback)
        assert (ids.PREVIEW_SETTLED, "data") in inputs, name
        assert not {i for i, _ in inputs} & {ids.EDITOR, ids.PREVIEW_STATUS, ids.PREVIEW_IMAGE}
    # The settled count is written in the browser, after every preview answer.
    [settle] = [c for c in app._callback_list if _writes(c, ids.PREVIEW_SETTLED)]
    assert settle.get("clientside_function") and _inputs(settle) == {
        (ids.PREVIEW_STATUS, "children")
    }


def _preview_request(app, text: str, locale: str, locales: list) -> dict:
    inputs = {
        ids.EDITOR: text,
        ids.LAYOUT: "at-a-glance",
        ids.THEME: "light",
        ids.LOCALE: locale,
        ids.BRAND: {},
        ids.PREVIEW_VIEW: {"width": 300, "dpr": 1},
    }
    return app_testkit.request(app, ids.PREVIEW_IMAGE, inputs, {ids.LOCALE: locales})


def test_an_unchanged_language_list_is_not_sent_again(app, store):
    text = store.get(store.list()[0].id).text
    options = locale_options(["en", "ar"])
    same = json.loads(app_testkit.post(app, _preview_request(app, text, "ar", options)).data)
    answer = same["response"]
    assert answer[ids.PREVIEW_IMAGE]["src"].startswith("data:image/png;base64,")
    # Sending them again would wake the callbacks that follow the language list.
    assert ids.LOCALE not in answer
    # A language the notice does not have: the list and the choice are corrected.
    fixed = app_testkit.post(app, _preview_request(app, text, "fr", options[:1]))
    locale = json.loads(fixed.data)["response"][ids.LOCALE]
    assert locale["value"] == "en"
    assert [o["value"] for o in locale["data"]] == ["en", "ar"]


def test_a_text_already_checked_is_not_checked_again(app, store):
    text = app_testkit.sample_text(store)
    checked = forms.digest(text)
    again = app_testkit.request(
        app, ids.PROBLEMS, {ids.PREVIEW_SETTLED: 2}, {ids.EDITOR: text, ids.CHECKED: checked}
    )
    # The page's first preview, or a theme picked: the findings on screen stay as they are.
    assert app_testkit.post(app, again).status_code == 204
    edited = text.replace("Brewline Rewards privacy notice", "Brewline notice", 1)
    new = app_testkit.request(
        app, ids.PROBLEMS, {ids.PREVIEW_SETTLED: 3}, {ids.EDITOR: edited, ids.CHECKED: checked}
    )
    answer = json.loads(app_testkit.post(app, new).data)["response"]
    assert answer[ids.CHECKED]["data"] == forms.digest(edited) != checked
    assert ids.FINDINGS in answer
