"""Text engine: bundled fonts, bidi, HarfBuzz shaping, wrapping, fitting and outlines.

Coordinates are SVG user units (px), y pointing down. Font sizes are in px.
"""

from .bidi import BidiRun, Direction, ParagraphLevels, paragraph_levels, visual_order
from .embed import TextRunSpec, editable_runs, font_face_css, font_face_css_for_block, subset_font
from .fit import FitResult, fit_text
from .fonts import DEFAULT_STACK, FontFace, FontStack, available_families, font_dir, get_face
from .outline import block_paths, block_svg, fmt, glyph_path, line_path, run_path

# The shape() function is not re-exported: it would shadow the ``shape`` submodule.
from .shape import ShapedRun
from .wrap import Align, GlyphRun, Line, TextBlock, measure_text, wrap_text


def clear_caches() -> None:
    """Drop every cached layout, shaping, bidi, segmentation and outline result (fonts stay
    loaded). For long-running processes and tests; never needed for correctness."""
    from . import bidi, outline, segment, wrap
    from .shape import clear_caches as clear_shape_cache

    wrap.clear_caches()
    clear_shape_cache()
    bidi.paragraph_levels.cache_clear()
    segment.grapheme_boundaries.cache_clear()
    segment.line_break_opportunities.cache_clear()
    outline.glyph_commands.cache_clear()
    outline.glyph_path.cache_clear()
    outline._placed_glyph.cache_clear()


__all__ = [
    "DEFAULT_STACK",
    "Align",
    "BidiRun",
    "Direction",
    "FitResult",
    "FontFace",
    "FontStack",
    "GlyphRun",
    "Line",
    "ParagraphLevels",
    "ShapedRun",
    "TextBlock",
    "TextRunSpec",
    "available_families",
    "block_paths",
    "block_svg",
    "clear_caches",
    "editable_runs",
    "fit_text",
    "fmt",
    "font_dir",
    "font_face_css",
    "font_face_css_for_block",
    "get_face",
    "glyph_path",
    "line_path",
    "measure_text",
    "paragraph_levels",
    "run_path",
    "subset_font",
    "visual_order",
    "wrap_text",
]
