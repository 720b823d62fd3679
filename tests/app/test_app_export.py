"""The preview column's new parts without a browser: PNG preview sizing, the layout gallery and
its cache, the email kit and the bundle (files, manifest, progress, errors)."""

from __future__ import annotations

import base64
import io
import json
import logging
import zipfile

import app_testkit
import pytest
from app_testkit import by_id, sample_text, walk
from PIL import Image

from notice_builder.app import export_panel, gallery, ids
from notice_builder.app.callbacks import export, preview
from notice_builder.layout import layout_names
from tests.english_left import english_left, plain, words

store = app_testkit.store
app = app_testkit.app


# Latin words the preview column's Arabic may show besides the names every part keeps: a paper
# size, a signal's proper name, a language's own name, the colour hint and example addresses.
ALLOWED_LATIN = {"https", "rrggbb", "rgb", "Letter", "Global", "Privacy", "Control", "English"}


def english_words(text: str, *components) -> list[str]:
    """The English words left in `text` and in what `components` show; a sentence passed along
    as an isolated value is still read."""
    shown = "\n".join([text, *map(words, components)])
    return english_left(shown, ALLOWED_LATIN, sentences=False)


def test_the_english_word_finder_finds_english():
    assert english_words("حزمة البريد جاهزة: Email kit ready") == ["Email", "kit", "ready"]
    assert english_words("صُدِّر brewline-rewards-flow-en.png بصيغة PNG، اللون #ffcc00") == []
    assert english_words("المتاح: \u2068svg، png\u2069؛ \u2068email\u2069") == []
    assert english_words("تعذّر: \u2068the picture\u2069") == ["picture", "the"]


def _png(src: str) -> Image.Image:
    head, _, data = src.partition(",")
    assert head == "data:image/png;base64"
    return Image.open(io.BytesIO(base64.b64decode(data)))


def _zip(file: dict) -> zipfile.ZipFile:
    assert file["base64"] and file["type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(base64.b64decode(file["content"])))


# --- preview ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("view", "pixels"),
    [
        (None, 1200),  # nothing reported: the picture's own width (1x)
        ({"width": 600, "dpr": 1}, 600),  # shown 600 CSS px wide on a 1x screen
        ({"width": 600, "dpr": 2}, 1200),
        ({"width": 2000, "dpr": 2}, 2400),  # shown at its own width, at most 2x
        ({"width": 600, "dpr": 3}, 1800),
        ({"width": 600, "dpr": 9}, 600),  # an odd ratio is ignored (1x)
        ({"width": "600", "dpr": True}, 1200),  # so are wrong types from the browser
        ({"width": 2, "dpr": 1}, 1200),
    ],
)
def test_png_preview_has_the_pixels_the_page_needs(view, pixels):
    assert preview.preview_pixels(1200, view) == pixels


def test_png_preview_is_sharp_for_the_box_and_says_what_it_shows(store, monkeypatch):
    monkeypatch.setattr(preview, "PREVIEW_FORMAT", "png")
    shown = preview.preview(
        sample_text(store), "at-a-glance", "light", "en", view={"width": 500, "dpr": 2}
    )
    image = _png(shown.src)
    assert image.width == 1000 and shown.width == 1200
    assert image.height == pytest.approx(1000 * image.height / image.width, abs=1)
    assert "Brewline Rewards privacy notice" in shown.description
    # Not a blank picture: the title bar and the background differ.
    assert len(image.convert("RGB").getcolors(maxcolors=1 << 16) or []) > 16


def test_preview_describes_the_picture_as_text(store):
    evil = "<script>window.__pwned=1</script>"
    text = sample_text(store).replace("en: Brewline Rewards privacy notice", f"en: '{evil}'", 1)
    shown = preview.preview(text, "at-a-glance", "light", "en")
    assert evil in shown.description  # plain text, shown as a component's children
    assert shown.width == 1200


