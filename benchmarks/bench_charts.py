"""Benchmark the charts: spec building, native drawing to SVG, and plotly figures, per chart.

    .venv/bin/python benchmarks/bench_charts.py [--runs N] [--width PX] [--cold] [--big]

Prints, per chart and locale, the median wall time over N runs of: building the spec from the
sample notice; drawing it natively into scene shapes; spec → native SVG (drawing plus writing
the editable SVG, target under 10 ms); spec → plotly figure object (target under 30 ms); and the
peak Python heap (tracemalloc) of one native SVG and of one plotly figure. Warm runs (the
default) repeat the same call, so the text engine's caches answer most shaping; --cold clears
them before every run (fonts stay loaded). --big uses a notice with 200 kinds of data, 30
purposes and 40 recipients instead of the sample.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from notice_builder.charts import build_chart, chart_names, draw_chart, to_plotly  # noqa: E402
from notice_builder.io import load_notice, validate_notice  # noqa: E402
from notice_builder.render.scene import Group, Scene  # noqa: E402
from notice_builder.render.svg import write_svg  # noqa: E402
from notice_builder.resources import example_path  # noqa: E402
from notice_builder.text import clear_caches  # noqa: E402

TARGET_MS = 10.0  # spec → native SVG
PLOTLY_TARGET_MS = 30.0  # spec → plotly figure object
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


def native_svg(spec, width: float, look, locale: str) -> str:
    """The spec drawn natively and written as editable SVG (what the goldens hold)."""
    drawn = draw_chart(spec, width, look, locale)
    scene = Scene(
        width,
        drawn.height,
        spec.title,
        spec.description,
        locale,
        "rtl" if locale == "ar" else "ltr",
        look.palette.surface,
        (Group(drawn.elements),),
    )
    return write_svg(scene, outlined=False, embed_fonts=False)


def big_notice(base):
    """The sample with 200 kinds of data, 30 purposes and 40 recipients (the model's scale)."""
    data = base.model_dump(mode="json", exclude_none=True)
    data["data_categories"] = [
        {
            "id": f"c{i}",
            "label": {"en": f"Data kind {i}", "ar": f"نوع البيانات {i}"},
            "source": ["provided", "observed", "inferred"][i % 3],
        }
        for i in range(200)
    ]
    data["purposes"] = [
        {"id": f"p{i}", "label": {"en": f"Purpose {i}", "ar": f"الغرض {i}"}, "description": "Why."}
        for i in range(30)
    ]
    data["recipients"] = [
        {"id": f"r{i}", "name": f"Company {i}", "kind": "service_provider"} for i in range(40)
    ]
    data["practices"] = [
        {
            "id": f"x{i}",
            "data": [f"c{i}", f"c{(i * 7) % 200}"],
            "purposes": [f"p{i % 30}"],
            "recipients": [f"r{i % 40}"] if i % 3 == 0 else [],
            "retention": "one-year",
        }
        for i in range(200)
    ]
    for key in ("transfers", "choices", "commitments"):
        data.pop(key, None)
    return validate_notice(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--width", type=float, default=640)
    parser.add_argument("--cold", action="store_true", help="clear text caches before each run")
    parser.add_argument("--big", action="store_true", help="200 kinds of data, not the sample")
    args = parser.parse_args(argv)
    notice = load_notice(example_path("coffee-shop"))
    if args.big:
        notice = big_notice(notice)
    look = theme()
    to_plotly(build_chart("requests", notice, "en"), look, "en")  # import plotly once, untimed
    print(
        f"{'chart':<20}{'locale':<8}{'build ms':>10}{'draw ms':>10}{'svg ms':>10}"
        f"{'plotly ms':>11}{'shapes':>8}{'svg KiB':>10}{'plotly KiB':>12}"
    )
    slow = []
    for name in chart_names():
        for locale in ("en", "ar"):
            spec = build_chart(name, notice, locale)
            native_svg(spec, args.width, look, locale)  # load fonts once, outside the timing
            build_ms = median_ms(
                lambda n=name, lc=locale: build_chart(n, notice, lc), args.runs, args.cold
            )
            draw_ms = median_ms(
                lambda s=spec, lc=locale: draw_chart(s, args.width, look, lc), args.runs, args.cold
            )
            svg_ms = median_ms(
                lambda s=spec, lc=locale: native_svg(s, args.width, look, lc), args.runs, args.cold
            )
            plotly_ms = median_ms(
                lambda s=spec, lc=locale: to_plotly(s, look, lc), args.runs, cold=False
            )
            drawn = draw_chart(spec, args.width, look, locale)
            shapes = sum(1 for _ in _walk(drawn.elements))
            svg_peak = peak_kib(lambda s=spec, lc=locale: native_svg(s, args.width, look, lc))
            plotly_peak = peak_kib(lambda s=spec, lc=locale: to_plotly(s, look, lc))
            print(
                f"{name:<20}{locale:<8}{build_ms:>10.2f}{draw_ms:>10.2f}{svg_ms:>10.2f}"
                f"{plotly_ms:>11.2f}{shapes:>8}{svg_peak:>10.0f}{plotly_peak:>12.0f}"
            )
            if svg_ms > TARGET_MS:
                slow.append(f"{name}/{locale} svg")
            if plotly_ms > PLOTLY_TARGET_MS:
                slow.append(f"{name}/{locale} plotly")
    print(
        f"over target ({TARGET_MS:g} ms native SVG, {PLOTLY_TARGET_MS:g} ms plotly): "
        f"{', '.join(slow) or 'none'}"
    )
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
