"""Export: SVG, PNG and PDF for presets (email, social, square, slide, print), written safely."""

from .api import export, output_path, write_export
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
    "write_export",
]
