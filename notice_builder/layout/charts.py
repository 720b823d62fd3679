"""The chart block's bridge to the charts package: build the spec from the notice, draw it."""

from __future__ import annotations

from ..charts import build_chart
from ..charts import draw_chart as draw_spec
from .context import Context
from .kit import Piece


def draw_chart(
    name: str, ctx: Context, width: float, *, backdrop: str | None = None
) -> tuple[str, Piece]:
    """Chart `name` drawn `width` wide, with its title; its overflow and missing characters
    join the render's."""
    spec = build_chart(name, ctx.notice, ctx.locale)
    drawn = draw_spec(spec, width, ctx.theme, ctx.locale, title=False, backdrop=backdrop)
    ctx.overflow.extend(drawn.overflow)
    ctx.missing.update(drawn.missing)
    return spec.title, Piece(drawn.elements, drawn.height, width)
