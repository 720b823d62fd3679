"""The registry of outside formats a notice is exported to or imported from.

Each format says what it is called, the file suffix it uses, how to export a notice, optionally
how to import one, and what it cannot carry: in general (`cannot_carry`, for the README and the
round-trip tests) and for one notice (`losses(notice)`, for the checks and the command line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ..model import PrivacyNotice
from ..model.paths import dotted

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Loss:
    """One fact of a notice that a format drops or can only approximate.

    `path` points into the notice (when exporting) or into the imported file (when importing).
    """

    path: Loc
    message: str
    kind: Literal["dropped", "approximated"] = "approximated"

    @property
    def dotted(self) -> str:
        return dotted(self.path) or "(notice)"

    def as_dict(self) -> dict[str, str]:
        return {"path": self.dotted, "message": self.message, "kind": self.kind}


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
