"""`bonemet bench startup`: launch the app N times and print launch-to-window time and memory.

Each run is a fresh process (offscreen Qt, a throw-away user folder shared by the runs so the
index cache is warm after the first). The app, started with BONEMET_BENCH_STARTUP=1, prints the
wall-clock time of its first event-loop tick after the window is shown and of the moment search is
ready, plus its peak memory, then exits. One warm-up run is not counted.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence

BENCH_ENV = "BONEMET_BENCH_STARTUP"  # set for the launched app: it prints its timings, then exits

_LINE = re.compile(
    r"bench-startup shown_at=(?P<shown>[\d.]+) ready_at=(?P<ready>[\d.]+) "
    r"state=(?P<state>\w+) peak_rss_mb=(?P<rss>[\d.]+)"
)


def _command(exe: str | None) -> list[str]:
    if exe:
        return [exe]
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "desktop"]


def run_once(command: list[str], env: dict[str, str]) -> dict[str, float | str]:
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    match = _LINE.search(done.stdout)
    if done.returncode != 0 or not match:
        raise RuntimeError(f"app run failed (exit {done.returncode}): {done.stderr.strip()[-800:]}")
    return {
        "shown_ms": (float(match["shown"]) - started) * 1000,
        "ready_ms": (float(match["ready"]) - started) * 1000,
        "rss_mb": float(match["rss"]),
        "state": match["state"],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bonemet bench startup", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--exe", help="a frozen bonemet executable to measure instead of this Python")
    args = parser.parse_args(argv)
    command = _command(args.exe)
    with tempfile.TemporaryDirectory(prefix="bonemet-bench-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BONEMET_HOME=home, **{BENCH_ENV: "1"})
        try:
            run_once(command, env)  # warm-up: disk cache, .pyc, index cache
            runs = [run_once(command, env) for _ in range(args.runs)]
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            print(f"bench startup: {error}", file=sys.stderr)
            return 1
    for number, run in enumerate(runs, 1):
        print(
            f"run {number}: window {run['shown_ms']:.0f} ms, search ready {run['ready_ms']:.0f} ms "
            f"({run['state']}), peak {run['rss_mb']:.0f} MB"
        )
    print(f"command: {' '.join(command)}")
    print(
        f"launch-to-window: median {statistics.median(r['shown_ms'] for r in runs):.0f} ms "
        f"(min {min(r['shown_ms'] for r in runs):.0f}, max {max(r['shown_ms'] for r in runs):.0f})"
    )
    print(f"launch-to-search-ready: median {statistics.median(r['ready_ms'] for r in runs):.0f} ms")
    print(f"peak memory: median {statistics.median(r['rss_mb'] for r in runs):.0f} MB")
    return 0
