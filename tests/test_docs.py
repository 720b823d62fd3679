"""Docs that cannot rot: the README names every rule, command and example."""

from __future__ import annotations

import pytest

from notice_builder.checks import names
from notice_builder.cli import COMMANDS
from notice_builder.layout import layout_names
from notice_builder.render.theme import theme_names
from notice_builder.resources import example_names

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", names())
def test_every_rule_is_documented(rule):
    assert f"`{rule}`" in README


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_documented(command):
    assert f"`notice-builder {command}" in README


@pytest.mark.parametrize("example", example_names())
def test_every_example_is_documented(example):
    assert f"`examples/{example}.yaml`" in README


def test_readme_has_the_two_setup_commands():
    assert "./scripts/run-app" in README and "./scripts/test" in README


@pytest.mark.parametrize("layout", layout_names())
def test_every_layout_is_documented_with_a_picture(layout):
    assert f"| `{layout}` |" in README
    assert f"(docs/gallery/{layout}.png)" in README and f"(docs/gallery/{layout}-ar.png)" in README
    assert (ROOT / "docs" / "gallery" / f"{layout}.png").is_file()


@pytest.mark.parametrize("theme", theme_names())
def test_every_theme_is_documented(theme):
    assert f"| `{theme}` |" in README
