"""Nothing is ever written to the install folder: the CLI and the app run from a read-only copy.

The copy holds exactly what an installation holds (the packages and the prebuilt index). Tests
may run as root, for whom chmod does not stop writes, so the check compares a full snapshot of
the folder (paths, sizes, mtimes) before and after, besides removing the write bits.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("calculator", "index", "desktop", "resources", "guideline_content")
EXAMPLE = ROOT / "examples" / "hr-positive-first-line.json"


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def set_writable(folder: Path, writable: bool) -> None:
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode | stat.S_IWUSR if writable else mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.fixture(scope="module")
def install(tmp_path_factory):
    folder = tmp_path_factory.mktemp("install")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, folder / package, ignore=shutil.ignore_patterns("__pycache__"))
    run(folder, tmp_path_factory.mktemp("build-home"), "index", "build", "--out", str(folder / "build" / "index"))
    set_writable(folder, False)
    yield folder
    set_writable(folder, True)


def run(install: Path, home: Path, *argv: str) -> subprocess.CompletedProcess:
    # An installed build carries compiled bytecode; a source copy would try to write __pycache__.
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(install), BONEMET_HOME=str(home), PYTHONDONTWRITEBYTECODE="1",
               QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "desktop.cli", *argv], cwd=home.parent, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


@pytest.mark.parametrize("argv", [
    ("assess", str(EXAMPLE), "--format", "text", "--lang", "en"),
    ("search", "zoledronic", "--json"),
    ("--screenshot", "{home}/shot.png", "--lang", "zh", "--view", "library", "--query", "唑来膦酸"),
], ids=["assess", "search", "app-screenshot"])
def test_runs_without_writing_to_the_install_folder(install, tmp_path, argv):
    home = tmp_path / "home"
    before = snapshot(install)
    run(install, home, *(arg.format(home=home) for arg in argv))
    assert snapshot(install) == before
