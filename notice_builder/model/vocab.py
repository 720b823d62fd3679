"""Canonical vocabularies and their codes in outside schemes (Apple, Google Play, CCPA, DPV).

The crosswalk CSVs beside this module are the single source: canonical ids, labels and codes
are read from them once at import. Cells are free text written for people ("SPI-1B if
login+credential"), so only unconditional codes are taken; conditional ones are left to the
notice author.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

_DATA = Path(__file__).parent / "data"

_APPLE = re.compile(r"^[A-Z][A-Z_]{2,}")
_GOOGLE = re.compile(r"\bPSL_[A-Z_]+\b")
_CCPA_LETTER = re.compile(r"\b[A-L]\b")
_SPI = re.compile(r"^(SPI-\d[A-G])\b")
_DPV = re.compile(r"\b(?:pd|dpv):[A-Za-z]+")
_BUSINESS_PURPOSE = re.compile(r"\bBP\d\b")

# GDPR special categories (Art 9(1)) and criminal data (Art 10) by canonical data category.
# Rows whose GDPR status is conditional ("Art 9 if reveals health") are left ordinary.
GDPR_SPECIAL_BY_KIND: dict[str, str] = {
    "health.medical": "health",
    "sensitive.race_ethnicity": "racial_ethnic",
    "sensitive.beliefs": "political_religious_philosophical",
    "sensitive.sexual": "sex_life_orientation",
    "sensitive.trade_union": "trade_union",
    "sensitive.genetic": "genetic",
    "sensitive.biometric": "biometric",
    "sensitive.criminal": "criminal",
}

GdprSpecial = Literal[
    "none",
    "racial_ethnic",
    "political_religious_philosophical",
    "trade_union",
    "genetic",
    "biometric",
    "health",
    "sex_life_orientation",
    "criminal",
]

SpiCode = Literal[
    "SPI-1A",
    "SPI-1B",
    "SPI-1C",
    "SPI-1D",
    "SPI-1E",
    "SPI-1F",
    "SPI-1G",
    "SPI-2A",
    "SPI-2B",
    "SPI-2C",
]
CcpaCategory = Literal["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"]


@dataclass(frozen=True)
class CategoryCodes:
    """Codes of one canonical data category in the outside vocabularies."""

    label: str
    apple: str | None
    google: tuple[str, ...]
    ccpa: tuple[str, ...]
    ccpa_spi: str | None
    gdpr_special: str
    dpv: tuple[str, ...]


@dataclass(frozen=True)
class PurposeCodes:
    """Codes of one canonical purpose in the outside vocabularies."""

    label: str
    apple: str | None
    google: tuple[str, ...]
    ccpa: tuple[str, ...]
    dpv: tuple[str, ...]


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text.strip())
    return match.group(0) if match else None


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _ccpa_letters(text: str) -> tuple[str, ...]:
    # "B (medical info);C" -> B, C; "(H/K depending)" is conditional and gives nothing.
    return _unique(_CCPA_LETTER.findall(re.sub(r"\([^)]*\)", "", text)))


def _read(name: str) -> list[dict[str, str]]:
    with (_DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _load_categories() -> dict[str, CategoryCodes]:
    table: dict[str, CategoryCodes] = {}
    for row in _read("crosswalk_data_categories.csv"):
        kind = row["unified_id"]
        spi = row["ccpa_spi"].strip()
        table[kind] = CategoryCodes(
            label=row["label"],
            apple=_first(_APPLE, row["apple_asc_id"]),
            google=_unique(_GOOGLE.findall(row["google_response_id"])),
            ccpa=_ccpa_letters(row["ccpa_category"]),
            ccpa_spi=None if " if " in f" {spi} " or "(" in spi[:1] else _first(_SPI, spi),
            gdpr_special=GDPR_SPECIAL_BY_KIND.get(kind, "none"),
            dpv=_unique(_DPV.findall(row["dpv_concept"])),
        )
    return table


def _load_purposes() -> dict[str, PurposeCodes]:
    table: dict[str, PurposeCodes] = {}
    for row in _read("crosswalk_purposes.csv"):
        table[row["unified_id"]] = PurposeCodes(
            label=row["label"],
            apple=_first(_APPLE, row["apple_purpose"]),
            google=_unique(_GOOGLE.findall(row["google_purpose"])),
            ccpa=_unique(_BUSINESS_PURPOSE.findall(row["ccpa_purpose"])),
            dpv=_unique(_DPV.findall(row["dpv_purpose"])),
        )
    return table


CATEGORY_CODES: dict[str, CategoryCodes] = _load_categories()
PURPOSE_CODES: dict[str, PurposeCodes] = _load_purposes()

# Literal types built from the crosswalks, so the JSON Schema lists every canonical id and an
# unknown id is reported with the known ones.
CategoryKind = Literal[tuple(CATEGORY_CODES)]  # type: ignore[valid-type]
PurposeKind = Literal[tuple(PURPOSE_CODES)]  # type: ignore[valid-type]

# EEA member states (EU 27 + Iceland, Liechtenstein, Norway): transfers outside need safeguards.
EEA_COUNTRIES = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
    ]
)
EU_JURISDICTIONS = frozenset({"EU", "EEA", "UK"} | EEA_COUNTRIES | {"GB"})
# "US" counts: a notice for the whole United States reaches Californians.
CCPA_JURISDICTIONS = frozenset({"US", "US-CA"})
