"""The registry of outside formats a notice is exported to or imported from.

Each format says what it is called, the file suffix it uses, how to export a notice, optionally
how to import one, and what it cannot carry: in general (`cannot_carry`, for the README and the
round-trip tests) and for one notice (`losses(notice)`, for the checks and the command line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..i18n import say
from ..model import PrivacyNotice
from ..model.paths import dotted

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Loss:
    """One fact of a notice that a format drops or can only approximate.

    `path` points into the notice (when exporting) or into the imported file (when importing).
    `message` is English (the command line and JSON outputs keep it); `key` and `params` say the
    same in another language, from the catalogue's `format.loss.*` messages.
    """

    path: Loc
    message: str
    kind: Literal["dropped", "approximated"] = "approximated"
    key: str | None = field(default=None, compare=False)
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def said(
        cls,
        path: Loc,
        key: str,
        kind: Literal["dropped", "approximated"] = "approximated",
        /,
        **params: Any,
    ) -> Loss:
        """A loss whose message is the catalogue's `format.loss.<key>` with `params`."""
        key = f"format.loss.{key}"
        return cls(path, say(key, "en", **params), kind, key, params)

    @property
    def dotted(self) -> str:
        return dotted(self.path) or "(notice)"

    def text(self, locale: str) -> str:
        """The message in `locale` (the English one when it has no catalogue message)."""
        return say(self.key, locale, **self.params) if self.key else self.message

    def as_dict(self, locale: str = "en") -> dict[str, str]:
        return {"path": self.dotted, "message": self.text(locale), "kind": self.kind}


@dataclass(frozen=True)
class Imported:
    """A notice built from an outside file, and what the file could not say or was skipped."""

    notice: PrivacyNotice
    losses: tuple[Loss, ...] = ()


Exporter = Callable[[PrivacyNotice], bytes]
Importer = Callable[..., Imported]


@dataclass(frozen=True)
class Format:
    """An outside format: a store label, a transparency language or a vocabulary."""

    name: str
    title: str
    suffix: str
    media_type: str
    export: Exporter
    losses: Callable[[PrivacyNotice], list[Loss]]
    cannot_carry: tuple[str, ...] = ()
    import_: Importer | None = None
    # Recognises this format's content (first bytes of a file), for `convert` without --from.
    sniff: Callable[[bytes], bool] | None = field(default=None, repr=False)

    @property
    def can_import(self) -> bool:
        return self.import_ is not None


_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format; a second one with the same name is an error."""
    if fmt.name in _FORMATS:
        raise ValueError(f"a format named '{fmt.name}' is already registered")
    _FORMATS[fmt.name] = fmt
    return fmt


def get(name: str) -> Format:
    try:
        return _FORMATS[name]
    except KeyError:
        raise KeyError(f"unknown format '{name}' (known: {', '.join(names())})") from None


def names() -> list[str]:
    return list(_FORMATS)


def formats() -> list[Format]:
    return list(_FORMATS.values())
