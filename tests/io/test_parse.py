"""Tests for notice_builder.io.parse: untrusted YAML/JSON -> plain data + source positions."""

from __future__ import annotations

import json
import pickle
import random
import time

import pytest
import yaml

import notice_builder.io.parse as parse_module
from notice_builder.io.parse import (
    DEFAULT_LIMITS,
    DocumentError,
    Limits,
    ParsedDocument,
    SourceMap,
    detect_format,
    parse_document,
)


def refused(content: bytes | str, **kwargs) -> DocumentError:
    """Parse content that must be refused; return the error after checking it is clean."""
    with pytest.raises(DocumentError) as info:
        parse_document(content, **kwargs)
    error = info.value
    # No parser exception (yaml.YAMLError, JSONDecodeError, UnicodeDecodeError...) chained in.
    assert error.__cause__ is None
    assert error.__suppress_context__
    return error


@pytest.fixture(params=["c", "python"])
def yaml_loader(request, monkeypatch):
    """Run a test with libyaml and with PyYAML's pure-Python fallback parser."""
    if request.param == "python":
        monkeypatch.setattr(parse_module, "_YAML_LOADER", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("libyaml not available")
    return request.param


# --- API shape -------------------------------------------------------------------------------


def test_parses_yaml_into_plain_data_with_format_and_source():
    doc = parse_document(b"title: Hello\nitems:\n  - a\n  - {b: 1}\n", source="n.yaml")
    assert isinstance(doc, ParsedDocument)
    assert doc.data == {"title": "Hello", "items": ["a", {"b": 1}]}
    assert doc.format == "yaml"
    assert doc.source == "n.yaml"


def test_parses_json_into_plain_data():
    doc = parse_document('{"title": "Hello", "n": [1, 2.5, true, null]}', source="n.json")
    assert doc.data == {"title": "Hello", "n": [1, 2.5, True, None]}
    assert doc.format == "json"


def test_default_limits():
    assert Limits(max_bytes=2_000_000, max_depth=32, max_nodes=200_000) == DEFAULT_LIMITS


def test_document_error_str_names_source_line_and_column():
    assert str(DocumentError("bad", source="a.yaml", line=3, column=7)) == "a.yaml:3:7: bad"
    assert str(DocumentError("bad", source="a.yaml", line=3)) == "a.yaml:3: bad"
    assert str(DocumentError("bad", source="a.yaml")) == "a.yaml: bad"
    assert isinstance(DocumentError("bad"), ValueError)


def test_document_error_survives_pickling():
    error = pickle.loads(pickle.dumps(DocumentError("bad", source="a.yaml", line=3, column=7)))
    assert (error.message, error.source, error.line, error.column) == ("bad", "a.yaml", 3, 7)


@pytest.mark.parametrize(
    ("source", "content", "expected"),
    [
        ("notice.json", "a: 1", "json"),
        ("notice.JSON", "a: 1", "json"),
        ("notice.yaml", '{"a": 1}', "yaml"),
        ("notice.yml", '{"a": 1}', "yaml"),
        ("<stdin>", '  \n {"a": 1}', "json"),
        ("<stdin>", b'\xef\xbb\xbf {"a": 1}', "json"),
        ("<stdin>", "\ufeff{}", "json"),
        ("<stdin>", "a: 1", "yaml"),
        ("<stdin>", b"[1]", "yaml"),
        ("<stdin>", b"", "yaml"),
        ("dir.json/notice", b"a: 1", "yaml"),
    ],
)
def test_detect_format(source, content, expected):
    assert detect_format(source, content) == expected


def test_explicit_format_overrides_the_suffix():
    assert parse_document('{"a": 1}', source="x.yaml", format="json").format == "json"


# --- size and encoding -----------------------------------------------------------------------


def test_refuses_oversized_content_before_parsing():
    # Not valid YAML at all: the size check must come first.
    error = refused(b"\t: [" * 775_000, source="big.yaml")
    assert error.message == "file is 3.1 MB; the limit is 2.0 MB"
    assert str(error) == "big.yaml: file is 3.1 MB; the limit is 2.0 MB"


def test_size_just_over_the_limit_shows_exact_bytes():
    # "1.0 kB; the limit is 1.0 kB" would read as no problem at all.
    error = refused(b"a: 1\n" + b"#" * 996, limits=Limits(max_bytes=1000))
    assert error.message == "file is 1,001 bytes; the limit is 1,000 bytes"


def test_str_size_is_measured_in_utf8_bytes():
    text = "a: " + "é" * 600  # 603 characters, 1203 bytes
    error = refused(text, limits=Limits(max_bytes=1000))
    assert error.message == "file is 1.2 kB; the limit is 1.0 kB"
    assert parse_document(text, limits=Limits(max_bytes=1203)).data == {"a": "é" * 600}


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_utf8_bom_is_accepted_and_stripped(fmt):
    text = '{"a": "b"}' if fmt == "json" else "a: b\n"
    assert parse_document(b"\xef\xbb\xbf" + text.encode(), format=fmt).data == {"a": "b"}
    assert parse_document("\ufeff" + text, format=fmt).data == {"a": "b"}


def test_bom_does_not_shift_columns():
    doc = parse_document(b"\xef\xbb\xbftitle: x\n")
    assert doc.source_map.locate(("title",)) == (1, 8)


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-16", "UTF-16"),  # with BOM
        ("utf-16-le", "UTF-16"),  # no BOM: found by its NUL bytes
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_refuses_utf16_and_utf32(encoding, name):
    error = refused("title: Hello\ncountry: NO\n".encode(encoding), source="n.yaml")
    assert error.message == f"file is {name} encoded; save it as UTF-8"
    assert str(error).startswith("n.yaml: ")


def test_refuses_invalid_utf8_naming_line_and_column_of_the_bad_byte():
    error = refused(b"title: ok\nname: caf\xc3\xa9 \xff bar\n", source="n.yaml")
    assert (error.line, error.column) == (2, 12)  # columns count characters: "é" is one
    assert error.message == "file is not valid UTF-8 (byte 0xFF); save it as UTF-8"


def test_refuses_latin1_file():
    error = refused("title: ok\n\nname: Café\n".encode("latin-1"))
    assert (error.line, error.column) == (3, 10)
    assert "0xE9" in error.message


def test_refuses_lone_surrogate_in_str_input():
    error = refused("a: 1\nb: x\ud800\n")
    assert (error.line, error.column) == (2, 5)
    assert "U+D800" in error.message


# --- YAML: dangerous constructs -----------------------------------------------------------------


def test_refuses_anchors_and_aliases_with_position(yaml_loader):
    text = "title: x\nbase: &b\n  a: 1\nother: *b\n"
    error = refused(text, source="n.yaml")
    assert error.message == "YAML anchors and aliases are not allowed"
    assert (error.line, error.column) == (2, 7)
    assert str(error) == "n.yaml:2:7: YAML anchors and aliases are not allowed"


def test_refuses_alias_even_without_an_anchor_in_the_same_place():
    # Parser error or our refusal: either way a DocumentError naming line 1.
    error = refused("a: *undefined\n")
    assert error.line == 1


def test_refuses_billion_laughs_quickly():
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    start = time.perf_counter()
    error = refused("\n".join(lines))
    assert time.perf_counter() - start < 1
    assert error.message == "YAML anchors and aliases are not allowed"


@pytest.mark.parametrize("text", ["base: &b {a: 1}\nx:\n  <<: *b\n", "x:\n  <<: {a: 1}\n  b: 2\n"])
def test_refuses_merge_keys(text):
    error = refused(text)
    assert "not allowed" in error.message
    assert error.line in (1, 2)


def test_quoted_double_angle_key_is_just_a_string():
    assert parse_document('"<<": 1\n').data == {"<<": 1}


@pytest.mark.parametrize(
    "template",
    [
        'title: !!python/object/apply:os.system ["touch {marker}"]\n',
        "title: !!python/object/apply:os.system\n  args: [touch {marker}]\n",
        "!!python/object/apply:os.system [touch {marker}]\n",
        '? !!python/object/apply:os.system ["touch {marker}"]\n: x\n',
        'title: !!python/name:os.system "touch {marker}"\n',
    ],
)
def test_refuses_python_tags_without_running_anything(tmp_path, yaml_loader, template):
    marker = tmp_path / "PWNED"
    error = refused(template.format(marker=marker), source="evil.yaml")
    assert not marker.exists()
    assert error.message.startswith("unsupported YAML tag '!!python/")
    assert error.line is not None


def test_python_tag_message_names_the_tag():
    error = refused('a: !!python/object/apply:os.system ["echo hi"]\n')
    assert error.message == "unsupported YAML tag '!!python/object/apply:os.system'"
    assert (error.line, error.column) == (1, 4)


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("a: !foo x\n", "!foo"),
        ("a: !foo {b: 1}\n", "!foo"),
        ("a: !!binary aGVsbG8=\n", "!!binary"),
        ("a: !!timestamp 2026-01-01\n", "!!timestamp"),
        ("a: !!set {x, y}\n", "!!set"),
        ("a: !!omap [b: 1]\n", "!!omap"),
        ("%TAG !e! tag:example.com,2000:\n---\na: !e!thing x\n", "tag:example.com,2000:thing"),
    ],
)
def test_refuses_non_standard_tags(text, tag):
    assert refused(text).message == f"unsupported YAML tag {tag!r}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("v: !!str 123", "123"),
        ("v: !!str true", "true"),
        ("v: !!str", ""),
        ("v: ! 123", "123"),  # the non-specific tag means "string"
        ('v: !!int "42"', 42),
        ("v: !!int 0x10", 16),
        ("v: !!float 1", 1.0),
        ("v: !!float '2.5'", 2.5),
        ("v: !!bool true", True),
        ("v: !!bool 'false'", False),
        ("v: !!null ~", None),
        ("v: !!null", None),
        ("v: !!map {a: 1}", {"a": 1}),
        ("v: !!seq [1]", [1]),
        ("!!str 1: x\nv: 2", 2),
    ],
)
def test_standard_tags_are_honoured(text, expected):
    value = parse_document(text).data["v"]
    assert value == expected
    assert type(value) is type(expected)


