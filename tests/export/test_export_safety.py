"""Export safety (bad-inputs rows 25, 37, 39 and the size caps): the rasteriser opens no
connection and reads no file; a failed export leaves no partial file; email pictures stay solid
unless asked; a picture too tall for a preset is refused, not drawn."""

from __future__ import annotations

import base64
import copy
import io
import os
import socket
import socketserver
import threading
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from notice_builder.export import ExportError, Options, export, formats, rasterize, write_export
from notice_builder.export.bundle import make_bundle, write_bundle
from notice_builder.model import PrivacyNotice

# --- a listener that counts who knocks ------------------------------------------------------


class _Counter(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        with self.server.lock:  # type: ignore[attr-defined]
            self.server.connections += 1  # type: ignore[attr-defined]
        # Answer nothing and hang up, so a client that did connect fails fast instead of waiting.


@pytest.fixture
def listener():
    """A TCP server on 127.0.0.1 (ephemeral port) counting connections, in a thread."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Counter)
    server.daemon_threads = True
    server.connections = 0  # type: ignore[attr-defined]
    server.lock = threading.Lock()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        # The listener itself works: one probe connection is counted, then the count restarts.
        with socket.create_connection(server.server_address, timeout=2):
            pass
        deadline = time.monotonic() + 2
        while server.connections == 0 and time.monotonic() < deadline:  # type: ignore[attr-defined]
            time.sleep(0.01)
        assert server.connections == 1  # type: ignore[attr-defined]
        server.connections = 0  # type: ignore[attr-defined]
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _svg(body: str, size: int = 40) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{size}" height="{size}" viewBox="0 0 {size} {size}">'
        f'<rect width="{size}" height="{size}" fill="#ffffff"/>{body}</svg>'
    )


def _hostile(base: str) -> dict[str, str]:
    """Every way an SVG can point outside itself (bad-inputs row 25), at `base`."""
    return {
        "image href": f'<image href="{base}/x.png" width="40" height="40"/>',
        "image xlink:href": f'<image xlink:href="{base}/x.png" width="40" height="40"/>',
        "image svg": f'<image href="{base}/x.svg" width="40" height="40"/>',
        "use": f'<use href="{base}/x.svg#a"/>',
        "style @import": f'<style>@import url("{base}/x.css");</style>',
        "style url()": f"<style>rect {{ fill: url({base}/p.svg#g) }}</style>",
        "feImage": (
            f'<filter id="f"><feImage href="{base}/x.png"/></filter>'
            '<rect width="40" height="40" filter="url(#f)"/>'
        ),
        "font-face-uri": (
            '<font-face font-family="X"><font-face-src>'
            f'<font-face-uri href="{base}/f.svg"/></font-face-src></font-face>'
            '<text font-family="X" y="20">a</text>'
        ),
        "fill url": f'<rect width="40" height="40" fill="url({base}/p.svg#g)"/>',
        "tref": f'<text x="1" y="20"><tref href="{base}/t.svg#a"/></text>',
    }


KINDS = ["png", "image", "pdf"]


def _convert(kind: str, svg: str) -> bytes | None:
    """The rasteriser's output, or None when it refused the picture (today: `BlockedResource`
    from the fetcher). Any failure counts as a refusal here; what matters is what was reached."""
    try:
        if kind == "png":
            return rasterize.svg_to_png(svg, width=40)
        if kind == "image":  # what the PNG exporter uses: pixels straight into Pillow
            out = io.BytesIO()
            rasterize.svg_to_image(svg, width=40).save(out, "PNG")
            return out.getvalue()
        return rasterize.svg_to_pdf(svg, width=30, height=30)
    except Exception:
        return None


@pytest.fixture
def fetched(monkeypatch):
    """Every URL the rasteriser asked its fetcher for (each one still refused)."""
    asked: list[str] = []
    deny = rasterize.deny_external

    def recording(url: str, resource_type: str | None = None) -> bytes:
        asked.append(url)
        return deny(url, resource_type)

    monkeypatch.setattr(rasterize, "deny_external", recording)
    # A fetch that got past the fetcher would time out here instead of hanging the run.
    before = socket.getdefaulttimeout()
    socket.setdefaulttimeout(3.0)
    yield asked
    socket.setdefaulttimeout(before)


@pytest.mark.parametrize("kind", KINDS)
def test_no_connection_to_a_listener_on_localhost(listener, fetched, kind):
    host, port = listener.server_address
    started = time.monotonic()
    for name, body in _hostile(f"http://{host}:{port}").items():
        out = _convert(kind, _svg(body))
        assert out is None or out.startswith(b"%PDF" if kind == "pdf" else b"\x89PNG"), name
    time.sleep(0.2)  # let a late connection land before counting
    assert listener.connections == 0
    assert time.monotonic() - started < 20
    # The references were really there to follow: cairosvg asked for them and was refused.
    assert any(url.startswith(f"http://{host}:{port}/") for url in fetched)


def _pdf_text(pdf: bytes) -> str:
    """A PDF's words and its raw streams, inflated, to search for leaked content."""
    reader = PdfReader(io.BytesIO(pdf))
    text = [page.extract_text() or "" for page in reader.pages]
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            text.append(contents.get_data().decode("latin-1"))
    return "\n".join(text)


