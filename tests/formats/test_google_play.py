"""Google Play Data safety CSV: the template Play Console imports, from the practices and back."""

from __future__ import annotations

import csv
import io

import pytest

from notice_builder.formats import export_as, get, import_from
from notice_builder.io import NoticeError
from notice_builder.model import PrivacyNotice

EXAMPLES = ("coffee-shop", "fitness-app", "b2b-saas")

HEADER = (
    "Question ID (machine readable),Response ID (machine readable),Response value,"
    "Answer requirement,Human-friendly question label"
)
# The template's ids, written out from Play Console's current export (reference A.8), not read
# from the package's own tables, so a drift in those tables fails here.
GLOBAL = {
    "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA": [""],
    "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT": [""],
    "PSL_SUPPORTED_ACCOUNT_CREATION_METHODS": [
        "PSL_ACM_USER_ID_PASSWORD",
        "PSL_ACM_USER_ID_OTHER_AUTH",
        "PSL_ACM_USER_ID_PASSWORD_OTHER_AUTH",
        "PSL_ACM_OAUTH",
        "PSL_ACM_OTHER",
        "PSL_ACM_NONE",
    ],
    "PSL_ACM_SPECIFY": [""],
    "PSL_ACCOUNT_DELETION_URL": [""],
    "PSL_SUPPORT_DATA_DELETION_BY_USER": [
        "DATA_DELETION_YES",
        "DATA_DELETION_NO",
        "DATA_DELETION_NO_AUTO_DELETED",
    ],
    "PSL_DATA_DELETION_URL": [""],
    "PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY": [""],
    "PSL_INDEPENDENTLY_VALIDATED": [""],
    "PSL_UPI_BADGE_OPT_IN": [""],
    "PSL_HAS_OUTSIDE_APP_ACCOUNTS": [""],
    "PSL_OUTSIDE_APP_ACCOUNT_TYPES": [
        "PSL_LOGIN_WITH_OUTSIDE_APP_ID",
        "PSL_LOGIN_THROUGH_EMPLOYMENT_OR_ENTERPRISE_ACCOUNT",
        "PSL_OUTSIDE_APP_ACCOUNT_TYPE_OTHER",
    ],
    "PSL_OUTSIDE_APP_ACCOUNT_TYPE_SPECIFY": [""],
}
TYPES = {
    "LOCATION": "PSL_APPROX_LOCATION PSL_PRECISE_LOCATION",
    "PERSONAL": "PSL_NAME PSL_EMAIL PSL_USER_ACCOUNT PSL_ADDRESS PSL_PHONE PSL_RACE_ETHNICITY "
    "PSL_POLITICAL_RELIGIOUS PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY PSL_OTHER_PERSONAL",
    "FINANCIAL": "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER PSL_PURCHASE_HISTORY PSL_CREDIT_SCORE PSL_OTHER",
    "HEALTH_AND_FITNESS": "PSL_HEALTH PSL_FITNESS",
    "EMAIL_AND_TEXT": "PSL_EMAILS PSL_SMS_CALL_LOG PSL_OTHER_MESSAGES",
    "PHOTOS_AND_VIDEOS": "PSL_PHOTOS PSL_VIDEOS",
    "AUDIO": "PSL_AUDIO PSL_MUSIC PSL_OTHER_AUDIO",
    "FILES_AND_DOCS": "PSL_FILES_AND_DOCS",
    "CALENDAR": "PSL_CALENDAR",
    "CONTACTS": "PSL_CONTACTS",
    "APP_ACTIVITY": "PSL_USER_INTERACTION PSL_IN_APP_SEARCH_HISTORY PSL_APPS_ON_DEVICE "
    "PSL_USER_GENERATED_CONTENT PSL_OTHER_APP_ACTIVITY",
    "SEARCH_AND_BROWSING": "PSL_WEB_BROWSING_HISTORY",
    "APP_PERFORMANCE": "PSL_CRASH_LOGS PSL_PERFORMANCE_DIAGNOSTICS PSL_OTHER_PERFORMANCE",
    "IDENTIFIERS": "PSL_DEVICE_ID",
}
PURPOSES = [
    "PSL_APP_FUNCTIONALITY",
    "PSL_ANALYTICS",
    "PSL_DEVELOPER_COMMUNICATIONS",
    "PSL_ADVERTISING",
    "PSL_FRAUD_PREVENTION_SECURITY",
    "PSL_PERSONALIZATION",
    "PSL_ACCOUNT_MANAGEMENT",
]
USAGE = {
    "PSL_DATA_USAGE_COLLECTION_AND_SHARING": [
        "PSL_DATA_USAGE_ONLY_COLLECTED",
        "PSL_DATA_USAGE_ONLY_SHARED",
    ],
    "PSL_DATA_USAGE_EPHEMERAL": [""],
    "DATA_USAGE_USER_CONTROL": [
        "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL",
        "PSL_DATA_USAGE_USER_CONTROL_REQUIRED",
    ],
    "DATA_USAGE_COLLECTION_PURPOSE": PURPOSES,
    "DATA_USAGE_SHARING_PURPOSE": PURPOSES,
}