def test_tagged_key_keeps_its_text():
    assert parse_document("!!int 0x1F: x\n").data == {"0x1F": "x"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("v: !!int x", "'x' is not a valid !!int value"),
        ("v: !!int 1.5", "'1.5' is not a valid !!int value"),
        ("v: !!bool yes", "'yes' is not a valid !!bool value"),
        ("v: !!null nothing", "'nothing' is not a valid !!null value"),
        ("v: !!float .nan", "NaN and Infinity are not allowed"),
        ("v: !!seq x", "YAML tag '!!seq' cannot be used on a single value"),
        ("v: !!map [1]", "YAML tag '!!map' cannot be used on a list"),
        ("v: !!str {a: 1}", "YAML tag '!!str' cannot be used on a mapping"),
    ],
)
def test_refuses_misused_standard_tags(text, message):
    error = refused(text)
    assert error.message == message
    assert (error.line, error.column) == (1, 4)


# --- YAML: scalar resolution (1.2 core schema) ---------------------------------------------------


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        # The Norway problem: YAML 1.1 booleans stay strings.
        ("NO", "NO"),
        ("no", "no"),
        ("yes", "yes"),
        ("Yes", "Yes"),
        ("on", "on"),
        ("OFF", "OFF"),
        ("y", "y"),
        ("n", "n"),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
        ("tRUE", "tRUE"),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("~", None),
        ("", None),
        ("nUll", "nUll"),
        ("42", 42),
        ("-7", -7),
        ("+3", 3),
        ("007", 7),
        ("0o17", 15),
        ("0x1F", 31),
        ("0xff", 255),
        ("0b101", "0b101"),  # binary is YAML 1.1 only
        ("1_000", "1_000"),  # underscores are YAML 1.1 only
        ("12:30", "12:30"),  # sexagesimal is YAML 1.1 only
        ("1.5", 1.5),
        ("-1.5e3", -1500.0),
        (".5", 0.5),
        ("1.", 1.0),
        ("1e3", 1000.0),
        ("1.2.3", "1.2.3"),
        ("2026-01-01", "2026-01-01"),  # dates stay strings; the model parses them
        ("2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z"),
        ("+47 22 00 00 00", "+47 22 00 00 00"),
        ("+", "+"),
        (".", "."),
        ("-x", "-x"),
        ("hello world", "hello world"),
    ],
)
def test_plain_scalars_resolve_with_the_core_schema(yaml_loader, plain, expected):
    value = parse_document(f"v: {plain}\n").data["v"]
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("text", ["v: 'true'", 'v: "42"', "v: 'null'", "v: '~'", "v: ''"])
def test_quoted_scalars_are_always_strings(text):
    assert parse_document(text).data["v"] == text[4:-1]


