"""Readable names for the pickers and the gallery, in the interface language: layouts (and what
each shows), themes, export presets, formats, charts and languages. A picker's value stays the
id; a layout or theme added as data without a name in the catalogues is offered under its own
label, and a chart or preset under its id made readable."""

from __future__ import annotations

from collections.abc import Callable

from ..export import format_names, preset_names
from ..layout import get_layout, layout_names
from ..render.theme import get_theme, theme_names
from . import language
from .language import tr

Options = list[dict[str, str]]


def _readable(name: str) -> str:
    return name.replace("-", " ").capitalize()


def _named(named: Callable[[], str], otherwise: Callable[[], str]) -> str:
    """The catalogue's name, or `otherwise()` for something added without one."""
    try:
        return named()
    except KeyError:
        return otherwise()


def layout_label(name: str) -> str:
    return _named(lambda: tr(f"names.layout.{name}"), lambda: get_layout(name).label)


def layout_about(name: str) -> str:
    """What the layout shows, in a sentence or two (the gallery's tooltip)."""
    return _named(lambda: tr(f"names.about.{name}"), lambda: get_layout(name).description)


def theme_label(name: str) -> str:
    return _named(lambda: tr(f"names.theme.{name}"), lambda: get_theme(name).label)


def preset_label(name: str) -> str:
    return _named(lambda: tr(f"names.preset.{name}"), lambda: _readable(name))


def chart_label(name: str) -> str:
    return _named(lambda: tr(f"names.chart.{name}"), lambda: _readable(name))


def language_label(code: str) -> str:
    """A notice language as its own speakers write it, then (when the interface speaks another
    language) as the interface calls it: "العربية (Arabic) · ar", "English (الإنجليزية) · en"."""
    own = language.LANGUAGES.get(code)
    if own is None:
        return f"{code} · {code}"
    here = tr(f"names.language.{code}")
    return f"{own} · {code}" if here == own else f"{own} ({here}) · {code}"


def layout_options() -> Options:
    return [{"value": name, "label": layout_label(name)} for name in layout_names()]


def theme_options() -> Options:
    return [{"value": name, "label": theme_label(name)} for name in theme_names()]


def preset_options() -> Options:
    return [{"value": name, "label": preset_label(name)} for name in preset_names()]


def format_options() -> Options:
    """Format names are the same in every language: PNG, SVG, PDF."""
    return [{"value": name, "label": name.upper()} for name in format_names()]


def language_options(locales: list[str]) -> Options:
    return [{"value": code, "label": language_label(code)} for code in locales]


__all__ = [
    "chart_label",
    "format_options",
    "language_label",
    "language_options",
    "layout_about",
    "layout_label",
    "layout_options",
    "preset_label",
    "preset_options",
    "theme_label",
    "theme_options",
]
