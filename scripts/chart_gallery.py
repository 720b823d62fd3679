"""Render the README's chart pictures: every registered chart from the embedded sample notice.

    .venv/bin/python scripts/chart_gallery.py

Writes docs/charts/<chart>.png (English, light theme) and docs/charts/<chart>-ar.png (Arabic,
dark theme), each as `notice-builder chart` exports it. The README shows them; a test fails
when a chart has no picture.
"""

from __future__ import annotations

from pathlib import Path

from notice_builder.charts import chart_names
from notice_builder.export import Options, export_chart
from notice_builder.io import load_notice
from notice_builder.resources import example_path

OUT = Path(__file__).resolve().parents[1] / "docs" / "charts"


def main() -> None:
    notice = load_notice(example_path())
    OUT.mkdir(parents=True, exist_ok=True)
    for chart in chart_names():
        for suffix, theme, locale in (("", "light", "en"), ("-ar", "dark", "ar")):
            exported = export_chart(notice, chart, theme, locale, "png", options=Options(scale=1))
            for warning in exported.warnings:
                print(f"warning: {chart} {locale}: {warning}")
            path = OUT / f"{chart}{suffix}.png"
            path.write_bytes(exported.data)
            print(f"{path.relative_to(OUT.parents[1])}  {len(exported.data) // 1024} KiB")


if __name__ == "__main__":
    main()