def test_block_scalars_are_strings():
    doc = parse_document("a: |\n  42\nb: >\n  yes\n  no\n")
    assert doc.data == {"a": "42\n", "b": "yes no\n"}


@pytest.mark.parametrize(
    "plain", [".nan", ".NaN", ".NAN", ".inf", ".Inf", "+.inf", "-.inf", "-.INF", "1e999", "-1e999"]
)
def test_yaml_refuses_nan_and_infinity(yaml_loader, plain):
    error = refused(f"title: x\nvalue: {plain}\n", source="n.yaml")
    assert error.message == "NaN and Infinity are not allowed"
    assert (error.line, error.column) == (2, 8)


def test_yaml_quoted_nan_is_a_string():
    assert parse_document("v: '.nan'").data == {"v": ".nan"}


def test_yaml_refuses_integer_beyond_the_digit_limit():
    error = refused("a: 1\nb: " + "9" * 5000)
    assert error.message.startswith("integer is too long")
    assert (error.line, error.column) == (2, 4)


# --- YAML: keys ------------------------------------------------------------------------------


def test_yaml_refuses_duplicate_keys_naming_both_lines(yaml_loader):
    lines = ["title: x", "purposes:", "  - name: a", "    basis: contract", "other:"]
    lines += ["  a: 1", "  b: 2", "retention: 30 days", "x: 1", "y: 2", "z: 3", "w: 4", "v: 5"]
    lines += ["retention: 60 days"]
    error = refused("\n".join(lines) + "\n", source="n.yaml")
    assert error.message == "duplicate key 'retention' at lines 8 and 14"
    assert (error.line, error.column) == (14, 1)


