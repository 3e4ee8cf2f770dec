"""The library search as a user drives it: type, see results, move with the keys, open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.library_view.results_model import CardHtmlRole
from desktop.library_view.search_controller import FAILED, PREPARING, READY
from tests.desktop.conftest import type_text


def _panel(window):
    return window.library.search_panel


def _wait_results(qtbot, window, query: str) -> None:
    qtbot.waitUntil(lambda: window.controller.results_query == query, timeout=10_000)


def test_search_box_has_focus_on_start(make_window, real_backend, qtbot):
    window = make_window(real_backend)
    assert QApplication.focusWidget() is _panel(window).search_box


def test_chinese_query_shows_results_and_enter_opens_the_document(make_window, real_backend, qtbot):
    window = make_window(real_backend)
    window.set_language("zh")
    box = _panel(window).search_box
    type_text(box, "唑来膦酸")
    _wait_results(qtbot, window, "唑来膦酸")

    view = _panel(window).results_view
    assert view.isVisible()
    assert view.currentIndex().row() == 0  # first hit preselected
    hits = [view.model().index(row).data() for row in range(view.model().rowCount())]
    assert any("唑来膦酸" in text for text in hits[:5])
    card = view.model().index(0).data(CardHtmlRole)  # what the row draws: title, tag, snippet
    assert "[中文]" in card and "<b>" in card
    # Walk down to the drug's own page, as a user would, if something ranks above it.
    for _ in range(5):
        hit = _panel(window).current_hit()
        if (hit.doc_id, hit.lang) == ("zoledronic-acid", "zh"):
            break
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert (hit.doc_id, hit.lang) == ("zoledronic-acid", "zh")

    qtbot.keyClick(box, Qt.Key.Key_Return)
    reader = window.library.reader
    assert reader.current.doc_id == "zoledronic-acid"
    assert "唑来膦酸" in reader.browser.toPlainText()
    assert "唑来膦酸" in reader.highlighted_terms()  # matched terms are highlighted
    assert window.lists.history.entries()[0].doc_id == "zoledronic-acid"


def test_synonym_expansions_are_shown(make_window, real_backend, qtbot):
    window = make_window(real_backend)
    _panel(window).search_box.setText("唑来膦酸")
    _wait_results(qtbot, window, "唑来膦酸")
    status = _panel(window).status_label
    assert status.isVisible()
    assert "zoledronic acid" in status.text().lower()


def test_up_down_move_the_selection_from_the_box(make_window, real_backend, qtbot):
    window = make_window(real_backend)
    box = _panel(window).search_box
    box.setText("denosumab")
    _wait_results(qtbot, window, "denosumab")
    view = _panel(window).results_view
    assert view.model().rowCount() >= 2
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert view.currentIndex().row() == 0
    assert box.hasFocus()


def test_ctrl_k_focuses_and_selects_and_esc_clears(make_window, real_backend, qtbot):
    window = make_window(real_backend)
    box = _panel(window).search_box
    box.setText("denosumab")
    window.show_view(1)  # the calculator view
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    assert box.hasFocus()
    assert box.selectedText() == "denosumab"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert _panel(window).stack.currentWidget() is window.library.side_lists  # contents again


def test_a_query_with_no_hits_says_so(make_window, real_backend, qtbot):
    window = make_window(real_backend)
    _panel(window).search_box.setText("qqqxxyzz")
    _wait_results(qtbot, window, "qqqxxyzz")
    assert _panel(window).results_view.model().rowCount() == 0
    assert "qqqxxyzz" in _panel(window).status_label.text()


def test_typed_markup_is_shown_as_typed_even_when_typed_before_search_was_ready(
    make_window, fake_backend, qtbot
):
    # The status line is made plain text a moment after search is ready (issue 14); an answer
    # arriving first must still not render what the user typed as markup.
    window = make_window()
    panel = _panel(window)
    panel.search_box.setText("<i>qqq</i>")
    window.controller.set_index(fake_backend.search_index)
    _wait_results(qtbot, window, "<i>qqq</i>")
    assert panel.status_label.textFormat() == Qt.TextFormat.PlainText
    assert "<i>qqq</i>" in panel.status_label.text()


def test_stale_answers_are_dropped(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    controller = window.controller
    controller.set_query("alpha")
    controller._run()  # an answer for "alpha" is now on its way
    controller.set_query("beta")
    _wait_results(qtbot, window, "beta")
    qtbot.waitUntil(lambda: len(fake_backend.search_index.queries) == 2)
    qtbot.wait(50)  # the older "alpha" answer has had time to arrive
    assert [q for q, _ in fake_backend.search_index.queries] == ["alpha", "beta"]
    assert controller.results_query == "beta"
    assert controller.results and all("<b>beta</b>" in hit.snippet_html for hit in controller.results)


def test_search_waits_for_the_index_then_runs(make_window, fake_backend, qtbot):
    window = make_window()
    panel = _panel(window)
    assert "…" in panel.status_label.text()  # "Preparing search…"
    panel.search_box.setText("needle")
    window.load_backend(lambda: fake_backend)
    qtbot.waitUntil(lambda: window.controller.state == READY)
    _wait_results(qtbot, window, "needle")
    assert panel.current_hit().doc_id == "alpha"
    assert "haystack" in panel.status_label.text()


def test_a_failed_library_load_is_reported_not_fatal(make_window, qtbot):
    window = make_window()

    def broken():
        raise OSError("disk on fire")

    window.load_backend(broken)
    qtbot.waitUntil(lambda: window.controller.state == FAILED)
    assert "disk on fire" in window.statusBar().currentMessage()
    assert _panel(window).status_label.text()


def test_ctrl_k_inside_the_search_box_selects_its_text(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    box = _panel(window).search_box
    box.setText("alpha beta")
    box.setCursorPosition(2)
    qtbot.keyClick(box, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert box.text() == "alpha beta"
    assert box.selectedText() == "alpha beta"


def test_a_broken_index_costs_search_but_not_reading(make_window, fake_backend, qtbot):
    from desktop.library_view.library_source import Backend

    window = make_window(Backend(fake_backend.source, None, "index folder is read-only"))
    assert window.controller.state == FAILED
    assert "index folder is read-only" in window.statusBar().currentMessage()
    assert window.library.side_lists.contents.count() == 3  # the contents still list every topic
    assert window.library.reader.open("alpha")


def test_result_cards_wrap_to_the_list_width(make_window, real_backend, qtbot):
    window = make_window(real_backend)
    window.resize(1366, 768)
    window.set_language("zh")
    type_text(_panel(window).search_box, "唑来")
    _wait_results(qtbot, window, "唑来")
    view = _panel(window).results_view
    qtbot.waitUntil(lambda: view.model().rowCount() > 3)
    assert view.horizontalScrollBar().maximum() == 0  # no line runs off the right edge
    assert all(
        view.visualRect(view.model().index(row)).width() <= view.viewport().width()
        for row in range(view.model().rowCount())
    )
    card = view.model().index(0).data(CardHtmlRole)
    assert "background-color:#fff2a8" in card  # matches highlighted like in the reader


def test_a_long_also_searched_line_shows_the_first_terms_and_keeps_all_in_the_tooltip(
    make_window, real_backend, qtbot
):
    window = make_window(real_backend)
    window.set_language("zh")
    type_text(_panel(window).search_box, "ONJ")
    _wait_results(qtbot, window, "ONJ")
    expansions = window.controller.expansions
    assert len(expansions) > 5  # the jaw-osteonecrosis synonym group is long
    label = _panel(window).status_label
    assert label.isVisible()
    assert label.text().count("、") == 4 and label.text().endswith("…")  # five terms, then …
    assert all(term in label.toolTip() for term in expansions)


def _open_needle(qtbot, window):
    """Type "needle" and press Enter: the reader opens the fake library's alpha page."""
    box = _panel(window).search_box
    type_text(box, "needle")
    _wait_results(qtbot, window, "needle")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    return box, window.library.reader


