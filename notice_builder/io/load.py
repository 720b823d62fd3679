"""Load a notice from YAML or JSON into a validated PrivacyNotice, or explain every problem.

Parsing (safe, capped, with positions) is `parse.py`'s job; this module validates the data
against the model and turns each pydantic error into a `Problem` a lawyer can act on: the file,
line, column, the field path and a plain message ("unknown field 'retension' (did you mean
'retention'?)").
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from ..model import IntegrityError, PrivacyNotice
from ..model.base import COUNTRY_PATTERN, JURISDICTION_PATTERN
from ..model.paths import dotted, pointer
from ..model.text import PATTERN_HINTS as TEXT_HINTS
from ..model.text import UNION_TAGS
from .parse import DEFAULT_LIMITS, DocumentError, Limits, SourceMap, parse_document

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

PATTERN_HINTS = {
    **TEXT_HINTS,
    COUNTRY_PATTERN: "a country is a two-letter ISO 3166 code such as IE, US or AE",
    JURISDICTION_PATTERN: "a jurisdiction is EU, EEA, a country code (UK, AE) or a region (US-CA)",
}


@dataclass(frozen=True)
class Problem:
    """One reason a notice could not be loaded, and where it is."""

    message: str
    path: Loc = ()
    line: int | None = None
    column: int | None = None

    @property
    def pointer(self) -> str:
        """The JSON pointer (RFC 6901) of the field."""
        return pointer(self.path)

    @property
    def dotted(self) -> str:
        """The field path as people read it: practices[2].purposes[0]."""
        return dotted(self.path)

    def format(self, source: str) -> str:
        where = source
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        return f"{where}: {self.dotted + ': ' if self.path else ''}{self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "path": self.dotted,
            "pointer": self.pointer,
            "line": self.line,
            "column": self.column,
        }


@dataclass
class NoticeError(Exception):
    """A notice could not be loaded. `problems` lists every reason found, in document order."""

    source: str
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{self.source}: {count} problem{'s' if count != 1 else ''}"
        return "\n".join([head, *(p.format(self.source) for p in self.problems)])


@dataclass(frozen=True)
class LoadedNotice:
    """A validated notice with where it came from, so later findings can name lines too."""

    notice: PrivacyNotice
    source: str
    source_map: SourceMap | None = None

    def locate(self, path: Loc) -> tuple[int, int] | None:
        return self.source_map.locate(path) if self.source_map else None


def load_notice(
    path: str | Path,
    *,
    format: Literal["yaml", "json"] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PrivacyNotice:
    """Read, parse and validate the notice in the file at `path`."""
    return read_notice(path, format=format, limits=limits).notice


def read_notice(
    path: str | Path,
    *,
    format: Literal["yaml", "json"] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> LoadedNotice:
    """Like `load_notice`, keeping the source map for locating later findings."""
    source = str(path)
    try:
        content = Path(path).read_bytes()
    except FileNotFoundError:
        raise NoticeError(source, [Problem("file not found")]) from None
    except IsADirectoryError:
        raise NoticeError(source, [Problem("is a folder, not a notice file")]) from None
    except OSError as exc:
        raise NoticeError(source, [Problem(f"cannot be read: {exc.strerror or exc}")]) from None
    return read_notice_content(content, source=source, format=format, limits=limits)


def loads_notice(
    content: bytes | str,
    *,
    source: str = "<input>",
    format: Literal["yaml", "json"] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PrivacyNotice:
    """Parse and validate a notice given as text or bytes."""
    return read_notice_content(content, source=source, format=format, limits=limits).notice


def read_notice_content(
    content: bytes | str,
    *,
    source: str = "<input>",
    format: Literal["yaml", "json"] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> LoadedNotice:
    """Like `loads_notice`, keeping the source map for locating later findings."""
    try:
        document = parse_document(content, source=source, format=format, limits=limits)
    except DocumentError as exc:
        raise NoticeError(source, [Problem(exc.message, (), exc.line, exc.column)]) from None
    notice = validate_notice(document.data, source=source, source_map=document.source_map)
    return LoadedNotice(notice, source, document.source_map)


def validate_notice(
    data: Any, *, source: str = "<input>", source_map: SourceMap | None = None
) -> PrivacyNotice:
    """Validate plain data (a dict) as a notice; problems carry lines when a source map is given."""
    return validate_model(PrivacyNotice, data, source=source, source_map=source_map)


def validate_model(
    model: type[M], data: Any, *, source: str = "<input>", source_map: SourceMap | None = None
) -> M:
    """Validate data as any of the project's models (a notice, a layout, a theme), reporting
    every problem like a notice's: line, column, field, plain message."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = list(_problems(exc, source_map, model))
    problems.sort(key=lambda p: (p.line is None, p.line or 0, p.column or 0))
    raise NoticeError(source, problems)


