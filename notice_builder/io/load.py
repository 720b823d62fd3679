"""Load a notice from YAML or JSON into a validated PrivacyNotice, or explain every problem.

Parsing (safe, capped, with positions) is `parse.py`'s job; this module validates the data
against the model and turns each pydantic error into a `Problem` a lawyer can act on: the file,
line, column, the field path and a plain message ("unknown field 'retension' (did you mean
'retention'?)").
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from ..i18n.messages import phrase, render
from ..model import IntegrityError, PrivacyNotice
from ..model.base import COUNTRY_PATTERN, JURISDICTION_PATTERN
from ..model.paths import dotted, pointer
from ..model.text import ID_PATTERN, LOCALE_PATTERN, UNION_TAGS
from ..model.text import PATTERN_HINTS as TEXT_HINTS
from .parse import DEFAULT_LIMITS, DocumentError, Limits, SourceMap, parse_document

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)

_TEXT_HINT_NAMES = {ID_PATTERN: "id", LOCALE_PATTERN: "locale"}
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
    key: str | None = None
    """The message in the catalogues (`problems.*`); None: only the English `message`."""
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def of(
        cls,
        key: str,
        path: Loc = (),
        line: int | None = None,
        column: int | None = None,
        /,
        **params: Any,
    ) -> Problem:
        """The problem `key` with its values; its English `message` comes from the catalogue."""
        return cls(render(key, params, "en"), path, line, column, key, params)

    def text(self, locale: str) -> str:
        """The message in `locale` (the English `message` when it has no catalogue key)."""
        return render(self.key, self.params, locale) if self.key else self.message

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

    def as_dict(self, locale: str = "en") -> dict[str, Any]:
        return {
            "message": self.text(locale),
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
        raise NoticeError(source, [Problem.of("problems.load.not_found")]) from None
    except IsADirectoryError:
        raise NoticeError(source, [Problem.of("problems.load.folder")]) from None
    except OSError as exc:
        unreadable = Problem.of("problems.load.unreadable", error=exc.strerror or exc)
        raise NoticeError(source, [unreadable]) from None
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
        problem = Problem(exc.message, (), exc.line, exc.column, exc.key, exc.params)
        raise NoticeError(source, [problem]) from None
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
                yield _located(_model_message(issue.message), (*loc, *issue.loc), source_map)
            continue
        kind = error["type"]
        if kind == "extra_forbidden":
            yield _located(_unknown_field(model, raw), loc, source_map, key=True)
        elif kind == "missing":
            yield _located(("problems.load.missing", {"name": loc[-1]}), loc, source_map)
        elif kind == "literal_error":
            yield _located(_not_allowed(error), loc, source_map)
        elif kind == "string_type" and isinstance(error["input"], bool | int | float):
            value = error["input"]
            found = "boolean" if isinstance(value, bool) else "number"
            message = (f"problems.load.expected_text_{found}", {"value": repr(value)})
            yield _located(message, loc, source_map)
        elif kind == "string_unicode":
            yield _located(_surrogate(error["input"]), loc, source_map)
        elif kind == "string_pattern_mismatch":
            pattern = str((error.get("ctx") or {}).get("pattern"))
            value = repr(error["input"])
            if pattern in PATTERN_HINTS:
                english = f"{value} is not valid: {PATTERN_HINTS[pattern]}"
                hint = phrase(_HINT_NAMES.get(pattern, "problems.load.hint.none"))
                message = _checked(
                    "problems.load.not_valid_hint", {"value": value, "hint": hint}, english
                )
            else:
                message = ("problems.load.not_valid", {"value": value})
            yield _located(message, loc, source_map)
        else:
            yield _located(_pydantic_message(error), loc, source_map)


# A message: English text only, or a catalogue key and its values.
Message = str | tuple[str, dict[str, Any]]


def _located(
    message: Message, loc: Loc, source_map: SourceMap | None, key: bool = False
) -> Problem:
    position = None
    if source_map is not None:
        position = source_map.locate_key(loc) if key else source_map.locate(loc)
    line, column = position if position else (None, None)
    if isinstance(message, tuple):
        return Problem.of(message[0], loc, line, column, **message[1])
    return Problem(message, loc, line, column)


def _unknown_field(model: type[BaseModel], loc: Loc) -> Message:
    name = str(loc[-1])
    known = _fields_of(model, loc[:-1])
    if known:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        if close:
            return "problems.load.unknown_field_close", {"name": name, "close": close[0]}
        return "problems.load.unknown_field_known", {"name": name, "known": known}
    return "problems.load.unknown_field", {"name": name}


def _surrogate(value: object) -> Message:
    text = value if isinstance(value, str) else ""
    index = next((i for i, ch in enumerate(text) if "\ud800" <= ch <= "\udfff"), None)
    if index is None:
        return "problems.load.not_unicode", {}
    code = f"U+{ord(text[index]):04X}"
    return "problems.load.surrogate", {"code": code, "position": index + 1}


def _not_allowed(error: dict[str, Any]) -> Message:
    value = error.get("input")
    expected = str((error.get("ctx") or {}).get("expected", ""))
    options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",") if o.strip()]
    close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    shown = options[:12] + (["…"] if len(options) > 12 else [])
    params = {"value": repr(value), "options": shown}
    if close:
        return "problems.load.not_allowed_close", {**params, "close": close[0]}
    return "problems.load.not_allowed", params


_HINT_NAMES = {pattern: f"problems.load.hint.{name}" for pattern, name in (
    (COUNTRY_PATTERN, "country"),
    (JURISDICTION_PATTERN, "jurisdiction"),
    *((p, name) for p, name in _TEXT_HINT_NAMES.items()),
)}  # fmt: skip


def _pydantic_message(error: dict[str, Any]) -> Message:
    """Pydantic's error as a catalogue message (`problems.pydantic.<type>`, its values from the
    error's context), or its English text for a type the catalogues do not know.

    The catalogue's English must read exactly as pydantic's: if it does not (another pydantic
    version words it differently), pydantic's own text is kept and only English is shown."""
    english = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    kind = error["type"]
    if kind in ("value_error", "assertion_error") or kind in _MODEL_ERROR_TYPES:
        return _model_message(english)
    if kind not in _PYDANTIC_TYPES:
        return english
    params = {k: v for k, v in (error.get("ctx") or {}).items() if isinstance(v, str | int | float)}
    plural = _PYDANTIC_TYPES[kind]
    if plural:
        params["count"] = params.get(plural, 0)
    return _checked(f"problems.pydantic.{kind}", params, english)


