"""Words for people who cannot see the picture, in the picture's locale.

`alt_text` is the short alternative text of a picture (an `alt` attribute, a social post's
image description): the gist of what the layout says, built from the notice's facts
(`layout.facts`) with one phrasing per layout, at most `ALT_LIMIT` user-perceived characters.
When the facts do not all fit, the least important are left out; words are never cut.

`long_description` is the full transcript of a rendered picture, read from its scene, so it says
exactly what is drawn: the blocks in reading order (top to bottom; within a row, the start edge
first, which is the right edge in right-to-left locales), one paragraph per block, one line per
text box.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from ..i18n import t
from ..layout.blocks import BLOCKS
from ..layout.engine import Rendered, resolve_locale
from ..layout.facts import Facts, facts, humanize_duration, period_label
from ..layout.spec import LayoutSpec
from ..model import PrivacyNotice
from ..render.scene import Group, Scene
from ..render.scene import Text as TextShape

ALT_LIMIT = 250
_GRAPHEME = regex.compile(r"\X")
_ELLIPSIS = "…"


def graphemes(text: str) -> int:
    """Length in user-perceived characters (a letter with its marks, an emoji sequence = 1)."""
    return len(_GRAPHEME.findall(text))


# Alternative text ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One fact of a description and how much it matters (the least important go first)."""

    text: str
    weight: int


@dataclass(frozen=True)
class Phrasing:
    """What a layout's alternative text says: a lead naming the picture, the facts it shows
    (in the picture's order) and sentences after them (a call to action)."""

    lead: str  # a message key with {title} (and other params)
    parts: list[Part]
    after: list[Part]
    params: dict[str, str] | None = None


PhrasingFunc = Callable[[PrivacyNotice, Facts, str], Phrasing]
PHRASINGS: dict[str, PhrasingFunc] = {}


def register_phrasing(layout: str) -> Callable[[PhrasingFunc], PhrasingFunc]:
    """Register how the alternative text of `layout` reads (other layouts get a generic one)."""

    def register(func: PhrasingFunc) -> PhrasingFunc:
        PHRASINGS[layout] = func
        return func

    return register


def _selling(f: Facts, locale: str) -> Part:
    return Part(t("fact.sold" if f.sold else "fact.never_sold", locale), 90)


def _sharing(f: Facts, locale: str) -> list[Part]:
    parts = []
    if f.processors:
        parts.append(Part(t("fact.processors", locale, count=f.processors), 80))
    if f.third_parties:
        parts.append(Part(t("fact.third_parties", locale, count=f.third_parties), 85))
    return parts or [Part(t("fact.no_third_parties", locale), 80)]


def _categories(f: Facts, locale: str) -> Part:
    return Part(t("fact.categories", locale, count=f.categories), 60)


def _purposes(f: Facts, locale: str) -> Part:
    return Part(t("fact.purposes", locale, count=f.purposes), 40)


def _retention(f: Facts, locale: str) -> list[Part]:
    if f.longest_retention is None:
        return []
    duration = humanize_duration(f.longest_retention.duration or "P0D", locale)
    return [Part(t("fact.kept_up_to", locale, duration=duration), 50)]


def _opt_out(f: Facts, locale: str, weight: int = 70) -> list[Part]:
    if f.opt_out_clicks is None:
        return []
    return [Part(t("fact.opt_out_clicks", locale, count=f.opt_out_clicks), weight)]


def _summary_parts(f: Facts, locale: str) -> list[Part]:
    """The at-a-glance facts: kinds of data, selling, sharing, retention, opt-out."""
    return [
        _categories(f, locale),
        _selling(f, locale),
        *_sharing(f, locale),
        *_retention(f, locale),
        *_opt_out(f, locale),
    ]


@register_phrasing("at-a-glance")
def _at_a_glance(notice: PrivacyNotice, f: Facts, locale: str) -> Phrasing:
    return Phrasing("describe.lead.at_a_glance", _summary_parts(f, locale), [])


@register_phrasing("email-banner")
def _email_banner(notice: PrivacyNotice, f: Facts, locale: str) -> Phrasing:
    # The banner's three facts and its button; the picture is the link to the notice.
    parts = [_selling(f, locale), *_sharing(f, locale), *_opt_out(f, locale)]
    return Phrasing("describe.lead.at_a_glance", parts, [Part(t("link.notice", locale), 75)])


@register_phrasing("nutrition-label")
def _nutrition_label(notice: PrivacyNotice, f: Facts, locale: str) -> Phrasing:
    parts = [
        Part(t("fact.categories", locale, count=f.categories), 65),
        Part(t("fact.purposes", locale, count=f.purposes), 55),
        _selling(f, locale),
        *_sharing(f, locale),
        *_retention(f, locale),
        *_opt_out(f, locale),
    ]
    return Phrasing("describe.lead.nutrition_label", parts, [])


