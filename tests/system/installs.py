"""Helpers for system tests that run `bonemet` as a separate process from an install folder.

An "install" is either a copy of the source packages (what a wheel installs) or the frozen
one-folder build in dist/BoneMetGuide, when one has been built (CI does not build it, so tests
that need it skip). Every run gets its own environment: offscreen Qt, and per-user folders either
under an explicit BONEMET_HOME or, when none is given, under a throw-away HOME so platformdirs can
never reach the real profile.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("calculator", "library", "index", "desktop", "resources", "guideline_content")
EXAMPLE = ROOT / "examples" / "hr-positive-first-line.json"
FROZEN_BUNDLE = ROOT / "dist" / "BoneMetGuide"
USER_FOLDER_VARIABLES = (
    "BONEMET_HOME",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
    "APPDATA",
    "LOCALAPPDATA",
)


def frozen_executable() -> Path | None:
    """The frozen console launcher, if scripts/build_frozen.sh has been run here."""
    for name in ("bonemet", "bonemet.exe"):
        if (FROZEN_BUNDLE / name).is_file():
            return FROZEN_BUNDLE / name
    return None


def copy_source_install(folder: Path) -> Path:
    """Copy the shipped packages into `folder`, as an installed package would lay them out."""
    folder.mkdir(parents=True, exist_ok=True)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, folder / package, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def copy_frozen_install(folder: Path) -> Path:
    """A copy of the frozen bundle (hard links where possible: fast, and the original stays untouched
    because the app never writes into its own folder — the tests check exactly that)."""

    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(FROZEN_BUNDLE, folder, symlinks=True, copy_function=link_or_copy)
    return folder


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every path under `folder` with its size and modification time."""
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in folder.rglob("*")}


def set_writable(folder: Path, writable: bool) -> None:
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(mode | stat.S_IWUSR if writable else mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def bonemet_env(*, home: Path | None, profile: Path, **extra: str) -> dict[str, str]:
    """Environment for one run: BONEMET_HOME=home when given, else platformdirs under `profile`."""
    env = {key: value for key, value in os.environ.items() if key not in USER_FOLDER_VARIABLES}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(profile), USERPROFILE=str(profile), **extra)
    if home is not None:
        env["BONEMET_HOME"] = str(home)
    return env


SOURCE_COMMAND = [sys.executable, "-m", "desktop.cli"]


def source_env(install: Path, **kwargs) -> dict[str, str]:
    """bonemet_env for running the source copy in `install` (no bytecode written next to it)."""
    return bonemet_env(**kwargs, PYTHONPATH=str(install), PYTHONDONTWRITEBYTECODE="1")


def run_bonemet(
    command: list[str], argv: list[str], env: dict[str, str], cwd: Path, expect_ok: bool = True
) -> subprocess.CompletedProcess:
    result = subprocess.run([*command, *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if expect_ok:
        assert result.returncode == 0, result.stderr[-2000:]
    return result


def screenshot_argv(shot: Path, query: str = "唑来膦酸") -> list[str]:
    """The app, started for real and closed after one screenshot of a library search."""
    return ["--screenshot", str(shot), "--lang", "zh", "--view", "library", "--query", query]
