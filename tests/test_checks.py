"""Compliance and plain-language rules: each one fires on the problem it names, and only then."""

from __future__ import annotations

import pytest

from notice_builder.checks import (
    PROFILES,
    default_profiles,
    get,
    names,
    parse_profiles,
    rules,
    run_checks,
)
from notice_builder.io import load_notice
from notice_builder.model import PrivacyNotice
from notice_builder.resources import example_path

from .conftest import EXAMPLES


def _complete(data: dict) -> dict:
    """Make the small notice pass every GDPR and CCPA rule, so a test can break one thing."""
    channel = [{"kind": "email", "email": "privacy@acme.example"}]
    data["jurisdictions"] = ["EU", "US-CA"]
    data["url"] = "https://acme.example/privacy"
    data["dpo"] = {"email": "dpo@acme.example"}
    data["supervisory_authorities"] = [{"name": "DPC", "country": "IE"}]
    data["rights"] = [
        {"kind": k, "channels": channel}
        for k in (
            "access",
            "rectification",
            "erasure",
            "restriction",
            "portability",
            "object",
            "complain_authority",
            "ccpa_know",
            "ccpa_delete",
            "ccpa_correct",
        )
    ] + [{"kind": "ccpa_non_discrimination"}]
    data["choices"] = {"gpc": {"honored": True}}
    for cat in data["data_categories"]:
        cat["description"] = {"en": "What it is.", "ar": "ما هي."}
    return data


def _found(
    data: dict, profiles=("gdpr", "ccpa", "plain-language", "translations")
) -> dict[str, list]:
    notice = PrivacyNotice.model_validate(data)
    found: dict[str, list] = {}
    for f in run_checks(notice, profiles):
        found.setdefault(f.rule, []).append(f)
    return found


def test_complete_notice_has_no_findings(notice_data):
    assert _found(_complete(notice_data)) == {}


def test_coffee_shop_sample_passes_every_check():
    notice = load_notice(example_path())
    findings = run_checks(notice, list(PROFILES))
    assert [f for f in findings if f.severity != "info"] == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_checks_without_crashing(path):
    notice = load_notice(path)
    for finding in run_checks(notice, list(PROFILES)):
        assert finding.message and finding.reference and finding.rule in names()


def test_missing_legal_basis(notice_data):
    data = _complete(notice_data)
    del data["purposes"][0]["legal_basis"]
    [f] = _found(data)["gdpr-legal-basis"]
    assert f.severity == "error" and f.dotted == "purposes[0].legal_basis"
    assert f.reference.startswith("GDPR Art. 13(1)(c)")


def test_legitimate_interest_must_be_stated(notice_data):
    data = _complete(notice_data)
    data["purposes"][0]["legal_basis"] = "legitimate_interests"
    found = _found(data)
    assert found["gdpr-legitimate-interest"][0].dotted == "purposes[0].legitimate_interest"
    # Legitimate interests also call for the right to object, shown apart (Art. 21(4)).
    assert found["gdpr-object-highlighted"][0].dotted == "rights[5].highlight"


def test_controller_contact_required(notice_data):
    data = _complete(notice_data)
    data["controller"] = {"name": "Acme"}
    assert "address, email or contact form" in _found(data)["gdpr-controller"][0].message


def test_controller_outside_eea_needs_representative(notice_data):
    data = _complete(notice_data)
    data["controller"]["address"] = {"country": "US"}
    [f] = _found(data)["gdpr-controller"]
    assert f.dotted == "representative" and "outside the EEA" in f.message
    data["representative"] = {"name": "Acme EU", "email": "eu@acme.example"}
    assert "gdpr-controller" not in _found(data)


def test_transfer_outside_eea_needs_safeguard(notice_data):
    data = _complete(notice_data)
    data["recipients"][0]["countries"] = ["IE", "US"]
    [f] = _found(data)["gdpr-transfers"]
    assert "in US, outside the EEA" in f.message
    data["transfers"] = [{"destination": "US", "recipients": ["host"], "mechanism": "sccs"}]
    [f] = _found(data)["gdpr-transfers"]
    assert f.dotted == "transfers[0].copy_available_at"
    data["transfers"][0]["copy_available_at"] = "https://acme.example/sccs"
    assert "gdpr-transfers" not in _found(data)


def test_retention_required_for_every_practice(notice_data):
    data = _complete(notice_data)
    del data["practices"][0]["retention"]
    found = _found(data)
    assert found["gdpr-retention"][0].dotted == "practices[0].retention"
    assert found["ccpa-retention"][0].reference.startswith("11 CCR §7012(e)(4)")


def test_gdpr_rights_listed_and_usable(notice_data):
    data = _complete(notice_data)
    data["rights"] = [r for r in data["rights"] if r["kind"] != "portability"]
    data["rights"][0]["channels"] = []
    found = _found(data)["gdpr-rights"]
    assert [(f.severity, f.message) for f in found] == [
        ("error", "the right of portability is missing"),
        ("warning", "say how to use the right of access"),
    ]


def test_consent_needs_withdrawal(notice_data):
    data = _complete(notice_data)
    data["purposes"][0]["legal_basis"] = "consent"
    found = _found(data)["gdpr-withdraw-consent"]
    assert [f.severity for f in found] == ["error", "warning"]


def test_complaint_right(notice_data):
    data = _complete(notice_data)
    data["rights"] = [r for r in data["rights"] if r["kind"] != "complain_authority"]
    data["supervisory_authorities"] = []
    assert len(_found(data)["gdpr-complaint"]) == 2