@register_phrasing("data-flow")
def _data_flow(notice: PrivacyNotice, f: Facts, locale: str) -> Phrasing:
    parts = [
        Part(t("fact.categories", locale, count=f.categories), 75),
        Part(t("fact.purposes", locale, count=f.purposes), 70),
        *_sharing(f, locale),
        _selling(f, locale),
    ]
    return Phrasing("describe.lead.data_flow", parts, [])


@register_phrasing("retention")
def _retention_layout(notice: PrivacyNotice, f: Facts, locale: str) -> Phrasing:
    periods = len({p.retention for p in notice.practices if p.retention})
    parts = [Part(p.text, 90) for p in _retention(f, locale)]
    parts.append(_categories(f, locale))
    if periods:
        parts.append(Part(t("describe.periods", locale, count=periods), 50))
    return Phrasing("describe.lead.retention", parts, [])


@register_phrasing("rights-and-choices")
def _rights_and_choices(notice: PrivacyNotice, f: Facts, locale: str) -> Phrasing:
    parts = []
    if notice.rights:
        parts.append(Part(t("describe.rights", locale, count=len(notice.rights)), 90))
    options = len(notice.choices.opt_outs) if notice.choices else 0
    if options:
        parts.append(Part(t("describe.opt_outs", locale, count=options), 70))
    parts += _opt_out(f, locale, weight=80)
    if f.gpc_honoured:
        parts.append(Part(t("fact.gpc_honoured", locale), 50))
    return Phrasing("describe.lead.rights_and_choices", parts, [])


@register_phrasing("privacy-report")
def _privacy_report(notice: PrivacyNotice, f: Facts, locale: str) -> Phrasing:
    reports = notice.sorted_reports
    if not reports:
        return Phrasing(
            "describe.lead.privacy_report_none", [Part(t("report.no_reports", locale), 90)], []
        )
    latest = reports[-1]
    period = (
        latest.label.get(locale, notice.default_locale)
        if latest.label
        else period_label(latest.period, locale)
    )
    received = sum(r.received for r in latest.requests)
    completed = sum(r.completed for r in latest.requests)
    parts = [
        Part(t("describe.requests_received", locale, count=received), 90),
        Part(t("describe.requests_completed", locale, count=completed), 80),
    ]
    if latest.median_days_to_respond is not None:
        days = t("duration.days", locale, count=latest.median_days_to_respond)
        parts.append(Part(t("describe.median_answer", locale, duration=days), 70))
    parts.append(Part(t("report.incidents", locale, count=latest.incidents), 85))
    if latest.opt_outs is not None:
        parts.append(Part(t("describe.opt_outs_honoured", locale, count=latest.opt_outs), 60))
    return Phrasing("describe.lead.privacy_report", parts, [], {"period": period})


def _generic(notice: PrivacyNotice, f: Facts, locale: str) -> Phrasing:
    return Phrasing("describe.lead.other", _summary_parts(f, locale), [])


