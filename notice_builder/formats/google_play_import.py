"""Reading a Play Console Data safety CSV back into a notice.

Unknown question ids are reported and skipped, since Google's question set drifts; a wrong
header, a repeated row, a bad value or a cell a spreadsheet would run as a formula stops the
import with its row and column, every problem listed at once, and nothing is imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from ..io import NoticeError, Problem
from ..model import PrivacyNotice
from ..model.vocab import CATEGORY_CODES
from .common import build_notice, problem, slug
from .google_play_ids import (
    BOOLEAN_QUESTIONS,
    CATEGORY_LABEL,
    COLLECTED,
    COLLECTION_AND_SHARING,
    COLLECTION_PURPOSE,
    DEVELOPER_COMMUNICATIONS,
    EPHEMERAL,
    FORMULA_STARTS,
    GLOBAL_QUESTIONS,
    HEADER,
    KIND_OF_PURPOSE,
    KIND_OF_TYPE,
    MAX_BYTES,
    MAX_ROWS,
    OLD_DELETION_QUESTION,
    OPTIONAL,
    PURPOSE_DEFINITION,
    PURPOSES,
    SHARED,
    SHARING_PURPOSE,
    TYPE_CATEGORY,
    TYPE_LABEL,
    USAGE,
    USAGE_QUESTIONS,
    USER_CONTROL,
)
from .registry import Imported, Loss


def _problem(key: str, line: int | None = None, column: int | None = None, /, **params) -> Problem:
    """The catalogue's problem `format.problem.<key>` at a line (and column) of the file."""
    where = (HEADER[column],) if column is not None else ()
    return problem(key, where, line, None if column is None else column + 1, **params)


