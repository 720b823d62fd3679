"""Checks on what callers hand the store, made before any database work.

The notice text itself is validated by the loader (`notice_builder.io.loads_notice`); here are
the size cap (the loader's, so a notice the store accepts always loads), and the author and
message typed beside a save.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..io.parse import DEFAULT_LIMITS
from ..model import PrivacyNotice
from .errors import InvalidInputError
from .schema import AUTHOR_LIMIT, MESSAGE_LIMIT

MAX_TEXT_BYTES = DEFAULT_LIMITS.max_bytes

# C0 controls (but tab and line feed in a message), DEL, C1 controls, lone surrogates,
# non-characters: none belongs in a name or a log line.
_MESSAGE_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_AUTHOR_BAD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1_000:.1f} kB"


def text_size(text: str) -> int:
    """The text's length in UTF-8 bytes, as the loader counts it."""
    if not isinstance(text, str):
        raise TypeError(f"notice text must be str, not {type(text).__name__} (decode it first)")
    # surrogatepass: a lone surrogate is the loader's to report, with its line.
    return len(text.encode("utf-8", "surrogatepass"))


def check_text_size(text: str) -> int:
    """Refuse a text over the loader's limit with a message naming it; return its size."""
    size = text_size(text)
    if size > MAX_TEXT_BYTES:
        shown, limit = _size(size), _size(MAX_TEXT_BYTES)
        if shown == limit:
            shown, limit = f"{size:,} bytes", f"{MAX_TEXT_BYTES:,} bytes"
        raise InvalidInputError(key="notice_store.too_big", size=shown, limit=limit)
    return size


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def clean_author(author: str) -> str:
    """Who saved: one line, not empty, at most AUTHOR_LIMIT characters, no control characters."""
    if not isinstance(author, str):
        raise TypeError(f"author must be str, not {type(author).__name__}")
    value = author.strip()
    if not value:
        raise InvalidInputError(key="notice_store.author_empty")
    bad = _AUTHOR_BAD.search(value)
    if bad:
        raise InvalidInputError(
            key="notice_store.author_character", character=_describe(bad.group())
        )
    if len(value) > AUTHOR_LIMIT:
        raise InvalidInputError(
            key="notice_store.author_long", length=len(value), limit=AUTHOR_LIMIT
        )
    return value


def clean_message(message: str) -> str:
    """What changed, in the saver's words: may be empty, at most MESSAGE_LIMIT characters."""
    if not isinstance(message, str):
        raise TypeError(f"message must be str, not {type(message).__name__}")
    value = message.strip().replace("\r\n", "\n").replace("\r", "\n")
    bad = _MESSAGE_BAD.search(value)
    if bad:
        raise InvalidInputError(
            key="notice_store.message_character", character=_describe(bad.group())
        )
    if len(value) > MESSAGE_LIMIT:
        raise InvalidInputError(
            key="notice_store.message_long", length=len(value), limit=MESSAGE_LIMIT
        )
    return value


def content_hash(text: str) -> str:
    """SHA-256 of the text's UTF-8 bytes, in hex: equal hashes mean byte-identical versions."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def title_of(notice: PrivacyNotice) -> str:
    """The notice's title in its default locale, as lists show it."""
    return notice.title.get(None, notice.default_locale)
