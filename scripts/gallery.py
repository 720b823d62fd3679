"""Render the README gallery: one picture of each layout from the embedded sample notice.

    .venv/bin/python scripts/gallery.py

Writes docs/gallery/<layout>.png (English, light theme) and docs/gallery/<layout>-ar.png
(Arabic, dark theme). The README shows them; a test fails when a layout has no picture.
"""

from __future__ import annotations

from pathlib import Path

from notice_builder.export.rasterize import svg_to_png
from notice_builder.io import load_notice
from notice_builder.layout import layout_names, render
from notice_builder.resources import example_path

OUT = Path(__file__).resolve().parents[1] / "docs" / "gallery"


def main() -> None:
    notice = load_notice(example_path())
    OUT.mkdir(parents=True, exist_ok=True)
    for layout in layout_names():
        for suffix, theme, locale in (("", "light", "en"), ("-ar", "dark", "ar")):
            result = render(notice, layout, theme, locale)
            png = svg_to_png(result.svg(), width=int(result.scene.width))
            path = OUT / f"{layout}{suffix}.png"
            path.write_bytes(png)
            print(f"{path.relative_to(OUT.parents[1])}  {len(png) // 1024} KiB")


if __name__ == "__main__":
    main()
