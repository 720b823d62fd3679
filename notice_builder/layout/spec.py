"""Layouts are data: `layouts/*.yaml`, validated by a LayoutSpec.

A layout is a page (width, optional fixed height, margins, a column grid) and a list of blocks.
Blocks flow into rows on the grid: each takes `span` of the columns, a row holds what fits, and
the cards of a row share its height. Each block type has its own options model, chosen by its
`type` field, so a typo in a layout file is reported like a typo in a notice.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..model.base import Model
from ..model.text import Id


class Page(Model):
    """The page: its size, margins and grid."""

    width: float = Field(1200, ge=200, le=4000, description="Width in px.")
    height: float | None = Field(
        None, ge=100, le=20000, description="Fixed height in px; none = as tall as the content."
    )
    margin: float = Field(56, ge=0, le=400, description="Space around the content, px.")
    columns: int = Field(12, ge=1, le=24, description="Columns of the grid.")
    gutter: float = Field(24, ge=0, le=200, description="Space between columns, px.")
    row_gap: float = Field(24, ge=0, le=400, description="Space between rows, px.")
    scale: float = Field(
        1.0, ge=0.5, le=2.0, description="Text and icon size relative to the theme's."
    )
    max_height: float = Field(
        12000, ge=100, le=20000, description="Tallest page an auto-height layout may grow to."
    )


class _Block(Model):
    span: int | None = Field(None, ge=1, le=24, description="Columns the block takes; none = all.")
    card: bool = Field(True, description="Draw the block on a card (surface colour, rounded).")
    heading: bool = Field(True, description="Show the block's heading.")


class HeaderBlock(_Block):
    """Title, organisation, summary and date."""

    type: Literal["header"]
    summary: bool = Field(True, description="Show the notice's summary under the title.")
    card: bool = Field(False, description="Draw the block on a card.")


class KeyFactsBlock(_Block):
    """Big, short facts: kinds of data, never sold, service providers, retention, opt-out."""

    type: Literal["key-facts"]
    facts: list[
        Literal[
            "categories", "purposes", "selling", "sharing", "retention", "opt-out", "gpc", "reading"
        ]
    ] = Field(
        default_factory=lambda: ["categories", "selling", "sharing", "retention", "opt-out"],
        min_length=1,
        max_length=8,
        description="Which facts, in order.",
    )
    columns: int = Field(5, ge=1, le=8, description="Facts per row.")


class DataCategoriesBlock(_Block):
    """What we collect: icons and labels, grouped by where the data comes from."""

    type: Literal["data-categories"]
    group_by_source: bool = Field(True, description="Group the categories by source.")
    columns: int = Field(2, ge=1, le=6, description="Items per row.")
    examples: bool = Field(False, description="Show each category's examples.")
    limit: int = Field(
        16, ge=1, le=200, description="Show at most this many; the rest as '+N more'."
    )


class PurposesBlock(_Block):
    """Why we use it: purposes with icons and a line of description."""

    type: Literal["purposes"]
    descriptions: bool = Field(True, description="Show each purpose's description.")
    columns: int = Field(1, ge=1, le=4, description="Items per row.")
    limit: int = Field(12, ge=1, le=100, description="Show at most this many.")


class SharingBlock(_Block):
    """Who gets the data: recipients, and whether it is sold or shared for ads."""

    type: Literal["sharing"]
    columns: int = Field(1, ge=1, le=4, description="Items per row.")


class RetentionBlock(_Block):
    """How long each kind of data is kept, as a list."""

    type: Literal["retention"]


class RightsBlock(_Block):
    """Rights with how to use them and the response time."""

    type: Literal["rights"]
    columns: int = Field(2, ge=1, le=4, description="Items per row.")
    channels: bool = Field(True, description="Show how to use each right.")


class ChoicesBlock(_Block):
    """Opt-outs with how many clicks they take, and Global Privacy Control."""

    type: Literal["choices"]
    columns: int = Field(1, ge=1, le=4, description="Items per row.")


class SecurityBlock(_Block):
    """How the data is protected."""

    type: Literal["security"]
    columns: int = Field(2, ge=1, le=4, description="Items per row.")


class CommitmentsBlock(_Block):
    """The promises, shown prominently on the accent colour."""

    type: Literal["commitments"]
    heading: bool = Field(False, description="Show the block's heading.")


class ChartBlock(_Block):
    """A chart drawn from a chart spec built from the notice."""

    type: Literal["chart"]
    chart: Literal[
        "requests", "response-time", "flow", "retention", "matrix", "sources", "reading-time"
    ] = Field(description="Which chart.")


class ReportSummaryBlock(_Block):
    """The latest period of the privacy report: figures and highlights."""

    type: Literal["report-summary"]


class QrCodeBlock(_Block):
    """A QR code to a page of the notice, with its caption."""

    type: Literal["qr-code"]
    target: Literal["choices", "notice", "full-policy"] = Field(
        "choices", description="Which link the code opens."
    )
    size: float = Field(160, ge=80, le=600, description="Side of the code, px.")


class CallToActionBlock(_Block):
    """A button-like call to action with the link under it."""

    type: Literal["call-to-action"]
    target: Literal["choices", "notice", "full-policy"] = Field(
        "notice", description="Which link the button points to."
    )
    card: bool = Field(False, description="Draw the block on a card.")
    heading: bool = Field(False, description="Show the block's heading.")


class FooterBlock(_Block):
    """Contact, the full notice's address and the date."""

    type: Literal["footer"]
    card: bool = Field(False, description="Draw the block on a card.")
    heading: bool = Field(False, description="Show the block's heading.")


