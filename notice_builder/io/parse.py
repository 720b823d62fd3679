"""Turn untrusted YAML or JSON text into plain Python data plus a map of source positions.

This module knows nothing about the notice model. It only guarantees that what it returns is a
mapping made of dict/list/str/int/float/bool/None, and that anything dangerous or ambiguous
(tags, aliases, duplicate keys, NaN, oversized or deeply nested input, non-UTF-8 bytes) is
refused with a :class:`DocumentError` that names the source, line, column and limit.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from pathlib import PurePath
from typing import Any, Literal

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from ..i18n.messages import Phrase, phrase, render

__all__ = [
    "DEFAULT_LIMITS",
    "DocumentError",
    "Limits",
    "ParsedDocument",
    "SourceMap",
    "detect_format",
    "parse_document",
]

Format = Literal["yaml", "json"]
Path = tuple[str | int, ...]
Position = tuple[int, int]

# libyaml is an order of magnitude faster; the pure-Python parser emits the same events.
# Read at call time so tests can exercise the fallback.
_YAML_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DocumentError(ValueError):
    """A document could not be read.

    ``str(e)`` is ``"source:line:column: message"``; line and column (1-based) are left out
    when unknown.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str = "<input>",
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.key = key
        self.params = params or {}

    def text(self, locale: str) -> str:
        """The message in `locale` (the English `message` when it has no catalogue key)."""
        return render(self.key, self.params, locale) if self.key else self.message

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keep source/line/column across pickling (e.g. multiprocessing workers).
        return (
            _rebuild_error,
            (self.message, self.source, self.line, self.column, self.key, self.params),
        )


def _rebuild_error(
    message: str,
    source: str,
    line: int | None,
    column: int | None,
    key: str | None = None,
    params: dict[str, Any] | None = None,
):
    return DocumentError(message, source=source, line=line, column=column, key=key, params=params)


@dataclass(frozen=True)
class Limits:
    """Bounds on untrusted input."""

    max_bytes: int = 2_000_000
    max_depth: int = 32  # nesting of mappings/sequences
    max_nodes: int = 200_000  # keys + scalars + collections; bounds time and memory


DEFAULT_LIMITS = Limits()


class SourceMap:
    """1-based (line, column) positions of the values and keys of a document, by path."""

    __slots__ = ("_values", "_keys", "_builder")

    def __init__(
        self,
        values: dict[Path, Position] | None = None,
        keys: dict[Path, Position] | None = None,
        *,
        builder: Callable[[], tuple[dict[Path, Position], dict[Path, Position]]] | None = None,
    ) -> None:
        self._values = values if values is not None else {}
        self._keys = keys if keys is not None else {}
        # JSON positions are computed on first use: the happy path never needs them.
        self._builder = builder

    def _ensure(self) -> None:
        if self._builder is not None:
            self._values, self._keys = self._builder()
            self._builder = None

    def locate(self, path: tuple[str | int, ...]) -> tuple[int, int] | None:
        """Position of the value at ``path``, else of its nearest known ancestor, else None."""
        self._ensure()
        path = tuple(path)
        while True:
            pos = self._values.get(path)
            if pos is not None or not path:
                return pos
            path = path[:-1]

    def locate_key(self, path: tuple[str | int, ...]) -> tuple[int, int] | None:
        """Position of the mapping key whose value is at ``path``; falls back to :meth:`locate`."""
        self._ensure()
        pos = self._keys.get(tuple(path))
        return pos if pos is not None else self.locate(path)

    def __repr__(self) -> str:
        if self._builder is not None:
            return "SourceMap(<not built yet>)"
        return f"SourceMap({len(self._values)} values, {len(self._keys)} keys)"


@dataclass(frozen=True)
class ParsedDocument:
    data: dict  # always a mapping at the top level
    source_map: SourceMap
    format: Format
    source: str


