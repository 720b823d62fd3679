"""Save a notice to a file atomically: a failed write never leaves a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..model import PrivacyNotice
from .dump import dumps_json, dumps_yaml


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then move it into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a saved file gets the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_notice(notice: PrivacyNotice, path: str | Path, *, original: str | None = None) -> None:
    """Save as JSON or YAML, picked by the file's suffix; YAML keeps `original`'s comments."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        text = dumps_json(notice)
    elif path.suffix.lower() in (".yaml", ".yml"):
        text = dumps_yaml(notice, original=original)
    else:
        raise ValueError(f"cannot tell the format of '{path.name}': use .yaml, .yml or .json")
    write_atomic(path, text.encode("utf-8"))
