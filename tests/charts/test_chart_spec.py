"""Chart specs are plain, checked data."""

from __future__ import annotations

import math

import pytest

from notice_builder.charts import (
    BarChartSpec,
    CellMark,
    FlowLink,
    FlowNode,
    FlowSpec,
    MatrixSpec,
    Series,
    TimelineItem,
    TimelineSpec,
)


def test_a_series_needs_one_value_per_category():
    with pytest.raises(ValueError, match="2 values for 3 categories"):
        BarChartSpec("T", "D", ("a", "b", "c"), (Series("S", (1.0, 2.0)),), "u")
    with pytest.raises(ValueError, match="one label per value"):
        BarChartSpec("T", "D", ("a",), (Series("S", (1.0,), ("1", "2")),), "u")


@pytest.mark.parametrize("bad", [math.nan, math.inf, -1.0])
def test_figures_are_finite_and_not_negative(bad):
    with pytest.raises(ValueError, match="finite number"):
        BarChartSpec("T", "D", ("a",), (Series("S", (bad,)),), "u")
    with pytest.raises(ValueError, match="finite number"):
        TimelineSpec("T", "D", (TimelineItem("x", bad),), 1.0)
    nodes = ((FlowNode("a", "A", 1.0, 0),), (FlowNode("b", "B", 1.0, 1),))
    with pytest.raises(ValueError, match="finite number"):
        FlowSpec("T", "D", nodes, (FlowLink("a", "b", bad),))


def test_links_name_known_nodes_and_ids_are_unique():
    nodes = ((FlowNode("a", "A", 1.0, 0),), (FlowNode("b", "B", 1.0, 1),))
    with pytest.raises(ValueError, match="unknown node"):
        FlowSpec("T", "D", nodes, (FlowLink("a", "c", 1.0),))
    with pytest.raises(ValueError, match="unique"):
        FlowSpec("T", "D", (nodes[0], nodes[0]), ())


def test_cells_lie_inside_the_matrix():
    with pytest.raises(ValueError, match="outside"):
        MatrixSpec("T", "D", ("r",), ("c",), {(1, 0): CellMark("collected", "x")})


def test_specs_are_frozen_and_comparable():
    spec = BarChartSpec("T", "D", ("a",), (Series("S", (None,)),), "u")
    with pytest.raises(AttributeError):
        spec.title = "other"  # type: ignore[misc]
    assert spec == BarChartSpec("T", "D", ("a",), (Series("S", (None,)),), "u")
    assert not spec.is_empty and BarChartSpec("T", "D", (), (), "u").is_empty
