"""Rendering speed and memory: each layout of the sample to SVG, the first render in a fresh
process, and the memory of a process that rendered every layout.

    python benchmarks/bench_render.py [--runs 15]

"New notice" clears the layout caches (bidi, segmentation, shaping, wrapping) before each run but
keeps the fonts and their glyph outlines loaded: the cost of drawing a notice the process has not
seen. "All cold" clears the glyph outline cache too. "Cached" repeats the same render.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time

from notice_builder import text
from notice_builder.io import load_notice
from notice_builder.layout import layout_names, render
from notice_builder.resources import example_path

FIRST = """
import json, resource, time
t0 = time.perf_counter()
from notice_builder.io import load_notice
from notice_builder.layout import render, layout_names
from notice_builder.resources import example_path
notice = load_notice(example_path())
t1 = time.perf_counter()
render(notice, "at-a-glance", "light", "en").svg()
t2 = time.perf_counter()
for layout in layout_names():
    for theme in ("light", "dark", "high-contrast", "print"):
        for locale in ("en", "ar"):
            render(notice, layout, theme, locale).svg()
print(json.dumps({"import_load": t1 - t0, "first": t2 - t1,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def clear_layout_caches() -> None:
    """Forget every laid-out paragraph, keeping fonts and glyph outlines (font data)."""
    from notice_builder.text import bidi, segment, shape, wrap

    wrap.clear_caches()
    shape.clear_caches()
    bidi.paragraph_levels.cache_clear()
    segment.grapheme_boundaries.cache_clear()
    segment.line_break_opportunities.cache_clear()


def median_ms(func, runs: int, before=None) -> float:
    samples = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    notice = load_notice(example_path())
    render(notice, "at-a-glance").svg()  # load fonts

    print(f"{'layout':20} {'locale':6} {'new notice ms':>14} {'all cold ms':>12} {'cached ms':>10}")
    for layout in layout_names():
        for locale in ("en", "ar"):
            job = lambda layout=layout, locale=locale: render(notice, layout, "light", locale).svg()  # noqa: E731
            new = median_ms(job, args.runs, before=clear_layout_caches)
            cold = median_ms(job, args.runs, before=text.clear_caches)
            cached = median_ms(job, args.runs)
            print(f"{layout:20} {locale:6} {new:14.1f} {cold:12.1f} {cached:10.2f}")

    fresh = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", FIRST], capture_output=True, check=True, text=True
            ).stdout
        )
        for _ in range(5)
    ]
    print(
        f"fresh process: import + load {statistics.median(f['import_load'] for f in fresh) * 1000:.0f} ms, "
        f"first render {statistics.median(f['first'] for f in fresh) * 1000:.0f} ms, "
        f"peak RSS after every layout x theme x locale {statistics.median(f['rss_mb'] for f in fresh):.0f} MB"
    )
    print(
        f"(this process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)"
    )


if __name__ == "__main__":
    main()
