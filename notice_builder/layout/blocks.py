"""The block types a layout is made of. Each draws itself into a box `width` wide and says how
tall it is; the engine places blocks on the page and draws the cards behind them.

One registry: `BLOCKS` maps a block's `type` (as written in layouts/*.yaml) to its function.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..render import icons
from ..render.scene import Element, Line, Path, Rect
from ..render.scene import Image as ImageShape
from ..render.scene import Text as TextShape
from . import spec
from .charts import draw_chart
from .context import Context
from .facts import describe_retention, facts, humanize_duration, period_label
from .kit import EMPTY, Piece, column_width, grid, heading, icon_item, pill, stack, text
from .qr import qr_modules, qr_path

BlockFunc = Callable[[Any, Context, float], Piece]
BLOCKS: dict[str, BlockFunc] = {}


def block(type_: str) -> Callable[[BlockFunc], BlockFunc]:
    def register(func: BlockFunc) -> BlockFunc:
        BLOCKS[type_] = func
        return func

    return register


def _with_heading(
    ctx: Context, b: Any, title: str, icon: str | None, width: float, body: Piece
) -> Piece:
    if not b.heading:
        return body
    return stack([heading(ctx, title, width, icon), body], ctx.theme.spacing * 2)


def _link(ctx: Context, target: str) -> str | None:
    notice = ctx.notice
    if target == "choices":
        return notice.choices.page if notice.choices and notice.choices.page else notice.url
    if target == "full-policy":
        return (
            notice.full_policy.url if notice.full_policy and notice.full_policy.url else notice.url
        )
    return notice.url


def _display_url(ctx: Context, url: str) -> str:
    """A link as people read it: no scheme, kept left-to-right inside Arabic text."""
    return ctx.ltr(
        url.removeprefix("https://").removeprefix("mailto:").removeprefix("tel:").rstrip("/")
    )


@block("header")
def header(b: spec.HeaderBlock, ctx: Context, width: float) -> Piece:
    notice, palette, s = ctx.notice, ctx.theme.palette, ctx.theme.spacing
    rule_w = s * 6
    pieces: list[Element] = [
        Rect(ctx.mirror(0, rule_w, width), 0, rule_w, s * 0.75, palette.primary, radius=s * 0.375)
    ]
    title_width = width
    if ctx.logo is not None:
        # The logo sits at the end edge, opposite the start of the title, at most 56 px tall;
        # the title wraps short of it.
        logo = ctx.logo
        w = min(56 * ctx.scale * logo.width / logo.height, width / 3)
        h = w * logo.height / logo.width
        label = f"{notice.controller.name} logo"
        pieces.append(ImageShape(logo.data_uri, ctx.mirror(width - w, w, width), 0, w, h, label))
        title_width = width - w - s * 3
    y = s * 2.5
    title = text(ctx, ctx.text(notice.title), title_width, "title", bold=True)
    pieces.append(title.moved(ctx.mirror(0, title_width, width), y))
    y += title.height + s
    updated = notice.last_updated or notice.effective_date
    byline = (
        f"{notice.controller.name} · {ctx.t('notice.updated', date=ctx.ltr(updated.isoformat()))}"
    )
    line = text(ctx, byline, width, "small", color=palette.text_muted)
    pieces.append(line.moved(0, y))
    y += line.height
    if b.summary and notice.summary:
        summary = text(
            ctx, ctx.text(notice.summary), min(width, 860), "subheading", color=palette.text
        )
        x = ctx.mirror(0, summary.width, width)
        pieces.append(summary.moved(x, y + s * 1.5))
        y += summary.height + s * 1.5
    return Piece(tuple(pieces), y, width)


def _fact_tiles(ctx: Context, names: list[str]) -> list[tuple[str, str]]:
    f = facts(ctx.notice)
    tiles: list[tuple[str, str]] = []
    for name in names:
        if name == "categories":
            tiles.append(("database", ctx.t("fact.categories", count=f.categories)))
        elif name == "purposes":
            tiles.append(("target", ctx.t("fact.purposes", count=f.purposes)))
        elif name == "selling":
            tiles.append(
                (
                    "sold" if f.sold else "never_sold",
                    ctx.t("fact.sold" if f.sold else "fact.never_sold"),
                )
            )
        elif name == "sharing":
            if f.processors or f.third_parties:
                label = ctx.t("fact.processors", count=f.processors)
                if f.third_parties:
                    label += " · " + ctx.t("fact.third_parties", count=f.third_parties)
            else:
                label = ctx.t("fact.no_third_parties")
            tiles.append(("share", label))
        elif name == "retention" and f.longest_retention is not None:
            duration = humanize_duration(f.longest_retention.duration or "P0D", ctx.locale)
            tiles.append(("clock", ctx.t("fact.kept_up_to", duration=duration)))
        elif name == "opt-out" and f.opt_out_clicks is not None:
            tiles.append(("toggle", ctx.t("fact.opt_out_clicks", count=f.opt_out_clicks)))
        elif name == "gpc" and f.gpc_honoured:
            tiles.append(("globe", ctx.t("fact.gpc_honoured")))
        elif name == "reading" and f.full_policy_minutes:
            tiles.append(
                ("book", ctx.t("reading.saves", minutes=2, full=round(f.full_policy_minutes)))
            )
    return tiles


@block("key-facts")
def key_facts(b: spec.KeyFactsBlock, ctx: Context, width: float) -> Piece:
    palette, s = ctx.theme.palette, ctx.theme.spacing
    tiles = _fact_tiles(ctx, list(b.facts))
    gap = s * 2
    cell = column_width(width, min(b.columns, max(1, len(tiles))), gap)
    pieces = []
    icon_size = ctx.size("big_number") * 0.9
    for name, label in tiles:
        shapes: list[Element] = []
        pad = s * 2
        inner = cell - 2 * pad
        shapes.append(
            icons_shape(
                name, ctx.mirror(pad, icon_size, cell), pad, icon_size, palette.primary, ctx
            )
        )
        body = text(ctx, label, inner, "subheading", bold=True)
        shapes.append(body.moved(pad, pad + icon_size + s * 1.5))
        height = pad * 2 + icon_size + s * 1.5 + body.height
        pieces.append(Piece(tuple(shapes), height, cell))
    # Tiles of a row share a height, so their cards line up.
    rows: list[Piece] = []
    columns = min(b.columns, max(1, len(pieces)))
    for start in range(0, len(pieces), columns):
        row = pieces[start : start + columns]
        tall = max(p.height for p in row)
        rows.extend(
            Piece(
                (
                    Rect(0, 0, p.width, tall, palette.surface, palette.border, 1, ctx.theme.radius),
                    *p.elements,
                ),
                tall,
                p.width,
            )
            for p in row
        )
    return grid(ctx, rows, columns, width, gap=gap, row_gap=gap)


def icons_shape(name: str, x: float, y: float, size: float, color: str, ctx: Context):
    from ..render.scene import Icon

    return Icon(icons.ICON_FOR.get(name, name), x, y, size, color, ctx.icon_stroke(size))


@block("data-categories")
def data_categories(b: spec.DataCategoriesBlock, ctx: Context, width: float) -> Piece:
    notice, s = ctx.notice, ctx.theme.spacing
    shown = notice.data_categories[: b.limit]
    hidden = len(notice.data_categories) - len(shown)

    def item(category) -> Piece:
        detail = ", ".join(ctx.text(e) for e in category.examples[:3]) if b.examples else None
        return icon_item(
            ctx,
            icons.category_icon(category.kind),
            ctx.text(category.label),
            column_width(width, b.columns, s * 3),
            detail=detail,
        )

    parts: list[Piece] = []
    if b.group_by_source:
        order = ["provided", "observed", "inferred", "third_party", "public"]
        for source in order:
            group = [c for c in shown if c.source == source]
            if not group:
                continue
            label = text(
                ctx,
                ctx.t(f"source.{source}"),
                width,
                "small",
                bold=True,
                color=ctx.theme.palette.text_muted,
            )
            parts.append(
                stack([label, grid(ctx, [item(c) for c in group], b.columns, width)], s * 1.5)
            )
    else:
        parts.append(grid(ctx, [item(c) for c in shown], b.columns, width))
    if hidden:
        parts.append(
            text(
                ctx,
                ctx.t("category.more", count=hidden),
                width,
                "small",
                color=ctx.theme.palette.text_muted,
            )
        )
    body = stack(parts, s * 2.5)
    return _with_heading(ctx, b, ctx.t("section.collect"), None, width, body)


@block("purposes")
def purposes(b: spec.PurposesBlock, ctx: Context, width: float) -> Piece:
    s = ctx.theme.spacing
    items = []
    for purpose in ctx.notice.purposes[: b.limit]:
        badge = {"opt_in": ctx.t("purpose.opt_in"), "opt_out": ctx.t("purpose.opt_out")}.get(
            purpose.consent
        )
        detail = ctx.text(purpose.description) if b.descriptions else None
        items.append(
            icon_item(
                ctx,
                icons.purpose_icon(purpose.kind),
                ctx.text(purpose.label),
                column_width(width, b.columns, s * 3),
                detail=detail,
                badge=badge,
            )
        )
    return _with_heading(
        ctx, b, ctx.t("section.why"), None, width, grid(ctx, items, b.columns, width)
    )


@block("sharing")
def sharing(b: spec.SharingBlock, ctx: Context, width: float) -> Piece:
    notice, palette, s = ctx.notice, ctx.theme.palette, ctx.theme.spacing
    f = facts(notice)
    statements = [
        (
            "sold" if f.sold else "never_sold",
            ctx.t("sharing.sold" if f.sold else "sharing.never_sold"),
        ),
        (
            "share",
            ctx.t("sharing.shared_for_ads" if f.shared_for_ads else "sharing.not_shared_for_ads"),
        ),
    ]
    lines = [
        icon_item(ctx, icons.ICON_FOR.get(i, i), label, width, icon_size=ctx.size("body") * 2)
        for i, label in statements
    ]
    used = {r for p in notice.practices for r in p.recipients}
    recipients = [r for r in notice.recipients if r.id in used]
    cell = column_width(width, b.columns, s * 3)
    items = []
    for r in recipients:
        role = ctx.text(r.label) if r.label else ctx.t(f"recipient.{r.kind}")
        where = (
            ctx.t("recipient.in_countries", countries=", ".join(r.countries))
            if r.countries
            else None
        )
        detail = " · ".join(x for x in (role if r.name else None, where) if x)
        items.append(
            icon_item(ctx, icons.ICON_FOR["building"], r.name or role, cell, detail=detail or None)
        )
    if not recipients:
        items.append(text(ctx, ctx.t("sharing.none"), width, color=palette.text_muted))
    body = stack([stack(lines, s * 1.5), grid(ctx, items, b.columns, width)], s * 3)
    return _with_heading(ctx, b, ctx.t("section.sharing"), None, width, body)


@block("retention")
def retention(b: spec.RetentionBlock, ctx: Context, width: float) -> Piece:
    notice, palette, s = ctx.notice, ctx.theme.palette, ctx.theme.spacing
    rows = []
    seen: set[tuple[str, ...]] = set()
    for practice in notice.practices:
        if not practice.retention:
            continue
        key = (practice.retention, *practice.data)
        if key in seen:
            continue
        seen.add(key)
        rule = notice.retention_rule(practice.retention)
        what = ", ".join(ctx.text(notice.category(c).label) for c in practice.data)
        how_long = (
            ctx.text(rule.label) if rule.label else describe_retention(rule, notice, ctx.locale)
        )
        half = (width - s * 3) / 2
        left = text(ctx, what, half, "body", bold=True)
        right = text(ctx, how_long, half, "body", color=palette.text_muted)
        height = max(left.height, right.height)
        shapes = (
            left.moved(ctx.mirror(0, half, width), 0),
            right.moved(ctx.mirror(half + s * 3, half, width), 0),
            Line(0, height + s, width, height + s, palette.border, 1),
        )
        rows.append(Piece(shapes, height + s * 1.5, width))
    body = stack(rows, s) if rows else EMPTY
    return _with_heading(ctx, b, ctx.t("section.retention"), None, width, body)


def _channel_text(ctx: Context, channel) -> str:
    if channel.label:
        return ctx.text(channel.label)
    return _display_url(
        ctx, channel.url or (f"mailto:{channel.email}" if channel.email else channel.phone or "")
    )


@block("rights")
def rights(b: spec.RightsBlock, ctx: Context, width: float) -> Piece:
    s = ctx.theme.spacing
    cell = column_width(width, b.columns, s * 3)
    items = []
    for right in ctx.notice.rights:
        details = []
        if b.channels and right.channels:
            details.append(" · ".join(_channel_text(ctx, c) for c in right.channels[:2]))
        if right.response_time:
            details.append(
                ctx.t(
                    "right.answer_within",
                    duration=humanize_duration(right.response_time, ctx.locale),
                )
            )
        title = ctx.text(right.label) if right.label else ctx.t(f"right.{right.kind}")
        items.append(
            icon_item(
                ctx, icons.right_icon(right.kind), title, cell, detail="\n".join(details) or None
            )
        )
    return _with_heading(
        ctx, b, ctx.t("section.rights"), None, width, grid(ctx, items, b.columns, width)
    )


@block("choices")
def choices(b: spec.ChoicesBlock, ctx: Context, width: float) -> Piece:
    notice, s = ctx.notice, ctx.theme.spacing
    cell = column_width(width, b.columns, s * 3)
    items = []
    options = notice.choices.opt_outs if notice.choices else []
    for option in options:
        where = (
            ctx.text(option.where)
            if option.where
            else (_display_url(ctx, option.url) if option.url else None)
        )
        items.append(
            icon_item(
                ctx,
                icons.ICON_FOR["toggle"],
                ctx.text(option.label),
                cell,
                detail=where,
                badge=ctx.t("choice.clicks", count=option.clicks),
            )
        )
    parts = [grid(ctx, items, b.columns, width)]
    if notice.choices and notice.choices.gpc and notice.choices.gpc.honored:
        parts.append(
            icon_item(ctx, icons.ICON_FOR["globe"], ctx.t("choice.gpc"), width, title_role="small")
        )
    return _with_heading(ctx, b, ctx.t("section.choices"), None, width, stack(parts, s * 2))


@block("security")
def security(b: spec.SecurityBlock, ctx: Context, width: float) -> Piece:
    notice, s = ctx.notice, ctx.theme.spacing
    measures = notice.security.measures if notice.security else []
    cell = column_width(width, b.columns, s * 3)
    items = [
        icon_item(
            ctx,
            icons.security_icon(m.kind),
            ctx.text(m.label) if m.label else ctx.t(f"security.{m.kind}"),
            cell,
            icon_size=ctx.size("body") * 2,
        )
        for m in measures
    ]
    parts = [grid(ctx, items, b.columns, width, row_gap=s * 1.5)]
    if notice.security and notice.security.certifications:
        certified = ctx.t(
            "security.certified", certifications=", ".join(notice.security.certifications)
        )
        parts.append(text(ctx, certified, width, "small", color=ctx.theme.palette.text_muted))
    return _with_heading(ctx, b, ctx.t("section.security"), None, width, stack(parts, s * 2))


@block("commitments")
def commitments(b: spec.CommitmentsBlock, ctx: Context, width: float) -> Piece:
    palette, s = ctx.theme.palette, ctx.theme.spacing
    promises = [c for c in ctx.notice.commitments if c.text is not None]
    if not promises:
        return EMPTY
    pad = s * 3
    columns = min(3, len(promises))
    cell = column_width(width - 2 * pad, columns, s * 3)
    size = ctx.size("heading")
    items = []
    for c in promises:
        label = text(
            ctx,
            ctx.text(c.text),
            cell - size - s * 1.5,
            "subheading",
            bold=True,
            color=palette.on_primary,
        )
        check = icons_shape("check", ctx.mirror(0, size, cell), 0, size, palette.on_primary, ctx)
        label_x = ctx.mirror(size + s * 1.5, cell - size - s * 1.5, cell)
        items.append(Piece((check, label.moved(label_x, 0)), max(size, label.height), cell))
    body = grid(ctx, items, columns, width - 2 * pad, row_gap=s * 2)
    band = Rect(0, 0, width, body.height + 2 * pad, palette.primary, radius=ctx.theme.radius)
    return Piece((band, body.moved(pad, pad)), body.height + 2 * pad, width)


@block("qr-code")
def qr_code(b: spec.QrCodeBlock, ctx: Context, width: float) -> Piece:
    palette, s = ctx.theme.palette, ctx.theme.spacing
    url = _link(ctx, b.target)
    if not url:
        return EMPTY
    size = min(b.size, width)
    # A quiet zone of white around the code keeps it scannable on dark themes too.
    quiet = size * 4 / qr_modules(url)  # the standard's four-module quiet zone
    x = ctx.mirror(0, size + 2 * quiet, width)
    shapes: list[Element] = [
        Rect(x, 0, size + 2 * quiet, size + 2 * quiet, "#ffffff", radius=s),
        Path(qr_path(url, x + quiet, quiet, size), fill="#000000"),
    ]
    caption_x = size + 2 * quiet + s * 2
    caption_w = width - caption_x
    y = size + 2 * quiet
    if caption_w > 160:
        cap = text(ctx, ctx.t(f"qr.{b.target}"), caption_w, "subheading", bold=True)
        link = text(ctx, _display_url(ctx, url), caption_w, "small", color=palette.text_muted)
        tx = ctx.mirror(caption_x, caption_w, width)
        shapes += [cap.moved(tx, 0), link.moved(tx, cap.height + s / 2)]
    else:
        link = text(ctx, _display_url(ctx, url), width, "caption", color=palette.text_muted)
        shapes.append(link.moved(0, y + s))
        y += s + link.height
    return Piece(tuple(shapes), y, width)


@block("call-to-action")
def call_to_action(b: spec.CallToActionBlock, ctx: Context, width: float) -> Piece:
    palette, s = ctx.theme.palette, ctx.theme.spacing
    url = _link(ctx, b.target)
    label = text(
        ctx,
        ctx.t(f"link.{b.target}"),
        width - s * 6,
        "subheading",
        bold=True,
        color=palette.on_primary,
    )
    button_w = min(width, label.width + s * 6)
    button_h = label.height + s * 3
    bx = ctx.mirror(0, button_w, width)
    inner = ctx.wrap(ctx.t(f"link.{b.target}"), label.width + 0.01, "subheading", bold=True)
    shapes: list[Element] = [
        Rect(bx, 0, button_w, button_h, palette.primary, radius=button_h / 2),
        TextShape(inner, bx + s * 3, s * 1.5, palette.on_primary),
    ]
    height = button_h
    if url:
        link = text(ctx, _display_url(ctx, url), width, "small", color=palette.text_muted)
        shapes.append(link.moved(0, button_h + s))
        height += s + link.height
    return Piece(tuple(shapes), height, width)


@block("footer")
def footer(b: spec.FooterBlock, ctx: Context, width: float) -> Piece:
    notice, palette, s = ctx.notice, ctx.theme.palette, ctx.theme.spacing
    contact = (
        notice.contact or notice.controller.email or (notice.dpo.email if notice.dpo else None)
    )
    parts = []
    if contact:
        parts.append(ctx.t("notice.contact", contact=ctx.ltr(contact)))
    if notice.url:
        parts.append(ctx.t("notice.full_policy", url=_display_url(ctx, notice.url)))
    body = text(ctx, "   ·   ".join(parts), width, "small", color=palette.text_muted)
    rule = Line(0, 0, width, 0, palette.border, 1)
    return Piece((rule, body.moved(0, s * 2)), body.height + s * 2, width)


@block("report-summary")
def report_summary(b: spec.ReportSummaryBlock, ctx: Context, width: float) -> Piece:
    notice, palette, s = ctx.notice, ctx.theme.palette, ctx.theme.spacing
    reports = notice.sorted_reports
    if not reports:
        return _with_heading(
            ctx,
            b,
            ctx.t("section.report"),
            None,
            width,
            text(ctx, ctx.t("report.no_reports"), width, color=palette.text_muted),
        )
    latest = reports[-1]
    period = ctx.text(latest.label) if latest.label else period_label(latest.period, ctx.locale)
    received = sum(r.received for r in latest.requests)
    completed = sum(r.completed for r in latest.requests)
    figures = [
        (f"{received:,}", ctx.t("report.received")),
        (f"{completed:,}", ctx.t("report.completed")),
    ]
    if latest.median_days_to_respond is not None:
        figures.append((f"{latest.median_days_to_respond:g}", ctx.t("report.median_days")))
    if latest.opt_outs is not None:
        figures.append((f"{latest.opt_outs:,}", ctx.t("report.opt_outs")))
    cell = column_width(width, len(figures), s * 3)
    tiles = []
    for value, label in figures:
        number = text(ctx, value, cell, "big_number", bold=True, color=palette.primary)
        caption = text(ctx, label, cell, "small", color=palette.text_muted)
        tiles.append(stack([number, caption], s / 2))
    parts = [grid(ctx, tiles, len(tiles), width)]
    incidents = pill(ctx, ctx.t("report.incidents", count=latest.incidents), width)
    parts.append(
        Piece((incidents.moved(ctx.mirror(0, incidents.width, width), 0),), incidents.height, width)
    )
    for highlight in latest.highlights[:3]:
        parts.append(
            icon_item(
                ctx,
                icons.ICON_FOR["check"],
                ctx.text(highlight),
                width,
                icon_size=ctx.size("body") * 1.75,
                title_role="small",
            )
        )
    title = ctx.t("report.period", period=period)
    return _with_heading(ctx, b, title, None, width, stack(parts, s * 2))


@block("chart")
def chart(b: spec.ChartBlock, ctx: Context, width: float) -> Piece:
    palette = ctx.theme.palette
    title, body = draw_chart(
        b.chart, ctx, width, backdrop=palette.surface if b.card else palette.background
    )
    return _with_heading(ctx, b, title, None, width, body)
