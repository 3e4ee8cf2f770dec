"""`bonemet bench startup`: the app's launch-to-window and launch-to-search times against a bare
PySide6 window measured in the same run, with the ratios and peak memory.

Each run is a fresh process (offscreen Qt, a throw-away user folder shared by the runs so the
index cache is warm after the first). The app, started with BONEMET_BENCH_STARTUP=1, prints the
wall-clock time of its first event-loop tick after the window is shown and of the moment search is
ready, plus its peak memory, then exits. The bare window is the same command started with
BONEMET_BENCH_BARE=1: QApplication + QMainWindow with one label, shown, first event-loop tick
(the same interpreter or frozen launcher, so only what the app adds is compared). Runs alternate
bare/app so a busy moment of the machine hits both; one warm-up of each is not counted. The ratios
are the medians of each run's app time over the bare time measured just before it: on a shared
machine whose speed drifts during the runs (a virtual machine's often does, by a third), a ratio
of the two medians would compare a fast moment with a slow one.

Only os, sys and time are imported at module level: the app imports BENCH_ENV from here at start.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence

BENCH_ENV = "BONEMET_BENCH_STARTUP"  # set for the launched app: it prints its timings, then exits
BARE_ENV = "BONEMET_BENCH_BARE"  # set instead: the command shows a bare PySide6 window, then exits
TARGETS = {"window": 1.5, "ready": 2.0}  # ratios to the bare window (issue 14)
PEAK_TARGET_MB = 150

_LINE = (
    r"bench-startup shown_at=(?P<shown>[\d.]+) ready_at=(?P<ready>[\d.]+) "
    r"state=(?P<state>\w+) peak_rss_mb=(?P<rss>[\d.]+)"
    r"(?: first_search_ms=(?P<first>[\d.]+) busy_after_ready_ms=(?P<busy>[\d.]+))?"
)


def bare_window() -> int:
    """The reference: the least a PySide6 app does to show a window, timed the way the app is."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("BoneMet Guide", window))
    window.show()

    def first_tick() -> None:
        shown = time.time()
        print(
            f"bench-startup shown_at={shown:.6f} ready_at={shown:.6f} state=bare peak_rss_mb={peak_rss_mb():.1f}",
            flush=True,
        )
        app.quit()

    QTimer.singleShot(0, window, first_tick)
    return app.exec()


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (0 when the platform does not say)."""
    if sys.platform.startswith("win"):
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [
                ("cb", wintypes.DWORD),
                ("PageFaultCount", wintypes.DWORD),
                ("PeakWorkingSetSize", ctypes.c_size_t),
                ("WorkingSetSize", ctypes.c_size_t),
                ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                ("PagefileUsage", ctypes.c_size_t),
                ("PeakPagefileUsage", ctypes.c_size_t),
            ]

        counters = Counters()
        counters.cb = ctypes.sizeof(counters)
        process = ctypes.windll.kernel32.GetCurrentProcess()
        if ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
            return counters.PeakWorkingSetSize / 1e6
        return 0.0
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak / 1e3  # bytes on macOS, KiB on Linux


PROJECT_PACKAGES = ("calculator", "desktop", "index", "library")


def modules_without_bytecode() -> list[str]:
    """The project's source modules with no current .pyc: a source run then compiles them at each
    start (PYTHONDONTWRITEBYTECODE), which the frozen build never does (`scripts/bootstrap.sh`
    compiles them once)."""
    from importlib.util import cache_from_source
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    stale = []
    for package in PROJECT_PACKAGES:
        for source in sorted((root / package).rglob("*.py")):
            compiled = Path(cache_from_source(str(source)))
            if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
                stale.append(str(source.relative_to(root)))
    return stale


def ratios(bare: Sequence[dict], runs: Sequence[dict]) -> tuple[float, float]:
    """(window, search ready) as the medians of each app run over the bare run just before it."""
    from statistics import median

    pairs = list(zip(bare, runs, strict=True))
    return (
        median(run["shown_ms"] / ref["shown_ms"] for ref, run in pairs),
        median(run["ready_ms"] / ref["shown_ms"] for ref, run in pairs),
    )


def _command(exe: str | None) -> list[str]:
    if exe:
        return [exe]
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "desktop"]


def run_once(command: list[str], env: dict[str, str]) -> dict[str, float | str]:
    import re
    import subprocess

    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    match = re.search(_LINE, done.stdout)
    if done.returncode != 0 or not match:
        raise RuntimeError(f"app run failed (exit {done.returncode}): {done.stderr.strip()[-800:]}")
    return {
        "shown_ms": (float(match["shown"]) - started) * 1000,
        "ready_ms": (float(match["ready"]) - started) * 1000,
        "rss_mb": float(match["rss"]),
        "first_search_ms": float(match["first"] or 0),
        "busy_after_ready_ms": float(match["busy"] or 0),
        "state": match["state"],
    }


def main(argv: Sequence[str] | None = None) -> int:
    import argparse
    import subprocess
    import tempfile
    from statistics import median

    parser = argparse.ArgumentParser(prog="bonemet bench startup", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--exe", help="a frozen bonemet executable to measure instead of this Python")
    args = parser.parse_args(argv)
    command = _command(args.exe)
    if not args.exe and not getattr(sys, "frozen", False):
        stale = modules_without_bytecode()
        if stale:
            print(
                f"bench startup: warning: {len(stale)} project modules have no current .pyc (e.g. {stale[0]}); "
                "each start compiles them, so the figures are slower than the frozen build's. "
                "Run scripts/bootstrap.sh (or python -m compileall calculator desktop index library) first.",
                file=sys.stderr,
            )
    with tempfile.TemporaryDirectory(prefix="bonemet-bench-") as home:
        base = dict(os.environ, QT_QPA_PLATFORM="offscreen", BONEMET_HOME=home)
        app_env, bare_env = dict(base, **{BENCH_ENV: "1"}), dict(base, **{BARE_ENV: "1"})
        try:
            run_once(command, bare_env)  # warm-up: disk cache, .pyc, index cache
            run_once(command, app_env)
            bare, runs = [], []
            for _ in range(args.runs):
                bare.append(run_once(command, bare_env))
                runs.append(run_once(command, app_env))
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            print(f"bench startup: {error}", file=sys.stderr)
            return 1
    for number, (ref, run) in enumerate(zip(bare, runs, strict=True), 1):
        print(
            f"run {number}: bare window {ref['shown_ms']:.0f} ms; app window {run['shown_ms']:.0f} ms, "
            f"search ready {run['ready_ms']:.0f} ms ({run['state']}), peak {run['rss_mb']:.0f} MB"
        )
    bare_ms = median(r["shown_ms"] for r in bare)
    window_ms, ready_ms = median(r["shown_ms"] for r in runs), median(r["ready_ms"] for r in runs)
    window_x, ready_x = ratios(bare, runs)
    peak = max(r["rss_mb"] for r in runs)
    print(
        f"command: {' '.join(command)} (median of {args.runs}; ratios: median of each run's to its bare run)"
    )
    print(f"bare PySide6 window: {bare_ms:.0f} ms, peak {median(r['rss_mb'] for r in bare):.0f} MB")
    print(f"app window: {window_ms:.0f} ms, {window_x:.2f}x bare (target <= {TARGETS['window']}x)")
    print(f"search ready: {ready_ms:.0f} ms, {ready_x:.2f}x bare (target <= {TARGETS['ready']}x)")
    print(f"peak memory: {peak:.0f} MB (highest run; target <= {PEAK_TARGET_MB} MB)")
    first, busy = (median(r[key] for r in runs) for key in ("first_search_ms", "busy_after_ready_ms"))
    print(f"first search after ready: {first:.1f} ms (waits for the index check, makes first-use tables)")
    print(
        f"window busy after ready: {busy:.1f} ms (work queued behind it, e.g. the search panel's setup): "
        f"a query typed at ready is answered after about {busy + first:.0f} ms"
    )
    return 0
