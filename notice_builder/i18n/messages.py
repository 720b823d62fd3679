"""Library messages that can be said in any interface language.

A problem, an error or a change keeps its English `message` (the CLI, JSON outputs and scripts
rely on it) and also its catalogue `key` and `params`, so the app can say the same thing in the
person's language. The English text is made from the same catalogue entry, so the two cannot
drift. A parameter may itself be a `Phrase` ("a list", "while scanning a quoted scalar") or any
other `Sayable` (a field's label, a quoted value): it is said in the same language as the sentence
around it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from . import language, say


class Sayable(Protocol):
    """Anything that can be said in a language: a `Phrase`, a field's label, a shown value."""

    def text(self, locale: str) -> str: ...


@dataclass(frozen=True)
class Phrase:
    """A catalogue message with its values, said in a language only when shown."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, locale: str) -> str:
        return render(self.key, self.params, locale)

    def __str__(self) -> str:
        return self.text("en")


def phrase(key: str, **params: Any) -> Phrase:
    return Phrase(key, params)


class Said(str):
    """A message that is its English text wherever a `str` goes (joined into a list of warnings,
    printed by the CLI, written to a bundle's manifest) and can also be said in another language:
    for warnings that travel as plain strings through the library."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, **params: Any) -> Said:
        said = super().__new__(cls, render(key, params, "en"))
        said.key, said.params = key, params
        return said

    def text(self, locale: str) -> str:
        return render(self.key, self.params, locale)

    def __reduce__(self) -> tuple:  # bundles are made in worker processes
        return _said_again, (self.key, self.params)


def _said_again(key: str, params: dict[str, Any]) -> Said:
    return Said(key, **params)


def render(key: str, params: dict[str, Any], locale: str) -> str:
    """The message `key` in `locale`; `count` picks a plural form, phrases are said in `locale`."""
    values = {name: _said(value, locale) for name, value in params.items() if name != "count"}
    return say(key, locale, params.get("count"), **values)


def _said(value: Any, locale: str) -> Any:
    if type(value) is not str and callable(getattr(value, "text", None)):  # a Sayable, a Said
        return value.text(locale)  # (a runtime Protocol check costs 20 µs a value)
    if isinstance(value, list | tuple):
        comma = "، " if language(locale) == "ar" else ", "
        return comma.join(str(_said(v, locale)) for v in value)
    return value
