"""One chart alone as a picture: drawn natively on a themed card, then exported like any
layout (fitted to the preset, encoded as SVG, PNG or PDF by the same exporters)."""

from __future__ import annotations

from ..charts import build_chart, chart_names, draw_chart
from ..i18n import is_rtl
from ..layout import Rendered, resolve_locale
from ..model import PrivacyNotice
from ..render.scene import Group, Scene
from ..render.theme import Theme, get_theme
from .formats import Exported, Options, export_rendered
from .presets import get_preset

# Other names people know charts by.
CHART_ALIASES = {"sankey": "flow", "heatmap": "matrix", "timeline": "retention"}
CHART_WIDTH = 720  # CSS px: a chart alone, as wide as a slide's column or an email
MIN_WIDTH, MAX_WIDTH = 240, 2400


def resolve_chart(name: str) -> str:
    """A registered chart name from `name` or one of its aliases; unknown names list both."""
    name = CHART_ALIASES.get(name, name)
    if name not in chart_names():
        known = ", ".join(chart_names())
        aliases = ", ".join(f"{a} = {n}" for a, n in CHART_ALIASES.items())
        raise KeyError(f"unknown chart '{name}' (known: {known}; also {aliases})")
    return name


def render_chart(
    notice: PrivacyNotice,
    chart: str,
    theme: str | Theme = "light",
    locale: str | None = None,
    *,
    width: float = CHART_WIDTH,
) -> Rendered:
    """Chart `chart` of `notice` drawn `width` px wide on the theme's surface, with its title,
    call-outs and a margin, as a picture ready for `export_rendered`."""
    name = resolve_chart(chart)
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ValueError(f"chart width must be {MIN_WIDTH}–{MAX_WIDTH} px, not {width:g}")
    chosen = get_theme(theme) if isinstance(theme, str) else theme
    locale = resolve_locale(notice, locale)
    spec = build_chart(name, notice, locale)
    margin = float(chosen.spacing) * 3
    drawn = draw_chart(spec, width - 2 * margin, chosen, locale)
    scene = Scene(
        width=float(width),
        height=round(drawn.height + 2 * margin, 2),
        title=spec.title,
        description=spec.description,
        lang=locale,
        direction="rtl" if is_rtl(locale) else "ltr",
        background=chosen.palette.surface,
        elements=(Group(drawn.elements, dx=margin, dy=margin),),
    )
    return Rendered(
        scene=scene,
        layout=f"{name} chart",
        theme=chosen.id,
        locale=locale,
        overflow=drawn.overflow,
        missing_characters=tuple(chr(c) for c in drawn.missing),
    )


def export_chart(
    notice: PrivacyNotice,
    chart: str,
    theme: str | Theme = "light",
    locale: str | None = None,
    format: str | None = None,
    preset: str = "original",
    *,
    options: Options | None = None,
    width: float = CHART_WIDTH,
) -> Exported:
    """Chart `chart` alone as bytes for `preset` in `format` (default: the preset's). What did
    not fit, or a character no bundled font draws, is listed in the result's warnings."""
    rendered = render_chart(notice, chart, theme, locale, width=width)
    exported = export_rendered(rendered, get_preset(preset), format, options)
    problems = [*rendered.overflow]
    if rendered.missing_characters:
        shown = " ".join(f"U+{ord(c):04X}" for c in rendered.missing_characters)
        problems.append(f"no bundled font draws {shown}; drawn as a replacement mark")
    if not problems:
        return exported
    return Exported(**{**exported.__dict__, "warnings": (*exported.warnings, *problems)})
