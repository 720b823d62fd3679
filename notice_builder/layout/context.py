"""What every block needs while it draws: the notice, the locale, the theme, and helpers that
shape text and mirror positions for right-to-left locales."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..i18n import is_rtl, language, t
from ..i18n.messages import Said
from ..model import PrivacyNotice
from ..model.text import LongText, Text
from ..render.logo import Logo
from ..render.theme import Theme
from ..text import FontStack, TextBlock, fit_text, wrap_text

Role = Literal["title", "heading", "subheading", "body", "small", "caption", "big_number"]


@dataclass
class Context:
    """Rendering state shared by the blocks of one picture (one per render call)."""

    notice: PrivacyNotice
    locale: str
    theme: Theme
    scale: float = 1.0
    logo: Logo | None = None
    overflow: list[str] = field(default_factory=list)
    missing: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.rtl = is_rtl(self.locale)
        self.direction: Literal["ltr", "rtl"] = "rtl" if self.rtl else "ltr"
        self.stack: FontStack = self.theme.font_stack()

    # Words -----------------------------------------------------------------------------
    def text(self, value: Text | LongText | str | None) -> str:
        """A notice text in this locale (falling back to the default locale)."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        return value.get(self.locale, self.notice.default_locale)

    def ltr(self, value: str) -> str:
        """A left-to-right island (a date, an e-mail, a URL) kept in order inside RTL text.

        Without the isolate, the bidi algorithm turns "2026-10-01" after Arabic letters into
        "01-10-2026" (digits after Arabic become Arabic numbers, and '-' does not join them).
        """
        return f"\u2066{value}\u2069" if self.rtl else value

    def t(self, key: str, count: float | None = None, **params) -> str:
        """A message of the product's own, in this locale."""
        return t(key, self.locale, count, **params)

    # Shaped text -----------------------------------------------------------------------
    def size(self, role: Role) -> float:
        return getattr(self.theme.typography, role) * self.scale

    def wrap(
        self,
        text: str,
        width: float,
        role: Role = "body",
        *,
        bold: bool = False,
        align: Literal["start", "end", "center"] = "start",
        line_height: float | None = None,
    ) -> TextBlock:
        """Text wrapped to `width`, in the locale's direction."""
        block = wrap_text(
            text,
            max(width, 1.0),
            size=self.size(role),
            stack=self.stack,
            bold=bold,
            direction=self.direction,
            language=language(self.locale),
            line_height=line_height or self.theme.typography.line_height,
            align=align,
        )
        self.missing.update(block.missing)
        return block

    def fit(
        self,
        text: str,
        width: float,
        height: float,
        role: Role,
        *,
        where: str,
        bold: bool = False,
        min_ratio: float = 0.7,
        max_lines: int | None = None,
        align: Literal["start", "end", "center"] = "start",
    ) -> TextBlock:
        """Text fitted into a box: shrunk down to `min_ratio` of its size, then cut, and the
        cut reported as overflow of `where`."""
        size = self.size(role)
        result = fit_text(
            text,
            max(width, 1.0),
            max(height, 1.0),
            size=size,
            min_size=size * min_ratio,
            max_lines=max_lines,
            stack=self.stack,
            bold=bold,
            direction=self.direction,
            language=language(self.locale),
            line_height=self.theme.typography.line_height,
            align=align,
        )
        self.missing.update(result.block.missing)
        if result.overflow:
            self.overflow.append(Said("fit.text", where=where, detail=result.describe()))
        return result.block

    def icon_stroke(self, size: float) -> float:
        return self.theme.icon_stroke_width(size)

    # Mirroring -------------------------------------------------------------------------
    def mirror(self, x: float, width: float, box_width: float) -> float:
        """The left edge of something `width` wide placed `x` from the box's start edge."""
        return box_width - x - width if self.rtl else x
