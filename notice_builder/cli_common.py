"""What every command shares: exit codes, the parser class, reading the notice argument,
writing output atomically or to stdout."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_FOUND, EXIT_UNREADABLE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors exit 2, like every unreadable input."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNREADABLE, f"{self.prog}: error: {message}\n")


def add_notice_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "notice",
        nargs="?",
        help="notice file (.yaml, .yml or .json; '-' for stdin); default: the embedded sample",
    )


def read_notice_argument(args: argparse.Namespace, err: TextIO):
    """Load the notice named on the command line; prints problems and returns None on failure."""
    from .io import NoticeError, read_notice, read_notice_content
    from .io.parse import DEFAULT_LIMITS
    from .resources import example_path

    try:
        if args.notice is None:
            path = example_path()
            print(f"(no file given: using the embedded sample {path.name})", file=err)
            return read_notice(path)
        if args.notice == "-":
            data = sys.stdin.buffer.read(DEFAULT_LIMITS.max_bytes + 1)
            return read_notice_content(data, source="<stdin>")
        return read_notice(args.notice)
    except NoticeError as exc:
        return exc


def write_text(target: str, text: str, out: TextIO, err: TextIO) -> int:
    return write_bytes(target, text.encode("utf-8"), out, err)


def write_bytes(target: str, data: bytes, out: TextIO, err: TextIO) -> int:
    if target == "-":
        buffer = getattr(out, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:
            out.write(data.decode("utf-8"))
        return EXIT_OK
    from .io.save import write_atomic

    path = Path(target)
    try:
        write_atomic(path, data)
    except OSError as exc:
        print(f"notice-builder: cannot write {path}: {exc.strerror or exc}", file=err)
        return EXIT_UNREADABLE
    print(f"wrote {path}", file=err)
    return EXIT_OK


def write_json(out: TextIO, data: object) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
