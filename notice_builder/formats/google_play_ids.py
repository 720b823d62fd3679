"""The ids of Google Play's Data safety CSV: its header, questions, options and data types, and
how Google's types and purposes map back to the notice's canonical ones."""

from __future__ import annotations

from ..model.vocab import CATEGORY_CODES, PURPOSE_CODES
from .common import reverse_map, table

HEADER = (
    "Question ID (machine readable)",
    "Response ID (machine readable)",
    "Response value",
    "Answer requirement",
    "Human-friendly question label",
)
USAGE = "PSL_DATA_USAGE_RESPONSES"
COLLECTION_AND_SHARING = "PSL_DATA_USAGE_COLLECTION_AND_SHARING"
EPHEMERAL = "PSL_DATA_USAGE_EPHEMERAL"
USER_CONTROL = "DATA_USAGE_USER_CONTROL"
COLLECTION_PURPOSE = "DATA_USAGE_COLLECTION_PURPOSE"
SHARING_PURPOSE = "DATA_USAGE_SHARING_PURPOSE"
DEVELOPER_COMMUNICATIONS = "PSL_DEVELOPER_COMMUNICATIONS"
COLLECTED, SHARED = "PSL_DATA_USAGE_ONLY_COLLECTED", "PSL_DATA_USAGE_ONLY_SHARED"
OPTIONAL, REQUIRED = "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL", "PSL_DATA_USAGE_USER_CONTROL_REQUIRED"
# A spreadsheet runs a cell starting with these as a formula (CSV injection, OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_BYTES = 2_000_000
MAX_ROWS = 10_000

TYPES = table("google_play_data_safety_data_types.csv")
TYPE_LABEL = {t["response_id"]: t["data_type_label"] for t in TYPES}
TYPE_CATEGORY = {t["response_id"]: t["category_question_id"] for t in TYPES}
CATEGORY_LABEL = {t["category_question_id"]: t["category_label"] for t in TYPES}
PURPOSES = {p["response_id"]: p["label"] for p in table("google_play_data_safety_purposes.csv")}
PURPOSE_DEFINITION = {
    p["response_id"]: p["definition_paraphrased"]
    for p in table("google_play_data_safety_purposes.csv")
}
GLOBAL_QUESTIONS = {
    q["question_id_pattern"]: q
    for q in table("google_play_data_safety_csv_questions.csv")
    if not q["question_id_pattern"].startswith(("PSL_DATA_TYPES_", USAGE))
}
# Older templates asked a yes/no question instead of the deletion choice; both are read.
OLD_DELETION_QUESTION = "PSL_DATA_COLLECTION_USER_REQUEST_DELETE"
BOOLEAN_QUESTIONS = frozenset(
    {
        "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA",
        "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT",
        "PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY",
        "PSL_INDEPENDENTLY_VALIDATED",
        "PSL_UPI_BADGE_OPT_IN",
        "PSL_HAS_OUTSIDE_APP_ACCOUNTS",
        OLD_DELETION_QUESTION,
    }
)

USAGE_QUESTIONS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    COLLECTION_AND_SHARING: (
        "Is this data collected, shared, or both?",
        "MULTIPLE_CHOICE",
        (COLLECTED, SHARED),
    ),
    EPHEMERAL: ("Is this data processed ephemerally?", "MAYBE_REQUIRED", ()),
    USER_CONTROL: (
        "Is this data required for your app, or can users choose whether it's collected?",
        "SINGLE_CHOICE",
        (OPTIONAL, REQUIRED),
    ),
    COLLECTION_PURPOSE: (
        "Why is this user data collected? Select all that apply.",
        "MULTIPLE_CHOICE",
        tuple(PURPOSES),
    ),
    SHARING_PURPOSE: (
        "Why is this user data shared? Select all that apply.",
        "MULTIPLE_CHOICE",
        tuple(PURPOSES),
    ),
}
OPTION_LABELS = {
    COLLECTED: "Collected",
    SHARED: "Shared",
    OPTIONAL: "Users can choose whether this data is collected",
    REQUIRED: "Data collection is required (users can't turn off this data collection)",
    "PSL_ACM_USER_ID_PASSWORD": "Username and password",
    "PSL_ACM_USER_ID_OTHER_AUTH": "Username and other authentication",
    "PSL_ACM_USER_ID_PASSWORD_OTHER_AUTH": "Username, password and other authentication",
    "PSL_ACM_OAUTH": "OAuth",
    "PSL_ACM_OTHER": "Other",
    "PSL_ACM_NONE": "My app does not allow users to create an account",
    "DATA_DELETION_YES": "Yes",
    "DATA_DELETION_NO": "No",
    "DATA_DELETION_NO_AUTO_DELETED": "No, data is automatically deleted within 90 days",
    "PSL_LOGIN_WITH_OUTSIDE_APP_ID": "Login with an account created outside the app",
    "PSL_LOGIN_THROUGH_EMPLOYMENT_OR_ENTERPRISE_ACCOUNT": "Employment or enterprise account",
    "PSL_OUTSIDE_APP_ACCOUNT_TYPE_OTHER": "Other",
    **PURPOSES,
}


# Google's "Other info" covers date of birth, gender, veteran status: the demographic row;
# "Other actions" is other usage, not the gameplay row that happens to come first.
KIND_OF_TYPE = {
    **reverse_map(CATEGORY_CODES, "google"),
    "PSL_OTHER_PERSONAL": "demographic.basic",
    "PSL_OTHER_APP_ACTIVITY": "activity.other",
}
# No canonical purpose maps to "Developer communications" alone: the import picks customer
# support or direct marketing by what else is answered (see google_play_import.py).
KIND_OF_PURPOSE = {
    **reverse_map(PURPOSE_CODES, "google"),
    "PSL_DEVELOPER_COMMUNICATIONS": "service.support",
}
