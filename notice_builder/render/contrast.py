"""Colour contrast after WCAG 2.2, and corrections that keep a colour's hue.

Ratios are WCAG 2.x relative-luminance ratios (1:1 to 21:1), computed by coloraide. A colour
that fails is corrected by moving its OKLCh lightness, keeping its hue (chroma shrinks only as
far as the sRGB gamut demands), to the nearest lightness that passes: the colour stays
recognisably the brand's, only lighter or darker.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

from coloraide import Color

__all__ = [
    "AA_GRAPHICS",
    "AA_TEXT",
    "AAA_TEXT",
    "NEAR_BLACK",
    "WHITE",
    "best_on",
    "chroma",
    "closest_passing",
    "contrast_ratio",
    "ensure_contrast",
    "format_ratio",
    "greyscale",
    "lightness",
    "normalise_hex",
]

AA_TEXT = 4.5  # WCAG 1.4.3, normal-size text
AAA_TEXT = 7.0  # WCAG 1.4.6
AA_GRAPHICS = 3.0  # WCAG 1.4.11 (icons, chart marks, focus outlines) and 1.4.3 large text

WHITE = "#ffffff"
NEAR_BLACK = "#111111"  # text on light brand colours: a neutral near-black (18.9:1 on white)

_HEX = re.compile(r"^#(?:[0-9a-f]{3}|[0-9a-f]{6})$")
_STEP = 0.004  # lightness step of the outward search (OKLCh L runs 0..1)


def normalise_hex(value: str) -> str:
    """'#ABC' or '#aabbcc' (any case, surrounding spaces allowed) as '#aabbcc'."""
    text = value.strip().lower()
    if not _HEX.match(text):
        raise ValueError(f"{value!r} is not a colour; write it as #rrggbb or #rgb")
    if len(text) == 4:
        text = "#" + "".join(ch * 2 for ch in text[1:])
    return text


@lru_cache(maxsize=4096)
def _luminance(color: str) -> float:
    return Color(normalise_hex(color)).luminance()


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two sRGB hex colours, from 1.0 to 21.0 (order does not matter)."""
    la, lb = _luminance(a), _luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def format_ratio(ratio: float) -> str:
    """'4.5:1'. Rounded down, so a failing ratio never prints as the threshold it misses."""
    shown = math.floor(ratio * 10 + 1e-9) / 10
    return f"{shown:g}:1"


def chroma(color: str) -> float:
    """OKLCh chroma (0 for greys; about 0.37 for the most vivid sRGB colours)."""
    return Color(normalise_hex(color)).convert("oklch")["chroma"]


def lightness(color: str) -> float:
    """OKLCh lightness, 0 (black) to 1 (white)."""
    return Color(normalise_hex(color)).convert("oklch")["lightness"]


def greyscale(color: str) -> str:
    """The grey of the same OKLCh lightness."""
    c = Color(normalise_hex(color)).convert("oklch")
    c["chroma"] = 0.0
    return _hex(c)


def _hex(color: Color) -> str:
    return color.convert("srgb").fit(method="raytrace", pspace="oklch").to_string(hex=True)


def _with_lightness(base: Color, lightness: float) -> str:
    c = base.clone()
    c["lightness"] = min(max(lightness, 0.0), 1.0)
    # Ray-traced gamut mapping in OKLCh keeps lightness and hue and only lowers chroma.
    return _hex(c)


def best_on(background: str) -> str:
    """White or near-black, whichever contrasts more with `background`."""
    return max((WHITE, NEAR_BLACK), key=lambda c: contrast_ratio(c, background))


def closest_passing(color: str, passes: Callable[[str], bool]) -> str | None:
    """The colour of `color`'s hue whose OKLCh lightness is nearest to its own and that
    `passes`; `color` itself when it passes; None when no lightness passes.

    Searches outwards in both directions, then narrows the first passing step down by
    bisection, checking the final rounded hex (8-bit rounding can cost a hundredth).
    """
    color = normalise_hex(color)
    if passes(color):
        return color
    base = Color(color).convert("oklch")
    if math.isnan(base["hue"]):
        base["hue"] = 0.0
    start = base["lightness"]
    found: list[tuple[float, str]] = []
    for sign in (-1, 1):
        previous = start
        distance = _STEP
        while 0.0 <= start + sign * (distance - _STEP) <= 1.0:
            lightness = min(max(start + sign * distance, 0.0), 1.0)
            candidate = _with_lightness(base, lightness)
            if passes(candidate):
                found.append(_narrow(base, previous, lightness, passes, candidate))
                break
            previous = lightness
            distance += _STEP
    if not found:
        return None
    return min(found)[1]


def _narrow(
    base: Color, failing: float, passing: float, passes: Callable[[str], bool], best: str
) -> tuple[float, str]:
    start = base["lightness"]
    for _ in range(12):
        middle = (failing + passing) / 2
        candidate = _with_lightness(base, middle)
        if passes(candidate):
            passing, best = middle, candidate
        else:
            failing = middle
    return abs(passing - start), best


def ensure_contrast(fg: str, bg: str, minimum: float) -> str:
    """`fg` when it has at least `minimum`:1 against `bg`; otherwise the nearest lightness of
    its hue that does, or white/near-black when no lightness of that hue reaches it."""
    found = closest_passing(fg, lambda c: contrast_ratio(c, bg) >= minimum)
    if found is not None:
        return found
    return max((WHITE, "#000000"), key=lambda c: contrast_ratio(c, bg))
