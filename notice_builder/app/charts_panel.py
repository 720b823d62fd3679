"""The preview page's chart part: pick a chart, see it as an interactive figure with what it
shows in words, and download it alone (the logic is in `callbacks.charts`).

The part is an accordion item, closed at first: nothing is built until someone opens it.
"""

from __future__ import annotations

from typing import Any

import dash_mantine_components as dmc
from dash import dcc, html

from . import ids
from .callbacks.charts import DEFAULT_CHART, chart_options
from .export_panel import download_row
from .language import tr

# Like the Report page's graphs: the Download button makes the real files (theme fonts, presets);
# plotly's own PNG is a screenshot without them, so it is left out.
GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["toImage", "select2d", "lasso2d"],
}
HIDDEN = {"display": "none"}


def charts_section() -> Any:
    """The "Charts" accordion item: picker, figure, its description, and the download."""
    return dmc.Accordion(
        dmc.AccordionItem(
            [
                dmc.AccordionControl(tr("report.charts")),
                dmc.AccordionPanel(
                    [
                        dmc.Text(
                            tr("charts.caption"),
                            size="xs",
                            c="dimmed",
                        ),
                        dmc.Select(
                            id=ids.CHART_PICK,
                            label=tr("charts.chart"),
                            data=chart_options(),
                            value=DEFAULT_CHART,
                            allowDeselect=False,
                            w=260,
                            checkIconPosition="right",
                            mt="xs",
                        ),
                        html.Div(
                            id=ids.CHART_STATUS,
                            className="chart-status",
                            **{"aria-live": "polite"},
                        ),
                        html.Figure(
                            [
                                # Scrolls sideways only where the column is too narrow
                                # for the figure's call-outs; the words below never do.
                                html.Div(
                                    # Hidden until the first figure: no empty axes meanwhile.
                                    dcc.Graph(
                                        id=ids.CHART_GRAPH,
                                        config=GRAPH_CONFIG,
                                        style=HIDDEN,
                                        className="chart-graph",
                                    ),
                                    className="chart-scroll",
                                ),
                                html.Figcaption(id=ids.CHART_TEXT, className="chart-text"),
                            ],
                            id=ids.CHART_BOX,
                            className="chart-box",
                            dir="ltr",
                        ),
                        *download_row(
                            ids.CHART_FORMAT,
                            ids.CHART_PRESET,
                            ids.CHART_DOWNLOAD_BUTTON,
                            tr("charts.download"),
                            ids.CHART_EXPORT_STATUS,
                            ids.CHART_DOWNLOAD,
                            mt="xs",
                        ),
                    ]
                ),
            ],
            value="charts",
        ),
        id=ids.CHARTS,
        value=None,
        variant="contained",
        mt="md",
        className="charts",
    )


__all__ = ["GRAPH_CONFIG", "charts_section"]
