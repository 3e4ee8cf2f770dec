"""Shared test setup.

Qt must know it has no display before any QApplication exists (plain `pytest` would otherwise
abort on a machine without DISPLAY), and no test may touch a real user profile: every per-user
folder points into the test's own tmp_path.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path, monkeypatch):
    home = tmp_path / "bonemet-home"
    monkeypatch.setenv("BONEMET_HOME", str(home))
    return home
