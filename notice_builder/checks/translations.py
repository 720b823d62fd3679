"""Translations: every text in every declared locale (ISO/IEC 29184 5.2.4)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import PrivacyNotice
from ..model.walk import iter_texts
from .registry import msg, rule


@rule(
    "translations-missing",
    profile="translations",
    severity="warning",
    reference="GDPR Art. 12(1); ISO/IEC 29184 5.2.4",
)
def missing(notice: PrivacyNotice) -> Iterator[tuple]:
    default = notice.default_locale
    for loc, text in iter_texts(notice):
        if not text.has(default, default):
            shown = text.locales(default)[0]
            yield loc, msg("translations-missing.default", default=default, shown=shown)
        for locale in notice.all_locales[1:]:
            if not text.has(locale, default):
                yield loc, msg("translations-missing.locale", lang=locale, default=default)


@rule(
    "translations-undeclared",
    profile="translations",
    severity="info",
    reference="ISO/IEC 29184 5.2.4",
)
def undeclared(notice: PrivacyNotice) -> Iterator[tuple]:
    declared = set(notice.all_locales)
    for loc, text in iter_texts(notice):
        for locale in text.locales(notice.default_locale):
            if locale not in declared:
                yield loc, msg("translations-undeclared.found", lang=locale, field="`locales`")
