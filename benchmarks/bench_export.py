"""Export speed and memory: figures, not timed tests.

    .venv/bin/python benchmarks/bench_export.py [--runs 5] [--parts layouts,bundle,chart]

(a) layouts  each layout of the sample (coffee-shop) to PNG at 2x: render, then PNG export
             (target: under 80 ms each), split into drawing and encoding.
(b) bundle   the whole bundle: every layout x en, ar x SVG, PNG 2x, PDF, with the work shared
             between the machine's cores and in one process (target: under 5 s on 2 cores).
(c) chart    the "requests" chart as a 2x PNG, natively (chart spec -> scene -> cairo -> PNG)
             and through plotly + kaleido (a headless Chromium), from the same spec. kaleido is
             a benchmark-only extra; without it, or without a Chromium, that side is skipped and
             the reason printed. The browser is found on PATH (chromium, google-chrome) or
             named by BROWSER_PATH; nothing is downloaded.

Times are medians of --runs runs. Each part runs in a fresh process, so its memory figures are its
own: the peak Python heap (tracemalloc, measured in a separate run because tracing slows the
code), the process's peak RSS (ru_maxrss), the peak RSS of its largest child process (the bundle's
workers), and for kaleido the peak PSS of the whole Chromium process tree (sampled from /proc).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from notice_builder.export import export  # noqa: E402
from notice_builder.export.bundle import make_bundle  # noqa: E402
from notice_builder.io import load_notice  # noqa: E402
from notice_builder.layout import layout_names, render  # noqa: E402
from notice_builder.resources import example_path  # noqa: E402

BUNDLE_TARGET_S = 5.0
PNG_TARGET_MS = 80.0  # each layout to PNG at 2x
CHART_WIDTH = 800  # CSS px; both PNGs are 2x
LOCALES = ("en", "ar")


# --- measuring --------------------------------------------------------------------------------


def median_s(func, runs: int) -> tuple[float, float, float]:
    """Median, min and max wall time of `runs` calls."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), min(samples), max(samples)


def median_cpu_s(func, runs: int) -> float:
    """Median process CPU time (every thread) of `runs` calls: less swayed than wall time by
    other work on a busy machine; on an idle one, wall time is at least CPU / cores."""
    samples = []
    for _ in range(runs):
        start = time.process_time()
        func()
        samples.append(time.process_time() - start)
    return statistics.median(samples)


