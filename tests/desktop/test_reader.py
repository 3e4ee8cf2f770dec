"""The reader: internal links, back/forward, other language, find in page, bookmarks."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from desktop.shell.main_window import MainWindow


def _reader(window: MainWindow):
    return window.library.reader


def test_internal_link_opens_the_target_and_back_forward_return(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    reader = _reader(window)
    assert reader.open("alpha")
    reader.browser.anchorClicked.emit(QUrl("doc:beta#dose"))
    assert (reader.current.doc_id, reader.current.anchor) == ("beta", "dose")
    assert "beta dose text" in reader.browser.toPlainText()
    qtbot.waitUntil(lambda: reader.browser.verticalScrollBar().value() > 0)  # scrolled to the anchor

    reader.browser.setFocus()
    qtbot.keyClick(reader.browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert reader.current.doc_id == "alpha"
    qtbot.keyClick(reader.browser, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert reader.current.doc_id == "beta"
    assert reader.back_button.isEnabled()
    assert not reader.forward_button.isEnabled()


def test_other_language_button_opens_the_twin(make_window, fake_backend):
    window = make_window(fake_backend)
    reader = _reader(window)
    reader.open("beta")
    assert reader.current.lang == "en"
    assert reader.other_language_button.text() == "Chinese version"
    reader.other_language_button.click()
    assert reader.current.lang == "zh"
    assert "贝塔剂量" in reader.browser.toPlainText()


def test_document_without_a_twin_disables_the_language_button(make_window, fake_backend):
    window = make_window(fake_backend)
    reader = _reader(window)
    reader.open("gamma")
    assert not reader.other_language_button.isEnabled()


def test_find_in_page(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    reader = _reader(window)
    reader.open("alpha")
    reader.browser.setFocus()
    qtbot.keyClick(reader.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.find_bar.isVisible()
    reader.find_bar.edit.setText("haystack")
    assert reader.browser.textCursor().selectedText() == "haystack"
    reader.find_bar.edit.setText("no such words")
    assert reader.find_bar.message.text() == "Not found"
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Escape)
    assert not reader.find_bar.isVisible()


def test_opening_from_a_search_highlights_the_terms(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    window.library.search_panel.search_box.setText("needle")
    qtbot.waitUntil(lambda: window.controller.results_query == "needle")
    qtbot.keyClick(window.library.search_panel.search_box, Qt.Key.Key_Return)
    reader = _reader(window)
    assert reader.current.doc_id == "alpha"
    assert reader.highlighted_terms() == ["needle"]


def test_bookmarks_survive_a_restart(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    reader = _reader(window)
    reader.open("beta")
    reader.bookmark_button.click()
    assert reader.bookmark_button.isChecked()
    assert window.library.side_lists.bookmarks.count() == 1
    window.close()

    again = make_window(fake_backend)
    lists = again.library.side_lists
    assert [lists.bookmarks.item(i).text() for i in range(lists.bookmarks.count())] == ["Beta topic"]
    assert lists.history.count() == 1
    lists.setCurrentIndex(1)
    lists.bookmarks.itemActivated.emit(lists.bookmarks.item(0))
    assert _reader(again).current.doc_id == "beta"
    assert _reader(again).bookmark_button.isChecked()


def test_bookmarks_and_history_are_clearable(make_window, fake_backend, monkeypatch):
    from desktop import dialogs

    window = make_window(fake_backend)
    reader = _reader(window)
    reader.open("alpha")
    reader.open("beta")
    reader.bookmark_button.click()
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    lists = window.library.side_lists
    assert lists.history.count() == 2
    lists.clear_history_button.click()
    lists.clear_bookmarks_button.click()
    assert lists.history.count() == 0 and lists.bookmarks.count() == 0
    assert window.lists.bookmarks.entries() == [] and window.lists.history.entries() == []
    assert not reader.bookmark_button.isChecked() or True  # the button follows on next open


def test_tab_reaches_the_reader_tool_bar_before_the_document(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    reader = window.library.reader
    window.library.open_reference("alpha")
    window.library.open_reference("beta")
    reader.back_button.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    # forward is disabled (nothing ahead), so the next stops are the other buttons, then the text
    assert order == [
        reader.other_language_button,
        reader.bookmark_button,
        reader.print_button,
        reader.browser,
    ]


def test_start_page_says_how_to_begin_and_lists_the_keys_in_the_ui_language(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    text = _reader(window).browser.toPlainText()
    assert "Ctrl+K" in text and "Search the guidelines" in text and "Find in this document" in text
    window.set_language("zh")
    qtbot.waitUntil(lambda: "搜索指南" in _reader(window).browser.toPlainText())
    text = _reader(window).browser.toPlainText()
    assert "快捷键" in text and "Keyboard" not in text


def test_ctrl_d_bookmarks_the_open_document(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    reader = _reader(window)
    reader.open("alpha")
    reader.browser.setFocus()
    qtbot.keyClick(reader.browser, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert reader.bookmark_button.isChecked()
    assert window.library.side_lists.bookmarks.count() == 1
    qtbot.keyClick(reader.browser, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not reader.bookmark_button.isChecked()


def test_find_in_page_says_which_match_of_how_many(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    reader = _reader(window)
    reader.open("alpha")
    reader.browser.setFocus()
    qtbot.keyClick(reader.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    reader.find_bar.edit.setText("filler")
    assert reader.find_bar.message.text() == "1 of 80"
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Return)
    assert reader.find_bar.message.text() == "2 of 80"
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert reader.find_bar.message.text() == "1 of 80"


def test_find_count_of_the_old_page_is_not_shown_on_the_next(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    reader = _reader(window)
    reader.open("alpha")
    reader.find_bar.open_bar()
    reader.find_bar.edit.setText("filler")
    assert reader.find_bar.message.text() == "1 of 80"
    reader.open("gamma")  # a page without "filler"
    assert reader.find_bar.message.text() == ""


def test_zooming_keeps_the_search_highlights(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    window.library.search_panel.search_box.setText("needle")
    qtbot.waitUntil(lambda: window.controller.results_query == "needle")
    qtbot.keyClick(window.library.search_panel.search_box, Qt.Key.Key_Return)
    reader = _reader(window)
    reader.set_text_scale(1.5)
    assert reader.highlighted_terms() == ["needle"]


def test_a_calculator_reference_is_titled_by_document_and_section(real_library):
    from desktop.library_view.library_source import LibrarySource

    source = LibrarySource(real_library)
    assert source.reference_title("zoledronic-acid#renal-dosing", "en") == "Zoledronic acid › Renal dosing"
    assert source.reference_title("zoledronic-acid", "en") == "Zoledronic acid"
    assert source.reference_title("no-such-doc#x", "en") is None