def _local(uri: str) -> dict[str, str]:
    """Every way an SVG can point at a local file `uri` (row 25's `href="file:///…"`)."""
    return {
        "image href": f'<image href="{uri}" width="40" height="40"/>',
        "image xlink:href": f'<image xlink:href="{uri}" width="40" height="40"/>',
        "use": f'<use href="{uri}#r"/>',
        "tref": f'<text x="1" y="20"><tref href="{uri}#a"/></text>',
        "feImage": (
            f'<filter id="f"><feImage href="{uri}"/></filter>'
            '<rect width="40" height="40" filter="url(#f)"/>'
        ),
        "style @import": f'<style>@import url("{uri}");</style>',
        "fill url": f'<rect width="40" height="40" fill="url({uri}#g)"/>',
    }


@pytest.mark.parametrize("kind", KINDS)
def test_no_local_file_is_read(fetched, kind, tmp_path):
    secret = tmp_path / "secret.svg"
    secret.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
        '<text id="a" y="20" font-size="6">QZXW</text>'
        '<rect id="r" width="40" height="40" fill="#f00"/>'
        "</svg>"
    )
    for uri in ("file:///etc/passwd", secret.as_uri()):
        for name, body in _local(uri).items():
            out = _convert(kind, _svg(body))
            if out is None:  # refused outright
                continue
            assert b"root:" not in out and b"QZXW" not in out, name
            if kind == "pdf":
                words = _pdf_text(out)
                assert "root:" not in words and "QZXW" not in words, name
                assert "1 0 0 rg" not in words, name  # the secret's red square
            else:
                # The secret's red square would show.
                image = Image.open(io.BytesIO(out)).convert("RGB")
                assert (255, 0, 0) not in {c for _, c in image.getcolors(1600)}, name
    assert secret.as_uri() in fetched and "file:///etc/passwd" in fetched


def _red_png() -> str:
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), (255, 0, 0)).save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def test_a_data_uri_image_still_renders(fetched):
    svg = _svg(f'<image href="{_red_png()}" x="0" y="0" width="40" height="40"/>')
    png = rasterize.svg_to_png(svg, width=40)
    assert Image.open(io.BytesIO(png)).convert("RGB").getpixel((20, 20)) == (255, 0, 0)
    assert rasterize.svg_to_image(svg, width=40).getpixel((20, 20)) == (255, 0, 0)
    pdf = rasterize.svg_to_pdf(svg, width=30, height=30)
    assert b"/Subtype /Image" in pdf
    assert any(url.startswith("data:image/png") for url in fetched)


# --- a failed export leaves nothing behind ----------------------------------------------------


@pytest.fixture
def notice(notice_data) -> PrivacyNotice:
    return PrivacyNotice.model_validate(notice_data)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _broken_encoder(image, **kwargs):
    """Start encoding, then fail as a full disk or a killed worker would."""
    zlib.compress(image.tobytes()[:1000])
    raise OSError(28, "No space left on device")


def test_an_encoder_failure_writes_nothing(notice, tmp_path, monkeypatch):
    monkeypatch.setattr(formats, "_encode_png", _broken_encoder)
    target = tmp_path / "acme.png"
    with pytest.raises(OSError, match="No space left"):
        write_export(export(notice, layout="email-banner", format="png"), target)
    with pytest.raises(OSError, match="No space left"):
        write_bundle(make_bundle(notice, layouts=["email-banner"], formats=["png"]), tmp_path)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("what", ["picture", "bundle"])
def test_a_write_failing_midway_leaves_no_partial_file(notice, tmp_path, monkeypatch, what):
    """The bytes are in the temporary file when the disk fills: the target keeps its old
    content (or stays absent) and the temporary file is removed."""
    if what == "picture":
        data, write = export(notice, layout="email-banner", format="svg"), write_export
        target = tmp_path / "acme.svg"
    else:
        data = make_bundle(notice, layouts=["email-banner"], formats=["svg"], workers=1)
        write, target = write_bundle, tmp_path / "acme.zip"
    target.write_bytes(b"the earlier version")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ExportError, match="No space left on device"):
        write(data, target)
    assert target.read_bytes() == b"the earlier version"
    assert _leftovers(tmp_path) == [target.name]


def _writable_as_this_user(folder: Path) -> bool:
    probe = folder / "probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return False
    probe.unlink()
    return True


