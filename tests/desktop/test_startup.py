"""Start-up as the user sees it: only the view on screen is built before the window shows, and a
fresh profile with no search index says how far the index build is while the reader already works."""

from __future__ import annotations

import re

from desktop.library_view.library_source import load_backend
from desktop.library_view.search_controller import READY


def test_only_the_view_on_screen_is_built_before_the_backend_answers(make_window, fake_backend, qtbot):
    window = make_window()
    assert window.tabs.built("library") is not None
    assert window.tabs.built("calculator") is None and window.tabs.built("scores") is None
    window.set_backend(fake_backend)
    # then built one per idle moment
    qtbot.waitUntil(
        lambda: window.tabs.built("calculator") is not None and window.tabs.built("scores") is not None
    )


def test_opening_a_view_builds_it_in_the_current_language(make_window, qtbot):
    window = make_window()
    window.set_language("zh")
    window.menus.actions["show_calculator"].trigger()
    assert window.tabs.currentIndex() == 1
    assert window.calculator.calls == [("set_content_language", "zh")]
    window.set_language("en")


def test_a_fresh_profile_shows_index_progress_while_the_reader_works(make_window, tmp_path, qtbot):
    window = make_window()
    window.set_language("zh")
    panel = window.library.search_panel
    seen: list[str] = []
    opened: list[bool] = []

    def on_state() -> None:
        seen.append(panel.status_label.text())
        if window.controller.progress and not opened and window.source is not None:
            first = window.source.toc("zh")[0].doc_id
            opened.append(window.library.reader.open(first))

    window.controller.stateChanged.connect(on_state)
    loaded = []  # the backend this test made, so it can close its index at the end

    def load():
        loaded.append(load_backend(tmp_path / "none", tmp_path / "cache", window.backend_events))
        return loaded[-1]

    window.load_backend(load)
    qtbot.waitUntil(lambda: window.controller.state == READY, timeout=120_000)
    progress = [text for text in seen if re.fullmatch(r"正在建立搜索索引… \d+/\d+", text)]
    assert progress and re.fullmatch(r"正在建立搜索索引… (\d+)/\1", progress[-1])  # e.g. "50/50"
    assert opened == [True]  # the library was readable while the index was still being built
    assert window.library.reader.browser.toPlainText().strip()
    window.set_language("en")
    window.shutdown()
    loaded[-1].search_index.close()


def test_search_is_ready_before_the_library_and_a_hit_opened_meanwhile_opens_when_it_arrives(
    make_window, real_backend, qtbot
):
    # The loader reports the opened index first; the library (about 10 ms more) comes with the
    # Backend (issue 14). Enter pressed in between opens the hit once the library is there.
    window = make_window()
    events: list[str] = []
    window.controller.stateChanged.connect(lambda: events.append(window.controller.state))
    index = real_backend.search_index
    window.backend_events.index_ready(index, lambda: [])
    qtbot.waitUntil(lambda: window.controller.state == READY)
    assert window.source is None  # searching needs no library
    window.library.search_panel.search_box.setText("地舒单抗")
    qtbot.waitUntil(lambda: bool(window.controller.results), timeout=10_000)
    hit = window.controller.results[0]
    window.library.open_hit(hit, "地舒单抗")  # before the library
    assert window.library.reader.current is None
    window.set_backend(type(real_backend)(real_backend.source, index, repair=real_backend.repair))
    assert window.library.reader.current is not None and window.library.reader.current.doc_id == hit.doc_id
    assert events.count(READY) == 1  # the Backend did not restart search
    window.controller.wait_idle()


def test_an_index_found_damaged_before_the_library_arrives_is_repaired_when_it_does(
    make_window, real_backend, qtbot
):
    window = make_window()
    controller = window.controller
    repaired: list[object] = []

    class Stand:  # the opened index the loader reported; its check finds damage
        last_error = None
        index_dir = real_backend.search_index.index_dir

        def search(self, *args, **kwargs):
            return []

        def expansions(self, query):
            return []

    stand = Stand()
    window.backend_events.index_ready(stand, lambda: ["sections.seg: content differs"])
    qtbot.waitUntil(lambda: controller._unrepaired is stand)  # found, but no repair to run yet

    def repair(index):
        repaired.append(index)
        return type(real_backend)(real_backend.source, real_backend.search_index, index_rebuilt=True)

    window.set_backend(type(real_backend)(real_backend.source, stand, repair=repair))
    qtbot.waitUntil(lambda: controller.state == READY and controller.rebuilt, timeout=10_000)
    assert repaired == [stand] and controller.current_index() is real_backend.search_index
    controller.wait_idle()


def test_the_loader_hands_over_an_opened_index_before_reading_the_library(real_backend, tmp_path):
    heard: list[str] = []

    class Reporter:
        def index_ready(self, search_index, verify):
            heard.append("index")
            assert verify() == []  # intact: hashes and parts check out

        def library_ready(self, source):
            heard.append("library")  # only when the index must be built first

        def index_progress(self, done, total):
            heard.append("progress")

    shipped = real_backend.search_index.index_dir
    backend = load_backend(shipped, tmp_path / "cache", Reporter())
    assert heard == ["index"]
    assert backend.verify is None  # it went with the report
    assert backend.source.toc("zh") and backend.search_index.index_dir == shipped
    backend.search_index.close()