def test_yaml_refuses_duplicate_keys_in_nested_and_flow_mappings():
    assert refused("a:\n  b: 1\n  b: 2\n").message == "duplicate key 'b' at lines 2 and 3"
    error = refused("a: {b: 1, c: 2, b: 3}\n")
    assert error.message == "duplicate key 'b' on line 1 (columns 5 and 17)"


def test_same_key_in_different_mappings_is_fine():
    doc = parse_document("a: {name: 1}\nb: {name: 2}\nc: [{name: 3}, {name: 4}]\n")
    assert doc.data["c"] == [{"name": 3}, {"name": 4}]


@pytest.mark.parametrize(
    ("text", "key"),
    [("2026: x", "2026"), ("no: x", "no"), ("true: x", "true"), ("1.5: x", "1.5"), ("~: x", "~")],
)
def test_keys_are_the_text_as_written(text, key):
    assert parse_document(text).data == {key: "x"}


def test_keys_that_read_alike_as_text_are_duplicates():
    error = refused("2026: a\n'2026': b\n")
    assert error.message == "duplicate key '2026' at lines 1 and 2"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("? [a, b]\n: c\n", "a list cannot be used as a mapping key"),
        ("? {a: 1}\n: c\n", "a mapping cannot be used as a mapping key"),
        ("x: {[a]: b}\n", "a list cannot be used as a mapping key"),
    ],
)
def test_refuses_collections_as_keys(text, message):
    error = refused(text)
    assert error.message == message
    assert error.line == 1


# --- YAML: documents and top level ---------------------------------------------------------------


def test_refuses_a_second_document_naming_its_line():
    text = "title: x\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\n---\ntitle: y\n"
    error = refused(text, source="n.yaml")
    assert error.message == "expected one document, found a second one"
    assert error.line == 7


def test_refuses_an_empty_second_document():
    assert refused("a: 1\n---\n").line == 2


def test_explicit_document_markers_are_fine():
    assert parse_document("%YAML 1.2\n---\na: 1\n...\n").data == {"a": 1}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("", "an empty document"),
        ("   \n\n", "an empty document"),
        ("# just a comment\n", "an empty document"),
        ("---\n", "an empty document"),
        ("null\n", "null"),
        ("~\n", "null"),
        ("hello\n", "a string"),
        ("'hello'\n", "a string"),
        ("42\n", "a number"),
        ("true\n", "a boolean"),
        ("- a\n- b\n", "a list"),
        ("[a, b]\n", "a list"),
    ],
)
def test_yaml_top_level_must_be_a_mapping(yaml_loader, text, found):
    error = refused(text)
    assert error.message == f"expected a mapping describing one notice, found {found}"


