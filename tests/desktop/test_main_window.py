"""The shell: language switching, first-run disclaimer, zoom, references from the calculator,
window state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QTextBrowser

from desktop import dialogs
from desktop.shell.fonts import FontZoom
from desktop.shell.settings import Settings
from tests.desktop.conftest import StubCalculator, settings_path


def test_switching_language_retranslates_the_visible_ui(make_window, fake_backend, qtbot):
    calculator = StubCalculator()
    window = make_window(fake_backend, calculator=calculator)
    assert window.calculator is calculator  # built now (else it is built in an idle moment)
    reader = window.library.reader
    reader.open("beta")
    assert window.menus.file_menu.title() == "&File"
    assert window.tabs.tabText(0) == "Library"

    window.menus.language_actions["zh"].trigger()

    qtbot.waitUntil(lambda: window.menus.file_menu.title() == "文件(&F)")  # LanguageChange is posted
    assert window.tabs.tabText(0) == "文库"
    assert window.tabs.tabText(1) == "计算器"
    assert window.library.search_panel.search_box.placeholderText() == "搜索指南 (Ctrl+K)"
    assert window.library.side_lists.tabText(0) == "目录"
    assert reader.bookmark_button.text() == "加书签"
    # content follows the UI language
    assert reader.current.lang == "zh"
    assert "贝塔剂量" in reader.browser.toPlainText()
    assert calculator.calls[-1] == ("set_content_language", "zh")
    assert window.library.side_lists.contents.item(0).text() == "阿尔法主题"
    assert Settings(settings_path()).get("language") == "zh"

    window.set_language("en")
    qtbot.waitUntil(lambda: window.menus.file_menu.title() == "&File")
    assert reader.current.lang == "en"


def test_qt_standard_strings_are_translated_too(switcher):
    switcher.apply("zh")
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_first_run_disclaimer_is_accepted_once(make_window, monkeypatch):
    shown = []

    def accept(parent):
        shown.append(parent)
        return True

    monkeypatch.setattr(dialogs, "first_run_disclaimer", accept)
    assert make_window(show=False).ask_disclaimer()
    assert make_window(show=False).ask_disclaimer()
    assert len(shown) == 1


def test_declining_the_disclaimer_is_not_remembered(make_window, monkeypatch):
    monkeypatch.setattr(dialogs, "first_run_disclaimer", lambda parent: False)
    assert not make_window(show=False).ask_disclaimer()
    assert not Settings(settings_path()).get("disclaimer_accepted")


def test_calculator_reference_opens_in_the_library(make_window, fake_backend):
    calculator = StubCalculator()
    window = make_window(fake_backend, calculator=calculator)
    window.show_view(1)
    calculator.openReference.emit("beta#dose")
    assert window.tabs.currentIndex() == 0
    assert (window.library.reader.current.doc_id, window.library.reader.current.anchor) == ("beta", "dose")


def test_unknown_reference_is_reported_in_the_status_bar(make_window, fake_backend):
    window = make_window(fake_backend)
    window.open_reference("nope#nothing")
    assert "nope#nothing" in window.statusBar().currentMessage()


def test_file_menu_drives_the_calculator(make_window, qtbot):
    calculator = StubCalculator()
    window = make_window(calculator=calculator)
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    window.menus.actions["new_patient"].trigger()
    window.menus.actions["save_pdf"].trigger()
    assert [call[0] for call in calculator.calls[-3:]] == ["copy_for_chart", "new_patient", "save_pdf"]
    assert window.tabs.currentIndex() == 1


def test_zoom_is_applied_and_persisted(make_window, fake_backend, qapp, qtbot):
    original = qapp.font()
    try:
        window = make_window(fake_backend)
        window.zoom = FontZoom(qapp, 0)
        before = window.zoom.point_size()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert window.zoom.point_size() == before + 2
        assert Settings(settings_path()).get("zoom") == 2
        assert window.library.reader.text_scale > 1
        window.menus.actions["zoom_reset"].trigger()
        assert window.zoom.point_size() == before
    finally:
        qapp.setFont(original)


def test_window_state_is_restored(make_window):
    window = make_window()
    window.resize(700, 500)  # the offscreen screen is 800×600
    window.show_view(1)
    window.close()
    again = make_window()
    assert (again.width(), again.height()) == (700, 500)
    assert again.tabs.currentIndex() == 1


def test_about_shows_versions(make_window, fake_backend, monkeypatch):
    seen = {}
    monkeypatch.setattr(
        dialogs,
        "show_about",
        lambda parent, version, date, sources: seen.update(version=version, date=date, sources=sources),
    )
    window = make_window(fake_backend)
    window.menus.actions["about"].trigger()
    from guideline_content import content_version

    assert seen["version"] == content_version()
    assert seen["sources"] == ["A source"]
    html = dialogs.about_html("v1", "2026-11-26", ["S1"])
    assert "v1" in html and "MIT" in html and "S1" in html


def test_reader_text_follows_the_zoom(make_window):
    from desktop.library_view.reader_view import scale_font_sizes

    assert (
        scale_font_sizes("body { font-size: 14px; } h1 { font-size:22px }", 1.5)
        == "body { font-size: 21.0px; } h1 { font-size: 33.0px }"
    )
    assert scale_font_sizes("x { font-size: 14px }", 1.0) == "x { font-size: 14px }"


def test_first_run_dialog_shows_intended_use_in_chinese(switcher, qtbot):
    switcher.apply("zh")
    dialog = dialogs.build_text_dialog(None, "t", dialogs.intended_use_html(), "我已了解")
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QPushButton, QTextBrowser

    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "预期用途" in text and "免责声明" in text
    assert {button.text() for button in dialog.findChildren(QPushButton)} == {"我已了解", "退出"}


def test_the_real_calculator_page_is_embedded_and_wired(make_window, real_backend, qtbot):
    from desktop.calculator_view.calculator_page import CalculatorPage

    window = make_window(real_backend, real_calculator=True)
    assert isinstance(window.calculator, CalculatorPage)
    window.set_language("zh")
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "计算器")
    assert window.calculator.content_language() == "zh"
    window.show_view(1)
    window.calculator.openReference.emit("zoledronic-acid#renal-dosing")
    assert window.tabs.currentIndex() == 0
    reader = window.library.reader
    assert (reader.current.doc_id, reader.current.anchor, reader.current.lang) == (
        "zoledronic-acid",
        "renal-dosing",
        "zh",
    )
    assert window._reference_title("zoledronic-acid#renal-dosing", "zh") == "唑来膦酸 › 肾功能调整"


def test_zoom_reaches_every_widget_under_the_app_style_sheet(make_window, fake_backend, qapp, qtbot):
    # The app runs with a style sheet; Qt then keeps the old font on existing widgets unless
    # they are re-polished, so Ctrl+= used to change only the reader's document text.
    from desktop.assets import stylesheet

    original_font, original_sheet = qapp.font(), qapp.styleSheet()
    try:
        qapp.setStyleSheet(stylesheet())
        window = make_window(fake_backend, real_calculator=True)
        window.zoom = FontZoom(qapp, 0)
        widgets = [
            window.library.search_panel.search_box,
            window.calculator.new_button,
            window.calculator.view.browser,
            window.menuBar(),
        ]
        before = [widget.font().pointSizeF() for widget in widgets]
        window.change_zoom(2)
        assert [widget.font().pointSizeF() for widget in widgets] == [size + 2 for size in before]
    finally:
        qapp.setStyleSheet(original_sheet)
        qapp.setFont(original_font)


def test_first_window_fits_the_screen(make_window):
    window = make_window()  # no saved geometry: the first run
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    assert window.width() >= min(1280, free.width() - 40) - 1  # but uses the room there is


def test_ctrl_o_opens_a_patient_file_from_anywhere(make_window, qtbot):
    calculator = StubCalculator()
    window = make_window(calculator=calculator)  # starts on the Library view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert calculator.calls[-1] == ("load_patient_file", None)
    assert window.tabs.currentIndex() == 1
    assert window.menus.actions["load_patient"] in window.menus.file_menu.actions()


def test_print_preview_is_in_the_file_menu(make_window, qtbot):
    calculator = StubCalculator()
    window = make_window(calculator=calculator)
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert calculator.calls[-1] == ("print_preview",)
    assert window.menus.actions["print_preview"] in window.menus.file_menu.actions()


def test_about_shows_citations_as_written(qtbot):
    html = dialogs.about_html("v1", "2026-11-26", ["Drugs & Aging <2020>"])
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(html)
    assert "Drugs & Aging <2020>" in browser.toPlainText()


def test_switching_language_back_and_forth_does_not_pile_up_translators(switcher, qapp):
    def translators() -> int:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return len(qapp.findChildren(QTranslator))

    switcher.apply("zh")
    installed = translators()
    for _ in range(5):
        switcher.apply("en")
        switcher.apply("zh")
    assert translators() == installed


def test_a_reference_followed_before_the_library_is_read_says_it_is_loading(make_window):
    window = make_window()
    window.open_reference("beta#dose")
    message = window.statusBar().currentMessage()
    assert "still loading" in message and "Not found" not in message
