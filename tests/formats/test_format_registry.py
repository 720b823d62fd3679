"""The registry of formats: names, errors that list them, detection, the public API."""

from __future__ import annotations

import pytest

from notice_builder.formats import (
    Format,
    detect,
    export_as,
    get,
    import_from,
    importable,
    names,
    register,
)


def test_built_in_formats():
    assert {"google-play", "apple-app-privacy", "tilt", "dpv"} <= set(names())
    assert set(importable()) == {"google-play", "apple-app-privacy"}
    for name in names():
        fmt = get(name)
        assert fmt.title and fmt.suffix.startswith(".") and fmt.cannot_carry


def test_unknown_names_list_the_known_ones():
    with pytest.raises(KeyError, match="unknown format 'pdf' .*google-play"):
        get("pdf")
    with pytest.raises(KeyError, match="can be exported, not imported"):
        import_from(b"{}", "tilt")
    with pytest.raises(ValueError, match="already registered"):
        register(get("tilt"))


def test_detect_by_content_then_suffix(example):
    notice = example("coffee-shop")
    assert detect(export_as(notice, "google-play")) == "google-play"
    assert detect(export_as(notice, "apple-app-privacy")) == "apple-app-privacy"
    assert detect(b"", "label.csv") == "google-play"
    with pytest.raises(KeyError, match="cannot tell the format"):
        detect(b"hello", "notes.txt")


def test_a_format_registers_like_the_built_ins(example):
    fmt = Format(
        name="word-count",
        title="Word count",
        suffix=".txt",
        media_type="text/plain",
        export=lambda n: str(len(n.data_categories)).encode(),
        losses=lambda n: [],
    )
    register(fmt)
    try:
        assert export_as(example("coffee-shop"), "word-count") == b"8"
    finally:
        from notice_builder.formats import registry

        registry._FORMATS.pop("word-count")