# --- YAML: limits ------------------------------------------------------------------------------


def nested_block_mappings(levels: int) -> str:
    return "".join(" " * i + f"k{i}:\n" for i in range(levels - 1)) + " " * (levels - 1) + "k: v\n"


def test_yaml_depth_limit_is_exact(yaml_loader):
    assert parse_document(nested_block_mappings(32)).data["k0"]["k1"]
    error = refused(nested_block_mappings(33), source="n.yaml")
    assert error.message == "nested too deeply (more than 32 levels)"
    assert error.line == 33


def test_yaml_depth_counts_lists_too():
    assert parse_document("a: " + "[" * 31 + "]" * 31).data
    error = refused("a: " + "[" * 32 + "]" * 32, limits=Limits(max_depth=32))
    assert (error.line, error.column) == (1, 35)


@pytest.mark.parametrize("unit", ["[", "{a: ", "- "])
def test_yaml_refuses_100k_levels_quickly_without_crashing(yaml_loader, unit):
    text = "a: " + unit * 100_000 if unit != "- " else "".join("- " * 100_000)
    start = time.perf_counter()
    error = refused(text)
    assert time.perf_counter() - start < 2
    assert error.message in (
        "nested too deeply (more than 32 levels)",
        "expected a mapping describing one notice, found a list",
    )
    assert error.line == 1


def test_yaml_100k_flow_levels_names_the_depth_limit():
    error = refused("title: x\nitems: " + "[" * 100_000)
    assert error.message == "nested too deeply (more than 32 levels)"
    assert error.line == 2


def test_custom_depth_limit_is_named():
    error = refused("a: {b: {c: 1}}", limits=Limits(max_depth=2))
    assert error.message == "nested too deeply (more than 2 levels)"
    assert (error.line, error.column) == (1, 8)


def test_yaml_node_limit(yaml_loader):
    # root + 4 keys + 4 values = 9 nodes
    text = "a: 1\nb: 2\nc: 3\nd: 4\n"
    assert parse_document(text, limits=Limits(max_nodes=9)).data["d"] == 4
    error = refused(text, limits=Limits(max_nodes=8))
    assert error.message == "document has too many values (more than 8 keys, values and lists)"
    assert (error.line, error.column) == (4, 4)


def test_yaml_node_limit_stops_a_huge_flow_list():
    start = time.perf_counter()
    error = refused("a: [" + "0," * 900_000 + "0]")
    assert time.perf_counter() - start < 5
    assert "more than 200,000" in error.message


# --- YAML: syntax errors -------------------------------------------------------------------------


def test_tab_indentation_is_explained(yaml_loader):
    error = refused("title: x\npurposes:\n\t- a\n", source="n.yaml")
    assert error.message == "tabs are not allowed for indentation in YAML; use spaces"
    assert (error.line, error.column) == (3, 1)


def test_unclosed_quote(yaml_loader):
    error = refused("title: x\nname: 'unclosed\nother: 1\n")
    assert "end of stream" in error.message
    assert "quoted scalar at line 2" in error.message
    assert error.line == 4


def test_bad_indentation(yaml_loader):
    error = refused("title: x\npurposes:\n  name: a\n bad: b\n")
    assert error.line == 4
    assert error.column is not None
    assert "Traceback" not in error.message


def test_unclosed_flow_list():
    error = refused("a: [1, 2\nb: 3\n")
    assert error.line == 2
    assert "flow sequence at line 1" in error.message


def test_yaml_raw_control_characters_are_refused_with_position(yaml_loader):
    error = refused("title: x\nname: caf\u00e9 \x01\n")
    assert error.message == "control character U+0001 is not allowed"
    assert (error.line, error.column) == (2, 12)  # columns count characters: "é" is one


def test_yaml_escaped_control_characters_are_kept_for_the_model():
    assert parse_document('a: "x\\x01y\\u0000"').data == {"a": "x\x01y\x00"}


def test_yaml_nul_byte_in_utf8_is_a_clean_error():
    error = refused(b"a: 1\nb: \x00\n")
    assert error.line == 2


# --- YAML: source map --------------------------------------------------------------------------


YAML_NOTICE = """\
title: Shop
controller:
  name: Example AS
  email: a@example.com
purposes:
  - id: p1
    data: [name, email]
  - id: p2
    retention: {days: 30}
"""


