"""Time notice_builder.io.parse on a realistic ~600-line YAML notice (and the same data as JSON).

Run: .venv/bin/python benchmarks/bench_parse.py [--runs 50]
Prints median and p95 wall time per parse and the peak memory of one parse (tracemalloc).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import tracemalloc

import yaml

from notice_builder.io.parse import parse_document

CATEGORIES = ["contact details", "account data", "usage data", "payment data", "device data"]
RECIPIENTS = ["hosting provider", "payment processor", "customer support tool", "auditors"]


def make_notice(purposes: int = 14) -> str:
    """A notice shaped like a real one: metadata, contacts, purposes with nested details."""
    lines = [
        "# Privacy notice for the Example web shop",
        "schema_version: 1",
        "language: en",
        "country: NO  # stays the string 'NO'",
        "updated: 2026-03-01",
        "controller:",
        "  name: Example Shop AS",
        "  address: |",
        "    Storgata 1",
        "    0155 Oslo",
        "    Norway",
        "  email: privacy@example.com",
        "  phone: '+47 22 00 00 00'",
        "dpo:",
        "  name: Kari Nordmann",
        "  email: dpo@example.com",
        "purposes:",
    ]
    for i in range(purposes):
        lines += [
            f"  - id: purpose-{i}",
            f"    title: Purpose number {i} of the shop",
            "    summary: >",
            "      We use this information to run the shop, to send what you ordered and to",
            "      answer your questions. We do not sell it and we keep it only as long as needed.",
            f"    legal_basis: {'contract' if i % 2 else 'legitimate_interest'}",
            f"    required: {'true' if i % 3 else 'false'}",
            "    data_categories:",
        ]
        for category in CATEGORIES:
            lines += [
                f"      - name: {category}",
                "        examples: [name, email address, postal address]",
                f"        source: {'you' if i % 2 else 'our systems'}",
            ]
        lines += ["    recipients:"]
        for recipient in RECIPIENTS:
            lines += [
                f"      - name: {recipient}",
                "        country: EE",
                "        transfer_safeguard: null",
            ]
        lines += [
            "    retention:",
            f"      period_days: {30 * (i + 1)}",
            "      trigger: end of contract",
            f'      note: "Kept {i + 1} months, then deleted"',
        ]
    lines += [
        "rights:",
        "  - access",
        "  - rectification",
        "  - erasure",
        "  - portability",
        "  - objection",
        "complaints:",
        "  authority: Datatilsynet",
        "  url: https://www.datatilsynet.no/",
    ]
    return "\n".join(lines) + "\n"


def time_it(func, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95


def peak_kib(func) -> float:
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    text = make_notice()
    raw = text.encode()
    doc = parse_document(raw, source="notice.yaml")
    json_raw = json.dumps(doc.data, indent=2, ensure_ascii=False).encode()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def parse_json_with_map() -> None:
        parse_document(json_raw, source="notice.json").source_map.locate(("purposes", 0))

    cases = [
        ("parse_document yaml", lambda: parse_document(raw, source="notice.yaml")),
        ("  (baseline yaml.load CSafeLoader)", lambda: yaml.load(raw, Loader=loader)),
        ("parse_document json", lambda: parse_document(json_raw, source="notice.json")),
        ("parse_document json + source map", parse_json_with_map),
        ("  (baseline json.loads)", lambda: json.loads(json_raw)),
    ]
    print(f"YAML: {text.count(chr(10))} lines, {len(raw):,} bytes; JSON: {len(json_raw):,} bytes")
    print(f"libyaml: {loader.__name__}; runs: {args.runs}")
    print(f"{'case':36} {'median ms':>10} {'p95 ms':>8} {'peak KiB':>9}")
    for name, func in cases:
        func()  # warm up
        median, p95 = time_it(func, args.runs)
        print(f"{name:36} {median:10.2f} {p95:8.2f} {peak_kib(func):9.0f}")


if __name__ == "__main__":
    main()
