"""The `chart` command: one chart of a notice alone, as SVG, PNG or PDF."""

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

FORMATS = ("svg", "png", "pdf")


def add_chart_command(commands) -> None:
    """The `chart` command's parser, added to the command line's subcommands."""
    chart = commands.add_parser(
        "chart",
        help="export one chart of a notice (flow, matrix, requests, ...)",
        description="Draw one chart of a notice alone and write it as SVG, PNG or PDF, e.g. "
        "`notice-builder chart notice.yaml --chart sankey -o flow.png`. The format comes from "
        "--format, else the file name, else the preset. `--list` names the charts.",
    )
    add_notice_argument(chart)
    chart.add_argument("--chart", help="chart name or alias (see --list); 'sankey' is 'flow'")
    chart.add_argument("--list", action="store_true", help="list the charts and exit")
    chart.add_argument("--theme", default="light", help="theme name (see `notice-builder themes`)")
    chart.add_argument("--locale", help="locale to draw in (default: the notice's default locale)")
    chart.add_argument(
        "--preset", default="original", help="export preset: original, social, slide, print-a4, ..."
    )
    chart.add_argument("--format", choices=FORMATS, help="output format (default: from -o)")
    chart.add_argument("--width", type=int, help="chart width in CSS px (default: 720)")
    chart.add_argument("--scale", type=float, choices=[1, 2, 3], help="PNG pixels per CSS pixel")
    chart.add_argument("-o", "--output", help="file to write, or '-' for stdout")


def _cmd_chart(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .charts import build_chart, chart_names
    from .export import CHART_ALIASES, Options, export_chart
    from .io import NoticeError
    from .resources import example_path

    if args.list:
        from .io import load_notice

        sample = load_notice(example_path())
        aliases = {n: a for a, n in CHART_ALIASES.items()}
        for name in chart_names():
            title = build_chart(name, sample, "en").title
            also = f" (also: {aliases[name]})" if name in aliases else ""
            print(f"{name:20} {title}{also}", file=out)
        return EXIT_OK
    if not args.chart or not args.output:
        print("notice-builder chart: name a chart with --chart and a file with -o", file=err)
        return EXIT_UNREADABLE
    loaded = read_notice_argument(args, err)
    if isinstance(loaded, NoticeError):
        print(loaded, file=err)
        return EXIT_UNREADABLE
    suffix = Path(args.output).suffix.lower().lstrip(".")
    format = args.format or (suffix if suffix in FORMATS else None)
    if args.output == "-" and format is None:
        format = "svg"
    try:
        exported = export_chart(
            loaded.notice,
            args.chart,
            args.theme,
            args.locale,
            format,
            args.preset,
            options=Options(scale=args.scale),
            **({"width": args.width} if args.width else {}),
        )
    except (KeyError, ValueError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
        print(f"notice-builder chart: {message}", file=err)
        return EXIT_UNREADABLE
    if args.output != "-" and suffix in FORMATS and suffix != exported.format:
        print(
            f"notice-builder chart: -o {args.output} does not end in .{exported.format}",
            file=err,
        )
        return EXIT_UNREADABLE
    code = write_bytes(args.output, exported.data, out, err)
    for warning in exported.warnings:
        print(f"warning: {warning}", file=err)
    return EXIT_FOUND if code == EXIT_OK and exported.warnings else code


COMMANDS = {"chart": _cmd_chart}
