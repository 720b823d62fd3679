"""Plain language (GDPR Art. 12(1), WP260 para. 8-13): readable, short, concrete sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import PrivacyNotice
from ..model.text import LongText
from ..model.walk import iter_texts
from .registry import msg, rule

LONG_SENTENCE_WORDS = 25
# Scores of very short texts swing wildly; only texts this long get their own score.
MIN_WORDS_FOR_SCORE = 12

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

# Legal jargon with the plain words WP260 and plain-language guides suggest instead.
JARGON: dict[str, str] = {
    "aforementioned": "this / that",
    "commence": "start",
    "data subject": "you",
    "facilitate": "help",
    "for the purposes of": "to / for",
    "hereby": "(leave out)",
    "herein": "here / in this notice",
    "hereinafter": "(leave out)",
    "in accordance with": "under",
    "in the event that": "if",
    "including but not limited to": "including",
    "notwithstanding": "despite",
    "prior to": "before",
    "pursuant to": "under",
    "subsequent to": "after",
    "thereof": "of it",
    "utilise": "use",
    "utilize": "use",
    "whereby": "by which",
    "with regard to": "about",
}
# Qualifiers WP260 (para. 13) names as making a notice vague.
VAGUE: tuple[str, ...] = (
    "may",
    "might",
    "some",
    "often",
    "possibly",
    "certain",
    "various",
    "from time to time",
    "as necessary",
    "such as necessary",
)


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def flesch_reading_ease(self) -> float:
        """Flesch (1948): 206.835 - 1.015 words/sentence - 84.6 syllables/word; 60+ is plain."""
        if not self.words:
            return 100.0
        return (
            206.835
            - 1.015 * self.words / max(self.sentences, 1)
            - 84.6 * self.syllables / self.words
        )


def syllables(word: str) -> int:
    """English syllables by vowel groups, with the usual corrections (silent e, -le, -ed)."""
    word = word.lower().strip("'’-")
    if len(word) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1
    if word.endswith("ed") and not word.endswith(("ted", "ded")):
        count -= 1
    return max(count, 1)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def readability(text: str) -> Readability:
    words = _WORD.findall(text)
    return Readability(len(words), len(sentences(text)), sum(syllables(w) for w in words))


def _prose(notice: PrivacyNotice, locale: str) -> Iterator[tuple[tuple, str]]:
    """Paragraph texts (descriptions, highlights) in `locale`, untranslated ones skipped."""
    for loc, text in iter_texts(notice):
        if isinstance(text, LongText) and text.has(locale, notice.default_locale):
            yield loc, text.get(locale, notice.default_locale)


def _english(notice: PrivacyNotice) -> str | None:
    return next((x for x in notice.all_locales if x == "en" or x.startswith("en-")), None)


@rule(
    "plain-readability",
    profile="plain-language",
    severity="warning",
    reference="GDPR Art. 12(1); WP260 para. 11",
)
def reading_ease(notice: PrivacyNotice) -> Iterator[tuple]:
    locale = _english(notice)
    if locale is None:
        return
    target = notice.presentation.reading_ease_target if notice.presentation else 50
    for loc, text in _prose(notice, locale):
        score = readability(text)
        if score.words >= MIN_WORDS_FOR_SCORE and score.flesch_reading_ease < target:
            yield (
                loc,
                msg(
                    "plain-readability.hard",
                    score=f"{score.flesch_reading_ease:.0f}",
                    target=target,
                ),
            )


@rule(
    "plain-long-sentences",
    profile="plain-language",
    severity="warning",
    reference="WP260 para. 11; ISO/IEC 29184 5.2.5",
)
def long_sentences(notice: PrivacyNotice) -> Iterator[tuple]:
    for locale in notice.all_locales:
        for loc, text in _prose(notice, locale):
            for sentence in sentences(text):
                count = len(sentence.split())
                if count > LONG_SENTENCE_WORDS:
                    yield (
                        loc,
                        msg(
                            "plain-long-sentences.long",
                            count=count,
                            lang=locale,
                            limit=LONG_SENTENCE_WORDS,
                            sentence=sentence[:60],
                        ),
                    )


@rule(
    "plain-jargon",
    profile="plain-language",
    severity="warning",
    reference="WP260 para. 12",
)
def jargon(notice: PrivacyNotice) -> Iterator[tuple]:
    locale = _english(notice)
    if locale is None:
        return
    for loc, text in iter_texts(notice):
        lowered = (
            text.get(locale, notice.default_locale).lower()
            if text.has(locale, notice.default_locale)
            else ""
        )
        for phrase, plain in JARGON.items():
            if re.search(rf"\b{re.escape(phrase)}\b", lowered):
                yield loc, msg("plain-jargon.found", phrase=phrase, plain=plain)


@rule(
    "plain-vague",
    profile="plain-language",
    severity="warning",
    reference="WP260 para. 13",
)
def vague(notice: PrivacyNotice) -> Iterator[tuple]:
    locale = _english(notice)
    if locale is None:
        return
    for loc, text in _prose(notice, locale):
        lowered = text.lower()
        found = [w for w in VAGUE if re.search(rf"\b{re.escape(w)}\b", lowered)]
        if found:
            yield (
                loc,
                msg("plain-vague.found", words=[repr(w) for w in found]),
            )


@rule(
    "plain-first-layer",
    profile="plain-language",
    severity="warning",
    reference="WP260 para. 36-38",
)
def first_layer(notice: PrivacyNotice) -> Iterator[tuple]:
    for index, purpose in enumerate(notice.purposes):
        if purpose.impact != "high" and not purpose.surprising:
            continue
        practices = [p for p in notice.practices if purpose.id in p.purposes]
        if practices and not any(p.first_layer for p in practices):
            yield (
                ("purposes", index),
                msg("plain-first-layer.missing", purpose=purpose.id),
            )
