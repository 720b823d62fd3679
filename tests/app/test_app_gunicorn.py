"""The app as production runs it: `gunicorn "notice_builder.app:server"` with several workers,
one shared secret and one database. Two workers starting at once seed the sample once, and
either of them answers the page and the preview."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import app_testkit
import pytest

from notice_builder.app import ids
from notice_builder.store import Store

pytest.importorskip("gunicorn")

store = app_testkit.store
app = app_testkit.app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as reply:
        return reply.read()


def _post(url: str, body: dict) -> dict:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.loads(reply.read())


@pytest.fixture
def served(tmp_path):
    port = _free_port()
    database = f"sqlite:///{tmp_path / 'notices.db'}"
    env = {
        **os.environ,
        "DASH_SECRET_KEY": "shared-by-every-worker",
        "DATABASE_URL": database,
        "NB_JOBS_DIR": str(tmp_path / "jobs"),
    }
    command = [sys.executable, "-m", "gunicorn", "-w", "2", "-b", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*command, "notice_builder.app:server"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            _get(url + "/")
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(server.stderr.read().decode()[-2000:]) from None
            time.sleep(0.2)
    try:
        yield url, database, server
    finally:
        server.terminate()
        server.wait(timeout=20)


def _workers(server: subprocess.Popen) -> int:
    """How many worker processes the gunicorn master has."""
    children = f"/proc/{server.pid}/task/{server.pid}/children"
    with open(children) as fh:
        return len(fh.read().split())


def test_two_workers_seed_the_sample_once_and_both_answer(served, app, store):
    url, database, server = served
    deadline = time.monotonic() + 30
    while _workers(server) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _workers(server) == 2
    layout = json.loads(_get(url + "/_dash-layout"))
    assert "brewline-rewards" in json.dumps(layout)
    # Eight previews at once: gunicorn's sync workers answer one request at a time each, so the
    # two share them.
    text = app_testkit.sample_text(store)
    bodies = [
        app_testkit.request(
            app,
            ids.PREVIEW_IMAGE,
            {
                ids.EDITOR: text.replace("Brewline Rewards", f"Brewline {i}", 1),
                ids.LAYOUT: "at-a-glance",
                ids.THEME: "light",
                ids.LOCALE: "en",
                ids.BRAND: {},
                ids.PREVIEW_VIEW: {"width": 300, "dpr": 1},
            },
            {ids.LOCALE: []},
        )
        for i in range(8)
    ]
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda b: _post(url + "/_dash-update-component", b), bodies))
    for answer in answers:
        assert answer["response"][ids.PREVIEW_IMAGE]["src"].startswith("data:image/png;base64,")
    # Both workers built the app over one database: the sample is there once.
    shared = Store(database)
    try:
        assert [n.title for n in shared.list()] == ["Brewline Rewards privacy notice"]
    finally:
        shared.close()
