"""QR codes as one SVG path, from segno (a well-kept pure-Python encoder)."""

from __future__ import annotations

from functools import lru_cache

import segno

from ..text.outline import fmt


@lru_cache(maxsize=32)
def _modules(data: str) -> tuple[tuple[bool, ...], ...]:
    # Error correction M survives a scuffed print; segno picks the smallest version that fits.
    code = segno.make(data, error="m", micro=False)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


def qr_modules(data: str) -> int:
    """Modules on a side of `data`'s code."""
    return len(_modules(data))


def qr_path(data: str, x: float, y: float, size: float) -> str:
    """Path data drawing the dark modules of `data`'s QR code in a `size` square at (x, y).

    Runs of dark modules in a row become one rectangle, which keeps the path short.
    """
    rows = _modules(data)
    unit = size / len(rows)
    parts = []
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            parts.append(
                f"M{fmt(x + start * unit)} {fmt(y + r * unit)}h{fmt((c - start) * unit)}"
                f"v{fmt(unit)}h{fmt(-(c - start) * unit)}z"
            )
    return "".join(parts)
