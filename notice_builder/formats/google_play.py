"""Google Play's Data safety form as the CSV Play Console exports and imports.

The CSV has a fixed five-column header and one row per question and option, keyed by machine
ids (`PSL_DATA_TYPES_PERSONAL` / `PSL_EMAIL`, `PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:...`). The
export writes the whole template (every question, selected options `TRUE`) from the practices;
the import (`google_play_import.py`) reads such a file back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import PrivacyNotice
from .google_play_ids import (
    CATEGORY_LABEL,
    COLLECTED,
    COLLECTION_AND_SHARING,
    COLLECTION_PURPOSE,
    FORMULA_STARTS,
    GLOBAL_QUESTIONS,
    HEADER,
    OPTION_LABELS,
    OPTIONAL,
    REQUIRED,
    SHARED,
    SHARING_PURPOSE,
    TYPE_CATEGORY,
    TYPE_LABEL,
    USAGE,
    USAGE_QUESTIONS,
    USER_CONTROL,
)
from .google_play_import import import_
from .registry import Format, Loss, register

CANNOT_CARRY = (
    "the controller, DPO, representative and supervisory authorities",
    "data category labels, descriptions and examples (Google's own type names are used)",
    "purpose labels, descriptions and legal bases (only Google's seven purposes)",
    "recipients' names, kinds and countries, and transfers abroad (only 'shared' and why)",
    "service providers acting for you: Google does not count them as sharing, so they are not declared",
    "retention periods, rights other than deletion, choices and opt-outs, commitments",
    "sale and cross-context advertising as CCPA defines them, tracking, linked or not linked",
    "automated decisions, reports, translations",
)


@dataclass
class TypeUsage:
    """The answers for one Google data type."""

    collected: bool = False
    shared: bool = False
    ephemeral: bool = True
    optional: bool = True
    collect_purposes: set[str] = field(default_factory=set)
    share_purposes: set[str] = field(default_factory=set)
    sources: list[tuple] = field(default_factory=list)


def _independent(notice: PrivacyNotice, practice) -> list[str]:
    """Recipients of a practice to whom giving data is 'sharing' in Google's sense: not service
    providers acting on the developer's behalf, nor authorities (transfers for legal reasons
    are exempt)."""
    return [
        r
        for r in practice.recipients
        if notice.recipient(r).effective_ccpa_relationship == "third_party"
        and notice.recipient(r).kind != "authority"
    ]


def usage(notice: PrivacyNotice) -> dict[str, TypeUsage]:
    """Google data type -> its answers, derived from the practices (in the template's order)."""
    found: dict[str, TypeUsage] = {}
    for pi, practice in enumerate(notice.practices):
        shared = bool(_independent(notice, practice)) or practice.sold or practice.shared_for_ads
        purposes = {
            code for pid in practice.purposes for code in notice.purpose(pid).code("google") or []
        }
        for cid in practice.data:
            category = notice.category(cid)
            for code in category.code("google") or []:
                if code not in TYPE_LABEL:
                    continue
                entry = found.setdefault(code, TypeUsage())
                entry.collected = True
                entry.ephemeral = entry.ephemeral and practice.ephemeral
                entry.optional = entry.optional and practice.necessity == "optional"
                entry.collect_purposes |= purposes
                if shared:
                    entry.shared = True
                    entry.share_purposes |= purposes
                entry.sources.append((pi, cid))
    order = list(TYPE_LABEL)
    return dict(sorted(found.items(), key=lambda kv: order.index(kv[0])))


def _deletion_url(notice: PrivacyNotice) -> tuple[bool, str | None]:
    rights = [r for r in notice.rights if r.kind in ("erasure", "ccpa_delete")]
    urls = [c.url for r in rights for c in r.channels if c.url and c.url.startswith("https://")]
    return bool(rights), (urls[0] if urls else None)


def _cell(value: str) -> str:
    # Never write what a spreadsheet would run: every value here comes from our tables or a
    # validated https link, so this only fails on a bug, loudly.
    if value.startswith(FORMULA_STARTS):
        raise ValueError(f"refusing to write a CSV cell that starts like a formula: {value[:20]!r}")
    return value


def _rows(notice: PrivacyNotice) -> Iterator[tuple[str, str, str, str, str]]:
    used = usage(notice)
    security = notice.security
    deletion, url = _deletion_url(notice)
    tf = {True: "TRUE", False: "FALSE"}
    answers: dict[str, dict[str, str]] = {
        "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA": {"": tf[bool(used)]},
        "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT": {
            "": tf[bool(security and security.encrypted_in_transit)]
        }
        if used
        else {},
        "PSL_ACCOUNT_DELETION_URL": {"": url} if url else {},
        "PSL_SUPPORT_DATA_DELETION_BY_USER": {
            "DATA_DELETION_YES" if deletion else "DATA_DELETION_NO": "TRUE"
        }
        if used
        else {},
        "PSL_DATA_DELETION_URL": {"": url} if url else {},
        "PSL_INDEPENDENTLY_VALIDATED": {"": tf[bool(security and security.independent_review)]},
    }
    for qid, question in GLOBAL_QUESTIONS.items():
        options = [o for o in question["response_ids"].split("|") if o]
        given = answers.get(qid, {})
        label = question["label"]
        if options:
            for option in options:
                yield (
                    qid,
                    option,
                    given.get(option, ""),
                    question["answer_requirement"],
                    f"{label} / {OPTION_LABELS.get(option, option)}",
                )
        else:
            yield qid, "", given.get("", ""), question["answer_requirement"], label
    for code, type_label in TYPE_LABEL.items():
        category = TYPE_CATEGORY[code]
        yield (
            category,
            code,
            "TRUE" if code in used else "",
            "MULTIPLE_CHOICE",
            f"Data types / {CATEGORY_LABEL[category]} / {type_label}",
        )
    for code, type_label in TYPE_LABEL.items():
        entry = used.get(code)
        for sub, (question, requirement, options) in USAGE_QUESTIONS.items():
            qid = f"{USAGE}:{code}:{sub}"
            head = f"Data usage and handling ({type_label}) / {question}"
            if not options:
                value = "" if entry is None else ("TRUE" if entry.ephemeral else "FALSE")
                yield qid, "", value, requirement, head
                continue
            chosen: set[str] = set()
            if entry is not None:
                chosen = {
                    COLLECTION_AND_SHARING: {COLLECTED} | ({SHARED} if entry.shared else set()),
                    USER_CONTROL: {OPTIONAL if entry.optional else REQUIRED},
                    COLLECTION_PURPOSE: entry.collect_purposes,
                    SHARING_PURPOSE: entry.share_purposes,
                }[sub]
            for option in options:
                yield (
                    qid,
                    option,
                    "TRUE" if option in chosen else "",
                    requirement,
                    f"{head} / {OPTION_LABELS[option]}",
                )


def export(notice: PrivacyNotice) -> bytes:
    """The notice as a Play Console Data safety CSV (the whole template, in its order)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows([_cell(v) for v in row] for row in _rows(notice))
    return out.getvalue().encode("utf-8")


def losses(notice: PrivacyNotice) -> list[Loss]:
    """What of this notice the Data safety form cannot say, or says only roughly."""
    found: list[Loss] = []
    for i, category in enumerate(notice.data_categories):
        codes = [c for c in category.code("google") or [] if c in TYPE_LABEL]
        if not codes:
            found.append(
                Loss.said(
                    ("data_categories", i, "kind"),
                    "google.no_type",
                    "dropped",
                    category=category.id,
                )
            )
    for i, purpose in enumerate(notice.purposes):
        if not purpose.code("google"):
            found.append(
                Loss.said(
                    ("purposes", i, "kind"),
                    "google.no_purpose",
                    "dropped",
                    purpose=purpose.id,
                    kind=purpose.kind,
                )
            )
    for code, entry in usage(notice).items():
        cats = list(dict.fromkeys(cid for _, cid in entry.sources))
        first = entry.sources[0][0]
        if len(cats) > 1:
            found.append(
                Loss.said(
                    ("practices", first, "data"),
                    "together",
                    categories=", ".join(repr(c) for c in cats),
                    type=TYPE_LABEL[code],
                )
            )
        necessities = {notice.practices[pi].necessity == "optional" for pi, _ in entry.sources}
        if len(necessities) > 1:
            found.append(
                Loss.said(
                    ("practices", first, "necessity"), "google.optional", type=TYPE_LABEL[code]
                )
            )
    return found


def sniff(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf").startswith(HEADER[0].encode())


FORMAT = register(
    Format(
        name="google-play",
        title="Google Play Data safety CSV",
        suffix=".csv",
        media_type="text/csv",
        export=export,
        losses=losses,
        cannot_carry=CANNOT_CARRY,
        import_=import_,
        sniff=sniff,
    )
)
