"""The frozen-build recipe keeps its promises even where CI does not build it (no PyInstaller run here)."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.system.installs import ROOT

SPEC = (ROOT / "packaging" / "bonemet.spec").read_text(encoding="utf-8")


def test_spec_leaves_out_network_qml_quick_and_web_engine_and_uses_no_upx():
    for module in (
        "PySide6.QtNetwork",
        "PySide6.QtQml",
        "PySide6.QtQuick",
        "PySide6.QtWebEngineCore",
        "PySide6.QtWebEngineWidgets",
        "ssl",
    ):
        assert f'"{module}"' in SPEC, module
    for library in ("Qt6Network", "Qt6Qml", "Qt6Quick", "Qt6WebEngine"):
        assert f'"{library}"' in SPEC, library
    assert re.findall(r"upx=(\w+)", SPEC) and set(re.findall(r"upx=(\w+)", SPEC)) == {"False"}


def test_spec_builds_a_windowed_and_a_console_launcher():
    assert re.search(r'name="BoneMetGuide", console=False', SPEC)
    assert re.search(r'name="bonemet", console=True', SPEC)


def test_frozen_benchmark_without_a_build_says_how_to_make_one(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "bench_frozen.py"), str(tmp_path / "none")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "scripts/build_frozen.sh" in result.stderr