def peak_heap_mb(func) -> float:
    """Peak Python heap (tracemalloc) of one call, in MB."""
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def rss_mb() -> dict[str, float]:
    """Peak RSS of this process and of its largest finished child (Linux: KiB), in MB."""
    return {
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


class TreeMemory:
    """Samples the PSS of this process's descendants (a browser and its helpers) from /proc."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, self.sample())
            self._stop.wait(self.interval)

    @staticmethod
    def sample() -> float:
        parents: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        tree, grew = {os.getpid()}, True
        while grew:
            more = {pid for pid, ppid in parents.items() if ppid in tree} - tree
            tree |= more
            grew = bool(more)
        total_kb = 0
        for pid in tree - {os.getpid()}:
            try:
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        total_kb += int(line.split()[1])
            except OSError:
                continue
        return total_kb / 1024


# --- (a) each layout to PNG at 2x -------------------------------------------------------------


def part_layouts(runs: int) -> dict:
    from notice_builder.export import pngenc
    from notice_builder.render.raster import scene_to_image

    notice = load_notice(example_path())
    for layout in layout_names():  # warm: fonts loaded, shaping cached once
        export(notice, layout=layout, preset="original", format="png")
    rows = []
    for layout in layout_names():
        rendered = render(notice, layout, "light", "en")
        total = median_s(
            lambda layout=layout: export(notice, layout=layout, preset="original", format="png"),
            runs,
        )
        cpu = median_cpu_s(
            lambda layout=layout: export(notice, layout=layout, preset="original", format="png"),
            runs,
        )
        rendering = median_s(lambda layout=layout: render(notice, layout, "light", "en"), runs)
        scene = rendered.scene
        drawing = median_s(
            lambda scene=scene: scene_to_image(scene, width=round(2 * scene.width)), runs
        )
        image = scene_to_image(scene, width=round(2 * scene.width))
        encoding = median_s(lambda image=image: pngenc.encode_png(image, dpi=192), runs)
        png = export(notice, layout=layout, preset="original", format="png")
        heap = peak_heap_mb(
            lambda layout=layout: export(notice, layout=layout, preset="original", format="png")
        )
        rows.append(
            {
                "layout": layout,
                "size": f"{png.width}x{png.height}",
                "kib": len(png.data) // 1024,
                "render_ms": rendering[0] * 1000,
                "draw_ms": drawing[0] * 1000,
                "encode_ms": encoding[0] * 1000,
                "total_ms": total[0] * 1000,
                "cpu_ms": cpu * 1000,
                "min_ms": total[1] * 1000,
                "max_ms": total[2] * 1000,
                "heap_mb": heap,
                "elements": sum(1 for _ in rendered.scene.walk()),
            }
        )
    deflate = "zlib-ng" if "zlib_ng" in pngenc.deflate.__name__ else "zlib"
    return {"rows": rows, "deflate": deflate, **rss_mb()}


# --- (b) the whole bundle ---------------------------------------------------------------------


def part_bundle(runs: int) -> dict:
    notice = load_notice(example_path())
    make_bundle(notice, locales=LOCALES, formats=["png"], layouts=["email-banner"], workers=1)
    result: dict = {"cores": len(os.sched_getaffinity(0))}
    for label, workers in (("shared", None), ("one process", 1)):
        made = make_bundle(notice, locales=LOCALES, workers=workers)
        timing = median_s(
            lambda workers=workers: make_bundle(notice, locales=LOCALES, workers=workers), runs
        )
        result[label] = {
            "median_s": timing[0],
            "min_s": timing[1],
            "max_s": timing[2],
            "files": made.files,
            "mib": len(made.data) / 2**20,
        }
    # Parent-side heap only when shared; the one-process run holds every picture in this heap.
    result["shared"]["heap_mb"] = peak_heap_mb(lambda: make_bundle(notice, locales=LOCALES))
    result["one process"]["heap_mb"] = peak_heap_mb(
        lambda: make_bundle(notice, locales=LOCALES, workers=1)
    )
    return {**result, **rss_mb()}


# --- (c) one chart: native vs plotly + kaleido ------------------------------------------------


def chart_scene(notice, locale: str = "en"):
    from notice_builder.charts import build_chart, draw_chart
    from notice_builder.render.scene import Group, Scene
    from notice_builder.render.theme import get_theme

    theme = get_theme("light")
    spec = build_chart("requests", notice, locale)
    margin = 24
    drawn = draw_chart(spec, CHART_WIDTH - 2 * margin, theme, locale)
    scene = Scene(
        width=CHART_WIDTH,
        height=drawn.height + 2 * margin,
        title=spec.title,
        description=spec.description,
        lang=locale,
        direction="rtl" if locale == "ar" else "ltr",
        background=theme.palette.background,
        elements=(Group(tuple(drawn.elements), dx=margin, dy=margin),),
    )
    return spec, scene


def native_png(notice) -> bytes:
    """Our PNG export path: the scene drawn with cairo, encoded once (export/formats.py)."""
    from notice_builder.export.formats import Options, _export_png
    from notice_builder.export.presets import Preset

    _, scene = chart_scene(notice)
    return _export_png(scene, Preset("bench", "", "png", scale=2), Options()).data


def part_native_chart(runs: int) -> dict:
    notice = load_notice(example_path())
    cold_start = time.perf_counter()
    png = native_png(notice)
    cold = time.perf_counter() - cold_start
    _, scene = chart_scene(notice)
    timing = median_s(lambda: native_png(notice), runs)
    return {
        "cold_s": cold,
        "median_s": timing[0],
        "min_s": timing[1],
        "max_s": timing[2],
        "height": scene.height,
        "kib": len(png) / 1024,
        "heap_mb": peak_heap_mb(lambda: native_png(notice)),
        **rss_mb(),
    }


def plotly_figure(spec, height: float):
    """A grouped bar figure from the same chart spec: categories, series, labels, unit."""
    import plotly.graph_objects as go

    from notice_builder.render.theme import get_theme

    palette = get_theme("light").palette
    figure = go.Figure(
        [
            go.Bar(
                name=series.name,
                x=list(spec.categories),
                y=[v if v is not None else None for v in series.values],
                text=list(series.labels) or None,
                textposition="outside",
                marker_color=palette.categorical[i % len(palette.categorical)],
            )
            for i, series in enumerate(spec.series)
        ]
    )
    figure.update_layout(
        barmode="group",
        title=spec.title,
        yaxis_title=spec.unit,
        width=CHART_WIDTH,
        height=round(height),
        paper_bgcolor=palette.background,
        plot_bgcolor=palette.background,
        font={"color": palette.text},
    )
    return figure


def find_browser() -> str | None:
    named = os.environ.get("BROWSER_PATH")
    if named:
        return named if os.access(named, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def part_kaleido_chart(runs: int) -> dict:
    try:
        import kaleido
        import plotly  # noqa: F401
    except ImportError as exc:
        return {"skipped": f"plotly/kaleido not installed ({exc.name}): pip install kaleido plotly"}
    browser = find_browser()
    if browser is None:
        return {"skipped": "no Chromium found (apt-get install chromium, or set BROWSER_PATH)"}
    os.environ["BROWSER_PATH"] = browser  # what kaleido's browser finder reads
    notice = load_notice(example_path())
    from notice_builder.charts import build_chart

    spec = build_chart("requests", notice, "en")
    _, scene = chart_scene(notice)
    figure = plotly_figure(spec, scene.height)
    # No MathJax: kaleido would load it from a CDN; plotly.js comes from the plotly package.
    opts = {"format": "png", "scale": 2}
    try:
        with TreeMemory() as cold_tree:
            cold = median_s(
                lambda: kaleido.calc_fig_sync(figure, opts=opts, kopts={"mathjax": False}),
                max(1, min(runs, 3)),
            )
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        try:
            with TreeMemory() as tree:
                png = kaleido.calc_fig_sync(figure, opts=opts)  # the browser starts here
                warm = median_s(lambda: kaleido.calc_fig_sync(figure, opts=opts), runs)
            heap = peak_heap_mb(lambda: kaleido.calc_fig_sync(figure, opts=opts))
        finally:
            kaleido.stop_sync_server(silence_warnings=True)
    except Exception as exc:  # noqa: BLE001 - a benchmark reports why it could not run
        return {"skipped": f"kaleido could not export here: {type(exc).__name__}: {exc}"[:300]}
    size = Image.open(io.BytesIO(png)).size
    return {
        "browser": browser,
        "cold_s": cold[0],
        "median_s": warm[0],
        "min_s": warm[1],
        "max_s": warm[2],
        "size": f"{size[0]}x{size[1]}",
        "kib": len(png) / 1024,
        "heap_mb": heap,
        "browser_pss_mb": max(tree.peak_mb, cold_tree.peak_mb),
        **rss_mb(),
    }


PARTS = {
    "layouts": part_layouts,
    "bundle": part_bundle,
    "native-chart": part_native_chart,
    "kaleido-chart": part_kaleido_chart,
}
GROUPS = {"layouts": ["layouts"], "bundle": ["bundle"], "chart": ["native-chart", "kaleido-chart"]}


# --- reporting --------------------------------------------------------------------------------


def run_part(name: str, runs: int) -> dict:
    """Run one part in a fresh process, so its memory figures are its own."""
    done = subprocess.run(
        [sys.executable, __file__, "--part", name, "--runs", str(runs)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return {"skipped": f"failed: {done.stderr.strip().splitlines()[-1:]}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(results: dict, runs: int) -> None:
    print(f"notice-builder export benchmark (median of {runs} runs; {os.cpu_count()} CPUs)\n")
    if "layouts" in results:
        r = results["layouts"]
        print("(a) each layout of coffee-shop (en) to PNG at 2x")
        print(
            f"  {'layout':20} {'pixels':>10} {'KiB':>5} {'shapes':>6} {'render':>7} {'draw':>6} "
            f"{'encode':>7} {'render+PNG':>11} {'min-max':>13} {'CPU':>6} {'heap':>8}"
        )
        for row in r["rows"]:
            print(
                f"  {row['layout']:20} {row['size']:>10} {row['kib']:>5} {row['elements']:>6} "
                f"{row['render_ms']:>5.0f}ms {row['draw_ms']:>4.0f}ms {row['encode_ms']:>5.0f}ms "
                f"{row['total_ms']:>9.0f}ms {row['min_ms']:>5.0f}-{row['max_ms']:<5.0f}ms "
                f"{row['cpu_ms']:>4.0f}ms {row['heap_mb']:>6.1f}MB"
            )
        total = sum(row["total_ms"] for row in r["rows"])
        slowest = max(r["rows"], key=lambda row: row["total_ms"])
        verdict = "meets" if slowest["total_ms"] < PNG_TARGET_MS else "misses"
        print(
            f"  slowest {slowest['layout']} {slowest['total_ms']:.0f} ms: {verdict} the "
            f"{PNG_TARGET_MS:.0f} ms target. All seven: {total:.0f} ms; process peak RSS "
            f"{r['rss_mb']:.0f} MB; deflate by {r['deflate']}. 'render' repeats the same render, "
            "so the text caches answer (cold renders: bench_render.py); 'draw' is the scene drawn "
            "by cairo into a Pillow image, 'encode' the PNG encoding of it; CPU = process CPU time of "
            "render+PNG, all threads. heap = tracemalloc: "
            "Python allocations only (the pixels handed to Pillow, not cairo's own buffer).\n"
        )
    if "bundle" in results:
        r = results["bundle"]
        print(
            f"(b) whole bundle of coffee-shop: every layout x en, ar x SVG, PNG 2x, PDF ({r['cores']} cores)"
        )
        print(f"  {'work':12} {'median':>8} {'min-max':>12} {'files':>6} {'ZIP':>8} {'heap':>8}")
        for label in ("shared", "one process"):
            b = r[label]
            print(
                f"  {label:12} {b['median_s']:>7.2f}s {b['min_s']:>5.2f}-{b['max_s']:<5.2f}s "
                f"{b['files']:>6} {b['mib']:>6.1f}MiB {b['heap_mb']:>6.1f}MB"
            )
        speedup = r["one process"]["median_s"] / r["shared"]["median_s"]
        verdict = "meets" if r["shared"]["median_s"] < BUNDLE_TARGET_S else "misses"
        print(
            f"  shared out: {speedup:.2f}x faster; {verdict} the {BUNDLE_TARGET_S:.0f} s target. "
            f"Peak RSS: parent {r['rss_mb']:.0f} MB, largest worker {r['child_rss_mb']:.0f} MB"
            " (heap: the parent's only when shared)\n"
        )
    if "native-chart" in results:
        n, k = results["native-chart"], results.get("kaleido-chart", {"skipped": "not run"})
        print(f"(c) the 'requests' chart, {CHART_WIDTH} CSS px as a 2x PNG, from the same spec")
        print(
            f"  {'engine':18} {'per image':>10} {'min-max':>14} {'first':>8} {'heap':>8} {'RSS':>8} {'browser':>9}"
        )
        print(
            f"  {'native (cairo)':18} {n['median_s'] * 1000:>8.1f}ms "
            f"{n['min_s'] * 1000:>6.1f}-{n['max_s'] * 1000:<6.1f}ms {n['cold_s'] * 1000:>6.0f}ms "
            f"{n['heap_mb']:>6.1f}MB {n['rss_mb']:>6.0f}MB {'-':>9}"
        )
        if "skipped" in k:
            print(f"  plotly + kaleido: skipped: {k['skipped']}\n")
        else:
            print(
                f"  {'plotly + kaleido':18} {k['median_s'] * 1000:>8.1f}ms "
                f"{k['min_s'] * 1000:>6.1f}-{k['max_s'] * 1000:<6.1f}ms {k['cold_s'] * 1000:>6.0f}ms "
                f"{k['heap_mb']:>6.1f}MB {k['rss_mb']:>6.0f}MB {k['browser_pss_mb']:>7.0f}MB"
            )
            print(
                f"  kaleido/native: {k['median_s'] / n['median_s']:.1f}x per image warm, "
                f"{k['cold_s'] / n['cold_s']:.1f}x for the first image (a fresh browser each "
                f"time); PNGs {n['kib']:.0f} KiB native, {k['kib']:.0f} KiB kaleido ({k['size']})."
            )
            print(
                "  'first' = a new process's first chart natively; a call that starts its own "
                "browser for kaleido. 'browser' = peak PSS of the Chromium processes.\n"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--parts", default="layouts,bundle,chart", help="comma-separated")
    parser.add_argument("--part", choices=PARTS, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args(argv)
    if args.part:
        print(json.dumps(PARTS[args.part](args.runs)))
        return 0
    results = {}
    for group in args.parts.split(","):
        for name in GROUPS[group.strip()]:
            results[name] = run_part(name, args.runs)
    report(results, args.runs)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
