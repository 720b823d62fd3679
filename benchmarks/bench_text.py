"""Benchmark the text engine: cold start, wrapping, fitting and outlines.

    .venv/bin/python benchmarks/bench_text.py [--runs N]

Prints median wall time over N runs and peak Python heap (tracemalloc) per case.
"cold" cases clear the engine's result caches before every run (fonts stay loaded);
"warm" cases repeat an identical call, which the caches answer.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable

from notice_builder.text import outline, wrap
from notice_builder.text.fit import fit_text
from notice_builder.text.outline import block_svg
from notice_builder.text.shape import clear_caches as clear_shape_cache
from notice_builder.text.wrap import measure_text, wrap_text

EN_40 = (
    "We collect your name, email address and order history so we can deliver your coffee "
    "and answer your questions. If you agree, we also send you offers. You can ask for a copy "
    "of your data or have it deleted at any time by writing to privacy@brew.example today."
)
AR_40 = (
    "نجمع اسمك وبريدك الإلكتروني وسجل طلباتك لكي نوصل قهوتك ونجيب عن أسئلتك. وإذا وافقت "
    "نرسل لك العروض أيضًا. يمكنك أن تطلب نسخة من بياناتك أو أن تحذفها في أي وقت خلال 30 "
    "يومًا عبر الكتابة إلى privacy@brew.example أو زيارة فرعنا في المدينة القديمة اليوم."
)

COLD_START = """
import time
t0 = time.perf_counter()
import notice_builder  # the parent package (not the text engine) is imported first
t1 = time.perf_counter()
from notice_builder.text.fonts import get_face
from notice_builder.text.shape import shape
from notice_builder.text.wrap import wrap_text
t2 = time.perf_counter()
face = get_face("Noto Sans Arabic")
run = shape("سلام عليكم", face, rtl=True, script="Arab")
t3 = time.perf_counter()
wrap_text("اطلب بياناتك خلال 30 يومًا عبر privacy@brew.example", 200, size=16)
t4 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3)
"""


def _clear() -> None:
    wrap.clear_caches()
    clear_shape_cache()


def bench(fn: Callable[[], object], runs: int, setup: Callable[[], None] | None = None):
    """(median seconds, peak bytes) of ``fn`` over ``runs`` runs."""
    times = []
    for _ in range(runs):
        if setup:
            setup()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    if setup:
        setup()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak


def cold_start(runs: int) -> list[tuple[str, float]]:
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD_START], capture_output=True, text=True, check=True
        )
        samples.append([float(x) for x in out.stdout.split()])
    med = [statistics.median(col) for col in zip(*samples, strict=True)]
    return [
        ("import notice_builder (parent pkg)", med[0]),
        ("import notice_builder.text modules", med[1]),
        ("first font load + first shape", med[2]),
        ("first wrap_text (mixed line)", med[3]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    n = args.runs

    print(f"{'fresh process (median of 5)':44} {'ms':>9}")
    for name, secs in cold_start(5):
        print(f"{name:44} {secs * 1000:9.2f}")
    print()

    wrap_text(EN_40, 300, size=14)  # load fonts, warm imports
    block_en = wrap_text(EN_40, 300, size=14)
    block_ar = wrap_text(AR_40, 300, size=14)

    widths = itertools.count(200, 0.25)  # a new width each call: no layout-cache hit

    def cold_outline() -> None:
        outline.glyph_commands.cache_clear()
        outline._placed_glyph.cache_clear()

    cases: list[tuple[str, Callable[[], object], Callable[[], None] | None]] = [
        ("wrap 40-word EN, cold caches", lambda: wrap_text(EN_40, 300, size=14), _clear),
        ("wrap 40-word AR+Latin, cold caches", lambda: wrap_text(AR_40, 300, size=14), _clear),
        (
            "wrap 40-word EN, new width each run",
            lambda: wrap_text(EN_40, next(widths), size=14),
            None,
        ),
        ("wrap 40-word EN, repeated (cached)", lambda: wrap_text(EN_40, 300, size=14), None),
        ("measure_text 2 words, cold caches", lambda: measure_text("Your rights", size=14), _clear),
        (
            "fit 40-word AR 24->8px, cold caches",
            lambda: fit_text(AR_40, 220, 150, size=24, min_size=8),
            _clear,
        ),
        ("outlines EN block, cold glyph cache", lambda: block_svg(block_en), cold_outline),
        ("outlines EN block, warm glyph cache", lambda: block_svg(block_en), None),
        ("outlines AR block, warm glyph cache", lambda: block_svg(block_ar), None),
        (
            "wrap 2000-char mixed paragraph, cold",
            lambda: wrap_text((EN_40 + " " + AR_40 + " ") * 4, 300, size=12),
            _clear,
        ),
    ]
    print(f"{f'in-process (median of {n})':44} {'ms':>9} {'peak KiB':>9}")
    for name, fn, setup in cases:
        secs, peak = bench(fn, n, setup)
        print(f"{name:44} {secs * 1000:9.3f} {peak / 1024:9.1f}")


if __name__ == "__main__":
    main()
