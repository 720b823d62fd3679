"""Apple's App Privacy details as `app_privacy_details.json`, the file App Store automation
tools upload to App Store Connect (fastlane's `upload_app_privacy_details_to_app_store`).

One entry per Apple data type: its purposes and its "data protections" (linked to the person
or not, used to track or not), sorted as the tools write them:

    [{"category": "EMAIL_ADDRESS", "purposes": ["APP_FUNCTIONALITY"],
      "data_protections": ["DATA_LINKED_TO_YOU"]}]

or `[{"data_protections": ["DATA_NOT_COLLECTED"]}]`. A file of the wrong shape is refused with
the JSON path of every problem; nothing is imported.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..io import NoticeError, Problem
from ..model import PrivacyNotice
from ..model.vocab import CATEGORY_CODES, PURPOSE_CODES
from .common import build_notice, problem, reverse_map, slug, table
from .registry import Format, Imported, Loss, register

LINKED, NOT_LINKED = "DATA_LINKED_TO_YOU", "DATA_NOT_LINKED_TO_YOU"
TRACKING, NOT_COLLECTED = "DATA_USED_TO_TRACK_YOU", "DATA_NOT_COLLECTED"
PROTECTIONS = (TRACKING, LINKED, NOT_LINKED, NOT_COLLECTED)
MAX_BYTES = 1_000_000

# Apple's data types with an App Store Connect id (the visionOS types have none yet).
TYPES = {
    t["asc_fastlane_category_id"]: t["apple_data_type"]
    for t in table("apple_app_privacy_data_types.csv")
    if t["asc_fastlane_category_id"].isupper()
}
PURPOSES = {p["asc_fastlane_purpose_id"]: p for p in table("apple_app_privacy_purposes.csv")}

# Apple's catch-all types map back to the catch-all categories, not the first row using them.
KIND_OF_TYPE = {
    **reverse_map(CATEGORY_CODES, "apple"),
    "OTHER_DATA": "other",
    "OTHER_USER_CONTENT": "content.other_ugc",
    "OTHER_USAGE_DATA": "activity.other",
    "SENSITIVE_INFO": "other",
}
KIND_OF_PURPOSE = {**reverse_map(PURPOSE_CODES, "apple"), "OTHER_PURPOSES": "other"}

CANNOT_CARRY = (
    "the controller, DPO, representative and supervisory authorities",
    "data category labels, descriptions and examples (Apple's own type names are used)",
    "purpose labels, descriptions and legal bases (only Apple's six purposes)",
    "recipients and sharing: Apple's label has no 'shared' flag",
    "retention, rights, choices, security measures, commitments",
    "optional or required data, ephemeral processing, sale (CCPA)",
    "automated decisions, reports, translations",
)


def _labels(notice: PrivacyNotice) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for pi, practice in enumerate(notice.practices):
        purposes = {notice.purpose(p).code("apple") for p in practice.purposes} - {None}
        for cid in practice.data:
            code = notice.category(cid).code("apple")
            if code not in TYPES:
                continue
            entry = found.setdefault(
                code, {"purposes": set(), "linked": set(), "tracking": False, "sources": []}
            )
            entry["purposes"] |= purposes
            entry["linked"].add(practice.identifiability in ("identified", "linked"))
            entry["tracking"] |= practice.tracking
            entry["sources"].append((pi, cid))
    return found


def details(notice: PrivacyNotice) -> list[dict[str, Any]]:
    """The notice as the list App Store automation tools read."""
    entries = []
    for code, entry in sorted(_labels(notice).items()):
        if not entry["purposes"]:
            continue
        protections = {LINKED if True in entry["linked"] else NOT_LINKED}
        if entry["tracking"]:
            protections.add(TRACKING)
        entries.append(
            {
                "category": code,
                "purposes": sorted(entry["purposes"]),
                "data_protections": sorted(protections),
            }
        )
    return entries or [{"data_protections": [NOT_COLLECTED]}]


def export(notice: PrivacyNotice) -> bytes:
    return (json.dumps(details(notice), indent=2) + "\n").encode("utf-8")


def losses(notice: PrivacyNotice) -> list[Loss]:
    """What of this notice Apple's label cannot say, or says only roughly."""
    found: list[Loss] = []
    for i, category in enumerate(notice.data_categories):
        if category.code("apple") not in TYPES:
            found.append(
                Loss.said(
                    ("data_categories", i, "kind"), "apple.no_type", "dropped", category=category.id
                )
            )
    for i, purpose in enumerate(notice.purposes):
        if not purpose.code("apple"):
            found.append(
                Loss.said(
                    ("purposes", i, "kind"), "apple.no_purpose", "dropped", purpose=purpose.id
                )
            )
    for code, entry in _labels(notice).items():
        first = entry["sources"][0][0]
        cats = list(dict.fromkeys(cid for _, cid in entry["sources"]))
        if len(cats) > 1:
            found.append(
                Loss.said(
                    ("practices", first, "data"),
                    "together",
                    categories=", ".join(repr(c) for c in cats),
                    type=TYPES[code],
                )
            )
        if len(entry["linked"]) > 1:
            found.append(
                Loss.said(("practices", first, "identifiability"), "apple.linked", type=TYPES[code])
            )
    for i, practice in enumerate(notice.practices):
        third = [
            r
            for r in practice.recipients
            if notice.recipient(r).effective_ccpa_relationship == "third_party"
        ]
        if third:
            found.append(
                Loss.said(
                    ("practices", i, "recipients"),
                    "apple.third_parties",
                    "dropped",
                    practice=practice.id,
                    recipients=", ".join(third),
                )
            )
    return found


