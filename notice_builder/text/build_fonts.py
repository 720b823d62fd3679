"""Rebuild the bundled font subsets in ``assets/fonts`` from Debian's ``fonts-noto-core``.

Run after ``apt-get install fonts-noto-core``::

    python -m notice_builder.text.build_fonts [--source DIR] [--dest DIR]

The output is reproducible: the same source files give byte-identical subsets (the
``head.modified`` timestamp is kept from the source instead of being set to "now").
This is a maintenance script; nothing imports it at run time.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

DEFAULT_SOURCE = Path("/usr/share/fonts/truetype/noto")
DEFAULT_DEST = Path(__file__).resolve().parents[2] / "assets" / "fonts"

# (first, last) code point ranges kept in the Latin/Greek/Cyrillic family.
LATIN_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # Basic Latin (incl. digits)
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A
    (0x0180, 0x024F),  # Latin Extended-B (Romanian comma-below letters live here)
    (0x02B0, 0x02FF),  # Spacing Modifier Letters
    (0x0300, 0x036F),  # Combining Diacritical Marks (decomposed input)
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x04FF),  # Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese, Welsh)
    (0x2000, 0x206F),  # General Punctuation
    (0x2070, 0x209F),  # Superscripts and Subscripts
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x2100, 0x214F),  # Letterlike Symbols (numero, trade mark)
    (0x2190, 0x21FF),  # Arrows
    (0x2212, 0x2212),  # minus sign
    (0x2260, 0x2265),  # not equal, less/greater or equal
    (0x25A0, 0x25FF),  # Geometric Shapes (bullets; U+25CC dotted circle used by HarfBuzz)
    (0x2713, 0x2717),  # check / ballot marks
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
    (0xFFFD, 0xFFFD),  # replacement character, drawn for uncovered characters
)

# Ranges kept in the Arabic family. Shared punctuation, digits and spaces are kept too so an
# Arabic run does not have to switch fonts for its spaces and numbers.
ARABIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # Basic Latin punctuation and digits the Arabic font carries
    (0x00A0, 0x00BF),  # NBSP and Latin-1 punctuation
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x08A0, 0x08FF),  # Arabic Extended-A
    (0x2000, 0x206F),  # General Punctuation (ZWNJ, ZWJ, LRM/RLM, isolates)
    (0x25CC, 0x25CC),  # dotted circle
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
)

# Noto Sans lacks arrows, most math signs (even U+2212 minus) and check marks; these two
# single-weight fonts fill that gap as the last fallbacks of every stack.
MATH_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x0020),  # space
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators (minus, <=, >=, +-, infinity)
    (0x27F0, 0x27FF),  # Supplemental Arrows-A
)
SYMBOLS2_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x0020),  # space
    (0x25A0, 0x25FF),  # Geometric Shapes (bullets, squares, circles)
    (0x2600, 0x26FF),  # Miscellaneous Symbols (stars, ballot boxes, warning sign)
    (0x2700, 0x27BF),  # Dingbats (check marks, heavy arrows)
    (0x2B00, 0x2BFF),  # Miscellaneous Symbols and Arrows
)

# output file -> (source file, kept ranges)
FONTS: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {
    "NotoSans-Regular.ttf": ("NotoSans-Regular.ttf", LATIN_RANGES),
    "NotoSans-Bold.ttf": ("NotoSans-Bold.ttf", LATIN_RANGES),
    "NotoSansArabic-Regular.ttf": ("NotoSansArabic-Regular.ttf", ARABIC_RANGES),
    "NotoSansArabic-Bold.ttf": ("NotoSansArabic-Bold.ttf", ARABIC_RANGES),
    "NotoSansMath-Regular.ttf": ("NotoSansMath-Regular.ttf", MATH_RANGES),
    "NotoSansSymbols2-Regular.ttf": ("NotoSansSymbols2-Regular.ttf", SYMBOLS2_RANGES),
}


def _unicodes(ranges: tuple[tuple[int, int], ...]) -> list[int]:
    return [cp for first, last in ranges for cp in range(first, last + 1)]


def subset_options() -> subset.Options:
    """Options keeping every OpenType layout feature (Arabic joining, kerning, marks)."""
    opts = subset.Options()
    opts.layout_features = ["*"]  # init/medi/fina/rlig/liga/kern/mark/... all kept
    opts.layout_scripts = ["*"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.glyph_names = False
    # Outlines are drawn as paths, never rasterised with hinting, so instructions are dead weight.
    opts.hinting = False
    opts.drop_tables = [*opts.drop_tables, "DSIG"]
    opts.recalc_timestamp = False
    return opts


def build_one(src: Path, dst: Path, ranges: tuple[tuple[int, int], ...]) -> int:
    """Subset ``src`` to ``ranges`` and write ``dst``; returns the output size in bytes."""
    font = TTFont(src, recalcTimestamp=False)
    subsetter = subset.Subsetter(options=subset_options())
    subsetter.populate(unicodes=_unicodes(ranges))
    subsetter.subset(font)
    font.save(dst)
    return dst.stat().st_size


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST)
    args = parser.parse_args(argv)
    args.dest.mkdir(parents=True, exist_ok=True)
    total = 0
    for out_name, (src_name, ranges) in FONTS.items():
        size = build_one(args.source / src_name, args.dest / out_name, ranges)
        total += size
        print(f"{out_name:32} {size:>9,} bytes")
    print(f"{'total':32} {total:>9,} bytes")


if __name__ == "__main__":
    main()
