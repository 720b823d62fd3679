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
from pathlib import Path
from typing import TextIO

from . import __version__

EXIT_OK, EXIT_FOUND, EXIT_UNREADABLE = 0, 1, 2

DESCRIPTION = """\
Turn a structured privacy notice (YAML or JSON) into checks today, and short visual summaries.

Start from the sample:  notice-builder sample -o my-notice.yaml
Validate it:            notice-builder validate my-notice.yaml
Check compliance:       notice-builder check my-notice.yaml --profile gdpr,ccpa
Draw an infographic:    notice-builder render my-notice.yaml --layout at-a-glance -o glance.svg
Editor completion:      notice-builder schema -o notice.schema.json

Without a file, validate and check use the embedded sample notice (a coffee-shop loyalty app).
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNREADABLE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="notice-builder",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"notice-builder {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    validate = commands.add_parser(
        "validate",
        help="check that a notice file is well formed and complete",
        description="Read a notice and report every problem with its line, column and field. "
        "Exit 0 when valid, 1 when invalid, 2 when the file cannot be read.",
    )
    _add_notice_argument(validate)
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
    _add_notice_argument(check)
    check.add_argument(
        "--profile",
        help="comma-separated profiles (gdpr, ccpa, plain-language, translations); "
        "default: chosen from the notice's jurisdictions, plus plain-language and translations",
    )
    check.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    check.add_argument("--list-rules", action="store_true", help="list every rule and exit")

    render = commands.add_parser(
        "render",
        help="draw an infographic of a notice as SVG",
        description="Draw one layout of a notice as SVG: outlined (every glyph a path; the "
        "default for files) or editable (real text with the used glyphs embedded as a font). "
        "Exit 0 when drawn, 1 when a block overflowed or a character had no font, 2 when the "
        "notice cannot be read or an option is unknown.",
    )
    _add_notice_argument(render)
    render.add_argument(
        "--layout", default="at-a-glance", help="layout name (see `notice-builder layouts`)"
    )
    render.add_argument("--theme", default="light", help="theme name (see `notice-builder themes`)")
    render.add_argument("--locale", help="locale to draw in (default: the notice's default locale)")
    render.add_argument("-o", "--output", default="-", help="file to write, .svg ('-' for stdout)")
    render.add_argument(
        "--brand-primary",
        metavar="#RRGGBB",
        help="brand primary colour (corrected to pass WCAG contrast)",
    )
    render.add_argument(
        "--brand-accent",
        metavar="#RRGGBB",
        help="brand accent colour (corrected to pass WCAG contrast)",
    )
    render.add_argument(
        "--logo", metavar="FILE", help="brand logo, PNG or JPEG (re-encoded; metadata dropped)"
    )
    render.add_argument(
        "--strict-brand",
        action="store_true",
        help="refuse a brand colour that fails contrast instead of correcting it",
    )
    form = render.add_mutually_exclusive_group()
    form.add_argument(
        "--outlined",
        dest="outlined",
        action="store_true",
        default=True,
        help="glyphs as paths (default)",
    )
    form.add_argument(
        "--editable",
        dest="outlined",
        action="store_false",
        help="real <text> with an embedded subset font",
    )

    commands.add_parser(
        "layouts",
        help="list the infographic layouts",
        description="List the layouts with what each is for.",
    )
    commands.add_parser(
        "themes", help="list the themes", description="List the built-in and registered themes."
    )

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


def _add_notice_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "notice",
        nargs="?",
        help="notice file (.yaml, .yml or .json; '-' for stdin); default: the embedded sample",
    )


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


def _read(args: argparse.Namespace, err: TextIO):
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


def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .io import NoticeError

    loaded = _read(args, err)
    if isinstance(loaded, NoticeError):
        unreadable = _syntax(loaded)
        if args.format == "json":
            _json(
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
        _json(out, {"valid": True, "source": loaded.source, "problems": []})
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
    from .checks import default_profiles, parse_profiles, rules, run_checks
    from .io import NoticeError

    if args.list_rules:
        for r in rules():
            print(f"{r.id:28} {r.profile:15} {r.severity:8} {r.title} ({r.reference})", file=out)
        return EXIT_OK
    try:
        profiles = parse_profiles(args.profile) if args.profile else None
    except ValueError as exc:
        print(f"notice-builder check: {exc}", file=err)
        return EXIT_UNREADABLE
    loaded = _read(args, err)
    if isinstance(loaded, NoticeError):
        if args.format == "json":
            _json(
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
            item = f.as_dict()
            item["line"], item["column"] = loaded.locate(f.path) or (None, None)
            items.append(item)
        _json(
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
            print(
                f"{where}: {f.severity} [{f.rule}] {f.dotted}: {f.message} ({f.reference})",
                file=out,
            )
        print(
            f"{loaded.source}: {_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}, "
            f"{_plural(counts['info'], 'note')} (profiles: {', '.join(profiles)})",
            file=out,
        )
    return EXIT_FOUND if counts["error"] else EXIT_OK


def _cmd_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .io import NoticeError
    from .layout import render

    if args.output != "-" and Path(args.output).suffix.lower() != ".svg":
        print(
            f"notice-builder render: writes SVG; name the file .svg (got '{args.output}')", file=err
        )
        return EXIT_UNREADABLE
    loaded = _read(args, err)
    if isinstance(loaded, NoticeError):
        print(loaded, file=err)
        return EXIT_UNREADABLE
    try:
        theme = _branded_theme(args, err)
        logo = _logo(args.logo)
        result = render(loaded.notice, args.layout, theme, args.locale, logo=logo)
    except (KeyError, ValueError) as exc:
        print(
            f"notice-builder render: {exc.args[0] if isinstance(exc, KeyError) else exc}", file=err
        )
        return EXIT_UNREADABLE
    code = _write(args.output, result.svg(outlined=args.outlined), out, err)
    for problem in result.overflow:
        print(f"warning: {problem}", file=err)
    if result.missing_characters:
        shown = " ".join(f"U+{ord(c):04X}" for c in result.missing_characters)
        print(f"warning: no bundled font draws {shown}; drawn as a replacement mark", file=err)
    if code == EXIT_OK and (result.overflow or result.missing_characters):
        return EXIT_FOUND
    return code


def _branded_theme(args: argparse.Namespace, err: TextIO):
    """The chosen theme, with the brand colours applied (their corrections noted on stderr)."""
    from .render.theme import apply_brand, get_theme

    theme = get_theme(args.theme)
    if not (args.brand_primary or args.brand_accent):
        return theme
    branded = apply_brand(
        theme, primary=args.brand_primary, accent=args.brand_accent, strict=args.strict_brand
    )
    for note in branded.notes:
        print(f"note: {note}", file=err)
    return branded.theme


def _logo(path: str | None):
    """The logo file, cleaned; its problems raise ValueError with the reason."""
    if path is None:
        return None
    from .render.logo import MAX_BYTES, prepare_logo

    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ValueError(f"cannot read the logo {path}: {exc.strerror or exc}") from None
    return prepare_logo(data)


def _cmd_layouts(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .layout import get_layout, layout_names

    for name in layout_names():
        spec = get_layout(name)
        print(f"{name:20} {spec.description}", file=out)
    return EXIT_OK


def _cmd_themes(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .render.theme import get_theme, theme_names

    for name in theme_names():
        print(f"{name:20} {get_theme(name).description}", file=out)
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .schema import notice_json_schema

    return _write(
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
    return _write(args.output, path.read_text(encoding="utf-8"), out, err)


def _write(target: str, text: str, out: TextIO, err: TextIO) -> int:
    if target == "-":
        out.write(text)
        return EXIT_OK
    from .io.save import write_atomic

    path = Path(target)
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        print(f"notice-builder: cannot write {path}: {exc.strerror or exc}", file=err)
        return EXIT_UNREADABLE
    print(f"wrote {path}", file=err)
    return EXIT_OK


def _json(out: TextIO, data: object) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


COMMANDS = {
    "validate": _cmd_validate,
    "check": _cmd_check,
    "render": _cmd_render,
    "layouts": _cmd_layouts,
    "themes": _cmd_themes,
    "schema": _cmd_schema,
    "sample": _cmd_sample,
}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
