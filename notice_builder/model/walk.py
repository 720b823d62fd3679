"""Walk a model and find every translatable text, with the path to it."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from .text import LongText, Text

Loc = tuple[str | int, ...]


def iter_texts(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, Text | LongText]]:
    """Yield (path, text) for every Text and LongText inside `model`, in field order."""
    for name in type(model).model_fields:
        yield from _visit(getattr(model, name), (*loc, name))


def _visit(value: object, loc: Loc) -> Iterator[tuple[Loc, Text | LongText]]:
    if isinstance(value, Text | LongText):
        yield loc, value
    elif isinstance(value, BaseModel):
        yield from iter_texts(value, loc)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _visit(item, (*loc, index))
