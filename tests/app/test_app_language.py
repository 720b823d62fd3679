"""The interface language: catalogues complete in both languages, Arabic plurals, the choice
from the address, cookie and browser, and the page drawn right to left."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import app_testkit
import pytest
import yaml
from app_testkit import by_id, children_text, walk

from notice_builder.app import ids, language, views
from notice_builder.app.callbacks.flows import TEMPLATE_LABELS
from notice_builder.app.callbacks.report import exportable
from notice_builder.app.forms.spec import SECTIONS
from notice_builder.app.language import tr
from notice_builder.app.layout import build_layout
from notice_builder.charts import chart_names
from notice_builder.export import preset_names
from notice_builder.i18n import FSI, PDI
from notice_builder.io.report_csv import HEADER
from notice_builder.layout import layout_names
from notice_builder.render.theme import theme_names

store = app_testkit.store
app = app_testkit.app

ROOT = Path(__file__).resolve().parents[2]
APP_DIR = ROOT / "notice_builder" / "app"
CATALOGUES = ROOT / "notice_builder" / "i18n"
PLURALS_AR = {"zero", "one", "two", "few", "many", "other"}


def _catalogue(lang: str) -> dict:
    """The interface's messages: `app.yaml` and the `app-<part>.yaml` files beside it."""
    merged: dict = {}
    for path in sorted((CATALOGUES / lang).glob("app*.yaml")):
        merged.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return merged


def _used_keys() -> tuple[set[str], set[str]]:
    """Keys the app's code asks for: literal `tr("a.b")`, and prefixes of `tr(f"a.{x}")`."""
    literal, prefixes = set(), set()
    for path in APP_DIR.rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        literal |= set(re.findall(r'\btr\(\s*"([a-z0-9_.\-]+)"', code))
        prefixes |= set(re.findall(r'\btr\(\s*f"([a-z0-9_.\-]+)\{', code))
    return literal, prefixes


def _fields(message) -> set[str]:
    texts = message.values() if isinstance(message, dict) else [message]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


# --- the catalogues ------------------------------------------------------------------------------


def test_every_key_the_app_uses_is_in_both_catalogues_and_none_is_unused():
    en, ar = _catalogue("en"), _catalogue("ar")
    literal, prefixes = _used_keys()
    assert literal and prefixes  # the scan found the app's calls
    wanted = {f"app.{k}" for k in literal}
    assert sorted(wanted - en.keys()) == []
    assert sorted(wanted - ar.keys()) == []
    # Keys asked for by a computed name: each family is exactly what the code can ask for.
    families = {
        "form.section.": {key for key, _, _ in SECTIONS},
        "severity.": set(views.SEVERITY_COLOURS),
        "change.": set(views.KIND_COLOURS),
        "brand.use_": {"primary", "accent"},
        "report.column.": set(HEADER),
        "report.export.": set(exportable()),
        "templates.name.": set(TEMPLATE_LABELS),
        # Names in the pickers and the gallery (app-names.yaml).
        "names.layout.": set(layout_names()),
        "names.about.": set(layout_names()),
        "names.theme.": set(theme_names()),
        "names.preset.": set(preset_names()),
        "names.chart.": set(chart_names()),
        "names.language.": set(language.LANGUAGES),
    }
    assert set(families) == prefixes
    for prefix, names in families.items():
        family = {k.removeprefix(f"app.{prefix}") for k in en if k.startswith(f"app.{prefix}")}
        assert family == names, prefix
        wanted |= {f"app.{prefix}{name}" for name in names}
    assert sorted(en.keys() - wanted) == [], "unused keys in en/app.yaml"
    assert sorted(ar.keys() - en.keys()) == [], "keys only in ar/app.yaml"


def test_both_catalogues_fill_in_the_same_values():
    en, ar = _catalogue("en"), _catalogue("ar")
    for key, message in en.items():
        assert _fields(ar[key]) == _fields(message), key
        if isinstance(message, dict):
            assert set(ar[key]) == PLURALS_AR, f"{key}: Arabic needs all six plural forms"
        # The Arabic text is Arabic, not an English copy left behind.
        texts = ar[key].values() if isinstance(ar[key], dict) else [ar[key]]
        assert all(re.search("[\u0600-\u06ff]", t) for t in texts), key


def test_arabic_counts_take_their_plural_forms():
    with language.using("ar"):
        said = {n: tr("problems.count", n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 102)}
    assert said[0].startswith("لا توجد مشكلات")
    assert said[1].startswith("مشكلة واحدة")
    assert said[2].startswith("مشكلتان")
    assert said[3].startswith("3 مشكلات") and said[10].startswith("10 مشكلات")
    assert said[11].startswith("11 مشكلةً") and said[99].startswith("99 مشكلةً")
    assert said[100].startswith("100 مشكلة:") and said[102].startswith("102 مشكلة:")
    assert tr("problems.count", 1).startswith("1 problem:")
    assert tr("problems.count", 2).startswith("2 problems:")


def test_values_inside_arabic_sentences_are_isolated_and_english_stays_plain():
    with language.using("ar"):
        heading = tr("editor.heading", title="Brewline notice", version=12)
    assert f"{FSI}Brewline notice{PDI}" in heading and f"{FSI}12{PDI}" in heading
    assert tr("editor.heading", title="Brewline notice", version=12) == (
        "Editing: Brewline notice (v12)"
    )


