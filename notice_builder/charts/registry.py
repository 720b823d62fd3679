"""The charts by name, for layouts, the CLI and the app: one registry, built-ins included."""

from __future__ import annotations

from collections.abc import Callable

from ..model import PrivacyNotice
from . import build
from .spec import ChartSpec

Builder = Callable[[PrivacyNotice, str], ChartSpec]

_CHARTS: dict[str, Builder] = {}


def register_chart(name: str, builder: Builder, *, replace: bool = False) -> None:
    """Make `builder(notice, locale) -> spec` available as `name`."""
    if name in _CHARTS and not replace and _CHARTS[name] is not builder:
        raise ValueError(f"a chart called '{name}' is already registered; pass replace=True")
    _CHARTS[name] = builder


def get_chart(name: str) -> Builder:
    """The builder registered as `name`; an unknown name lists the known ones."""
    try:
        return _CHARTS[name]
    except KeyError:
        raise KeyError(f"unknown chart '{name}' (known: {', '.join(chart_names())})") from None


def chart_names() -> list[str]:
    return sorted(_CHARTS)


def build_chart(name: str, notice: PrivacyNotice, locale: str) -> ChartSpec:
    """The spec of chart `name` for `notice` in `locale`."""
    return get_chart(name)(notice, locale)


for _name, _builder in {
    "requests": build.requests_chart,
    "response-time": build.response_time_chart,
    "flow": build.flow_chart,
    "retention": build.retention_timeline,
    "matrix": build.practice_matrix,
    "sources": build.categories_by_source,
    "reading-time": build.reading_time,
    "sensitivity": build.categories_by_sensitivity,
    "requests-by-period": build.requests_by_period,
    "response-change": build.response_time_change,
    "opt-outs": build.opt_outs_chart,
    "incidents": build.incidents_chart,
}.items():
    register_chart(_name, _builder)
