"""Reading and writing notices: safe parsing, validation with located errors, YAML/JSON output."""

from .dump import dumps_json, dumps_yaml, notice_data
from .load import (
    LoadedNotice,
    NoticeError,
    Problem,
    load_notice,
    loads_notice,
    read_notice,
    read_notice_content,
    validate_notice,
)
from .save import save_notice

__all__ = [
    "LoadedNotice",
    "NoticeError",
    "Problem",
    "dumps_json",
    "dumps_yaml",
    "load_notice",
    "loads_notice",
    "notice_data",
    "read_notice",
    "read_notice_content",
    "save_notice",
    "validate_notice",
]
