"""Text types used by the model: cleaned strings, ids, URLs and translatable text.

Every string that comes from a user passes through one of these types, so text is cleaned
once, at the boundary: characters that cannot live in XML (C0 controls, lone surrogates,
U+FFFE/U+FFFF) are refused with the code point named, and bidi override or isolate controls,
which can disguise a name or a link (Trojan Source, UTS #36), are refused in names, ids,
e-mail addresses and URLs. Legitimate right-to-left text needs none of them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

import regex
from pydantic import (
    AfterValidator,
    Discriminator,
    Field,
    RootModel,
    StringConstraints,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

# Tab, line feed and carriage return are the only C0 characters XML 1.0 allows.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\r\n\t]")


def _codepoint(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def clean_text(value: str) -> str:
    """Refuse characters that cannot be written to XML; normalise line endings."""
    bad = _FORBIDDEN.search(value)
    if bad:
        raise PydanticCustomError(
            "forbidden_character",
            "contains the control character {codepoint} at position {position}; remove it",
            {"codepoint": _codepoint(bad.group()), "position": bad.start() + 1},
        )
    return value.replace("\r\n", "\n").replace("\r", "\n")


def refuse_bidi_controls(value: str) -> str:
    """Refuse bidi override/isolate controls, which can make a name or a link read backwards."""
    bad = _BIDI_CONTROLS.search(value)
    if bad:
        raise PydanticCustomError(
            "bidi_control",
            "contains the bidi control {codepoint} at position {position}, which can disguise "
            "what the text says; remove it",
            {"codepoint": _codepoint(bad.group()), "position": bad.start() + 1},
        )
    return value


def one_line(value: str) -> str:
    """Names and labels are single lines: tabs and line breaks become spaces."""
    return " ".join(_LINE_BREAKS.sub(" ", value).split())


_GRAPHEME = regex.compile(r"\X")
# Code points per user-perceived character allowed before the grapheme count is even taken: a
# skin-toned profession emoji is 5 code points; this bounds the work on hostile input.
_CODEPOINTS_PER_GRAPHEME = 8


def max_graphemes(limit: int):
    """A length limit counted in user-perceived characters (👩🏽‍⚖️ is one), as people count."""

    def check(value: str) -> str:
        if len(value) > limit:
            count = len(_GRAPHEME.findall(value))
            if count > limit:
                raise PydanticCustomError(
                    "too_long",
                    "is {count} characters long; the limit is {limit}",
                    {"count": count, "limit": limit},
                )
        return value

    return AfterValidator(check)


PROSE_LIMIT = 5000
LABEL_LIMIT = 200

# A paragraph of prose (descriptions, highlights). Long enough for real text, short enough that
# a render stays bounded; the layout engine wraps or reports overflow.
Prose = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=PROSE_LIMIT * _CODEPOINTS_PER_GRAPHEME
    ),
    max_graphemes(PROSE_LIMIT),
    AfterValidator(clean_text),
]
# A one-line label or name.
Label = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=LABEL_LIMIT * _CODEPOINTS_PER_GRAPHEME
    ),
    max_graphemes(LABEL_LIMIT),
    AfterValidator(clean_text),
    AfterValidator(one_line),
]
# A proper name (organisation, person, recipient): a label that may not carry bidi controls.
Name = Annotated[Label, AfterValidator(refuse_bidi_controls)]

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9_.-]{0,62}[a-z0-9])?$"
LOCALE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
# What each pattern means, for error messages people can act on.
PATTERN_HINTS: dict[str, str] = {
    ID_PATTERN: "an id is lower-case letters, digits, '-', '_' or '.', at most 64 characters "
    "(for example 'purchases' or 'store-finder')",
    LOCALE_PATTERN: "a locale is a language tag such as 'en', 'ar' or 'pt-BR'",
}

# Short ids that are pleasant to write by hand and safe everywhere (YAML keys, SVG ids, URLs).
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(
        description="A short id: lower-case letters, digits, '-', '_' or '.', at most 64 characters."
    ),
]

_URL = re.compile(
    r"^(https://[^\s/?#]+\.[^\s/?#]+[^\s]*|mailto:[^\s@]+@[^\s@]+|tel:\+?[0-9 ()./-]{3,32})$"
)
_EMAIL = re.compile(r"^[^\s@<>\"',;]+@[^\s@<>\"',;]+\.[^\s@<>\"',;]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{2,31}$")


def _check_url(value: str) -> str:
    if not _URL.match(value):
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        if scheme and scheme not in ("https", "mailto", "tel"):
            raise PydanticCustomError(
                "url_scheme",
                "'{scheme}:' links are not allowed; use https, mailto or tel",
                {"scheme": scheme},
            )
        raise PydanticCustomError(
            "url", "is not a valid https, mailto or tel link: '{value}'", {"value": value[:80]}
        )
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise PydanticCustomError(
            "email", "is not a valid e-mail address: '{value}'", {"value": value[:80]}
        )
    return value


def _check_phone(value: str) -> str:
    if not _PHONE.match(value):
        raise PydanticCustomError(
            "phone",
            "is not a phone number (digits, spaces, '+', '-', '(', ')'): '{value}'",
            {"value": value[:80]},
        )
    return value


Url = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=2000),
    AfterValidator(clean_text),
    AfterValidator(refuse_bidi_controls),
    AfterValidator(_check_url),
    Field(description="An https, mailto or tel link; other schemes are refused."),
]
Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=254),
    AfterValidator(clean_text),
    AfterValidator(refuse_bidi_controls),
    AfterValidator(_check_email),
]
Phone = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=32),
    AfterValidator(clean_text),
    AfterValidator(_check_phone),
]

# BCP 47 language tags as used in the notice: "en", "ar", "pt-BR", "zh-Hant".
Locale = Annotated[
    str,
    StringConstraints(pattern=LOCALE_PATTERN),
    Field(description="A BCP 47 language tag such as 'en', 'ar' or 'pt-BR'."),
]
_LOCALE = re.compile(LOCALE_PATTERN)


class _LocalizedBase:
    """Shared behaviour of translatable text: a plain string (in the notice's default locale)
    or a mapping of locale to text, kept exactly as written so a round trip loses nothing."""

    root: str | dict[str, str]

    def get(self, locale: str | None, default_locale: str) -> str:
        """The text in `locale`, falling back to the default locale, then to any text."""
        if isinstance(self.root, str):
            return self.root
        for key in (locale, default_locale):
            if key and key in self.root:
                return self.root[key]
        return next(iter(self.root.values()))

    def has(self, locale: str, default_locale: str) -> bool:
        """True when the text exists in `locale` (a plain string counts as the default locale)."""
        if isinstance(self.root, str):
            return locale == default_locale
        return locale in self.root

    def locales(self, default_locale: str) -> list[str]:
        return [default_locale] if isinstance(self.root, str) else list(self.root)

    def __str__(self) -> str:
        return self.root if isinstance(self.root, str) else next(iter(self.root.values()))

    @model_validator(mode="after")
    def _check_locales(self):
        if isinstance(self.root, dict):
            if not self.root:
                raise ValueError(
                    "give the text, or a mapping of locale to text with one entry at least"
                )
            for key in self.root:
                if not _LOCALE.match(key):
                    raise PydanticCustomError(
                        "locale",
                        "'{key}' is not a language tag such as 'en' or 'ar'",
                        {"key": key},
                    )
        return self


def _text_form(value: Any) -> str:
    return "<translations>" if isinstance(value, dict) else "<text>"


def _translatable(item: Any) -> Any:
    # A tagged union so an error names the one form the user wrote, not both alternatives.
    return Annotated[
        Annotated[item, Tag("<text>")] | Annotated[dict[str, item], Tag("<translations>")],
        Discriminator(_text_form),
    ]


# The tags above appear in pydantic error locations; error reporting drops them.
UNION_TAGS = frozenset({"<text>", "<translations>"})


class Text(_LocalizedBase, RootModel[_translatable(Label)]):
    """A translatable one-line text: `Purchases` or `{en: Purchases, ar: المشتريات}`."""


class LongText(_LocalizedBase, RootModel[_translatable(Prose)]):
    """A translatable paragraph: a string or a mapping of locale to string."""


def is_translatable(value: object) -> bool:
    return isinstance(value, _LocalizedBase)


__all__ = [
    "Email",
    "Id",
    "Label",
    "Locale",
    "LongText",
    "Name",
    "Phone",
    "Prose",
    "Text",
    "Url",
    "clean_text",
    "is_translatable",
    "refuse_bidi_controls",
]
