"""`notice-builder convert`: a notice to a store label or another format, and a store label back
to a notice.

    notice-builder convert notice.yaml -o data-safety.csv --to google-play
    notice-builder convert data-safety.csv -o notice.yaml            # format read from the file
    notice-builder convert app_privacy_details.json --from apple-app-privacy --base notice.yaml

Exit status: 0 converted (what the target cannot carry is listed on stderr), 1 the notice cannot
be expressed in the target (a required field is missing), 2 unreadable input or a wrong option.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from .cli_common import (
    EXIT_FOUND,
    EXIT_UNREADABLE,
    add_notice_argument,
    read_notice_argument,
    write_bytes,
    write_text,
)

NOTICE_SUFFIXES = (".yaml", ".yml")
MAX_INPUT = 5_000_000


def add_convert_command(commands) -> None:
    """The convert command's parser, added to the command line's subcommands."""
    from .formats import importable, names

    convert = commands.add_parser(
        "convert",
        help="convert a notice to a store label, TILT or DPV, or a store label to a notice",
        description="Export a notice as another format (--to), or import a Google Play Data "
        "safety CSV or an Apple app_privacy_details.json into a notice (--from, or recognised from "
        "the file). What the target cannot carry is listed on stderr. Exit 0 when converted, 1 "
        "when the notice lacks something the target requires, 2 when the input cannot be read or "
        "an option is wrong; nothing is half-written.",
    )
    add_notice_argument(convert)
    convert.add_argument("-o", "--output", default="-", help="file to write ('-' for stdout)")
    convert.add_argument("--to", choices=names(), help="export the notice in this format")
    convert.add_argument(
        "--from",
        dest="source_format",
        choices=importable(),
        help="read the input as this format (default: recognised from the content or suffix)",
    )
    convert.add_argument(
        "--base",
        metavar="NOTICE",
        help="when importing: a notice whose identity, rights and the rest are kept; the label "
        "replaces its data categories, purposes and practices",
    )
    convert.add_argument("--quiet", action="store_true", help="do not list what was lost")


def _target_format(args: argparse.Namespace) -> str | None:
    from .formats import formats

    if args.to:
        return args.to
    if args.output == "-":
        return None
    name = args.output.lower()
    matches = [f.name for f in formats() if name.endswith(f.suffix) and f.suffix != ".json"]
    # The longest suffix wins: data.tilt.json is TILT, not any .json.
    matches.sort(key=lambda n: -len(next(f.suffix for f in formats() if f.name == n)))
    return matches[0] if matches else None


def _cmd_convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .formats import detect
    from .io import NoticeError, read_notice_content

    if args.to and (args.source_format or args.base):
        print(
            "notice-builder convert: --to exports a notice; --from and --base import a label: "
            "choose one direction",
            file=err,
        )
        return EXIT_UNREADABLE
    if args.to or (args.notice is None and not args.source_format):
        return _export(args, read_notice_argument(args, err), out, err)
    if args.source_format or args.base:
        return _import(args, out, err)
    if args.notice != "-" and Path(args.notice).suffix.lower() in NOTICE_SUFFIXES:
        return _export(args, read_notice_argument(args, err), out, err)
    # A .json, .csv or stdin: a store label when its content says so, else a notice.
    try:
        data, source = _read_input(args.notice)
    except OSError as exc:
        print(f"notice-builder convert: cannot read {args.notice}: {exc.strerror or exc}", file=err)
        return EXIT_UNREADABLE
    try:
        # By content only: a .json may be a notice or an Apple label; a .csv is a Data safety CSV
        # (so a wrong header is reported as such).
        detect(data) if not source.lower().endswith(".csv") else detect(data, source)
    except KeyError:
        try:
            loaded = read_notice_content(data[: MAX_INPUT + 1], source=source)
        except NoticeError as exc:
            loaded = exc
        return _export(args, loaded, out, err)
    return _import(args, out, err, (data, source))


def _export(args: argparse.Namespace, loaded, out: TextIO, err: TextIO) -> int:
    from .formats import get
    from .io import NoticeError

    name = _target_format(args)
    if name is None:
        print(
            "notice-builder convert: name the target with --to (or an output suffix such as "
            ".csv, .tilt.json or .jsonld)",
            file=err,
        )
        return EXIT_UNREADABLE
    if isinstance(loaded, NoticeError):
        print(loaded, file=err)
        return EXIT_UNREADABLE
    fmt = get(name)
    try:
        data = fmt.export(loaded.notice)
    except ValueError as exc:
        print(f"notice-builder convert: {loaded.source}: cannot write {fmt.title}: {exc}", file=err)
        return EXIT_FOUND
    if not args.quiet:
        for loss in fmt.losses(loaded.notice):
            print(f"note: {fmt.name}: {loss.dotted}: {loss.message}", file=err)
    return write_bytes(args.output, data, out, err)


def _read_input(path: str | None) -> tuple[bytes, str]:
    if path is None or path == "-":
        return sys.stdin.buffer.read(MAX_INPUT + 1), "<stdin>"
    return Path(path).read_bytes(), path


def _import(
    args: argparse.Namespace, out: TextIO, err: TextIO, given: tuple[bytes, str] | None = None
) -> int:
    from .formats import import_from
    from .io import NoticeError, dumps_json, dumps_yaml, load_notice

    try:
        data, source = given or _read_input(args.notice)
    except OSError as exc:
        print(f"notice-builder convert: cannot read {args.notice}: {exc.strerror or exc}", file=err)
        return EXIT_UNREADABLE
    if len(data) > MAX_INPUT:
        print(f"notice-builder convert: {source} is larger than 5 MB", file=err)
        return EXIT_UNREADABLE
    try:
        base = load_notice(args.base) if args.base else None
        imported = import_from(data, args.source_format, source=source, base=base)
    except NoticeError as exc:
        print(exc, file=err)
        return EXIT_UNREADABLE
    except KeyError as exc:
        print(f"notice-builder convert: {exc.args[0]}", file=err)
        return EXIT_UNREADABLE
    if not args.quiet:
        for loss in imported.losses:
            print(f"note: {source}: {loss.dotted}: {loss.message}", file=err)
    as_json = args.output != "-" and args.output.lower().endswith(".json")
    text = dumps_json(imported.notice) if as_json else dumps_yaml(imported.notice)
    return write_text(args.output, text, out, err)


COMMANDS = {"convert": _cmd_convert}
