"""Start-up benchmark of the frozen build: launch-to-window time and peak memory, median of N runs.

    .venv/bin/python packaging/bench_frozen.py [dist/BoneMetGuide] [--runs 5]

Measures the frozen `bonemet` executable (offscreen Qt, one warm-up run not counted) with the
same harness as `bonemet bench startup`, then prints the folder's size and file count. Targets for
ward PCs: window under 1.5 s, peak memory under 250 MB.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BUNDLE = ROOT / "dist" / "BoneMetGuide"


def frozen_executable(bundle: Path) -> Path | None:
    """The console launcher inside a one-folder build (bonemet or bonemet.exe), if built."""
    for name in ("bonemet", "bonemet.exe"):
        candidate = bundle / name
        if candidate.is_file():
            return candidate
    return None


def folder_summary(bundle: Path) -> str:
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    size_mb = sum(path.stat().st_size for path in files) / 1e6
    return f"bundle: {bundle} — {size_mb:.0f} MB in {len(files)} files"


def first_launch(exe: Path) -> str:
    """One launch with an empty profile, as a doctor's first start (index cache not yet made)."""
    from desktop.shell.bench_startup import BENCH_ENV, run_once

    with tempfile.TemporaryDirectory(prefix="bonemet-first-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BONEMET_HOME=home, **{BENCH_ENV: "1"})
        run = run_once([str(exe)], env)
    return (
        f"first launch (empty profile): window {run['shown_ms']:.0f} ms, search ready "
        f"{run['ready_ms']:.0f} ms ({run['state']}), peak {run['rss_mb']:.0f} MB"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=DEFAULT_BUNDLE)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    exe = frozen_executable(args.bundle)
    if exe is None:
        print(f"no frozen build in {args.bundle}: run scripts/build_frozen.sh first", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    from desktop.shell.bench_startup import main as bench_startup

    status = bench_startup(["--exe", str(exe), "--runs", str(args.runs)])
    print(first_launch(exe))
    print(folder_summary(args.bundle))
    print("targets: launch-to-window < 1500 ms, peak memory < 250 MB")
    return status


if __name__ == "__main__":
    sys.exit(main())