def test_yaml_source_map_positions(yaml_loader):
    source_map = parse_document(YAML_NOTICE).source_map
    assert source_map.locate(()) == (1, 1)
    assert source_map.locate(("title",)) == (1, 8)
    assert source_map.locate_key(("title",)) == (1, 1)
    assert source_map.locate(("controller",)) == (3, 3)  # a block mapping starts at its first key
    assert source_map.locate(("controller", "email")) == (4, 10)
    assert source_map.locate_key(("controller", "email")) == (4, 3)
    assert source_map.locate(("purposes", 0)) == (6, 5)
    assert source_map.locate(("purposes", 0, "data", 1)) == (7, 18)
    assert source_map.locate(("purposes", 1, "retention", "days")) == (9, 23)
    assert source_map.locate_key(("purposes", 1, "retention", "days")) == (9, 17)


def test_locate_falls_back_to_the_nearest_known_ancestor():
    source_map = parse_document(YAML_NOTICE).source_map
    assert source_map.locate(("purposes", 1, "missing_field")) == (8, 5)
    assert source_map.locate(("purposes", 7, "x")) == (6, 3)  # the list starts at its first "-"
    assert source_map.locate(("nope", "deeper")) == (1, 1)
    # An unknown key falls back to the value position of its nearest ancestor.
    assert source_map.locate_key(("controller", "phone")) == (3, 3)
    assert source_map.locate_key(("purposes", 0)) == (6, 5)  # list items have no key


def test_empty_source_map_knows_nothing():
    assert SourceMap().locate(("a",)) is None
    assert SourceMap().locate(()) is None
    assert SourceMap().locate_key(("a",)) is None


def test_yaml_columns_count_characters_and_crlf_lines():
    doc = parse_document("caf\u00e9: \u00fc\r\nb: [x, y]\r\n".encode())
    assert doc.data == {"café": "ü", "b": ["x", "y"]}
    assert doc.source_map.locate(("café",)) == (1, 7)
    assert doc.source_map.locate(("b", 1)) == (2, 8)


# --- JSON ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "column"),
    [("NaN", 8), ("Infinity", 8), ("-Infinity", 8), ("1e999", 8), ("-1e400", 8)],
)
def test_json_refuses_nan_and_infinity(value, column):
    error = refused(f'{{\n  "a": 1,\n  "b": {value}\n}}', source="n.json")
    assert error.message == "NaN and Infinity are not allowed"
    assert (error.line, error.column) == (3, column)


def test_json_nan_inside_strings_is_fine():
    assert parse_document('{"a": "NaN", "b": "Infinity"}').data == {"a": "NaN", "b": "Infinity"}


def test_json_refuses_duplicate_keys_naming_both_lines():
    lines = ["{", '  "title": "x",', '  "a": 1,', '  "b": 2,', '  "c": 3,', '  "d": 4,']
    lines += ['  "e": 5,', '  "retention": "30 days",', '  "f": {"retention": 1},']
    lines += ['  "g": 1,', '  "h": 1,', '  "i": 1,', '  "j": 1,', '  "retention": "60 days"', "}"]
    error = refused("\n".join(lines), source="n.json")
    assert error.message == "duplicate key 'retention' at lines 8 and 14"
    assert (error.line, error.column) == (14, 3)


def test_json_duplicate_keys_compare_decoded_text():
    error = refused('{"caf\\u00e9": 1, "café": 2}')
    assert error.message == "duplicate key 'café' on line 1 (columns 2 and 18)"


def test_json_nested_duplicate_reported_in_document_order():
    error = refused('{\n "a": {"x": 1, "x": 2},\n "b": 1,\n "b": 2\n}')
    assert error.message == "duplicate key 'x' on line 2 (columns 8 and 16)"


def test_json_refuses_100k_levels_before_json_recurses():
    start = time.perf_counter()
    error = refused('{"a":\n' + "[" * 100_000 + "]" * 100_000 + "}", source="n.json")
    assert time.perf_counter() - start < 1
    assert error.message == "nested too deeply (more than 32 levels)"
    assert (error.line, error.column) == (2, 32)


def test_json_depth_limit_is_exact_and_ignores_brackets_in_strings():
    inner = "[" * 31 + "]" * 31
    assert parse_document('{"a": ' + inner + ', "s": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')
    error = refused('{"a": [' + inner + "]}")
    assert error.message == "nested too deeply (more than 32 levels)"
    assert (error.line, error.column) == (1, 38)


