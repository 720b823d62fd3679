"""A fresh SQLite store seeded with the sample, the app over it, callback requests as the page
posts them, and ways to look into a component tree without a browser."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from notice_builder.app import ids
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

    def parts(key: str) -> list[str]:  # "..a.children...b.data.." or "a.children"
        return key.strip(".").split("...")

    [key] = [k for k in app.callback_map if output_id in {p.split(".")[0] for p in parts(k)}]
    spec = app.callback_map[key]
    outputs = [{"id": p.split(".")[0], "property": p.split(".", 1)[1]} for p in parts(key)]
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


def sample_notice(store):
    """The store's one notice: the seeded sample."""
    [info] = store.list()
    return store.get(info.id)


def sample_text(store) -> str:
    """The YAML of the store's first notice (the seeded sample)."""
    return store.get(store.list()[0].id).text


# --- component trees ------------------------------------------------------------------------


def walk(component) -> Iterator:
    """`component` and every component below it, depth first."""
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if hasattr(child, "to_plotly_json"):
            yield from walk(child)


def by_id(tree) -> dict:
    """The components of `tree` by id; a pattern id under its JSON, keys sorted (`form_id`)."""
    return {
        json.dumps(c.id, sort_keys=True) if isinstance(c.id, dict) else c.id: c
        for c in walk(tree)
        if getattr(c, "id", None) is not None
    }


def form_id(path: str, locale: str = "", kind: str = ids.FORM_VALUE) -> str:
    """The key `by_id` files a form field under: its pattern id as JSON."""
    return json.dumps({"type": kind, "path": path, "locale": locale}, sort_keys=True)


def children_text(tree) -> str:
    """The words a component shows: its string (and number) children, all the way down."""
    found = []
    for c in walk(tree):
        children = getattr(c, "children", None)
        for child in children if isinstance(children, list | tuple) else [children]:
            if isinstance(child, str | int):
                found.append(str(child))
    return " ".join(found)
