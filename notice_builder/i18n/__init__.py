"""Words the pictures say around the notice's own text ("What we collect", "Never sold"),
in English and Arabic, with plural forms from the CLDR rules of each language.

Catalogues are YAML files in a folder per language beside this module (`en/*.yaml`, `ar/*.yaml`,
one file per area of the product); a missing language or key falls back to English, so a notice in
any locale still renders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_DIR = Path(__file__).parent
FALLBACK = "en"
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"})


def language(locale: str) -> str:
    return locale.split("-")[0].lower()


def is_rtl(locale: str) -> bool:
    return language(locale) in RTL_LANGUAGES


def plural_category(n: float, locale: str) -> str:
    """CLDR plural category of `n` (cldr.unicode.org, "Language Plural Rules")."""
    lang = language(locale)
    if lang == "ar":
        if n != int(n):
            return "other"
        i = int(n)
        if i == 0:
            return "zero"
        if i == 1:
            return "one"
        if i == 2:
            return "two"
        if 3 <= i % 100 <= 10:
            return "few"
        if 11 <= i % 100 <= 99:
            return "many"
        return "other"
    return "one" if n == 1 else "other"


@cache
def _catalogue(lang: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in sorted((_DIR / lang).glob("*.yaml")):
        with path.open(encoding="utf-8") as fh:
            # Package data written by the project, not user input: the C loader is safe here.
            entries = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        clash = merged.keys() & entries.keys()
        if clash:
            raise ValueError(f"{path.name} repeats messages {sorted(clash)}")
        merged.update(entries)
    return merged


def languages() -> list[str]:
    return sorted(p.name for p in _DIR.iterdir() if p.is_dir() and any(p.glob("*.yaml")))


def t(key: str, locale: str, count: float | None = None, **params: Any) -> str:
    """The message `key` in `locale`, with `{count}` and other `{params}` filled in.

    A message with plural forms is a mapping of CLDR categories (zero, one, two, few, many,
    other) to text; `count` picks the form.
    """
    lang = language(locale)
    entry = _catalogue(lang).get(key)
    if entry is None:
        entry = _catalogue(FALLBACK).get(key)
        lang = FALLBACK
    if entry is None:
        raise KeyError(f"no message '{key}'")
    if isinstance(entry, dict):
        if count is None:
            raise ValueError(f"message '{key}' has plural forms: give count")
        # An explicit "zero" form is used in any language: "No security incidents" reads
        # better than "0 security incidents", even where CLDR has no zero category.
        category = "zero" if count == 0 and "zero" in entry else plural_category(count, lang)
        entry = entry.get(category) or entry["other"]
    if count is not None:
        params["count"] = format_number(count)
    return entry.format(**params) if params else entry


# First Strong Isolate … Pop Directional Isolate: a value inside a sentence of the other direction
# ("v12", "notice-3", "purchases") keeps its own order instead of being reordered by its neighbours.
FSI, PDI = "\u2068", "\u2069"


def isolate(value: Any) -> str:
    """`value` as text that keeps its own direction inside a sentence of the other one."""
    return f"{FSI}{value}{PDI}"


def say(key: str, locale: str, count: float | None = None, **params: Any) -> str:
    """`t` for sentences shown to people: in a right-to-left locale every filled-in value is
    isolated so it reads in its own direction; a bare count needs no isolate."""
    if is_rtl(locale):
        params = {name: isolate(value) for name, value in params.items()}
    return t(key, locale, count, **params)


def format_number(n: float) -> str:
    """Digits as the notices write them: Western digits, thin grouping for thousands."""
    if n == int(n):
        return f"{int(n):,}"
    return f"{n:,.1f}"