@pytest.mark.parametrize("what", ["picture", "bundle"])
def test_an_unwritable_folder_is_named(notice, tmp_path, what):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if _writable_as_this_user(folder):
            pytest.skip("running as root: chmod does not stop writes (see the missing-folder test)")
        data = (
            export(notice, layout="email-banner", format="svg")
            if what == "picture"
            else make_bundle(notice, layouts=["email-banner"], formats=["svg"], workers=1)
        )
        write = write_export if what == "picture" else write_bundle
        with pytest.raises(ExportError, match=f"cannot write to {folder}: permission denied"):
            write(data, folder / "acme.svg")
        assert _leftovers(folder) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("what", ["picture", "bundle"])
def test_a_permission_error_names_the_folder(notice, tmp_path, monkeypatch, what):
    """What a read-only folder gives, even as root: the temporary file cannot be created."""
    import tempfile

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    if what == "picture":
        data, write = export(notice, layout="email-banner", format="svg"), write_export
    else:
        data = make_bundle(notice, layouts=["email-banner"], formats=["svg"], workers=1)
        write = write_bundle
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(ExportError, match=f"cannot write to {tmp_path}: permission denied"):
        write(data, tmp_path / "acme.out")
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("what", ["picture", "bundle"])
def test_a_missing_folder_is_named_and_not_created(notice, tmp_path, what):
    folder = tmp_path / "no" / "such"
    if what == "picture":
        data, write = export(notice, layout="email-banner", format="svg"), write_export
    else:
        data = make_bundle(notice, layouts=["email-banner"], formats=["svg"], workers=1)
        write = write_bundle
    with pytest.raises(ExportError, match=f"the folder {folder} does not exist"):
        write(data, folder / "acme.svg")
    assert _leftovers(tmp_path) == []


# --- email pictures and dark mode (row 39) ----------------------------------------------------


def test_email_png_is_solid_by_default(notice):
    exported = export(notice, layout="email-banner", preset="email")
    assert exported.warnings == ()
    image = Image.open(io.BytesIO(exported.data))
    assert "transparency" not in image.info
    assert image.convert("RGBA").getextrema()[3] == (255, 255)


def test_transparent_email_png_warns_about_dark_mode(notice):
    exported = export(
        notice, layout="email-banner", preset="email", options=Options(transparent=True)
    )
    assert any("dark mode" in w and "transparent" in w for w in exported.warnings)
    alpha = Image.open(io.BytesIO(exported.data)).convert("RGBA").getextrema()[3]
    assert alpha[0] == 0  # really transparent somewhere


def test_a_transparent_email_bundle_carries_the_warning_per_file(notice):
    bundle = make_bundle(
        notice,
        layouts=["email-banner"],
        formats=["png"],
        preset="email",
        options=Options(transparent=True),
        workers=1,
    )
    assert len(bundle.warnings) == 2
    for warning, locale in zip(bundle.warnings, ("ar", "en"), strict=True):
        assert warning.startswith(f"email-banner/acme-email-banner-{locale}.png: ")
        assert "dark mode" in warning
    assert all(entry["warnings"] for entry in bundle.manifest["files"])


# --- size caps --------------------------------------------------------------------------------


@pytest.fixture
def crowded(notice_data) -> PrivacyNotice:
    """The most data categories a notice may have (200), all in one practice."""
    data = copy.deepcopy(notice_data)
    data["data_categories"] = [
        {
            "id": f"c{i}",
            "label": {"en": f"Category number {i}", "ar": f"الفئة رقم {i}"},
            "kind": "contact.email",
        }
        for i in range(200)
    ]
    data["practices"][0]["data"] = [f"c{i}" for i in range(200)]
    return PrivacyNotice.model_validate(data)


@pytest.fixture
def no_rasterising(monkeypatch):
    """Refusals must come before the expensive part."""

    def fail(*args, **kwargs):
        raise AssertionError("the picture was rasterised before being refused")

    rasterisers = [name for name in vars(formats) if name.startswith("svg_to_")]
    assert rasterisers  # the exporters' names for the rasteriser, whatever they are now
    for name in rasterisers:
        monkeypatch.setattr(formats, name, fail)


def test_200_categories_at_a_glance_is_refused_for_email(crowded, no_rasterising):
    started = time.monotonic()
    with pytest.raises(ExportError) as refused:
        export(crowded, layout="at-a-glance", preset="email")
    message = str(refused.value)
    assert "'email' preset" in message and "60%" in message and "email-banner" in message
    assert time.monotonic() - started < 5


def test_a_picture_too_tall_for_email_is_refused_not_drawn(crowded, no_rasterising):
    """200 categories make the nutrition label about 6,600 px tall: 3,300 px in an email."""
    with pytest.raises(ExportError) as refused:
        export(crowded, layout="nutrition-label", preset="email")
    message = str(refused.value)
    assert "'email' preset" in message and "the limit is 2400 px" in message


def test_a_bundle_names_the_file_a_preset_refuses(crowded, no_rasterising):
    with pytest.raises(ExportError) as refused:
        make_bundle(crowded, layouts=["nutrition-label"], locales=["en"], preset="email")
    message = str(refused.value)
    assert message.startswith("nutrition-label/acme-nutrition-label-en.svg: ")
    assert "the limit is 2400 px" in message
