"""The flow spec: where data comes from → what it is → why it is used → who gets it.

Each (kind of data, purpose) pair of a practice is one unit of flow. It is split evenly
among the data's named sources on the left and among the practice's recipients on the
right; data no one else receives flows to the controller ("Only Brewline Coffee"). So every
node passes on what it receives and band widths add up.
"""

from __future__ import annotations

from collections import defaultdict

from ..i18n import t
from ..model import PrivacyNotice
from .build_data import SOURCE_KINDS
from .spec import FlowLink, FlowNode, FlowSpec
from .wording import listing, text

SOURCES, DATA, PURPOSES, RECIPIENTS = range(4)
CONTROLLER = "recipient:_controller"


def _weights(notice: PrivacyNotice) -> dict[tuple[str, str], float]:
    """Link weights between node ids, accumulated over every practice."""
    weights: dict[tuple[str, str], float] = defaultdict(float)
    for practice in notice.practices:
        targets = [f"recipient:{r}" for r in practice.recipients] or [CONTROLLER]
        for data_id in practice.data:
            category = notice.category(data_id)
            sources = [f"source:{s}" for s in category.sources] or [f"kind:{category.source}"]
            for purpose_id in practice.purposes:
                data, purpose = f"data:{data_id}", f"purpose:{purpose_id}"
                for source in sources:
                    weights[(source, data)] += 1 / len(sources)
                weights[(data, purpose)] += 1.0
                for target in targets:
                    weights[(purpose, target)] += 1 / len(targets)
    return weights


def _labels(notice: PrivacyNotice, locale: str) -> dict[str, str]:
    labels = {f"kind:{k}": t(f"source.{k}", locale) for k in SOURCE_KINDS}
    labels.update({f"source:{s.id}": s.name for s in notice.sources})
    labels.update({f"data:{c.id}": text(c.label, notice, locale) for c in notice.data_categories})
    labels.update({f"purpose:{p.id}": text(p.label, notice, locale) for p in notice.purposes})
    for r in notice.recipients:
        labels[f"recipient:{r.id}"] = r.name or text(r.label, notice, locale)
    labels[CONTROLLER] = t("chart.flow.kept", locale, organisation=notice.controller.name)
    return labels


def _column(node_id: str) -> int:
    prefix = node_id.split(":", 1)[0]
    return {"kind": SOURCES, "source": SOURCES, "data": DATA, "purpose": PURPOSES}.get(
        prefix, RECIPIENTS
    )


def _order(notice: PrivacyNotice, weights: dict[tuple[str, str], float]) -> list[list[str]]:
    """Node ids per column. Sources in a fixed order, kinds of data grouped by source (in the
    notice's order within a source), then purposes and recipients by the mean position of
    what flows into them (the barycentre heuristic), which keeps bands from crossing."""
    used = {n for pair in weights for n in pair}
    known = [f"kind:{k}" for k in SOURCE_KINDS] + [f"source:{s.id}" for s in notice.sources]
    sources = [n for n in known if n in used]
    rank = {n: i for i, n in enumerate(sources)}
    data = [f"data:{c.id}" for c in notice.data_categories if f"data:{c.id}" in used]
    first = {d: min(rank[a] for (a, b) in weights if b == d) for d in data}
    data.sort(key=lambda d: first[d])  # a stable sort keeps the notice's order within a source

    def by_feeders(nodes: list[str], feeders: list[str]) -> list[str]:
        place = {n: i for i, n in enumerate(feeders)}
        centre = {}
        for node in nodes:
            pairs = [(place[a], w) for (a, b), w in weights.items() if b == node and a in place]
            total = sum(w for _, w in pairs) or 1.0
            centre[node] = sum(i * w for i, w in pairs) / total
        return sorted(nodes, key=lambda n: centre[n])

    purposes = [f"purpose:{p.id}" for p in notice.purposes if f"purpose:{p.id}" in used]
    recipients = [f"recipient:{r.id}" for r in notice.recipients if f"recipient:{r.id}" in used]
    if CONTROLLER in used:
        recipients.append(CONTROLLER)
    purposes = by_feeders(purposes, data)
    return [sources, data, purposes, by_feeders(recipients, purposes)]


