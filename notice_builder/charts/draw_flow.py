"""A Sankey diagram drawn natively: columns of node bars joined by curved bands.

Columns run from the start edge (right to left in Arabic). Band widths are proportional to
link values; a node's bar is as tall as its value, and its slot at least as tall as its
label, so labels never overlap. Labels sit beside their bar towards the end edge: over the
start of the bands on a translucent backing (so they stay readable), and in a lane of their
own for the last column. Bands touching the key column take its nodes' colours; bands into highlighted
nodes (companies other than the controller) a darker neutral than the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n.messages import phrase
from . import pieces
from .canvas import Canvas, Drawn
from .spec import FlowNode, FlowSpec

BAR = 8.0  # node bar width, px
BAND_OPACITY = 0.38
NEUTRAL_OPACITY = 0.16
HIGHLIGHT_OPACITY = 0.34
HALO_OPACITY = 0.82


@dataclass
class _Slot:
    node: FlowNode
    x: float  # start edge of the bar
    top: float  # top of the slot
    height: float  # height of the slot
    bar: float  # height of the bar
    label: Any  # TextBlock
    out_y: float = 0.0  # where the next outgoing band starts (stacking)
    in_y: float = 0.0

    @property
    def bar_top(self) -> float:
        return self.top + (self.height - self.bar) / 2


def _unit(spec: FlowSpec, canvas: Canvas) -> float:
    """Px per unit of flow: about one label line per unit, less when values are large."""
    total = max(sum(n.value for n in col) for col in spec.columns)
    line = canvas.type.caption * 1.3
    return max(min(line, 360.0 / max(total, 1e-9)), 2.0)


def _colours(spec: FlowSpec, canvas: Canvas) -> dict[str, str]:
    key = spec.key_column
    if key is None or key >= len(spec.columns):
        return {}
    nodes = [n for n in spec.columns[key] if not n.folded]  # "N more" stays neutral
    return {n.id: pieces.series_colour(canvas, i) for i, n in enumerate(nodes)}


def draw_flow(
    spec: FlowSpec,
    width: float,
    theme: Any,
    locale: str,
    *,
    title: bool = True,
    callouts: bool = True,
    backdrop: str | None = None,
) -> Drawn:
    """Draw `spec` `width` px wide: column titles, bands, node bars and labels, call-outs."""
    canvas = Canvas(width, theme, locale, backdrop)
    p, cap, space = canvas.palette, canvas.type.caption, canvas.space
    y = pieces.title(canvas, spec.title, 0.0) if title else 0.0
    columns = [col for col in spec.columns if col]
    if spec.is_empty or len(columns) < 2:
        y = pieces.empty_state(canvas, spec.empty_message or spec.description, y)
        if callouts:
            y = pieces.callouts(canvas, spec.callouts, y)
        return canvas.drawn(y, spec.description)

    m = len(columns)
    last = m - 1
    # The last column's labels get a lane of their own beyond its bars; every other column's
    # labels sit in the gap after their bars, over the start of the bands.
    natural = max(canvas.wrap(n.label, None, cap).width for n in columns[last])
    end_lane = min(max(natural, 48.0), canvas.width * 0.24)
    gap = (canvas.width - end_lane - 6 - BAR * m) / (m - 1)
    # Narrow charts give labels most of the gap: the bands then show between the labels.
    lane = max(gap * 0.6 - 6, min(gap - 12, 72.0), 24.0)
    lanes = [lane] * last + [end_lane]
    xs = [c * (BAR + gap) for c in range(m)]

    # Column titles over their bars and lanes.
    index_of = {id(col): i for i, col in enumerate(spec.columns)}
    titles = [
        spec.column_titles[index_of[id(col)]] if index_of[id(col)] < len(spec.column_titles) else ""
        for col in columns
    ]
    heads = [
        canvas.fit(
            text,
            min(lanes[c] + BAR + 6, canvas.width - xs[c]),
            cap,
            where=phrase("fit.where.column_title_named", name=text),
            max_lines=2,
            min_size=cap * 0.85,
            bold=True,
        )
        for c, text in enumerate(titles)
    ]
    head_h = max((h.height for h in heads), default=0.0)
    for c, block in enumerate(heads):
        canvas.text(block, xs[c], y, p.text_muted)
    y += head_h + space

    unit = _unit(spec, canvas)
    node_gap = space
    slots: dict[str, _Slot] = {}
    heights = []
    for c, col in enumerate(columns):
        column_slots = []
        for node in col:
            block = canvas.fit(
                node.label,
                lanes[c],
                cap,
                where=phrase("fit.where.node_named", name=node.label),
                max_lines=3,
                min_size=cap * 0.85,
                align="start",
            )
            bar = max(node.value * unit, 2.0)
            column_slots.append(_Slot(node, xs[c], 0.0, max(bar, block.height), bar, block))
        heights.append(sum(s.height for s in column_slots) + node_gap * (len(column_slots) - 1))
        slots.update({s.node.id: s for s in column_slots})
    tallest = max(heights)
    for c, col in enumerate(columns):
        top = y + (tallest - heights[c]) / 2  # columns centred on each other
        for node in col:
            slot = slots[node.id]
            slot.top = top
            slot.out_y = slot.in_y = slot.bar_top
            top += slot.height + node_gap

    colours = _colours(spec, canvas)
    links = [lk for lk in spec.links if lk.source in slots and lk.target in slots and lk.value > 0]
    # Stack bands in the order of the nodes they lead to, so they do not cross at the bars.
    order = {nid: (s.x, s.top) for nid, s in slots.items()}
    for link in sorted(links, key=lambda lk: (order[lk.source], order[lk.target])):
        src, dst = slots[link.source], slots[link.target]
        thick = link.value * unit
        y0, y1 = src.out_y, dst.in_y
        src.out_y += thick
        dst.in_y += thick
        x0, x1 = src.x + BAR, dst.x
        mid = (x0 + x1) / 2
        d = canvas.path_data().move(x0, y0).curve(mid, y0, mid, y1, x1, y1)
        d.line(x1, y1 + thick).curve(mid, y1 + thick, mid, y0 + thick, x0, y0 + thick).close()
        colour = colours.get(link.target) or colours.get(link.source)
        if colour:
            canvas.path(d, fill=colour, opacity=BAND_OPACITY)
        elif dst.node.highlight:
            canvas.path(d, fill=p.text, opacity=HIGHLIGHT_OPACITY)
        else:
            canvas.path(d, fill=p.text_muted, opacity=NEUTRAL_OPACITY)
    # Bars, then labels on a translucent backing over the bands.
    for slot in slots.values():
        neutral = p.text if slot.node.highlight else p.text_muted
        canvas.rect(slot.x, slot.bar_top, BAR, slot.bar, fill=colours.get(slot.node.id, neutral))
    for c, col in enumerate(columns):
        for node in col:
            slot = slots[node.id]
            block = slot.label
            lx = xs[c] + BAR + 6
            ly = slot.top + (slot.height - block.height) / 2
            if c < last:  # over the bands: a translucent backing hugging the ink
                right = lx + block.width + 2
                halo = canvas.path_data().move(lx - 2, ly).line(right, ly)
                halo.line(right, ly + block.height).line(lx - 2, ly + block.height).close()
                canvas.path(halo, fill=canvas.backdrop, opacity=HALO_OPACITY)
            canvas.text(block, lx, ly, p.text)
    y += tallest + space
    if callouts:
        y = pieces.callouts(canvas, spec.callouts, y)
    return canvas.drawn(y, spec.description)
