"""The `stores` check profile: contradictions between practices and store labels, and what the
labels drop."""

from __future__ import annotations

from notice_builder.checks import PROFILES, default_profiles, names, run_checks
from notice_builder.io import validate_notice

RULES = (
    "store-google-mapping",
    "store-apple-mapping",
    "store-shared-without-recipient",
    "store-tracking-anonymised",
    "store-tracking-purpose",
    "store-deletion-link",
)


def _found(data: dict) -> dict[str, list]:
    found: dict[str, list] = {}
    for f in run_checks(validate_notice(data), ["stores"]):
        found.setdefault(f.rule, []).append((f.severity, f.dotted, f.message))
    return found


def test_rules_are_registered_in_their_own_profile():
    assert "stores" in PROFILES
    assert set(RULES) <= set(names())


def test_off_unless_asked(example):
    assert "stores" not in default_profiles(example("coffee-shop"))


def test_coffee_shop_has_notes_but_no_warnings(example):
    findings = run_checks(example("coffee-shop"), ["stores"])
    assert findings and all(f.severity == "info" for f in findings)
    merged = [f for f in findings if f.rule == "store-google-mapping" and "together" in f.message]
    assert merged[0].dotted == "practices[4].data"
    assert "'email-engagement', 'app-activity'" in merged[0].message


def test_sold_data_without_a_third_party(notice_data):
    notice_data["practices"][0]["sold"] = True
    (finding,) = _found(notice_data)["store-shared-without-recipient"]
    assert finding[:2] == ("warning", "practices[0].recipients")
    notice_data["recipients"].append({"id": "broker", "name": "Brokr", "kind": "data_broker"})
    notice_data["practices"][0]["recipients"].append("broker")
    assert "store-shared-without-recipient" not in _found(notice_data)


def test_tracking_contradictions(notice_data):
    practice = notice_data["practices"][0]
    practice["tracking"] = True
    practice["identifiability"] = "anonymised"
    found = _found(notice_data)
    assert found["store-tracking-anonymised"][0][1] == "practices[0].identifiability"
    assert found["store-tracking-purpose"][0][1] == "practices[0].tracking"
    notice_data["purposes"][0]["kind"] = "ads.targeted"
    practice["identifiability"] = "linked"
    found = _found(notice_data)
    assert "store-tracking-anonymised" not in found and "store-tracking-purpose" not in found


def test_accounts_need_a_deletion_link(notice_data):
    (finding,) = _found(notice_data)["store-deletion-link"]
    assert finding[1] == "purposes[0].kind"
    notice_data["rights"] = [
        {"kind": "erasure", "channels": [{"kind": "web", "url": "https://acme.example/delete"}]}
    ]
    assert "store-deletion-link" not in _found(notice_data)


def test_a_category_no_store_has_is_noted(notice_data):
    notice_data["data_categories"][1]["kind"] = "sensor.environment"
    found = _found(notice_data)
    assert any("no App Store Connect data type" in m for _, _, m in found["store-apple-mapping"])
