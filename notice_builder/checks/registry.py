"""The rule registry: every compliance or presentation rule registers here, built-ins and
extensions alike, and `run_checks` runs the ones a notice's profiles select."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from ..model import PrivacyNotice
from ..model.paths import dotted, pointer
from ..model.vocab import CCPA_JURISDICTIONS, EU_JURISDICTIONS

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """One thing a rule found: how serious, where in the notice, what, and under which article."""

    rule: str
    severity: Severity
    path: Loc
    message: str
    reference: str

    @property
    def dotted(self) -> str:
        return dotted(self.path) or "(notice)"

    @property
    def pointer(self) -> str:
        return pointer(self.path)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.dotted,
            "pointer": self.pointer,
            "message": self.message,
            "reference": self.reference,
        }


# A rule yields (path, message) pairs, or (path, message, severity) to override its default.
RuleFunc = Callable[[PrivacyNotice], Iterable[tuple]]


@dataclass(frozen=True)
class Rule:
    """A check over the model."""

    id: str
    profile: str
    severity: Severity
    reference: str
    title: str
    func: RuleFunc

    def run(self, notice: PrivacyNotice) -> Iterator[Finding]:
        for item in self.func(notice):
            path, message, *rest = item
            severity = rest[0] if rest else self.severity
            yield Finding(self.id, severity, tuple(path), message, self.reference)


PROFILES: dict[str, str] = {
    "gdpr": "GDPR Art. 13 and 14: what a notice must tell people in the EU, EEA and UK",
    "ccpa": "CCPA notice at collection (11 CCR §7012): what Californians must be told",
    "plain-language": "Plain language: readability, long sentences, jargon and vague words",
    "translations": "Translations: every text in every declared locale",
    "stores": "Store labels: what Google Play and Apple labels say follows from the practices",
}

_RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add a rule; a second rule with the same id is an error."""
    if rule.id in _RULES:
        raise ValueError(f"a rule with id '{rule.id}' is already registered")
    if rule.profile not in PROFILES:
        raise ValueError(f"unknown profile '{rule.profile}' (known: {', '.join(PROFILES)})")
    _RULES[rule.id] = rule
    return rule


def rule(
    id: str, *, profile: str, severity: Severity, reference: str, title: str
) -> Callable[[RuleFunc], RuleFunc]:
    """Decorator registering a function as a rule."""

    def decorate(func: RuleFunc) -> RuleFunc:
        register(Rule(id, profile, severity, reference, title, func))
        return func

    return decorate


def get(id: str) -> Rule:
    try:
        return _RULES[id]
    except KeyError:
        raise KeyError(f"unknown rule '{id}' (known: {', '.join(names())})") from None


def rules() -> list[Rule]:
    """Every rule, by profile (in PROFILES order), then in the order registered."""
    profile_order = list(PROFILES)
    return sorted(_RULES.values(), key=lambda r: profile_order.index(r.profile))


def names() -> list[str]:
    return [r.id for r in rules()]


def practices_in(notice: PrivacyNotice, regions: frozenset[str]) -> Iterator[tuple[int, Any]]:
    """(index, practice) for practices that apply in any of `regions` (no `applies_in`: all)."""
    for index, practice in enumerate(notice.practices):
        if not practice.applies_in or any(j in regions for j in practice.applies_in):
            yield index, practice


def default_profiles(notice: PrivacyNotice) -> list[str]:
    """The profiles a notice's jurisdictions call for, plus the presentation ones."""
    chosen = []
    if not notice.jurisdictions or notice.applies_in(*EU_JURISDICTIONS):
        chosen.append("gdpr")
    if notice.applies_in(*CCPA_JURISDICTIONS):
        chosen.append("ccpa")
    return [*chosen, "plain-language", "translations"]


def parse_profiles(text: str) -> list[str]:
    """'gdpr,ccpa' -> ['gdpr', 'ccpa']; an unknown name lists the known ones."""
    chosen = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in PROFILES]
    if unknown:
        raise ValueError(f"unknown profile '{unknown[0]}' (known: {', '.join(PROFILES)})")
    return chosen


def run_checks(notice: PrivacyNotice, profiles: Iterable[str] | None = None) -> list[Finding]:
    """Run the rules of `profiles` (the notice's defaults when None), most serious first."""
    selected = set(default_profiles(notice) if profiles is None else profiles)
    findings = [f for r in _RULES.values() if r.profile in selected for f in r.run(notice)]
    order = {id: i for i, id in enumerate(names())}
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], order[f.rule], _path_key(f.path)))
    return findings


def _path_key(path: Loc) -> tuple:
    # Numbers sort as numbers (rights[10] after rights[9]) and before names.
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)