def test_unknown_preview_format_is_refused(store, monkeypatch):
    monkeypatch.setattr(preview, "PREVIEW_FORMAT", "gif")
    with pytest.raises(ValueError, match="known: svg, png"):
        preview.preview(sample_text(store), "at-a-glance", "light", "en")


# --- gallery ------------------------------------------------------------------------------


def test_gallery_has_every_layout_with_a_picture(store):
    gallery.clear_cache()
    thumbs = gallery.thumbnails(sample_text(store), "light", "en")
    assert [t.layout for t in thumbs] == layout_names()
    for thumb in thumbs:
        image = _png(thumb.src)
        assert image.width == gallery.THUMB_PIXELS and thumb.label and not thumb.message


def test_gallery_thumbnails_are_cached_until_the_picture_changes(store, monkeypatch):
    gallery.clear_cache()
    text = sample_text(store)
    drawn = []
    real = gallery._draw
    monkeypatch.setattr(gallery, "_draw", lambda *a: drawn.append(a[1]) or real(*a))
    first = gallery.thumbnails(text, "light", "en")
    assert len(drawn) == len(layout_names())
    again = gallery.thumbnails(text, "light", "en")
    assert again == first and len(drawn) == len(layout_names())  # nothing drawn again
    gallery.thumbnails(text, "dark", "en")  # another theme: every picture changes
    assert len(drawn) == 2 * len(layout_names())
    gallery.thumbnails(text, "light", "en", {"primary": "#aa3300"})  # a brand colour too
    assert len(drawn) == 3 * len(layout_names())
    edited = text.replace("Brewline Rewards privacy notice", "Beanline notice", 1)
    changed = gallery.thumbnails(edited, "light", "en")
    assert changed[0].src != first[0].src


def test_gallery_of_an_invalid_text_is_none(store):
    assert gallery.thumbnails("id: [", "light", "en") is None


def test_gallery_buttons_name_their_layout_and_mark_the_chosen(store):
    thumbs = gallery.thumbnails(sample_text(store), "light", "en")
    buttons = export_panel.gallery_grid(thumbs, "data-flow")
    assert len(buttons) == len(layout_names())
    for button, thumb in zip(buttons, thumbs, strict=True):
        assert button.id == {"type": ids.GALLERY_ITEM, "layout": thumb.layout}
        img = button.children[0]
        assert img.alt == f"{thumb.label} layout"
        pressed = button.to_plotly_json()["props"]["aria-pressed"]
        assert pressed == ("true" if thumb.layout == "data-flow" else "false")


# --- email kit ----------------------------------------------------------------------------


def test_email_kit_snippet_alt_text_and_zip(store):
    result = export.make_email_kit(sample_text(store), "email-banner", "light", "en")
    assert result.kind == "saved", result.message
    assert "<table" in result.html and "<svg" not in result.html.lower()
    assert f'alt="{result.alt}"' in result.html.replace("&#x27;", "'")
    assert 0 < len(result.alt) <= 260 and "Brewline" in result.description
    archive = _zip(result.file)
    names = set(archive.namelist())
    assert names == {"notice-email.png", "email.html", "email.txt", "alt.txt", "description.txt"}
    assert archive.read("email.html").decode() == result.html
    png = Image.open(io.BytesIO(archive.read("notice-email.png")))
    assert png.width == 1200
    assert result.file["filename"] == "brewline-rewards-email-banner-en-email-kit.zip"


def test_email_kit_in_arabic_and_with_a_hosted_image(store):
    url = "https://cdn.example.com/notice.png"
    result = export.make_email_kit(sample_text(store), None, None, "ar", image_url=url)
    assert result.kind == "saved" and f'src="{url}"' in result.html
    assert 'dir="rtl"' in result.html


@pytest.mark.parametrize(
    ("text_change", "url", "expected"),
    [
        (("id: brewline-rewards", "id: [brewline"), None, "Fix the problems in the text"),
        (None, "http://example.com/x.png", "https"),
        (None, "javascript:alert(1)", "https"),
    ],
)
def test_email_kit_refuses_bad_input_with_a_reason(store, text_change, url, expected):
    text = sample_text(store)
    if text_change:
        text = text.replace(*text_change, 1)
    result = export.make_email_kit(text, "email-banner", "light", "en", image_url=url)
    assert result.kind == "error" and expected in result.message and result.file is None