def _fold(columns: list[list[str]], values: dict[str, float], max_nodes: int) -> dict[str, str]:
    """Map each node id to itself, or to its column's "N more" node when the column has more
    than `max_nodes` nodes (the smallest are folded)."""
    alias = {}
    for index, column in enumerate(columns):
        if len(column) <= max_nodes:
            continue
        keep = set(sorted(column, key=lambda n: (-values[n], column.index(n)))[: max_nodes - 1])
        for node in column:
            alias[node] = node if node in keep else f"more:{index}"
    return alias


def flow_chart(notice: PrivacyNotice, locale: str, *, max_nodes: int = 12) -> FlowSpec:
    """Sources → kinds of data → purposes → recipients, as a Sankey spec. Columns with more
    than `max_nodes` nodes keep the largest and fold the rest into one "N more" node."""
    weights = _weights(notice)
    columns = _order(notice, weights)
    inflow: dict[str, float] = defaultdict(float)
    outflow: dict[str, float] = defaultdict(float)
    for (a, b), w in weights.items():
        outflow[a] += w
        inflow[b] += w
    values = {n: max(inflow[n], outflow[n]) for column in columns for n in column}
    alias = _fold(columns, values, max(2, max_nodes))
    labels = _labels(notice, locale)
    merged: dict[tuple[str, str], float] = defaultdict(float)
    for (a, b), w in weights.items():
        merged[(alias.get(a, a), alias.get(b, b))] += w
    spec_columns = []
    for index, column in enumerate(columns):
        ids = list(dict.fromkeys(alias.get(n, n) for n in column))
        folded = sum(1 for n in column if alias.get(n, n) != n)
        nodes = []
        for node in ids:
            value = sum(values[n] for n in column if alias.get(n, n) == node)
            label = (
                t("chart.more", locale, count=folded) if node.startswith("more:") else labels[node]
            )
            more = folded if node.startswith("more:") else 0
            shared = index == RECIPIENTS and node != CONTROLLER and not more
            nodes.append(FlowNode(node, label, round(value, 6), index, shared, more))
        spec_columns.append(tuple(nodes))
    links = tuple(FlowLink(a, b, round(w, 6)) for (a, b), w in merged.items())
    return FlowSpec(
        title=t("chart.flow.title", locale),
        description=t("chart.flow.description", locale, count=len(columns[DATA])),
        columns=tuple(spec_columns),
        links=links,
        column_titles=tuple(
            t(f"chart.flow.col.{k}", locale) for k in ("sources", "data", "purposes", "recipients")
        ),
        key_column=DATA,
        callouts=_shared_callouts(notice, locale),
    )


def _shared_callouts(notice: PrivacyNotice, locale: str, limit: int = 5) -> tuple[str, ...]:
    """ "PayCo Payments gets Payment card and Purchases", for the recipients getting most."""
    data: dict[str, list[str]] = {}
    for practice in notice.practices:
        for r in practice.recipients:
            names = data.setdefault(r, [])
            for d in practice.data:
                label = text(notice.category(d).label, notice, locale)
                if label not in names:
                    names.append(label)
    if not data:
        return (t("chart.flow.not_shared", locale),)
    order = [r.id for r in notice.recipients if r.id in data]
    order.sort(key=lambda r: -len(data[r]))
    callouts = []
    for r in order[:limit]:
        recipient = notice.recipient(r)
        name = recipient.name or text(recipient.label, notice, locale)
        callouts.append(
            t("chart.flow.shared", locale, recipient=name, data=listing(data[r], locale))
        )
    if len(order) > limit:
        callouts.append(t("chart.flow.more_recipients", locale, count=len(order) - limit))
    return tuple(callouts)
