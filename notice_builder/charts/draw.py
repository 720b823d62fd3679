"""Native drawing of chart specs into scene shapes (one module per kind of chart).

Every function takes a spec, the width in px, a theme and a locale, and returns `Drawn`:
shapes placed from (0, 0) in one labelled group, the height they take, and what overflowed.
Options shared by all: `title=False` leaves the title to the layout's heading,
`callouts=False` leaves out the sentences under the chart, and `backdrop="#rrggbb"` names the
colour the chart sits on (default: the theme's surface), which label backings and tints use.
"""

from __future__ import annotations

from typing import Any

from .canvas import Drawn
from .draw_bars import draw_bar_chart
from .draw_flow import draw_flow
from .draw_matrix import draw_matrix
from .draw_stat import draw_comparison, draw_stat
from .draw_timeline import draw_timeline
from .spec import (
    BarChartSpec,
    ChartSpec,
    ComparisonSpec,
    FlowSpec,
    MatrixSpec,
    StatSpec,
    TimelineSpec,
)

_DRAWERS: dict[type, Any] = {
    BarChartSpec: draw_bar_chart,
    FlowSpec: draw_flow,
    TimelineSpec: draw_timeline,
    MatrixSpec: draw_matrix,
    StatSpec: draw_stat,
    ComparisonSpec: draw_comparison,
}


def draw_chart(spec: ChartSpec, width: float, theme: Any, locale: str, **options: Any) -> Drawn:
    """Draw any chart spec with the drawing made for its kind."""
    try:
        drawer = _DRAWERS[type(spec)]
    except KeyError:
        raise TypeError(f"no drawing for {type(spec).__name__}") from None
    return drawer(spec, width, theme, locale, **options)


__all__ = [
    "Drawn",
    "draw_bar_chart",
    "draw_chart",
    "draw_comparison",
    "draw_flow",
    "draw_matrix",
    "draw_stat",
    "draw_timeline",
]