class _Problem(Exception):
    """Internal error without a source name; parse_document turns it into DocumentError.

    `name` is its message in the catalogues (`problems.parse.<name>`), `params` its values."""

    def __init__(
        self, name: str, line: int | None = None, column: int | None = None, /, **params: Any
    ):
        self.name = name
        self.key = f"problems.parse.{name}"
        self.params = params
        self.message = render(self.key, params, "en")
        super().__init__(self.message)
        self.line = line
        self.column = column

    def at(self, line: int | None, column: int | None = None) -> _Problem:
        """The same problem at another position."""
        return _Problem(self.name, line, column, **self.params)


_FIRST_CHAR = re.compile(rb"(?:\xef\xbb\xbf)?\s*(\S)")


def detect_format(source: str, content: bytes | str) -> Format:
    """By suffix (.json/.yaml/.yml); otherwise JSON if the text starts with '{', else YAML."""
    suffix = PurePath(source).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if isinstance(content, str):
        stripped = content.lstrip("\ufeff \t\r\n")
        return "json" if stripped.startswith("{") else "yaml"
    match = _FIRST_CHAR.match(content)
    return "json" if match is not None and match.group(1) == b"{" else "yaml"


def parse_document(
    content: bytes | str,
    *,
    source: str = "<input>",
    format: Format | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ParsedDocument:
    """Parse one YAML or JSON document describing a notice into plain data and a source map."""
    if format is None:
        format = detect_format(source, content)
    elif format not in ("yaml", "json"):
        raise ValueError(f"format must be 'yaml' or 'json', not {format!r}")
    try:
        raw, text = _decode(content, limits)
        if format == "yaml":
            data, source_map = _parse_yaml(raw, text, limits)
        else:
            data, source_map = _parse_json(text, limits)
    except _Problem as problem:
        raise DocumentError(
            problem.message,
            source=source,
            line=problem.line,
            column=problem.column,
            key=problem.key,
            params=problem.params,
        ) from None
    except (MemoryError, RecursionError):
        # Both parsers are iterative and the limits come first, so this is a last resort.
        too_large = _Problem("too_large_or_deep")
        raise DocumentError(
            too_large.message, source=source, key=too_large.key, params=too_large.params
        ) from None
    return ParsedDocument(data=data, source_map=source_map, format=format, source=source)


# --- bytes -> text -------------------------------------------------------------------------

_WIDE_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_UTF8_BOM = b"\xef\xbb\xbf"


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def _check_size(n: int, limit: int) -> None:
    if n > limit:
        size, most = _size(n), _size(limit)
        if size == most:  # 2_000_001 vs 2_000_000 would both print as "2.0 MB"
            size, most = f"{n:,} bytes", f"{limit:,} bytes"
        raise _Problem("too_big", size=size, limit=most)


def _wide_encoding(data: bytes) -> str | None:
    """Name of a UTF-16/32 encoding if ``data`` looks like one (BOM or NUL-byte pattern)."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    sample = data[:1024]
    zeros = sample.count(0)
    if not zeros:
        return None
    # Mostly-ASCII text (YAML keys, JSON punctuation) in UTF-16 is about half NUL bytes and
    # in UTF-32 three quarters; UTF-8 text has none outside the rare literal U+0000.
    share = zeros / len(sample)
    if share >= 0.6:
        return "UTF-32"
    if share >= 0.25:
        return "UTF-16"
    return None


def _line_column(text: str, index: int) -> Position:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _decode(content: bytes | str, limits: Limits) -> tuple[bytes, str]:
    """Return (UTF-8 bytes, text), both without a BOM, after the size and encoding checks."""
    if isinstance(content, str):
        # Size is measured in UTF-8 bytes so str and bytes input hit the same limit.
        try:
            raw = content.encode("utf-8")
        except UnicodeEncodeError as exc:  # lone surrogates: not text any parser can take
            line, column = _line_column(content, exc.start)
            code = ord(content[exc.start])
            raise _Problem("surrogate", line, column, code=f"U+{code:04X}") from None
        _check_size(len(raw), limits.max_bytes)
        if content.startswith("\ufeff"):
            return raw[len(_UTF8_BOM) :], content[1:]
        return raw, content
    if not isinstance(content, bytes | bytearray | memoryview):
        raise TypeError(f"content must be bytes or str, not {type(content).__name__}")
    raw = bytes(content)
    _check_size(len(raw), limits.max_bytes)
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    else:
        wide = _wide_encoding(raw)
        if wide is not None:
            raise _Problem("wide_encoding", encoding=wide)
    try:
        return raw, raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8")) + 1  # valid up to the error
        raise _Problem("not_utf8", line, column, byte=f"0x{raw[exc.start]:02X}") from None


# --- shared --------------------------------------------------------------------------------

_NONFINITE = "nonfinite"  # "NaN and Infinity are not allowed"


def _describe(value: object) -> Phrase:
    if value is None:
        kind = "null"
    elif isinstance(value, bool):
        kind = "boolean"
    elif isinstance(value, int | float):
        kind = "number"
    elif isinstance(value, str):
        kind = "string"
    elif isinstance(value, list):
        kind = "list"
    else:
        kind = "mapping"
    return _found(kind)


def _found(kind: str) -> Phrase:
    """What a document holds instead of a mapping: "a list", "an empty document"…"""
    return phrase(f"problems.parse.found.{kind}")


def _not_a_mapping(found: Phrase, pos: Position | None = None) -> _Problem:
    line, column = pos if pos is not None else (None, None)
    return _Problem("not_a_mapping", line, column, found=found)


def _too_deep(limits: Limits, line: int | None, column: int | None = None) -> _Problem:
    return _Problem("too_deep", line, column, limit=limits.max_depth)


def _too_many(limits: Limits, line: int | None, column: int | None = None) -> _Problem:
    return _Problem("too_many", line, column, limit=f"{limits.max_nodes:,}")


def _duplicate(key: str, first: Position, second: Position) -> _Problem:
    if first[0] == second[0]:
        return _Problem(
            "duplicate_key_line", *second, name=repr(key), on_line=first[0], first=first[1],
            second=second[1],
        )  # fmt: skip
    return _Problem("duplicate_key", *second, name=repr(key), first=first[0], second=second[0])


def _int(text: str, base: int = 10) -> int:
    try:
        return int(text, base)
    except ValueError:  # only reachable through the interpreter's digit limit (CVE-2020-10735)
        raise _Problem("long_integer", limit=sys.get_int_max_str_digits()) from None


# --- YAML ----------------------------------------------------------------------------------

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + name for name in ("str", "int", "float", "bool", "null")}
_MAP_TAG, _SEQ_TAG = _STD + "map", _STD + "seq"

# YAML 1.2 core schema. YAML 1.1 words (yes/no/on/off/y/n) stay strings: `country: NO`.
_NO_VALUE = object()
_WORDS: dict[str, object] = {
    **dict.fromkeys(("", "~", "null", "Null", "NULL")),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}
_NUMBER = re.compile(
    r"(?P<int>[-+]?[0-9]+)"
    r"|0o(?P<oct>[0-7]+)"
    r"|0x(?P<hex>[0-9a-fA-F]+)"
    r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)"
    r"|(?P<special>[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))"
)
_NUMBER_START = frozenset("0123456789+-.")


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_STD) :] if tag.startswith(_STD) else tag


def _resolve_plain(text: str, pos: Position) -> object:
    """Resolve an untagged plain scalar with the YAML 1.2 core schema."""
    value = _WORDS.get(text, _NO_VALUE)
    if value is not _NO_VALUE:
        return value
    if text[0] not in _NUMBER_START:
        return text
    match = _NUMBER.fullmatch(text)
    if match is None:
        return text  # dates, versions like 1.2.3, phone numbers with spaces ...
    kind = match.lastgroup
    try:
        if kind == "int":
            return _int(text)
        if kind == "oct":
            return _int(match["oct"], 8)
        if kind == "hex":
            return _int(match["hex"], 16)
        if kind == "float":
            number = float(text)
            if math.isfinite(number):
                return number
    except _Problem as problem:
        raise problem.at(*pos) from None
    raise _Problem(_NONFINITE, *pos)  # .inf, .nan, or a float that overflows (1e999)


def _resolve_tagged(tag: str, text: str, pos: Position) -> object:
    """Apply an explicit standard tag (!!str 123 stays "123")."""
    if tag == "!" or tag == _STD + "str":
        return text
    if tag not in _SCALAR_TAGS:
        name = _tag_name(tag)
        if tag in (_MAP_TAG, _SEQ_TAG):
            raise _Problem("tag_on_value", *pos, tag=repr(name))
        raise _Problem("unsupported_tag", *pos, tag=repr(name))
    kind = tag[len(_STD) :]
    value = _resolve_plain(text, pos) if text else None
    if kind == "null" and value is None:
        return None
    if kind == "bool" and isinstance(value, bool):
        return value
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "float" and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raise _Problem("bad_tagged_value", *pos, value=repr(text), tag=_tag_name(tag))


def _check_collection_tag(tag: str | None, expected: str, what: str, pos: Position) -> None:
    if tag is None or tag == "!" or tag == expected:
        return
    name = _tag_name(tag)
    if tag in _SCALAR_TAGS or tag in (_MAP_TAG, _SEQ_TAG):
        raise _Problem(f"tag_on_{what}", *pos, tag=repr(name))
    raise _Problem("unsupported_tag", *pos, tag=repr(name))


def _yaml_error(exc: yaml.YAMLError, stream: bytes | str, text: str, limits: Limits) -> _Problem:
    """Turn a PyYAML/libyaml error into a short message with a position."""
    if isinstance(exc, yaml.reader.ReaderError):
        # An offset into what the parser was given: bytes for libyaml, text for Python.
        index = exc.position
        if isinstance(stream, bytes):
            index = len(stream[:index].decode("utf-8", "replace"))
        line, column = _line_column(text, index)
        if isinstance(exc.character, int):
            return _Problem("control_character", line, column, code=f"U+{exc.character:04X}")
        return _Problem("yaml_reader", line, column, reason=exc.reason)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return _Problem("invalid_yaml", error=str(exc))
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    problem = exc.problem or exc.context or "invalid YAML"
    if "maximum nesting depth" in problem:
        # libyaml's own limit (1000 levels), hit while looking ahead on one line: the line is
        # right, the column is where libyaml gave up rather than where our limit was crossed.
        return _too_deep(limits, line)
    # Both parsers count mark.index in characters.
    if (
        mark is not None
        and "cannot start any token" in problem
        and text[mark.index : mark.index + 1] == "\t"
    ):
        return _Problem("tabs", line, column)
    if exc.context and exc.context_mark is not None and exc.problem:
        return _Problem(
            "yaml_in_context",
            line,
            column,
            problem=_yaml_phrase(problem),
            context=_yaml_phrase(exc.context),
            context_line=exc.context_mark.line + 1,
        )
    return _Problem("yaml", line, column, problem=_yaml_phrase(problem))


# The parsers' own words for the usual hand-editing mistakes, as catalogue phrases
# (problems.parse.yaml.<name>); any other wording is shown as the parser wrote it.
_YAML_PHRASES = {
    "mapping values are not allowed here": "mapping_values",
    "could not find expected ':'": "expected_colon",
    "did not find expected key": "expected_key",
    "did not find expected '-' indicator": "expected_dash",
    "did not find expected node content": "expected_content",
    "did not find expected ',' or ']'": "expected_comma_bracket",
    "did not find expected ',' or '}'": "expected_comma_brace",
    "found character that cannot start any token": "bad_character",
    "found unexpected end of stream": "unexpected_end",
    "found unknown escape character": "unknown_escape",
    "found unexpected ':'": "unexpected_colon",
    "block sequence entries are not allowed here": "sequence_entries",
    "found a tab character that violates indentation": "tab_indentation",
    "found a tab character where an indentation space is expected": "tab_indentation",
    "while scanning a simple key": "scanning_key",
    "while scanning a plain scalar": "scanning_plain",
    "while scanning a quoted scalar": "scanning_quoted",
    "while scanning a block scalar": "scanning_block",
    "while parsing a block mapping": "parsing_block_mapping",
    "while parsing a block collection": "parsing_block_collection",
    "while parsing a flow sequence": "parsing_flow_sequence",
    "while parsing a flow mapping": "parsing_flow_mapping",
    "while parsing a flow node": "parsing_flow_node",
    "while parsing a block node": "parsing_block_node",
    "while scanning an anchor": "scanning_anchor",
    "while scanning an alias": "scanning_alias",
}
_YAML_EXPECTED = re.compile(r"expected (?P<expected><[a-z ]+>), but found (?P<found>.+)")


def _yaml_phrase(words: str) -> Phrase | str:
    """The parser's words as a phrase the app can say in another language, when known."""
    name = _YAML_PHRASES.get(words)
    if name is not None:
        return phrase(f"problems.parse.yaml.{name}")
    match = _YAML_EXPECTED.fullmatch(words)
    if match is not None:
        return phrase("problems.parse.yaml.expected_found", **match.groupdict())
    return words


def _parse_yaml(raw: bytes, text: str, limits: Limits) -> tuple[dict, SourceMap]:
    """Build plain data from parser events with an explicit stack (no recursion)."""
    values: dict[Path, Position] = {}
    keys: dict[Path, Position] = {}
    # One frame per open collection: [container, path, pending key or _NO_VALUE].
    stack: list[list[Any]] = []
    root: dict | None = None
    max_depth, max_nodes = limits.max_depth, limits.max_nodes
    nodes = 0
    documents = 0
    loader = _YAML_LOADER
    # libyaml takes the UTF-8 bytes as they are; the Python reader wants text.
    stream: bytes | str = text if loader is yaml.SafeLoader else raw
    events = yaml.parse(stream, Loader=loader)
    try:
        for event in events:
            cls = event.__class__
            if cls is ScalarEvent or cls is MappingStartEvent or cls is SequenceStartEvent:
                mark = event.start_mark
                pos = (mark.line + 1, mark.column + 1)
                if event.anchor is not None:
                    raise _Problem("anchors", *pos)
                if cls is MappingStartEvent:
                    _check_collection_tag(event.tag, _MAP_TAG, "mapping", pos)
                elif cls is SequenceStartEvent:
                    _check_collection_tag(event.tag, _SEQ_TAG, "list", pos)
                nodes += 1
                if nodes > max_nodes:
                    raise _too_many(limits, *pos)
                if stack:
                    frame = stack[-1]
                    container = frame[0]
                    if container.__class__ is dict:
                        key = frame[2]
                        if key is _NO_VALUE:  # this node is a key
                            frame[2] = _yaml_key(event, pos, container, frame[1], keys)
                            continue
                        frame[2] = _NO_VALUE
                    else:
                        key = len(container)
                    path = frame[1] + (key,)
                elif cls is MappingStartEvent:
                    container, key, path = None, None, ()
                else:
                    raise _not_a_mapping(_yaml_root_kind(event, pos), pos)
                values[path] = pos

                if cls is ScalarEvent:
                    value = _yaml_scalar(event, pos)
                    if key.__class__ is int:
                        container.append(value)
                    else:
                        container[key] = value
                    continue
                if len(stack) >= max_depth:
                    raise _too_deep(limits, *pos)
                value = {} if cls is MappingStartEvent else []
                if container is None:
                    root = value
                elif key.__class__ is int:
                    container.append(value)
                else:
                    container[key] = value
                stack.append([value, path, _NO_VALUE])
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                stack.pop()
            elif cls is AliasEvent:
                mark = event.start_mark
                raise _Problem("anchors", mark.line + 1, mark.column + 1)
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Problem("second_document", event.start_mark.line + 1, 1)
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, stream, text, limits) from None
    finally:
        events.close()  # releases the libyaml parser even when we stop early
    if root is None:
        raise _not_a_mapping(_found("empty"), None)
    return root, SourceMap(values, keys)


