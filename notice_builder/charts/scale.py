"""Round axis ticks for a value scale, and value labels in the chart's format."""

from __future__ import annotations

import math

from ..i18n import format_number
from .spec import ValueFormat

_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


def nice_ticks(top: float, *, integer: bool = True, target: int = 5) -> tuple[float, ...]:
    """Evenly spaced round ticks from 0 to at least `top` (0..1 when `top` is 0 or less)."""
    if not math.isfinite(top) or top <= 0:
        return (0.0, 1.0)
    raw = top / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in _STEPS if m * magnitude >= raw * (1 - 1e-9))
    if integer and step < 1:
        step = 1.0
    if integer and step != int(step):  # 2.5 → 5 for whole counts below 10
        step = 5 * magnitude
    count = max(1, math.ceil(top / step - 1e-9))
    return tuple(round(i * step, 10) for i in range(count + 1))


def format_value(value: float, value_format: ValueFormat) -> str:
    """A figure in the chart's format: grouped digits, a percent sign for percentages."""
    text = format_number(round(value, 1))
    return f"{text}%" if value_format == "percent" else text
