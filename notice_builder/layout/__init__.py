"""The layout engine: layouts as data (layouts/*.yaml) placed on a grid, drawn into a scene."""

from .engine import Rendered, RenderError, render, render_svg, resolve_locale
from .spec import LayoutSpec, get_layout, layout_names, register_layout

__all__ = [
    "LayoutSpec",
    "RenderError",
    "Rendered",
    "get_layout",
    "layout_names",
    "register_layout",
    "render",
    "render_svg",
    "resolve_locale",
]
