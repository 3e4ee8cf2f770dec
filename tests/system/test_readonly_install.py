"""Nothing is ever written to the install folder: the CLI and the app run from a read-only copy.

The copy holds exactly what an installation holds (the packages and the prebuilt index). Tests
may run as root, for whom chmod does not stop writes, so the check compares a full snapshot of
the folder (paths, sizes, mtimes) before and after, besides removing the write bits.
"""

from __future__ import annotations

import pytest

from tests.system.installs import (
    EXAMPLE,
    SOURCE_COMMAND,
    bonemet_env,
    frozen_executable,
    run_bonemet,
    screenshot_argv,
    snapshot,
    source_env,
)


@pytest.mark.parametrize(
    "argv",
    [
        ("assess", str(EXAMPLE), "--format", "text", "--lang", "en"),
        ("search", "zoledronic", "--json"),
        ("--screenshot", "{home}/shot.png", "--lang", "zh", "--view", "library", "--query", "唑来膦酸"),
    ],
    ids=["assess", "search", "app-screenshot"],
)
def test_runs_without_writing_to_the_install_folder(readonly_install, tmp_path, argv):
    home = tmp_path / "home"
    home.mkdir()
    before = snapshot(readonly_install)
    env = source_env(readonly_install, home=home, profile=tmp_path)
    run_bonemet(SOURCE_COMMAND, [arg.format(home=home) for arg in argv], env, cwd=tmp_path)
    assert snapshot(readonly_install) == before


@pytest.mark.skipif(frozen_executable() is None, reason="no frozen build (run scripts/build_frozen.sh)")
def test_frozen_build_runs_without_writing_to_its_folder(tmp_path):
    bundle = frozen_executable().parent
    before = snapshot(bundle)
    env = bonemet_env(home=tmp_path / "home", profile=tmp_path)
    exe = [str(frozen_executable())]
    run_bonemet(exe, ["assess", str(EXAMPLE), "--format", "text", "--lang", "zh"], env, cwd=tmp_path)
    run_bonemet(exe, ["search", "地舒单抗", "--limit", "1"], env, cwd=tmp_path)
    run_bonemet(exe, screenshot_argv(tmp_path / "shot.png"), env, cwd=tmp_path)
    assert snapshot(bundle) == before