def _in_a_list(text: str) -> str:
    """A catalogue fact inside a sentence: 'Never sold' -> 'never sold', but 'Global Privacy
    Control honoured' keeps its capitals (a name). Scripts without case are unchanged."""
    words = text.split(" ")
    first = words[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        if len(words) > 1 and words[1][:1].isupper():
            return text
        return first[0].lower() + text[1:]
    return text


def _compose(phrasing: Phrasing, title: str, locale: str) -> str:
    params = {**(phrasing.params or {}), "title": title}
    lead = t(phrasing.lead, locale, **params)
    listed = [_in_a_list(p.text) for p in phrasing.parts]
    sentence = (
        t(
            "describe.sentence",
            locale,
            lead=lead,
            facts=t("describe.separator", locale).join(listed),
        )
        if listed
        else t("describe.lead_only", locale, lead=lead)
    )
    after = " ".join(t("describe.lead_only", locale, lead=p.text) for p in phrasing.after)
    return f"{sentence} {after}" if after else sentence


def _shorten_words(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` graphemes, with an ellipsis."""
    if graphemes(text) <= limit:
        return text
    words = text.split()
    while words and graphemes(" ".join(words)) + 1 > limit:
        words.pop()
    return (" ".join(words).rstrip(",،;:-·") + _ELLIPSIS) if words else _ELLIPSIS


def alt_text(
    notice: PrivacyNotice,
    layout: str | LayoutSpec = "at-a-glance",
    locale: str | None = None,
    *,
    limit: int = ALT_LIMIT,
) -> str:
    """The alternative text of `layout`'s picture of `notice` in `locale`: at most `limit`
    graphemes, the least important facts left out first, never a word cut in two."""
    locale = resolve_locale(notice, locale)
    name = layout.id if isinstance(layout, LayoutSpec) else layout
    phrasing = PHRASINGS.get(name, _generic)(notice, facts(notice), locale)
    title = notice.title.get(locale, notice.default_locale)
    parts, after = list(phrasing.parts), list(phrasing.after)

    def text() -> str:
        return _compose(Phrasing(phrasing.lead, parts, after, phrasing.params), title, locale)

    while graphemes(text()) > limit and (parts or after):
        least = min(parts + after, key=lambda p: p.weight)
        (parts if least in parts else after).remove(least)
    if graphemes(text()) > limit:
        # Only the lead is left and the title alone is too long: shorten the title.
        room = limit - (graphemes(text()) - graphemes(title))
        title = _shorten_words(title, max(room, 1))
    result = text()
    return result if graphemes(result) <= limit else _shorten_words(result, limit)


# Long description ------------------------------------------------------------------------------

Box = tuple[float, float, float, float]  # left, top, right, bottom


def _text_box(shape: TextShape) -> Box:
    block = shape.block
    width = block.box_width if block.box_width is not None else block.width
    return (shape.x, shape.y, shape.x + width, shape.y + block.height)


def _box(element, _cache: dict[int, Box | None]) -> Box | None:
    """The box around the text an element draws, in its parent's coordinates (None: no text)."""
    key = id(element)
    if key in _cache:
        return _cache[key]
    box: Box | None = None
    if isinstance(element, TextShape):
        box = _text_box(element) if element.block.text.strip() else None
    elif isinstance(element, Group):
        boxes = [b for b in (_box(child, _cache) for child in element.children) if b]
        if boxes:
            s = element.scale
            box = (
                min(b[0] for b in boxes) * s + element.dx,
                min(b[1] for b in boxes) * s + element.dy,
                max(b[2] for b in boxes) * s + element.dx,
                max(b[3] for b in boxes) * s + element.dy,
            )
    _cache[key] = box
    return box


def _reading_order(items: list, rtl: bool, cache: dict[int, Box | None]) -> list:
    """Items in rows (top to bottom; an item joins a row when it starts above the bottom of the
    row's first item), each row from its start edge: left first, or right first in RTL."""
    boxed = [(item, _box(item, cache)) for item in items]
    boxed = sorted((ib for ib in boxed if ib[1] is not None), key=lambda ib: ib[1][1])
    rows: list[list] = []
    bottom = None
    for item, box in boxed:
        if bottom is None or box[1] >= bottom - 0.5:
            rows.append([])
            bottom = box[3]
        rows[-1].append((item, box))
    ordered = []
    for row in rows:
        row.sort(key=(lambda ib: -ib[1][2]) if rtl else (lambda ib: ib[1][0]))
        ordered.extend(item for item, _ in row)
    return ordered


def _texts(
    element, rtl: bool, cache: dict[int, Box | None], block: int | None
) -> Iterator[tuple[str, int | None]]:
    """Each text box's text with the layout block it belongs to, in reading order."""
    if isinstance(element, TextShape):
        yield element.block.text, block
        return
    if not isinstance(element, Group):
        return
    if element.label in BLOCKS:
        block = id(element)
    children = element.children
    if any(isinstance(child, TextShape) for child in children):
        # A group that draws text itself is one drawn piece (an icon with its label and
        # detail, a chart): its drawing order is its reading order.
        ordered = list(children)
    else:
        ordered = _reading_order(list(children), rtl, cache)
    for child in ordered:
        yield from _texts(child, rtl, cache, block)


def long_description(rendered: Rendered | Scene) -> str:
    """The text of the picture, as drawn: its layout blocks in reading order as paragraphs
    (separated by a blank line), each text box on its own line, a line repeating the one just
    before it left out, runs of spaces as one. Plain text."""
    scene = rendered.scene if isinstance(rendered, Rendered) else rendered
    rtl = scene.direction == "rtl"
    cache: dict[int, Box | None] = {}
    root = Group(scene.elements)
    paragraphs: list[list[str]] = []
    current: int | None | bool = False
    previous = None
    for raw, block in _texts(root, rtl, cache, None):
        text = "\n".join(" ".join(line.split()) for line in raw.splitlines() if line.strip())
        if not text or text == previous:
            continue
        if block != current or not paragraphs:
            paragraphs.append([])
            current = block
        paragraphs[-1].append(text)
        previous = text
    return "\n\n".join("\n".join(lines) for lines in paragraphs)


__all__ = [
    "ALT_LIMIT",
    "PHRASINGS",
    "Part",
    "Phrasing",
    "alt_text",
    "graphemes",
    "long_description",
    "register_phrasing",
]
