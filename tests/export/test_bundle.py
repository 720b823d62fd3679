"""The bundle ZIP: its manifest agrees with its files (names, sizes, SHA-256, PNG pixels, PDF
pages), the same input gives the same bytes however the work is shared out, unknown names are
refused before any drawing, and a subset of formats gives just those files."""

from __future__ import annotations

import hashlib
import io
import json
import threading
import xml.etree.ElementTree as ET
import zipfile

import pytest
from PIL import Image
from pypdf import PdfReader

from notice_builder.export import ExportError, bundle, describe
from notice_builder.export.bundle import make_bundle, write_bundle
from notice_builder.layout import layout_names
from notice_builder.model import PrivacyNotice
from notice_builder.render.theme import get_theme, theme_names

FORMATS = ("svg", "png", "pdf")


@pytest.fixture(scope="module")
def notice() -> PrivacyNotice:
    from tests.conftest import _MINIMAL

    return PrivacyNotice.model_validate(_MINIMAL)


@pytest.fixture(scope="module")
def full(notice):
    """Every layout x en, ar x SVG, PNG, PDF, the work shared between two processes."""
    return make_bundle(notice, workers=2)


def _zip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def test_every_layout_locale_and_format_is_in_the_zip(full, notice):
    expected = {
        f"{layout}/acme-{layout}-{locale}.{ext}"
        for layout in layout_names()
        for locale in ("en", "ar")
        for ext in FORMATS
    }
    names = _zip(full.data).namelist()
    assert names == sorted(names)
    assert set(names) == expected | {"manifest.json"}
    assert full.files == len(expected) == len(full.manifest["files"])
    assert [e["file"] for e in full.manifest["files"]] == sorted(expected)


def test_the_manifest_in_the_zip_is_the_one_returned(full):
    inside = json.loads(_zip(full.data).read("manifest.json"))
    assert inside == full.manifest
    assert inside["notice"] == "acme" and inside["theme"] == "light"
    assert inside["preset"] == "original"
    assert "date" not in json.dumps(inside).lower()  # nothing from the clock


def test_the_manifest_matches_the_files(full, notice):
    archive = _zip(full.data)
    for entry in full.manifest["files"]:
        data = archive.read(entry["file"])
        layout, locale, ext = entry["layout"], entry["locale"], entry["format"]
        assert entry["file"] == f"{layout}/acme-{layout}-{locale}.{ext}"
        assert entry["theme"] == "light"
        assert entry["bytes"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["alt"] == describe.alt_text(notice, layout, locale)
        if ext == "png":
            image = Image.open(io.BytesIO(data))
            assert image.format == "PNG"
            assert image.size == (entry["width_px"], entry["height_px"])
            assert entry["width_px"] == 2 * entry["display_width"]  # the original preset: 2x
        elif ext == "pdf":
            reader = PdfReader(io.BytesIO(data))
            assert len(reader.pages) == entry["pages"] == 1
            box = reader.pages[0].mediabox
            assert round(float(box.width)) == entry["width_pt"]
            assert round(float(box.height)) == entry["height_pt"]
            assert abs(entry["width_pt"] - entry["width_px"] * 0.75) <= 1
        else:
            root = ET.fromstring(data)
            assert root.tag == "{http://www.w3.org/2000/svg}svg"
            assert round(float(root.get("width"))) == entry["width_px"]
            assert round(float(root.get("height"))) == entry["height_px"]
            assert entry["width_px"] == entry["display_width"]


def test_pictures_of_one_render_agree(full):
    """SVG, PNG and PDF of the same (layout, locale) come from one render: same proportions."""
    by_picture: dict[tuple[str, str], dict[str, dict]] = {}
    for entry in full.manifest["files"]:
        by_picture.setdefault((entry["layout"], entry["locale"]), {})[entry["format"]] = entry
    for picture, entries in by_picture.items():
        svg, png, pdf = entries["svg"], entries["png"], entries["pdf"]
        assert abs(png["height_px"] - 2 * svg["height_px"]) <= 2, picture
        assert abs(pdf["height_px"] - svg["height_px"]) <= 1, picture
        assert len({e["alt"] for e in entries.values()}) == 1


def test_alt_text_is_in_the_picture_language(full):
    for entry in full.manifest["files"]:
        arabic = any("\u0600" <= c <= "\u06ff" for c in entry["alt"])
        assert arabic == (entry["locale"] == "ar"), entry["file"]


def test_entries_are_stored_or_deflated_with_fixed_dates(full):
    for info in _zip(full.data).infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.create_system == 3 and info.external_attr >> 16 == 0o100644
        stored = info.filename.endswith((".png", ".pdf"))
        assert info.compress_type == (zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    assert _zip(full.data).testzip() is None


def test_the_same_input_gives_the_same_bytes(full, notice):
    """In this process, one file at a time, against the shared-out bundle: identical."""
    again = make_bundle(notice, workers=1)
    assert again.data == full.data
    assert again.manifest == full.manifest


def test_order_of_the_asked_names_does_not_matter(notice):
    one = make_bundle(notice, layouts=["retention", "email-banner"], formats=["pdf", "svg"])
    two = make_bundle(
        notice, layouts=["email-banner", "retention"], formats=("svg", "pdf", "svg"), workers=1
    )
    assert one.data == two.data


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"layouts": ["at-a-glance", "poster"]}, "unknown layout 'poster' (known: at-a-glance, "),
        ({"locales": ["fr"]}, "unknown locale 'fr' (known: en, ar)"),
        (
            {"formats": ["png", "gif", "webp"]},
            "unknown formats 'gif', 'webp' (known: svg, png, pdf",
        ),
        ({"theme": "neon"}, "unknown theme 'neon' (known: "),
        ({"preset": "poster"}, "unknown preset 'poster' (known: original, email"),
        ({"layouts": []}, "no layout chosen (known: "),
        ({"formats": ()}, "no format chosen (known: "),
    ],
)
def test_unknown_names_are_refused_before_any_work(notice, monkeypatch, kwargs, message):
    def no_drawing(*args, **kwargs):
        raise AssertionError("rendered before the names were checked")

    monkeypatch.setattr(bundle, "render", no_drawing)
    with pytest.raises(ExportError) as refused:
        make_bundle(notice, **kwargs)
    assert message in str(refused.value)
    if "theme" in kwargs:
        assert ", ".join(theme_names()) in str(refused.value)


