"""Compliance and presentation checks: rules over the model, each finding with its severity,
field path, message (in English, and in other languages through `Finding.text`) and the article
it comes from."""

from . import ccpa, gdpr, plain_language, translations  # noqa: F401  (registers the built-in rules)
from . import formats as _formats  # noqa: F401  (registers the store-label rules)
from .registry import (
    PROFILES,
    Finding,
    Rule,
    default_profiles,
    get,
    msg,
    names,
    parse_profiles,
    profile_text,
    register,
    rule,
    rules,
    run_checks,
    severity_text,
)

__all__ = [
    "PROFILES",
    "Finding",
    "Rule",
    "default_profiles",
    "get",
    "msg",
    "names",
    "parse_profiles",
    "profile_text",
    "register",
    "rule",
    "rules",
    "run_checks",
    "severity_text",
]
