"""Unicode Bidirectional Algorithm: embedding levels per character and visual reordering.

python-bidi 0.6 exposes only the reordered display string, but its Rust engine
(``unicode-bidi``, UBA with isolates and bracket pairs) also returns its ``BidiInfo``
when called in debug mode. We read the resolved levels from that (one per UTF-8 byte)
and map them to characters. If that output ever changes shape we fall back to
python-bidi's pure-Python implementation (older UBA: no isolates or bracket pairs).

Levels returned here are paragraph levels before rule L1; line-level rules (L1, L2) are
applied per line by :func:`visual_order` and the caller's trimming of trailing spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Direction = Literal["auto", "ltr", "rtl"]

# Any character that can make a paragraph non-trivially bidi: strong R/AL, Arabic digits
# (AN) and explicit RTL/embedding controls. Without one, an auto or LTR paragraph is all
# level 0 and the (comparatively slow) algorithm can be skipped.
_RTL_TRIGGER = re.compile(
    "[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


@dataclass(frozen=True, slots=True)
class BidiRun:
    """A maximal logical range ``[start, end)`` of characters with one embedding level."""

    start: int
    end: int
    level: int

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1

    @property
    def direction(self) -> Literal["ltr", "rtl"]:
        return "rtl" if self.rtl else "ltr"


@dataclass(frozen=True, slots=True)
class ParagraphLevels:
    """Resolved levels of one paragraph (no paragraph separators inside)."""

    base_level: int
    levels: tuple[int, ...]

    @property
    def rtl(self) -> bool:
        return self.base_level % 2 == 1


def _base_dir(direction: Direction) -> str | None:
    if direction == "auto":
        return None
    if direction == "rtl":
        return "R"
    if direction == "ltr":
        return "L"
    raise ValueError(f"direction must be 'auto', 'ltr' or 'rtl', not {direction!r}")


def _utf8_len(ch: str) -> int:
    cp = ord(ch)
    return 1 if cp < 0x80 else 2 if cp < 0x800 else 3 if cp < 0x10000 else 4


def _levels_rust(text: str, base_dir: str | None) -> ParagraphLevels | None:
    from bidi.bidi import get_display_inner

    info = get_display_inner(text, base_dir, True)
    if not isinstance(info, str):
        return None
    # The text itself is printed first, so search the structural markers from the end.
    para_at = info.rfind("paragraphs: [")
    levels_at = info.rfind("levels: [", 0, para_at)
    if para_at < 0 or levels_at < 0:
        return None
    byte_levels = [int(x) for x in _LEVEL.findall(info, levels_at, para_at)]
    para_levels = _LEVEL.findall(info, para_at)
    if len(byte_levels) != len(text.encode("utf-8")) or not para_levels:
        return None
    levels: list[int] = []
    at = 0
    for ch in text:
        levels.append(byte_levels[at])
        at += _utf8_len(ch)
    return ParagraphLevels(int(para_levels[0]), tuple(levels))


def _levels_python(text: str, base_dir: str | None) -> ParagraphLevels:
    from bidi import algorithm as alg

    storage = alg.get_empty_storage()
    base = alg.get_base_level(text) if base_dir is None else alg.PARAGRAPH_LEVELS[base_dir]
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    alg.get_embedding_levels(text, storage)
    alg.explicit_embed_and_overrides(storage)
    alg.resolve_weak_types(storage)
    alg.resolve_neutral_types(storage, False)
    alg.resolve_implicit_levels(storage, False)
    return ParagraphLevels(base, tuple(c["level"] for c in storage["chars"]))


@lru_cache(maxsize=2048)
def paragraph_levels(text: str, direction: Direction = "auto") -> ParagraphLevels:
    """Embedding level of every character of one paragraph.

    ``direction`` "auto" takes the base direction from the first strong character (LTR if
    none); "ltr"/"rtl" force it.
    """
    base_dir = _base_dir(direction)
    if not text:
        return ParagraphLevels(1 if direction == "rtl" else 0, ())
    if direction != "rtl" and not _RTL_TRIGGER.search(text):
        return ParagraphLevels(0, (0,) * len(text))
    return _levels_rust(text, base_dir) or _levels_python(text, base_dir)


def level_runs(levels: Sequence[int], start: int = 0, end: int | None = None) -> list[BidiRun]:
    """Split ``levels[start:end]`` into maximal runs of equal level (logical order)."""
    end = len(levels) if end is None else end
    runs: list[BidiRun] = []
    i = start
    while i < end:
        lvl = levels[i]
        j = i + 1
        while j < end and levels[j] == lvl:
            j += 1
        runs.append(BidiRun(i, j, lvl))
        i = j
    return runs


def visual_order(levels: Sequence[int]) -> list[int]:
    """Rule L2: indices of items (runs or characters) with ``levels`` in visual order.

    From the highest level down to the lowest odd level, every maximal sequence at that
    level or higher is reversed.
    """
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min(lv for lv in levels) | 1
    for lvl in range(highest, lowest_odd - 1, -1):
        i = 0
        n = len(order)
        while i < n:
            if levels[order[i]] >= lvl:
                j = i
                while j < n and levels[order[j]] >= lvl:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def display(text: str, direction: Direction = "auto") -> str:
    """Whole-paragraph display string (python-bidi's own reordering), for checks and logs."""
    from bidi import get_display

    return get_display(text, base_dir=_base_dir(direction))
