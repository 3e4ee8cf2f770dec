"""Per-user state never lands in the install folder (read-only on ward PCs)."""

from __future__ import annotations

from desktop.shell import paths


def test_user_folders_are_outside_the_install_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("BONEMET_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    dirs = paths.user_dirs()
    install = paths.install_root()
    for folder in (dirs.config, dirs.data, dirs.cache, dirs.log):
        assert not folder.is_relative_to(install), folder
    assert not dirs.portable


def test_portable_marker_keeps_data_beside_the_executable(monkeypatch, tmp_path):
    monkeypatch.delenv("BONEMET_HOME")
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "executable_dir", lambda: tmp_path)
    dirs = paths.user_dirs()
    assert dirs.portable
    assert dirs.config.is_relative_to(tmp_path / "data")