def test_provision_requirement_for_contract_data(notice_data):
    data = _complete(notice_data)
    data["practices"][0]["necessity"] = "contract"
    [f] = _found(data)["gdpr-provision"]
    assert f.dotted == "practices[0].consequences_if_not_provided"


def test_automated_decision_needs_the_art22_right(notice_data):
    data = _complete(notice_data)
    data["automated_decisions"] = [
        {"id": "score", "label": "Credit score", "logic": "Points.", "significance": "Limits."}
    ]
    data["practices"][0]["automated_decision"] = "score"
    [f] = _found(data)["gdpr-automated-decisions"]
    assert f.severity == "error" and "not to be subject" in f.message


def test_special_category_needs_art9_condition(notice_data):
    data = _complete(notice_data)
    data["data_categories"].append(
        {"id": "heart", "label": "Heart rate", "kind": "health.medical", "description": "BPM"}
    )
    data["practices"][0]["data"].append("heart")
    [f] = _found(data)["gdpr-special-categories"]
    assert "special category data (heart)" in f.message
    data["purposes"][0]["art9_condition"] = "a"
    assert "gdpr-special-categories" not in _found(data)


def test_children_consent(notice_data):
    data = _complete(notice_data)
    data["purposes"][0]["legal_basis"] = "consent"
    data["children"] = {"targets_children": True}
    paths = [f.dotted for f in _found(data)["gdpr-children"]]
    assert paths == ["children.gdpr_consent_age", "children.parental_consent"]


def test_third_party_data_needs_named_source_and_timing(notice_data):
    data = _complete(notice_data)
    data["data_categories"][1]["source"] = "third_party"
    found = _found(data)["gdpr-indirect-sources"]
    assert [f.dotted for f in found] == [
        "data_categories[1].sources",
        "presentation.delivery_timing",
    ]


def test_selling_requires_opt_out_link_and_gpc(notice_data):
    data = _complete(notice_data)
    data["practices"][0]["sold"] = True
    data["choices"] = {"gpc": {"honored": False}}
    found = _found(data)
    assert found["ccpa-opt-out-link"][0].dotted == "choices.do_not_sell_or_share_url"
    assert found["ccpa-gpc"][0].severity == "error"
    assert "ccpa_opt_out_sale_share" in found["ccpa-rights"][0].message


def test_sensitive_use_needs_limit_link(notice_data):
    data = _complete(notice_data)
    data["choices"]["spi_used_beyond_permitted"] = True
    assert _found(data)["ccpa-limit-spi"][0].dotted == "choices.limit_spi_url"


def test_unused_category_reported_for_ccpa(notice_data):
    data = _complete(notice_data)
    data["data_categories"].append(
        {"id": "spare", "label": {"en": "Spare", "ar": "إضافي"}, "description": "x"}
    )
    [f] = _found(data)["ccpa-purposes"]
    assert f.dotted == "data_categories[2]"


def test_ccpa_category_code_needed(notice_data):
    data = _complete(notice_data)
    data["data_categories"][0]["kind"] = "content.files"  # no CCPA category in the crosswalk
    [f] = _found(data)["ccpa-categories"]
    assert "codes.ccpa" in f.message


def test_missing_translation_falls_back_and_is_reported(notice_data):
    data = _complete(notice_data)
    data["purposes"][0]["description"] = {"en": "We run your account."}
    [f] = _found(data)["translations-missing"]
    assert f.dotted == "purposes[0].description"
    assert f.message == "missing 'ar' translation; the 'en' text will be shown"


def test_undeclared_translation_noted(notice_data):
    data = _complete(notice_data)
    data["title"]["fr"] = "Avis"
    [f] = _found(data)["translations-undeclared"]
    assert f.severity == "info" and "'fr'" in f.message


def test_hard_english_text_scored(notice_data):
    data = _complete(notice_data)
    data["purposes"][0]["description"] = {
        "en": "Organisational administrative infrastructure necessitates comprehensive "
        "authentication, authorisation and identification verification procedures "
        "notwithstanding operational considerations.",
        "ar": "نص.",
    }
    [f] = _found(data)["plain-readability"]
    assert "Flesch reading ease" in f.message


def test_long_sentences_jargon_and_vague_words(notice_data):
    data = _complete(notice_data)
    long = " ".join(["word"] * 30) + "."
    data["purposes"][0]["description"] = {
        "en": f"{long} Pursuant to the contract we may share some data.",
        "ar": "نص.",
    }
    found = _found(data)
    assert "30-word sentence" in found["plain-long-sentences"][0].message
    assert "'pursuant to': write 'under'" in found["plain-jargon"][0].message
    assert "'may', 'some'" in found["plain-vague"][0].message


def test_surprising_purpose_must_be_in_first_layer(notice_data):
    data = _complete(notice_data)
    data["purposes"][0]["surprising"] = True
    data["practices"][0]["first_layer"] = False
    assert _found(data)["plain-first-layer"][0].dotted == "purposes[0]"


def test_profiles_chosen_from_jurisdictions(notice_data):
    notice = PrivacyNotice.model_validate(notice_data)
    assert default_profiles(notice) == ["gdpr", "plain-language", "translations"]
    notice_data["jurisdictions"] = ["US-CA"]
    notice = PrivacyNotice.model_validate(notice_data)
    assert default_profiles(notice) == ["ccpa", "plain-language", "translations"]


def test_unknown_profile_and_rule_list_known_ones():
    with pytest.raises(ValueError, match=r"unknown profile 'hipaa' \(known: gdpr, ccpa"):
        parse_profiles("gdpr,hipaa")
    with pytest.raises(KeyError, match="known: gdpr-controller"):
        get("nope")


def test_every_rule_documented():
    for r in rules():
        assert r.title and r.reference and r.profile in PROFILES
