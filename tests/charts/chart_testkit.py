"""Shared helpers of the chart tests: a stand-in theme, the sample notice, shape walking."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from functools import cache
from types import SimpleNamespace

from notice_builder.io import load_notice, validate_notice
from notice_builder.model import PrivacyNotice
from notice_builder.render.scene import Circle, Group, Line, Path, Rect, Text
from notice_builder.resources import example_path
from notice_builder.text import FontStack

FAMILIES = ("Noto Sans", "Noto Sans Arabic", "Noto Sans Math", "Noto Sans Symbols 2")
CATEGORICAL = [
    "#0f6e8c",
    "#c2571a",
    "#2a8a5c",
    "#8a4fb5",
    "#b8860b",
    "#c0407a",
    "#4a6fd1",
    "#6b7280",
]


def make_theme(*, greyscale: bool = False) -> SimpleNamespace:
    """A stand-in with the fields of render.theme.Theme, so these tests do not depend on it."""
    palette = SimpleNamespace(
        background="#ffffff",
        surface="#ffffff",
        surface_alt="#f4f6f8",
        text="#1f2937",
        text_muted="#4b5563",
        primary="#0f5e7a",
        on_primary="#ffffff",
        accent="#b4530b",
        on_accent="#ffffff",
        border="#d8dee6",
        positive="#1a7f4b",
        negative="#b42318",
        caution="#9a6700",
        categorical=["#333333", "#5c5c5c", "#444444", "#6b6b6b"] * 2 if greyscale else CATEGORICAL,
    )
    typography = SimpleNamespace(
        families=list(FAMILIES),
        title=40,
        heading=24,
        subheading=18,
        body=16,
        small=14,
        caption=12,
        big_number=44,
        line_height=1.4,
    )
    return SimpleNamespace(
        palette=palette,
        typography=typography,
        spacing=8,
        radius=12,
        icon_stroke=2,
        greyscale_safe=greyscale,
        font_stack=lambda: FontStack(FAMILIES),
    )


THEME = make_theme()


@cache
def coffee() -> PrivacyNotice:
    return load_notice(example_path("coffee-shop"))


def coffee_with(**changes: object) -> PrivacyNotice:
    """The coffee-shop notice with top-level fields replaced (validated again)."""
    data = copy.deepcopy(coffee().model_dump(mode="json", exclude_none=True))
    data.update(changes)
    return validate_notice(data)


def big_notice(categories: int = 200, purposes: int = 30, recipients: int = 40):
    """A valid notice at the model's limits: many kinds of data, purposes and recipients."""
    data = coffee().model_dump(mode="json", exclude_none=True)
    data["data_categories"] = [
        {
            "id": f"c{i}",
            "label": {"en": f"Data kind {i}", "ar": f"نوع البيانات {i}"},
            "source": ["provided", "observed", "inferred"][i % 3],
        }
        for i in range(categories)
    ]
    data["purposes"] = [
        {
            "id": f"p{i}",
            "label": {"en": f"Purpose {i}", "ar": f"الغرض {i}"},
            "description": "Why.",
            "consent": "opt_in" if i % 4 == 0 else "none",
        }
        for i in range(purposes)
    ]
    data["recipients"] = [
        {"id": f"r{i}", "name": f"Company {i}", "kind": "service_provider"}
        for i in range(recipients)
    ]
    data["practices"] = [
        {
            "id": f"x{i}",
            "data": [f"c{i}", f"c{(i * 7) % categories}"],
            "purposes": [f"p{i % purposes}"],
            "recipients": [f"r{i % recipients}"] if i % 3 == 0 else [],
            "retention": "one-year",
        }
        for i in range(categories)
    ]
    for key in ("transfers", "choices", "commitments"):
        data.pop(key, None)
    return validate_notice(data)


def walk(elements, dx: float = 0.0, dy: float = 0.0) -> Iterator[tuple[object, float, float]]:
    """Every shape with the offset of the groups around it."""
    for item in elements:
        if isinstance(item, Group):
            yield from walk(item.children, dx + item.dx, dy + item.dy)
        else:
            yield item, dx, dy


def texts(drawn) -> list[str]:
    return [shape.block.text for shape, _, _ in walk(drawn.elements) if isinstance(shape, Text)]


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def x_extent(shape, dx: float = 0.0) -> tuple[float, float]:
    """Leftmost and rightmost x a shape covers (ink for text, path data for paths)."""
    if isinstance(shape, Rect):
        return dx + shape.x, dx + shape.x + shape.width
    if isinstance(shape, Circle):
        return dx + shape.cx - shape.r, dx + shape.cx + shape.r
    if isinstance(shape, Line):
        return dx + min(shape.x1, shape.x2), dx + max(shape.x1, shape.x2)
    if isinstance(shape, Path):
        xs = [float(v) for v in _NUMBER.findall(shape.d)[0::2]]
        return dx + min(xs), dx + max(xs)
    if isinstance(shape, Text):
        lines = shape.block.lines
        if not lines:
            return dx + shape.x, dx + shape.x
        left = min(ln.x for ln in lines)
        right = max(ln.x + ln.width for ln in lines)
        return dx + shape.x + left, dx + shape.x + right
    raise TypeError(type(shape).__name__)


def bars(drawn, fill: str) -> list[Rect]:
    """Rectangles painted `fill`, left to right."""
    found = [s for s, _, _ in walk(drawn.elements) if isinstance(s, Rect) and s.fill == fill]
    return sorted(found, key=lambda r: r.x)
