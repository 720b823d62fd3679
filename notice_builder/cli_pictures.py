"""The picture commands: render, export, layouts and themes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from .cli_common import (
    EXIT_FOUND,
    EXIT_OK,
    EXIT_UNREADABLE,
    add_notice_argument,
    read_notice_argument,
    write_bytes,
)


def add_picture_commands(commands) -> None:
    """The picture commands' parsers, added to the command line's subcommands."""
    render = commands.add_parser(
        "render",
        help="draw one infographic of a notice (SVG, PNG or PDF by the file's suffix)",
        description="Draw one layout of a notice at its own size. The suffix of -o picks the form: "
        ".svg (outlined: every glyph a path; --editable: real text with the used glyphs embedded "
        "as a font), .png (2x) or .pdf. Exit 0 when drawn, 1 when a block overflowed or a "
        "character had no font, 2 when the notice cannot be read or an option is unknown.",
    )
    add_notice_argument(render)
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
        "--logo",
        metavar="FILE",
        help="brand logo, PNG, JPEG or SVG (re-encoded; metadata and scripts dropped)",
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
    add_notice_argument(exp)
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
    exp.add_argument("--logo", metavar="FILE", help="brand logo, PNG, JPEG or SVG")
    exp.add_argument("--brand-primary", metavar="#RRGGBB", help="brand primary colour")
    exp.add_argument("--brand-accent", metavar="#RRGGBB", help="brand accent colour")
    exp.add_argument("--strict-brand", action="store_true", help="refuse failing brand colours")
    exp.add_argument("-o", "--output", required=True, help="file or existing folder")

    bundle = commands.add_parser(
        "bundle",
        help="one ZIP of every layout x locale x format, with a manifest",
        description="Write a ZIP with every chosen layout x locale x format (default: all layouts, "
        "all the notice's locales, SVG, PNG and PDF) and a manifest.json (file, layout, locale, "
        "theme, size in px and bytes, SHA-256, alt text). -o is a .zip file or an existing "
        "folder. The same input gives byte-identical ZIPs. Exit 0 when done, 1 with warnings, "
        "2 when an input or option is wrong; nothing is half-written.",
    )
    add_notice_argument(bundle)
    bundle.add_argument(
        "--layout", action="append", help="layout(s), repeat or comma-separate; default: all"
    )
    bundle.add_argument("--locale", action="append", help="locale(s); default: all of the notice's")
    bundle.add_argument(
        "--format", action="append", help="format(s): svg, png, pdf; default: all three"
    )
    bundle.add_argument("--theme", default="light", help="theme name")
    bundle.add_argument(
        "--preset", default="original", help="preset for every file (default: original)"
    )
    bundle.add_argument(
        "--workers", type=int, help="processes to use (default: one per core on Linux)"
    )
    bundle.add_argument("--logo", metavar="FILE", help="brand logo, PNG, JPEG or SVG")
    bundle.add_argument("--brand-primary", metavar="#RRGGBB", help="brand primary colour")
    bundle.add_argument("--brand-accent", metavar="#RRGGBB", help="brand accent colour")
    bundle.add_argument("--strict-brand", action="store_true", help="refuse failing brand colours")
    bundle.add_argument("-o", "--output", required=True, help=".zip file or existing folder")

    commands.add_parser(
        "layouts",
        help="list the infographic layouts",
        description="List the layouts with what each is for.",
    )
    commands.add_parser(
        "themes", help="list the themes", description="List the built-in and registered themes."
    )


def _cmd_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .export import ExportError, Options, export_rendered, get_preset, with_dpv
    from .io import NoticeError
    from .layout import render

    target = args.output
    format = "svg" if target == "-" else Path(target).suffix.lower().lstrip(".")
    if format not in ("svg", "png", "pdf"):
        print(f"notice-builder render: name the file .svg, .png or .pdf (got '{target}')", file=err)
        return EXIT_UNREADABLE
    loaded = read_notice_argument(args, err)
    if isinstance(loaded, NoticeError):
        print(loaded, file=err)
        return EXIT_UNREADABLE
    try:
        theme = _branded_theme(args, err)
        logo = _logo(args.logo)
        result = render(loaded.notice, args.layout, theme, args.locale, logo=logo)
        exported = export_rendered(
            result,
            get_preset("original"),
            format,
            with_dpv(Options(outlined=args.outlined), loaded.notice),
        )
    except (KeyError, ValueError) as exc:
        print(f"notice-builder render: {_message(exc)}", file=err)
        return EXIT_UNREADABLE
    except ExportError as exc:  # pragma: no cover - ExportError is a ValueError
        print(f"notice-builder render: {exc}", file=err)
        return EXIT_UNREADABLE
    code = write_bytes(target, exported.data, out, err)
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

    loaded = read_notice_argument(args, err)
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
    from .export.email import email_kit
    from .io.save import write_atomic

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
                write_atomic(target / name, data)
            print(f"wrote the email kit to {target}: {', '.join(kit.files)}", file=err)
            for warning in kit.warnings:
                print(f"warning: {warning}", file=err)
                problems = True
    return EXIT_FOUND if problems else EXIT_OK


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


def _cmd_bundle(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .export.bundle import make_bundle, write_bundle
    from .io import NoticeError

    loaded = read_notice_argument(args, err)
    if isinstance(loaded, NoticeError):
        print(loaded, file=err)
        return EXIT_UNREADABLE
    try:
        bundle = make_bundle(
            loaded.notice,
            layouts=_names(args.layout) or None,
            locales=_names(args.locale) or None,
            formats=tuple(_names(args.format)) or ("svg", "png", "pdf"),
            theme=_branded_theme(args, err),
            preset=args.preset,
            logo=_logo(args.logo),
            workers=args.workers,
        )
        path = write_bundle(bundle, args.output)
    except (KeyError, ValueError) as exc:
        print(f"notice-builder bundle: {_message(exc)}", file=err)
        return EXIT_UNREADABLE
    print(f"wrote {path} ({bundle.files} files, {len(bundle.data) // 1024} KiB)", file=err)
    for warning in bundle.warnings:
        print(f"warning: {warning}", file=err)
    return EXIT_FOUND if bundle.warnings else EXIT_OK


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


COMMANDS = {
    "render": _cmd_render,
    "export": _cmd_export,
    "bundle": _cmd_bundle,
    "layouts": _cmd_layouts,
    "themes": _cmd_themes,
}
