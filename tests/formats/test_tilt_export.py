"""TILT export: every example validates against the bundled TILT JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from notice_builder.formats import export_as, get
from notice_builder.formats.common import DATA
from notice_builder.formats.tilt import TiltError, document
from notice_builder.io import validate_notice
from notice_builder.io.dump import notice_data

EXAMPLES = ("coffee-shop", "fitness-app", "b2b-saas")
SCHEMA = json.loads((DATA / "tilt-schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(
    SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
)


def test_the_schema_and_its_licence_ship_with_the_package():
    assert SCHEMA["title"] and (DATA / "LICENSE-tilt").read_text().startswith("MIT License")


@pytest.mark.parametrize("name", EXAMPLES)
def test_export_validates_against_the_schema(name, example):
    doc = json.loads(export_as(example(name), "tilt"))
    errors = sorted(VALIDATOR.iter_errors(doc), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]


def test_coffee_shop_content(example):
    notice = example("coffee-shop")
    doc = document(notice)
    assert doc["meta"]["language"] == "en" and len(doc["meta"]["_hash"]) == 64
    assert doc["controller"]["country"] == "IE"
    assert doc["dataProtectionOfficer"]["email"] == "dpo@brewline.example"
    contact = next(d for d in doc["dataDisclosed"] if d["_id"] == "contact")
    assert {b["reference"] for b in contact["legalBases"]} == {"GDPR-6-1-b", "GDPR-6-1-a"}
    payment = next(d for d in doc["dataDisclosed"] if d["_id"] == "payment")
    assert payment["recipients"] == [
        {"name": "PayCo Payments", "country": "IE", "category": "Payment processor"}
    ]
    assert payment["nonDisclosure"]["contractualRegulation"] is True
    assert payment["storage"][0]["temporal"][0]["ttl"] == "P6Y"
    assert doc["thirdCountryTransfers"][0]["adequacyDecision"]["available"] is True
    assert doc["rightToComplain"]["supervisoryAuthority"]["name"] == "Data Protection Commission"
    # Same notice, same bytes (the hash covers the content).
    assert export_as(notice, "tilt") == export_as(notice, "tilt")


def test_missing_requirements_are_named_or_stood_in_for(example):
    data = notice_data(example("coffee-shop"))
    data.pop("dpo")
    stand_in = validate_notice(data)
    doc = document(stand_in)
    assert doc["dataProtectionOfficer"]["email"] == "privacy@brewline.example"
    assert VALIDATOR.is_valid(doc)
    assert any(loss.path == ("dpo",) for loss in get("tilt").losses(stand_in))
    data["controller"].pop("address")
    with pytest.raises(TiltError, match=r"controller\.address\.country"):
        document(validate_notice(data))
    data = notice_data(example("coffee-shop"))
    data["controller"].pop("email")
    data.pop("dpo")
    with pytest.raises(TiltError, match=r"controller\.email"):
        document(validate_notice(data))


def test_weeks_are_written_as_days(example):
    data = notice_data(example("coffee-shop"))
    data["retention"][3]["duration"] = "P2W"
    notice = validate_notice(data)
    doc = document(notice)
    ttls = {t["ttl"] for d in doc["dataDisclosed"] for s in d["storage"] for t in s["temporal"]}
    assert "P14D" in ttls and VALIDATOR.is_valid(doc)
