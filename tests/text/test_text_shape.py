"""HarfBuzz shaping: Arabic joining, direction, ligatures, caching, missing glyphs."""

from __future__ import annotations

from notice_builder.text.fonts import get_face
from notice_builder.text.shape import shape


def _ar(text: str):
    return shape(text, get_face("Noto Sans Arabic"), rtl=True, script="Arab", language="ar")


def test_arabic_letters_join() -> None:
    word = "سلام"
    joined = _ar(word)
    isolated = [_ar(ch).glyphs[0] for ch in word]
    assert joined.glyphs
    assert list(joined.glyphs) != isolated[::-1]
    by_cluster = dict(zip(joined.clusters, joined.glyphs, strict=True))
    assert by_cluster[0] != isolated[0]  # initial seen, not isolated
    assert 2 not in by_cluster and by_cluster[1] not in isolated  # lam-alef ligature (rlig)
    # Final meem follows alef, which never joins leftwards, so it is correctly isolated.
    assert by_cluster[3] == isolated[3]
    # Joined word is narrower than its isolated letters laid side by side.
    assert joined.advance < sum(_ar(ch).advance for ch in word)


def test_arabic_initial_medial_final_forms() -> None:
    word = "بيت"  # beh (initial), yeh (medial), teh (final): every glyph changes form
    joined = _ar(word)
    isolated = {_ar(ch).glyphs[0] for ch in word}
    assert len(joined.glyphs) == 3
    assert isolated.isdisjoint(joined.glyphs)


def test_arabic_run_is_right_to_left() -> None:
    run = _ar("بيانات")
    assert run.rtl
    assert list(run.clusters) == sorted(run.clusters, reverse=True)
    assert run.clusters[0] == 5 and run.clusters[-1] == 0


def test_latin_ligature_and_left_to_right() -> None:
    run = shape("office", get_face("Noto Sans"), script="Latn", language="en")
    assert len(run.glyphs) < len("office")  # ffi ligature
    assert list(run.clusters) == sorted(run.clusters)


def test_shaping_is_cached_and_size_independent() -> None:
    face = get_face("Noto Sans")
    a = shape("Privacy", face, script="Latn")
    assert shape("Privacy", face, script="Latn") is a
    assert a.width(20) == 2 * a.width(10)


def test_context_shaping_of_a_slice() -> None:
    face = get_face("Noto Sans Arabic")
    text = "بيانات"
    middle = shape(text, face, start=2, end=4, rtl=True, script="Arab")
    alone = shape(text[2:4], face, rtl=True, script="Arab")
    assert set(middle.clusters) == {2, 3}
    assert middle.glyphs != alone.glyphs  # joins to its neighbours outside the slice


def test_missing_glyph_becomes_one_replacement_glyph() -> None:
    face = get_face("Noto Sans")
    run = shape("a👍🏽b", face)
    assert 0 not in run.glyphs
    assert run.glyphs.count(face.replacement_gid) == 1
    assert len(run.glyphs) == 3