def test_a_subset_of_formats_and_locales(notice):
    made = make_bundle(notice, layouts=["email-banner"], locales=["ar"], formats=["png"])
    assert _zip(made.data).namelist() == [
        "email-banner/acme-email-banner-ar.png",
        "manifest.json",
    ]
    (entry,) = made.manifest["files"]
    assert entry["format"] == "png" and entry["locale"] == "ar" and "pages" not in entry


def test_a_theme_object_and_a_preset(notice):
    made = make_bundle(
        notice,
        layouts=["email-banner"],
        locales=["en"],
        formats=["png"],
        theme=get_theme("dark"),
        preset="email",
    )
    (entry,) = made.manifest["files"]
    assert entry["theme"] == made.manifest["theme"] == "dark"
    assert (entry["width_px"], entry["display_width"]) == (1200, 600)
    image = Image.open(io.BytesIO(_zip(made.data).read(entry["file"])))
    assert image.mode == "P"  # the email preset's palette
    assert image.convert("L").getpixel((3, 3)) < 80  # a dark background


def test_worker_failures_reach_the_caller(notice, monkeypatch):
    from notice_builder.export import formats

    def broken(*args, **kwargs):
        raise RuntimeError("encoder broke")

    monkeypatch.setattr(formats, "_encode_png", broken)
    with pytest.raises(RuntimeError, match="encoder broke"):
        make_bundle(notice, layouts=["email-banner", "retention"], formats=["png"], workers=2)


@pytest.fixture
def pools(monkeypatch) -> list[int]:
    """How many processes each bundle shared its work between (nothing: it worked alone)."""
    counts: list[int] = []
    real = bundle._export_in_pool

    def spy(job, pairs, count, on_progress=None):
        counts.append(count)
        return real(job, pairs, count, on_progress)

    monkeypatch.setattr(bundle, "_export_in_pool", spy)
    return counts


def test_work_is_shared_out_when_asked(notice, pools):
    make_bundle(notice, layouts=["email-banner"], formats=["svg"], workers=2)
    make_bundle(notice, layouts=["email-banner"], formats=["svg"], workers=5)  # 2 pictures
    make_bundle(notice, layouts=["email-banner"], formats=["svg"], workers=1)
    make_bundle(notice, layouts=["email-banner"], locales=["en"], formats=["svg"], workers=2)
    assert pools == [2, 2]


def test_no_fork_while_other_threads_run(notice, pools):
    """A threaded server's locks could be held mid-fork: work in-process instead."""
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        made = make_bundle(notice, layouts=["email-banner"], formats=["svg"], workers=2)
    finally:
        release.set()
        other.join()
    assert pools == [] and made.files == 2


def test_workers_must_be_positive(notice):
    with pytest.raises(ExportError, match="workers must be at least 1"):
        make_bundle(notice, workers=0)


def test_write_bundle_to_a_file_or_a_folder(full, tmp_path):
    path = write_bundle(full, tmp_path / "designer.zip")
    assert path.read_bytes() == full.data
    assert write_bundle(full, tmp_path) == tmp_path / "acme-bundle.zip"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acme-bundle.zip", "designer.zip"]


def test_the_logo_reaches_every_worker(notice):
    from notice_builder.render.logo import prepare_logo

    buf = io.BytesIO()
    Image.new("RGB", (64, 32), (200, 30, 30)).save(buf, "PNG")
    logo = prepare_logo(buf.getvalue())
    made = make_bundle(notice, layouts=["email-banner"], formats=["svg"], logo=logo, workers=2)
    archive = _zip(made.data)
    for entry in made.manifest["files"]:
        assert logo.data_uri in archive.read(entry["file"]).decode()


def test_printed_pages_are_counted_in_the_manifest(notice, monkeypatch):
    """A registered layout (seen by the forked workers too) long enough for several pages."""
    from notice_builder.layout import LayoutSpec, spec

    blocks = [{"type": "header"}] + [{"type": "purposes"}] * 12
    long = LayoutSpec.model_validate(
        {"id": "long", "label": "L", "description": "d", "blocks": blocks}
    )
    monkeypatch.setitem(spec._EXTRA, "long", long)
    made = make_bundle(notice, layouts=["long"], formats=["pdf"], preset="print-a4", workers=2)
    archive = _zip(made.data)
    for entry in made.manifest["files"]:
        reader = PdfReader(io.BytesIO(archive.read(entry["file"])))
        assert entry["pages"] == len(reader.pages) > 1
        assert (entry["width_pt"], entry["height_pt"]) == (595, 842)
    again = make_bundle(notice, layouts=["long"], formats=["pdf"], preset="print-a4", workers=1)
    assert again.data == made.data


def test_progress_is_reported_for_each_picture_from_the_workers_too(notice, pools):
    steps: list[tuple[int, int]] = []
    made = make_bundle(
        notice,
        layouts=["email-banner", "at-a-glance"],
        formats=["svg"],
        workers=2,
        on_progress=lambda done, total: steps.append((done, total)),
    )
    assert pools == [2] and made.files == 4
    assert steps == [(1, 4), (2, 4), (3, 4), (4, 4)]
