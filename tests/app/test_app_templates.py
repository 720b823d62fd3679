"""Templates: each is a valid notice that passes its profile's checks, and the app creates from it."""

from __future__ import annotations

import json

import app_testkit
import pytest

from notice_builder.app import ids
from notice_builder.app.callbacks import flows
from notice_builder.app.layout import build_layout
from notice_builder.cli import main
from notice_builder.io import loads_notice
from notice_builder.resources import (
    BLANK_TEMPLATE,
    SAMPLE_NAME,
    template_names,
    template_path,
    template_text,
)

store = app_testkit.store

# The profile each template is written for: the blank one names no jurisdiction yet.
PROFILES = {
    SAMPLE_NAME: "gdpr,ccpa,plain-language,translations",
    "gdpr": "gdpr,plain-language,translations",
    "ccpa": "ccpa,plain-language,translations",
    BLANK_TEMPLATE: "plain-language,translations",
}


def test_the_four_templates_are_offered_in_order():
    assert template_names() == [SAMPLE_NAME, "gdpr", "ccpa", BLANK_TEMPLATE]
    assert [c["value"] for c in flows.template_choices()] == template_names()
    assert flows.template_choices()[1]["label"] == "GDPR only (EU)"


def test_an_unknown_template_lists_the_known_ones():
    with pytest.raises(KeyError, match="unknown template 'nope' .known: coffee-shop, gdpr"):
        template_text("nope")
    with pytest.raises(KeyError, match="unknown template"):
        template_path("../examples/coffee-shop")


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_each_template_passes_notice_builder_check_with_no_errors(name, capsys):
    path = template_path(name)
    code = main(["check", str(path), "--profile", PROFILES[name], "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert code == 0 and errors == []


def test_the_gdpr_template_covers_article_13():
    notice = loads_notice(template_text("gdpr"))
    assert notice.jurisdictions == ["EU"]
    assert notice.controller.name == "Your company name"
    assert notice.dpo is not None and notice.supervisory_authorities
    assert {p.legal_basis for p in notice.purposes} >= {"contract", "legitimate_interests"}
    rights = {r.kind for r in notice.rights}
    assert {"access", "erasure", "object", "complain_authority", "withdraw_consent"} <= rights
    assert all(p.retention for p in notice.practices)


def test_the_ccpa_template_is_a_notice_at_collection():
    notice = loads_notice(template_text("ccpa"))
    assert notice.jurisdictions == ["US-CA"]
    letters = {letter for c in notice.data_categories for letter in c.code("ccpa")}
    assert {"A", "B", "D", "F", "G", "K"} <= letters
    assert notice.choices.do_not_sell_or_share_url is not None
    assert notice.choices.gpc.honored
    assert notice.choices.spi_used_beyond_permitted is False
    assert any(p.shared_for_ads for p in notice.practices)
    assert {"ccpa_know", "ccpa_delete", "ccpa_opt_out_sale_share"} <= {
        r.kind for r in notice.rights
    }


@pytest.mark.parametrize("name", ["gdpr", "ccpa"])
def test_placeholders_are_there_for_a_legal_team_to_replace(name):
    text = template_text(name)
    assert "Your company name" in text and "example.com" in text


@pytest.mark.parametrize("name", template_names())
def test_create_from_a_template_opens_a_new_notice(store, name):
    before = len(store.list())
    result = flows.create_from_template(store, name)
    assert result.ok, result.message
    assert result.text == template_text(name)
    draft = store.get(result.current["id"])
    assert draft.version == 1 and draft.info.template == name
    assert draft.version_info.message == f"New from template: {flows.template_label(name)}"
    assert len(store.list()) == before + 1
    assert ("placeholder" in result.message) == (name != SAMPLE_NAME)


@pytest.mark.parametrize("name", [None, "", "nope", "../examples/coffee-shop", 5, ["gdpr"]])
def test_a_bad_template_choice_creates_nothing(store, name):
    before = len(store.list())
    result = flows.create_from_template(store, name)
    assert result.kind == "error" and result.current is None
    assert "known: coffee-shop" in result.message or "Pick a template" in result.message
    assert len(store.list()) == before


def _find(tree, id):
    if getattr(tree, "id", None) == id:
        return tree
    children = getattr(tree, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str | int | float):
            found = _find(child, id)
            if found is not None:
                return found
    return None


def test_the_page_has_a_labelled_template_picker_and_create(store):
    page = build_layout(store)
    picker = _find(page, ids.TEMPLATE)
    assert picker.label == "New notice from a template"
    assert [d["value"] for d in picker.data] == template_names()
    assert picker.value == SAMPLE_NAME
    assert _find(page, ids.CREATE).children == "Create"
