"""Reading a plotly figure and a native drawing back as words and numbers, to compare them."""

from __future__ import annotations

import html
import re

from chart_testkit import texts

from notice_builder.charts import (
    BarChartSpec,
    ComparisonSpec,
    FlowSpec,
    MatrixSpec,
    StatSpec,
    TimelineSpec,
)
from notice_builder.charts.plotly_figures import MATRIX_GLYPHS, NO_VALUE
from notice_builder.charts.scale import format_value

_TAG = re.compile(r"<(?!br)[^>]*>")
_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def plain(text: str | None) -> str:
    """plotly label markup back to the words: tags out, line breaks as spaces, no isolates."""
    if not text:
        return ""
    text = _TAG.sub("", text).replace("<br>", " ")
    return html.unescape(text).translate(_ISOLATES)


def figure_texts(fig) -> list[str]:
    """Every word a figure shows: title, annotations, traces' labels and text, axis ticks."""
    layout = fig.layout
    found = [plain(layout.title.text)]
    found += [plain(a.text) for a in layout.annotations]
    found += [plain(line) for a in layout.annotations for line in a.text.split("<br>")]
    # A paragraph drawn one line per annotation (grouped by name) is one text too.
    groups: dict[str, list[str]] = {}
    for a in layout.annotations:
        if a.name:
            groups.setdefault(a.name, []).append(plain(a.text))
    found += [" ".join(lines) for lines in groups.values()]
    for axis in (layout.xaxis, layout.yaxis):
        found.append(plain(axis.title.text))
        found += [plain(t) for t in axis.ticktext or ()]
    for trace in fig.data:
        kind = trace.type
        if kind == "bar":
            found += [plain(t) for t in trace.text or ()]
            found += [plain(v) for v in (trace.y if trace.orientation == "h" else trace.x)]
            if trace.showlegend:
                found.append(plain(trace.name))
        elif kind == "sankey":
            found += [plain(v) for v in trace.node.label]
        elif kind == "heatmap":
            found += [plain(v) for v in (*trace.x, *trace.y)]
        elif kind == "indicator":
            found.append(plain(trace.title.text))
            value = f"{trace.value:,.1f}".removesuffix(".0")
            found.append(f"{trace.number.prefix or ''}{value}{trace.number.suffix or ''}")
    return [t for t in found if t]


def native_texts(drawn) -> list[str]:
    return texts(drawn)


def spec_words(spec) -> list[str]:
    """The words of a spec that both drawings must show."""
    words = [spec.title, *spec.callouts]
    if getattr(spec, "is_empty", False) or _nothing(spec):
        return [w for w in [*words, spec.empty_message or spec.description] if w]
    if isinstance(spec, BarChartSpec):
        words += [*spec.categories, spec.unit]
        if len(spec.series) > 1:
            words += [s.name for s in spec.series]
        for s in spec.series:
            labels = s.labels or [
                format_value(v, spec.value_format) if v is not None else "" for v in s.values
            ]
            words += [
                NO_VALUE if v is None else label for v, label in zip(s.values, labels, strict=True)
            ]
    elif isinstance(spec, FlowSpec):
        words += [n.label for col in spec.columns for n in col] + list(spec.column_titles)
    elif isinstance(spec, TimelineSpec):
        for item in spec.items:
            words += [item.label, item.value_label, item.event_label, item.note or ""]
        words.append(spec.axis_label)
    elif isinstance(spec, MatrixSpec):
        words += [*spec.rows, *spec.columns]
    elif isinstance(spec, ComparisonSpec):
        for stat in (spec.before, spec.after):
            if stat.value is not None:
                words += [stat.caption, stat.value_label]
        words.append(spec.change_label)
    elif isinstance(spec, StatSpec):
        words += [spec.stat.caption, spec.stat.value_label]
    return [w for w in words if w]


def _nothing(spec) -> bool:
    if isinstance(spec, MatrixSpec):
        return not spec.cells
    if isinstance(spec, ComparisonSpec):
        return spec.before.value is None and spec.after.value is None
    if isinstance(spec, StatSpec):
        return spec.stat.value is None
    return False


def legend_words(spec) -> list[str]:
    """Matrix keys: the native legend's words, and plotly's glyph with the same words."""
    if not isinstance(spec, MatrixSpec) or not spec.cells:
        return []
    return [f"{MATRIX_GLYPHS[e.key]} {e.label}" for e in spec.legend]


def figure_numbers(fig, spec) -> list:
    """The figures a plotly figure plots, in the spec's order, to compare with the spec."""
    if isinstance(spec, BarChartSpec):
        return [list(t.x if t.orientation == "h" else t.y) for t in fig.data if t.type == "bar"]
    if isinstance(spec, FlowSpec):
        (sankey,) = fig.data
        labels = [plain(v) for v in sankey.node.label]
        return sorted(
            (labels[s], labels[t], v)
            for s, t, v in zip(
                sankey.link.source, sankey.link.target, sankey.link.value, strict=True
            )
        )
    if isinstance(spec, TimelineSpec):
        (bar,) = fig.data
        return [row[0] for row in bar.customdata]
    if isinstance(spec, MatrixSpec):
        (heat,) = fig.data
        return sorted(
            (r, c, z) for r, row in enumerate(heat.z) for c, z in enumerate(row) if z is not None
        )
    if isinstance(spec, ComparisonSpec):
        (bar,) = fig.data
        return list(bar.x)
    if isinstance(spec, StatSpec):
        (indicator,) = fig.data
        return [indicator.value]
    raise TypeError(type(spec).__name__)


def spec_numbers(spec) -> list:
    if isinstance(spec, BarChartSpec):
        return [list(s.values) for s in spec.series]
    if isinstance(spec, FlowSpec):
        label = {n.id: n.label for col in spec.columns for n in col}
        return sorted((label[k.source], label[k.target], k.value) for k in spec.links if k.value)
    if isinstance(spec, TimelineSpec):
        return [item.days for item in spec.items]
    if isinstance(spec, MatrixSpec):
        level = {"collected": 1, "shared": 2, "sold": 3}
        return sorted((r, c, level[m.kind]) for (r, c), m in spec.cells.items())
    if isinstance(spec, ComparisonSpec):
        return [s.value for s in (spec.before, spec.after) if s.value is not None]
    if isinstance(spec, StatSpec):
        return [spec.stat.value]
    raise TypeError(type(spec).__name__)
