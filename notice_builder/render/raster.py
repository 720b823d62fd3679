"""Draw a scene straight onto a cairo surface, for PNG export.

The SVG route (scene -> SVG text -> cairosvg) parses every glyph outline back out of path text,
coordinate by coordinate, in Python: most of the time of a PNG went there. Here the same scene
is drawn with the same cairo library from the shapes themselves: glyph outlines come from the
font (cached per glyph as ready-made cairo paths, in font units), path data is parsed once per
distinct string and cached. The page is drawn in two bands on two threads into one reused pixel
buffer. The SVG route stays the reference: a test compares the two pixel by pixel.
"""

from __future__ import annotations

import base64
import io
import math
import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from itertools import pairwise

import cairocffi as cairo
from cairocffi import cairo as _lib
from cairocffi import ffi as _ffi
from PIL import Image as PILImage

from ..text.fonts import FontFace
from ..text.outline import glyph_commands
from ..text.wrap import TextBlock
from .icons import get_icon
from .scene import Circle, Element, Group, Icon, Image, Line, Path, Rect, Scene, Text

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7, "Z": 0}


def _rgb(color: str) -> tuple[float, float, float]:
    return tuple(int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


@lru_cache(maxsize=4096)
def compile_path(d: str) -> tuple[tuple, ...]:
    """SVG path data as absolute M/L/C/Z commands (arcs and quadratics become cubics)."""
    tokens = _TOKEN.findall(d)
    out: list[tuple] = []
    i, command = 0, ""
    x = y = start_x = start_y = 0.0
    last_control: tuple[float, float] | None = None
    last_quad: tuple[float, float] | None = None
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "Zz":
                out.append(("Z",))
                x, y = start_x, start_y
                last_control = last_quad = None
                continue
        upper = command.upper()
        count = _ARGS[upper]
        args = [float(t) for t in tokens[i : i + count]]
        i += count
        relative = command.islower()
        if upper == "M":
            x, y = (x + args[0], y + args[1]) if relative else (args[0], args[1])
            start_x, start_y = x, y
            out.append(("M", x, y))
            command = "l" if relative else "L"  # further pairs are line-tos
            last_control = last_quad = None
            continue
        if upper in "LHV":
            if upper == "L":
                x, y = (x + args[0], y + args[1]) if relative else (args[0], args[1])
            elif upper == "H":
                x = x + args[0] if relative else args[0]
            else:
                y = y + args[0] if relative else args[0]
            out.append(("L", x, y))
            last_control = last_quad = None
        elif upper in "CS":
            if upper == "C":
                c1 = (x + args[0], y + args[1]) if relative else (args[0], args[1])
                rest = args[2:]
            else:
                c1 = (2 * x - last_control[0], 2 * y - last_control[1]) if last_control else (x, y)
                rest = args
            c2 = (x + rest[0], y + rest[1]) if relative else (rest[0], rest[1])
            end = (x + rest[2], y + rest[3]) if relative else (rest[2], rest[3])
            out.append(("C", *c1, *c2, *end))
            last_control, last_quad = c2, None
            x, y = end
        elif upper in "QT":
            if upper == "Q":
                q = (x + args[0], y + args[1]) if relative else (args[0], args[1])
                end = (x + args[2], y + args[3]) if relative else (args[2], args[3])
            else:
                q = (2 * x - last_quad[0], 2 * y - last_quad[1]) if last_quad else (x, y)
                end = (x + args[0], y + args[1]) if relative else (args[0], args[1])
            out.append(_quad(x, y, *q, *end))
            last_quad, last_control = q, None
            x, y = end
        elif upper == "A":
            end = (x + args[5], y + args[6]) if relative else (args[5], args[6])
            out.extend(_arc(x, y, args[0], args[1], args[2], bool(args[3]), bool(args[4]), *end))
            x, y = end
            last_control = last_quad = None
    return tuple(out)


def _quad(x0: float, y0: float, qx: float, qy: float, x: float, y: float) -> tuple:
    return (
        "C",
        x0 + 2 / 3 * (qx - x0),
        y0 + 2 / 3 * (qy - y0),
        x + 2 / 3 * (qx - x),
        y + 2 / 3 * (qy - y),
        x,
        y,
    )


def _arc(x1, y1, rx, ry, angle, large, sweep, x2, y2) -> list[tuple]:
    """An SVG elliptical arc as cubic Béziers (SVG 1.1 implementation notes, F.6)."""
    if rx == 0 or ry == 0 or (x1, y1) == (x2, y2):
        return [("L", x2, y2)]
    rx, ry = abs(rx), abs(ry)
    phi = math.radians(angle % 360)
    cos_phi, sin_phi = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    x1p = cos_phi * dx + sin_phi * dy
    y1p = -sin_phi * dx + cos_phi * dy
    scale = (x1p / rx) ** 2 + (y1p / ry) ** 2
    if scale > 1:
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p
    den = rx * rx * y1p * y1p + ry * ry * x1p * x1p
    factor = math.sqrt(max(0.0, num / den)) * (-1 if large == sweep else 1)
    cxp, cyp = factor * rx * y1p / ry, -factor * ry * x1p / rx
    cx = cos_phi * cxp - sin_phi * cyp + (x1 + x2) / 2
    cy = sin_phi * cxp + cos_phi * cyp + (y1 + y2) / 2

    def angle_of(ux, uy, vx, vy):
        a = math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)
        return a

    theta1 = angle_of(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry)
    delta = angle_of((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry)
    if not sweep and delta > 0:
        delta -= 2 * math.pi
    elif sweep and delta < 0:
        delta += 2 * math.pi
    segments = max(1, math.ceil(abs(delta) / (math.pi / 2)))
    step = delta / segments
    k = 4 / 3 * math.tan(step / 4)
    out = []
    t = theta1
    for _ in range(segments):
        cos1, sin1, cos2, sin2 = math.cos(t), math.sin(t), math.cos(t + step), math.sin(t + step)
        points = [
            (cos1 - k * sin1, sin1 + k * cos1),
            (cos2 + k * sin2, sin2 - k * cos2),
            (cos2, sin2),
        ]
        flat = []
        for px, py in points:
            ex, ey = rx * px, ry * py
            flat += [cos_phi * ex - sin_phi * ey + cx, sin_phi * ex + cos_phi * ey + cy]
        out.append(("C", *flat))
        t += step
    return out


@lru_cache(maxsize=16384)
def _glyph(face: FontFace, gid: int) -> tuple[tuple, ...]:
    """A glyph's outline as M/L/C/Z commands in font units (quadratics made cubic)."""
    out: list[tuple] = []
    x = y = 0.0
    for command in glyph_commands(face, gid):
        op = command[0]
        if op == "Q":
            out.append(_quad(x, y, *command[1:]))
            x, y = command[3], command[4]
        else:
            out.append(command)
            if op != "Z":
                x, y = command[-2], command[-1]
    return tuple(out)


class _NativePath:
    """M/L/C/Z commands as a `cairo_path_t`, appended to a context in one C call."""

    __slots__ = ("pointer", "_data")

    _TYPES = {  # command: (cairo's path data type, points)
        "M": (cairo.PATH_MOVE_TO, 1),
        "L": (cairo.PATH_LINE_TO, 1),
        "C": (cairo.PATH_CURVE_TO, 3),
        "Z": (cairo.PATH_CLOSE_PATH, 0),
    }

    def __init__(self, commands: tuple[tuple, ...]) -> None:
        types = self._TYPES
        length = sum(1 + types[c[0]][1] for c in commands)
        data = _ffi.new("cairo_path_data_t[]", length)
        i = 0
        for command in commands:
            kind, points = types[command[0]]
            data[i].header.type = kind
            data[i].header.length = 1 + points
            for k in range(points):
                point = data[i + 1 + k].point
                point.x, point.y = command[1 + 2 * k], command[2 + 2 * k]
            i += 1 + points
        self._data = data  # the path points into it: both must live as long as the cache entry
        self.pointer = _ffi.new(
            "cairo_path_t *", {"status": cairo.STATUS_SUCCESS, "data": data, "num_data": length}
        )


@lru_cache(maxsize=16384)
def _glyph_path(face: FontFace, gid: int) -> _NativePath | None:
    """A glyph's outline, in font units, ready to append; None for blank glyphs (spaces)."""
    commands = _glyph(face, gid)
    return _NativePath(commands) if commands else None


def _trace(ctx: cairo.Context, commands: tuple[tuple, ...]) -> None:
    move, line, curve, close = ctx.move_to, ctx.line_to, ctx.curve_to, ctx.close_path
    for command in commands:
        op = command[0]
        if op == "C":
            curve(*command[1:])
        elif op == "L":
            line(command[1], command[2])
        elif op == "M":
            move(command[1], command[2])
        else:
            close()


def _paint(
    ctx: cairo.Context, fill: str | None, stroke: str | None, width: float, opacity: float = 1.0
) -> None:
    if fill:
        ctx.set_source_rgba(*_rgb(fill), opacity)
        if stroke and width > 0:
            ctx.fill_preserve()
        else:
            ctx.fill()
    if stroke and width > 0:
        ctx.set_source_rgba(*_rgb(stroke), opacity)
        ctx.set_line_width(width)
        ctx.stroke()
    ctx.new_path()


def _dash(ctx: cairo.Context, dash: str | None) -> None:
    ctx.set_dash([float(v) for v in _NUMBER.findall(dash)] if dash else [])


def _rounded(ctx: cairo.Context, x: float, y: float, w: float, h: float, r: float) -> None:
    r = min(r, w / 2, h / 2)
    if r <= 0:
        ctx.rectangle(x, y, w, h)
        return
    ctx.new_sub_path()
    ctx.arc(x + w - r, y + r, r, -math.pi / 2, 0)
    ctx.arc(x + w - r, y + h - r, r, 0, math.pi / 2)
    ctx.arc(x + r, y + h - r, r, math.pi / 2, math.pi)
    ctx.arc(x + r, y + r, r, math.pi, 3 * math.pi / 2)
    ctx.close_path()


def _text(ctx: cairo.Context, block: TextBlock, x: float, y: float, fill: str) -> None:
    ctx.set_source_rgb(*_rgb(fill))
    # Each glyph is placed by setting the whole transformation (the context's own, then the
    # glyph's origin and its font-unit scale with y flipped) and appending its prepared native
    # path: three C calls per glyph instead of a save/restore and one call per outline point.
    # The C library is called directly (cairocffi's documented low-level API): errors are sticky
    # in a cairo context, so the checked `fill` at the end of each line reports any of them.
    xx, yx, xy, yy, x0, y0 = ctx.get_matrix().as_tuple()
    # Lines wholly outside this band are skipped: two font sizes around the baseline hold any
    # glyph, accents and descenders included.
    _, clip_top, _, clip_bottom = ctx.clip_extents()
    pointer, matrix = ctx._pointer, _ffi.new("cairo_matrix_t *")
    set_matrix, append_path, matrix_init = (
        _lib.cairo_set_matrix,
        _lib.cairo_append_path,
        _lib.cairo_matrix_init,
    )
    for line in block.lines:
        left, baseline = x + line.x, y + line.baseline
        reach = 2 * max((run.size for run in line.runs), default=0.0)
        if baseline + reach < clip_top or baseline - reach > clip_bottom:
            continue
        for run in line.runs:
            face, scale = run.face, run.size / run.face.upem
            sxx, syx, sxy, syy = xx * scale, yx * scale, -xy * scale, -yy * scale
            for gid, gx, gy in zip(run.glyphs, run.xs, run.ys, strict=True):
                path = _glyph_path(face, gid)
                if path is None:
                    continue
                tx, ty = left + gx, baseline + gy
                matrix_init(
                    matrix, sxx, syx, sxy, syy, x0 + xx * tx + xy * ty, y0 + yx * tx + yy * ty
                )
                set_matrix(pointer, matrix)
                append_path(pointer, path.pointer)
        ctx.set_matrix(cairo.Matrix(xx, yx, xy, yy, x0, y0))
        ctx.fill()


@lru_cache(maxsize=512)
def _icon_commands(name: str) -> tuple[tuple, ...]:
    """An icon's shapes as one path (icons are strokes: circles and lines become path segments)."""
    out: list[tuple] = []
    for tag, attributes in get_icon(name).elements:
        a = {k: float(v) if k not in ("d", "points") else v for k, v in attributes}
        if tag == "path":
            out += compile_path(a["d"])
        elif tag in ("circle", "ellipse"):
            rx = a.get("r", a.get("rx", 0))
            ry = a.get("r", a.get("ry", 0))
            cx, cy = a["cx"], a["cy"]
            out.append(("M", cx + rx, cy))
            out += _arc(cx + rx, cy, rx, ry, 0, False, True, cx - rx, cy)
            out += _arc(cx - rx, cy, rx, ry, 0, False, True, cx + rx, cy)
            out.append(("Z",))
        elif tag == "line":
            out += [("M", a["x1"], a["y1"]), ("L", a["x2"], a["y2"])]
        elif tag in ("polyline", "polygon"):
            values = [float(v) for v in _NUMBER.findall(a["points"])]
            pairs = list(zip(values[::2], values[1::2], strict=True))
            out.append(("M", *pairs[0]))
            out += [("L", *p) for p in pairs[1:]]
            if tag == "polygon":
                out.append(("Z",))
        elif tag == "rect":
            x, y, w, h = a.get("x", 0.0), a.get("y", 0.0), a["width"], a["height"]
            r = min(a.get("rx", a.get("ry", 0.0)), w / 2, h / 2)
            out += compile_path(
                f"M{x + r} {y}H{x + w - r}A{r} {r} 0 0 1 {x + w} {y + r}V{y + h - r}"
                f"A{r} {r} 0 0 1 {x + w - r} {y + h}H{x + r}A{r} {r} 0 0 1 {x} {y + h - r}"
                f"V{y + r}A{r} {r} 0 0 1 {x + r} {y}Z"
            )
    return tuple(out)


def _icon(ctx: cairo.Context, item: Icon) -> None:
    icon = get_icon(item.name)
    scale = item.size / icon.size
    ctx.save()
    ctx.translate(item.x, item.y)
    ctx.scale(scale, scale)
    _trace(ctx, _icon_commands(item.name))
    ctx.restore()
    ctx.set_source_rgb(*_rgb(item.color))
    ctx.set_line_width(item.stroke_width)
    ctx.set_line_cap(cairo.LINE_CAP_ROUND)
    ctx.set_line_join(cairo.LINE_JOIN_ROUND)
    ctx.stroke()
    ctx.set_line_cap(cairo.LINE_CAP_BUTT)
    ctx.set_line_join(cairo.LINE_JOIN_MITER)


def _image(ctx: cairo.Context, item: Image) -> None:
    prefix = "data:image/png;base64,"
    if not item.href.startswith(prefix):
        raise ValueError("a scene image must be a PNG data URI")
    surface = cairo.ImageSurface.create_from_png(
        io.BytesIO(base64.b64decode(item.href[len(prefix) :]))
    )
    ctx.save()
    ctx.translate(item.x, item.y)
    ctx.scale(item.width / surface.get_width(), item.height / surface.get_height())
    ctx.set_source_surface(surface, 0, 0)
    ctx.paint()
    ctx.restore()


_CAPS = {
    "butt": cairo.LINE_CAP_BUTT,
    "round": cairo.LINE_CAP_ROUND,
    "square": cairo.LINE_CAP_SQUARE,
}
_JOINS = {
    "miter": cairo.LINE_JOIN_MITER,
    "round": cairo.LINE_JOIN_ROUND,
    "bevel": cairo.LINE_JOIN_BEVEL,
}


def _draw(ctx: cairo.Context, item: Element) -> None:
    if isinstance(item, Group):
        ctx.save()
        ctx.translate(item.dx, item.dy)
        if item.scale != 1:
            ctx.scale(item.scale, item.scale)
        for child in item.children:
            _draw(ctx, child)
        ctx.restore()
    elif isinstance(item, Text):
        _text(ctx, item.block, item.x, item.y, item.fill)
    elif isinstance(item, Rect):
        _rounded(ctx, item.x, item.y, item.width, item.height, item.radius)
        _dash(ctx, item.dash)
        _paint(ctx, item.fill, item.stroke, item.stroke_width)
        _dash(ctx, None)
    elif isinstance(item, Path):
        _trace(ctx, compile_path(item.d))
        ctx.set_line_cap(_CAPS[item.cap])
        ctx.set_line_join(_JOINS[item.join])
        _paint(ctx, item.fill, item.stroke, item.stroke_width, item.opacity)
        ctx.set_line_cap(cairo.LINE_CAP_BUTT)
        ctx.set_line_join(cairo.LINE_JOIN_MITER)
    elif isinstance(item, Circle):
        ctx.arc(item.cx, item.cy, item.r, 0, 2 * math.pi)
        _paint(ctx, item.fill, item.stroke, item.stroke_width)
    elif isinstance(item, Line):
        ctx.move_to(item.x1, item.y1)
        ctx.line_to(item.x2, item.y2)
        _dash(ctx, item.dash)
        ctx.set_line_cap(_CAPS[item.cap])
        _paint(ctx, None, item.stroke, item.stroke_width)
        ctx.set_line_cap(cairo.LINE_CAP_BUTT)
        _dash(ctx, None)
    elif isinstance(item, Icon):
        _icon(ctx, item)
    elif isinstance(item, Image):
        _image(ctx, item)
    else:  # pragma: no cover - the Element union is closed
        raise TypeError(f"cannot draw {type(item).__name__}")


# Drawing is split into horizontal bands drawn on their own threads: cairo rasterises without
# the GIL, so one band fills while Python walks the shapes of the other. Always two (the cores
# this is tuned for), not one per core: where a shape crosses a band edge cairo may round a
# pixel there by one level, and the same picture must give the same bytes on every machine.
_BANDS = 2
_MIN_BAND_ROWS = 256
# One pixel buffer is kept for the next picture (up to a 2x page): a fresh one costs the kernel
# a page fault per 4 KiB on first touch, about as long as drawing all the text.
_KEEP_BYTES = 32 * 2**20
_spare: list[bytearray] = []
_spare_lock = threading.Lock()


@contextmanager
def _pixels(size: int) -> Iterator[memoryview]:
    """A writable buffer of at least `size` bytes, reused between pictures when free."""
    with _spare_lock:
        buffer = _spare.pop() if _spare else None
    if buffer is None or len(buffer) < size:
        buffer = bytearray(size)
    try:
        yield memoryview(buffer)
    finally:
        if len(buffer) <= _KEEP_BYTES:
            with _spare_lock:
                _spare[:] = [buffer]


def _draw_band(
    scene: Scene, pixels: memoryview, fmt: int, width: int, stride: int, top: int, rows: int
) -> None:
    """Draw the scene's rows top..top+rows into their part of the shared pixel buffer."""
    surface = cairo.ImageSurface.create_for_data(
        pixels[top * stride : (top + rows) * stride], fmt, width, rows, stride
    )
    ctx = cairo.Context(surface)
    if scene.background and fmt == cairo.FORMAT_RGB24:
        ctx.set_source_rgb(*_rgb(scene.background))
    else:
        ctx.set_operator(cairo.OPERATOR_CLEAR)  # the reused buffer holds the last picture
    ctx.paint()
    ctx.set_operator(cairo.OPERATOR_OVER)
    # A whole-pixel shift: each band is rasterised as that part of one big surface would be.
    ctx.translate(0, -top)
    ctx.scale(width / scene.width, width / scene.width)
    ctx.set_fill_rule(cairo.FILL_RULE_WINDING)
    for element in scene.elements:
        _draw(ctx, element)
    surface.finish()  # cairo lets go of the buffer before it is read or reused


def scene_to_image(
    scene: Scene, *, width: int, transparent: bool = False, bands: int | None = None
) -> PILImage.Image:
    """The scene rasterised `width` px wide (height in proportion) as a Pillow image.

    `bands` horizontal strips (default 2, fewer for short pictures) are drawn on as many
    threads."""
    height = max(1, round(scene.height * width / scene.width))
    # An opaque picture is drawn without an alpha channel: cairo composites the same colours,
    # and Pillow reads its BGRX words straight into RGB, with no un-premultiplying and no
    # second conversion.
    opaque = bool(scene.background) and not transparent
    fmt = cairo.FORMAT_RGB24 if opaque else cairo.FORMAT_ARGB32
    stride = cairo.ImageSurface.format_stride_for_width(fmt, width)
    count = max(1, min(bands or _BANDS, height // _MIN_BAND_ROWS))
    edges = [round(height * k / count) for k in range(count + 1)]
    with _pixels(stride * height) as pixels:
        if count == 1:
            _draw_band(scene, pixels, fmt, width, stride, 0, height)
        else:
            with ThreadPoolExecutor(max_workers=count) as pool:
                for done in [
                    pool.submit(_draw_band, scene, pixels, fmt, width, stride, top, end - top)
                    for top, end in pairwise(edges)
                ]:
                    done.result()
        mode, raw = ("RGB", "BGRX") if opaque else ("RGBA", "BGRa")
        # Read into an uninitialised image: `Image.frombuffer` would first clear all of it.
        raster = PILImage.new(mode, (width, height), None)
        raster.frombytes(pixels[: stride * height], "raw", (raw, stride, 1))
    if opaque or transparent:
        return raster
    return raster.convert("RGB")  # no background, yet opaque: black shows through
