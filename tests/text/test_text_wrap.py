"""Line breaking: width limits, word integrity, long words, edge inputs, alignment."""

from __future__ import annotations

import pytest

from notice_builder.text.segment import grapheme_boundaries, line_break_opportunities
from notice_builder.text.wrap import measure_text, wrap_text

EN = (
    "We collect your name, email address and order history so we can deliver your coffee, "
    "answer your questions and, if you agree, send you offers. You can ask for a copy of "
    "your data or have it deleted at any time by writing to privacy@brew.example."
)
AR = (
    "نجمع اسمك وبريدك الإلكتروني وسجل طلباتك لنوصل قهوتك ونجيب عن أسئلتك، وإذا وافقت "
    "نرسل لك العروض. يمكنك طلب نسخة من بياناتك أو حذفها في أي وقت عبر privacy@brew.example."
)


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("text", [EN, AR])
@pytest.mark.parametrize("width", [90, 150, 240, 400])
def test_lines_fit_and_keep_words_whole(text: str, width: float) -> None:
    block = wrap_text(text, width, size=14)
    assert len(block.lines) > 1
    assert all(line.width <= width + 1e-6 for line in block.lines)
    assert not block.overflow_x
    # Words are never split when each word fits on a line by itself.
    if all(measure_text(w, size=14) <= width for w in _words(text)):
        assert [w for line in block.lines for w in _words(line.text)] == _words(text)
    # Line texts are consecutive slices of the paragraph.
    assert "".join(block.text[ln.start : ln.end] for ln in block.lines).replace(" ", "") == (
        text.replace(" ", "")
    )


def test_arabic_lines_are_right_aligned_and_rtl() -> None:
    block = wrap_text(AR, 200, size=14, language="ar")
    for line in block.lines:
        assert line.rtl
        assert line.x + line.width == pytest.approx(200)
    left = wrap_text(AR, 200, size=14, align="left")
    assert all(line.x == 0 for line in left.lines)
    centred = wrap_text(EN, 200, size=14, align="center")
    assert all(ln.x == pytest.approx((200 - ln.width) / 2) for ln in centred.lines)


def test_long_word_is_broken_at_graphemes() -> None:
    word = "x" * 30 + "é" * 30  # 60 characters, no break opportunity
    assert len(word) == 60
    block = wrap_text(f"See {word} now", 100, size=12)
    assert all(line.width <= 100 for line in block.lines)
    assert "".join(ln.text for ln in block.lines).replace(" ", "") == f"See{word}now"
    assert len(block.lines) >= 3
    # "See" stays on its own line rather than starting the broken word.
    assert block.lines[0].text == "See"


def test_long_url_breaks_after_slashes_or_graphemes() -> None:
    url = "https://brew.example/privacy/requests/download-my-data?token=" + "a" * 40
    block = wrap_text(url, 120, size=12)
    assert all(line.width <= 120 for line in block.lines)
    assert "".join(ln.text for ln in block.lines) == url


def test_combining_marks_stay_with_their_base() -> None:
    decomposed = "e\u0301" * 40  # 40 graphemes, 80 code points
    block = wrap_text(decomposed, 50, size=12)
    assert len(block.lines) > 1
    bounds = set(grapheme_boundaries(decomposed))
    for line in block.lines:
        assert line.start in bounds and line.end in bounds
    assert block.missing == ()


def test_two_thousand_character_paragraph() -> None:
    text = (EN + " " + AR + " ") * 6
    text = text[:2000]
    block = wrap_text(text, 300, size=12)
    assert all(line.width <= 300 + 1e-6 for line in block.lines)
    assert sum(len(ln.text.replace(" ", "")) for ln in block.lines) == len(text.replace(" ", ""))


def test_empty_and_blank_inputs() -> None:
    assert wrap_text("", 100, size=12).lines == ()
    assert wrap_text("", 100, size=12).height == 0
    (line,) = wrap_text("     ", 100, size=12).lines
    assert line.text == "" and line.width == 0 and line.runs == ()
    block = wrap_text("a\n\nb", 100, size=12)
    assert [ln.text for ln in block.lines] == ["a", "", "b"]
    assert [ln.paragraph for ln in block.lines] == [0, 1, 2]
    assert block.height == pytest.approx(3 * 12 * 1.4)


