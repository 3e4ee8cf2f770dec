"""``bonemet bench assess``: how long one ``assess()`` takes, over the example patients.

Prints p50/p95/max in milliseconds (target: well under 5 ms, so the form can re-assess on every
keystroke). A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

from calculator.assessment import assess
from calculator.note import render_text

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"


def _percentile(sorted_values: list[float], fraction: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bonemet bench assess")
    parser.add_argument("--iterations", type=int, default=500, help="assessments per example (default 500)")
    parser.add_argument("--examples", default=str(EXAMPLES_DIR), help="folder of patient JSON files")
    args = parser.parse_args(list(argv or []))
    patients = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(args.examples).glob("*.json"))]
    if not patients:
        print(f"no example patients in {args.examples}")
        return 2
    for patient in patients:  # warm the rule-table caches, as the app does at start
        render_text(assess(patient), "zh")
    timings: dict[str, list[float]] = {"assess": [], "assess+render_text": []}
    for _ in range(args.iterations):
        for patient in patients:
            start = time.perf_counter()
            assessment = assess(patient)
            middle = time.perf_counter()
            render_text(assessment, "zh")
            end = time.perf_counter()
            timings["assess"].append((middle - start) * 1000)
            timings["assess+render_text"].append((end - start) * 1000)
    print(f"{len(patients)} example patients x {args.iterations} iterations")
    for name, values in timings.items():
        values.sort()
        print(
            f"{name:>20}: p50 {_percentile(values, 0.50):.3f} ms  p95 {_percentile(values, 0.95):.3f} ms  "
            f"max {values[-1]:.3f} ms  mean {statistics.fmean(values):.3f} ms"
        )
    return 0