def _read_rows(data: bytes | str, source: str) -> list[tuple[int, list[str]]]:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise NoticeError(source, [_problem("too_big", limit=f"{MAX_BYTES // 1_000_000} MB")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NoticeError(source, [_problem("not_utf8", byte=exc.start + 1)]) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    try:
        start = 1
        for row in reader:
            if len(rows) > MAX_ROWS:
                raise NoticeError(source, [_problem("too_many_rows", limit=MAX_ROWS)])
            # A quoted cell may hold line breaks: a row is named by the line it starts on.
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise NoticeError(source, [_problem("not_csv", reader.line_num, error=str(exc))]) from None
    if not rows:
        raise NoticeError(source, [_problem("google.empty")])
    line, header = rows[0]
    if tuple(c.strip() for c in header) != HEADER:
        raise NoticeError(
            source,
            [
                problem(
                    "google.header",
                    (),
                    line,
                    1,
                    header=",".join(HEADER),
                    got=",".join(header)[:200],
                )
            ],
        )
    return rows[1:]


def _known_question(qid: str) -> bool:
    if qid in GLOBAL_QUESTIONS or qid == OLD_DELETION_QUESTION or qid in CATEGORY_LABEL:
        return True
    parts = qid.split(":")
    return (
        len(parts) == 3
        and parts[0] == USAGE
        and parts[1] in TYPE_LABEL
        and parts[2] in USAGE_QUESTIONS
    )


def _options(qid: str) -> tuple[str, ...]:
    if qid in GLOBAL_QUESTIONS:
        return tuple(o for o in GLOBAL_QUESTIONS[qid]["response_ids"].split("|") if o)
    if qid in CATEGORY_LABEL:
        return tuple(code for code, cat in TYPE_CATEGORY.items() if cat == qid)
    if qid.startswith(USAGE):
        return USAGE_QUESTIONS[qid.split(":")[2]][2]
    return ()


def parse(data: bytes | str, source: str = "<google-play.csv>") -> tuple[dict, list[Loss]]:
    """The answers of a Data safety CSV as {(question, response): value}, and what was skipped.
    Every problem in the file is collected before failing, so one run shows them all."""
    problems: list[Problem] = []
    skipped: list[Loss] = []
    answers: dict[tuple[str, str], tuple[str, int]] = {}
    for line, row in _read_rows(data, source):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(HEADER):
            problems.append(_problem("columns", line, cells=len(row), columns=len(HEADER)))
            continue
        bad = False
        for col, cell in enumerate(row):
            if cell.startswith(FORMULA_STARTS):
                problems.append(_problem("formula", line, col, start=repr(cell[:1])))
                bad = True
        if bad:
            continue
        qid, rid, value = row[0].strip(), row[1].strip(), row[2].strip()
        if (qid, rid) in answers:
            problems.append(
                _problem(
                    "google.repeats",
                    line,
                    0,
                    question=f"{qid}{' / ' + rid if rid else ''}",
                    first=answers[(qid, rid)][1],
                )
            )
            continue
        if not _known_question(qid):
            skipped.append(Loss.said(("line", line), "google.question", "dropped", question=qid))
            continue
        options = _options(qid)
        if options and rid not in options:
            skipped.append(
                Loss.said(("line", line), "google.response", "dropped", response=rid, question=qid)
            )
            continue
        if options or qid in BOOLEAN_QUESTIONS or qid.endswith(EPHEMERAL):
            if value.upper() not in ("TRUE", "FALSE", ""):
                problems.append(_problem("google.boolean", line, 2, value=value[:40]))
                continue
            value = value.upper()
        elif qid.endswith("_URL") and value and not value.startswith("https://"):
            problems.append(_problem("google.https", line, 2, value=value[:60]))
            continue
        answers[(qid, rid)] = (value, line)
    if problems:
        raise NoticeError(source, problems)
    return answers, skipped


def import_(
    data: bytes | str,
    *,
    source: str = "<google-play.csv>",
    base: PrivacyNotice | None = None,
    effective_date: dt.date | None = None,
) -> Imported:
    """A notice from a Play Console Data safety CSV; with `base`, the CSV's data types,
    purposes and practices replace the base's and the rest of the base is kept."""
    answers, losses = parse(data, source)

    def on(qid: str, rid: str = "") -> bool:
        return answers.get((qid, rid), ("", 0))[0] == "TRUE"

    def line_of(qid: str, rid: str = "") -> int:
        return answers.get((qid, rid), ("", 0))[1]

    problems: list[Problem] = []
    categories: list[dict] = []
    purposes: dict[tuple[str, str], dict] = {}
    practices: list[dict] = []
    taken: set[str] = set()
    purpose_ids: set[str] = set()
    shared_any = False
    answered: dict[str, list[int]] = {}  # type -> lines of its usage answers marked TRUE
    for (qid, _), (value, line) in answers.items():
        if value == "TRUE" and qid.startswith(USAGE):
            answered.setdefault(qid.split(":")[1], []).append(line)
    for code, type_label in TYPE_LABEL.items():
        if not on(TYPE_CATEGORY[code], code):
            stray = sorted(answered.get(code, []))
            if stray:
                losses.append(
                    Loss.said(("line", stray[0]), "google.stray", "dropped", type=type_label)
                )
            continue
        q = f"{USAGE}:{code}:"
        collected = on(q + COLLECTION_AND_SHARING, COLLECTED)
        shared = on(q + COLLECTION_AND_SHARING, SHARED)
        collect = {p for p in PURPOSES if on(q + COLLECTION_PURPOSE, p)}
        share = {p for p in PURPOSES if on(q + SHARING_PURPOSE, p)}
        row = line_of(TYPE_CATEGORY[code], code)
        if not (collected or shared):
            problems.append(_problem("google.unused", row, 0, type=type_label))
            continue
        if collected and not collect:
            problems.append(_problem("google.no_collection_purpose", row, 0, type=type_label))
            continue
        if shared and not share:
            problems.append(_problem("google.no_sharing_purpose", row, 0, type=type_label))
            continue
        if not collected:
            losses.append(Loss.said(("line", row), "google.only_shared", type=type_label))
        kind = KIND_OF_TYPE.get(code, "other")
        cid = slug(type_label, taken)
        category = {"id": cid, "label": type_label, "kind": kind, "source": "provided"}
        if list(CATEGORY_CODES[kind].google) != [code]:
            category["codes"] = {"google": [code]}
        categories.append(category)

        def ids(chosen: set[str], context: set[str], row=row, type_label=type_label) -> list[str]:
            out = []
            for p in sorted(chosen, key=list(PURPOSES).index):
                kind = KIND_OF_PURPOSE[p]
                label = PURPOSES[p]
                if p == DEVELOPER_COMMUNICATIONS:
                    # No canonical purpose is "developer communications" alone: take the one
                    # whose other Google purpose is answered anyway, so nothing is added.
                    if "PSL_ADVERTISING" in context:
                        kind, label = "marketing.direct", f"{label} (marketing)"
                    elif "PSL_APP_FUNCTIONALITY" not in context:
                        losses.append(
                            Loss.said(
                                ("line", row),
                                "google.developer",
                                type=type_label,
                                purpose="Developer communications",
                                also="App functionality",
                            )
                        )
                if (p, kind) not in purposes:
                    purposes[(p, kind)] = {
                        "id": slug(label, purpose_ids),
                        "label": label,
                        "description": PURPOSE_DEFINITION[p],
                        "kind": kind,
                    }
                out.append(purposes[(p, kind)]["id"])
            return out

        ephemeral = on(q + EPHEMERAL)
        necessity = "optional" if on(q + USER_CONTROL, OPTIONAL) else "required"
        only_collect = collect - share
        if only_collect or not shared:
            practices.append(
                {
                    "id": f"{cid}-use",
                    "data": [cid],
                    "purposes": ids(only_collect or collect, collect | share),
                    "necessity": necessity,
                    "ephemeral": ephemeral,
                }
            )
        if shared:
            shared_any = True
            if share - collect and collected:
                losses.append(Loss.said(("line", row), "google.shared_purposes", type=type_label))
            practices.append(
                {
                    "id": f"{cid}-shared",
                    "data": [cid],
                    "purposes": ids(share, share),
                    "recipients": ["third-parties"],
                    "necessity": necessity,
                    "ephemeral": ephemeral,
                }
            )
    if problems:
        raise NoticeError(source, problems)
    if not categories:
        raise NoticeError(source, [_problem("google.no_data")])

    facts: dict = {
        "data_categories": categories,
        "purposes": list(purposes.values()),
        "practices": practices,
    }
    if shared_any:
        facts["recipients"] = [
            {"id": "third-parties", "label": "Third parties", "kind": "third_party"}
        ]
        losses.append(Loss.said(("recipients",), "google.recipients", "dropped"))
    measures = []
    if on("PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT"):
        measures.append({"kind": "encryption_in_transit"})
    if measures or on("PSL_INDEPENDENTLY_VALIDATED"):
        facts["security"] = {
            "measures": measures,
            "independent_review": on("PSL_INDEPENDENTLY_VALIDATED"),
        }
    url = (
        answers.get(("PSL_DATA_DELETION_URL", ""), ("", 0))[0]
        or answers.get(("PSL_ACCOUNT_DELETION_URL", ""), ("", 0))[0]
    )
    if (
        on("PSL_SUPPORT_DATA_DELETION_BY_USER", "DATA_DELETION_YES")
        or on(OLD_DELETION_QUESTION)
        or url
    ):
        facts["rights"] = [
            {"kind": "erasure", "channels": [{"kind": "web", "url": url}] if url else []}
        ]
    for qid in ("PSL_SUPPORTED_ACCOUNT_CREATION_METHODS", "PSL_OUTSIDE_APP_ACCOUNT_TYPES"):
        chosen = [rid for (q, rid), (v, _) in answers.items() if q == qid and v == "TRUE"]
        if chosen:
            losses.append(
                Loss.said(
                    ("line", line_of(qid, chosen[0])),
                    "google.no_place",
                    "dropped",
                    question=GLOBAL_QUESTIONS[qid]["label"],
                    answers=", ".join(chosen),
                )
            )
    for qid in (
        "PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY",
        "PSL_UPI_BADGE_OPT_IN",
        "PSL_HAS_OUTSIDE_APP_ACCOUNTS",
    ):
        if on(qid):
            losses.append(
                Loss.said(
                    ("line", line_of(qid)),
                    "google.not_carried",
                    "dropped",
                    question=GLOBAL_QUESTIONS[qid]["label"],
                )
            )
    if on("PSL_SUPPORT_DATA_DELETION_BY_USER", "DATA_DELETION_NO_AUTO_DELETED"):
        losses.append(
            Loss.said(
                (
                    "line",
                    line_of("PSL_SUPPORT_DATA_DELETION_BY_USER", "DATA_DELETION_NO_AUTO_DELETED"),
                ),
                "google.auto_deleted",
                "dropped",
            )
        )
    facts["losses"] = losses
    return build_notice(
        facts,
        source=source,
        title="Google Play Data safety CSV",
        base=base,
        effective_date=effective_date,
    )