def test_after_enter_the_reader_keys_work_from_the_search_box(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    box, reader = _open_needle(qtbot, window)
    assert reader.current.doc_id == "alpha" and box.hasFocus()  # the box keeps the focus
    qtbot.keyClick(box, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.find_bar.isVisible() and reader.find_bar.edit.hasFocus()  # find in the open page
    qtbot.keyClick(reader.find_bar.edit, Qt.Key.Key_Escape)
    window.library.open_reference("beta")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert reader.current.doc_id == "alpha"  # back, without leaving the box


def test_a_language_switch_mid_search_drops_the_old_answer_and_asks_again(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    window.set_language("zh")
    controller = window.controller
    controller.set_query("beta")
    controller._run()  # a Chinese answer is now on its way
    window.set_language("en")
    qtbot.waitUntil(lambda: ("beta", "en") in fake_backend.search_index.queries)
    qtbot.waitUntil(lambda: not controller._timer.isActive())
    controller.wait_idle()
    qtbot.wait(50)
    assert fake_backend.search_index.queries[-1] == ("beta", "en")
    assert controller.results_query == "beta" and controller.results


def test_closing_while_the_library_loads_waits_for_it_and_does_not_fail(make_window, fake_backend, qtbot):
    import time

    window = make_window()

    def slow():
        time.sleep(0.3)
        return fake_backend

    window.load_backend(slow)
    window.close()  # waits for the loader: its answer must not reach a half-destroyed window
    qtbot.wait(20)  # the queued answer is delivered (or dropped) without an error
    assert window.controller.state in (PREPARING, READY)


def test_also_searched_terms_are_separated_the_english_way_in_english(make_window, real_backend, qtbot):
    window = make_window(real_backend)
    window.set_language("en")
    _panel(window).search_box.setText("ONJ")
    _wait_results(qtbot, window, "ONJ")
    label = _panel(window).status_label
    assert "、" not in label.text() and label.text().count(", ") == 4


def test_enter_before_the_answer_opens_a_hit_of_what_is_typed_not_of_the_previous_query(
    make_window, fake_backend, qtbot
):
    window = make_window(fake_backend)
    box = _panel(window).search_box
    box.setText("needle")
    _wait_results(qtbot, window, "needle")  # the list shows "alpha" (the only page with a needle)
    box.setText("beta dose")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # at once: the list still shows the needle hits
    reader = window.library.reader
    qtbot.waitUntil(lambda: reader.current is not None)
    assert reader.current.doc_id == "beta"


def test_after_a_language_switch_the_old_hits_are_not_taken_for_the_answer(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    window.set_language("zh")
    _panel(window).search_box.setText("beta")
    _wait_results(qtbot, window, "beta")
    window.set_language("en")
    assert not window.controller.is_current()  # Enter now waits for the English answer
    _wait_results(qtbot, window, "beta")
    assert fake_backend.search_index.queries[-1] == ("beta", "en")


def test_when_no_section_holds_every_word_the_partial_matches_say_so(make_window, real_backend, qtbot):
    window = make_window(real_backend)
    window.set_language("en")
    _panel(window).search_box.setText("denosumab qqqxxyzz")
    _wait_results(qtbot, window, "denosumab qqqxxyzz")
    view = _panel(window).results_view
    assert view.model().rowCount() > 0  # not a dead end: the word that is found still finds
    status = _panel(window).status_label
    assert status.isVisible() and "Partial matches" in status.text() and "qqqxxyzz" in status.text()
    card = view.model().index(0).data(CardHtmlRole)
    assert "Missing: <s>qqqxxyzz</s>" in card


def test_new_results_take_the_old_query_highlights_off_the_open_page(make_window, fake_backend, qtbot):
    window = make_window(fake_backend)
    box, reader = _open_needle(qtbot, window)
    assert reader.current.doc_id == "alpha" and "needle" in reader.highlighted_terms()
    box.setText("beta")
    _wait_results(qtbot, window, "beta")
    assert reader.current.doc_id == "alpha"  # the page stays where the user was reading
    assert reader.highlighted_terms() == []  # but no longer looks like the answer to "beta"
