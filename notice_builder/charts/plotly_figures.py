"""Chart specs as interactive plotly figures, styled by a template made from the theme.

Stable interface (the app's views are built on it):

    to_plotly(spec, theme, locale, *, height=None) -> plotly.graph_objects.Figure
    plotly_template(theme) -> plotly.graph_objects.layout.Template

The figures show what the native drawing shows: the same numbers, the same words (every value
label, category, title and call-out comes from the spec), mirrored the same way in right-to-left
locales. Marks and labels carry the meaning, not colour alone: bars carry their values as text,
matrix cells a glyph for what happens and one for the choice, and greyscale-safe themes add
patterns. plotly is imported inside these functions only, so the core package needs no plotly.

Nothing here depends on plotly measuring text. plotly measures in a hidden element of the page's
body, so on a right-to-left page (`<html dir="rtl">`) every start- or end-anchored text measures
mirrored: automargin reserves no room for the labels of an axis, axis titles land on the labels
and left- or right-aligned annotations shift by their own width. So the margins beside an axis
come from the text engine's measure of its labels, the value axis's title is an annotation placed
past them, and every annotation is one line anchored at its middle, which measures the same in
both directions.
"""

from __future__ import annotations

import copy
import textwrap
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..i18n import is_rtl
from ..text import measure_text
from .canvas import blend
from .scale import format_value, nice_ticks
from .spec import (
    BarChartSpec,
    ChartSpec,
    ComparisonSpec,
    FlowSpec,
    MatrixSpec,
    Stat,
    StatSpec,
    TimelineSpec,
)

if TYPE_CHECKING:  # pragma: no cover
    import plotly.graph_objects as go

__all__ = ["MATRIX_GLYPHS", "NO_VALUE", "PATTERNS", "plotly_template", "to_plotly"]

NO_VALUE = "–"  # shown where a series has no data for a category, as the native drawing does
PATTERNS = ("", "/", "x", ".")  # series patterns on greyscale-safe themes (solid first)
# A matrix cell as text: the shape of the native mark for what happens, then the choice.
MATRIX_GLYPHS = {
    "collected": "●",
    "shared": "■",
    "sold": "◆",
    "opt_in": "✓",
    "opt_out": "✕",
    "optional": "?",
}
_RLI, _PDI = "\u2067", "\u2069"  # isolate right-to-left text, so mixed runs order correctly
NAME_CHARS = 28  # category names on an axis wrap at about this many characters
LINE = 1.55  # line height of stacked notes, in font sizes (Arabic marks reach far)
LINE_GAP = 1.4  # line height of stacked label lines, in font sizes
EDGE = 16  # px between the figure's side and its outermost text
LABEL_GAP = 10  # px between an axis's labels and the plot (plotly's gap, and a little air)
NARROWEST = 560  # px: the narrowest box a figure is shown in; notes wrap to fit it
KEY_GAP = "   "  # between the entries of a key


def _family(theme: Any) -> str:
    """The theme's families as a CSS font-family list. Each name quoted: a bare name with a
    number ("Noto Sans Symbols 2") makes the whole list invalid, and the browser then draws
    every label in plotly's default font."""
    quoted = ('"' + f.replace("\\", "").replace('"', "") + '"' for f in theme.typography.families)
    return ", ".join([*quoted, "sans-serif"])


def _rgba(colour: str, alpha: float) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha:g})"


def _template_key(theme: Any) -> tuple:
    p, ty = theme.palette, theme.typography
    colours = (p.surface, p.text, p.text_muted, p.border, *p.categorical)
    return (colours, tuple(ty.families), ty.caption, ty.small, ty.subheading)


_TEMPLATES: dict[tuple, dict[str, Any]] = {}


