"""Translations: every text in every declared locale (ISO/IEC 29184 5.2.4)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import PrivacyNotice
from ..model.walk import iter_texts
from .registry import rule


@rule(
    "translations-missing",
    profile="translations",
    severity="warning",
    reference="GDPR Art. 12(1); ISO/IEC 29184 5.2.4",
    title="Every text is translated into every declared locale",
)
def missing(notice: PrivacyNotice) -> Iterator[tuple]:
    default = notice.default_locale
    for loc, text in iter_texts(notice):
        if not text.has(default, default):
            shown = text.locales(default)[0]
            yield loc, f"no '{default}' text (the default locale); '{shown}' will be shown instead"
        for locale in notice.all_locales[1:]:
            if not text.has(locale, default):
                yield loc, f"missing '{locale}' translation; the '{default}' text will be shown"


@rule(
    "translations-undeclared",
    profile="translations",
    severity="info",
    reference="ISO/IEC 29184 5.2.4",
    title="Translations are in declared locales",
)
def undeclared(notice: PrivacyNotice) -> Iterator[tuple]:
    declared = set(notice.all_locales)
    for loc, text in iter_texts(notice):
        for locale in text.locales(notice.default_locale):
            if locale not in declared:
                yield loc, f"text in '{locale}', which is not in `locales`; it is never shown"
