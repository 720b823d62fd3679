"""Split a paragraph into shaping items: maximal ranges with one bidi level, one script
and one font face, choosing a face per character from a font stack (fallback)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from fontTools import unicodedata as ft_unicodedata

from .fonts import REPLACEMENT_CHAR, FontFace

_COMMON = ("Zyyy", "Zinh", "Zzzz")

# Default_Ignorable_Code_Point ranges: HarfBuzz hides these, so they are never "missing".
_IGNORABLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)


@dataclass(frozen=True, slots=True)
class Item:
    """Logical range ``[start, end)`` shaped as one HarfBuzz buffer."""

    start: int
    end: int
    level: int
    script: str  # ISO 15924, e.g. "Arab", "Latn"
    face: FontFace

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


@lru_cache(maxsize=8192)
def script_of(ch: str) -> str:
    """ISO 15924 script code of a character ("Zyyy" common, "Zinh" inherited)."""
    return ft_unicodedata.script(ch)


@lru_cache(maxsize=8192)
def is_ignorable(cp: int) -> bool:
    """Default-ignorable code point (ZWJ, variation selectors, bidi controls, ...)."""
    return any(lo <= cp <= hi for lo, hi in _IGNORABLE) or (
        cp < 0x20 or 0x7F <= cp < 0xA0  # C0/C1 controls never need a glyph
    )


def _sticks_to_neighbour(ch: str) -> bool:
    """Marks, spaces, punctuation and digits follow the font of the text around them, so an
    Arabic phrase keeps its own font for its spaces and numbers instead of switching back."""
    return script_of(ch) in _COMMON or unicodedata.category(ch)[0] in "MZ"


def _neighbours(
    sticky: Sequence[bool], levels: Sequence[int]
) -> list[tuple[int | None, int | None]]:
    """For each neutral position, the nearest non-neutral character before and after it,
    ordered so the one at the same bidi level comes first: "(" before an Arabic word
    follows that word, not the Latin text preceding it."""
    n = len(sticky)
    nxt: list[int | None] = [None] * n
    after: int | None = None
    for i in range(n - 1, -1, -1):
        nxt[i] = after
        if not sticky[i]:
            after = i
    out: list[tuple[int | None, int | None]] = []
    before: int | None = None
    for i in range(n):
        prev, follow = before, nxt[i]
        if prev is not None and follow is not None and levels[prev] != levels[i]:
            if levels[follow] == levels[i]:
                prev, follow = follow, prev
        elif prev is None:
            prev, follow = follow, None
        out.append((prev, follow))
        if not sticky[i]:
            before = i
    return out


def assign_faces(
    text: str, faces: Sequence[FontFace], levels: Sequence[int] | None = None
) -> tuple[list[FontFace], list[int]]:
    """Pick a face for each character; return (faces per char, missing code points).

    Characters with a script of their own take the first face covering them; neutral ones
    (spaces, punctuation, digits, marks) take a neighbour's face when it covers them. A
    character no face covers (other than default ignorables) is reported as missing and
    assigned the first face with a U+FFFD glyph, which shaping draws in its place.
    """
    n = len(text)
    levels = levels if levels is not None else [0] * n
    chosen: list[FontFace | None] = [None] * n
    missing: list[int] = []
    fallback = next((f for f in faces if f.has_char(REPLACEMENT_CHAR)), faces[0])
    sticky = [_sticks_to_neighbour(ch) or is_ignorable(ord(ch)) for ch in text]
    for i, ch in enumerate(text):
        if sticky[i]:
            continue
        cp = ord(ch)
        for face in faces:
            if cp in face.coverage:
                chosen[i] = face
                break
        else:
            chosen[i] = fallback
            missing.append(cp)
    for i, (first, second) in enumerate(_neighbours(sticky, levels)):
        if not sticky[i]:
            continue
        cp = ord(text[i])
        ignorable = is_ignorable(cp)
        # Marks must stay on their base's face; others prefer the same-level neighbour.
        prev_face = chosen[i - 1] if i else None
        options = [prev_face] if unicodedata.category(text[i])[0] == "M" else []
        options += [chosen[first] if first is not None else None]
        options += [chosen[second] if second is not None else None]
        face = next((f for f in options if f is not None and (ignorable or cp in f.coverage)), None)
        if face is None:
            face = next((f for f in faces if cp in f.coverage), None)
        if face is None:
            # An uncovered mark stays with its base (the base's glyph is kept, the mark is
            # dropped); anything else is drawn as U+FFFD by the fallback face.
            is_mark = unicodedata.category(text[i])[0] == "M"
            face = (prev_face if is_mark else None) or fallback
            if not ignorable:
                missing.append(cp)
        chosen[i] = face
    return chosen, missing  # type: ignore[return-value]


def _scripts(text: str, levels: Sequence[int]) -> list[str]:
    """Script per character, common/inherited taking the script of the same neighbour that
    :func:`assign_faces` prefers (marks: their base)."""
    scripts = [script_of(ch) for ch in text]
    sticky = [s in _COMMON for s in scripts]
    resolved = list(scripts)
    for i, (first, _second) in enumerate(_neighbours(sticky, levels)):
        if not sticky[i]:
            continue
        if unicodedata.category(text[i])[0] == "M" and i:
            resolved[i] = resolved[i - 1]
        elif first is not None:
            resolved[i] = scripts[first]
    return resolved


def itemize(
    text: str, levels: Sequence[int], faces: Sequence[FontFace]
) -> tuple[tuple[Item, ...], tuple[int, ...]]:
    """Items of a paragraph in logical order, plus code points no face covers (in order)."""
    if not text:
        return (), ()
    chosen, missing = assign_faces(text, faces, levels)
    scripts = _scripts(text, levels)
    items: list[Item] = []
    start = 0
    for i in range(1, len(text) + 1):
        if (
            i == len(text)
            or levels[i] != levels[start]
            or chosen[i] is not chosen[start]
            or scripts[i] != scripts[start]
        ):
            items.append(Item(start, i, levels[start], scripts[start], chosen[start]))
            start = i
    return tuple(items), tuple(dict.fromkeys(missing))