def _template(theme: Any) -> dict[str, Any]:
    """The template of `theme` as plain data (made once per look: figures share it)."""
    key = _template_key(theme)
    found = _TEMPLATES.get(key)
    if found is not None:
        return found
    p, ty = theme.palette, theme.typography
    family = _family(theme)
    axis = {
        "gridcolor": p.border,
        "linecolor": p.text_muted,
        "zerolinecolor": p.text_muted,
        "tickcolor": p.text_muted,
        "tickfont": {"color": p.text_muted, "size": ty.caption},
        "title": {"font": {"color": p.text_muted, "size": ty.caption}},
        "automargin": True,
    }
    template = {
        "layout": {
            "font": {"family": family, "size": ty.caption, "color": p.text},
            "title": {"font": {"family": family, "size": ty.subheading, "color": p.text}},
            "paper_bgcolor": p.surface,
            "plot_bgcolor": p.surface,
            "colorway": list(p.categorical),
            "xaxis": {**axis, "showgrid": False},
            "yaxis": {**axis, "showgrid": True},
            "legend": {"font": {"size": ty.caption, "color": p.text}, "bgcolor": p.surface},
            "hoverlabel": {
                "bgcolor": p.surface,
                "bordercolor": p.border,
                "font": {"family": family, "size": ty.small, "color": p.text},
            },
            "separators": ".,",  # the notices write Western digits with grouped thousands
        },
        "data": {
            "bar": [{"textfont": {"color": p.text, "size": ty.caption}, "cliponaxis": False}],
            "heatmap": [{"showscale": False}],
        },
    }
    if len(_TEMPLATES) > 64:  # brand colours make new looks; keep the cache small
        _TEMPLATES.clear()
    _TEMPLATES[key] = template
    return template


def plotly_template(theme: Any) -> go.layout.Template:
    """A plotly template from `theme`: its fonts, surfaces, text colours, categorical palette,
    gridlines and hover label."""
    import plotly.graph_objects as go

    return go.layout.Template(copy.deepcopy(_template(theme)))


def _need_plotly() -> None:
    try:
        import plotly.graph_objects  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            "plotly figures need plotly: install the 'app' extra (pip install notice-builder[app])"
        ) from exc


def _figure(data: list[dict[str, Any]], layout: dict[str, Any]) -> go.Figure:
    """The figure from plain data. Every property name and value here is written by this
    module and checked by its tests (which build each figure again with validation), so the
    figure skips plotly's validation: it would take most of the time of a figure."""
    import plotly.graph_objects as go

    return go.Figure({"data": data, "layout": layout}, _validate=False)


def _isolate(text: str, rtl: bool) -> str:
    """`text` as one right-to-left run in RTL locales (plotly has no `dir` of its own)."""
    return f"{_RLI}{text}{_PDI}" if rtl and text else text


def _html(text: str) -> str:
    """Plain text as plotly's label markup (which reads <, > and & as tags)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@lru_cache(maxsize=4096)
def _text_px(text: str, size: float, stack: Any, bold: bool, language: str) -> float:
    """Width in px of one line of `text` as the theme's fonts draw it."""
    return measure_text(text, size=size, stack=stack, bold=bold, language=language)


