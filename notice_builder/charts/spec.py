"""Chart specs: plain, frozen data that both drawings (native SVG, plotly) take.

A spec holds no model objects and does no drawing. Every string is already in the chosen
locale; numbers are plain floats (None = no data). Each spec carries an accessible
`description` (what the chart shows, as a sentence) and an `empty_message` when there is
nothing to show, so a drawing can say so instead of drawing an empty frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

ValueFormat = Literal["count", "days", "minutes", "percent"]
MarkKind = Literal["collected", "shared", "sold"]
Choice = Literal["optional", "opt_in", "opt_out"]


def _check_amount(value: float | None, what: str) -> None:
    """Figures are counts, days or minutes: finite and not negative (None = no data)."""
    if value is not None and not (math.isfinite(value) and value >= 0):
        raise ValueError(f"{what} must be a finite number of at least 0, not {value!r}")


@dataclass(frozen=True, slots=True)
class Series:
    """One named row of values, one per category; `labels` are their direct labels."""

    name: str
    values: tuple[float | None, ...]
    labels: tuple[str, ...] = ()  # text shown at each bar; empty: the drawing formats values


@dataclass(frozen=True, slots=True)
class BarChartSpec:
    """Grouped bars: one group per category, one bar per series."""

    title: str
    description: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str  # what the values count, shown beside the value axis ("Requests")
    value_format: ValueFormat = "count"
    callouts: tuple[str, ...] = ()  # key sentences shown under the chart
    empty_message: str | None = None

    def __post_init__(self) -> None:
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(
                    f"series {s.name!r} has {len(s.values)} values for "
                    f"{len(self.categories)} categories"
                )
            if s.labels and len(s.labels) != len(s.values):
                raise ValueError(f"series {s.name!r} needs one label per value")
            for v in s.values:
                _check_amount(v, f"a value of series {s.name!r}")

    @property
    def is_empty(self) -> bool:
        return not self.categories or not self.series


@dataclass(frozen=True, slots=True)
class FlowNode:
    """A node of a flow diagram in column `column` (0 = leftmost in reading order)."""

    id: str
    label: str
    value: float
    column: int
    highlight: bool = False  # stands out (e.g. a company other than the controller)
    folded: int = 0  # how many smaller nodes this "N more" node stands for


@dataclass(frozen=True, slots=True)
class FlowLink:
    """A band of width `value` from one node to a node in a later column."""

    source: str
    target: str
    value: float


@dataclass(frozen=True, slots=True)
class FlowSpec:
    """A Sankey diagram: columns of nodes joined by links (sources → data → purposes → who)."""

    title: str
    description: str
    columns: tuple[tuple[FlowNode, ...], ...]
    links: tuple[FlowLink, ...]
    column_titles: tuple[str, ...] = ()
    key_column: int | None = None  # links touching this column take its nodes' colours
    callouts: tuple[str, ...] = ()
    empty_message: str | None = None

    def __post_init__(self) -> None:
        ids = {n.id for col in self.columns for n in col}
        if len(ids) != sum(len(col) for col in self.columns):
            raise ValueError("flow node ids must be unique")
        for node in (n for col in self.columns for n in col):
            _check_amount(node.value, f"the value of node {node.id!r}")
        for link in self.links:
            _check_amount(link.value, f"the value of link {link.source!r} → {link.target!r}")
            if link.source not in ids or link.target not in ids:
                raise ValueError(f"link {link.source!r} → {link.target!r} names an unknown node")

    @property
    def is_empty(self) -> bool:
        return not any(self.columns) or not self.links


@dataclass(frozen=True, slots=True)
class Tick:
    """A labelled position on an axis."""

    value: float
    label: str


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """A retention period: `days` from collection (or from `event` when one is named)."""

    label: str  # what is kept ("Name and email, Purchases")
    days: float | None  # the fixed part; None = only until an event or by criteria
    event: str | None = None  # the event the period starts from or lasts until
    note: str | None = None  # criteria or the law that requires it
    value_label: str = ""  # the period in words ("2 years after you close your account")
    event_label: str = ""  # a period starting at an event: "Counted from: you close …"


@dataclass(frozen=True, slots=True)
class TimelineSpec:
    """Retention periods on one time axis (days), event-based ones marked with their event."""

    title: str
    description: str
    items: tuple[TimelineItem, ...]
    max_days: float
    ticks: tuple[Tick, ...] = ()  # axis positions in days with their labels
    axis_label: str = ""
    callouts: tuple[str, ...] = ()
    empty_message: str | None = None

    def __post_init__(self) -> None:
        _check_amount(self.max_days, "max_days")
        for item in self.items:
            _check_amount(item.days, f"the days of {item.label!r}")

    @property
    def is_empty(self) -> bool:
        return not self.items


@dataclass(frozen=True, slots=True)
class CellMark:
    """What a matrix cell says: collected, shared or sold, and whether people choose."""

    kind: MarkKind
    label: str  # the cell in words, for assistive technology
    choice: Choice | None = None  # None: not up to the person


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """A legend key ("collected", "shared", "opt_in") and its text."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class MatrixSpec:
    """Rows × columns (data × purposes) with a mark in each cell that applies."""

    title: str
    description: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: dict[tuple[int, int], CellMark] = field(default_factory=dict)
    legend: tuple[LegendEntry, ...] = ()
    callouts: tuple[str, ...] = ()
    empty_message: str | None = None

    def __post_init__(self) -> None:
        for r, c in self.cells:
            if not (0 <= r < len(self.rows) and 0 <= c < len(self.columns)):
                raise ValueError(f"cell ({r}, {c}) is outside the matrix")

    @property
    def is_empty(self) -> bool:
        return not self.rows or not self.columns


@dataclass(frozen=True, slots=True)
class Stat:
    """One figure with its words: 31 → "31 min", "Full privacy policy"."""

    value: float | None
    value_label: str
    caption: str


@dataclass(frozen=True, slots=True)
class StatSpec:
    """A single headline figure."""

    title: str
    description: str
    stat: Stat
    callouts: tuple[str, ...] = ()
    empty_message: str | None = None


@dataclass(frozen=True, slots=True)
class ComparisonSpec:
    """Before → after: reading time of the full policy vs this summary, or period over period."""

    title: str
    description: str
    before: Stat
    after: Stat
    change: float | None  # after - before; None when either is unknown
    change_label: str  # the change in words ("29 minutes less")
    better: Literal["lower", "higher"] = "lower"
    callouts: tuple[str, ...] = ()
    empty_message: str | None = None

    @property
    def improved(self) -> bool | None:
        if self.change is None or self.change == 0:
            return None
        return (self.change < 0) == (self.better == "lower")


ChartSpec = BarChartSpec | FlowSpec | TimelineSpec | MatrixSpec | StatSpec | ComparisonSpec
