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
    window._actions["show_calculator"].trigger()
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