# Pydantic error types the catalogues say in every language; the value is the context entry
# that picks a plural form ("at least 1 character", "at least 2 characters"), if any.
_PYDANTIC_TYPES = {
    "string_type": None,
    "string_too_short": "min_length",
    "string_too_long": "max_length",
    "too_short": "min_length",
    "too_long": "max_length",
    "int_parsing": None,
    "int_type": None,
    "int_from_float": None,
    "float_parsing": None,
    "float_type": None,
    "greater_than": None,
    "greater_than_equal": None,
    "less_than": None,
    "less_than_equal": None,
    "enum": None,
    "url_parsing": None,
    "url_scheme": None,
    "url_type": None,
    "bool_parsing": None,
    "bool_type": None,
    "date_parsing": None,
    "date_type": None,
    "date_from_datetime_parsing": None,
    "list_type": None,
    "dict_type": None,
    "model_type": None,
    "union_tag_invalid": None,
    "union_tag_not_found": None,
}

# Our own validators' messages (notice_builder/model), by the words they use: the named groups
# are the message's values. Checked against the catalogue's English like pydantic's.
_MODEL_MESSAGES = tuple((re.compile(pattern), f"problems.model.{name}") for name, pattern in (
    ("id_used_by", r"id '(?P<id>[^']*)' is already used by (?P<where>\w+\[\d+\])"),
    ("id_used", r"id '(?P<id>[^']*)' is already used"),
    ("unknown_ref", r"unknown (?P<noun>[a-z ]+) '(?P<value>[^']*)' \(known: (?P<known>.*)\)"),
    ("period_twice", r"period '(?P<period>[^']*)' is already reported in (?P<where>\w+\[\d+\])"),
    ("default_locale", r"default locale '(?P<default>[^']*)' is not among locales \((?P<locales>.*)\)"),
    ("duration", r"'(?P<value>.*)' is not an ISO 8601 duration; write for example P30D \(30 days\), "
     r"P18M \(18 months\), P2Y \(2 years\) or PT24H \(24 hours\)"),
    ("duration_long", r"'(?P<value>.*)' is longer than 200 years"),
    ("channel_needs_label", r"a (?P<kind>[a-z_]+) channel needs a `label` saying where to go"),
    ("channel_needs", r"a (?P<kind>[a-z_]+) channel needs `(?P<needs>[a-z_]+)`"),
    ("commitment_text", r"a custom commitment needs its `text`"),
    ("contradicted_sold", r"'never sold' is contradicted by (?P<ref>practices\[\d+\] \('[^']*'\)), "
     r"which has sold: true"),
    ("contradicted_ads", r"'no cross-context ads' is contradicted by (?P<ref>practices\[\d+\] "
     r"\('[^']*'\)), which has shared_for_ads: true"),
    ("contradicted_tracking", r"'no tracking' is contradicted by (?P<ref>practices\[\d+\] "
     r"\('[^']*'\)), which has tracking: true"),
    ("contradicted_automated", r"'no automated decisions' is contradicted by (?P<ref>.+)"),
))  # fmt: skip
_MODEL_ERROR_TYPES = frozenset({"iso_duration"})
_NOUNS = {"source", "data category", "purpose", "recipient", "retention rule", "automated decision"}


def _model_message(english: str) -> Message:
    """One of our validators' messages as a catalogue message, when it is a known one."""
    for pattern, key in _MODEL_MESSAGES:
        match = pattern.fullmatch(english)
        if match is None:
            continue
        params: dict[str, Any] = match.groupdict()
        if "noun" in params:
            if params["noun"] not in _NOUNS:
                return english
            params["noun"] = phrase(f"problems.model.noun.{params['noun'].replace(' ', '_')}")
        return _checked(key, params, english)
    return english


def _checked(key: str, params: dict[str, Any], english: str) -> Message:
    """(key, params) when the catalogue's English reads exactly `english`; else `english`."""
    try:
        same = render(key, params, "en") == english
    except (KeyError, IndexError, ValueError):
        same = False
    return (key, params) if same else english


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
