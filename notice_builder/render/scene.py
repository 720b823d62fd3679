"""The scene: what a picture is made of, before it is written as SVG.

Layouts and charts build scenes out of these few plain shapes; `svg.py` writes a scene as an
editable or an outlined SVG. Coordinates are SVG user units (px), y pointing down. Shapes are
immutable, so a scene can be cached, compared and written twice with the same result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..text.wrap import TextBlock


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 0.0
    radius: float = 0.0
    dash: str | None = None


@dataclass(frozen=True, slots=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 0.0


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    stroke_width: float = 1.0
    dash: str | None = None
    cap: Literal["butt", "round", "square"] = "butt"


@dataclass(frozen=True, slots=True)
class Path:
    """Any other shape, as SVG path data in absolute user units."""

    d: str
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 0.0
    opacity: float = 1.0
    cap: Literal["butt", "round", "square"] = "butt"
    join: Literal["miter", "round", "bevel"] = "miter"


@dataclass(frozen=True, slots=True)
class Text:
    """A block of shaped, wrapped text whose box has its top-left corner at (x, y)."""

    block: TextBlock
    x: float
    y: float
    fill: str


@dataclass(frozen=True, slots=True)
class Icon:
    """A named icon from the icon set, drawn in a square of `size` at (x, y)."""

    name: str
    x: float
    y: float
    size: float
    color: str
    stroke_width: float = 2.0


@dataclass(frozen=True, slots=True)
class Image:
    """A raster image (a cleaned logo) as a data URI, drawn into a box at (x, y)."""

    href: str
    x: float
    y: float
    width: float
    height: float
    label: str | None = None


Shape = Rect | Circle | Line | Path | Text | Icon | Image


@dataclass(frozen=True, slots=True)
class Group:
    """Shapes that belong together, optionally labelled for assistive technology, moved by
    (dx, dy) and scaled by `scale` (scaling first)."""

    children: tuple[Shape | Group, ...]
    label: str | None = None
    dx: float = 0.0
    dy: float = 0.0
    scale: float = 1.0
    height: float | None = None  # known for the rows of a layout, so pages can break between them


Element = Shape | Group


@dataclass(frozen=True)
class Scene:
    """A whole picture: its size, what it says in words, and what it draws."""

    width: float
    height: float
    title: str
    description: str
    lang: str
    direction: Literal["ltr", "rtl"]
    background: str | None
    elements: tuple[Element, ...]
    metadata: dict[str, str] = field(default_factory=dict)

    def walk(self):
        """Every shape, with the offset of the groups around it."""

        def visit(items, dx, dy):
            for item in items:
                if isinstance(item, Group):
                    yield from visit(item.children, dx + item.dx, dy + item.dy)
                else:
                    yield item, dx, dy

        yield from visit(self.elements, 0.0, 0.0)
