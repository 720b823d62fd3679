"""Shared by the format tests: the examples, loaded once per run."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from notice_builder.io import load_notice

ROOT = Path(__file__).resolve().parents[2]


@cache
def _load(name: str):
    return load_notice(ROOT / "examples" / f"{name}.yaml")


@pytest.fixture(scope="session")
def example():
    """example('coffee-shop') -> the validated notice (cached; do not change it)."""
    return _load
