"""The base of every model class: strict about unknown fields, described for the JSON Schema."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError


class Model(BaseModel):
    """Unknown fields are errors (a lawyer's typo must not be dropped silently)."""

    model_config = ConfigDict(extra="forbid", validate_default=False, frozen=False)


_DURATION = re.compile(
    r"^P(?!$)(?:(?P<y>\d+)Y)?(?:(?P<mo>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<h>\d+)H)?(?:(?P<mi>\d+)M)?(?:(?P<s>\d+)S)?)?$"
)


def duration_days(value: str) -> float:
    """Length of an ISO 8601 duration in days (a year counts 365.25 days, a month 30.44)."""
    match = _DURATION.match(value)
    if not match:
        raise ValueError(f"not an ISO 8601 duration: {value!r}")
    parts = {k: int(v) for k, v in match.groupdict().items() if v}
    return (
        parts.get("y", 0) * 365.25
        + parts.get("mo", 0) * 30.44
        + parts.get("w", 0) * 7
        + parts.get("d", 0)
        + timedelta(
            hours=parts.get("h", 0), minutes=parts.get("mi", 0), seconds=parts.get("s", 0)
        ).total_seconds()
        / 86400
    )


def _check_duration(value: str) -> str:
    if not _DURATION.match(value):
        raise PydanticCustomError(
            "iso_duration",
            "'{value}' is not an ISO 8601 duration; write for example P30D (30 days), P18M "
            "(18 months), P2Y (2 years) or PT24H (24 hours)",
            {"value": value[:40]},
        )
    if duration_days(value) > 200 * 365.25:
        raise PydanticCustomError(
            "iso_duration", "'{value}' is longer than 200 years", {"value": value}
        )
    return value


Duration = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=40),
    AfterValidator(_check_duration),
    Field(description="An ISO 8601 duration such as P30D, P18M, P2Y or PT24H."),
]

COUNTRY_PATTERN = r"^[A-Z]{2}$"
JURISDICTION_PATTERN = r"^(?:EU|EEA|[A-Z]{2}(?:-[A-Z0-9]{1,3})?)$"

Country = Annotated[
    str,
    StringConstraints(pattern=COUNTRY_PATTERN),
    Field(description="An ISO 3166-1 alpha-2 country code such as IE, US or AE."),
]

Jurisdiction = Annotated[
    str,
    StringConstraints(pattern=JURISDICTION_PATTERN),
    Field(
        description="Where a rule applies: EU, EEA, a country (UK, AE) or a subdivision (US-CA)."
    ),
]