def _yaml_root_kind(event: Any, pos: Position) -> Phrase:
    if event.__class__ is SequenceStartEvent:
        return _found("list")
    if event.value == "" and event.implicit[0]:  # "", "---" or only comments
        return _found("empty")
    return _describe(_yaml_scalar(event, pos))


def _yaml_scalar(event: ScalarEvent, pos: Position) -> object:
    tag = event.tag
    if tag is None:
        # implicit[0] is true only for plain (unquoted, untagged) scalars.
        return _resolve_plain(event.value, pos) if event.implicit[0] else event.value
    return _resolve_tagged(tag, event.value, pos)


def _yaml_key(event: Any, pos: Position, mapping: dict, parent: Path, keys: dict) -> str:
    """Validate a mapping key and record its position; keys are kept as written (text)."""
    if event.__class__ is not ScalarEvent:
        what = "mapping" if event.__class__ is MappingStartEvent else "list"
        raise _Problem(f"{what}_as_key", *pos)
    tag = event.tag
    if tag is not None and tag != "!" and tag not in _SCALAR_TAGS:
        raise _Problem("unsupported_tag", *pos, tag=repr(_tag_name(tag)))
    # Keys stay the text as written, so `2026:` is "2026" and `no:` is "no", never False.
    key = event.value
    if key == "<<" and event.implicit[0]:
        raise _Problem("merge_keys", *pos)
    path = parent + (key,)
    if key in mapping:
        raise _duplicate(key, keys[path], pos)
    keys[path] = pos
    return key


