"""Loading, validating and checking the sample notice: medians, p95 and peak memory.

    python benchmarks/bench_load.py [--runs 50]

Measures in one process after import (parse + validate; checks), and `notice-builder check` as a
whole process (start-up included), which is what a CI pipeline pays.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from notice_builder.checks import run_checks
from notice_builder.io import loads_notice
from notice_builder.resources import example_path


def _times(func, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _row(name: str, samples: list[float], unit: str = "ms") -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return f"{name:42} median {statistics.median(samples):8.2f} {unit}   p95 {p95:8.2f} {unit}   n={len(samples)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    content = example_path().read_bytes()
    notice = loads_notice(content)

    print(
        _row("load + validate coffee-shop.yaml", _times(lambda: loads_notice(content), args.runs))
    )
    print(_row("run_checks (all profiles)", _times(lambda: run_checks(notice), args.runs)))

    tracemalloc.start()
    loads_notice(content)
    run_checks(notice)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{'peak Python memory of load + check':42} {peak / 1024:8.0f} KiB")

    command = [sys.executable, "-m", "notice_builder", "check", str(example_path())]
    whole = _times(
        lambda: subprocess.run(command, capture_output=True, check=True), max(5, args.runs // 5)
    )
    print(_row("`notice-builder check` whole process", whole))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