def template_ids() -> set[tuple[str, str]]:
    ids = {(q, r) for q, rs in GLOBAL.items() for r in rs}
    for category, types in TYPES.items():
        for code in types.split():
            ids.add((f"PSL_DATA_TYPES_{category}", code))
            for sub, responses in USAGE.items():
                ids |= {(f"PSL_DATA_USAGE_RESPONSES:{code}:{sub}", r) for r in responses}
    return ids


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def answers(data: bytes) -> dict[tuple[str, str], str]:
    return {(r[0], r[1]): r[2] for r in rows(data)[1:]}


def selected(data: bytes, question: str) -> set[str]:
    return {r for (q, r), v in answers(data).items() if q == question and v == "TRUE"}


def test_coffee_shop_export_uses_exactly_the_template_ids(example):
    data = export_as(example("coffee-shop"), "google-play")
    table = rows(data)
    assert ",".join(table[0]) == HEADER
    assert all(len(row) == 5 for row in table)
    ids = [(r[0], r[1]) for r in table[1:]]
    assert len(ids) == len(set(ids)) == 782  # 22 global rows + 38 types + 38 x 19 usage rows
    assert set(ids) == template_ids()
    assert data.decode().count("\n") == 783


def test_coffee_shop_answers_follow_from_the_practices(example):
    data = export_as(example("coffee-shop"), "google-play")
    got = answers(data)
    assert got[("PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA", "")] == "TRUE"
    assert selected(data, "PSL_DATA_TYPES_PERSONAL") == {"PSL_EMAIL"}
    assert selected(data, "PSL_DATA_TYPES_LOCATION") == {"PSL_PRECISE_LOCATION"}
    assert selected(data, "PSL_DATA_TYPES_FINANCIAL") == {
        "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER",
        "PSL_PURCHASE_HISTORY",
    }
    # The store finder: optional, used in memory only, for the app's features.
    loc = "PSL_DATA_USAGE_RESPONSES:PSL_PRECISE_LOCATION:"
    assert got[(loc + "PSL_DATA_USAGE_EPHEMERAL", "")] == "TRUE"
    assert selected(data, loc + "DATA_USAGE_USER_CONTROL") == {
        "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL"
    }
    assert selected(data, loc + "DATA_USAGE_COLLECTION_PURPOSE") == {"PSL_APP_FUNCTIONALITY"}
    # Payment and email services act for Brewline: collected, never "shared" in Google's sense.
    for code in ("PSL_EMAIL", "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER"):
        q = f"PSL_DATA_USAGE_RESPONSES:{code}:"
        assert selected(data, q + "PSL_DATA_USAGE_COLLECTION_AND_SHARING") == {
            "PSL_DATA_USAGE_ONLY_COLLECTED"
        }
        assert selected(data, q + "DATA_USAGE_SHARING_PURPOSE") == set()
    email = "PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:DATA_USAGE_COLLECTION_PURPOSE"
    assert {"PSL_ACCOUNT_MANAGEMENT", "PSL_DEVELOPER_COMMUNICATIONS"} <= selected(data, email)
    assert got[("PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT", "")] == "TRUE"
    assert got[("PSL_INDEPENDENTLY_VALIDATED", "")] == "TRUE"
    assert selected(data, "PSL_SUPPORT_DATA_DELETION_BY_USER") == {"DATA_DELETION_YES"}
    assert got[("PSL_DATA_DELETION_URL", "")] == "https://brewline.example/privacy/request"
    # Nothing about types the app does not collect.
    assert got[("PSL_DATA_USAGE_RESPONSES:PSL_HEALTH:PSL_DATA_USAGE_EPHEMERAL", "")] == ""


