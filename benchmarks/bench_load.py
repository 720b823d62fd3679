"""Loading, validating and checking the sample notice: medians, p95 and peak memory.

    python benchmarks/bench_load.py [--runs 50]

Measures in one process after import (parse + validate; checks), and `notice-builder check` as a
whole process (start-up included), which is what a CI pipeline pays.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tracemalloc
from pathlib import Path

from timing import row, times

from notice_builder.checks import run_checks
from notice_builder.io import loads_notice
from notice_builder.resources import example_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    content = example_path().read_bytes()
    notice = loads_notice(content)

    print(row("load + validate coffee-shop.yaml", times(lambda: loads_notice(content), args.runs)))
    print(row("run_checks (all profiles)", times(lambda: run_checks(notice), args.runs)))

    tracemalloc.start()
    loads_notice(content)
    run_checks(notice)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{'peak Python memory of load + check':42} {peak / 1024:8.0f} KiB")

    command = [sys.executable, "-m", "notice_builder", "check", str(example_path())]
    whole = times(
        lambda: subprocess.run(command, capture_output=True, check=True), max(5, args.runs // 5)
    )
    print(row("`notice-builder check` whole process", whole))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
