"""The JSON Schema of the notice format, for editors that validate and complete YAML/JSON."""

from __future__ import annotations

from typing import Any

from .model import SCHEMA_VERSION, PrivacyNotice


def notice_json_schema() -> dict[str, Any]:
    schema = PrivacyNotice.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://notice-builder.example/schema/notice-v{SCHEMA_VERSION}.json",
        **schema,
    }
