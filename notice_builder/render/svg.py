"""Write a scene as SVG text, deterministically: the same scene gives the same bytes.

Two forms from one scene:
- outlined: every glyph is a `<path>`; no font is needed anywhere (PNG and PDF exports use it,
  since cairosvg cannot shape text);
- editable: real `<text>` runs placed where our shaping put them, with the used glyphs embedded
  as subset fonts, so browsers and design tools show the same letters and the text stays
  selectable and editable.

Every user string is escaped here and nowhere else; numbers use one fixed format.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from xml.sax.saxutils import escape, quoteattr

from ..text.embed import editable_runs, font_face_css
from ..text.outline import block_paths, fmt
from .icons import get_icon
from .scene import Circle, Element, Group, Icon, Image, Line, Path, Rect, Scene, Text

SVG_NS = "http://www.w3.org/2000/svg"


def _attrs(pairs: list[tuple[str, object]]) -> str:
    out = []
    for name, value in pairs:
        if value is None:
            continue
        text = (
            fmt(value)
            if isinstance(value, float | int) and not isinstance(value, bool)
            else str(value)
        )
        out.append(f" {name}={quoteattr(text)}")
    return "".join(out)


def _paint(fill: str | None, stroke: str | None, stroke_width: float) -> list[tuple[str, object]]:
    pairs: list[tuple[str, object]] = [("fill", fill or "none")]
    if stroke and stroke_width > 0:
        pairs += [("stroke", stroke), ("stroke-width", stroke_width)]
    return pairs


def _shape(item: Element, outlined: bool, dx: float = 0.0, dy: float = 0.0) -> Iterator[str]:
    if isinstance(item, Group):
        label = [("role", "group"), ("aria-label", item.label)] if item.label else []
        transform = f"translate({fmt(item.dx)} {fmt(item.dy)})" if item.dx or item.dy else ""
        if item.scale != 1:
            transform = f"{transform} scale({fmt(item.scale)})".strip()
        move = [("transform", transform)] if transform else []
        yield f"<g{_attrs(label + move)}>"
        for child in item.children:
            yield from _shape(child, outlined)
        yield "</g>"
    elif isinstance(item, Rect):
        pairs = [("x", item.x), ("y", item.y), ("width", item.width), ("height", item.height)]
        if item.radius:
            pairs.append(("rx", item.radius))
        pairs += _paint(item.fill, item.stroke, item.stroke_width)
        pairs.append(("stroke-dasharray", item.dash))
        yield f"<rect{_attrs(pairs)}/>"
    elif isinstance(item, Circle):
        pairs = [("cx", item.cx), ("cy", item.cy), ("r", item.r)]
        yield f"<circle{_attrs(pairs + _paint(item.fill, item.stroke, item.stroke_width))}/>"
    elif isinstance(item, Line):
        pairs = [("x1", item.x1), ("y1", item.y1), ("x2", item.x2), ("y2", item.y2)]
        pairs += [("stroke", item.stroke), ("stroke-width", item.stroke_width)]
        pairs += [
            ("stroke-dasharray", item.dash),
            ("stroke-linecap", None if item.cap == "butt" else item.cap),
        ]
        yield f"<line{_attrs(pairs)}/>"
    elif isinstance(item, Path):
        pairs = [("d", item.d)] + _paint(item.fill, item.stroke, item.stroke_width)
        if item.stroke:
            pairs += [
                ("stroke-linecap", None if item.cap == "butt" else item.cap),
                ("stroke-linejoin", None if item.join == "miter" else item.join),
            ]
        pairs.append(("opacity", None if item.opacity == 1 else item.opacity))
        yield f"<path{_attrs(pairs)}/>"
    elif isinstance(item, Text):
        yield from (_outlined_text(item) if outlined else _editable_text(item))
    elif isinstance(item, Icon):
        yield from _icon(item)
    elif isinstance(item, Image):
        # Only cleaned PNG data URIs reach a scene (render/logo.py); nothing is fetched.
        if not item.href.startswith("data:image/png;base64,"):
            raise ValueError("a scene image must be a PNG data URI")
        pairs = [("x", item.x), ("y", item.y), ("width", item.width), ("height", item.height)]
        pairs += [
            ("href", item.href),
            ("role", "img" if item.label else None),
            ("aria-label", item.label),
        ]
        yield f"<image{_attrs(pairs)}/>"
    else:  # pragma: no cover - the Element union is closed
        raise TypeError(f"cannot draw {type(item).__name__}")


def _outlined_text(item: Text) -> Iterator[str]:
    for d in block_paths(item.block, item.x, item.y):
        if d:
            yield f"<path{_attrs([('d', d), ('fill', item.fill)])}/>"


def _editable_text(item: Text) -> Iterator[str]:
    for run in editable_runs(item.block, item.x, item.y):
        pairs = [
            ("x", run.anchor_x),
            ("y", run.y),
            # Always explicit: a left-to-right run inside a right-to-left picture would otherwise
            # inherit rtl from the root and be anchored at its right edge.
            ("direction", run.direction),
            ("font-family", quoted_family(run.family)),
            ("font-weight", run.weight if run.weight != 400 else None),
            ("font-size", run.size),
            ("textLength", run.width),
            ("lengthAdjust", "spacingAndGlyphs"),
            ("fill", item.fill),
        ]
        yield f"<text{_attrs(pairs)}>{escape(run.text)}</text>"


def quoted_family(family: str) -> str:
    return f"'{family}'"


def _icon(item: Icon) -> Iterator[str]:
    icon = get_icon(item.name)
    scale = item.size / icon.size
    transform = f"translate({fmt(item.x)} {fmt(item.y)}) scale({fmt(scale)})"
    pairs = [
        ("transform", transform),
        ("fill", "none"),
        ("stroke", item.color),
        ("stroke-width", item.stroke_width / scale),
        ("stroke-linecap", "round"),
        ("stroke-linejoin", "round"),
        ("aria-hidden", "true"),
    ]
    yield f"<g{_attrs(pairs)}>"
    for tag, attributes in icon.elements:
        yield f"<{tag}{_attrs(list(attributes))}/>"
    yield "</g>"


def _fonts_css(scene: Scene) -> str:
    """@font-face rules embedding, per font, only the characters the scene uses."""
    used: dict = {}
    for item, _, _ in scene.walk():
        if isinstance(item, Text):
            for line in item.block.lines:
                for run in line.runs:
                    used.setdefault(run.face, set()).update(run.text)
    rules = []
    for face in sorted(used, key=lambda f: (f.family, f.weight)):
        rules.append(font_face_css(face, "".join(sorted(used[face])), css_family=face.family))
    return "\n".join(rules)


def write_svg(
    scene: Scene,
    *,
    outlined: bool = True,
    embed_fonts: bool = True,
    metadata: Mapping[str, str] | None = None,
) -> str:
    """The scene as SVG text: outlined (glyphs as paths) or editable (text with subset fonts).

    `embed_fonts=False` leaves the fonts out of an editable SVG: the geometry and words of the
    picture in a small, reviewable file (what the golden tests compare). `metadata` adds
    `<metadata id="nb-KEY">` elements beside the scene's own (e.g. the notice as DPV JSON-LD).
    """
    root = [
        ("xmlns", SVG_NS),
        ("width", scene.width),
        ("height", scene.height),
        ("viewBox", f"0 0 {fmt(scene.width)} {fmt(scene.height)}"),
        ("role", "img"),
        ("aria-labelledby", "nb-title nb-desc"),
        ("lang", scene.lang),
        ("xml:lang", scene.lang),
        ("direction", scene.direction),
    ]
    parts = [f"<svg{_attrs(root)}>"]
    parts.append(f'<title id="nb-title">{escape(scene.title)}</title>')
    parts.append(f'<desc id="nb-desc">{escape(scene.description)}</desc>')
    extra = {**scene.metadata, **(metadata or {})}
    for key in sorted(extra):
        parts.append(f"<metadata{_attrs([('id', 'nb-' + key)])}>{escape(extra[key])}</metadata>")
    if not outlined and embed_fonts:
        css = _fonts_css(scene)
        if css:
            parts.append(f"<style>{escape(css)}</style>")
    if scene.background:
        parts.append(
            f"<rect{_attrs([('width', '100%'), ('height', '100%'), ('fill', scene.background)])}/>"
        )
    for element in scene.elements:
        parts.extend(_shape(element, outlined))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
