"""The `notice-builder` command: a thin shell over the public API.

Exit status, for scripts:
  0  success (valid notice; no error findings)
  1  problems found (validate: the notice is invalid; check: error findings)
  2  the input could not be read (missing file, bad YAML/JSON, an invalid notice for `check`),
     or the command line was wrong
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__
from .cli_chart import COMMANDS as CHART_COMMANDS
from .cli_chart import add_chart_command
from .cli_common import (
    EXIT_FOUND,
    EXIT_OK,
    EXIT_UNREADABLE,
    Parser,
    add_notice_argument,
    read_notice_argument,
    write_json,
    write_text,
)
from .cli_convert import COMMANDS as CONVERT_COMMANDS
from .cli_convert import add_convert_command
from .cli_pictures import COMMANDS as PICTURE_COMMANDS
from .cli_pictures import add_picture_commands
from .i18n import is_rtl, isolate, languages, t

DESCRIPTION = """\
Turn a structured privacy notice (YAML or JSON) into checks today, and short visual summaries.

Start from the sample:  notice-builder sample -o my-notice.yaml
Validate it:            notice-builder validate my-notice.yaml
Check compliance:       notice-builder check my-notice.yaml --profile gdpr,ccpa
Draw an infographic:    notice-builder render my-notice.yaml --layout at-a-glance -o glance.svg
Author in the browser:  notice-builder serve
Editor completion:      notice-builder schema -o notice.schema.json

