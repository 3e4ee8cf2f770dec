"""`bonemet --screenshot` renders the real window offscreen to a PNG of the documented size."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from desktop.shell.screenshot import SCREENSHOT_SIZE

pytestmark = pytest.mark.slow  # each test starts the app in a separate process


def test_screenshot_command_writes_a_png_of_the_expected_size(tmp_path):
    out = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--screenshot", str(out), "--lang", "zh", "--query", "唑来膦酸"],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE
    assert "Traceback" not in done.stderr


def test_screenshot_with_a_patient_file_that_is_not_one_patient_says_so(tmp_path):
    patient = tmp_path / "list.json"
    patient.write_text("[]", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--screenshot",
            str(tmp_path / "shot.png"),
            "--lang",
            "en",
            "--view",
            "calculator",
            "--patient",
            str(patient),
        ],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "list.json" in done.stderr
