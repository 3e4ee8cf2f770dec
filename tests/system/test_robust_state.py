"""Robust per-user state, end to end: the real app, started as its own process, survives a damaged or
unreadable settings file, an unusable profile folder and a second copy of itself running at once.

(tests/desktop checks the same rules on the widgets; these runs prove the whole start-up path,
logging included, holds up.) Tests may run as root, for whom chmod does not stop reads or writes,
so "unreadable" and "unwritable" are made with a folder where a file is expected and vice versa.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from desktop.library_view.bookmarks import Entry, ReadingLists
from desktop.shell.settings import SETTINGS_FILE_NAME, Settings
from tests.system.installs import (
    SOURCE_COMMAND,
    copy_source_install,
    run_bonemet,
    screenshot_argv,
    source_env,
)


@pytest.fixture
def env(readonly_install, tmp_path):
    """The read-only install (current prebuilt index) with its own per-user folder."""
    profile = tmp_path / "profile"
    profile.mkdir()
    return source_env(readonly_install, home=tmp_path / "home", profile=profile)


def settings_file(env) -> Path:
    return Path(env["BONEMET_HOME"]) / "config" / SETTINGS_FILE_NAME


def warning_lines(stderr: str, needle: str) -> list[str]:
    return [line for line in stderr.splitlines() if needle in line]


def test_damaged_settings_file_gives_defaults_and_one_line_notice(tmp_path, env):
    path = settings_file(env)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\xff\xfe[ui]\x00language=\xff" * 20)
    result = run_bonemet(SOURCE_COMMAND, screenshot_argv(tmp_path / "shot.png"), env, cwd=tmp_path)
    assert (tmp_path / "shot.png").stat().st_size > 0
    assert len(warning_lines(result.stderr, "is damaged; using defaults")) == 1
    assert "Traceback" not in result.stderr
    assert path.with_name(SETTINGS_FILE_NAME + ".damaged").is_file()  # kept for IT, out of the way


def test_a_folder_where_the_settings_file_should_be_gives_defaults_and_one_line_notice(tmp_path, env):
    settings_file(env).mkdir(parents=True)  # not a regular file: moved aside like a damaged one
    result = run_bonemet(SOURCE_COMMAND, screenshot_argv(tmp_path / "shot.png"), env, cwd=tmp_path)
    assert (tmp_path / "shot.png").stat().st_size > 0
    assert len(warning_lines(result.stderr, "is damaged; using defaults")) == 1
    assert "Traceback" not in result.stderr
    assert settings_file(env).with_name(SETTINGS_FILE_NAME + ".damaged").is_dir()


def test_unusable_profile_folder_is_logged_not_fatal(tmp_path, env):
    blocker = Path(env["BONEMET_HOME"])
    blocker.write_text("a file where the per-user folder should be", encoding="utf-8")  # every write fails
    result = run_bonemet(SOURCE_COMMAND, screenshot_argv(tmp_path / "shot.png"), env, cwd=tmp_path)
    assert (tmp_path / "shot.png").stat().st_size > 0
    assert warning_lines(result.stderr, "log file not available")
    assert warning_lines(result.stderr, "could not read")  # bookmarks/history: started empty
    assert "Traceback" not in result.stderr
    search = run_bonemet(SOURCE_COMMAND, ["search", "zoledronic", "--limit", "1"], env, cwd=tmp_path)
    assert "zoledron" in search.stdout.lower()  # the shipped index needs no writable cache


def test_two_instances_at_once_both_work_and_leave_valid_files(tmp_path):
    # A copy without a prebuilt index, so both instances also race to build the index cache.
    install = copy_source_install(tmp_path / "install")
    profile = tmp_path / "profile"
    profile.mkdir()
    env = source_env(install, home=tmp_path / "home", profile=profile)
    home = tmp_path / "home"
    seeded = Settings(settings_file(env))
    seeded.set("language", "zh")
    assert seeded.save()
    ReadingLists(home / "data").bookmarks.add(Entry("zoledronic-acid", "", "zh", "唑来膦酸"))
    runs = [
        subprocess.Popen(
            [*SOURCE_COMMAND, *screenshot_argv(tmp_path / f"shot-{n}.png", query)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, query in enumerate(["唑来膦酸", "denosumab"])
    ]
    outcomes = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    for run in runs:
        run.stdout.close()
        run.stderr.close()
    assert [code for code, _ in outcomes] == [0, 0], [err[-1500:] for _, err in outcomes]
    assert all((tmp_path / f"shot-{n}.png").stat().st_size > 0 for n in range(2))
    settings = Settings(settings_file(env))
    assert settings.notice is None and settings.get("language") == "zh"
    lists = ReadingLists(home / "data")
    assert lists.notices() == []
    assert [e.doc_id for e in lists.bookmarks.entries()] == ["zoledronic-acid"]
    json.loads((home / "data" / "history.json").read_text(encoding="utf-8"))
    assert (home / "cache" / "index" / "stamp.json").is_file()
    assert [p.name for p in home.rglob("*.tmp")] == []
