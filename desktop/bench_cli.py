"""`bonemet bench cli`: what the `bonemet` command adds to the work it does, for one search and one
assessment (issue 14: `bonemet search Q` within 2x, `bonemet assess` within 1.5x the time of
`python -c "import calculator"` plus the work itself).

Each figure is the median of fresh processes, the three kinds alternating so that a busy moment of
the machine hits all of them: the command itself; a bare `python -c "import calculator"`; and the
work alone — a Python that imports the calculator package, then times, in process, the imports and
the calls the command makes (`index.cli.search`, `calculator.cli.run_assess`) with their output
discarded. The ratio is the command's time over the bare start plus that work.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from statistics import median

TARGETS = {"search": 2.0, "assess": 1.5}
QUERY = "地舒单抗 低钙血症"
ROOT = Path(__file__).resolve().parents[1]
PATIENT = ROOT / "examples" / "crcl-below-30-later-line.json"

# Runs in a fresh interpreter: prints the in-process milliseconds of the work, imports included.
_WORK = """
import contextlib, io, sys, time
import calculator
started = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    if sys.argv[1] == "search":
        from desktop.shell.paths import shipped_index_dir, user_dirs
        from index.cli import search
        search(sys.argv[2], "zh", 10, False, shipped_index_dir(), user_dirs().cache / "index")
    else:
        from calculator.cli import run_assess
        run_assess(sys.argv[2], fmt="text", lang="zh")
print((time.perf_counter() - started) * 1000)
"""


def _wall_ms(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, cwd=ROOT)
    return (time.perf_counter() - started) * 1000


def _work_ms(what: str, argument: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _WORK, what, argument], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(done.stdout.strip().splitlines()[-1])


def _bonemet() -> list[str]:
    return [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "desktop"]


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="bonemet bench cli", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args(argv)
    if getattr(sys, "frozen", False):
        print("bench cli: run it from a source checkout (it starts Python itself)", file=sys.stderr)
        return 1
    commands = {
        "search": (_bonemet() + ["search", QUERY], QUERY),
        "assess": (_bonemet() + ["assess", str(PATIENT), "--format", "text"], str(PATIENT)),
    }
    bare_command = [sys.executable, "-c", "import calculator"]
    for command, _argument in commands.values():  # warm-up: disk cache, .pyc, index cache
        _wall_ms(command)
    bare: list[float] = []
    figures: dict[str, dict[str, list[float]]] = {name: {"command": [], "work": []} for name in commands}
    for _ in range(args.runs):
        bare.append(_wall_ms(bare_command))
        for name, (command, argument) in commands.items():
            figures[name]["command"].append(_wall_ms(command))
            figures[name]["work"].append(_work_ms(name, argument))
    bare_ms = median(bare)
    print(f'python -c "import calculator": {bare_ms:.0f} ms (median of {args.runs})')
    for name, runs in figures.items():
        command_ms, work_ms = median(runs["command"]), median(runs["work"])
        ratio = command_ms / (bare_ms + work_ms)
        print(
            f"bonemet {name}: {command_ms:.0f} ms; the work alone {work_ms:.0f} ms in process; "
            f"{ratio:.2f}x (bare start + work; target <= {TARGETS[name]}x)"
        )
    return 0
