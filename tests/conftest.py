"""Shared fixtures: a small valid notice to vary in each test, and the examples' paths."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))

_MINIMAL = {
    "id": "acme",
    "title": {"en": "Acme privacy notice", "ar": "إشعار الخصوصية من أكمي"},
    "default_locale": "en",
    "locales": ["en", "ar"],
    "effective_date": "2026-01-01",
    "jurisdictions": ["EU"],
    "controller": {"name": "Acme", "email": "privacy@acme.example", "address": {"country": "IE"}},
    "data_categories": [
        {"id": "email", "label": {"en": "Email", "ar": "البريد"}, "kind": "contact.email"},
        {
            "id": "orders",
            "label": {"en": "Orders", "ar": "الطلبات"},
            "kind": "commercial.purchases",
        },
    ],
    "purposes": [
        {
            "id": "account",
            "label": {"en": "Your account", "ar": "حسابك"},
            "description": {"en": "We run your account.", "ar": "ندير حسابك."},
            "kind": "service.account",
            "legal_basis": "contract",
        }
    ],
    "recipients": [{"id": "host", "name": "Hosty", "kind": "cloud_hosting", "countries": ["IE"]}],
    "retention": [{"id": "two-years", "duration": "P2Y"}],
    "practices": [
        {
            "id": "accounts",
            "data": ["email", "orders"],
            "purposes": ["account"],
            "recipients": ["host"],
            "retention": "two-years",
        }
    ],
}


@pytest.fixture
def notice_data() -> dict:
    """A fresh copy of a small valid notice, to change in one place per test."""
    return copy.deepcopy(_MINIMAL)
