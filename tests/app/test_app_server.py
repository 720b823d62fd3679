"""The Flask server: configuration and answers to good and bad requests."""

from __future__ import annotations

import json
import logging

import app_testkit
import pytest

from notice_builder.app import ids
from notice_builder.app.factory import MAX_CONTENT_LENGTH

store, app = app_testkit.store, app_testkit.app


def test_config(app):
    cfg = app.server.config
    assert cfg["SECRET_KEY"] == "test-secret"
    assert cfg["MAX_CONTENT_LENGTH"] == MAX_CONTENT_LENGTH == 7 * 1024 * 1024
    assert app.config.serve_locally is True
    assert app.config.assets_folder.replace("\\", "/").endswith("assets/app")
    assert not app.server.debug


def test_random_secret_in_development_with_a_warning(store, monkeypatch, caplog):
    monkeypatch.delenv("DASH_SECRET_KEY", raising=False)
    from notice_builder.app import create_app

    with caplog.at_level(logging.WARNING):
        a, b = create_app(store), create_app(store)
    assert a.server.config["SECRET_KEY"] != b.server.config["SECRET_KEY"]
    assert "DASH_SECRET_KEY" in caplog.text


def test_index_and_layout(app):
    client = app.server.test_client()
    page = client.get("/")
    assert page.status_code == 200 and b"Notice builder" in page.data
    assert b"https://" not in page.data.split(b"<body")[0]  # no CDN scripts or styles
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200 and ids.EDITOR.encode() in layout.data


def _update(client, body):
    return client.post(
        "/_dash-update-component", data=json.dumps(body), content_type="application/json"
    )


def test_unknown_output_gets_a_short_error_not_a_traceback(app, caplog):
    client = app.server.test_client()
    body = {
        "output": "nope.children",
        "outputs": {"id": "nope", "property": "children"},
        "inputs": [{"id": "nope", "property": "value", "value": 1}],
        "changedPropIds": ["nope.value"],
    }
    with caplog.at_level(logging.ERROR):
        reply = _update(client, body)
    assert 400 <= reply.status_code < 500
    assert b"Traceback" not in reply.data and b"ref " in reply.data


@pytest.mark.parametrize("body", [[1, 2], {"output": 5}, "nonsense"])
def test_malformed_callback_requests_are_refused(app, body):
    reply = _update(app.server.test_client(), body)
    assert 400 <= reply.status_code < 500 and b"Traceback" not in reply.data


def test_wrong_types_in_a_real_callback(app):
    body = {
        "output": f"..{ids.PROBLEMS}.children...{ids.FINDINGS}.children...{ids.LOCALE}.data..."
        f"{ids.LOCALE}.value..",
        "outputs": [
            {"id": ids.PROBLEMS, "property": "children"},
            {"id": ids.FINDINGS, "property": "children"},
            {"id": ids.LOCALE, "property": "data"},
            {"id": ids.LOCALE, "property": "value"},
        ],
        "inputs": [{"id": ids.EDITOR, "property": "value", "value": {"not": "text"}}],
        "state": [{"id": ids.LOCALE, "property": "value", "value": ["x"]}],
        "changedPropIds": [f"{ids.EDITOR}.value"],
    }
    reply = _update(app.server.test_client(), body)
    assert reply.status_code < 500 and b"Traceback" not in reply.data


def test_callback_exception_shows_a_reference(app, monkeypatch, caplog):
    from notice_builder.app.callbacks import editor

    def boom(*a, **k):
        raise RuntimeError("secret detail")

    monkeypatch.setattr(editor, "check_text", boom)
    body = app_testkit.request(
        app, ids.PROBLEMS, {ids.PREVIEW_SETTLED: 1}, {ids.EDITOR: "id: x", ids.CHECKED: None}
    )
    with caplog.at_level(logging.ERROR):
        reply = _update(app.server.test_client(), body)
    assert reply.status_code < 500
    assert b"Something went wrong (ref " in reply.data
    assert b"secret detail" not in reply.data and b"Traceback" not in reply.data
    assert "secret detail" in caplog.text  # the details go to the log


def test_too_large_request_is_refused(app):
    reply = app.server.test_client().post(
        "/_dash-update-component",
        data=b"x" * (MAX_CONTENT_LENGTH + 1),
        content_type="application/json",
    )
    assert reply.status_code == 413
