"""Periodic privacy reports: what people asked for and how the controller kept its word."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, model_validator

from .base import Model
from .text import LongText, Text

RequestKind = Literal[
    "access",
    "deletion",
    "correction",
    "portability",
    "opt_out",
    "limit_spi",
    "objection",
    "consent_withdrawal",
    "other",
]
_PERIOD = re.compile(r"^(?P<year>\d{4})(?:-(?P<part>Q[1-4]|H[12]|0[1-9]|1[0-2]))?$")
# Ceiling for any count: far above any real company, low enough to catch typos and overflows.
MAX_COUNT = 1_000_000_000


class RequestFigures(Model):
    """Requests of one kind received and answered in a period."""

    kind: RequestKind = Field(description="Kind of request.")
    received: int = Field(ge=0, le=MAX_COUNT, description="Requests received in the period.")
    completed: int = Field(ge=0, le=MAX_COUNT, description="Requests completed in the period.")
    denied: int = Field(0, ge=0, le=MAX_COUNT, description="Requests denied (e.g. not verifiable).")
    median_days: float | None = Field(
        None, ge=0, le=3650, description="Median days to answer requests of this kind."
    )


class PrivacyReport(Model):
    """The figures of one period: a quarter (2026-Q1), a half (2026-H1), a month (2026-03) or a
    year (2026)."""

    period: str = Field(description="The period: 2026, 2026-H1, 2026-Q1 or 2026-03.")
    label: Text | None = Field(None, description="How to name the period, e.g. 'Spring 2026'.")
    requests: list[RequestFigures] = Field(
        default_factory=list, max_length=20, description="Requests by kind."
    )
    median_days_to_respond: float | None = Field(
        None, ge=0, le=3650, description="Median days to answer any request."
    )
    opt_outs: int | None = Field(
        None,
        ge=0,
        le=MAX_COUNT,
        description="Opt-outs (including Global Privacy Control) honoured.",
    )
    incidents: int = Field(
        0, ge=0, le=100_000, description="Security incidents involving personal data."
    )
    incidents_notified: int | None = Field(
        None, ge=0, le=100_000, description="Incidents notified to an authority."
    )
    highlights: list[LongText] = Field(
        default_factory=list, max_length=20, description="What changed or was achieved."
    )

    @model_validator(mode="after")
    def _valid(self):
        if not _PERIOD.match(self.period):
            raise ValueError(
                f"period {self.period!r} should look like 2026, 2026-H1, 2026-Q1 or 2026-03"
            )
        kinds = [r.kind for r in self.requests]
        repeated = sorted({k for k in kinds if kinds.count(k) > 1})
        if repeated:
            raise ValueError(f"request kind listed twice in one period: {', '.join(repeated)}")
        if self.incidents_notified is not None and self.incidents_notified > self.incidents:
            raise ValueError("incidents_notified cannot exceed incidents")
        return self

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Orders periods in time: by year, then by the month the period starts in, longer first."""
        match = _PERIOD.match(self.period)
        assert match
        year, part = int(match["year"]), match["part"]
        if part is None:
            return (year, 1, 0)
        if part[0] == "Q":
            return (year, 3 * int(part[1]) - 2, 2)
        if part[0] == "H":
            return (year, 6 * int(part[1]) - 5, 1)
        return (year, int(part), 3)
