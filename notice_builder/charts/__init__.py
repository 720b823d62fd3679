"""Charts: the notice → a chart spec (plain data) → shapes drawn natively, or a plotly figure.

    spec = build_chart("requests", notice, "ar")     # or charts.build.requests_chart(...)
    drawn = draw_chart(spec, 640, theme, "ar")       # Drawn(elements, height, overflow, missing)
    figure = to_plotly(spec, theme, "ar")            # needs plotly (the 'app' extra)

Both drawings take the same spec, so they cannot disagree about numbers.
"""

from .build import (
    categories_by_sensitivity,
    categories_by_source,
    flow_chart,
    incidents_chart,
    opt_outs_chart,
    practice_matrix,
    reading_time,
    requests_by_period,
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
from .plotly_figures import plotly_template, to_plotly
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
    "categories_by_sensitivity",
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
    "incidents_chart",
    "opt_outs_chart",
    "plotly_template",
    "practice_matrix",
    "reading_time",
    "register_chart",
    "requests_by_period",
    "requests_chart",
    "response_time_change",
    "response_time_chart",
    "retention_timeline",
    "to_plotly",
]