def test_email_kit_failure_shows_a_reference_and_logs(store, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(export, "email_kit", broken)
    with caplog.at_level(logging.ERROR, logger="notice_builder.app"):
        result = export.make_email_kit(sample_text(store), "email-banner", "light", "en")
    assert result.kind == "error" and result.file is None
    assert "ref " in result.message and "disk on fire" not in result.message
    ref = result.message.split("ref ")[1][:8]
    assert any(ref in r.getMessage() and r.exc_info for r in caplog.records)


# --- bundle -------------------------------------------------------------------------------


def test_bundle_zip_manifest_lists_every_file_and_progress_is_reported(store):
    steps = []
    result = export.make_bundle_file(
        sample_text(store),
        ["at-a-glance", "email-banner"],
        ["en", "ar"],
        ["svg", "png"],
        "light",
        "original",
        on_progress=lambda done, total: steps.append((done, total)),
    )
    assert result.kind == "saved", result.message
    assert steps == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert export.progress_text(0, 4) == "Drawing 4 pictures…"
    assert export.progress_text(3, 4) == "3 of 4 pictures drawn"
    assert [export.progress_value(d, 4) for d, _ in steps] == [3, 25, 50, 75, 100]
    archive = _zip(result.file)
    manifest = json.loads(archive.read("manifest.json"))
    listed = sorted(entry["file"] for entry in manifest["files"])
    assert listed == sorted(n for n in archive.namelist() if n != "manifest.json")
    assert len(listed) == result.files == 8
    assert {e["locale"] for e in manifest["files"]} == {"en", "ar"}
    assert result.file["filename"] == "brewline-rewards-bundle.zip"


@pytest.mark.parametrize(
    ("layouts", "locales", "formats", "expected"),
    [
        ([], ["en"], ["png"], "Choose at least one layout"),
        (["at-a-glance"], [], ["png"], "Choose at least one language"),
        (["at-a-glance"], ["en"], [], "Choose at least one format"),
        (["no-such-layout"], ["en"], ["png"], "unknown layout 'no-such-layout' (known: "),
        (["at-a-glance"], ["fr"], ["png"], "unknown locale 'fr'"),
        (["at-a-glance"], ["en"], ["gif"], "unknown format 'gif'"),
        (["at-a-glance"], ["en"], 42, "expected a list of names"),
    ],
)
def test_bundle_bad_choices_are_named(store, layouts, locales, formats, expected):
    result = export.make_bundle_file(sample_text(store), layouts, locales, formats, "light", None)
    assert result.kind == "error" and result.file is None
    assert expected in result.message


def test_bundle_of_too_many_files_is_refused_with_the_limit(store, monkeypatch):
    monkeypatch.setattr(export, "MAX_BUNDLE_FILES", 5)
    result = export.make_bundle_file(sample_text(store), None, None, None, "light", None)
    assert result.kind == "error" and "the limit is 5" in result.message


def test_bundle_failure_shows_a_reference_and_hands_over_nothing(store, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise MemoryError("out of memory in a worker")

    monkeypatch.setattr(export, "make_bundle", broken)
    with caplog.at_level(logging.ERROR, logger="notice_builder.app"):
        result = export.make_bundle_file(sample_text(store), None, ["en"], ["png"], "light", None)
    assert result.kind == "error" and result.file is None
    assert "(ref " in result.message and "nothing was downloaded" in result.message
    assert any(r.exc_info for r in caplog.records)


def test_bundle_of_an_invalid_text_is_refused(store):
    result = export.make_bundle_file("id: [", None, None, None, None, None)
    assert result.kind == "error" and "Fix the problems" in result.message


# --- the app ------------------------------------------------------------------------------


def test_bundle_callback_runs_in_the_background_with_progress_and_cancel(app):
    [bundle] = [c for c in app._callback_list if ids.BUNDLE_DOWNLOAD + ".data" in c["output"]]
    background = app.callback_map[bundle["output"]]["background"]
    assert [o.component_id for o in background["progress"]] == [
        ids.BUNDLE_PROGRESS,
        ids.BUNDLE_PROGRESS_TEXT,
    ]
    assert [i.component_id for i in background["cancel_inputs"]] == [ids.BUNDLE_CANCEL]
    # While it runs: the button is disabled, Cancel and the bar are shown; after: the reverse.
    running = bundle["running"]
    assert running["running"][ids.BUNDLE_BUTTON + ".disabled"] is True
    assert running["runningOff"][ids.BUNDLE_BUTTON + ".disabled"] is False
    assert running["running"][ids.BUNDLE_PROGRESS_BOX + ".style"] == {"display": "block"}


def test_the_page_has_the_gallery_email_kit_and_bundle(store):
    from notice_builder.app.layout import build_layout
    from notice_builder.export import format_names

    found = by_id(build_layout(store))
    assert found[ids.GALLERY].value is None  # closed: no thumbnail is drawn until it is opened
    assert not any(isinstance(getattr(c, "id", None), dict) for c in walk(found[ids.GALLERY_GRID]))
    assert found[ids.EMAIL_COPY].target_id == ids.EMAIL_HTML
    assert found[ids.EMAIL_RESULT].style == {"display": "none"}  # until a kit is made
    for name in (ids.EMAIL_LAYOUT, ids.EMAIL_IMAGE_URL, ids.BUNDLE_LAYOUTS, ids.BUNDLE_LOCALES):
        assert found[name].label, f"{name} has no label"
    assert found[ids.BUNDLE_LAYOUTS].value == layout_names()
    assert found[ids.BUNDLE_LOCALES].value == ["en", "ar"]
    assert found[ids.BUNDLE_FORMATS].value == list(format_names())
    assert found[ids.BUNDLE_CANCEL].style == {"display": "none"}
    image = found[ids.PREVIEW_IMAGE].to_plotly_json()["props"]
    assert image["aria-describedby"] == ids.PREVIEW_TEXT and ids.PREVIEW_TEXT in found


def test_preview_gives_the_language_pickers_choices(store):
    # The picker follows the text from the preview, so the preview never waits for the checks.
    shown = preview.preview(sample_text(store), "at-a-glance", "light", "fr")
    assert shown.locales == ["en", "ar"] and shown.locale == "en"
    assert preview.preview(sample_text(store), None, None, "ar").locale == "ar"
    assert preview.preview("id: [", None, None, "en").locales == []


# --- in Arabic ------------------------------------------------------------------------------


def test_preview_column_speaks_arabic(store):
    from notice_builder.app import language, names
    from notice_builder.app.layout import build_layout
    from notice_builder.i18n import FSI

    text = sample_text(store)
    gallery.clear_cache()
    with language.using("ar"):
        page = build_layout(store)
        thumbs = gallery.thumbnails(text, "light", "en")
        grid = export_panel.gallery_grid(thumbs, "at-a-glance")
        kit = export.make_email_kit(text, "email-banner", "light", "ar")
        bad_kit = export.make_email_kit(text, "email-banner", "light", "ar", image_url="http://x")
        too_tall = export.make_email_kit(text, "privacy-report", "light", "ar")
        dpv_file = export.make_dpv_file(text)
        refusals = [
            export.make_bundle_file("id: [", None, None, None, None, None).message,
            export.make_bundle_file(text, [], ["en"], ["png"], "light", None).message,
            export.make_bundle_file(text, ["nope"], ["en"], ["png"], "light", None).message,
            export.make_bundle_file(
                text, ["privacy-report"], ["en"], ["png"], "light", "email"
            ).message,
        ]
        progress = [export.progress_text(0, 4), export.progress_text(3, 4)]
    found = by_id(page)
    preview_column = [found[i] for i in (ids.LAYOUT, ids.THEME, ids.LOCALE, ids.FORMAT, ids.PRESET)]
    layouts = {o["value"]: o["label"] for o in found[ids.LAYOUT].data}
    assert layouts["at-a-glance"] == "لمحة سريعة" and found[ids.LAYOUT].value == "at-a-glance"
    assert {o["value"]: o["label"] for o in found[ids.THEME].data}["dark"] == "داكنة"
    presets = {o["value"]: o["label"] for o in found[ids.PRESET].data}
    assert presets["email"] == "البريد الإلكتروني (بعرض 600 بكسل)"
    assert [o["label"] for o in found[ids.LOCALE].data] == [
        "English (الإنجليزية) · en",
        "العربية · ar",
    ]
    assert thumbs[0].label == "لمحة سريعة" and thumbs[0].description.startswith("ملخّص الإشعار")
    assert kit.kind == "saved" and kit.message.startswith("حزمة البريد جاهزة")
    assert plain(bad_kit.message).startswith("تعذّر إعداد حزمة البريد: يجب أن يكون رابط الصورة")
    # A limit from the export library, said in Arabic with its numbers kept in their order.
    assert plain(too_tall.message).startswith("تعذّر إعداد حزمة البريد: ستصغُر صورة التخطيط")
    assert f"{FSI}50%\u2069" in too_tall.message and f"{FSI}60%\u2069" in too_tall.message
    assert dpv_file.message == f"نُزِّل الملف {FSI}brewline-rewards.jsonld\u2069."
    assert refusals[0] == "أصلح مشكلات النص قبل إعداد الحزمة."
    assert refusals[1] == "اختر تخطيطًا واحدًا على الأقل للحزمة."
    assert plain(refusals[2]).startswith("تعذّر إعداد الحزمة: لا تخطيط بهذا الاسم: 'nope'")
    assert "ستصغُر صورة التخطيط" in refusals[3]
    assert progress == ["جارٍ رسم 4 صور…", f"اكتمل رسم {FSI}3\u2069 من أصل 4"]
    said = [kit.message, bad_kit.message, too_tall.message, dpv_file.message, *refusals, *progress]
    sections = [found[ids.GALLERY], grid, found[ids.EMAIL_RESULT], *preview_column]
    sections += [c for c in walk(page) if getattr(c, "className", None) in ("email-kit", "bundle")]
    assert english_words(" ".join(said), *sections) == []
    # English readers keep the names they had.
    assert names.layout_label("at-a-glance") == "At a glance"


def test_english_names_are_the_layouts_and_themes_own_labels():
    from notice_builder.app import names
    from notice_builder.layout import get_layout
    from notice_builder.render.theme import get_theme, theme_names

    for name in layout_names():
        assert names.layout_label(name) == get_layout(name).label, name
        assert names.layout_about(name) == get_layout(name).description, name
    for name in theme_names():
        assert names.theme_label(name) == get_theme(name).label, name


def test_export_library_errors_keep_their_english_and_say_it_in_arabic(store):
    from notice_builder.export import ExportError
    from notice_builder.export import export as export_picture
    from notice_builder.io import loads_notice

    notice = loads_notice(sample_text(store))
    with pytest.raises(ExportError) as caught:
        export_picture(notice, layout="privacy-report", preset="email")
    error = caught.value
    assert str(error) == (
        "the privacy-report picture (1200 x 1128 px) would shrink to 50% to fit the 'email' "
        "preset (600 px wide), below the 60% that keeps text legible. Choose a layout made for "
        "it (email-banner) or another preset"
    )
    assert error.key == "export.too_small" and error.params["least"] == "60%"
    assert error.text("en") == str(error) and error.as_dict()["message"] == str(error)
    assert plain(error.text("ar")).startswith(
        "ستصغُر صورة التخطيط privacy-report \u200f(1200 × 1128 بكسل) إلى 50% لتلائم المقاس «email» "
        "(بعرض 600 بكسل)"
    )
    assert english_words(error.text("ar")) == []
