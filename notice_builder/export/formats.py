"""Exporters: a rendered picture to SVG, PNG or PDF bytes, fitted to a preset.

One registry of exporters keyed by format (svg, png, pdf); `export_rendered` picks one from a
preset or an explicit format. Every exporter gets the same scene, so the files cannot disagree.
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from PIL import Image

from ..i18n.errors import SaidError
from ..i18n.messages import Phrase, phrase
from ..layout.engine import Rendered
from ..render.raster import scene_to_image
from ..render.scene import Group, Scene
from ..render.svg import write_svg
from .pngenc import encode_png
from .presets import PT_PER_PX, Preset
from .rasterize import svg_to_pdf


class ExportError(SaidError):
    """The export cannot be made as asked; the message names the preset and the limit (and is
    said in the app's language through `text(locale)`)."""


@dataclass(frozen=True)
class Exported:
    """One exported file's bytes and facts (for manifests and HTML snippets)."""

    data: bytes
    format: str
    media_type: str
    width: int  # pixels for PNG; CSS px for SVG; points for PDF
    height: int
    display_width: int  # CSS px to show it at (a 2x PNG shows at half its pixel width)
    pages: int = 1
    warnings: tuple[str, ...] = field(default=())

    @property
    def suffix(self) -> str:
        return "." + self.format


@dataclass(frozen=True)
class Options:
    """What a person may change about an export."""

    scale: float | None = None  # PNG pixels per CSS px (1, 2, 3)
    width: int | None = None  # or: the PNG's width in pixels
    transparent: bool | None = None
    palette: bool | None = None
    outlined: bool = True  # SVG form
    minify: bool = False  # SVG without line breaks
    # SVG <metadata> to add, by id (e.g. notice_builder.formats.dpv.svg_metadata(notice))
    metadata: Mapping[str, str] | None = None


def fit_scene(scene: Scene, preset: Preset, layout: str) -> tuple[Scene, float]:
    """The scene fitted into the preset's canvas: scaled (never below `min_fit`), centred on the
    background. Returns the new scene and the scale used."""
    width, height = scene.width, scene.height
    if preset.width is None:
        return scene, 1.0
    if preset.height is None:
        factor = preset.width / width
        canvas = (preset.width, height * factor)
        if canvas[1] > preset.max_height:
            raise ExportError.said(
                "export.too_tall",
                layout=layout,
                height=f"{canvas[1]:.0f}",
                preset=preset.name,
                limit=f"{preset.max_height:.0f}",
            )
    else:
        factor = min(preset.width / width, preset.height / height, 2.0)
        canvas = (preset.width, preset.height)
    if factor < preset.min_fit:
        raise ExportError.said(
            "export.too_small",
            layout=layout,
            width=f"{width:.0f}",
            height=f"{height:.0f}",
            factor=f"{factor:.0%}",
            preset=preset.name,
            size=_size(preset),
            least=f"{preset.min_fit:.0%}",
        )
    if factor == 1 and canvas == (width, height):
        return scene, 1.0
    dx = (canvas[0] - width * factor) / 2
    dy = (canvas[1] - height * factor) / 2
    content = Group(scene.elements, dx=dx, dy=dy, scale=factor)
    return replace(scene, width=canvas[0], height=canvas[1], elements=(content,)), factor


def _size(preset: Preset) -> Phrase:
    if preset.width is None:
        return phrase("export.size.own")
    if preset.height:
        return phrase("export.size.box", width=f"{preset.width:.0f}", height=f"{preset.height:.0f}")
    return phrase("export.size.wide", width=f"{preset.width:.0f}")


def _export_svg(scene: Scene, preset: Preset, options: Options) -> Exported:
    svg = write_svg(scene, outlined=options.outlined, metadata=options.metadata)
    if options.minify:
        svg = re.sub(r">\s*\n\s*<", "><", svg)
    return Exported(
        svg.encode("utf-8"),
        "svg",
        "image/svg+xml",
        round(scene.width),
        round(scene.height),
        round(scene.width),
    )


def _export_png(scene: Scene, preset: Preset, options: Options) -> Exported:
    transparent = preset.transparent if options.transparent is None else options.transparent
    warnings: list[str] = []
    if transparent:
        scene = replace(scene, background=None)
        if preset.name == "email":
            warnings.append(
                "a transparent background in email: dark mode may invert or hide the picture; "
                "the email preset uses a solid background by default"
            )
    pixels = options.width or round(scene.width * (options.scale or preset.scale))
    if not 16 <= pixels <= 8000:
        raise ExportError.said("export.png_width", pixels=pixels)
    # Drawn straight from the scene with cairo (render/raster.py): the same pixels as the outlined
    # SVG through cairosvg (a test compares them), without parsing glyph paths back from text.
    image = scene_to_image(scene, width=pixels, transparent=transparent)
    height = image.height
    if height > 16000:
        raise ExportError.said("export.png_height", height=height)
    palette = preset.palette if options.palette is None else options.palette
    density = pixels / scene.width
    data = _encode_png(image, palette=palette, transparent=transparent, density=density)
    return Exported(
        data, "png", "image/png", pixels, height, round(scene.width), warnings=tuple(warnings)
    )


def _encode_png(image: Image.Image, *, palette: bool, transparent: bool, density: float) -> bytes:
    """Flat graphics stay crisp in 256 colours without dithering; density is recorded."""
    dpi = round(96 * density)
    if not palette:
        return encode_png(image, dpi=dpi)
    image = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True, compress_level=9, dpi=(dpi, dpi))
    return _with_srgb(out.getvalue())