# --- JSON ----------------------------------------------------------------------------------

# A JSON string; an unterminated one runs to the end of its line so the pre-scan stays linear.
_JSON_STRING = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"?')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_EMPTY_CONTAINER = re.compile(r"\[\s*\]|\{\s*\}")
_BRACKET_DELTA = {"[": 1, "{": 1, "]": -1, "}": -1}
_JSON_TOKEN = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')
_JSON_WORDS = frozenset(("true", "false", "null"))
_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?P<fraction>(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)")


class _JsonRefused(Exception):
    """Raised from json hooks; the scanner then finds where."""


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _JsonRefused("duplicate key")
    return mapping


def _json_constant(name: str) -> float:
    raise _JsonRefused(_NONFINITE)


def _json_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):  # 1e999 overflows to inf without calling parse_constant
        raise _JsonRefused(_NONFINITE)
    return number


def _json_number_problem(token: str) -> _Problem | None:
    """The problem with a number literal json would refuse (same rules as the hooks)."""
    if token in ("NaN", "Infinity", "-Infinity"):
        return _Problem(_NONFINITE)
    match = _JSON_NUMBER.fullmatch(token)
    if match is None:
        return None  # a syntax error, which json reports itself
    if match["fraction"]:
        return None if math.isfinite(float(token)) else _Problem(_NONFINITE)
    try:
        _int(token)
    except _Problem as problem:
        return problem
    return None


