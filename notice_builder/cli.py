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
        help="draw one infographic of a notice (SVG, PNG or PDF by the file's suffix)",
        description="Draw one layout of a notice at its own size. The suffix of -o picks the form: "
        ".svg (outlined: every glyph a path; --editable: real text with the used glyphs embedded "
        "as a font), .png (2x) or .pdf. Exit 0 when drawn, 1 when a block overflowed or a "
        "character had no font, 2 when the notice cannot be read or an option is unknown.",
    )
    _add_notice_argument(render)
    render.add_argument(
        "--layout", default="at-a-glance", help="layout name (see `notice-builder layouts`)"
    )
    render.add_argument("--theme", default="light", help="theme name (see `notice-builder themes`)")
    render.add_argument("--locale", help="locale to draw in (default: the notice's default locale)")
    render.add_argument(
        "-o", "--output", default="-", help="file to write: .svg, .png or .pdf ('-': SVG to stdout)"
    )
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

    exp = commands.add_parser(
        "export",
        help="export pictures for a destination: email, social, square, slide, print",
        description="Export one or more layouts and locales for a preset. -o is a file (its "
        "suffix picks the format) or an existing folder (files are named <notice>-<layout>-"
        "<locale>.<format>). The email preset writes the email kit into the folder: the PNG, an "
        "HTML snippet for email clients, a plain-text alternative and the alt text. Exit 0 when "
        "done, 1 with warnings, 2 when the input, an option or the output folder is wrong; "
        "nothing is half-written.",
    )
    _add_notice_argument(exp)
    exp.add_argument(
        "--preset",
        default="original",
        help="original, email, social, square, slide, print-a4, print-letter",
    )
    exp.add_argument(
        "--layout",
        action="append",
        help="layout(s), repeat or comma-separate; default: the preset's",
    )
    exp.add_argument(
        "--locale",
        action="append",
        help="locale(s), repeat or comma-separate; default: the notice's",
    )
    exp.add_argument("--theme", default="light", help="theme name")
    exp.add_argument(
        "--format",
        choices=["svg", "png", "pdf"],
        help="format (default: from -o's suffix, else the preset's)",
    )
    exp.add_argument("--scale", type=float, choices=[1, 2, 3], help="PNG pixels per CSS pixel")
    exp.add_argument("--width", type=int, help="PNG width in pixels (instead of --scale)")
    exp.add_argument(
        "--transparent",
        action="store_true",
        default=None,
        help="PNG without background (warned for email)",
    )
    exp.add_argument(
        "--palette",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="256-colour PNG (smaller files)",
    )
    exp.add_argument(
        "--editable", dest="outlined", action="store_false", default=True, help="SVG with real text"
    )
    exp.add_argument(
        "--email-kit",
        action="store_true",
        help="write the email kit (the default for --preset email to a folder)",
    )
    exp.add_argument(
        "--image-url", help="where the email PNG will be hosted (used in the HTML snippet)"
    )
    exp.add_argument("--logo", metavar="FILE", help="brand logo, PNG or JPEG")
    exp.add_argument("--brand-primary", metavar="#RRGGBB", help="brand primary colour")
    exp.add_argument("--brand-accent", metavar="#RRGGBB", help="brand accent colour")
    exp.add_argument("--strict-brand", action="store_true", help="refuse failing brand colours")
    exp.add_argument("-o", "--output", required=True, help="file or existing folder")

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
    from .export import ExportError, Options, export_rendered, get_preset
    from .io import NoticeError
    from .layout import render

    target = args.output
    format = "svg" if target == "-" else Path(target).suffix.lower().lstrip(".")
    if format not in ("svg", "png", "pdf"):
        print(f"notice-builder render: name the file .svg, .png or .pdf (got '{target}')", file=err)
        return EXIT_UNREADABLE
    loaded = _read(args, err)
    if isinstance(loaded, NoticeError):
        print(loaded, file=err)
        return EXIT_UNREADABLE
    try:
        theme = _branded_theme(args, err)
        logo = _logo(args.logo)
        result = render(loaded.notice, args.layout, theme, args.locale, logo=logo)
        exported = export_rendered(
            result, get_preset("original"), format, Options(outlined=args.outlined)
        )
    except (KeyError, ValueError) as exc:
        print(f"notice-builder render: {_message(exc)}", file=err)
        return EXIT_UNREADABLE
    except ExportError as exc:  # pragma: no cover - ExportError is a ValueError
        print(f"notice-builder render: {exc}", file=err)
        return EXIT_UNREADABLE
    code = _write_bytes(target, exported.data, out, err)
    problems = [*result.overflow]
    if result.missing_characters:
        shown = " ".join(f"U+{ord(c):04X}" for c in result.missing_characters)
        problems.append(f"no bundled font draws {shown}; drawn as a replacement mark")
    for problem in problems:
        print(f"warning: {problem}", file=err)
    return EXIT_FOUND if code == EXIT_OK and problems else code