def test_json_unbalanced_deep_prefix_is_still_refused_cleanly():
    error = refused('{"a": "x\\"", "b": ' + "{" * 1000)
    assert error.message == "nested too deeply (more than 32 levels)"


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ('{\n  "a": 1, // note\n  "b": 2\n}', "comments are not allowed in JSON", (2, 11)),
        ('{\n  /* note */ "a": 1\n}', "comments are not allowed in JSON", (2, 3)),
        ('{\n  "a": [1, 2,],\n  "b": 2\n}', "trailing commas are not allowed in JSON", (2, 14)),
        ('{\n  "a": 1,\n}', "trailing commas are not allowed in JSON", (3, 1)),
        ("{'a': 1}", "Expecting property name enclosed in double quotes", (1, 2)),
        ('{"a": 1} {"b": 2}', "Extra data", (1, 10)),
        ('{\n  "a": "open', "string is never closed (missing '\"')", (2, 8)),
        (
            '{"a": "\n"}',
            "control character U+000A must be escaped as \\u000a in a JSON string",
            (1, 8),
        ),
    ],
)
def test_json_syntax_errors_have_line_and_column(text, message, position):
    error = refused(text, format="json", source="n.json")
    assert error.message == message
    assert (error.line, error.column) == position


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("[1, 2]", "a list"),
        ('"text"', "a string"),
        ("3", "a number"),
        ("null", "null"),
        ("true", "a boolean"),
        ("", "an empty document"),
        ("  \n ", "an empty document"),
    ],
)
def test_json_top_level_must_be_an_object(text, found):
    error = refused(text, format="json")
    assert error.message == f"expected a mapping describing one notice, found {found}"


def test_json_keeps_lone_surrogate_escapes_and_control_escapes():
    doc = parse_document('{"a": "\\ud800", "b": "x\\u0001\\u0000"}', format="json")
    assert doc.data == {"a": "\ud800", "b": "x\x01\x00"}


def test_json_refuses_integer_beyond_the_digit_limit():
    error = refused('{\n  "a": ' + "7" * 5000 + "\n}")
    assert error.message.startswith("integer is too long")
    assert (error.line, error.column) == (2, 8)


def test_json_large_float_that_fits_is_fine():
    assert parse_document('{"a": 1e308, "b": 1' + "0" * 300 + "}").data["b"] == 10**300


def test_json_node_limit():
    text = '{"a": [1, 2], "b": {}}'  # root, a, [..], 1, 2, b, {} = 7 nodes
    assert parse_document(text, limits=Limits(max_nodes=7)).data == {"a": [1, 2], "b": {}}
    error = refused(text, limits=Limits(max_nodes=6))
    assert error.message == "document has too many values (more than 6 keys, values and lists)"
    assert (error.line, error.column) == (1, 20)


def test_json_node_limit_stops_a_huge_list():
    error = refused('{"a": [' + "0," * 900_000 + "0]}")
    assert "more than 200,000" in error.message
    assert error.line == 1


# --- JSON: source map --------------------------------------------------------------------------


JSON_NOTICE = """{
  "title": "Shop",
  "controller": {"name": "Example AS", "email": "a@example.com"},
  "purposes": [
    {"id": "p1", "data": ["name", "email"]},
    {"id": "p2", "caf\\u00e9": {"days": 30}, "empty": [], "obj": {}}
  ]
}"""


def test_json_source_map_positions():
    source_map = parse_document(JSON_NOTICE, source="n.json").source_map
    assert source_map.locate(()) == (1, 1)
    assert source_map.locate(("title",)) == (2, 12)
    assert source_map.locate_key(("title",)) == (2, 3)
    assert source_map.locate(("controller",)) == (3, 17)
    assert source_map.locate(("controller", "email")) == (3, 49)
    assert source_map.locate_key(("controller", "email")) == (3, 40)
    assert source_map.locate(("purposes", 0)) == (5, 5)
    assert source_map.locate(("purposes", 0, "data", 1)) == (5, 35)
    assert source_map.locate(("purposes", 1, "café", "days")) == (6, 40)
    assert source_map.locate_key(("purposes", 1, "café")) == (6, 18)
    assert source_map.locate(("purposes", 1, "empty")) == (6, 54)
    assert source_map.locate(("purposes", 1, "obj", "x")) == (6, 65)
    assert source_map.locate(("purposes", 9)) == (4, 15)


