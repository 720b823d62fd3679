"""Bundled fonts: locating them, loading each face once, and grouping faces into stacks.

Only the fonts shipped in ``assets/fonts`` are ever used, so output never depends on
the machine's installed fonts.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import uharfbuzz as hb

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

# family -> (regular file, bold file). The symbol fonts have one weight: asking for bold
# returns the regular face (its ``bold`` is False and ``weight`` 400).
FAMILIES: dict[str, tuple[str, str]] = {
    "Noto Sans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "Noto Sans Arabic": ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    "Noto Sans Math": ("NotoSansMath-Regular.ttf", "NotoSansMath-Regular.ttf"),
    "Noto Sans Symbols 2": ("NotoSansSymbols2-Regular.ttf", "NotoSansSymbols2-Regular.ttf"),
}

REPLACEMENT_CHAR = 0xFFFD

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # .../notice_builder


def font_dir() -> Path:
    """Directory holding the bundled font files.

    An installed wheel carries them at ``notice_builder/_bundled/assets/fonts`` (checked
    first); a source checkout has them at ``<repo>/assets/fonts``.
    """
    candidates = (
        _PACKAGE_DIR / "_bundled" / "assets" / "fonts",
        Path(__file__).resolve().parents[2] / "assets" / "fonts",
    )
    for candidate in candidates:
        if (candidate / FAMILIES["Noto Sans"][0]).is_file():
            return candidate
    raise FileNotFoundError(
        "bundled fonts not found; looked in " + ", ".join(str(c) for c in candidates)
    )


def available_families() -> tuple[str, ...]:
    """Names accepted by :func:`get_face` and :class:`FontStack`."""
    return tuple(FAMILIES)


@dataclass(eq=False, repr=False)
class FontFace:
    """One loaded font file. Instances are shared singletons: compare by identity.

    Metrics are in font units (y-up, as in the font): ``ascender`` > 0, ``descender`` < 0.
    """

    family: str
    bold: bool
    weight: int  # OS/2 weight class of the file (400, 700)
    path: Path
    hb_face: hb.Face
    hb_font: hb.Font
    upem: int
    ascender: int
    descender: int
    line_gap: int
    coverage: frozenset[int]
    replacement_gid: int  # glyph drawn for characters no font covers (U+FFFD, else .notdef)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def key(self) -> str:
        """Stable identifier, e.g. ``"Noto Sans Arabic:700"``."""
        return f"{self.family}:{self.weight}"

    def has_char(self, cp: int) -> bool:
        return cp in self.coverage

    def advance(self, gid: int) -> int:
        """Horizontal advance of a glyph in font units."""
        return self.hb_font.get_glyph_h_advance(gid)

    @cached_property
    def ttfont(self) -> TTFont:
        """fontTools view of the file, loaded lazily (only outlines and subsetting need it)."""
        from fontTools.ttLib import TTFont

        with self._lock:
            return TTFont(self.path, lazy=True, recalcTimestamp=False)

    @cached_property
    def glyph_set(self) -> Any:
        """fontTools glyph set used to draw outlines."""
        font = self.ttfont
        with self._lock:
            return font.getGlyphSet()

    def draw_glyph(self, gid: int, pen: Any) -> None:
        """Draw glyph `gid` with a fontTools pen. fontTools decompiles glyphs lazily and is not
        thread-safe (two bands or two requests drawing a new glyph at once saw half-built
        glyphs), so drawing is serialised per face; callers cache the result."""
        glyph_set = self.glyph_set
        with self._lock:
            glyph_set[self.ttfont.getGlyphName(gid)].draw(pen)

    def __repr__(self) -> str:
        return f"FontFace({self.key!r})"


def _load_face(family: str, bold: bool) -> FontFace:
    try:
        files = FAMILIES[family]
    except KeyError:
        raise ValueError(
            f"unknown font family {family!r}; bundled families: {', '.join(FAMILIES)}"
        ) from None
    if bold and files[1] == files[0]:
        return get_face(family, False)
    path = font_dir() / files[1 if bold else 0]
    blob = hb.Blob(path.read_bytes())
    face = hb.Face(blob)
    font = hb.Font(face)  # default scale = upem, so shaping results are in font units
    # HarfBuzz picks OS/2 typo metrics when USE_TYPO_METRICS is set, hhea otherwise.
    extents = font.get_font_extents("ltr")
    replacement = font.get_nominal_glyph(REPLACEMENT_CHAR) or 0
    return FontFace(
        family=family,
        bold=bold,
        weight=round(font.get_style_value(hb.StyleTag.WEIGHT)),
        path=path,
        hb_face=face,
        hb_font=font,
        upem=face.upem,
        ascender=extents.ascender,
        descender=extents.descender,
        line_gap=extents.line_gap,
        coverage=frozenset(face.unicodes),
        replacement_gid=replacement,
    )


_faces: dict[tuple[str, bool], FontFace] = {}
_faces_lock = threading.RLock()  # re-entrant: a bold request may load the regular face


def get_face(family: str = "Noto Sans", bold: bool = False) -> FontFace:
    """Return the cached :class:`FontFace` for ``family``/``bold`` (loaded on first use)."""
    key = (family, bool(bold))
    face = _faces.get(key)
    if face is None:
        with _faces_lock:
            face = _faces.get(key)
            if face is None:
                face = _faces[key] = _load_face(family, bool(bold))
    return face


@dataclass(frozen=True)
class FontStack:
    """Ordered families for one text role; later families fill characters earlier ones lack."""

    families: tuple[str, ...] = (
        "Noto Sans",
        "Noto Sans Arabic",
        "Noto Sans Math",
        "Noto Sans Symbols 2",
    )

    def __post_init__(self) -> None:
        # Accept any sequence but store a tuple: stacks are cache keys and must hash.
        object.__setattr__(self, "families", tuple(self.families))
        if not self.families:
            raise ValueError("a FontStack needs at least one family")
        unknown = [f for f in self.families if f not in FAMILIES]
        if unknown:
            raise ValueError(f"unknown font families {unknown}; bundled: {', '.join(FAMILIES)}")

    @property
    def primary(self) -> str:
        return self.families[0]

    def faces(self, bold: bool = False) -> tuple[FontFace, ...]:
        return tuple(get_face(f, bold) for f in self.families)

    def __iter__(self) -> Iterator[str]:
        return iter(self.families)


DEFAULT_STACK = FontStack()