# ---- import -------------------------------------------------------------------------------


_problem = problem


class _Refused(ValueError):
    """A JSON value refused while it is read: the catalogue problem `key` with `params`."""

    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key, self.params = key, params


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused("apple.duplicate_key", name=key)
        out[key] = value
    return out


def _refuse_constant(name: str) -> None:
    raise _Refused("apple.constant", name=name)


def parse(data: bytes | str, source: str = "<app_privacy_details.json>") -> list[dict[str, Any]]:
    """The entries of an `app_privacy_details.json`, checked for shape; every problem is named
    with its JSON path before failing."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_BYTES:
        raise NoticeError(source, [_problem("too_big", limit=f"{MAX_BYTES // 1_000_000} MB")])
    try:
        value = json.loads(
            raw.decode("utf-8-sig"),
            object_pairs_hook=_no_duplicates,
            parse_constant=_refuse_constant,
        )
    except UnicodeDecodeError as exc:
        raise NoticeError(source, [_problem("not_utf8", byte=exc.start + 1)]) from None
    except json.JSONDecodeError as exc:
        raise NoticeError(
            source, [_problem("apple.not_json", (), exc.lineno, exc.colno, error=exc.msg)]
        ) from None
    except _Refused as exc:
        raise NoticeError(source, [_problem(exc.key, **exc.params)]) from None
    except ValueError as exc:
        raise NoticeError(source, [Problem(str(exc))]) from None
    if not isinstance(value, list) or not value:
        raise NoticeError(
            source,
            [
                _problem(
                    "apple.not_array",
                    example='{"category": ..., "purposes": [...], "data_protections": [...]}',
                )
            ],
        )
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            problems.append(_problem("apple.not_object", (i,)))
            continue
        for key in item:
            if key not in ("category", "purposes", "data_protections"):
                problems.append(
                    _problem(
                        "apple.unknown_key",
                        (i, key),
                        name=key,
                        known="category, purposes, data_protections",
                    )
                )
        protections = item.get("data_protections")
        if not isinstance(protections, list) or not protections:
            problems.append(_problem("apple.no_protections", (i, "data_protections")))
            continue
        for j, p in enumerate(protections):
            if p not in PROTECTIONS:
                problems.append(
                    _problem(
                        "apple.unknown_protection",
                        (i, "data_protections", j),
                        value=repr(p),
                        known=", ".join(PROTECTIONS),
                    )
                )
        if NOT_COLLECTED in protections:
            if len(value) > 1 or len(protections) > 1 or "category" in item:
                problems.append(
                    _problem("apple.not_alone", (i, "data_protections"), value=NOT_COLLECTED)
                )
            continue
        category = item.get("category")
        if not isinstance(category, str) or category not in TYPES:
            problems.append(
                _problem(
                    "apple.unknown_type",
                    (i, "category"),
                    value=repr(category),
                    known=", ".join(TYPES),
                )
            )
        elif category in seen:
            problems.append(
                _problem(
                    "apple.repeated_type", (i, "category"), type=category, first=seen[category]
                )
            )
        else:
            seen[category] = i
        purposes = item.get("purposes")
        if not isinstance(purposes, list) or not purposes:
            problems.append(_problem("apple.no_purposes", (i, "purposes")))
        else:
            for j, p in enumerate(purposes):
                if p not in PURPOSES:
                    problems.append(
                        _problem(
                            "apple.unknown_purpose",
                            (i, "purposes", j),
                            value=repr(p),
                            known=", ".join(PURPOSES),
                        )
                    )
        if (LINKED in protections) == (NOT_LINKED in protections):
            problems.append(
                _problem(
                    "apple.linked_or_not",
                    (i, "data_protections"),
                    linked=LINKED,
                    not_linked=NOT_LINKED,
                )
            )
    if problems:
        raise NoticeError(source, problems)
    return value


def import_(
    data: bytes | str,
    *,
    source: str = "<app_privacy_details.json>",
    base: PrivacyNotice | None = None,
    effective_date: dt.date | None = None,
) -> Imported:
    """A notice from an `app_privacy_details.json`; with `base`, its data types, purposes and
    practices replace the base's and the rest of the base is kept."""
    entries = parse(data, source)
    if entries[0]["data_protections"] == [NOT_COLLECTED]:
        raise NoticeError(
            source,
            [_problem("apple.no_data", (0, "data_protections"))],
        )
    losses: list[Loss] = []
    categories, practices = [], []
    purposes: dict[str, dict] = {}
    taken: set[str] = set()
    purpose_ids: set[str] = set()
    for i, entry in enumerate(entries):
        code = entry["category"]
        kind = KIND_OF_TYPE.get(code, "other")
        cid = slug(TYPES[code], taken)
        category = {"id": cid, "label": TYPES[code], "kind": kind}
        if CATEGORY_CODES[kind].apple != code:
            category["codes"] = {"apple": code}
        if code == "SENSITIVE_INFO":
            losses.append(
                Loss.said(
                    (i, "category"),
                    "apple.sensitive",
                    "dropped",
                    name="Sensitive Info",
                    category=cid,
                )
            )
        categories.append(category)
        for p in dict.fromkeys(entry["purposes"]):
            if p not in purposes:
                purposes[p] = {
                    "id": slug(PURPOSES[p]["apple_purpose"], purpose_ids),
                    "label": PURPOSES[p]["apple_purpose"],
                    "description": PURPOSES[p]["definition_paraphrased"],
                    "kind": KIND_OF_PURPOSE[p],
                }
        practices.append(
            {
                "id": f"{cid}-use",
                "data": [cid],
                "purposes": [purposes[p]["id"] for p in dict.fromkeys(entry["purposes"])],
                "identifiability": "linked"
                if LINKED in entry["data_protections"]
                else "not_linked",
                "tracking": TRACKING in entry["data_protections"],
            }
        )
    facts = {
        "data_categories": categories,
        "purposes": list(purposes.values()),
        "practices": practices,
        "losses": losses,
    }
    return build_notice(
        facts,
        source=source,
        title="Apple App Privacy details",
        base=base,
        effective_date=effective_date,
    )


def sniff(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    return text.startswith(b"[") and b"data_protections" in head


FORMAT = register(
    Format(
        name="apple-app-privacy",
        title="Apple App Privacy details (app_privacy_details.json)",
        suffix=".json",
        media_type="application/json",
        export=export,
        losses=losses,
        cannot_carry=CANNOT_CARRY,
        import_=import_,
        sniff=sniff,
    )
)
