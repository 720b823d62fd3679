"""Words for people who cannot see the picture: the alt text (short, per layout, in the notice's
language, shortened without cutting words) and the long description (read from the scene, in
reading order, mirrored for Arabic)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import regex
import yaml

from notice_builder.export import get_preset
from notice_builder.export.describe import ALT_LIMIT, alt_text, graphemes, long_description
from notice_builder.export.formats import fit_scene
from notice_builder.i18n import t
from notice_builder.io import load_notice
from notice_builder.layout import layout_names, render
from notice_builder.model import PrivacyNotice
from notice_builder.render.scene import Group, Scene
from notice_builder.render.scene import Text as TextShape

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
ARABIC = regex.compile(r"\p{Arabic}")
LATIN = regex.compile(r"\p{Latin}")


@pytest.fixture(scope="module")
def coffee():
    return load_notice(ROOT / "examples" / "coffee-shop.yaml")


@pytest.fixture(scope="module")
def glance(coffee):
    return {locale: render(coffee, "at-a-glance", "light", locale) for locale in ("en", "ar")}


def _cases():
    for path in EXAMPLES:
        notice = load_notice(path)
        for locale in notice.all_locales:
            for layout in layout_names():
                yield pytest.param(notice, layout, locale, id=f"{path.stem}-{layout}-{locale}")


@pytest.mark.parametrize(("notice", "layout", "locale"), list(_cases()))
def test_alt_text_is_short_and_in_the_notice_language(notice, layout, locale):
    alt = alt_text(notice, layout, locale)
    assert 0 < graphemes(alt) <= ALT_LIMIT
    assert alt == alt.strip() and "\n" not in alt and alt.endswith(".")
    # It names the picture: the notice's title in that locale.
    assert notice.title.get(locale, notice.default_locale) in alt
    arabic, latin = len(ARABIC.findall(alt)), len(LATIN.findall(alt))
    if locale == "ar":
        assert arabic > latin, alt
    else:
        assert arabic == 0, alt


def test_coffee_shop_alt_texts_read_well(coffee):
    assert alt_text(coffee, "at-a-glance", "en") == (
        "Brewline Rewards privacy notice at a glance: 8 kinds of data, never sold, shared with "
        "2 service providers, kept up to 6 years, opt out in 2 clicks."
    )
    assert alt_text(coffee, "email-banner", "en") == (
        "Brewline Rewards privacy notice at a glance: never sold, shared with 2 service "
        "providers, opt out in 2 clicks. Read the full notice."
    )
    assert alt_text(coffee, "email-banner", "ar") == (
        "إشعار الخصوصية لتطبيق مكافآت برولاين في لمحة: لا نبيعها أبدًا، نشاركها مع مزوّدَي خدمة، "
        "ألغِ الاشتراك بنقرتين. اقرأ الإشعار الكامل."
    )
    # A proper name in a fact keeps its capitals inside the sentence.
    assert "Global Privacy Control honoured" in alt_text(coffee, "rights-and-choices", "en")
    # Without a locale: the notice's default.
    assert alt_text(coffee, "at-a-glance") == alt_text(coffee, "at-a-glance", "en")


def test_alt_text_follows_the_facts(notice_data):
    notice_data["practices"][0]["sold"] = True
    notice = PrivacyNotice.model_validate(notice_data)
    alt = alt_text(notice, "at-a-glance", "en")
    assert "sold to others" in alt and "never sold" not in alt
    assert "2 kinds of data" in alt and "shared with 1 service provider" in alt
    assert "opt out" not in alt  # no opt-outs in this notice: no fact invented
    assert "نوعان من البيانات" in alt_text(notice, "at-a-glance", "ar")


def test_an_unknown_layout_gets_a_generic_alt_text(coffee):
    alt = alt_text(coffee, "some-custom-layout", "en")
    assert alt.startswith("Brewline Rewards privacy notice: 8 kinds of data, never sold")


def _facts_of(alt: str, separator: str) -> list[str]:
    return alt.split(": ", 1)[1].rstrip(".").split(separator)


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_a_long_title_drops_the_least_important_facts_whole(notice_data, locale):
    notice_data["title"] = {
        "en": " ".join(["Extraordinarily"] * 12),
        "ar": " ".join(["استثنائيًا"] * 17),
    }
    notice_data["practices"][0]["sold"] = True
    notice = PrivacyNotice.model_validate(notice_data)
    full = alt_text(notice, "nutrition-label", locale, limit=10_000)
    short = alt_text(notice, "nutrition-label", locale)
    assert graphemes(full) > ALT_LIMIT >= graphemes(short)
    separator = t("describe.separator", locale)
    kept, every = _facts_of(short, separator), _facts_of(full, separator)
    assert kept and set(kept) < set(every)  # whole facts, some left out
    assert [f for f in every if f in kept] == kept  # in the picture's order
    sold = t("fact.sold", locale)
    assert any(f.lower() == sold.lower() for f in kept)  # the most important stays
    assert short.endswith(".")


def test_a_title_too_long_for_any_fact_is_shortened_at_a_word(notice_data):
    words = [f"word{i}" for i in range(40)]  # 40 words, 269 graphemes
    notice_data["title"] = {"en": " ".join(words)[:200].rsplit(" ", 1)[0]}
    notice = PrivacyNotice.model_validate(notice_data)
    for limit in (ALT_LIMIT, 120, 60):
        alt = alt_text(notice, "at-a-glance", "en", limit=limit)
        assert graphemes(alt) <= limit
        shown = alt.split(" at a glance")[0].removesuffix("…").split()
        assert shown and all(w in words for w in shown), alt  # never a word cut in two
    assert "…" in alt and alt.endswith(" at a glance.")  # at 60: the title shortened, no facts


def test_graphemes_not_code_points_are_counted(notice_data):
    judge = "\U0001f469\U0001f3fd\u200d\u2696\ufe0f"  # one user-perceived character, 5 code points
    notice_data["title"] = {"en": " ".join([judge] * 60), "ar": " ".join([judge] * 60)}
    notice = PrivacyNotice.model_validate(notice_data)
    alt = alt_text(notice, "at-a-glance", "en")
    assert len(alt) > ALT_LIMIT >= graphemes(alt)
    assert alt == alt_text(notice, "at-a-glance", "en", limit=10_000)  # nothing left out


def test_the_long_description_is_what_at_a_glance_draws(coffee, glance):
    for locale, rendered in glance.items():
        text = long_description(rendered)
        for category in coffee.data_categories:
            assert category.label.get(locale, "en") in text.splitlines()
        drawn = {
            " ".join(line.split())
            for shape in _shapes(rendered)
            for line in shape.block.text.splitlines()
        }
        assert {line for line in text.splitlines() if line} <= drawn
    ar = long_description(glance["ar"])
    assert ARABIC.search(ar) and "ما نجمعه" in ar and "لماذا نستخدمه" in ar


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_the_long_description_reads_from_the_start_edge(glance, locale):
    text = long_description(glance[locale])
    lines = text.splitlines()
    # The title first; the row of facts in logical order (the right-most first in Arabic,
    # where the picture is mirrored); "What we collect" (start side) before "Why we use it".
    title = {"en": "Brewline Rewards privacy notice", "ar": "إشعار الخصوصية لتطبيق مكافآت برولاين"}
    assert lines[0] == title[locale]
    facts = [t("fact.categories", locale, count=8), t("fact.never_sold", locale)]
    assert lines.index(facts[0]) < lines.index(facts[1])
    assert lines.index(t("section.collect", locale)) < lines.index(t("section.why", locale))
    # Blocks are paragraphs.
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 6  # header, key facts, what we collect, why, promises, footer
    assert paragraphs[1].splitlines()[0] == facts[0]


def test_the_long_description_survives_fitting_and_scaling(coffee):
    rendered = render(coffee, "email-banner", "light", "ar")
    fitted, factor = fit_scene(rendered.scene, get_preset("email"), "email-banner")
    scaled, _ = fit_scene(rendered.scene, replace(get_preset("email"), width=900), "email-banner")
    assert long_description(fitted) == long_description(rendered) == long_description(scaled)


def _shapes(rendered) -> list[TextShape]:
    return [s for s, _, _ in rendered.scene.walk() if isinstance(s, TextShape)]


def test_repeated_neighbours_are_dropped_and_rows_mirror(glance):
    first, second = _shapes(glance["en"])[:2]
    one, other = first.block.text, second.block.text

    def scene(direction, *elements):
        return Scene(100, 100, "t", "d", "en", direction, None, tuple(elements))

    twice = Group((first, replace(first, y=first.y + 40)), label="footer")
    assert long_description(scene("ltr", twice)) == one
    # Two blocks side by side: the left one first, or the right one in right-to-left.
    left = Group((replace(first, x=0, y=0),), label="purposes", dx=0, dy=10, height=50)
    right = Group((replace(second, x=0, y=0),), label="sharing", dx=2000, dy=10, height=50)
    below = Group((replace(first, x=0, y=0),), label="footer", dx=0, dy=200, height=50)
    assert long_description(scene("ltr", right, below, left)) == f"{one}\n\n{other}\n\n{one}"
    # ... and the footer repeating the line just before it is left out.
    assert long_description(scene("rtl", left, below, right)) == f"{other}\n\n{one}"


def test_the_catalogues_say_the_same_things_in_both_languages():
    folder = ROOT / "notice_builder" / "i18n"
    en = yaml.safe_load((folder / "en" / "email.yaml").read_text(encoding="utf-8"))
    ar = yaml.safe_load((folder / "ar" / "email.yaml").read_text(encoding="utf-8"))
    assert en.keys() == ar.keys()
    assert all(k.startswith(("email.", "describe.")) for k in en)
    for key, value in ar.items():
        if isinstance(value, dict):
            assert {"one", "two", "few", "many", "other"} <= value.keys(), key
    assert t("email.at_a_glance", "ar") == "إشعار الخصوصية في لمحة"
    assert t("email.at_a_glance", "en") == "Privacy notice at a glance"