BlockSpec = Annotated[
    HeaderBlock
    | KeyFactsBlock
    | DataCategoriesBlock
    | PurposesBlock
    | SharingBlock
    | RetentionBlock
    | RightsBlock
    | ChoicesBlock
    | SecurityBlock
    | CommitmentsBlock
    | ChartBlock
    | ReportSummaryBlock
    | QrCodeBlock
    | CallToActionBlock
    | FooterBlock,
    Field(discriminator="type"),
]


class LayoutSpec(Model):
    """An infographic layout: a page and the blocks on it."""

    id: Id = Field(description="Name of the layout, used on the command line and in the app.")
    label: str = Field(description="Short name shown in menus.")
    description: str = Field(description="What the layout is for.")
    page: Page = Field(default_factory=Page, description="Page size and grid.")
    blocks: list[BlockSpec] = Field(
        min_length=1, max_length=40, description="The blocks, in order."
    )

    @model_validator(mode="after")
    def _spans_fit(self):
        for index, block in enumerate(self.blocks):
            if block.span is not None and block.span > self.page.columns:
                raise ValueError(
                    f"blocks[{index}] spans {block.span} columns but the page has {self.page.columns}"
                )
        return self


@cache
def _builtin() -> dict[str, LayoutSpec]:
    from ..resources import resource_root

    layouts = {}
    for path in sorted(resource_root("layouts").glob("*.yaml")):
        spec = load_layout(path)
        layouts[spec.id] = spec
    return layouts


def load_layout(path) -> LayoutSpec:
    """Read a layout file; problems are reported with line, column and field like a notice's."""
    from pathlib import Path

    from ..io.load import NoticeError, Problem, validate_model
    from ..io.parse import DocumentError, parse_document

    path = Path(path)
    try:
        document = parse_document(path.read_bytes(), source=str(path))
    except DocumentError as exc:
        raise NoticeError(str(path), [Problem(exc.message, (), exc.line, exc.column)]) from None
    return validate_model(
        LayoutSpec, document.data, source=str(path), source_map=document.source_map
    )


_EXTRA: dict[str, LayoutSpec] = {}


def register_layout(spec: LayoutSpec) -> None:
    """Add a layout (an extension, or one read from a designer's file)."""
    _EXTRA[spec.id] = spec


def layout_names() -> list[str]:
    return list({**_builtin(), **_EXTRA})


def get_layout(name: str) -> LayoutSpec:
    """The layout called `name`; an unknown name lists the known ones."""
    layouts = {**_builtin(), **_EXTRA}
    try:
        return layouts[name]
    except KeyError:
        raise KeyError(f"unknown layout '{name}' (known: {', '.join(layouts)})") from None
