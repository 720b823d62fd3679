"""Reading time: the full privacy policy against this summary."""

from __future__ import annotations

from ..i18n import t
from ..model import READING_WORDS_PER_MINUTE, PrivacyNotice
from ..model.walk import iter_texts
from .spec import ComparisonSpec, Stat
from .wording import minutes


def summary_words(notice: PrivacyNotice, locale: str) -> int:
    """Words of every text of the notice in `locale` (its default locale where untranslated)."""
    return sum(
        len(value.get(locale, notice.default_locale).split()) for _, value in iter_texts(notice)
    )


def reading_time(notice: PrivacyNotice, locale: str) -> ComparisonSpec:
    """Minutes to read the full policy vs this summary, at 238 words a minute."""
    wpm = READING_WORDS_PER_MINUTE
    summary = max(1, round(summary_words(notice, locale) / wpm))
    after = Stat(float(summary), minutes(summary, locale), t("chart.reading.summary", locale))
    full_minutes = notice.full_policy.reading_minutes if notice.full_policy else None
    title = t("chart.reading.title", locale)
    if full_minutes is None:
        unknown = t("chart.reading.unknown", locale)
        in_words = minutes(summary, locale, in_sentence=True)
        description = t("chart.reading.description_unknown", locale, summary=in_words, wpm=wpm)
        before = Stat(None, "", t("chart.reading.full", locale))
        return ComparisonSpec(title, description, before, after, None, "", empty_message=unknown)
    full = max(1, round(full_minutes))
    before = Stat(full_minutes, minutes(full, locale), t("chart.reading.full", locale))
    saved = full - summary
    change_label = t("chart.reading.saved", locale, count=saved) if saved > 0 else ""
    words = {
        "full": minutes(full, locale, in_sentence=True),
        "summary": minutes(summary, locale, in_sentence=True),
    }
    return ComparisonSpec(
        title=title,
        description=t("chart.reading.description", locale, wpm=wpm, **words),
        before=before,
        after=after,
        change=float(summary - full),
        change_label=change_label,
        better="lower",
        callouts=(t("chart.reading.callout", locale, **words),),
    )
