"""The rule registry: every compliance or presentation rule registers here, built-ins and
extensions alike, and `run_checks` runs the ones a notice's profiles select.

A rule says what it found with `msg`: a key in the catalogue (`i18n/<language>/checks.yaml`) and
the values filled in, so the same finding reads in English for the CLI and JSON, and in Arabic in
the app or with `check --lang ar`. A rule may also yield a plain English string (an extension
without catalogue entries); that finding then reads the same in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from ..i18n import say, t
from ..i18n.messages import Phrase, render
from ..model import PrivacyNotice
from ..model.paths import dotted, pointer
from ..model.vocab import CCPA_JURISDICTIONS, EU_JURISDICTIONS

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
Loc = tuple[str | int, ...]
PREFIX = "checks."
RESERVED = frozenset({"key", "locale"})  # the names of `say`'s own arguments


def msg(name: str, **params: Any) -> Phrase:
    """The checks message `name` (its key without the `checks.` prefix) with its values.

    A value may itself be a `msg` (the name of a right, a safeguard): it is said in the same
    language. A list is joined with that language's comma; `count` picks the plural form.
    """
    clash = RESERVED & params.keys()
    if clash:
        raise ValueError(f"message '{name}': rename the value {sorted(clash)[0]!r}")
    return Phrase(PREFIX + name, params)


@dataclass(frozen=True)
class Finding:
    """One thing a rule found: how serious, where in the notice, what, and under which article.

    `message` is the English text (what the CLI, JSON output and logs show); `text(locale)` says
    it in another language from the catalogue `key` and `params`, when the rule gave them.
    """

    rule: str
    severity: Severity
    path: Loc
    message: str
    reference: str
    key: str | None = None
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def dotted(self) -> str:
        return dotted(self.path) or "(notice)"

    @property
    def pointer(self) -> str:
        return pointer(self.path)

    def text(self, locale: str) -> str:
        """The message in `locale` (the English `message` when the rule gave no key)."""
        if self.key is None:
            return self.message
        return render(self.key, self.params, locale)

    def as_dict(self, locale: str = "en") -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.dotted,
            "pointer": self.pointer,
            "message": self.text(locale),
            "reference": self.reference,
        }


# A rule yields (path, message) pairs, or (path, message, severity) to override its default; the
# message is a `msg(...)` or, for a rule without catalogue entries, an English string.
RuleFunc = Callable[[PrivacyNotice], Iterable[tuple]]


@dataclass(frozen=True)
class Rule:
    """A check over the model. A built-in rule's title comes from the catalogue (`title_key`)."""

    id: str
    profile: str
    severity: Severity
    reference: str
    title: str
    func: RuleFunc
    title_key: str | None = None

    def title_text(self, locale: str) -> str:
        """The title in `locale` (the English `title` when it has no catalogue entry)."""
        return say(self.title_key, locale) if self.title_key else self.title

    def run(self, notice: PrivacyNotice) -> Iterator[Finding]:
        for item in self.func(notice):
            path, said, *rest = item
            severity = rest[0] if rest else self.severity
            if isinstance(said, Phrase):
                yield Finding(
                    self.id,
                    severity,
                    tuple(path),
                    said.text("en"),
                    self.reference,
                    said.key,
                    dict(said.params),
                )
            else:
                yield Finding(self.id, severity, tuple(path), said, self.reference)


# What each profile covers, in English; `profile_text` says it in another language.
PROFILES: dict[str, str] = {
    name: t(f"{PREFIX}profile.{name}", "en")
    for name in ("gdpr", "ccpa", "plain-language", "translations", "stores")
}


def profile_text(name: str, locale: str) -> str:
    """What profile `name` covers, in `locale`; an unknown name lists the known ones."""
    if name not in PROFILES:
        raise KeyError(f"unknown profile '{name}' (known: {', '.join(PROFILES)})")
    return say(f"{PREFIX}profile.{name}", locale)


def severity_text(severity: str, locale: str) -> str:
    """A severity's name in `locale` ("error" in English)."""
    return say(f"{PREFIX}severity.{severity}", locale)


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
    id: str, *, profile: str, severity: Severity, reference: str, title: str | None = None
) -> Callable[[RuleFunc], RuleFunc]:
    """Decorator registering a function as a rule. Without `title`, the title is the catalogue's
    `checks.<id>.title`, in every language the catalogue has."""

    def decorate(func: RuleFunc) -> RuleFunc:
        if title is None:
            key = f"{PREFIX}{id}.title"
            register(Rule(id, profile, severity, reference, t(key, "en"), func, key))
        else:
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
