"""Errors that can be said in any interface language.

An error keeps its English message (`str(exc)`, what the CLI prints and scripts match) and, when
it comes from the catalogue, its `key` and `params` too, so the app can say the same thing in the
person's language. The English message is made from the same catalogue entry as the others.
"""

from __future__ import annotations

from typing import Any, Self

from .messages import Phrase, render


class SaidError(ValueError):
    """A ValueError whose message may come from the catalogue (`said`) or be plain English."""

    def __init__(self, message: str, *, key: str | None = None, params: dict | None = None):
        super().__init__(message)
        self.key = key
        self.params = dict(params or {})

    @classmethod
    def said(cls, key: str, **params: Any) -> Self:
        """The error `key` with its values; its English message from the catalogue."""
        return cls(render(key, params, "en"), key=key, params=params)

    @property
    def message(self) -> str:
        return str(self)

    def phrase(self) -> Phrase | str:
        """This error as a value inside another message (said in that message's language)."""
        return Phrase(self.key, self.params) if self.key else str(self)

    def text(self, locale: str) -> str:
        """The message in `locale`; the English one when it has no catalogue entry."""
        return render(self.key, self.params, locale) if self.key else str(self)

    def as_dict(self, locale: str = "en") -> dict[str, Any]:
        plain = {
            k: v if isinstance(v, str | int | float) else str(v) for k, v in self.params.items()
        }
        return {"message": self.text(locale), "key": self.key, "params": plain}


def said_text(exc: BaseException, locale: str) -> str:
    """What any exception says in `locale`: its own words when it has them, else its message."""
    text = getattr(exc, "text", None)
    if callable(text):
        return text(locale)
    if isinstance(exc, KeyError) and exc.args:  # str() of a KeyError is its repr
        return str(exc.args[0])
    return str(exc)


__all__ = ["SaidError", "said_text"]
