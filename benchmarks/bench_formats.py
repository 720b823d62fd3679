"""Exporting the sample notice to every outside format, and importing the store labels back:
medians, p95 and peak memory.

    python benchmarks/bench_formats.py [--runs 50]

Measured in one process after import and a warm-up run (tables read, schemas built).
"""

from __future__ import annotations

import argparse
import sys
import tracemalloc
from pathlib import Path

from timing import row, times


def _peak(func) -> float:
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def main() -> None:
    from notice_builder.formats import export_as, get, import_from, names
    from notice_builder.formats.dpv import svg_metadata
    from notice_builder.io import load_notice
    from notice_builder.resources import example_path

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    notice = load_notice(example_path())

    for name in names():
        data = export_as(notice, name)
        print(
            row(
                f"export {name} ({len(data) / 1024:.0f} KiB)",
                times(lambda n=name: export_as(notice, n), args.runs, warm=True),
            )
        )
        print(f"{'  peak Python memory':42} {_peak(lambda n=name: export_as(notice, n)):8.0f} KiB")
        if get(name).can_import:
            print(
                row(
                    f"import {name}",
                    times(lambda d=data, n=name: import_from(d, n), args.runs, warm=True),
                )
            )
            print(
                f"{'  peak Python memory':42} {_peak(lambda d=data, n=name: import_from(d, n)):8.0f} KiB"
            )
            print(
                row(
                    f"import {name} onto the notice",
                    times(
                        lambda d=data, n=name: import_from(d, n, base=notice), args.runs, warm=True
                    ),
                )
            )
    print(
        row(
            "losses() of every format",
            times(lambda: [get(n).losses(notice) for n in names()], args.runs, warm=True),
        )
    )
    print(row("DPV as SVG metadata", times(lambda: svg_metadata(notice), args.runs, warm=True)))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