def _message(exc: Exception) -> str:
    return exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)


def _cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .export import ExportError, Options, export, get_preset, output_path, write_export
    from .io import NoticeError

    loaded = _read(args, err)
    if isinstance(loaded, NoticeError):
        print(loaded, file=err)
        return EXIT_UNREADABLE
    notice = loaded.notice
    try:
        preset = get_preset(args.preset)
        theme = _branded_theme(args, err)
        logo = _logo(args.logo)
        layouts = _names(args.layout) or [preset.layout or "at-a-glance"]
        locales = _names(args.locale) or [notice.default_locale]
        if args.email_kit or (
            args.preset == "email" and args.format in (None, "png") and not Path(args.output).suffix
        ):
            return _email_kits(notice, layouts, locales, theme, logo, args, err)
        format = args.format or _suffix_format(args.output) or preset.format
        options = Options(
            scale=args.scale,
            width=args.width,
            transparent=args.transparent,
            palette=args.palette,
            outlined=args.outlined,
        )
        many = len(layouts) * len(locales) > 1
        if many and Path(args.output).suffix:
            raise ExportError("several pictures need a folder for -o, not a file name")
        problems = False
        for layout in layouts:
            for locale in locales:
                exported = export(
                    notice,
                    layout=layout,
                    theme=theme,
                    locale=locale,
                    preset=preset.name,
                    format=format,
                    options=options,
                    logo=logo,
                )
                path = write_export(
                    exported, output_path(args.output, notice, layout, locale, exported.format)
                )
                size = f"{exported.width}x{exported.height}" + (
                    f", {exported.pages} pages" if exported.pages > 1 else ""
                )
                print(f"wrote {path} ({size}, {len(exported.data) // 1024 or 1} KiB)", file=err)
                for warning in exported.warnings:
                    print(f"warning: {warning}", file=err)
                    problems = True
    except (KeyError, ValueError) as exc:
        print(f"notice-builder export: {_message(exc)}", file=err)
        return EXIT_UNREADABLE
    return EXIT_FOUND if problems else EXIT_OK


def _email_kits(notice, layouts, locales, theme, logo, args, err) -> int:
    from .export.api import write_export
    from .export.email import email_kit

    folder = Path(args.output)
    if not folder.is_dir():
        raise ValueError(
            f"the email kit is several files: -o must be an existing folder ({folder} is not)"
        )
    problems = False
    for layout in layouts:
        for locale in locales:
            kit = email_kit(
                notice,
                layout=layout,
                theme=theme,
                locale=locale,
                image_url=args.image_url,
                logo=logo,
            )
            target = folder / (f"{layout}-{locale}" if len(layouts) * len(locales) > 1 else "")
            target.mkdir(exist_ok=True)
            for name, data in kit.files.items():
                write_bytes_atomic(target / name, data)
            print(f"wrote the email kit to {target}: {', '.join(kit.files)}", file=err)
            for warning in kit.warnings:
                print(f"warning: {warning}", file=err)
                problems = True
    assert write_export  # the kit's files go through the same atomic writer
    return EXIT_FOUND if problems else EXIT_OK


def write_bytes_atomic(path: Path, data: bytes) -> None:
    from .io.save import write_atomic

    write_atomic(path, data)


def _names(values: list[str] | None) -> list[str]:
    return [name.strip() for value in values or [] for name in value.split(",") if name.strip()]


def _suffix_format(target: str) -> str | None:
    suffix = Path(target).suffix.lower().lstrip(".")
    return suffix if suffix in ("svg", "png", "pdf") else None


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
    return _write_bytes(target, text.encode("utf-8"), out, err)


def _write_bytes(target: str, data: bytes, out: TextIO, err: TextIO) -> int:
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


def _json(out: TextIO, data: object) -> None:
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


COMMANDS = {
    "validate": _cmd_validate,
    "check": _cmd_check,
    "render": _cmd_render,
    "export": _cmd_export,
    "layouts": _cmd_layouts,
    "themes": _cmd_themes,
    "schema": _cmd_schema,
    "sample": _cmd_sample,
}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
