"""The structured form's server time for the sample notice: medians, p95 and peak memory.

    python benchmarks/bench_form.py [--runs 30]

What the app pays when the page loads (the form with its first section open), when a section is
opened (the largest one, and every section at once), and for one edit of a field written back
into the YAML (parse, validate, write through the round-trip dumper that keeps comments).
"""

from __future__ import annotations

import argparse
import tracemalloc

from dash import html
from timing import row, times

from notice_builder.app import ids
from notice_builder.app.forms import SECTIONS, build_form, form_panel, read_form
from notice_builder.app.forms.actions import change_fields
from notice_builder.app.forms.build import section_body
from notice_builder.app.forms.edit import toggle_cell
from notice_builder.resources import example_path


def _count(component) -> int:
    return sum(1 for c in html.Div(component)._traverse() if c is not None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    text = example_path("coffee-shop").read_text(encoding="utf-8")
    state = read_form(text)
    every = [key for key, _, _ in SECTIONS]
    sizes = {key: _count(section_body(key, state)) for key in every}
    largest = max(sizes, key=sizes.get)

    form_panel(text)  # warm the field specs (read once per process)
    print(
        row(
            "page load: read + form, first section open",
            times(lambda: form_panel(text), args.runs),
        )
    )
    print(
        row(
            f"open the largest section ({largest}, {sizes[largest]} parts)",
            times(lambda: section_body(largest, read_form(text)), args.runs),
        )
    )
    print(
        row(
            f"every section open ({sum(sizes.values())} parts)",
            times(lambda: build_form(read_form(text), every), args.runs),
        )
    )
    runs = max(5, args.runs // 3)
    names = iter(f"Brewline Coffee {n}" for n in range(10_000))

    def edit() -> None:
        key = {"type": ids.FORM_VALUE, "path": "/controller/name", "locale": ""}
        change_fields(text, {"seq": 1, "edits": [{"id": key, "value": next(names)}]})

    print(row("edit a field -> new YAML (comments kept)", times(edit, runs)))
    print(
        row(
            "tick a grid cell -> new YAML",
            times(lambda: toggle_cell(text, "location", "rewards", True), runs),
        )
    )

    tracemalloc.start()
    build_form(read_form(text), every)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{'peak Python memory, every section open':46} {peak / 1024:8.0f} KiB")


if __name__ == "__main__":
    main()