def _problems(
    exc: ValidationError, source_map: SourceMap | None, model: type[BaseModel]
) -> Iterable[Problem]:
    for error in exc.errors(include_url=False):
        raw = tuple(part for part in error["loc"] if part not in UNION_TAGS)
        loc, _ = _walk(model, raw)
        integrity = (error.get("ctx") or {}).get("error")
        if isinstance(integrity, IntegrityError):
            for issue in integrity.issues:
                yield _located(issue.message, (*loc, *issue.loc), source_map)
            continue
        kind = error["type"]
        if kind == "extra_forbidden":
            yield _located(_unknown_field(model, raw), loc, source_map, key=True)
        elif kind == "missing":
            yield _located(f"missing required field '{loc[-1]}'", loc, source_map)
        elif kind == "literal_error":
            yield _located(_not_allowed(error), loc, source_map)
        elif kind == "string_type" and isinstance(error["input"], bool | int | float):
            value = error["input"]
            found = f"{'true/false' if isinstance(value, bool) else 'the number'} {value!r}"
            yield _located(
                f"expected text but found {found}; put it in quotes to keep it exactly as written",
                loc,
                source_map,
            )
        elif kind == "string_unicode":
            yield _located(_surrogate(error["input"]), loc, source_map)
        elif kind == "string_pattern_mismatch":
            hint = PATTERN_HINTS.get(str((error.get("ctx") or {}).get("pattern")))
            message = f"{error['input']!r} is not valid" + (f": {hint}" if hint else "")
            yield _located(message, loc, source_map)
        else:
            message = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
            yield _located(message, loc, source_map)


def _located(message: str, loc: Loc, source_map: SourceMap | None, key: bool = False) -> Problem:
    position = None
    if source_map is not None:
        position = source_map.locate_key(loc) if key else source_map.locate(loc)
    line, column = position if position else (None, None)
    return Problem(message, loc, line, column)


def _unknown_field(model: type[BaseModel], loc: Loc) -> str:
    name = str(loc[-1])
    message = f"unknown field '{name}'"
    known = _fields_of(model, loc[:-1])
    if known:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if close:
            return f"{message} (did you mean '{close[0]}'?)"
        return f"{message}; known fields: {', '.join(known)}"
    return message


def _surrogate(value: object) -> str:
    text = value if isinstance(value, str) else ""
    index = next((i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"), None)
    if index is None:
        return "is not valid Unicode text"
    return (
        f"contains the invalid character U+{ord(text[index]):04X} (a lone surrogate) at position "
        f"{index + 1}; remove it"
    )


def _not_allowed(error: dict[str, Any]) -> str:
    value = error.get("input")
    expected = str((error.get("ctx") or {}).get("expected", ""))
    options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",") if o.strip()]
    close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    shown = ", ".join(options[:12]) + (", …" if len(options) > 12 else "")
    return f"{value!r} is not allowed{hint}; use one of: {shown}"


def _fields_of(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names of the model found at `loc` (empty when it is not a model)."""
    _, target = _walk(model, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def _walk(model: type[BaseModel], loc: Loc) -> tuple[Loc, Any]:
    """Follow `loc` through the model's types: the location without the tags pydantic adds
    for discriminated unions (`blocks[0].key-facts.columns` -> `blocks[0].columns`), and the
    type found there (None when the path leaves the models)."""
    clean: list[str | int] = []
    target: Any = model
    for part in loc:
        target = _unwrap(target)
        if isinstance(target, list):  # members of a discriminated union
            chosen = next((m for m in target if part in _tags(m)), None)
            if chosen is not None:
                target = chosen
                continue
            target = None
        clean.append(part)
        if isinstance(part, int):
            args = typing.get_args(target) if target is not None else ()
            target = args[0] if args else None
        elif isinstance(target, type) and issubclass(target, BaseModel):
            info = target.model_fields.get(part)
            target = info.annotation if info else None
        else:
            target = None
    return tuple(clean), _unwrap(target)


def _tags(member: type[BaseModel]) -> tuple[str, ...]:
    field = member.model_fields.get("type")
    return typing.get_args(field.annotation) if field else ()


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional; a union of several models becomes the list of them."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            if len(models) > 1:
                return models
            tp = models[0] if models else args[0]
        else:
            return tp
