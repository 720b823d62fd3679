"""The version messages the product writes itself ("Restored v3", "Edited in the app"), and the
same messages said in another language when the history is shown.

A version's message is stored as written, in English, as it always was: scripts and older
databases read it. Each standard message comes from one catalogue entry
(`notice_store.version.<kind>`), so `recognise` finds it again by its exact wording and the app
can say it in the person's language; a message someone typed matches none and is shown as typed.
"""

from __future__ import annotations

import re
from contextlib import suppress
from functools import cache
from typing import Any

from ..i18n import t
from ..i18n.messages import Phrase, render

# The kinds of message, most specific wording first (so "Imported from a.json (TILT …)" is not
# read as "Imported from {name}" with a name ending in a bracket).
KINDS = (
    "imported_format",
    "applied_format",
    "copy",
    "duplicated",
    "restored",
    "template_named",
    "template",
    "blank",
    "edited",
    "imported",
    "sample",
    "created",
)
AUTHORS = ("web_editor",)  # names the product records as authors
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def written(kind: str, **params: Any) -> str:
    """The message to store for a version of `kind` (English, the history's language)."""
    return t(f"notice_store.version.{kind}", "en", **params)


def recognise(message: str | None) -> Phrase | None:
    """The standard message `message` is, with its values; None for a message someone typed."""
    if not message:
        return None
    for kind, pattern in _patterns():
        found = pattern.fullmatch(message)
        if found:
            return Phrase(f"notice_store.version.{kind}", found.groupdict())
    return None


def said(message: str | None, locale: str, **names: dict[str, str]) -> str:
    """`message` in `locale` when it is a standard one, else as stored.

    `names` gives words for values by placeholder (`template={"Coffee shop example": "…"}`):
    a value the product named in English is then said in `locale` too."""
    found = recognise(message)
    if found is None:
        return message or ""
    names = {"format": _format_titles(locale), **names}
    params = {name: names.get(name, {}).get(value, value) for name, value in found.params.items()}
    return render(found.key, params, locale)


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each kind's English wording as a pattern: the words literally, each value as a group."""
    patterns = []
    for kind in KINDS:
        wording = t(f"notice_store.version.{kind}", "en")
        parts, last = [], 0
        for value in _PLACEHOLDER.finditer(wording):
            parts.append(re.escape(wording[last : value.start()]))
            parts.append(f"(?P<{value.group(1)}>{_values().get(value.group(1), '.+')})")
            last = value.end()
        parts.append(re.escape(wording[last:]))
        patterns.append((kind, re.compile("".join(parts), re.DOTALL)))
    return tuple(patterns)


def _values() -> dict[str, str]:
    """Values with a known shape: a version number, a notice id, a format's title."""
    from ..formats.registry import get, names  # the formats load only when a history is read

    titles = "|".join(re.escape(get(name).title) for name in names())
    return {"number": r"[1-9][0-9]*", "slug": r"[a-z0-9][a-z0-9._-]*", "format": titles}


def author(kind: str) -> str:
    """The name the product records as the author of versions it writes (`notice_store.author.*`)."""
    return t(f"notice_store.author.{kind}", "en")


def said_author(name: str | None, locale: str) -> str:
    """An author as shown: one of the product's own names in `locale`, a person's name as stored."""
    for kind in AUTHORS:
        if name == author(kind):
            return t(f"notice_store.author.{kind}", locale)
    return name or ""


def _format_titles(locale: str) -> dict[str, str]:
    """Each store format's English title -> its title in `locale` (`format.title.<name>`)."""
    from ..formats.registry import get, names

    titles = {}
    for name in names():
        with suppress(KeyError):  # no catalogue title: the registry's own is shown
            titles[get(name).title] = t(f"format.title.{name}", locale)
    return titles