def _json_key(token: str) -> str:
    if "\\" not in token:
        return token[1:-1]
    try:
        return json.loads(token)
    except ValueError:  # only possible on text json refuses anyway
        return token[1:-1]


def _json_problem(text: str, exc: json.JSONDecodeError) -> _Problem:
    """Name the usual hand-editing mistakes instead of json's generic "Expecting value"."""
    at = (exc.lineno, exc.colno)
    here = text[exc.pos : exc.pos + 2]
    if here.startswith(("//", "/*", "#")):
        return _Problem("json_comments", *at)
    if here[:1] in ("]", "}") and text[: exc.pos].rstrip().endswith(","):
        return _Problem("json_trailing_comma", *at)
    if exc.msg.startswith("Invalid control character") and exc.pos < len(text):
        code = ord(text[exc.pos])
        return _Problem("json_control", *at, code=f"U+{code:04X}", escape=f"\\u{code:04x}")
    if exc.msg.startswith("Unterminated string"):
        return _Problem("json_unterminated", *at)
    name = _JSON_MESSAGES.get(exc.msg)
    if name is not None:
        return _Problem(name, *at)
    return _Problem("json", *at, error=exc.msg)


# json's own words for the usual mistakes (problems.parse.<name>); others are shown as written.
_JSON_MESSAGES = {
    "Expecting value": "json_expecting_value",
    "Expecting ',' delimiter": "json_expecting_comma",
    "Expecting ':' delimiter": "json_expecting_colon",
    "Expecting property name enclosed in double quotes": "json_expecting_name",
    "Extra data": "json_extra_data",
}


