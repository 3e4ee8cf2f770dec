"""The offline guarantee: the CLI and the app run with networking impossible and never try it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.system.installs import bonemet_env, frozen_executable, run_bonemet, screenshot_argv

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "hr-positive-first-line.json"
SHIPPED_PACKAGES = ("calculator", "index", "desktop", "guideline_content")
NETWORK_IMPORT = re.compile(
    r"^\s*(import|from)\s+(socket|ssl|requests|httpx|aiohttp|urllib\.request|http\.client|PySide6\.QtNetwork)\b"
    r"|QtNetwork",
    re.MULTILINE,
)


def run_guarded(tmp_path: Path, *argv: str) -> dict:
    report = tmp_path / "net.json"
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("netguard.py")), str(report), "--", *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "argv",
    [
        ("assess", str(EXAMPLE), "--format", "text", "--lang", "zh"),
        ("search", "地舒单抗", "--json"),
        ("library", "check"),
    ],
    ids=["assess", "search", "library-check"],
)
def test_cli_never_touches_the_network(tmp_path, argv):
    report = run_guarded(tmp_path, *argv)
    assert report["attempts"] == []
    assert report["modules"] == []


def test_app_screenshot_never_touches_the_network(tmp_path):
    shot = tmp_path / "shot.png"
    report = run_guarded(
        tmp_path, "--screenshot", str(shot), "--lang", "zh", "--view", "calculator", "--patient", str(EXAMPLE)
    )
    assert report["attempts"] == []
    assert report["modules"] == []
    assert shot.stat().st_size > 0


def test_shipped_code_imports_no_network_client():
    offenders = [
        str(path.relative_to(ROOT))
        for package in SHIPPED_PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if NETWORK_IMPORT.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.skipif(
    frozen_executable() is None or shutil.which("strace") is None,
    reason="needs a frozen build (scripts/build_frozen.sh) and strace",
)
def test_frozen_app_opens_no_internet_socket(tmp_path):
    # The frozen app cannot be patched from Python, so the kernel is asked: every socket() and
    # connect() call of the process tree is traced; only local (AF_UNIX) ones may appear.
    env = bonemet_env(home=tmp_path / "home", profile=tmp_path)
    runs = {"app": screenshot_argv(tmp_path / "shot.png"), "search": ["search", "denosumab", "--limit", "1"]}
    internet = []
    for name, argv in runs.items():
        trace = tmp_path / f"{name}.strace"
        tracer = ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace)]
        run_bonemet([*tracer, str(frozen_executable())], argv, env, cwd=tmp_path)
        internet += [line for line in trace.read_text(encoding="utf-8").splitlines() if "AF_INET" in line]
    assert internet == []
