"""Portable mode: a `portable.txt` beside the executable keeps every per-user file in `data/` there.

Runs the real app and CLI as separate processes from a copied install folder, with HOME pointed at
an empty throw-away profile: in portable mode nothing may appear in that profile. The frozen build
is exercised too when one has been built (scripts/build_frozen.sh); CI skips that case.
"""

from __future__ import annotations

import pytest

from desktop.shell.paths import PORTABLE_MARKER
from tests.system.installs import (
    EXAMPLE,
    SOURCE_COMMAND,
    bonemet_env,
    copy_frozen_install,
    copy_source_install,
    frozen_executable,
    run_bonemet,
    screenshot_argv,
    source_env,
)


def files_under(folder) -> list[str]:
    return (
        sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
        if folder.exists()
        else []
    )


def assert_everything_in_portable_data(install, profile):
    data = install / "data"
    written = files_under(data)
    assert "log/bonemet.log" in written
    assert "data/history.json" in written  # the library search opened a topic
    assert files_under(profile) == []


def test_source_install_with_marker_keeps_data_beside_it(tmp_path):
    install = copy_source_install(tmp_path / "BoneMetGuide")
    (install / PORTABLE_MARKER).write_text("", encoding="utf-8")
    profile = tmp_path / "profile"
    profile.mkdir()
    env = source_env(install, home=None, profile=profile)
    run_bonemet(SOURCE_COMMAND, screenshot_argv(tmp_path / "shot.png"), env, cwd=tmp_path)
    result = run_bonemet(SOURCE_COMMAND, ["search", "zoledronic", "--limit", "1"], env, cwd=tmp_path)
    assert "zoledron" in result.stdout.lower()
    assert_everything_in_portable_data(install, profile)
    assert (install / "data" / "cache" / "index" / "stamp.json").is_file()  # this copy ships no index


def test_source_install_without_marker_uses_the_user_profile(tmp_path):
    install = copy_source_install(tmp_path / "BoneMetGuide")
    profile = tmp_path / "profile"
    profile.mkdir()
    env = source_env(install, home=None, profile=profile)
    run_bonemet(
        SOURCE_COMMAND, ["assess", str(EXAMPLE), "--format", "text", "--lang", "en"], env, cwd=tmp_path
    )
    run_bonemet(SOURCE_COMMAND, screenshot_argv(tmp_path / "shot.png"), env, cwd=tmp_path)
    assert not (install / "data").exists()
    assert any(name.endswith("bonemet.log") for name in files_under(profile))


@pytest.mark.skipif(frozen_executable() is None, reason="no frozen build (run scripts/build_frozen.sh)")
def test_frozen_build_with_marker_keeps_data_beside_the_executable(tmp_path):
    install = copy_frozen_install(tmp_path / "BoneMetGuide")
    (install / PORTABLE_MARKER).write_text("", encoding="utf-8")
    profile = tmp_path / "profile"
    profile.mkdir()
    exe = [str(install / frozen_executable().name)]
    env = bonemet_env(home=None, profile=profile)
    run_bonemet(exe, screenshot_argv(tmp_path / "shot.png"), env, cwd=tmp_path)
    run_bonemet(exe, ["search", "zoledronic", "--limit", "1"], env, cwd=tmp_path)
    assert_everything_in_portable_data(install, profile)
    assert not (install / "data" / "cache" / "index").exists()  # the shipped index was current
