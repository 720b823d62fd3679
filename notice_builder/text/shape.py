"""HarfBuzz shaping of one item (single face, script and direction).

Results are in font units and do not depend on the font size, so one cached result
serves every size a fitting loop tries; callers scale by ``size / face.upem``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb

from .fonts import FontFace

# kern and liga are HarfBuzz defaults; stated explicitly so intent survives API changes.
DEFAULT_FEATURES: tuple[tuple[str, bool], ...] = (("kern", True), ("liga", True))


@dataclass(frozen=True, slots=True)
class ShapedRun:
    """Glyphs of one item in visual order (left to right, also for RTL), font units.

    ``clusters`` are code point indices into the text that was passed to :func:`shape`;
    for RTL runs they decrease from left to right. Offsets are y-up, as in the font.
    """

    face: FontFace
    rtl: bool
    glyphs: tuple[int, ...]
    clusters: tuple[int, ...]
    x_advances: tuple[int, ...]
    x_offsets: tuple[int, ...]
    y_offsets: tuple[int, ...]
    advance: int  # sum of x_advances

    def scale(self, size: float) -> float:
        """Factor from font units to user units for a font size of ``size``."""
        return size / self.face.upem

    def width(self, size: float) -> float:
        return self.advance * size / self.face.upem


def shape(
    text: str,
    face: FontFace,
    *,
    start: int = 0,
    end: int | None = None,
    rtl: bool = False,
    script: str | None = None,
    language: str | None = None,
    features: tuple[tuple[str, bool], ...] = DEFAULT_FEATURES,
) -> ShapedRun:
    """Shape ``text[start:end]`` with ``face``; the rest of ``text`` is shaping context
    (so Arabic joins correctly across item boundaries). Cached per arguments."""
    end = len(text) if end is None else end
    return _shape_cached(text, start, end, face, rtl, script, language, features)


@lru_cache(maxsize=4096)
def _shape_cached(
    text: str,
    start: int,
    end: int,
    face: FontFace,
    rtl: bool,
    script: str | None,
    language: str | None,
    features: tuple[tuple[str, bool], ...],
) -> ShapedRun:
    buf = hb.Buffer()
    buf.add_str(text, start, end - start)
    buf.direction = "rtl" if rtl else "ltr"
    if script and script not in ("Zyyy", "Zinh", "Zzzz"):
        buf.script = script
    # Always set a language: HarfBuzz would otherwise use the process locale, making
    # output machine-dependent. "und" selects the font's default language system.
    buf.language = language or "und"
    flags = hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES
    if start == 0:
        flags |= hb.BufferFlags.BOT
    if end == len(text):
        flags |= hb.BufferFlags.EOT
    buf.flags = flags
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_GRAPHEMES
    hb.shape(face.hb_font, buf, dict(features))

    gids: list[int] = []
    clusters: list[int] = []
    adv: list[int] = []
    xo: list[int] = []
    yo: list[int] = []
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        gids.append(info.codepoint)
        clusters.append(info.cluster)
        adv.append(pos.x_advance)
        xo.append(pos.x_offset)
        yo.append(pos.y_offset)
    if 0 in gids:
        gids, clusters, adv, xo, yo = _replace_notdef(face, gids, clusters, adv, xo, yo)
    return ShapedRun(
        face, rtl, tuple(gids), tuple(clusters), tuple(adv), tuple(xo), tuple(yo), sum(adv)
    )


def _replace_notdef(
    face: FontFace,
    gids: list[int],
    clusters: list[int],
    adv: list[int],
    xo: list[int],
    yo: list[int],
) -> tuple[list[int], list[int], list[int], list[int], list[int]]:
    """Draw one replacement glyph per cluster whose base has no glyph (e.g. an emoji with a
    skin-tone modifier becomes a single U+FFFD, not two boxes); drop uncovered marks that
    sit on a real base."""
    out: tuple[list[int], list[int], list[int], list[int], list[int]] = ([], [], [], [], [])
    rep_adv = face.advance(face.replacement_gid)
    i, n = 0, len(gids)
    while i < n:
        j = i
        while j < n and clusters[j] == clusters[i]:
            j += 1
        group = range(i, j)
        if any(gids[k] == 0 for k in group):
            real = [k for k in group if gids[k] != 0]
            if not any(adv[k] for k in real):
                real = []
                for lst, val in zip(
                    out, (face.replacement_gid, clusters[i], rep_adv, 0, 0), strict=True
                ):
                    lst.append(val)
        else:
            real = list(group)
        for k in real:
            for lst, val in zip(out, (gids[k], clusters[k], adv[k], xo[k], yo[k]), strict=True):
                lst.append(val)
        i = j
    return out


def clear_caches() -> None:
    """Drop cached shaping results (tests, long-running servers)."""
    _shape_cached.cache_clear()