def test_emoji_and_uncovered_marks_are_reported_not_fatal() -> None:
    block = wrap_text("Thanks 👍🏽 ok \u20dd 😀", 80, size=12)
    assert 0x1F44D in block.missing and 0x1F3FD in block.missing and 0x1F600 in block.missing
    assert 0x20DD in block.missing
    assert all(line.width <= 80 for line in block.lines)
    glyphs = [g for ln in block.lines for r in ln.runs for g in r.glyphs]
    assert 0 not in glyphs  # drawn as U+FFFD, not .notdef


def test_no_wrapping_without_width_and_hard_breaks() -> None:
    block = wrap_text(EN, None, size=12)
    assert len(block.lines) == 1
    assert block.width == pytest.approx(measure_text(EN, size=12))
    assert len(wrap_text("one\ntwo\r\nthree", None, size=12).lines) == 3


def test_baselines_and_metrics() -> None:
    block = wrap_text(EN, 200, size=10, line_height=1.5)
    assert block.line_pitch == 15
    gaps = {
        round(b.baseline - a.baseline, 6)
        for a, b in zip(block.lines, block.lines[1:], strict=False)
    }
    assert gaps == {15}
    first = block.lines[0]
    assert 0 < first.baseline < 15
    arabic_line = wrap_text(AR, 200, size=10).lines[0]
    assert arabic_line.ascent > first.ascent  # taller Arabic face is reported


def test_break_opportunities() -> None:
    text = "data-driven 24/7 https://a.example/b x-5 (note) word!"
    ops = line_break_opportunities(text)
    assert text.index("driven") in ops  # after hyphen
    assert text.index("7 ") not in ops  # inside 24/7
    assert text.index("b x") in ops  # after slash in URL
    assert text.index("a.example") not in ops  # not after "//"
    assert text.index("5") not in ops  # x-5 keeps the number
    assert text.index("!") not in ops
    assert text.index("(") in ops and text.index("note") not in ops


def test_results_are_cached() -> None:
    assert wrap_text(EN, 200, size=12) is wrap_text(EN, 200, size=12)


def test_invalid_arguments() -> None:
    with pytest.raises(ValueError):
        wrap_text("x", 100, size=0)
    with pytest.raises(ValueError):
        wrap_text("x", -1, size=10)
    with pytest.raises(ValueError):
        wrap_text("x", 100, size=10, align="justify")  # type: ignore[arg-type]


def test_cjk_breaks_between_ideographs() -> None:
    text = "数据保护。很好"
    ops = line_break_opportunities(text)
    assert 1 in ops and 2 in ops and 3 in ops
    assert 4 not in ops  # never before the ideographic full stop
    block = wrap_text(text, 30, size=12)  # no bundled CJK font: reported, still wrapped
    assert len(block.lines) > 1 and 0x6570 in block.missing


def test_leading_spaces_before_a_break_do_not_make_an_empty_line() -> None:
    block = wrap_text("   supercalifragilistic expialidocious", 80, size=12)
    assert block.lines[0].text == "supercalifragil"
    assert all(ln.text for ln in block.lines)


def test_arabic_line_is_shaped_as_a_whole() -> None:
    from notice_builder.text.fonts import get_face
    from notice_builder.text.shape import shape

    block = wrap_text(AR, 220, size=14, language="ar")
    line = next(ln for ln in block.lines if len(ln.runs) == 1)
    (run,) = line.runs
    assert " " in run.text  # several words in one HarfBuzz buffer
    whole = shape(run.text, get_face("Noto Sans Arabic"), rtl=True, script="Arab", language="ar")
    assert run.glyphs == whole.glyphs


def test_emoji_after_arabic_is_drawn_as_replacement_character() -> None:
    from notice_builder.text.fonts import get_face

    block = wrap_text("شكرا 👍 جزيلا", None, size=12)
    assert block.missing == (0x1F44D,)
    glyphs = [(r.face, g) for r in block.lines[0].runs for g in r.glyphs]
    latin = get_face("Noto Sans")
    assert (latin, latin.replacement_gid) in glyphs
    assert all(g != 0 for _, g in glyphs)
