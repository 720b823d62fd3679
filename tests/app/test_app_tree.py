"""Layer 1: the component tree, built without a browser."""

from __future__ import annotations

import json
import subprocess
import sys

import app_testkit
import pytest
from app_testkit import by_id
from dash import dcc, html

from notice_builder.app import ids
from notice_builder.app.layout import build_layout

store = app_testkit.store


# The form's pattern id types (each field, list button, grid cell, section, finding link).
FORM_PATTERNS = (
    "FORM_VALUE",
    "FORM_CHECK",
    "FORM_ADD",
    "FORM_REMOVE",
    "FORM_CELL",
    "FORM_PANEL",
    "FINDING_LINK",
)


def test_every_static_id_is_in_the_page(store):
    found = by_id(build_layout(store))
    static = [
        v
        for k, v in vars(ids).items()
        if k.isupper()
        and k not in ("OPEN_NOTICE", "RESTORE", "BRAND_USE", "GALLERY_ITEM", *FORM_PATTERNS)
    ]
    missing = [i for i in static if i not in found]
    assert missing == []


def test_inputs_have_labels(store):
    found = by_id(build_layout(store))
    for name in (
        ids.EDITOR,
        ids.SAVE_MESSAGE,
        ids.LAYOUT,
        ids.THEME,
        ids.LOCALE,
        ids.FORMAT,
        ids.PRESET,
    ):
        assert getattr(found[name], "label", None), f"{name} has no label"


def test_the_sample_is_listed_and_open(store):
    [info] = store.list()
    found = by_id(build_layout(store))
    assert json.dumps({"id": info.id, "type": ids.OPEN_NOTICE}, sort_keys=True) in found
    assert found[ids.EDITOR].value == store.get(info.id).text  # the exact saved text
    assert found[ids.CURRENT].data == {"id": info.id, "version": 1}
    assert isinstance(found[ids.DOWNLOAD], dcc.Download)
    assert isinstance(found[ids.PREVIEW_IMAGE], html.Img)


def test_locale_picker_offers_the_notices_locales(store):
    found = by_id(build_layout(store))
    assert [o["value"] for o in found[ids.LOCALE].data] == ["en", "ar"]


def test_empty_store_gives_an_empty_editor(tmp_path):
    from notice_builder.store import Store

    with Store(f"sqlite:///{tmp_path / 'empty.db'}") as empty:
        found = by_id(build_layout(empty))
    assert found[ids.EDITOR].value == "" and found[ids.CURRENT].data is None


def test_importing_the_app_starts_nothing():
    code = (
        "import sys, notice_builder.app as a; "
        "assert a._server is None; "
        "assert 'selenium' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr


def test_core_imports_without_dash():
    code = (
        "import sys; sys.modules['dash'] = None; "
        "import notice_builder.store, notice_builder.export, notice_builder.layout; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr


@pytest.mark.parametrize("name", ["OPEN_NOTICE", "RESTORE"])
def test_pattern_ids_are_strings(name):
    assert isinstance(getattr(ids, name), str)


@pytest.mark.parametrize("kind", ["saved", "invalid", "conflict", "error"])
def test_status_messages_build(kind):
    from notice_builder.app import views

    tree = views.status(kind, "A message <b>not bold</b>")
    assert tree.role in ("status", "alert")
    assert "A message <b>not bold</b>" in repr(tree.to_plotly_json())  # text, not markup
