"""Grapheme clusters and line-break opportunities.

Grapheme clusters follow UAX #29 (via the ``regex`` module's ``\\X``). Line breaking is a
compact tailoring of UAX #14 that covers what notices contain: spaces, hyphens, dashes,
slashes (URLs), CJK ideographs and the punctuation that must not start or end a line.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

_GRAPHEME = regex.compile(r"\X")

# Breaking spaces: a break is allowed after the last one of a run (UAX #14 class SP/BA).
SPACES = frozenset(
    " \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
)
# Characters after which a break is allowed when a letter follows (hyphens, en dash, slash, bar).
_BREAK_AFTER = frozenset("-\u2010\u2012\u2013\u058a\u00ad/|")
# Break both before and after (em dash, horizontal bar).
_BREAK_AROUND = frozenset("\u2014\u2015")
# Never break before these (closing, terminal and infix punctuation, incl. Arabic and CJK).
_NO_BREAK_BEFORE = frozenset(
    ")]}>,.;:!?%\u00bb\u2019\u201d\u203a\u060c\u061b\u061f\u066a\u06d4\u2026"
    "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\uff09\u300d\u300f\u3011\u3009\u300b"
)
# Never break after these (opening punctuation).
_NO_BREAK_AFTER = frozenset(
    "([{<\u00ab\u2018\u201c\u2039\u00bf\u00a1\uff08\u300c\u300e\u3010\u3008\u300a"
)
# Non-breaking glue: no break on either side.
_GLUE = frozenset("\u00a0\u2007\u202f\u2060\ufeff\u200d")
_ZWSP = "\u200b"


def _is_ideographic(ch: str) -> bool:
    """CJK ideographs, kana, Hangul syllables and emoji: a break is allowed on either side."""
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x2FFF
        or 0x3040 <= cp <= 0x30FF
        or 0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xAC00 <= cp <= 0xD7AF
        or 0xF900 <= cp <= 0xFAFF
        or 0x1F000 <= cp <= 0x1FAFF
        or 0x20000 <= cp <= 0x3FFFF
    )


def _closes(ch: str) -> bool:
    return ch in _NO_BREAK_BEFORE or unicodedata.category(ch) in ("Pe", "Pf")


def _opens(ch: str) -> bool:
    return ch in _NO_BREAK_AFTER or unicodedata.category(ch) in ("Ps", "Pi")


@lru_cache(maxsize=4096)
def grapheme_boundaries(text: str) -> tuple[int, ...]:
    """Offsets (code point indices) of every grapheme-cluster boundary, including 0 and len."""
    bounds = [m.start() for m in _GRAPHEME.finditer(text)]
    bounds.append(len(text))
    return tuple(bounds)


def _allowed(text: str, i: int) -> bool:
    """May a line break before ``text[i]`` (0 < i < len)?"""
    prev, cur = text[i - 1], text[i]
    if prev in _GLUE or cur in _GLUE or cur in SPACES:
        return False
    if prev == _ZWSP:
        return True
    if prev in SPACES:
        # UAX #14 LB13: closing punctuation stays with the word before, even after spaces.
        return not _closes(cur)
    if _closes(cur) or _opens(prev):
        return False
    if prev in _BREAK_AROUND or cur in _BREAK_AROUND:
        return not (prev in _BREAK_AROUND and cur in _BREAK_AROUND)
    if prev in _BREAK_AFTER:
        # Only inside a word ("data-driven", "a/b", "example.com/path"): not "-5", "1/2", "//".
        before = text[i - 2] if i >= 2 else " "
        return (
            cur.isalpha()
            and not (prev == "/" and cur == "/")
            and not before.isspace()
            and before not in _BREAK_AFTER
        )
    return _is_ideographic(prev) or _is_ideographic(cur)


@lru_cache(maxsize=4096)
def line_break_opportunities(text: str) -> tuple[int, ...]:
    """Offsets where a line may break (a break at ``i`` means a line starts at ``text[i]``).

    Every offset is a grapheme boundary, so a break never splits a cluster. The end of the
    text is not included.
    """
    if len(text) < 2:
        return ()
    bounds = grapheme_boundaries(text)
    return tuple(i for i in bounds[1:-1] if _allowed(text, i))


def visual_text(text: str, rtl: bool) -> str:
    """``text`` as it reads left to right once drawn: RTL runs reversed per grapheme cluster
    (marks stay after their base) with bidi-mirrored brackets swapped."""
    if not rtl:
        return text
    from bidi.mirror import MIRRORED

    clusters = [m.group() for m in _GRAPHEME.finditer(text)]
    return "".join(MIRRORED.get(c, c) for c in reversed(clusters))