Without a file, validate and check use the embedded sample notice (a coffee-shop loyalty app).
"""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="notice-builder",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"notice-builder {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    validate = commands.add_parser(
        "validate",
        help="check that a notice file is well formed and complete",
        description="Read a notice and report every problem with its line, column and field. "
        "Exit 0 when valid, 1 when invalid, 2 when the file cannot be read.",
    )
    add_notice_argument(validate)
    validate.add_argument(
        "--format", choices=["text", "json"], default="text", help="output format"
    )

    check = commands.add_parser(
        "check",
        help="run compliance and plain-language checks",
        description="Run the rules of the chosen profiles. Each finding gives its severity, the "
        "field, a message and the article it comes from. Exit 0 when there are no errors, 1 when "
        "there are, 2 when the notice cannot be read.",
    )
    add_notice_argument(check)
    check.add_argument(
        "--profile",
        help="comma-separated profiles (gdpr, ccpa, plain-language, translations, stores); "
        "default: chosen from the notice's jurisdictions, plus plain-language and translations",
    )
    check.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    check.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    check.add_argument(
        "--lang",
        choices=languages(),
        default="en",
        help="language of the findings and rule titles (default: en); ids, paths and the "
        "articles stay as they are",
    )

    add_picture_commands(commands)
    add_chart_command(commands)
    add_convert_command(commands)

    serve = commands.add_parser(
        "serve",
        help="run the browser app (needs the 'app' extra)",
        description="Run the browser app on http://HOST:PORT with the notices in a database: "
        "--db URL, else DATABASE_URL, else a SQLite file in your data folder, seeded with the "
        'sample notice on first run. For production use gunicorn "notice_builder.app:server" '
        "with DASH_SECRET_KEY set.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8050, help="port to listen on")
    serve.add_argument("--db", help="database URL (sqlite:///file.db or postgresql://...)")

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a notice (for editor completion)",
        description="Print the JSON Schema of the notice format, for editors that validate and "
        "complete YAML or JSON (e.g. with a yaml-language-server `$schema` comment).",
    )
    schema.add_argument("-o", "--output", default="-", help="file to write ('-' for stdout)")

    sample = commands.add_parser(
        "sample",
        help="print an example notice to start from",
        description="Print one of the bundled example notices.",
    )
    sample.add_argument("name", nargs="?", default=None, help="example name (default: coffee-shop)")
    sample.add_argument("-o", "--output", default="-", help="file to write ('-' for stdout)")
    sample.add_argument("--list", action="store_true", help="list the example names")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (tests call this in-process)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_UNREADABLE
    try:
        return COMMANDS[args.command](args, sys.stdout, sys.stderr)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .io import NoticeError

    loaded = read_notice_argument(args, err)
    if isinstance(loaded, NoticeError):
        unreadable = _syntax(loaded)
        if args.format == "json":
            write_json(
                out,
                {
                    "valid": False,
                    "source": loaded.source,
                    "problems": [p.as_dict() for p in loaded.problems],
                },
            )
        else:
            print(loaded, file=err)
        return EXIT_UNREADABLE if unreadable else EXIT_FOUND
    notice = loaded.notice
    if args.format == "json":
        write_json(out, {"valid": True, "source": loaded.source, "problems": []})
    else:
        print(
            f"{loaded.source}: valid ({len(notice.data_categories)} data categories, "
            f"{len(notice.purposes)} purposes, {len(notice.practices)} practices, "
            f"locales: {', '.join(notice.all_locales)})",
            file=out,
        )
    return EXIT_OK


def _syntax(error) -> bool:
    # Problems without a field path come from parsing: the file could not be read as a notice.
    return any(not p.path for p in error.problems)


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .checks import default_profiles, parse_profiles, rules, run_checks, severity_text
    from .io import NoticeError

    lang = args.lang
    # In a right-to-left language the file, rule, path and article keep their own order; the
    # words around them are already in the line's language, so they need no isolate.
    ltr = isolate if is_rtl(lang) else str
    if args.list_rules:
        for r in rules():
            severity = severity_text(r.severity, lang)
            print(
                f"{r.id:28} {r.profile:15} {severity:8} {r.title_text(lang)} ({r.reference})",
                file=out,
            )
        return EXIT_OK
    try:
        profiles = parse_profiles(args.profile) if args.profile else None
    except ValueError as exc:
        print(f"notice-builder check: {exc}", file=err)
        return EXIT_UNREADABLE
    loaded = read_notice_argument(args, err)
    if isinstance(loaded, NoticeError):
        if args.format == "json":
            write_json(
                out,
                {
                    "source": loaded.source,
                    "readable": False,
                    "problems": [p.as_dict() for p in loaded.problems],
                },
            )
        else:
            print(loaded, file=err)
        return EXIT_UNREADABLE
    notice = loaded.notice
    profiles = profiles or default_profiles(notice)
    findings = run_checks(notice, profiles)
    counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")}
    if args.format == "json":
        items = []
        for f in findings:
            item = f.as_dict(lang)
            item["line"], item["column"] = loaded.locate(f.path) or (None, None)
            items.append(item)
        write_json(
            out,
            {
                "source": loaded.source,
                "readable": True,
                "profiles": profiles,
                "counts": counts,
                "findings": items,
            },
        )
    else:
        for f in findings:
            where = loaded.source
            position = loaded.locate(f.path)
            if position:
                where += f":{position[0]}:{position[1]}"
            line = t(
                "checks.cli.finding",
                lang,
                where=ltr(where),
                severity=severity_text(f.severity, lang),
                rule=ltr(f.rule),
                path=ltr(f.dotted),
                message=f.text(lang),
                reference=ltr(f.reference),
            )
            print(line, file=out)
        summary = t(
            "checks.cli.summary",
            lang,
            source=ltr(loaded.source),
            errors=t("checks.cli.errors", lang, count=counts["error"]),
            warnings=t("checks.cli.warnings", lang, count=counts["warning"]),
            notes=t("checks.cli.notes", lang, count=counts["info"]),
            profiles=ltr(", ".join(profiles)),
        )
        print(summary, file=out)
    return EXIT_FOUND if counts["error"] else EXIT_OK


def _cmd_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        from .app import serve
    except ImportError as exc:
        print(
            f"notice-builder serve: the app needs its extra: pip install 'notice-builder[app]' ({exc})",
            file=err,
        )
        return EXIT_UNREADABLE
    serve(args.host, args.port, args.db)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .schema import notice_json_schema

    return write_text(
        args.output, json.dumps(notice_json_schema(), ensure_ascii=False, indent=2) + "\n", out, err
    )


def _cmd_sample(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .resources import SAMPLE_NAME, example_names, example_path

    if args.list:
        print("\n".join(example_names()), file=out)
        return EXIT_OK
    try:
        path = example_path(args.name or SAMPLE_NAME)
    except KeyError as exc:
        print(f"notice-builder sample: {exc.args[0]}", file=err)
        return EXIT_UNREADABLE
    return write_text(args.output, path.read_text(encoding="utf-8"), out, err)


COMMANDS = {
    "validate": _cmd_validate,
    "check": _cmd_check,
    **PICTURE_COMMANDS,
    **CHART_COMMANDS,
    **CONVERT_COMMANDS,
    "serve": _cmd_serve,
    "schema": _cmd_schema,
    "sample": _cmd_sample,
}
