"""SVG logos: drawn once from an allowlist; scripts, handlers and outside references never survive."""

from __future__ import annotations

import io
import socket
import threading

import pytest
from PIL import Image

from notice_builder.render.logo import LogoError, prepare_logo
from notice_builder.render.logo_svg import MAX_SVG_BYTES, sanitise_svg

LOGO = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 200 100" onload="alert(1)">
  <style>.brand { fill: #7a2e8e; }</style>
  <script>window.__pwned = 1</script>
  <defs><rect id="box" width="100" height="100"/></defs>
  <use xlink:href="#box" class="brand"/>
  <circle cx="150" cy="50" r="40" fill="#e6a100" onclick="steal()"/>
  <foreignObject width="10" height="10"><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject>
</svg>"""


def _image(logo) -> Image.Image:
    return Image.open(io.BytesIO(logo.png)).convert("RGBA")


def test_an_svg_logo_is_drawn_once_at_full_size_with_its_shapes_and_styles():
    logo = prepare_logo(LOGO)
    assert (logo.width, logo.height) == (1024, 512)  # the longest side at 1024 px
    image = _image(logo)
    assert image.getpixel((256, 256))[:3] == (0x7A, 0x2E, 0x8E)  # the <use>d box, styled by class
    assert image.getpixel((768, 256))[:3] == (0xE6, 0xA1, 0x00)  # the circle
    assert image.getpixel((1020, 10))[3] == 0  # outside the shapes stays transparent


def test_scripts_handlers_and_foreign_content_are_dropped():
    clean = sanitise_svg(LOGO)
    text = __import__("xml.etree.ElementTree", fromlist=["tostring"]).tostring(clean).decode()
    for bad in ("script", "onload", "onclick", "foreignObject", "__pwned", "xhtml"):
        assert bad not in text
    assert "#box" in text and ".brand" in text


@pytest.fixture
def listener():
    """A TCP listener on 127.0.0.1 that records whether anyone connected."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.5)
    hits: list[bool] = []

    def accept() -> None:
        try:
            conn, _ = server.accept()
            hits.append(True)
            conn.close()
        except OSError:
            pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    thread.join(1)
    server.close()


def test_outside_references_are_removed_and_nothing_is_fetched(listener, tmp_path):
    port, hits = listener
    secret = tmp_path / "secret.png"
    Image.new("RGB", (20, 20), "red").save(secret)
    svg = f"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
        viewBox="0 0 100 100">
      <style>@import url(http://127.0.0.1:{port}/a.css); rect {{ fill: url(http://127.0.0.1:{port}/p) }}</style>
      <image xlink:href="file://{secret}" width="100" height="100"/>
      <use xlink:href="http://127.0.0.1:{port}/x.svg#a"/>
      <rect width="50" height="50" fill="url(http://127.0.0.1:{port}/g)" filter="url(#f)"/>
    </svg>""".encode()
    logo = prepare_logo(svg)
    assert hits == []
    image = _image(logo)
    assert image.getpixel((900, 900))[3] == 0  # the file image was never drawn
    text = __import__("xml.etree.ElementTree", fromlist=["tostring"]).tostring(sanitise_svg(svg))
    assert b"127.0.0.1" not in text and b"file:" not in text


@pytest.mark.parametrize(
    "data, message",
    [
        (b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg"/>',
         "DOCTYPE or entities"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect', "not well-formed XML"),
        (b"<?xml version='1.0'?><html/>", "root element is not <svg>"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="5" height="5"/></svg>', "needs a viewBox"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 a b"/>', "is not four numbers"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0 10"/>', "must be above 0"),
    ],
)  # fmt: skip
def test_bad_svg_logos_are_refused_with_the_reason(data, message):
    with pytest.raises(LogoError, match=message):
        prepare_logo(data)


def test_an_oversized_svg_names_the_limit():
    body = b"<!-- " + b"x" * MAX_SVG_BYTES + b" -->"
    with pytest.raises(LogoError, match=r"the limit is 1024 KB"):
        prepare_logo(
            b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">' + body + b"</svg>"
        )
