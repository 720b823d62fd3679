"""Chart specs from a validated notice and a locale: one function per chart.

Every function returns a valid spec for any valid notice: no reports, a single period,
zero counts or 200 kinds of data give a spec with an `empty_message` or folded nodes,
never an exception.
"""

from __future__ import annotations

from .build_data import categories_by_sensitivity, categories_by_source, practice_matrix
from .build_flow import flow_chart
from .build_periods import incidents_chart, opt_outs_chart, requests_by_period
from .build_reading import reading_time
from .build_reports import requests_chart, response_time_change, response_time_chart
from .build_retention import retention_timeline

__all__ = [
    "categories_by_sensitivity",
    "categories_by_source",
    "incidents_chart",
    "opt_outs_chart",
    "flow_chart",
    "practice_matrix",
    "reading_time",
    "requests_by_period",
    "requests_chart",
    "response_time_change",
    "response_time_chart",
    "retention_timeline",
]
