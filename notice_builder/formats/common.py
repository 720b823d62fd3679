"""What the formats share: reading their tables, text in a locale, ids from labels, and building
a valid notice from imported facts (merged into a base notice when one is given)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

from ..i18n.messages import Phrase
from ..io import NoticeError, Problem, notice_data, validate_notice
from ..model import PrivacyNotice
from ..model.text import LongText, Text
from .registry import Imported, Loc, Loss

DATA = Path(__file__).parent / "data"


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV in the package data, read once."""
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


def say(value: Text | LongText | str | None, notice: PrivacyNotice, locale: str | None = None):
    """A translatable text in `locale` (default: the notice's), or None."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return value.get(locale, notice.default_locale)


def problem(
    key: str, path: Loc = (), line: int | None = None, column: int | None = None, /, **params: Any
) -> Problem:
    """An imported file's problem: the catalogue's `format.problem.<key>` with `params`."""
    return Problem.of(f"format.problem.{key}", path, line, column, **params)


def slug(text: str, taken: set[str]) -> str:
    """A short id from a label ('Email address' -> 'email-address'), unique among `taken`."""
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:56] or "item"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def reverse_map(codes: dict, scheme: str) -> dict[str, str]:
    """For each code of `scheme`, the first canonical id mapping to exactly that code (so an
    imported item exports back to the same code), else the first mapping to it at all."""
    exact: dict[str, str] = {}
    loose: dict[str, str] = {}
    for kind, entry in codes.items():
        got = getattr(entry, scheme)
        got = (got,) if isinstance(got, str) else (got or ())
        for code in got:
            loose.setdefault(code, kind)
            if len(got) == 1:
                exact.setdefault(code, kind)
    return {**loose, **exact}


# The parts of a notice an imported label replaces; everything else comes from the base.
_REPLACED = ("data_categories", "purposes", "practices")


def build_notice(
    facts: dict[str, Any],
    *,
    source: str,
    title: str,
    base: PrivacyNotice | None = None,
    effective_date: dt.date | None = None,
) -> Imported:
    """A validated notice from imported `facts` (data categories, purposes, practices and
    perhaps recipients, rights, security), with what the source could not say as losses.

    With `base`, its identity, rights, retention and the rest are kept and the imported facts
    replace its data categories, purposes and practices; without it, the notice gets a
    placeholder identity that the losses name so a person completes it.
    """
    losses: list[Loss] = list(facts.pop("losses", []))
    if base is not None:
        data = notice_data(base)
        for key in _REPLACED:
            data.pop(key, None)
        purpose_ids = {p["id"] for p in facts["purposes"]}
        for i, opt in enumerate((data.get("choices") or {}).get("opt_outs", [])):
            kept = [p for p in opt.get("purposes", []) if p in purpose_ids]
            for gone in sorted(set(opt.get("purposes", [])) - set(kept)):
                losses.append(
                    Loss.said(
                        ("choices", "opt_outs", i, "purposes"),
                        "opt_out_purpose",
                        "dropped",
                        opt_out=opt["id"],
                        purpose=gone,
                        title=title,
                    )
                )
            opt["purposes"] = kept
        for key in ("recipients", "retention"):
            known = {item["id"] for item in data.get(key, [])}
            data[key] = [
                *data.get(key, []),
                *(item for item in facts.pop(key, []) if item["id"] not in known),
            ]
        for key in ("security", "rights"):
            if key in facts and not data.get(key):
                data[key] = facts.pop(key)
            facts.pop(key, None)
        data.update(facts)
    else:
        data = {
            "id": re.sub(r"[^a-z0-9]+", "-", f"imported-{title.lower()}").strip("-")[:64],
            "title": f"Privacy notice imported from {title}",
            "default_locale": "en",
            "effective_date": (effective_date or dt.date.today()).isoformat(),
            "controller": {"name": "Controller not named"},
            **facts,
        }
        losses[:0] = [
            Loss.said(("controller",), "no_controller", "dropped", title=title),
            Loss.said(("effective_date",), "no_date", "dropped", title=title),
        ]
    try:
        notice = validate_notice(data, source=source)
    except NoticeError as exc:
        # The imported facts must fit the base (a commitment may contradict them): say so.
        raise NoticeError(
            source,
            [
                problem(
                    "misfit",
                    field=p.dotted,
                    problem=Phrase(p.key, p.params) if p.key else p.message,
                )
                for p in exc.problems
            ],
        ) from None
    return Imported(notice, tuple(losses))