def test_json_source_map_is_built_lazily(monkeypatch):
    calls = []
    real_scan = parse_module._scan_json

    def counting_scan(text, limits):
        calls.append(1)
        return real_scan(text, limits)

    monkeypatch.setattr(parse_module, "_scan_json", counting_scan)
    doc = parse_document(JSON_NOTICE)
    assert calls == []
    assert doc.source_map.locate(("title",)) == (2, 12)
    assert doc.source_map.locate_key(("title",)) == (2, 3)
    assert calls == [1]


def all_paths(data: object) -> list[tuple]:
    paths, stack = [], [((), data)]
    while stack:
        path, value = stack.pop()
        paths.append(path)
        if isinstance(value, dict):
            stack.extend(((*path, key), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, index), item) for index, item in enumerate(value))
    return paths


@pytest.mark.parametrize("text", [YAML_NOTICE, JSON_NOTICE])
def test_every_value_and_key_has_its_own_position(text):
    doc = parse_document(text)
    paths = all_paths(doc.data)
    positions = {path: doc.source_map.locate(path) for path in paths}
    assert len(set(positions.values())) == len(paths)  # no path fell back to an ancestor
    key_paths = [path for path in paths if path and isinstance(path[-1], str)]
    key_positions = {doc.source_map.locate_key(path) for path in key_paths}
    assert len(key_positions) == len(key_paths)
    # (In YAML a block mapping's value position is its first key's, so the sets may overlap.)


def test_json_source_map_crlf():
    source_map = parse_document('{\r\n  "a": 1,\r\n  "b": [true]\r\n}').source_map
    assert source_map.locate(("b", 0)) == (3, 9)


# --- robustness ----------------------------------------------------------------------------


NASTY = [
    b"",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"{",
    b"}",
    b"]",
    b"[",
    b'"',
    b"'",
    b"a: 'b\n",
    b"- - - -",
    b"a: |\n\tb",
    b"? ? ? ?",
    b"!!",
    b"! !",
    b"&",
    b"*",
    b"%YAML 9.9\n---\na: 1",
    b"%TAG ! !\n---\na: !x 1",
    b"a: b: c",
    b"{a: 1, b}",
    b'{"a": 1,, "b": 2}',
    b'{"a"}',
    b'{"\\ud800": 1}',
    b'{"a": "\\uZZZZ"}',
    b'{"a": -}',
    b'{"a": 01}',
    b'{"a": 1.}',
    b'{"a": .5}',
    b"a: \xed\xa0\x80",  # UTF-8-encoded surrogate
    b"a: \xc0\xaf",  # overlong
    b"a: \x85\xe2\x80\xa8",
    "a: \u2028b\u2029: c".encode(),
    b"\r\r\r\ra: 1",
]


@pytest.mark.parametrize("content", NASTY)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_nasty_input_only_ever_raises_document_error(yaml_loader, content, fmt):
    try:
        doc = parse_document(content, format=fmt)
    except DocumentError as error:
        assert error.message
        assert error.__cause__ is None
    else:
        assert isinstance(doc.data, dict)
        doc.source_map.locate(("a",))


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_random_mutations_only_ever_raise_document_error(fmt):
    base = YAML_NOTICE.encode() if fmt == "yaml" else JSON_NOTICE.encode()
    alphabet = b"\x00\t\n\r \"'#&*!%@`-:,?[]{}|>\\~.0123456789abcxyz\xc3\xa9\xff"
    rng = random.Random(1234)
    for _ in range(400):
        data = bytearray(base)
        for _ in range(rng.randint(1, 6)):
            index = rng.randrange(len(data))
            action = rng.random()
            if action < 0.4:
                data[index] = rng.choice(alphabet)
            elif action < 0.7:
                del data[index]
            else:
                data.insert(index, rng.choice(alphabet))
        try:
            doc = parse_document(bytes(data), format=fmt)
        except DocumentError as error:
            assert error.__cause__ is None
        else:
            doc.source_map.locate(("purposes", 0, "id"))
            json.dumps(doc.data)  # plain data only


def test_parse_result_is_plain_json_compatible_data():
    doc = parse_document(YAML_NOTICE)
    assert json.loads(json.dumps(doc.data)) == doc.data
