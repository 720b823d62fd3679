"""Charts: the notice → a chart spec (plain data) → shapes drawn natively (later: plotly).

    spec = build_chart("requests", notice, "ar")     # or charts.build.requests_chart(...)
    drawn = draw_chart(spec, 640, theme, "ar")       # Drawn(elements, height, overflow, missing)

Both drawings take the same spec, so they cannot disagree about numbers.
"""

from .build import (
    categories_by_source,
    flow_chart,
    practice_matrix,
    reading_time,
    requests_chart,
    response_time_change,
    response_time_chart,
    retention_timeline,
)
from .canvas import Drawn
from .draw import (
    draw_bar_chart,
    draw_chart,
    draw_comparison,
    draw_flow,
    draw_matrix,
    draw_stat,
    draw_timeline,
)
from .registry import build_chart, chart_names, get_chart, register_chart
from .spec import (
    BarChartSpec,
    CellMark,
    ChartSpec,
    ComparisonSpec,
    FlowLink,
    FlowNode,
    FlowSpec,
    LegendEntry,
    MatrixSpec,
    Series,
    Stat,
    StatSpec,
    Tick,
    TimelineItem,
    TimelineSpec,
)

__all__ = [
    "BarChartSpec",
    "CellMark",
    "ChartSpec",
    "ComparisonSpec",
    "Drawn",
    "FlowLink",
    "FlowNode",
    "FlowSpec",
    "LegendEntry",
    "MatrixSpec",
    "Series",
    "Stat",
    "StatSpec",
    "Tick",
    "TimelineItem",
    "TimelineSpec",
    "build_chart",
    "categories_by_source",
    "chart_names",
    "draw_bar_chart",
    "draw_chart",
    "draw_comparison",
    "draw_flow",
    "draw_matrix",
    "draw_stat",
    "draw_timeline",
    "flow_chart",
    "get_chart",
    "practice_matrix",
    "reading_time",
    "register_chart",
    "requests_chart",
    "response_time_change",
    "response_time_chart",
    "retention_timeline",
]
