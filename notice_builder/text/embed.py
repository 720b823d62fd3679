"""What an "editable" SVG needs: real ``<text>`` runs matching the shaped layout, and
subset fonts to embed with ``@font-face`` so viewers draw the same glyphs.

Recommended use per :class:`TextRunSpec` (viewers re-shape the logical text themselves)::

    <text x="{anchor_x}" y="{y}" direction="{direction}" text-anchor="start"
          font-family="{css_family}" font-weight="{weight}" font-size="{size}"
          textLength="{width}" lengthAdjust="spacingAndGlyphs">{text}</text>

With ``direction="rtl"``, "start" is the right edge, hence ``anchor_x`` = right edge for
RTL runs and left edge for LTR runs. ``textLength`` pins the viewer's width to ours.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .fonts import FontFace
from .segment import visual_text
from .wrap import GlyphRun, TextBlock

Flavor = Literal["woff2", "woff", "ttf"]


@dataclass(frozen=True, slots=True)
class TextRunSpec:
    """One uni-directional, single-font run of a line, in absolute user units (y-down)."""

    text: str  # logical order, outer spaces trimmed: what goes inside <text>
    visual_text: str  # drawing order left to right (for checks, not for <text>)
    x: float  # left edge
    y: float  # baseline
    width: float
    anchor_x: float  # left edge for LTR, right edge for RTL (text-anchor="start")
    family: str
    weight: int
    size: float
    direction: Literal["ltr", "rtl"]
    language: str | None
    line: int  # index of the line in the block


def _trimmed(run: GlyphRun) -> tuple[str, float, float]:
    """(text without outer spaces, advance trimmed on the left, on the right).

    SVG viewers drop leading/trailing spaces of a ``<text>``, so the spec leaves them out
    and narrows the box by their shaped advances (on the correct side for RTL runs).
    """
    text = run.text.strip(" ")
    lead = len(run.text) - len(run.text.lstrip(" "))
    trail = len(run.text) - len(run.text.rstrip(" "))
    cut = set(range(run.start, run.start + lead)) | set(range(run.end - trail, run.end))

    def edge(indices: range) -> float:
        total = 0.0
        for k in indices:
            if run.clusters[k] not in cut:
                break
            total += run.advances[k]
        return total

    n = len(run.glyphs)
    return text, edge(range(n)), edge(range(n - 1, -1, -1))


def editable_runs(block: TextBlock, x: float = 0.0, y: float = 0.0) -> list[TextRunSpec]:
    """Run descriptions for ``block`` placed with its top-left corner at (``x``, ``y``),
    line by line, each line's runs left to right. Outer spaces are trimmed from each run
    (and from its box); runs with no visible text are skipped."""
    specs = []
    for i, line in enumerate(block.lines):
        baseline = y + line.baseline
        for run in line.runs:
            text, left_cut, right_cut = _trimmed(run)
            if not text:
                continue
            left = x + line.x + run.x + left_cut
            width = run.width - left_cut - right_cut
            specs.append(
                TextRunSpec(
                    text=text,
                    visual_text=visual_text(text, run.rtl),
                    x=left,
                    y=baseline,
                    width=width,
                    anchor_x=left + width if run.rtl else left,
                    family=run.family,
                    weight=run.weight,
                    size=run.size,
                    direction=run.direction,
                    language=run.language,
                    line=i,
                )
            )
    return specs


def used_characters(block: TextBlock) -> dict[FontFace, str]:
    """Characters each face draws in ``block`` (sorted, unique), for subsetting."""
    chars: dict[FontFace, set[str]] = {}
    for line in block.lines:
        for run in line.runs:
            chars.setdefault(run.face, set()).update(run.text)
    return {face: "".join(sorted(cs)) for face, cs in chars.items()}


def best_flavor() -> Flavor:
    """ "woff2" when the brotli module is importable, else "woff" (zlib)."""
    try:
        import brotli  # noqa: F401
    except ImportError:
        return "woff"
    return "woff2"


def subset_font(face: FontFace, characters: Iterable[str], flavor: Flavor | None = None) -> bytes:
    """Font file bytes of ``face`` reduced to ``characters``.

    Subsetting is by character, keeping all OpenType layout features, so a viewer's own
    shaper still finds Arabic joining forms, ligatures and kerning. Deterministic output.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    flavor = flavor or best_flavor()
    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.hinting = False
    opts.recalc_timestamp = False
    opts.flavor = None if flavor == "ttf" else flavor
    font = TTFont(face.path, recalcTimestamp=False)
    subsetter = subset.Subsetter(options=opts)
    text = "".join(characters)
    # Space is kept so inter-word gaps exist even when only one word was measured.
    subsetter.populate(text=text + " ")
    subsetter.subset(font)
    font.flavor = opts.flavor
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


_MIME = {"woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf"}
_FORMAT = {"woff2": "woff2", "woff": "woff", "ttf": "truetype"}


def font_face_css(
    face: FontFace,
    characters: Iterable[str],
    *,
    css_family: str | None = None,
    flavor: Flavor | None = None,
) -> str:
    """An ``@font-face`` rule embedding the subset of ``face`` as a base64 data URI.

    ``css_family`` defaults to the face's family; pick a unique alias (e.g. "nb-noto-sans")
    if the SVG may meet pages that define the real family differently.
    """
    flavor = flavor or best_flavor()
    data = base64.b64encode(subset_font(face, characters, flavor)).decode("ascii")
    family = (css_family or face.family).replace("'", "")
    return (
        f"@font-face{{font-family:'{family}';font-weight:{face.weight};font-style:normal;"
        f"src:url(data:{_MIME[flavor]};base64,{data}) format('{_FORMAT[flavor]}');}}"
    )


def font_face_css_for_block(block: TextBlock, flavor: Flavor | None = None) -> str:
    """``@font-face`` rules for every face ``block`` uses (stable order: family, weight)."""
    used = used_characters(block)
    faces = sorted(used, key=lambda f: (f.family, f.weight))
    return "\n".join(font_face_css(f, used[f], flavor=flavor) for f in faces)
