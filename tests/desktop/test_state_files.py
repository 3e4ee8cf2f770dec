"""State files that are not files, are absurdly large or are written by two instances at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.files import STATE_FILE_LIMIT, UnusableFile, read_state_file
from desktop.library_view.bookmarks import Entry, ReadingLists
from desktop.shell.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")


def _absurdly_large(path: Path) -> None:
    with path.open("wb") as stream:  # 34 MB, as found in the adversarial run, written sparse
        stream.seek(34 * 1024 * 1024)
        stream.write(b"]")


@needs_fifo
def test_a_fifo_is_refused_before_it_is_opened(tmp_path):
    fifo = tmp_path / "bookmarks.json"
    os.mkfifo(fifo)
    with pytest.raises(UnusableFile):
        read_state_file(fifo)  # opening it for reading would wait for a writer forever


def test_the_size_limit_holds_while_reading(tmp_path):
    path = tmp_path / "history.json"
    path.write_bytes(b" " * (STATE_FILE_LIMIT + 1))
    with pytest.raises(UnusableFile):
        read_state_file(path)
    path.write_bytes(b" " * STATE_FILE_LIMIT)
    assert len(read_state_file(path)) == STATE_FILE_LIMIT


@pytest.mark.parametrize("kind", ["fifo", "large", "folder"])
def test_bookmarks_that_are_not_a_usable_file_start_empty_and_are_moved_aside(tmp_path, kind):
    path = tmp_path / "bookmarks.json"
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this platform")
        os.mkfifo(path)
    elif kind == "large":
        _absurdly_large(path)
    else:
        path.mkdir()
    lists = ReadingLists(tmp_path)
    assert lists.bookmarks.entries() == []
    assert "bookmarks.json" in " ".join(lists.notices())
    assert (tmp_path / "bookmarks.json.damaged").exists()
    lists.bookmarks.add(Entry("beta", "", "en", "Beta"))  # and the list works again
    assert ReadingLists(tmp_path).bookmarks.entries()[0].doc_id == "beta"


@pytest.mark.parametrize("kind", ["fifo", "large"])
def test_settings_that_are_not_a_usable_file_give_defaults_and_a_notice(tmp_path, kind):
    path = tmp_path / "settings.ini"
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this platform")
        os.mkfifo(path)
    else:
        _absurdly_large(path)
    settings = Settings(path)
    assert settings.get("language") == "" and settings.notice
    assert (tmp_path / "settings.ini.damaged").exists()


ADD_MANY = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from desktop.library_view.bookmarks import Entry, ReadingLists
    lists = ReadingLists(Path(sys.argv[1]))
    for number in range(int(sys.argv[3])):
        lists.bookmarks.add(Entry(f"{sys.argv[2]}-{number}", "", "en", "t"))
    """
)


@pytest.mark.slow  # two separate processes
def test_two_instances_adding_bookmarks_at_once_lose_none(tmp_path):
    runs = [
        subprocess.Popen([sys.executable, "-c", ADD_MANY, str(tmp_path), name, "100"], cwd=ROOT)
        for name in ("first", "second")
    ]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    saved = json.loads((tmp_path / "bookmarks.json").read_text(encoding="utf-8"))["entries"]
    assert len({entry["doc_id"] for entry in saved}) == 200


def test_the_reader_loads_no_file_a_page_points_at(qtbot, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    from desktop.offline_browser import OfflineBrowser

    image = tmp_path / "pixel.png"
    pixel = QImage(7, 5, QImage.Format.Format_RGB32)
    pixel.fill(0)
    assert pixel.save(str(image))
    browser = OfflineBrowser()
    qtbot.addWidget(browser)
    url = QUrl.fromLocalFile(str(image))
    browser.setHtml(f'<p>text</p><img src="{url.toString()}">')
    browser.document().adjustSize()  # layout asks for the image
    loaded = browser.document().resource(QTextDocument.ResourceType.ImageResource, url)
    assert loaded is None or loaded.size().width() != 7  # never the picture on disk
