"""Robust state: damaged or unwritable settings, bookmarks and logs never stop the app."""

from __future__ import annotations

import json
import logging
from logging.handlers import RotatingFileHandler

import pytest

from desktop.library_view.bookmarks import Entry, EntryList, ReadingLists
from desktop.shell.logs import LOG_FILE_NAME, setup_logging
from desktop.shell.paths import user_dirs
from desktop.shell.settings import Settings
from tests.desktop.conftest import settings_path

ENTRY = Entry("beta", "", "en", "Beta topic")


def test_settings_round_trip_and_bad_values_fall_back_to_defaults(tmp_path):
    path = tmp_path / "settings.ini"
    settings = Settings(path)
    settings.set("language", "zh")
    settings.set("zoom", 3)
    assert settings.save()
    assert Settings(path).get("language") == "zh" and Settings(path).get("zoom") == 3
    path.write_text("[ui]\nlanguage=klingon\nzoom_steps=banana\n", encoding="utf-8")
    reread = Settings(path)
    assert (reread.get("language"), reread.get("zoom")) == ("", 0)
    assert reread.notice is None


def test_settings_never_hold_patient_data():
    from desktop.shell.settings import OPTIONS

    assert set(OPTIONS) == {
        "language",
        "zoom",
        "last_view",
        "disclaimer_accepted",
        "window_geometry",
        "window_state",
        "library_splitter",
    }


def test_damaged_settings_give_defaults_and_a_notice(make_window):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\xff\xfe garbage \x00" * 50)
    window = make_window()
    assert window.settings.get("language") == ""
    assert "settings" in window.statusBar().currentMessage().lower()
    assert (path.parent / "settings.ini.damaged").exists()
    window.close()
    assert Settings(path).notice is None  # the next start is clean again


def test_damaged_bookmarks_give_an_empty_list_and_a_notice(make_window, fake_backend):
    data = user_dirs().data
    data.mkdir(parents=True)
    (data / "bookmarks.json").write_text("{not json", encoding="utf-8")
    window = make_window(fake_backend)
    assert window.lists.bookmarks.entries() == []
    assert "bookmarks.json" in window.statusBar().currentMessage()
    window.library.reader.open("beta")
    window.library.reader.bookmark_button.click()
    assert json.loads((data / "bookmarks.json").read_text(encoding="utf-8"))["entries"][0]["doc_id"] == "beta"


def test_unwritable_user_folder_is_logged_not_fatal(make_window, fake_backend, monkeypatch, tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the profile folder should be", encoding="utf-8")
    monkeypatch.setenv("BONEMET_HOME", str(blocker))  # every mkdir and write under it fails
    with caplog.at_level(logging.WARNING):
        window = make_window(fake_backend)
        window.library.reader.open("beta")
        window.library.reader.bookmark_button.click()  # the write fails; the click still works
        assert window.library.reader.bookmark_button.isChecked()
        assert not window.save_state()
        window.close()
    assert "could not write" in caplog.text
    assert "settings not saved" in caplog.text


def test_bookmark_writes_are_atomic_and_leave_no_temporary_files(tmp_path):
    bookmarks = EntryList(tmp_path / "bookmarks.json")
    for number in range(5):
        bookmarks.add(Entry(f"doc-{number}", "", "en", f"Doc {number}"))
    # the lock file stays (the OS lock on it is what counts); no temporary file is left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bookmarks.json", "bookmarks.json.lock"]
    assert len(EntryList(tmp_path / "bookmarks.json").entries()) == 5


def test_two_instances_merge_their_changes(tmp_path):
    first, second = ReadingLists(tmp_path), ReadingLists(tmp_path)
    first.bookmarks.add(ENTRY)
    second.bookmarks.add(Entry("alpha", "", "en", "Alpha topic"))
    assert {e.doc_id for e in ReadingLists(tmp_path).bookmarks.entries()} == {"alpha", "beta"}
    first.bookmarks.remove("alpha")
    assert [e.doc_id for e in ReadingLists(tmp_path).bookmarks.entries()] == ["beta"]


def test_two_windows_at_once_share_settings(make_window, fake_backend):
    first = make_window(fake_backend)
    second = make_window(fake_backend)
    first.library.reader.open("alpha")
    second.library.reader.open("beta")
    first.close()
    second.close()
    assert {e.doc_id for e in ReadingLists(user_dirs().data).history.entries()} == {"alpha", "beta"}


def test_history_is_capped(tmp_path):
    history = ReadingLists(tmp_path).history
    for number in range(40):
        history.add(Entry(f"doc-{number}", "", "en", "t"))
    assert len(history.entries()) == history.limit
    assert history.entries()[0].doc_id == "doc-39"


def test_log_file_rotates_in_the_log_folder(tmp_path):
    log_dir = tmp_path / "log"
    level = logging.getLogger().level
    try:
        path = setup_logging(log_dir)
        assert path == log_dir / LOG_FILE_NAME
        logging.getLogger("desktop.test").info("hello from the test")
        handler = next(h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler))
        handler.flush()
        assert "hello from the test" in path.read_text(encoding="utf-8")
        assert handler.maxBytes > 0 and handler.backupCount > 0
        blocker = tmp_path / "a-file"
        blocker.write_text("x", encoding="utf-8")
        assert setup_logging(blocker / "log") is None  # unwritable: stderr only, no exception
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "_bonemet", False):
                logging.getLogger().removeHandler(handler)
                handler.close()
        logging.getLogger().setLevel(level)


@pytest.mark.parametrize(
    "content",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"version": 1, "entries": [' + "9" * 5000 + "]}",
        '{"version": 1, "entries": ["beta"]}',
        "[]",
    ],
)
def test_any_damaged_history_file_gives_an_empty_list_not_a_crash(tmp_path, content):
    (tmp_path / "history.json").write_text(content, encoding="utf-8")
    lists = ReadingLists(tmp_path)
    assert lists.history.entries() == [] and "history.json" in " ".join(lists.notices())
