"""Export: SVG, PNG and PDF for presets (email, social, square, slide, print), written safely."""

from .api import export, output_path, with_dpv, write_export
from .chart import CHART_ALIASES, export_chart, render_chart, resolve_chart
from .describe import alt_text, long_description
from .email import EmailKit, email_kit
from .formats import (
    Exported,
    ExportError,
    Options,
    export_rendered,
    format_names,
    register_exporter,
)
from .presets import Preset, get_preset, preset_names, register_preset

__all__ = [
    "CHART_ALIASES",
    "export_chart",
    "render_chart",
    "resolve_chart",
    "EmailKit",
    "alt_text",
    "email_kit",
    "long_description",
    "ExportError",
    "Exported",
    "Options",
    "Preset",
    "export",
    "export_rendered",
    "format_names",
    "get_preset",
    "output_path",
    "preset_names",
    "register_exporter",
    "register_preset",
    "with_dpv",
    "write_export",
]