def _with_srgb(png: bytes) -> bytes:
    """Mark the PNG as sRGB (perceptual intent) right after its header, as the spec places it."""
    chunk = b"sRGB" + b"\x00"
    srgb = struct.pack(">I", 1) + chunk + struct.pack(">I", zlib.crc32(chunk))
    end_of_ihdr = 8 + 4 + 4 + 13 + 4
    return png[:end_of_ihdr] + srgb + png[end_of_ihdr:]


def _export_pdf(scene: Scene, preset: Preset, options: Options) -> Exported:
    if preset.page is None:
        svg = write_svg(scene, outlined=True)
        pdf = svg_to_pdf(svg, width=scene.width * PT_PER_PX, height=scene.height * PT_PER_PX)
        return Exported(
            pdf,
            "pdf",
            "application/pdf",
            round(scene.width * PT_PER_PX),
            round(scene.height * PT_PER_PX),
            round(scene.width),
        )
    pages = paginate(scene, preset)
    documents = [
        svg_to_pdf(write_svg(page, outlined=True), width=preset.page[0], height=preset.page[1])
        for page in pages
    ]
    data = documents[0] if len(documents) == 1 else _merge_pdfs(documents)
    return Exported(
        data,
        "pdf",
        "application/pdf",
        round(preset.page[0]),
        round(preset.page[1]),
        round(scene.width),
        pages=len(pages),
    )


def paginate(scene: Scene, preset: Preset) -> list[Scene]:
    """The scene on printed pages: scaled to the page's width inside its margins, broken between
    the layout's rows (never through a card)."""
    assert preset.page is not None
    page_w, page_h = (v / PT_PER_PX for v in preset.page)
    margin = preset.margin_pt / PT_PER_PX
    factor = min((page_w - 2 * margin) / scene.width, 1.0)
    room = page_h - 2 * margin
    pages: list[list[tuple[object, float]]] = [[]]
    top = None
    for element in scene.elements:
        height = element.height if isinstance(element, Group) and element.height else 0.0
        y = element.dy if isinstance(element, Group) else 0.0
        if top is None:
            top = y
        if (y + height - top) * factor > room and pages[-1]:
            pages.append([])
            top = y
        if height * factor > room:
            raise ExportError.said(
                "export.block_too_tall",
                block=getattr(element, "label", "block"),
                preset=preset.name,
            )
        pages[-1].append((element, top))
    if len(pages) > preset.max_pages:
        raise ExportError.said(
            "export.too_many_pages", count=len(pages), preset=preset.name, limit=preset.max_pages
        )
    result = []
    for items in pages:
        first_top = items[0][1] if items else 0.0
        moved = tuple(Group((element,), dy=-first_top) for element, _ in items)
        content = Group(
            moved,
            dx=margin + (page_w - 2 * margin - scene.width * factor) / 2,
            dy=margin,
            scale=factor,
        )
        result.append(replace(scene, width=page_w, height=page_h, elements=(content,)))
    return result


def _merge_pdfs(documents: list[bytes]) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for document in documents:
        writer.append(io.BytesIO(document))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


EXPORTERS: dict[str, Callable[[Scene, Preset, Options], Exported]] = {
    "svg": _export_svg,
    "png": _export_png,
    "pdf": _export_pdf,
}


def register_exporter(format: str, exporter: Callable[[Scene, Preset, Options], Exported]) -> None:
    EXPORTERS[format] = exporter


def format_names() -> list[str]:
    return list(EXPORTERS)


def export_rendered(
    rendered: Rendered, preset: Preset, format: str | None = None, options: Options | None = None
) -> Exported:
    """Export a rendered picture for `preset` (fitted to its canvas) as `format` (default: the
    preset's)."""
    format = format or preset.format
    if format not in EXPORTERS:
        raise ExportError.said("export.unknown_format", format=format, known=list(EXPORTERS))
    options = options or Options()
    scene = rendered.scene
    if preset.page is None or format != "pdf":
        scene, _ = fit_scene(scene, preset, rendered.layout)
    return EXPORTERS[format](scene, preset, options)