class _Figure:
    """Builds one figure: traces, then the frame (title, call-outs, direction, size)."""

    def __init__(self, spec: ChartSpec, theme: Any, locale: str) -> None:
        self.spec = spec
        self.theme = theme
        self.palette = theme.palette
        self.type = theme.typography
        self.rtl = is_rtl(locale)
        self.stack = theme.font_stack()
        self.language = locale.split("-")[0]
        # The figure as plain data, made into a plotly Figure once, in `finish`.
        self.data: list[dict[str, Any]] = []
        self.layout: dict[str, Any] = {"xaxis": {}, "yaxis": {}, "annotations": [], "shapes": []}
        self.notes: list[dict[str, Any]] = []  # paragraphs under the plot, placed in `finish`
        self.top = 64  # px above the plot: the title
        self.bottom = 24  # px below the plot: call-outs and notes are added to it
        self.sides = {"l": float(EDGE), "r": float(EDGE)}  # px beside the plot

    # Parts -------------------------------------------------------------------------------
    def trace(self, kind: str, **props: Any) -> None:
        self.data.append({"type": kind, **props})

    def xaxis(self, **props: Any) -> None:
        self.layout["xaxis"].update(props)

    def yaxis(self, **props: Any) -> None:
        self.layout["yaxis"].update(props)

    def annotate(self, **props: Any) -> None:
        # In the theme's fonts: plotly.js leaves an annotation without a family in its own
        # default font, and measures it in another (so it lands off its place).
        props["font"] = {"family": _family(self.theme), **props.get("font", {})}
        self.layout["annotations"].append(props)

    def set(self, **props: Any) -> None:
        self.layout.update(props)

    # Text --------------------------------------------------------------------------------
    def label(self, text: str) -> str:
        return _isolate(_html(text), self.rtl)

    def text_px(self, text: str, size: float, *, bold: bool = False) -> float:
        """Width in px of the widest line of `text` (lines split at newlines)."""
        lines = text.split("\n")
        return max(_text_px(line, size, self.stack, bold, self.language) for line in lines)

    def fit_lines(
        self, text: str, width: float, size: float, *, bold: bool = False, sep: str = " "
    ) -> list[str]:
        """`text` broken at `sep` into lines at most `width` px wide (a longer part stays
        whole). A line's width is the sum of its parts' and gaps' (each measured once)."""
        # The gap between two letters (a space alone measures nothing: it is trimmed).
        one = _text_px("n", size, self.stack, bold, self.language)
        gap = _text_px(f"n{sep}n", size, self.stack, bold, self.language) - 2 * one
        lines: list[str] = []
        used = 0.0
        for word in (part.strip() for part in text.split(sep)):
            if not word:
                continue
            px = _text_px(word, size, self.stack, bold, self.language)
            if lines and used + gap + px <= width:
                lines[-1] = f"{lines[-1]}{sep}{word}"
                used += gap + px
            else:
                lines.append(word)
                used = px
        return lines or [""]

    @staticmethod
    def name_lines(text: str, width: int = NAME_CHARS) -> list[str]:
        return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]

    def name(self, text: str, width: int = NAME_CHARS) -> str:
        """A category name on an axis, wrapped so long names do not take the plot's width."""
        return "<br>".join(self.label(line) for line in self.name_lines(text, width))

    def names_px(self, texts: Any, size: float, width: int = NAME_CHARS) -> float:
        """Width in px of the widest line of the category names `texts`, wrapped as `name`."""
        lines = [line for text in texts for line in self.name_lines(text, width)]
        return max((self.text_px(line, size) for line in lines), default=0.0)

    def rows(self, texts: list[str], size: float, extra: float) -> int:
        """Rows a horizontal key of `texts` (each `extra` px more) takes across the plot in the
        narrowest box: when it wraps, plotly sets its entries in columns as wide as the
        widest."""
        width = NARROWEST - self.sides["l"] - self.sides["r"]
        widths = [self.text_px(text, size) + extra for text in texts]
        if sum(widths) <= width:
            return 1
        across = max(int(width // max(widths)), 1)
        return -(-len(texts) // across)

    def reserve(self, px: float, *, start: bool = True) -> None:
        """Room of `px` beside the plot for an axis's labels, at the start edge (the left in
        left-to-right locales) or the end edge."""
        side = "r" if self.rtl == start else "l"
        self.sides[side] = max(self.sides[side], EDGE + px)

    def value_title(self, text: str, labels_px: float) -> None:
        """The title of an upright value axis, written upwards past its labels at the start
        edge. An annotation: plotly would place an axis title by measuring the labels."""
        if not text:
            return
        size = self.type.caption
        shift = labels_px + LABEL_GAP + size * 0.8
        self.annotate(
            text=self.label(text),
            textangle=-90,
            x=1.0 if self.rtl else 0.0,
            y=0.5,
            xref="paper",
            yref="paper",
            xanchor="center",
            yanchor="middle",
            xshift=shift if self.rtl else -shift,
            showarrow=False,
            font={"size": size, "color": self.palette.text_muted},
        )
        self.reserve(shift + size)

    def note(
        self, text: str, size: float, colour: str, *, bold: bool = False, sep: str = " "
    ) -> None:
        """A paragraph under the plot at the start edge (call-outs, a change, a key), wrapped
        at `sep` to fit the narrowest box the figure is shown in (plotly does not wrap)."""
        width = NARROWEST - 2 * EDGE
        self.notes.append(
            {
                "lines": self.fit_lines(text, width, size, bold=bold, sep=sep),
                "font": {"size": size, "color": colour},
                "bold": bold,
            }
        )

    def lines(self, lines: list[tuple[str, str, str]], size: float, **place: Any) -> None:
        """Lines of text (markup, colour, group) stacked about one point, each its own
        annotation anchored at its middle (see the module's note); the lines of one group
        are one text wrapped."""
        step = size * LINE_GAP
        for k, (text, colour, group) in enumerate(lines):
            self.annotate(
                text=text,
                align="center",
                showarrow=False,
                font={"size": size, "color": colour},
                name=group,
                **{**place, "yshift": place.get("yshift", 0) + ((len(lines) - 1) / 2 - k) * step},
            )

    def callouts(self, texts: tuple[str, ...]) -> None:
        for text in texts:
            self.note(text, self.type.small, self.palette.text)

    def empty(self, message: str) -> None:
        """Nothing to show: the message in a dashed frame, no axes."""
        p = self.palette
        self.annotate(
            text=self.label(message),
            x=0.5,
            y=0.5,
            xref="paper",
            yref="paper",
            showarrow=False,
            font={"size": self.type.body, "color": p.text_muted},
        )
        self.layout["shapes"].append(
            dict(
                type="rect",
                xref="paper",
                yref="paper",
                x0=0,
                y0=0,
                x1=1,
                y1=1,
                line={"color": p.border, "width": 1, "dash": "dash"},
            )
        )
        self.xaxis(visible=False)
        self.yaxis(visible=False)

    def bar_pattern(self, index: int) -> dict[str, Any]:
        """Series `index` told apart by pattern too on greyscale-safe themes, as natively."""
        if not self.theme.greyscale_safe or not PATTERNS[index % len(PATTERNS)]:
            return {}
        colour = self.palette.categorical[index % len(self.palette.categorical)]
        return {
            "pattern": {
                "shape": PATTERNS[index % len(PATTERNS)],
                "fgcolor": colour,
                "bgcolor": blend(colour, self.palette.surface, 0.25),
                "solidity": 0.35,
            },
            "line": {"color": colour, "width": 1.5},
        }

    # Frame -------------------------------------------------------------------------------
    def finish(self, plot_height: float, height: float | None) -> go.Figure:
        """Place the notes under the plot, then title, direction, margins and size."""
        note_px = [len(n["lines"]) * n["font"]["size"] * LINE + 6 for n in self.notes]
        below = 12.0
        x = self.layout["xaxis"]
        if self.data and x.get("visible", True) and x.get("side") != "top":
            below = 40.0 + (24.0 if x.get("title", {}).get("text") else 0.0)
        total_notes = sum(note_px)
        plot_px = plot_height
        if height is not None:  # the caller's height: the plot takes what the rest leaves
            plot_px = max(height - self.top - self.bottom - below - total_notes, 60.0)
        y_px = -below
        # Notes start at the figure's start edge, past any labels beside the plot, and hang
        # from the plot's foot in px: a page that stretches the figure moves the foot.
        edge = self.sides["r" if self.rtl else "l"] - EDGE
        for n, (paragraph, px) in enumerate(zip(self.notes, note_px, strict=True)):
            size = paragraph["font"]["size"]
            for k, line in enumerate(paragraph["lines"]):
                text = f"<b>{_html(line)}</b>" if paragraph["bold"] else _html(line)
                self.annotate(
                    text=_isolate(text, self.rtl),
                    font=paragraph["font"],
                    align="center",
                    xref="paper",
                    yref="paper",
                    x=1.0 if self.rtl else 0.0,
                    xanchor="right" if self.rtl else "left",
                    xshift=edge if self.rtl else -edge,
                    y=0.0,
                    yshift=y_px - k * size * LINE,
                    yanchor="top",
                    showarrow=False,
                    name=f"note-{n}",
                )
            y_px -= px
        margin_bottom = self.bottom + below + total_notes
        spec = self.spec
        self.set(
            template=_template(self.theme),
            title={
                "text": f"<b>{self.label(spec.title)}</b>" if spec.title else "",
                "x": 0.99 if self.rtl else 0.01,
                "xanchor": "right" if self.rtl else "left",
                "xref": "container",
                "y": 1.0,
                "yref": "container",
                "yanchor": "top",
                "pad": {"t": 16},
            },
            margin={
                "t": self.top,
                "b": margin_bottom,
                "l": round(self.sides["l"]),
                "r": round(self.sides["r"]),
                "autoexpand": True,
            },
            height=round(height if height is not None else plot_px + self.top + margin_bottom),
            hoverlabel={"align": "right" if self.rtl else "left"},
            legend={
                "orientation": "h",
                "x": 1.0 if self.rtl else 0.0,
                "xanchor": "right" if self.rtl else "left",
                "y": 1.0,
                "yanchor": "bottom",
                "traceorder": "reversed" if self.rtl else "normal",  # first series at the start
            },
            meta={"description": spec.description, "direction": "rtl" if self.rtl else "ltr"},
        )
        return _figure(self.data, self.layout)


# Bars ------------------------------------------------------------------------------------
def _bar_labels(spec: BarChartSpec) -> list[list[str]]:
    return [
        [
            NO_VALUE
            if v is None
            else (s.labels[i] if s.labels else format_value(v, spec.value_format))
            for i, v in enumerate(s.values)
        ]
        for s in spec.series
    ]


def _rows(spec: BarChartSpec) -> bool:
    """Horizontal bars when columns would crowd: many groups, long names, or a few single
    bars (as the native drawing decides, by counts instead of measured widths)."""
    if len(spec.series) == 1 and len(spec.categories) < 4:
        return True
    bars = len(spec.categories) * len(spec.series)
    return bars > 24 or any(len(c) > 14 for c in spec.categories)


def _bars(b: _Figure, spec: BarChartSpec, height: float | None) -> go.Figure:
    p = b.palette
    if spec.is_empty:
        b.empty(spec.empty_message or spec.description)
        b.callouts(spec.callouts)
        return b.finish(220.0, height)
    rows = _rows(spec)
    labels = _bar_labels(spec)
    categories = [b.name(c) if rows else b.label(c) for c in spec.categories]
    for j, (series, texts) in enumerate(zip(spec.series, labels, strict=True)):
        colour = p.categorical[j % len(p.categorical)]
        values = list(series.values)
        place = {"y": categories, "x": values} if rows else {"x": categories, "y": values}
        b.trace(
            "bar",
            name=b.label(series.name),
            orientation="h" if rows else "v",
            text=[b.label(t) for t in texts],
            texttemplate="%{text}",
            textposition="outside",
            textfont={"color": p.text, "size": b.type.caption},
            marker={"color": colour, **b.bar_pattern(j)},
            hovertemplate=(
                f"<b>%{{{'y' if rows else 'x'}}}</b><br>{b.label(series.name)}: "
                "%{text}<extra></extra>"
            ),
            showlegend=len(spec.series) > 1,
            **place,
        )
    top = max((v for s in spec.series for v in s.values if v is not None), default=0.0)
    # The native drawing's round ticks, in its format ("1,500"; whole counts stay whole).
    ticks = nice_ticks(top, integer=top >= 1)
    tick_text = [format_value(v, spec.value_format) for v in ticks]
    value_axis = {
        "showgrid": True,
        "range": [0, max(ticks[-1], top * 1.12)],
        "tickvals": list(ticks),
        "ticktext": tick_text,
    }
    category_axis: dict[str, Any] = {"showgrid": False, "type": "category"}
    size = b.type.caption
    if rows:
        value_axis["range"] = value_axis["range"][::-1] if b.rtl else value_axis["range"]
        category_axis.update(autorange="reversed", side="right" if b.rtl else "left")
        b.xaxis(**value_axis, title={"text": b.label(spec.unit)}, side="bottom")
        b.yaxis(**category_axis)
        b.reserve(b.names_px(spec.categories, size) + LABEL_GAP)
        plot = max(len(spec.categories) * (len(spec.series) * 22 + 14), 120)
    else:
        if b.rtl:
            category_axis["autorange"] = "reversed"
        b.xaxis(**category_axis)
        b.yaxis(**value_axis, side="right" if b.rtl else "left")
        labels_px = max(b.text_px(t, size) for t in tick_text)
        b.reserve(labels_px + LABEL_GAP)
        b.value_title(spec.unit, labels_px)
        plot = 300
    b.set(barmode="group", bargap=0.22, bargroupgap=0.06)
    if len(spec.series) > 1:  # the key above the plot, on as many rows as the narrowest box needs
        b.top += (b.rows([s.name for s in spec.series], size, 40) - 1) * size * 1.9
    b.callouts(spec.callouts)
    return b.finish(float(plot), height)


# Flow ------------------------------------------------------------------------------------
def _flow(b: _Figure, spec: FlowSpec, height: float | None) -> go.Figure:
    p = b.palette
    if spec.is_empty:
        b.empty(spec.empty_message or spec.description)
        b.callouts(spec.callouts)
        return b.finish(220.0, height)
    nodes = [n for col in spec.columns for n in col]
    index = {n.id: i for i, n in enumerate(nodes)}
    last = max(len(spec.columns) - 1, 1)
    key = spec.key_column
    keyed = [n for n in spec.columns[key] if not n.folded] if key is not None else []
    colour_of = {n.id: p.categorical[i % len(p.categorical)] for i, n in enumerate(keyed)}
    tallest = max(len(col) for col in spec.columns)
    plot = float(max(tallest * 34, 280))
    xs, ys, colours = [], [], []
    for c, column in enumerate(spec.columns):
        # Each node a slot as tall as its share, but at least a label line, as natively.
        total = sum(max(n.value, 0.0) for n in column) or 1.0
        slots = [max(max(n.value, 0.0) / total, 22.0 / plot) for n in column]
        scale = 1.0 / max(sum(slots), 1.0)
        cum = 0.0
        for node, slot in zip(column, slots, strict=True):
            x = c / last
            xs.append(min(max(1 - x if b.rtl else x, 0.001), 0.999))
            ys.append(min(max((cum + slot / 2) * scale, 0.001), 0.999))
            cum += slot
            colours.append(colour_of.get(node.id, p.text if node.highlight else p.text_muted))
    links = [link for link in spec.links if link.value > 0]
    link_colours = []
    for link in links:
        keyed_colour = colour_of.get(link.source) or colour_of.get(link.target)
        if keyed_colour:
            link_colours.append(_rgba(keyed_colour, 0.38))
        elif nodes[index[link.target]].highlight:
            link_colours.append(_rgba(p.text, 0.34))
        else:
            link_colours.append(_rgba(p.text_muted, 0.16))
    arrow = "←" if b.rtl else "→"
    b.trace(
        "sankey",
        arrangement="snap",
        node={
            "label": [b.label(n.label) for n in nodes],
            "x": xs,
            "y": ys,
            "color": colours,
            "pad": 10,
            "thickness": 10,
            "line": {"width": 0},
            "hovertemplate": "%{label}<extra></extra>",
        },
        link={
            "source": [index[link.source] for link in links],
            "target": [index[link.target] for link in links],
            "value": [link.value for link in links],
            "color": link_colours,
            "hovertemplate": f"%{{source.label}} {arrow} %{{target.label}}<extra></extra>",
        },
        textfont={"color": p.text, "size": b.type.caption, "family": _family(b.theme)},
    )
    for c, name in enumerate(spec.column_titles[: len(spec.columns)]):
        x = c / last
        x = 1 - x if b.rtl else x
        b.annotate(
            text=f"<b>{b.label(name)}</b>",
            x=x,
            y=1.0,
            xref="paper",
            yref="paper",
            yanchor="bottom",
            xanchor="center" if 0 < c < last else ("right" if (x > 0.5) else "left"),
            showarrow=False,
            font={"size": b.type.caption, "color": p.text_muted},
        )
    b.top += 24
    b.callouts(spec.callouts)
    return b.finish(plot, height)


# Retention timeline ----------------------------------------------------------------------
def _timeline(b: _Figure, spec: TimelineSpec, height: float | None) -> go.Figure:
    p = b.palette
    if spec.is_empty:
        b.empty(spec.empty_message or spec.description)
        b.callouts(spec.callouts)
        return b.finish(220.0, height)
    end = max([spec.max_days, *(t.value for t in spec.ticks)], default=0.0) or 1.0
    names = _distinct([b.name(item.label) for item in spec.items])
    # Fixed periods are solid bars; "until an event" runs open-ended to the end of the axis
    # (tinted and outlined, as natively); "case by case" has no bar, only its words.
    kinds = [
        "fixed" if item.days is not None else "event" if item.event else "open"
        for item in spec.items
    ]
    widths = [
        item.days if kind == "fixed" else end if kind == "event" else 0.0
        for item, kind in zip(spec.items, kinds, strict=True)
    ]
    fill = [p.primary if kind == "fixed" else blend(p.primary, p.surface, 0.14) for kind in kinds]
    size = b.type.caption
    b.reserve(b.names_px([item.label for item in spec.items], size) + LABEL_GAP)
    # Room past the end of the axis for the words after the longest bars (Arabic words run
    # wider: 1.45 clipped them at the figure's edge).
    room = end * 1.6
    plot_px = NARROWEST - b.sides["l"] - b.sides["r"]  # the plot in the narrowest box
    words, most_lines = [], 1
    for i, (item, kind, name, width) in enumerate(
        zip(spec.items, kinds, names, widths, strict=True)
    ):
        # The period in words after its bar (inside it for "until an event"), notes under it,
        # aligned at the start edge: plotly centres a bar's own multi-line text. Each wrapped
        # to the room after its bar in the narrowest box.
        start = width if kind == "fixed" else 0.0
        fits = max(plot_px * (1 - start / room) - 12, 120.0)
        parts = [(item.value_label, p.text)]
        parts += [(e, p.text_muted) for e in (item.event_label, item.note) if e]
        lines = [
            (b.label(line), colour, f"period-{i}-{j}")
            for j, (part, colour) in enumerate(parts)
            for line in b.fit_lines(part, fits, size)
        ]
        most_lines = max(most_lines, len(lines), len(b.name_lines(item.label)))
        text = b.label(item.value_label)
        if len(parts) > 1:
            extra = "<br>".join(b.label(part) for part, _ in parts[1:])
            text += f"<br><span style='color:{p.text_muted}'>{extra}</span>"
        words.append(text)
        b.lines(
            lines,
            size,
            x=start,
            y=name,
            xref="x",
            yref="y",
            xanchor="right" if b.rtl else "left",
            xshift=-6 if b.rtl else 6,
        )
    b.trace(
        "bar",
        orientation="h",
        y=names,
        x=widths,
        customdata=[[item.days, text] for item, text in zip(spec.items, words, strict=True)],
        marker={"color": fill, "line": {"color": p.primary, "width": 1}},
        hovertemplate="<b>%{y}</b><br>%{customdata[1]}<extra></extra>",
        showlegend=False,
    )
    shown = _thin(list(spec.ticks))
    ticks = {
        "tickvals": [t.value for t in shown],
        "ticktext": [b.label(t.label) for t in shown],
    }
    b.xaxis(
        range=[room, 0] if b.rtl else [0, room],
        tickangle=0,
        showgrid=True,
        title={"text": b.label(spec.axis_label)},
        **(ticks if spec.ticks else {}),
    )
    b.yaxis(
        autorange="reversed", side="right" if b.rtl else "left", showgrid=False, type="category"
    )
    b.callouts(spec.callouts)
    # Rows share the plot evenly: each as tall as the most lines a row has.
    row = most_lines * b.type.caption * LINE_GAP + 14
    return b.finish(float(max(len(spec.items) * row, 140)), height)


def _distinct(names: list[str]) -> list[str]:
    """Category names made distinct where two rows share one ("Name and email" kept for two
    periods), with zero-width spaces: plotly draws rows of the same name on one line."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, -1) + 1
        out.append(name + "\u200b" * seen[name])
    return out


def _thin(ticks: list[Any], most: int = 5) -> list[Any]:
    """At most `most` ticks, evenly spaced from the first (their labels are words, such as
    "18 months", and would collide)."""
    if len(ticks) <= most:
        return ticks
    step = -(-(len(ticks) - 1) // (most - 1))  # every step-th tick, evenly spaced from 0
    return ticks[::step]


# Matrix ----------------------------------------------------------------------------------
def _matrix(b: _Figure, spec: MatrixSpec, height: float | None) -> go.Figure:
    p = b.palette
    if spec.is_empty or not spec.cells:
        b.empty(spec.empty_message or spec.description)
        b.callouts(spec.callouts)
        return b.finish(220.0, height)
    level = {"collected": 1, "shared": 2, "sold": 3}
    z: list[list[float | None]] = [[None] * len(spec.columns) for _ in spec.rows]
    text = [[""] * len(spec.columns) for _ in spec.rows]
    hover = [[""] * len(spec.columns) for _ in spec.rows]
    for (r, c), cell in spec.cells.items():
        z[r][c] = level[cell.kind]
        glyph = MATRIX_GLYPHS[cell.kind]
        text[r][c] = f"{glyph} {MATRIX_GLYPHS[cell.choice]}" if cell.choice else glyph
        hover[r][c] = b.label(cell.label)
    tints = [blend(c, p.surface, 0.3) for c in (p.primary, p.accent, p.negative)]
    size = b.type.caption
    b.reserve(b.names_px(spec.rows, size) + LABEL_GAP)
    # Column names wrapped upright to the width of a column in the narrowest box; slanted when
    # a word would not fit it (or the names would take more than four lines).
    column_px = (NARROWEST - b.sides["l"] - b.sides["r"]) / len(spec.columns) + 2
    wrapped = [b.fit_lines(c, column_px, size) for c in spec.columns]
    upright = all(
        len(lines) <= 4 and all(b.text_px(line, size) <= column_px for line in lines)
        for lines in wrapped
    )
    b.trace(
        "heatmap",
        z=z,
        x=[
            "<br>".join(b.label(line) for line in lines) if upright else b.label(c)
            for c, lines in zip(spec.columns, wrapped, strict=True)
        ],
        y=[b.name(r) for r in spec.rows],
        text=text,
        texttemplate="%{text}",
        textfont={"color": p.text, "size": b.type.small},
        customdata=hover,
        hovertemplate="%{customdata}<extra></extra>",
        colorscale=[[0.0, tints[0]], [0.5, tints[1]], [1.0, tints[2]]],
        zmin=1,
        zmax=3,
        xgap=2,
        ygap=2,
        showscale=False,
        hoverongaps=False,
    )
    b.xaxis(
        side="top",
        showgrid=False,
        type="category",
        autorange="reversed" if b.rtl else True,
        tickangle=0 if upright else -40,
    )
    b.yaxis(
        autorange="reversed", side="right" if b.rtl else "left", showgrid=False, type="category"
    )
    key = KEY_GAP.join(f"{MATRIX_GLYPHS[e.key]} {e.label}" for e in spec.legend)
    if key:  # wrapped between entries, never inside one
        b.note(key, b.type.caption, p.text_muted, sep=KEY_GAP)
    b.callouts(spec.callouts)
    if upright:  # room for the column names on top
        b.top += max(len(lines) for lines in wrapped) * size * LINE_GAP + 14
    else:  # names slanted at 40°: up by their width times sin 40°, the last one out past
        # the end of the plot by its width times cos 40°
        b.top += max(b.text_px(c, size) for c in spec.columns) * 0.65 + size + 14
        b.reserve(b.text_px(spec.columns[-1], size) * 0.77, start=False)
    return b.finish(float(max(len(spec.rows) * 28, 120)), height)


# Figures ---------------------------------------------------------------------------------
def _stat(b: _Figure, spec: StatSpec, height: float | None) -> go.Figure:
    p = b.palette
    stat = spec.stat
    if stat.value is None:
        b.empty(spec.empty_message or spec.description)
        b.callouts(spec.callouts)
        return b.finish(160.0, height)
    prefix, suffix = _affixes(stat)
    b.trace(
        "indicator",
        mode="number",
        value=stat.value,
        number={
            "prefix": prefix,
            "suffix": suffix,
            "valueformat": ",.1~f",
            "font": {"size": b.type.big_number, "color": p.primary},
        },
        title={"text": b.label(stat.caption), "font": {"color": p.text_muted}},
        align="right" if b.rtl else "left",
        domain={"x": [0, 1], "y": [0, 1]},
    )
    b.callouts(spec.callouts)
    return b.finish(160.0, height)


def _affixes(stat: Stat) -> tuple[str, str]:
    """The words around the figure in `stat.value_label` ("31 min" → "", " min")."""
    assert stat.value is not None
    number = format_value(stat.value, "count")
    head, found, tail = stat.value_label.partition(number)
    if not found:  # a figure in other words: show the label after the number
        return "", f" ({stat.value_label})"
    return head, tail


def _comparison(b: _Figure, spec: ComparisonSpec, height: float | None) -> go.Figure:
    p = b.palette
    shown = [(s, strong) for s, strong in ((spec.before, False), (spec.after, True))]
    shown = [(s, strong) for s, strong in shown if s.value is not None]
    if not shown:
        b.empty(spec.empty_message or spec.description)
        b.callouts(spec.callouts)
        return b.finish(160.0, height)
    b.trace(
        "bar",
        orientation="h",
        y=[b.label(s.caption) for s, _ in shown],
        x=[s.value for s, _ in shown],
        text=[
            (f"<b>{b.label(s.value_label)}</b>" if k else b.label(s.value_label)) for s, k in shown
        ],
        texttemplate="%{text}",
        textposition="outside",
        textfont={"color": p.text, "size": b.type.subheading},
        marker={"color": [p.primary if k else p.text_muted for _, k in shown]},
        hovertemplate="<b>%{y}</b><br>%{text}<extra></extra>",
        showlegend=False,
    )
    top = max(s.value or 0.0 for s, _ in shown) or 1.0
    b.xaxis(range=[top * 1.45, 0] if b.rtl else [0, top * 1.45], visible=False)
    b.yaxis(
        autorange="reversed", side="right" if b.rtl else "left", showgrid=False, type="category"
    )
    b.reserve(max(b.text_px(s.caption, b.type.caption) for s, _ in shown) + LABEL_GAP)
    note = spec.change_label or (spec.empty_message if spec.before.value is None else "")
    if note:
        b.note(note, b.type.body, p.text if spec.change_label else p.text_muted, bold=True)
    b.callouts(spec.callouts)
    return b.finish(float(len(shown) * 56 + 20), height)


_BUILDERS: dict[type, Any] = {
    BarChartSpec: _bars,
    FlowSpec: _flow,
    TimelineSpec: _timeline,
    MatrixSpec: _matrix,
    StatSpec: _stat,
    ComparisonSpec: _comparison,
}


def to_plotly(
    spec: ChartSpec, theme: Any, locale: str, *, height: float | None = None
) -> go.Figure:
    """`spec` as a plotly figure themed by `theme` in `locale`. `height` (px) fixes the
    figure's height; by default it grows with the data (200 rows make a tall figure that the
    page scrolls, rather than squeezed labels)."""
    _need_plotly()
    try:
        build = _BUILDERS[type(spec)]
    except KeyError:
        raise TypeError(f"no plotly figure for {type(spec).__name__}") from None
    if height is not None and height <= 0:
        raise ValueError(f"height must be a positive number of px, not {height!r}")
    return build(_Figure(spec, theme, locale), spec, height)
