"""How the benchmarks time things and print them: milliseconds per call, then one row with the
median, the 95th percentile and how many runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def times(func: Callable[[], object], runs: int, *, warm: bool = False) -> list[float]:
    """`runs` calls of `func`, each in ms (after one untimed call when `warm`: a first call that
    reads tables or fills caches is not what is measured)."""
    if warm:
        func()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        out.append((time.perf_counter() - start) * 1000)
    return out


def median_p95(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def row(name: str, samples: list[float], unit: str = "ms", width: int = 46) -> str:
    median, p95 = median_p95(samples)
    return f"{name:{width}} median {median:8.2f} {unit}   p95 {p95:8.2f} {unit}   n={len(samples)}"
