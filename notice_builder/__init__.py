"""notice-builder: privacy notices as data, turned into checks, infographics and charts.

The public API:

    from notice_builder import load_notice, run_checks
    notice = load_notice("examples/coffee-shop.yaml")
    for finding in run_checks(notice):
        print(finding.severity, finding.dotted, finding.message)

Names are imported on first use, so a process that only needs one part (the text engine, the
command line's --help) does not pay for the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Finding": "notice_builder.checks",
    "run_checks": "notice_builder.checks",
    "NoticeError": "notice_builder.io",
    "dumps_json": "notice_builder.io",
    "dumps_yaml": "notice_builder.io",
    "load_notice": "notice_builder.io",
    "loads_notice": "notice_builder.io",
    "save_notice": "notice_builder.io",
    "PrivacyNotice": "notice_builder.model",
}

__all__ = [
    "Finding",
    "NoticeError",
    "PrivacyNotice",
    "__version__",
    "dumps_json",
    "dumps_yaml",
    "load_notice",
    "loads_notice",
    "run_checks",
    "save_notice",
]

if TYPE_CHECKING:
    from .checks import Finding, run_checks
    from .io import NoticeError, dumps_json, dumps_yaml, load_notice, loads_notice, save_notice
    from .model import PrivacyNotice


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'notice_builder' has no attribute {name!r}")
