"""The checks speak English and Arabic from one catalogue: every rule's title and findings exist
in both languages with the same placeholders, the English is what it always was, and the Arabic
leaves no English interface word behind."""

from __future__ import annotations

import copy
import re
import string
from typing import get_args

import pytest
import yaml

from notice_builder.checks import (
    PROFILES,
    Finding,
    Rule,
    msg,
    profile_text,
    rules,
    run_checks,
    severity_text,
)
from notice_builder.i18n import _DIR, FSI, PDI, t
from notice_builder.i18n.messages import Phrase
from notice_builder.io import load_notice
from notice_builder.model import PrivacyNotice
from notice_builder.model.parties import TransferMechanism
from notice_builder.model.rights import RightKind
from notice_builder.resources import template_names, template_path

from .conftest import _MINIMAL, EXAMPLES
from .english_left import english_left

ARABIC = re.compile(r"[\u0600-\u06ff]")


def _catalogue(lang: str) -> dict:
    with (_DIR / lang / "checks.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


EN, AR = _catalogue("en"), _catalogue("ar")


def _placeholders(entry: str | dict) -> set[str]:
    texts = entry.values() if isinstance(entry, dict) else [entry]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


def _notices() -> dict[str, PrivacyNotice]:
    found = {p.name: load_notice(p) for p in EXAMPLES}
    found |= {f"template {n}": load_notice(template_path(n)) for n in template_names()}
    found |= {name: PrivacyNotice.model_validate(d) for name, d in crafted().items()}
    return found


def crafted() -> dict[str, dict]:
    """Notices that between them trigger every finding of every rule."""
    out = {}
    d = copy.deepcopy(_MINIMAL)
    d["jurisdictions"] = ["EU", "US-CA"]
    d["controller"] = {"name": "Acme", "email": "p@acme.example", "address": {"country": "US"}}
    d["data_categories"][0]["source"] = "provided"
    d["data_categories"] += [
        {"id": "health", "label": {"en": "Health"}, "kind": "health.medical", "source": "provided"},
        {"id": "leads", "label": {"en": "Leads", "ar": "عملاء"}, "kind": "other"},
        {"id": "spare", "label": {"en": "Spare", "ar": "احتياطي"}, "kind": "contact.email"},
    ]
    d["data_categories"][3]["source"] = "third_party"

    def purpose(id: str, kind: str, **more) -> dict:
        text = {"en": f"We use it for {id}.", "ar": "نستخدمها."}
        return {"id": id, "label": {"en": id, "ar": id}, "description": text, "kind": kind} | more

    d["purposes"] = [
        purpose("account", "service.account"),
        purpose("news", "marketing.direct", legal_basis="consent"),
        purpose("fraud", "security", legal_basis="legitimate_interests", impact="high"),
    ]
    d["recipients"] = [
        {"id": "host", "label": {"en": "A host"}, "kind": "cloud_hosting", "countries": ["US"]}
    ]
    d["transfers"] = [{"destination": "IN", "mechanism": "sccs"}]
    d["automated_decisions"] = [
        {
            "id": "score",
            "label": {"en": "Score", "ar": "تقييم"},
            "logic": {"en": "A model.", "ar": "نموذج."},
            "significance": {"en": "Refusal.", "ar": "رفض."},
            "legal_effect": True,
        }
    ]
    d["practices"] = [
        {
            "id": "accounts",
            "data": ["email", "orders", "health"],
            "purposes": ["account"],
            "recipients": ["host"],
            "necessity": "contract",
            "automated_decision": "score",
        },
        {
            "id": "mail",
            "data": ["email", "leads"],
            "purposes": ["news", "fraud"],
            "profiling": True,
            "sold": True,
            "first_layer": False,
            "tracking": True,
            "identifiability": "anonymised",
        },
    ]
    d["rights"] = [{"kind": "access"}, {"kind": "ccpa_know"}]
    d["choices"] = {"spi_used_beyond_permitted": True}
    d["children"] = {"targets_children": True, "sells_or_shares_under_16": True}
    out["everything missing"] = d

    d = copy.deepcopy(_MINIMAL)
    d["jurisdictions"] = ["EU", "US-CA"]
    d["controller"] = {"name": "Acme"}
    d["purposes"][0]["legal_basis"] = "legitimate_interests"
    d["purposes"][0]["legitimate_interest"] = {"en": "Running the service.", "ar": "الخدمة."}
    d["rights"] = [{"kind": "object"}]
    d["transfers"] = [{"destination": "US", "mechanism": "bcrs"}]
    d["data_categories"].append(
        {"id": "press", "label": {"en": "Press", "ar": "صحافة"}, "kind": "professional"}
    )
    d["data_categories"][-1]["source"] = "public"
    d["practices"].append(
        {
            "id": "stats",
            "data": ["email", "press"],
            "purposes": ["account"],
            "shared_for_ads": True,
            "tracking": True,
            "necessity": "optional",
        }
    )
    out["no contact"] = d

    d = copy.deepcopy(_MINIMAL)
    d["locales"] = ["en", "ar", "de"]
    long = " ".join(["word"] * 30) + "."
    d["purposes"][0]["description"] = {
        "en": f"{long} Pursuant to the contract we may share some data in accordance with the law.",
        "ar": " ".join(["كلمة"] * 27) + ".",
        "fr": "Texte.",
    }
    d["purposes"][0]["surprising"] = True
    d["practices"][0]["first_layer"] = False
    d["data_categories"][0]["label"] = {"ar": "البريد"}
    d["summary"] = {
        "en": "Organisational administrative infrastructure necessitates comprehensive "
        "authentication, authorisation and identification verification procedures "
        "notwithstanding operational considerations.",
        "ar": "ملخص.",
    }
    out["plain words"] = d
    return out


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return [f for n in _notices().values() for f in run_checks(n, list(PROFILES))]


def _keys(value) -> set[str]:
    """The catalogue keys a finding or phrase uses, its own and those of the names inside it."""
    key, params = (value.key, value.params)
    found = {key} if key else set()
    for v in params.values():
        if isinstance(v, Phrase):
            found |= _keys(v)
    return found


def test_both_catalogues_have_the_same_messages_and_placeholders():
    assert EN.keys() == AR.keys()
    for key in EN:
        assert _placeholders(EN[key]) == _placeholders(AR[key]), key
        if isinstance(AR[key], dict):
            assert set(AR[key]) == {"zero", "one", "two", "few", "many", "other"}, key


def test_every_arabic_message_is_arabic_without_english_words():
    for key, entry in AR.items():
        for text in entry.values() if isinstance(entry, dict) else [entry]:
            words = re.sub(r"\{\w+\}", "", text)
            # The finding line of `check` is only punctuation around its values.
            assert ARABIC.search(words) or key == "checks.cli.finding", key
            assert not english_left(words), (key, english_left(words))


def test_every_rule_has_its_title_in_both_languages():
    for r in rules():
        assert r.title_key == f"checks.{r.id}.title"
        assert r.title == t(r.title_key, "en") and r.title_text("en") == r.title
        assert ARABIC.search(r.title_text("ar")), r.id


def test_profiles_and_severities_in_both_languages():
    for name, english in PROFILES.items():
        assert profile_text(name, "en") == english
        assert ARABIC.search(profile_text(name, "ar"))
    assert PROFILES["gdpr"].startswith("GDPR Art. 13 and 14")
    assert [severity_text(s, "ar") for s in ("error", "warning", "info")] == [
        "خطأ",
        "تحذير",
        "للعلم",
    ]
    with pytest.raises(KeyError, match="known: gdpr, ccpa"):
        profile_text("hipaa", "ar")


def test_crafted_notices_trigger_every_message_and_every_message_is_in_the_catalogue(findings):
    used = {k for f in findings for k in _keys(f)}
    checks_keys = {k for k in used if k.startswith("checks.")}
    # Every key a rule yields is in the catalogue (a key without an entry would fail here)…
    assert checks_keys <= EN.keys()
    # …and every finding message of the catalogue is reached by some notice.
    messages = {
        k
        for k in EN
        if not k.endswith(".title")
        and not k.startswith(
            ("checks.profile.", "checks.severity.", "checks.cli.", "checks.right.")
        )
        and not k.startswith(("checks.mechanism.", "checks.source."))
    }
    assert messages - checks_keys == set()
    # The store rules carry the format library's own loss messages.
    assert {"store-google-mapping", "store-apple-mapping"} <= {f.rule for f in findings}


def test_every_name_filled_into_a_finding_has_both_languages():
    for kind in get_args(RightKind):
        assert t(f"checks.right.{kind}", "en") == kind.replace("_", " ")
        assert ARABIC.search(t(f"checks.right.{kind}", "ar"))
    for mechanism in get_args(TransferMechanism):
        assert t(f"checks.mechanism.{mechanism}", "en") == mechanism
        assert ARABIC.search(t(f"checks.mechanism.{mechanism}", "ar"))


def test_english_text_is_the_message_scripts_read(findings):
    for f in findings:
        assert f.text("en") == f.message == f.as_dict()["message"]
    by_rule = {(f.rule, f.message) for f in findings}
    assert ("gdpr-rights", "the right of rectification is missing") in by_rule
    assert ("gdpr-transfers", "say where people can get a copy of the sccs safeguard") in by_rule
    assert (
        "gdpr-object-highlighted",
        "purposes news, fraud need the right to object",
    ) in by_rule
    assert (
        "plain-long-sentences",
        "a 30-word sentence (en): split it (at most 25 words): "
        "“word word word word word word word word word word word word …”",
    ) in by_rule
    assert (
        "store-shared-without-recipient",
        "practice 'stats' is shared for ads, so Google Play declares its data shared, but it "
        "names no third party that receives it",
    ) in by_rule


def test_arabic_findings_leave_no_english_interface_word(findings):
    for f in findings:
        text = f.text("ar")
        assert "{" not in text and "}" not in text, text
        assert ARABIC.search(text), (f.rule, text)
        left = english_left(text)
        assert not left, (f.rule, text, left)


def test_arabic_findings_keep_values_isolated_and_quotes_as_written(findings):
    by_key = {f.key: f for f in findings if f.key}
    jargon = [f.text("ar") for f in findings if f.key == "checks.plain-jargon.found"]
    assert f"«{FSI}pursuant to{PDI}»" in "".join(jargon)
    assert all(j.endswith(f"«{FSI}under{PDI}»") for j in jargon if "pursuant" in j)
    long = next(f for f in findings if f.rule == "plain-long-sentences" and "(en)" in f.message)
    assert f"{FSI}word word word" in long.text("ar")
    rights = by_key["checks.gdpr-rights.missing"].text("ar")
    assert rights.startswith("حق ") and rights.endswith(" غير مذكور")
    purposes = by_key["checks.gdpr-object-highlighted.missing"].text("ar")
    assert f"{FSI}news، fraud{PDI}" in purposes


@pytest.mark.parametrize(
    ("count", "words"), [(27, "27 كلمةً"), (103, "103 كلمات"), (100, "100 كلمة")]
)
def test_long_sentence_count_takes_the_arabic_plural(count, words):
    said = msg("plain-long-sentences.long", count=count, lang="en", limit=25, sentence="x")
    assert words in said.text("ar")
    assert said.text("en").startswith(f"a {count}-word sentence")


def test_a_rule_yielding_plain_english_still_works(notice_data):
    def extension(notice):
        yield ("controller",), "call the controller back"
        yield ("dpo",), msg("gdpr-dpo.missing"), "warning"

    r = Rule("acme-callback", "gdpr", "info", "Acme policy 1", "Controller calls back", extension)
    plain, said = r.run(PrivacyNotice.model_validate(notice_data))
    assert plain.key is None and plain.text("ar") == plain.message == "call the controller back"
    assert plain.as_dict("ar")["message"] == "call the controller back"
    assert said.severity == "warning" and said.key == "checks.gdpr-dpo.missing"
    assert said.as_dict("ar")["message"] == t("checks.gdpr-dpo.missing", "ar")
    assert r.title_text("ar") == "Controller calls back"


def test_a_value_named_like_says_own_arguments_is_refused():
    with pytest.raises(ValueError, match="rename the value 'locale'"):
        msg("translations-missing.locale", locale="de", default="en")


def test_app_lists_findings_in_the_interface_language():
    pytest.importorskip("dash")
    from notice_builder.app import language
    from notice_builder.app.callbacks.editor import check_text

    text = yaml.safe_dump(crafted()["no contact"], allow_unicode=True)
    english = check_text(text).findings
    with language.using("ar"):
        arabic = check_text(text).findings
    assert [f["path"] for f in arabic] == [f["path"] for f in english]
    assert [f["severity"] for f in arabic] == [f["severity"] for f in english]
    assert any(
        f["message"] == "give the controller's address, email or contact form" for f in english
    )
    for f in arabic:
        assert ARABIC.search(f["message"]) and not english_left(f["message"])
