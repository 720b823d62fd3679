"""The model: what it accepts, what it refuses, and the cross-checks between its parts."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from notice_builder import model as m
from notice_builder.io import NoticeError, validate_notice
from notice_builder.model import IntegrityError, PrivacyNotice
from notice_builder.model.vocab import CATEGORY_CODES, PURPOSE_CODES


def _issues(data: dict) -> list[tuple[tuple, str]]:
    with pytest.raises(ValidationError) as info:
        PrivacyNotice.model_validate(data)
    error = info.value.errors()[0]["ctx"]["error"]
    assert isinstance(error, IntegrityError)
    return [(i.loc, i.message) for i in error.issues]


def _messages(data: dict) -> str:
    with pytest.raises(ValidationError) as info:
        PrivacyNotice.model_validate(data)
    return str(info.value)


def test_minimal_notice_is_valid(notice_data):
    notice = PrivacyNotice.model_validate(notice_data)
    assert notice.category("orders").code("apple") == "PURCHASE_HISTORY"
    assert notice.all_locales == ["en", "ar"]


def test_translatable_text_falls_back_to_default_locale(notice_data):
    notice_data["purposes"][0]["label"] = {"en": "Your account"}
    notice = PrivacyNotice.model_validate(notice_data)
    label = notice.purposes[0].label
    assert label.get("ar", "en") == "Your account"
    assert not label.has("ar", "en")
    assert notice.title.get("ar", "en") == "إشعار الخصوصية من أكمي"


def test_unknown_reference_names_path_and_known_ids(notice_data):
    notice_data["practices"][0]["purposes"] = ["account", "rewardz"]
    assert _issues(notice_data) == [
        (("practices", 0, "purposes", 1), "unknown purpose 'rewardz' (known: account)")
    ]


def test_every_reference_kind_is_checked(notice_data):
    p = notice_data["practices"][0]
    p["data"] = ["phone"]
    p["recipients"] = ["nobody"]
    p["retention"] = "forever"
    issues = dict(_issues(notice_data))
    assert "unknown data category 'phone'" in issues[("practices", 0, "data", 0)]
    assert "unknown recipient 'nobody' (known: host)" in issues[("practices", 0, "recipients", 0)]
    assert (
        "unknown retention rule 'forever' (known: two-years)"
        in issues[("practices", 0, "retention")]
    )


def test_duplicate_ids_are_refused(notice_data):
    notice_data["data_categories"].append(dict(notice_data["data_categories"][0]))
    assert _issues(notice_data) == [
        (("data_categories", 2, "id"), "id 'email' is already used by data_categories[0]")
    ]


def test_never_sold_commitment_contradicted_by_a_sold_practice(notice_data):
    notice_data["commitments"] = [{"id": "ns", "kind": "never_sold"}]
    notice_data["practices"][0]["sold"] = True
    [(loc, message)] = _issues(notice_data)
    assert loc == ("commitments", 0, "kind")
    assert "'never sold' is contradicted by practices[0] ('accounts')" in message


@pytest.mark.parametrize(
    ("kind", "change", "expected"),
    [
        ("no_cross_context_ads", {"shared_for_ads": True}, "shared_for_ads: true"),
        ("no_tracking", {"tracking": True}, "tracking: true"),
    ],
)
def test_other_commitments_checked_against_practices(notice_data, kind, change, expected):
    notice_data["commitments"] = [{"id": "c", "kind": kind}]
    notice_data["practices"][0].update(change)
    [(_, message)] = _issues(notice_data)
    assert expected in message


def test_no_third_party_sharing_allows_processors_but_not_ad_partners(notice_data):
    notice_data["commitments"] = [{"id": "c", "kind": "no_third_party_sharing"}]
    PrivacyNotice.model_validate(notice_data)  # a cloud host is a processor: fine
    notice_data["recipients"].append({"id": "ads", "name": "AdNet", "kind": "advertising_partner"})
    notice_data["practices"][0]["recipients"].append("ads")
    [(_, message)] = _issues(notice_data)
    assert "gives data to ads" in message


def test_default_locale_must_be_declared(notice_data):
    notice_data["default_locale"] = "fr"
    [(loc, message)] = _issues(notice_data)
    assert loc == ("default_locale",)
    assert "'fr' is not among locales" in message


def test_report_periods_unique_and_well_formed(notice_data):
    notice_data["reports"] = [{"period": "2026-Q1"}, {"period": "2026-Q1"}]
    [(loc, message)] = _issues(notice_data)
    assert loc == ("reports", 1, "period")
    notice_data["reports"] = [{"period": "Q1 2026"}]
    assert "should look like 2026, 2026-H1, 2026-Q1 or 2026-03" in _messages(notice_data)


def test_report_counts_refuse_negative_and_absurd_numbers(notice_data):
    notice_data["reports"] = [
        {"period": "2026", "requests": [{"kind": "access", "received": -1, "completed": 0}]}
    ]
    assert "greater than or equal to 0" in _messages(notice_data)
    notice_data["reports"][0]["requests"][0]["received"] = 10**12
    assert "less than or equal to 1000000000" in _messages(notice_data)


def test_reports_sort_by_period(notice_data):
    notice_data["reports"] = [{"period": p} for p in ("2026-Q2", "2025", "2026-Q1", "2025-H2")]
    notice = PrivacyNotice.model_validate(notice_data)
    assert [r.period for r in notice.sorted_reports] == ["2025", "2025-H2", "2026-Q1", "2026-Q2"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "'javascript:' links are not allowed"),
        ("http://example.com", "'http:' links are not allowed"),
        ("file:///etc/passwd", "'file:' links are not allowed"),
        ("https://exa\u202emple.com", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ],
)
def test_urls_limited_to_https_mailto_tel(notice_data, url, message):
    notice_data["url"] = url
    assert message in _messages(notice_data)


def test_bad_email_and_phone_name_the_value(notice_data):
    notice_data["controller"]["email"] = "privacy-at-acme"
    notice_data["controller"]["phone"] = "call us"
    text = _messages(notice_data)
    assert "is not a valid e-mail address: 'privacy-at-acme'" in text
    assert "is not a phone number (digits, spaces, '+', '-', '(', ')'): 'call us'" in text


def test_https_mailto_and_tel_links_accepted(notice_data):
    for url in (
        "https://acme.example/privacy",
        "mailto:privacy@acme.example",
        "tel:+353 1 555 0100",
    ):
        notice_data["url"] = url
        assert PrivacyNotice.model_validate(notice_data).url == url


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1b", "\ud800", "\ufffe"])
def test_control_characters_and_lone_surrogates_refused_with_code_point(notice_data, char):
    notice_data["purposes"][0]["description"] = {"en": f"We run{char} your account."}
    with pytest.raises(NoticeError) as info:
        validate_notice(notice_data)
    [problem] = info.value.problems
    assert problem.dotted == "purposes[0].description.en"
    assert f"U+{ord(char):04X}" in problem.message and "position 7" in problem.message


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u2069", "\u202a"])
def test_bidi_overrides_refused_in_names(notice_data, char):
    notice_data["controller"]["name"] = f"Acme{char}emca"
    assert "bidi control" in _messages(notice_data)


def test_arabic_text_with_marks_is_legitimate(notice_data):
    notice_data["controller"]["name"] = "شركة أكمي\u200f"  # RLM is not an override
    notice_data["purposes"][0]["description"] = {"en": "Run it.", "ar": "نُدير حسابك وَنحميه."}
    PrivacyNotice.model_validate(notice_data)


def test_label_whitespace_and_line_breaks_normalised(notice_data):
    notice_data["data_categories"][0]["label"] = {"en": "  Email\n address ", "ar": "البريد"}
    notice = PrivacyNotice.model_validate(notice_data)
    assert notice.data_categories[0].label.get("en", "en") == "Email address"


def test_text_length_capped(notice_data):
    notice_data["purposes"][0]["description"] = {"en": "x" * 5001}
    assert "is 5001 characters long; the limit is 5000" in _messages(notice_data)
    notice_data["purposes"][0]["description"] = {"en": "x" * 100_000}
    assert "at most 40000 characters" in _messages(notice_data)


def test_length_limits_count_graphemes_not_code_points(notice_data):
    judge = "\U0001f469\U0001f3fd\u200d\u2696\ufe0f"  # one woman judge, five code points
    notice_data["data_categories"][0]["label"] = {"en": judge * 200, "ar": "x"}
    PrivacyNotice.model_validate(notice_data)
    notice_data["data_categories"][0]["label"] = {"en": judge * 201, "ar": "x"}
    assert "is 201 characters long; the limit is 200" in _messages(notice_data)


def test_list_lengths_capped(notice_data):
    notice_data["data_categories"] = [{"id": f"c{i}", "label": f"C{i}"} for i in range(201)]
    assert "at most 200 items" in _messages(notice_data)


def test_unknown_fields_refused(notice_data):
    notice_data["practices"][0]["retension"] = "two-years"
    assert "Extra inputs are not permitted" in _messages(notice_data)


def test_iso_durations(notice_data):
    rules = notice_data["retention"]
    rules[0]["duration"] = "P18M"
    notice = PrivacyNotice.model_validate(notice_data)
    assert round(notice.retention[0].days) == 548
    rules[0]["duration"] = "2 years"
    assert "'2 years' is not an ISO 8601 duration" in _messages(notice_data)


def test_retention_rule_must_state_something(notice_data):
    notice_data["retention"][0] = {"id": "two-years"}
    assert "state how long data is kept" in _messages(notice_data)


def test_sensitivity_derived_from_kind_and_overridable(notice_data):
    notice_data["data_categories"].append(
        {"id": "gps", "label": "Location", "kind": "location.precise"}
    )
    notice_data["data_categories"].append({"id": "hr", "label": "Heart", "kind": "health.medical"})
    notice_data["data_categories"].append(
        {"id": "steps", "label": "Steps", "kind": "health.fitness", "gdpr_special": "health"}
    )
    notice = PrivacyNotice.model_validate(notice_data)
    assert notice.category("gps").effective_ccpa_spi == "SPI-1C"
    assert notice.category("gps").effective_gdpr_special == "none"
    assert notice.category("hr").effective_gdpr_special == "health"
    assert notice.category("steps").effective_gdpr_special == "health"
    assert not notice.category("email").is_sensitive


def test_codes_override_the_crosswalk(notice_data):
    notice_data["data_categories"][0]["codes"] = {"ccpa": ["B"]}
    notice = PrivacyNotice.model_validate(notice_data)
    assert notice.category("email").code("ccpa") == ["B"]
    assert notice.category("email").code("apple") == "EMAIL_ADDRESS"


def test_crosswalk_tables_are_complete():
    assert len(CATEGORY_CODES) == 53 and len(PURPOSE_CODES) == 21
    assert CATEGORY_CODES["location.precise"].google == ("PSL_PRECISE_LOCATION",)
    assert CATEGORY_CODES["health.medical"].ccpa == ("B", "C")
    # A conditional SPI mapping ("SPI-1B if login+credential") is not applied silently.
    assert CATEGORY_CODES["id.account"].ccpa_spi is None
    assert PURPOSE_CODES["marketing.direct"].apple == "DEVELOPERS_ADVERTISING"


def test_recipient_ccpa_relationship_derived(notice_data):
    notice_data["recipients"].append({"id": "ads", "name": "AdNet", "kind": "advertising_partner"})
    notice = PrivacyNotice.model_validate(notice_data)
    assert notice.recipient("host").effective_ccpa_relationship == "service_provider"
    assert notice.recipient("ads").effective_ccpa_relationship == "third_party"


def test_full_policy_reading_time(notice_data):
    notice_data["full_policy"] = {"words": 7140}
    notice = PrivacyNotice.model_validate(notice_data)
    assert round(notice.full_policy.reading_minutes) == 30


def _model_classes() -> list[type[BaseModel]]:
    return [v for v in vars(m).values() if isinstance(v, type) and issubclass(v, BaseModel)]


@pytest.mark.parametrize("cls", _model_classes(), ids=lambda c: c.__name__)
def test_every_field_is_described(cls):
    if cls.__name__ in ("Text", "LongText"):
        return
    undescribed = [name for name, field in cls.model_fields.items() if not field.description]
    assert undescribed == []
    assert cls.model_config.get("extra") == "forbid"