def test_advertising_partners_make_data_shared_for_advertising(example):
    data = export_as(example("fitness-app"), "google-play")
    q = "PSL_DATA_USAGE_RESPONSES:PSL_DEVICE_ID:"
    assert "PSL_DATA_USAGE_ONLY_SHARED" in selected(
        data, q + "PSL_DATA_USAGE_COLLECTION_AND_SHARING"
    )
    assert selected(data, q + "DATA_USAGE_SHARING_PURPOSE") == {"PSL_ADVERTISING"}


def test_no_exported_cell_starts_like_a_formula(example):
    for name in EXAMPLES:
        for row in rows(export_as(example(name), "google-play")):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("name", EXAMPLES)
def test_round_trip_keeps_everything_the_form_carries(name, example):
    notice = example(name)
    data = export_as(notice, "google-play")
    imported = import_from(data, "google-play", source="label.csv")
    assert isinstance(imported.notice, PrivacyNotice)
    assert export_as(imported.notice, "google-play") == data
    # With the notice as base, its own identity and the rest survive; the label replaces the
    # data categories, purposes and practices, and says the same again.
    merged = import_from(data, "google-play", base=notice).notice
    assert export_as(merged, "google-play") == data
    assert merged.controller == notice.controller and merged.rights == notice.rights


def test_round_trip_lists_what_the_form_cannot_carry(example):
    notice = example("coffee-shop")
    imported = import_from(export_as(notice, "google-play"), "google-play")
    back = imported.notice
    # Google's type names and purposes, not the notice's words; no retention, no legal basis.
    assert {str(c.label) for c in back.data_categories} >= {"Email address", "Purchase history"}
    assert back.retention == [] and all(p.legal_basis is None for p in back.purposes)
    assert back.controller.name != notice.controller.name
    assert {loss.path[0] for loss in imported.losses} >= {"controller", "effective_date"}
    cannot = " ".join(get("google-play").cannot_carry)
    for word in ("controller", "retention", "legal bases", "recipients", "translations"):
        assert word in cannot


def _csv(*body: str) -> str:
    return "\n".join([HEADER, *body]) + "\n"


MINIMAL = (
    "PSL_DATA_TYPES_PERSONAL,PSL_EMAIL,TRUE,MULTIPLE_CHOICE,Email",
    "PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:PSL_DATA_USAGE_COLLECTION_AND_SHARING,"
    "PSL_DATA_USAGE_ONLY_COLLECTED,TRUE,MULTIPLE_CHOICE,Collected",
    "PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:DATA_USAGE_COLLECTION_PURPOSE,"
    "PSL_ACCOUNT_MANAGEMENT,TRUE,MULTIPLE_CHOICE,Account",
)


def test_a_small_hand_written_csv_imports():
    imported = import_from(_csv(*MINIMAL), "google-play")
    notice = imported.notice
    assert [c.kind for c in notice.data_categories] == ["contact.email"]
    assert [p.kind for p in notice.purposes] == ["service.account"]
    assert notice.practices[0].necessity == "required"


