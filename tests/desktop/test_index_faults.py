"""The search index under faults, as the user meets them (issue 16): a damaged index is rebuilt and
the library view says so; nothing the index does takes the reader down."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.library_view.library_source import load_backend
from desktop.library_view.search_controller import READY, RESULT_LIMIT
from index.search import SearchIndex

QUERY = "地舒单抗"
REBUILT = "The search index was damaged and has been rebuilt."


def flip_bytes(path: Path, fraction: float = 0.5, count: int = 16) -> None:
    data = bytearray(path.read_bytes())
    start = int(len(data) * fraction)
    for i in range(start, start + count):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def hits(index, lang: str = "zh") -> list[tuple[str, str, float]]:
    return [(h.doc_id, h.anchor, h.score) for h in index.search(QUERY, lang, RESULT_LIMIT)]


@pytest.fixture
def shipped(tmp_path, real_backend) -> Path:
    """A copy of a clean, current index of the bundled library, as an install folder would hold."""
    copy = tmp_path / "install" / "index"
    shutil.copytree(real_backend.search_index.index_dir, copy)
    return copy


def test_an_index_damaged_before_start_is_rebuilt_and_the_library_view_says_so(
    shipped, tmp_path, real_backend, make_window, qtbot
):
    # The app opens the index checking sizes only and hashes it in the search thread before the
    # first search (issue 14): flipped bytes are found there, and the index is rebuilt into the cache.
    flip_bytes(next(shipped.glob("*.seg")))
    backend = load_backend(shipped, tmp_path / "cache" / "index")
    assert backend.search_index.index_dir == shipped and backend.verify is not None
    window = make_window(backend)
    controller = window.controller
    qtbot.waitUntil(lambda: controller.state == READY and controller.rebuilt, timeout=30_000)
    rebuilt = controller._index
    assert rebuilt.index_dir == tmp_path / "cache" / "index"
    assert hits(rebuilt) == hits(real_backend.search_index)
    assert backend.search_index.search(QUERY) == []  # the damaged one was closed when found
    status = window.library.search_panel.status_label
    assert status.text() == REBUILT and status.isVisible()
    window.library.search_panel.search_box.setText(QUERY)  # the notice gives way to the results
    qtbot.waitUntil(lambda: controller.results_query == QUERY, timeout=10_000)
    assert status.text() != REBUILT
    controller.wait_idle()
    rebuilt.close()  # the window does not own indexes


def test_a_query_typed_before_the_check_never_reads_the_damaged_index(
    shipped, tmp_path, real_backend, make_window, qtbot, monkeypatch
):
    flip_bytes(next(shipped.glob("*.seg")))
    backend = load_backend(shipped, tmp_path / "cache" / "index")
    read = []
    search = backend.search_index._search
    monkeypatch.setattr(backend.search_index, "_search", lambda *a: read.append(a) or search(*a))
    window = make_window(backend, show=False)
    window.controller.set_query(QUERY)
    window.controller.run_now()  # queued behind the check in the one search thread
    qtbot.waitUntil(lambda: window.controller.state == READY and window.controller.rebuilt, timeout=30_000)
    # Its first answer came from the closed index (nothing), the real one after the rebuild.
    qtbot.waitUntil(lambda: bool(window.controller.results), timeout=10_000)
    assert read == []
    assert [(h.doc_id, h.anchor) for h in window.controller.results][:3] == [
        (h.doc_id, h.anchor) for h in real_backend.search_index.search(QUERY, window.controller.language)
    ][:3]
    window.controller.wait_idle()
    window.controller._index.close()


def test_a_search_that_raises_on_damaged_files_rebuilds_the_index(
    shipped, tmp_path, real_backend, make_window, qtbot, monkeypatch
):
    backend = load_backend(shipped, tmp_path / "cache" / "index")
    assert backend.search_index.index_dir == shipped and not backend.index_rebuilt
    flip_bytes(shipped / "weights.bin")  # damaged while the app runs; this search then raises
    monkeypatch.setattr(backend.search_index, "_search", lambda *a: 1 / 0)
    window = make_window(backend)
    window.library.search_panel.search_box.setText(QUERY)
    controller = window.controller
    qtbot.waitUntil(
        lambda: controller.state == READY and controller.rebuilt and bool(controller.results), timeout=30_000
    )
    shown = [(h.doc_id, h.anchor, h.score) for h in controller.results]
    assert shown == hits(real_backend.search_index, controller.language)
    assert window.library.search_panel.status_label.text() == REBUILT
    with SearchIndex.open(tmp_path / "cache" / "index") as rebuilt:
        assert hits(rebuilt) == hits(real_backend.search_index)
    backend.search_index.close()  # the damaged one the test opened
    window.controller.wait_idle()
    window.controller._index.close()  # the rebuilt one the repair opened (the window does not own indexes)


def test_a_search_that_raises_on_intact_files_keeps_the_index(
    shipped, tmp_path, make_window, qtbot, monkeypatch
):
    backend = load_backend(shipped, tmp_path / "cache" / "index")
    calls = []
    monkeypatch.setattr(backend.search_index, "_search", lambda *a: calls.append(a) or 1 / 0)
    window = make_window(backend)
    window.library.search_panel.search_box.setText(QUERY)
    qtbot.waitUntil(lambda: len(calls) == 2 and window.controller.state == READY, timeout=10_000)
    qtbot.waitUntil(lambda: window.controller.results_query == QUERY)
    assert not (tmp_path / "cache").exists() and not window.controller.rebuilt
    assert len(calls) == 2  # checked once, searched again once: no loop
    backend.search_index.close()  # the test opened it; the app would close it on exit


def test_the_reader_loads_when_the_index_code_raises(tmp_path, monkeypatch):
    import index.store

    def broken(*args, **kwargs):
        raise RuntimeError("index code failed")

    monkeypatch.setattr(index.store, "open_current", broken)
    monkeypatch.setattr(index.store, "ensure_index", broken)
    backend = load_backend(tmp_path / "none", tmp_path / "cache")
    assert backend.search_index is None and "index code failed" in backend.search_error
    assert backend.source.toc("zh") and backend.source.html(backend.source.toc("zh")[0].doc_id, "zh")


def test_the_prebuilt_library_is_read_when_only_the_search_part_is_damaged(shipped, tmp_path, monkeypatch):
    import library.content

    flip_bytes(next(shipped.glob("*.seg")))
    monkeypatch.setattr(library.content, "load_library", lambda *a: pytest.fail("read the markdown"))
    (tmp_path / "cache").write_text("a file where the cache folder should be")  # no rebuild possible
    backend = load_backend(shipped, tmp_path / "cache" / "index")
    assert [item.doc_id for item in backend.source.toc("zh")]  # from library.json
    assert backend.verify is not None and backend.verify()  # found before the first search
    repaired = backend.repair(backend.search_index)
    assert repaired.search_index is None and repaired.search_error
    assert [item.doc_id for item in repaired.source.toc("zh")]
