"""Benchmark the charts: spec building and native drawing, per chart and locale.

    .venv/bin/python benchmarks/bench_charts.py [--runs N] [--width PX] [--cold]

Prints, per chart: the median wall time over N runs of building the spec from the sample
notice and of drawing it into scene shapes, and the peak Python heap (tracemalloc) of one
build + draw. Warm runs (the default) repeat the same call, so the text engine's caches
answer most shaping; --cold clears them before every run (fonts stay loaded). The target
is under 10 ms per chart, warm.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from notice_builder.charts import build_chart, chart_names, draw_chart  # noqa: E402
from notice_builder.io import load_notice  # noqa: E402
from notice_builder.resources import example_path  # noqa: E402
from notice_builder.text import clear_caches  # noqa: E402

TARGET_MS = 10.0
FAMILIES = ("Noto Sans", "Noto Sans Arabic", "Noto Sans Math", "Noto Sans Symbols 2")


def theme() -> object:
    from notice_builder.render.theme import get_theme

    return get_theme("light")


def median_ms(fn, runs: int, cold: bool) -> float:
    times = []
    for _ in range(runs):
        if cold:
            clear_caches()
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def peak_kib(fn) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--width", type=float, default=640)
    parser.add_argument("--cold", action="store_true", help="clear text caches before each run")
    args = parser.parse_args(argv)
    notice = load_notice(example_path("coffee-shop"))
    look = theme()
    print(f"{'chart':<15}{'locale':<8}{'build ms':>10}{'draw ms':>10}{'shapes':>8}{'peak KiB':>10}")
    slow = []
    for name in chart_names():
        for locale in ("en", "ar"):
            spec = build_chart(name, notice, locale)
            draw_chart(spec, args.width, look, locale)  # load fonts once, outside the timing
            build_ms = median_ms(
                lambda n=name, lc=locale: build_chart(n, notice, lc), args.runs, args.cold
            )
            draw_ms = median_ms(
                lambda s=spec, lc=locale: draw_chart(s, args.width, look, lc), args.runs, args.cold
            )
            drawn = draw_chart(spec, args.width, look, locale)
            shapes = sum(1 for _ in _walk(drawn.elements))
            peak = peak_kib(
                lambda n=name, lc=locale: draw_chart(
                    build_chart(n, notice, lc), args.width, look, lc
                )
            )
            print(f"{name:<15}{locale:<8}{build_ms:>10.2f}{draw_ms:>10.2f}{shapes:>8}{peak:>10.0f}")
            if build_ms + draw_ms > TARGET_MS:
                slow.append(f"{name}/{locale}")
    print(f"over {TARGET_MS:g} ms: {', '.join(slow) or 'none'}")
    return 0


def _walk(elements):
    for item in elements:
        children = getattr(item, "children", None)
        if children is not None:
            yield from _walk(children)
        else:
            yield item


if __name__ == "__main__":
    raise SystemExit(main())
