"""The privacy-notice model (pydantic v2): the single source of truth of the house."""

from .notice import (
    READING_WORDS_PER_MINUTE,
    SCHEMA_VERSION,
    FullPolicy,
    IntegrityError,
    Issue,
    Presentation,
    PrivacyNotice,
)
from .parties import Address, Contact, Organization, Recipient, SupervisoryAuthority, Transfer
from .practices import (
    AutomatedDecision,
    Codes,
    DataCategory,
    DataPractice,
    DataSource,
    Purpose,
    RetentionRule,
)
from .report import PrivacyReport, RequestFigures
from .rights import (
    Channel,
    Children,
    Choices,
    Commitment,
    GlobalPrivacyControl,
    OptOut,
    Right,
    Security,
    SecurityMeasure,
)
from .text import LongText, Text

__all__ = [
    "READING_WORDS_PER_MINUTE",
    "SCHEMA_VERSION",
    "Address",
    "AutomatedDecision",
    "Channel",
    "Children",
    "Choices",
    "Codes",
    "Commitment",
    "Contact",
    "DataCategory",
    "DataPractice",
    "DataSource",
    "FullPolicy",
    "GlobalPrivacyControl",
    "IntegrityError",
    "Issue",
    "LongText",
    "OptOut",
    "Organization",
    "Presentation",
    "PrivacyNotice",
    "PrivacyReport",
    "Purpose",
    "Recipient",
    "RequestFigures",
    "RetentionRule",
    "Right",
    "Security",
    "SecurityMeasure",
    "SupervisoryAuthority",
    "Text",
    "Transfer",
]
