"""SVG logos: an untrusted drawing rebuilt from an allowlist, then rasterised once.

A brand's logo often exists only as SVG. SVG can carry scripts, event handlers, links to files
and servers, entity bombs and foreign HTML, so the file is never used as it is: it is parsed
without a DOCTYPE, and a new drawing is built from the shapes, paint servers and styles on an
allowlist, with every reference kept inside the drawing (`#id`). That drawing is rasterised by
cairosvg (data: URIs only, no file or network access) to a PNG whose longest side is
`RASTER_SIDE` px, which then goes through the same checks as any PNG logo.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..i18n.errors import SaidError

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
MAX_SVG_BYTES = 1024 * 1024
MAX_ELEMENTS = 20_000
RASTER_SIDE = 1024
# Written without prefixes, as cairosvg and every SVG reader expect.
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

_ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern",
        "text", "tspan",
    }
)  # fmt: skip
# Presentation and geometry attributes; anything else (on*, href to elsewhere…) is dropped.
_ATTRIBUTES = frozenset(
    {
        "id", "class", "style", "transform", "viewBox", "preserveAspectRatio", "width", "height",
        "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
        "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
        "stroke-dashoffset", "opacity", "clip-path", "clip-rule", "mask", "offset", "stop-color",
        "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod", "patternUnits",
        "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
        "maskContentUnits", "color", "display", "visibility", "font-family", "font-size",
        "font-weight", "font-style", "text-anchor", "dx", "dy", "letter-spacing",
        "dominant-baseline", "href",
    }
)  # fmt: skip
# url(...) may only point inside the drawing; @import and other at-rules fetch or hide things.
_OUTSIDE_URL = re.compile(r"url\(\s*(?![\s'\"]*#)", re.IGNORECASE)
_AT_RULE = re.compile(r"@(?!media\b)[a-z-]+", re.IGNORECASE)
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


class SvgLogoError(SaidError):
    """The SVG cannot be used as a logo; the message says why."""


def looks_like_svg(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!--")


def svg_logo_png(data: bytes) -> bytes:
    """PNG bytes of a cleaned SVG logo; raises SvgLogoError naming the problem or limit."""
    from ..export.rasterize import svg_to_png  # cairosvg with its deny-all url_fetcher

    clean = sanitise_svg(data)
    width, height = _size(clean)
    scale = RASTER_SIDE / max(width, height)
    try:
        return svg_to_png(
            ET.tostring(clean, encoding="unicode"),
            width=max(1, round(width * scale)),
            height=max(1, round(height * scale)),
        )
    except Exception as exc:  # cairosvg raises many kinds on drawings it cannot follow
        raise SvgLogoError.said("logo.svg.not_drawn", error=str(exc)) from None


def sanitise_svg(data: bytes) -> ET.Element:
    """A new <svg> element holding only the allowlisted parts of `data`."""
    if len(data) > MAX_SVG_BYTES:
        raise SvgLogoError.said(
            "logo.svg.too_big", size=f"{len(data) / 1024:.0f}", limit=MAX_SVG_BYTES // 1024
        )
    if re.search(rb"<!(DOCTYPE|ENTITY)", data, re.IGNORECASE):
        raise SvgLogoError.said("logo.svg.doctype")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise SvgLogoError.said("logo.svg.not_xml", error=str(exc)) from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise SvgLogoError.said("logo.svg.not_svg")
    count = sum(1 for _ in root.iter())
    if count > MAX_ELEMENTS:
        raise SvgLogoError.said("logo.svg.too_many_elements", elements=count, limit=MAX_ELEMENTS)
    return _copy(root)


def _copy(element: ET.Element) -> ET.Element:
    clean = ET.Element(f"{{{SVG_NS}}}{_local(element.tag)}")
    for name, value in element.attrib.items():
        local = _local(name)
        if local not in _ATTRIBUTES or _OUTSIDE_URL.search(value):
            continue
        if local == "href" and not value.startswith("#"):
            continue  # a <use> may point at a shape of this drawing, nothing else
        clean.set(f"{{{XLINK_NS}}}href" if local == "href" else local, value)
    if _local(element.tag) == "style":
        css = element.text or ""
        clean.text = "" if _OUTSIDE_URL.search(css) or _AT_RULE.search(css) else css
    elif _local(element.tag) in ("text", "tspan", "title", "desc"):
        clean.text = element.text
    for child in element:
        if _local(child.tag) == "use" and not _internal_href(child):
            continue  # cairosvg would resolve a missing href against the working folder
        if child.tag.startswith(f"{{{SVG_NS}}}") and _local(child.tag) in _ELEMENTS:
            copied = _copy(child)
            copied.tail = child.tail if _local(element.tag) in ("text", "tspan") else None
            clean.append(copied)
    return clean


def _internal_href(element: ET.Element) -> bool:
    return any(_local(k) == "href" and v.startswith("#") for k, v in element.attrib.items())


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _size(svg: ET.Element) -> tuple[float, float]:
    """The drawing's size from viewBox (preferred) or width/height in px."""
    box = svg.get("viewBox")
    if box:
        try:
            _, _, width, height = (float(v) for v in box.replace(",", " ").split())
        except ValueError:
            raise SvgLogoError.said("logo.svg.viewbox", box=repr(box)) from None
    else:
        sizes = [_LENGTH.match(svg.get(k, "")) for k in ("width", "height")]
        if not all(sizes):
            raise SvgLogoError.said("logo.svg.no_size")
        width, height = (float(m.group(1)) for m in sizes)
    if width <= 0 or height <= 0:
        raise SvgLogoError.said("logo.svg.zero_size")
    return width, height
