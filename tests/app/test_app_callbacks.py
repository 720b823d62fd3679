"""Layer 2: the callbacks' logic as plain functions, against a real SQLite store."""

from __future__ import annotations

import base64
import io
import xml.etree.ElementTree as ET

import app_testkit
from app_testkit import sample_notice
from PIL import Image

from notice_builder.app.callbacks import editor, preview
from notice_builder.app.layout import build_layout
from notice_builder.io import loads_notice
from notice_builder.layout import render

store = app_testkit.store


def _png_of(src: str) -> Image.Image:
    head, _, data = src.partition(",")
    assert head == "data:image/png;base64"
    return Image.open(io.BytesIO(base64.b64decode(data)))


def test_valid_text_gives_a_preview_image(store):
    draft = sample_notice(store)
    shown = preview.preview(draft.text, "at-a-glance", "light", "en")
    image = _png_of(shown.src)
    assert image.width == shown.width == 1200 and image.height > 600
    assert "Brewline Rewards privacy notice" in shown.description
    assert shown.direction == "ltr" and shown.alt and shown.message == ""


def test_arabic_preview_is_right_to_left(store):
    shown = preview.preview(sample_notice(store).text, "at-a-glance", "light", "ar")
    assert shown.direction == "rtl" and shown.src


def test_unknown_locale_falls_back_to_the_default(store):
    shown = preview.preview(sample_notice(store).text, None, None, "fr")
    assert shown.src and shown.direction == "ltr"


def test_invalid_yaml_lists_problems_with_lines_and_saves_nothing(store):
    draft = sample_notice(store)
    broken = draft.text.replace("id: brewline-rewards", "id: [brewline", 1)
    checked = editor.check_text(broken)
    assert checked.notice is None and checked.problems
    assert all(p["line"] for p in checked.problems)
    assert preview.preview(broken, None, None, "en").src is None
    result = editor.save(store, {"id": draft.id, "version": 1}, broken, "broken")
    assert result.kind == "invalid" and result.problems[0]["line"]
    assert store.get(draft.id).version == 1 and store.get(draft.id).text == draft.text


def test_invalid_field_names_the_field_and_line(store):
    text = sample_notice(store).text.replace("default_locale: en", "default_locale: 42", 1)
    [problem] = editor.check_text(text).problems
    assert problem["path"] == "default_locale" and problem["line"] == 11


def test_valid_text_lists_findings(store):
    checked = editor.check_text(sample_notice(store).text)
    assert checked.problems == [] and checked.locales == ["en", "ar"]
    assert {"severity", "path", "message", "reference"} <= set(checked.findings[0])


def test_save_makes_a_new_version(store):
    draft = sample_notice(store)
    edited = draft.text.replace("Brewline Rewards privacy notice", "Brewline privacy", 1)
    result = editor.save(store, {"id": draft.id, "version": 1}, edited, "Shorter title")
    assert result.ok and result.current == {"id": draft.id, "version": 2}
    assert store.get(draft.id).text == edited


def test_conflict_keeps_the_text_and_offers_a_copy(store):
    draft = sample_notice(store)
    theirs = draft.text.replace("Brewline Rewards privacy notice", "Theirs", 1)
    store.save(draft.id, theirs, expected_version=1, author="someone")
    mine = draft.text.replace("Brewline Rewards privacy notice", "Mine", 1)
    result = editor.save(store, {"id": draft.id, "version": 1}, mine, "mine")
    assert result.kind == "conflict" and "changed since you opened it" in result.message
    assert result.text is None  # the callback leaves the editor (the person's text) alone
    assert result.current == {"id": draft.id, "version": 1}
    assert store.get(draft.id).text == theirs
    copy = editor.save_as_copy(store, result.current, mine)
    assert copy.ok and copy.current["id"] != draft.id
    assert store.get(copy.current["id"]).text == mine


def test_restore_brings_back_an_old_text(store):
    draft = sample_notice(store)
    edited = draft.text.replace("Brewline Rewards privacy notice", "Edited", 1)
    store.save(draft.id, edited, expected_version=1, author="a")
    result = editor.restore(store, {"id": draft.id, "version": 2}, 1)
    assert result.ok and result.current["version"] == 3 and result.text == draft.text


def test_new_from_templates(store):
    sample = editor.create(store, "coffee-shop")
    blank = editor.create(store, None)
    assert sample.ok and blank.ok and blank.text == editor.BLANK_NOTICE
    assert len(store.list()) == 3


def test_script_in_a_title_is_escaped_never_markup(store):
    draft = sample_notice(store)
    evil = '<script>alert(1)</script><img src=x onerror=alert(2)> & "q"'
    text = draft.text.replace("en: Brewline Rewards privacy notice", f"en: '{evil}'", 1)
    shown = preview.preview(text, "at-a-glance", "light", "en")
    _png_of(shown.src)  # a picture: nothing in it can run
    assert evil in shown.description  # the words, as text for a component's children
    # The SVG form (the exports') escapes it: still valid XML, no script element.
    svg = render(loads_notice(text), "at-a-glance", "light", "en").svg(outlined=False)
    root = ET.fromstring(svg)
    assert "<script" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg
    assert not any(el.tag.endswith("script") for el in root.iter())
    # The editor and lists show it as text: a component's children, never HTML.
    store.save(draft.id, text, expected_version=1, author="a")
    page = repr(build_layout(store).to_plotly_json())
    assert "dangerously" not in page


def test_download_png_svg_pdf(store):
    text = sample_notice(store).text
    for fmt, magic in (("png", b"\x89PNG\r\n\x1a\n"), ("svg", b"<svg"), ("pdf", b"%PDF")):
        result = preview.download(text, "at-a-glance", "light", "en", "original", fmt)
        data = base64.b64decode(result.file["content"])
        assert data.startswith(magic), fmt
        assert result.file["filename"] == f"brewline-rewards-at-a-glance-en.{fmt}"


def test_download_of_invalid_text_explains(store):
    result = preview.download("id: [", None, None, None, None, "png")
    assert result.file is None and "Fix the problems" in result.message