def test_an_unknown_interface_language_is_refused_by_name():
    refused = pytest.raises(ValueError, match=r"unknown interface language 'fr'.*'ar', 'en'")
    with refused, language.using("fr"):
        pass


# --- choosing the language -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "cookie", "accept", "chosen"),
    [
        ("ar", "en", "en", "ar"),  # the address wins
        (None, "ar", "en-GB,en", "ar"),  # then the remembered choice
        ("xx", None, "ar-EG,ar;q=0.9,en;q=0.5", "ar"),  # an unknown ?lang= is ignored
        (None, None, "en-GB,en;q=0.9,ar;q=0.8", "en"),
        (None, None, "fr-FR, ar;q=0.5, en;q=0.3", "ar"),
        (None, None, "ar;q=0, en", "en"),  # q=0: "not this one"
        (None, None, "de", "en"),
        (None, None, None, "en"),
    ],
)
def test_the_language_comes_from_the_address_then_the_cookie_then_the_browser(
    query, cookie, accept, chosen
):
    assert language.choose(query, cookie, accept) == chosen


def test_the_address_choice_is_remembered_and_sets_the_page_direction(app):
    client = app.server.test_client()
    page = client.get("/?lang=ar")
    assert '<html lang="ar" dir="rtl">' in page.get_data(as_text=True)
    assert f"{language.COOKIE}=ar" in page.headers["Set-Cookie"]
    # The page's layout request carries the cookie: drawn in Arabic.
    layout = json.dumps(client.get("/_dash-layout").get_json(), ensure_ascii=False)
    assert "منشئ الإشعارات" in layout and "Notice builder" not in layout
    back = client.get("/?lang=en")
    assert '<html lang="en" dir="ltr">' in back.get_data(as_text=True)
    layout = json.dumps(client.get("/_dash-layout").get_json(), ensure_ascii=False)
    assert "Notice builder" in layout


def test_an_arabic_browser_gets_arabic_on_a_first_visit_and_nothing_is_remembered(app):
    client = app.server.test_client()
    page = client.get("/", headers={"Accept-Language": "ar-SA,ar;q=0.9,en;q=0.4"})
    assert '<html lang="ar" dir="rtl">' in page.get_data(as_text=True)
    assert "Set-Cookie" not in page.headers  # only an explicit choice is kept
    plain = app.server.test_client().get("/?lang=xx")
    assert '<html lang="en" dir="ltr">' in plain.get_data(as_text=True)
    assert "Set-Cookie" not in plain.headers


# --- the page in Arabic --------------------------------------------------------------------------


def test_the_arabic_page_is_right_to_left_but_the_yaml_stays_left_to_right(store):
    tree = build_layout(store, "ar")
    assert tree.direction == "rtl"
    root = next(c for c in walk(tree) if getattr(c, "className", None) == "app")
    assert (root.lang, root.dir) == ("ar", "rtl")
    found = by_id(tree)
    assert found[ids.UI_LANGUAGE].value == "ar"
    assert found[ids.UI_LANGUAGE_SHOWN].data == "ar"
    assert found[ids.EDITOR].inputProps["dir"] == "ltr"
    assert found[ids.EDITOR].label == "الإشعار (YAML)"
    assert found[ids.SAVE].children == "حفظ"
    assert found[ids.LOCALE].value == "ar"  # the notice has Arabic: the preview opens in it
    assert found[ids.DOWNLOAD_BUTTON].children == "تنزيل"
    assert found[ids.SAVE_MESSAGE].inputProps == {"dir": "auto"}
    assert {"value": "blank", "label": "إشعار فارغ"} in found[ids.TEMPLATE].data
    english = build_layout(store, "en")
    assert english.direction == "ltr"
    assert by_id(english)[ids.SAVE].children == "Save"
    assert by_id(english)[ids.LOCALE].value == "en"
    assert by_id(english)[ids.EDITOR].inputProps["dir"] == "ltr"


def test_the_notice_open_before_a_switch_is_open_after_it(app, store):
    other = store.duplicate(store.list()[0].id, author="test")
    newest = store.list()[0].id
    assert newest == other.id
    first = next(n.id for n in store.list() if n.id != newest)
    client = app.server.test_client()
    client.set_cookie(language.OPEN_COOKIE, first)
    layout = client.get("/_dash-layout").get_json()
    assert f'"id": "{first}"' in json.dumps(layout)
    client.set_cookie(language.OPEN_COOKIE, "no-such-notice")
    layout = client.get("/_dash-layout").get_json()  # falls back to the newest notice
    assert f'"id": "{newest}"' in json.dumps(layout)


def test_page_pieces_speak_the_chosen_language():
    problems = [{"line": 3, "column": 7, "path": "title.en", "message": "too long"}]
    with language.using("ar"):
        shown = children_text(views.problem_list(problems))
        empty = views.notice_table([]).children
    assert "مشكلة واحدة" in shown and f"العمود {FSI}7{PDI}" in shown
    assert empty == "لا توجد إشعارات بعد: ابدأ إشعارًا من قالب."
    english = children_text(views.problem_list(problems))
    assert "1 problem: nothing is saved" in english and "Line 3, column 7" in english
