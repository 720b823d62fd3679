"""The brand kit's plain functions: colour checks, logo uploads, branded preview and download."""

from __future__ import annotations

import base64
import io

import app_testkit
from app_testkit import sample_notice
from PIL import Image

from notice_builder.app.callbacks import brand, preview
from notice_builder.render.logo import MAX_BYTES
from tests.english_left import english_left

store = app_testkit.store


def _colours(src: str) -> set[tuple[int, int, int]]:
    """Every colour of a PNG preview (data URI)."""
    head, _, data = src.partition(",")
    assert head == "data:image/png;base64"
    image = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
    return {colour for _, colour in image.getcolors(maxcolors=1 << 20)}


def _png(size=(64, 32), colour=(200, 30, 30, 255)) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGBA", size, colour)
    image.save(out, "PNG", pnginfo=_comment())
    return out.getvalue()


def _comment():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "gps: 51.5, -0.1")
    return info


def _upload(data: bytes, media: str = "image/png") -> str:
    return f"data:{media};base64," + base64.b64encode(data).decode("ascii")


def test_a_passing_colour_shows_its_ratios():
    checked = brand.brand_check("#0f5e7a", "", "light")
    assert checked.ok and checked.suggestions == {}
    [line] = checked.messages
    assert line.startswith("Primary colour #0f5e7a: 6.8:1 on the background, 7.2:1 on cards")
    assert line.endswith("; passes (needs 3:1).")


def test_a_failing_colour_gives_the_corrected_suggestion():
    checked = brand.brand_check("#FFCC00", None, "light")
    assert not checked.ok
    assert checked.suggestions == {"primary": "#aa8700"}
    assert any("does not pass" in m for m in checked.messages)
    assert any("uses #aa8700 instead, darkened to pass" in m for m in checked.messages)
    # The suggestion itself passes.
    assert brand.brand_check(checked.suggestions["primary"], None, "light").ok


def test_invalid_colour_text_is_a_message_not_a_crash():
    checked = brand.brand_check("#12", "banana", "no-such-theme")
    assert not checked.ok and checked.suggestions == {}
    assert len(checked.messages) == 2
    assert "'banana' is not a colour" in checked.messages[1]
    assert checked.messages[1].startswith("Accent colour:")
    # An invalid colour is left out of the drawing: the theme's own is used.
    assert brand.branded("light", {"primary": "banana"}) == ("light", None)


def test_png_logo_is_accepted_and_reencoded():
    original = _png()
    encoded, message = brand.accept_logo(_upload(original), "C:\\logos\\acme.png")
    assert encoded is not None and "acme.png added" in message and "64×32" in message
    cleaned = base64.b64decode(encoded)
    assert cleaned[:8] == b"\x89PNG\r\n\x1a\n" and cleaned != original
    assert b"gps" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (64, 32) and image.mode == "RGBA"


def test_files_are_taken_by_content_not_by_name():
    encoded, message = brand.accept_logo(
        _upload(b"<html><body onload=alert(1)></body></html>"), "logo.png"
    )
    assert encoded is None
    assert "unsupported file type: use a PNG, JPEG or SVG logo" in message
    # An SVG named .png is still an SVG: cleaned (no script), drawn once, kept as a PNG.
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">'
        b'<script>alert(1)</script><rect width="40" height="20" fill="#123456"/></svg>'
    )
    encoded, _ = brand.accept_logo(_upload(svg), "logo.png")
    cleaned = base64.b64decode(encoded)
    assert cleaned[:8] == b"\x89PNG\r\n\x1a\n" and b"alert" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (1024, 512)


def test_oversized_upload_is_refused_before_decoding(monkeypatch):
    def no_decoding(*_a, **_k):  # pragma: no cover - must not run
        raise AssertionError("decoded an oversized upload")

    monkeypatch.setattr(brand.base64, "b64decode", no_decoding)
    encoded_len = (MAX_BYTES + 3) * 4 // 3 + 4
    encoded, message = brand.accept_logo("data:image/png;base64," + "A" * encoded_len, "big.png")
    assert encoded is None and "the limit is 5 MB" in message


def test_not_a_data_url_is_refused():
    assert brand.accept_logo(None, None)[0] is None
    assert brand.accept_logo("data:image/png,notbase64", "x.png")[0] is None
    assert brand.accept_logo("data:image/png;base64,@@@@", "x.png")[0] is None


def test_branded_preview_has_the_logo_and_the_corrected_colour(store):
    text = sample_notice(store).text
    logo, _ = brand.accept_logo(_upload(_png()), "acme.png")
    kit = {"primary": "#ffcc00", "accent": "", "logo": logo}
    shown = _colours(preview.preview(text, "at-a-glance", "light", "en", kit).src)
    logo_red, corrected, asked = (200, 30, 30), (0xAA, 0x87, 0x00), (0xFF, 0xCC, 0x00)
    assert logo_red in shown and corrected in shown and asked not in shown
    plain = _colours(preview.preview(text, "at-a-glance", "light", "en").src)
    assert logo_red not in plain and corrected not in plain


def test_a_tampered_store_logo_is_dropped(store):
    text = sample_notice(store).text
    kit = {"logo": base64.b64encode(b"<svg/>").decode("ascii")}
    shown = preview.preview(text, "at-a-glance", "light", "en", kit)
    assert shown.src == preview.preview(text, "at-a-glance", "light", "en").src


def test_branded_download(store):
    text = sample_notice(store).text
    logo, _ = brand.accept_logo(_upload(_png()), "acme.png")
    kit = {"primary": "#ffcc00", "logo": logo}
    result = preview.download(text, "at-a-glance", "light", "en", "original", "svg", kit)
    svg = base64.b64decode(result.file["content"]).decode("utf-8")
    assert "<image" in svg and "#aa8700" in svg.lower()


# --- in Arabic ------------------------------------------------------------------------------


def test_brand_kit_speaks_arabic():
    from notice_builder.app import language
    from notice_builder.i18n import FSI, PDI

    with language.using("ar"):
        passing = brand.brand_check("#0f5e7a", None, "light")
        failing = brand.brand_check("#FFCC00", "banana", "light")
        grey = brand.brand_check("#ffcc00", None, "print")
        refusals = [
            brand.accept_logo(None, "acme.png")[1],
            brand.accept_logo("data:image/png,x", "acme.png")[1],
            brand.accept_logo(_upload(b"<html></html>"), "acme.png")[1],
            brand.accept_logo(_upload(_png((200, 20))), "acme.png")[1],
        ]
        added = brand.accept_logo(_upload(_png()), "acme.png")[1]
    assert passing.messages[0].startswith(f"{FSI}اللون الأساسي{PDI} {FSI}#0f5e7a{PDI}: ")
    assert "مقبول" in passing.messages[0] and "على الخلفية" in passing.messages[0]
    assert failing.suggestions == {"primary": "#aa8700"}  # the same fix in any language
    assert any("غير مقبول" in m for m in failing.messages)
    assert any("أغمق" in m and "#aa8700" in m for m in failing.messages)
    assert any("الرمادي" in m for m in grey.messages)
    assert "نوع الملف غير مدعوم" in refusals[2]
    assert "ولا يجوز أن يزيد عرضه على" in refusals[3]
    assert all(r.startswith("لم يُستخدَم الشعار") for r in refusals)
    assert added.startswith("أُضيف الشعار")
    said = passing.messages + failing.messages + grey.messages + refusals + [added]
    # The colour hint names its notation: #rrggbb, rgb(…).
    assert english_left("\n".join(said), {"rrggbb", "rgb"}, sentences=False) == []