def _scan_json(
    text: str, limits: Limits
) -> tuple[dict[Path, Position], dict[Path, Position], _Problem | None]:
    """Positions of every value and key in JSON text, stopping at the first refused thing.

    Used after json has accepted the text (for the source map), or up to the point where a
    hook refused something (to say where), or by the pre-scan. It never fails on bad syntax:
    json reports that itself.
    """
    values: dict[Path, Position] = {}
    keys: dict[Path, Position] = {}
    # One frame per open container: [is_object, path, key or index, expecting a key].
    stack: list[list[Any]] = []
    line, line_start, last = 1, 0, 0
    nodes = 0
    for match in _JSON_TOKEN.finditer(text):
        start = match.start()
        newlines = text.count("\n", last, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", last, start) + 1
        last = start
        pos = (line, start - line_start + 1)
        token = match.group()
        first = token[0]
        if first == ",":
            if stack:
                frame = stack[-1]
                if frame[0]:
                    frame[3] = True
                else:
                    frame[2] += 1
            continue
        if first == ":":
            continue
        if first == "]" or first == "}":
            if stack:
                stack.pop()
            continue
        nodes += 1
        if nodes > limits.max_nodes:
            return values, keys, _too_many(limits, *pos)
        if stack:
            frame = stack[-1]
            if frame[0] and frame[3]:  # an object key
                key = _json_key(token)
                key_path = frame[1] + (key,)
                seen = keys.get(key_path)
                if seen is not None:
                    return values, keys, _duplicate(key, seen, pos)
                keys[key_path] = pos
                frame[2], frame[3] = key, False
                continue
            path = frame[1] + (frame[2],)
        else:
            path = ()
        values[path] = pos
        if first == "{" or first == "[":
            if len(stack) >= limits.max_depth:
                return values, keys, _too_deep(limits, *pos)
            stack.append([first == "{", path, 0, True])
        elif first != '"' and token not in _JSON_WORDS:
            refused = _json_number_problem(token)
            if refused is not None:
                return values, keys, refused.at(*pos)
    return values, keys, None


def _json_prescan(text: str, limits: Limits) -> None:
    """Refuse deep nesting (json would hit RecursionError) and huge documents before parsing.

    Works on the text with strings removed, using C-level string operations only.
    """
    skeleton = _JSON_STRING.sub("", text)
    opens = skeleton.count("[") + skeleton.count("{")
    too_deep = False
    if opens > limits.max_depth:
        brackets = _NOT_BRACKET.sub("", skeleton)
        too_deep = max(accumulate(map(_BRACKET_DELTA.__getitem__, brackets))) > limits.max_depth
    # Every node but the root follows '[', '{', ',' or ':' (an empty container's bracket does
    # not), and every container is a node itself.
    estimate = 1 + 2 * opens + skeleton.count(",") + skeleton.count(":")
    if estimate > limits.max_nodes:
        estimate -= len(_EMPTY_CONTAINER.findall(skeleton))
    if too_deep or estimate > limits.max_nodes:
        problem = _scan_json(text, limits)[2]
        if problem is not None:
            raise problem
        if too_deep:  # unreachable in practice; never let json recurse that deep
            raise _too_deep(limits, None)


def _parse_json(text: str, limits: Limits) -> tuple[dict, SourceMap]:
    if not text.strip():
        raise _not_a_mapping("an empty document")
    _json_prescan(text, limits)
    try:
        data = json.loads(
            text,
            object_pairs_hook=_json_pairs,
            parse_constant=_json_constant,
            parse_float=_json_float,
        )
    except json.JSONDecodeError as exc:
        raise _json_problem(text, exc) from None
    except (_JsonRefused, ValueError) as exc:  # ValueError: int() digit limit inside json
        problem = _scan_json(text, limits)[2]
        if problem is None:
            known = isinstance(exc, _JsonRefused) and str(exc) == _NONFINITE
            problem = _Problem(_NONFINITE) if known else _Problem("json", error=str(exc))
        raise problem from None
    except RecursionError:
        raise _too_deep(limits, None) from None
    if not isinstance(data, dict):
        start = len(text) - len(text.lstrip())
        raise _not_a_mapping(_describe(data), _line_column(text, start))

    def build() -> tuple[dict[Path, Position], dict[Path, Position]]:
        return _scan_json(text, limits)[:2]

    return data, SourceMap(builder=build)
