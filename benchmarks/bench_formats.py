"""Exporting the sample notice to every outside format, and importing the store labels back:
medians, p95 and peak memory.

    python benchmarks/bench_formats.py [--runs 50]

Measured in one process after import and a warm-up run (tables read, schemas built).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path


def _times(func, runs: int) -> list[float]:
    func()  # warm-up: the first call reads the format's tables
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _row(name: str, samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return f"{name:42} median {statistics.median(samples):8.2f} ms   p95 {p95:8.2f} ms   n={len(samples)}"


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
            _row(
                f"export {name} ({len(data) / 1024:.0f} KiB)",
                _times(lambda n=name: export_as(notice, n), args.runs),
            )
        )
        print(f"{'  peak Python memory':42} {_peak(lambda n=name: export_as(notice, n)):8.0f} KiB")
        if get(name).can_import:
            print(
                _row(f"import {name}", _times(lambda d=data, n=name: import_from(d, n), args.runs))
            )
            print(
                f"{'  peak Python memory':42} {_peak(lambda d=data, n=name: import_from(d, n)):8.0f} KiB"
            )
            print(
                _row(
                    f"import {name} onto the notice",
                    _times(lambda d=data, n=name: import_from(d, n, base=notice), args.runs),
                )
            )
    print(
        _row(
            "losses() of every format",
            _times(lambda: [get(n).losses(notice) for n in names()], args.runs),
        )
    )
    print(_row("DPV as SVG metadata", _times(lambda: svg_metadata(notice), args.runs)))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
