"""notice-builder: privacy notices as data, turned into checks, infographics and charts.

The public API:

    from notice_builder import load_notice, run_checks
    notice = load_notice("examples/coffee-shop.yaml")
    for finding in run_checks(notice):
        print(finding.severity, finding.dotted, finding.message)
"""

__version__ = "0.1.0"

from .checks import Finding, run_checks  # noqa: E402
from .io import NoticeError, dumps_json, dumps_yaml, load_notice, loads_notice, save_notice  # noqa: E402
from .model import PrivacyNotice  # noqa: E402

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
