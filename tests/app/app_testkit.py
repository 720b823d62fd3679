"""A fresh SQLite store seeded with the sample, the app over it, and callback requests as the
page posts them."""

from __future__ import annotations

import json

import pytest

from notice_builder.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'notices.db'}")
    s.seed_examples()
    yield s
    s.close()


@pytest.fixture
def app(store, monkeypatch):
    monkeypatch.setenv("DASH_SECRET_KEY", "test-secret")
    from notice_builder.app import create_app

    return create_app(store)


def request(app, output_id: str, inputs: dict, states: dict) -> dict:
    """The body the page posts when `inputs` change, for the callback writing `output_id`."""
    [key] = [k for k in app.callback_map if f"{output_id}." in k]
    spec = app.callback_map[key]
    outputs = [
        {"id": part.split(".")[0], "property": part.split(".", 1)[1]}
        for part in key.strip(".").split("...")
    ]
    return {
        "output": key,
        "outputs": outputs,
        "inputs": [{**i, "value": inputs.get(i["id"])} for i in spec["inputs"]],
        "state": [{**s, "value": states[s["id"]]} for s in spec["state"]],
        "changedPropIds": [f"{next(iter(inputs))}.{spec['inputs'][0]['property']}"],
    }


def post(app, body: dict):
    return app.server.test_client().post(
        "/_dash-update-component", data=json.dumps(body), content_type="application/json"
    )