def test_wrong_header_names_the_expected_one():
    with pytest.raises(NoticeError) as caught:
        import_from("Question,Response,Value\nPSL_X,,TRUE\n", "google-play", source="x.csv")
    problem = caught.value.problems[0]
    assert problem.line == 1 and HEADER in problem.message


def test_unknown_question_ids_are_reported_and_skipped():
    imported = import_from(
        _csv(*MINIMAL, "PSL_SOMETHING_NEW,,TRUE,OPTIONAL,New question"), "google-play"
    )
    assert any(
        "PSL_SOMETHING_NEW" in loss.message and loss.path == ("line", 5) for loss in imported.losses
    )
    assert len(imported.notice.data_categories) == 1


def test_unknown_response_ids_are_reported_and_skipped():
    imported = import_from(
        _csv(*MINIMAL, "PSL_DATA_TYPES_PERSONAL,PSL_SHOE_SIZE,TRUE,MULTIPLE_CHOICE,Shoes"),
        "google-play",
    )
    assert any("PSL_SHOE_SIZE" in loss.message for loss in imported.losses)


def test_duplicate_rows_are_refused_with_both_lines():
    with pytest.raises(NoticeError) as caught:
        import_from(_csv(*MINIMAL, MINIMAL[2]), "google-play")
    (problem,) = caught.value.problems
    assert problem.line == 5 and "first at line 4" in problem.message


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_cells_are_refused_with_row_and_column(start):
    cell = f'"{start}HYPERLINK(""https://evil.example"")"'
    with pytest.raises(NoticeError) as caught:
        import_from(
            _csv(*MINIMAL, f"PSL_ACM_SPECIFY,,{cell},MAYBE_REQUIRED,Describe"), "google-play"
        )
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (5, 3)
    assert problem.path == ("Response value",) and "formula" in problem.message


def test_every_problem_is_reported_and_nothing_is_imported():
    body = (
        *MINIMAL,
        "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT,,maybe,MAYBE_REQUIRED,Encrypted",
        "PSL_DATA_DELETION_URL,,http://insecure.example,MAYBE_REQUIRED,Delete",
        "PSL_UPI_BADGE_OPT_IN,,TRUE,OPTIONAL",
    )
    with pytest.raises(NoticeError) as caught:
        import_from(_csv(*body), "google-play")
    found = [(p.line, p.column) for p in caught.value.problems]
    assert found == [(5, 3), (6, 3), (7, None)]
    assert "TRUE, FALSE or empty" in caught.value.problems[0].message
    assert "https://" in caught.value.problems[1].message
    assert "expected 5" in caught.value.problems[2].message


def test_a_selected_type_needs_its_answers():
    with pytest.raises(NoticeError, match="neither collected nor shared"):
        import_from(_csv(MINIMAL[0]), "google-play")
    with pytest.raises(NoticeError, match="no collection purpose"):
        import_from(_csv(*MINIMAL[:2]), "google-play")


def test_shared_data_gets_a_recipient_to_name():
    body = (
        *MINIMAL,
        "PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:PSL_DATA_USAGE_COLLECTION_AND_SHARING,"
        "PSL_DATA_USAGE_ONLY_SHARED,TRUE,MULTIPLE_CHOICE,Shared",
        "PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:DATA_USAGE_SHARING_PURPOSE,"
        "PSL_ACCOUNT_MANAGEMENT,TRUE,MULTIPLE_CHOICE,Account",
    )
    imported = import_from(_csv(*body), "google-play")
    assert [r.id for r in imported.notice.recipients] == ["third-parties"]
    assert any(loss.path == ("recipients",) for loss in imported.losses)
    again = export_as(imported.notice, "google-play")
    q = "PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:"
    assert selected(again, q + "DATA_USAGE_SHARING_PURPOSE") == {"PSL_ACCOUNT_MANAGEMENT"}


def test_not_utf8_and_empty_files_are_refused():
    with pytest.raises(NoticeError, match="not UTF-8"):
        import_from(b"\xff\xfe\x00", "google-play")
    with pytest.raises(NoticeError, match="empty"):
        import_from(b"", "google-play")
