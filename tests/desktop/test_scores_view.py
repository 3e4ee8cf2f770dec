"""The Scores view: SINS and Mirels filled by keyboard (Space chooses, Right moves along an item's
row, Tab goes to the next item), the total and category on screen, the copied chart text, print,
the guideline link and the library's "open in scorer" links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from desktop.scores_view import scores_page
from desktop.scores_view.scores_page import ScoresPage


@pytest.fixture
def page(qtbot):
    widget = ScoresPage()
    qtbot.addWidget(widget)
    widget.resize(1000, 640)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def fill_by_keyboard(qtbot, page, name: str, steps: list[int]) -> None:
    """For each item in order: Space on its first choice, Right ``n`` times, then Tab on."""
    assert page.show_score(name)
    for index, rights in enumerate(steps):
        focused = QApplication.focusWidget()
        qtbot.keyClick(focused, Qt.Key.Key_Space)
        for _ in range(rights):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
        if index < len(steps) - 1:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_sins_by_keyboard_shows_total_category_and_copies_three_lines(page, qtbot, switcher):
    switcher.apply("zh")
    qtbot.waitUntil(lambda: page.copy_button.text() == "复制到病历(&C)")
    page.set_content_language("zh")
    # junctional 3, mechanical 3, mixed 1 (second choice), normal 0 (third), none 0 (fourth), none 0
    fill_by_keyboard(qtbot, page, "sins", [0, 0, 1, 2, 3, 2])
    form = page.forms["sins"]
    assert form.inputs() == {
        "location": "junctional",
        "pain": "mechanical",
        "lesion": "mixed",
        "alignment": "normal",
        "collapse": "none",
        "posterolateral": "none",
    }
    assert form.total_label.text() == "<b>总分：7</b>"
    assert "潜在不稳定" in form.verdict_label.text() and "外科会诊" in form.verdict_label.text()

    page.copy_button.click()
    copied = QApplication.clipboard().text()
    lines = copied.strip().splitlines()
    assert len(lines) == 3
    assert lines[0] == "SINS 脊柱不稳定肿瘤评分：7分（潜在不稳定）"
    assert lines[1].startswith("部位 交界区 3；疼痛 机械性疼痛 3；骨病灶性质 溶骨/成骨混合性 1")
    assert "sins-2010" in lines[2]
    assert page.notice.text() == "已复制评分，可粘贴到病历。"


def test_sins_total_follows_each_change_at_the_cut_off(page, qtbot):
    page.set_content_language("en")
    fill_by_keyboard(qtbot, page, "sins", [0, 0, 2, 2, 3, 2])  # 3 + 3 + 0 = 6
    form = page.forms["sins"]
    assert form.total_label.text() == "<b>Total: 6</b>"
    assert "Stable" in form.verdict_label.text()
    form.buttons["lesion"]["blastic"].setFocus()
    qtbot.keyClick(form.buttons["lesion"]["blastic"], Qt.Key.Key_Left)  # blastic -> mixed: 7
    assert form.total_label.text() == "<b>Total: 7</b>"
    assert "Potentially unstable" in form.verdict_label.text()


def test_mirels_by_keyboard_with_the_humerus_note(page, qtbot):
    page.set_content_language("en")
    # upper limb 1, functional 3, lytic 3, <1/3 1 = 8; bone: humerus (after "not given")
    fill_by_keyboard(qtbot, page, "mirels", [0, 2, 2, 0, 1])
    form = page.forms["mirels"]
    assert form.inputs()["bone"] == "humerus"
    assert form.total_label.text() == "<b>Total: 8</b>"
    assert "fracture risk about 15%" in form.verdict_label.text()
    assert "83.6%" in form.notes_label.text()
    assert page.copy_for_chart()
    lines = QApplication.clipboard().text().strip().splitlines()
    assert (
        lines[0]
        == "Mirels score — impending pathological fracture of a long bone: 8 (fracture risk about 15%)"
    )
    assert lines[1] == "Site Upper limb 1; Pain Functional 3; Lesion type Lytic 3; Size Less than 1/3 1"
    assert "[mirels-1989]" in lines[2]


def test_incomplete_score_shows_no_total_and_copies_nothing(page, qtbot):
    page.set_content_language("en")
    QApplication.clipboard().setText("before")
    fill_by_keyboard(qtbot, page, "mirels", [2, 2])
    form = page.forms["mirels"]
    assert form.total_label.text() == "Total: —"
    assert "Lesion type" in form.verdict_label.text() and "Size" in form.verdict_label.text()
    assert not page.copy_for_chart()
    assert QApplication.clipboard().text() == "before"
    assert "Choose every item" in page.notice.text()


def test_clear_starts_again(page, qtbot):
    fill_by_keyboard(qtbot, page, "sins", [0, 0, 0, 0, 0, 0])
    assert page.forms["sins"].result()["total"] == 18
    page.clear_button.click()
    assert page.forms["sins"].inputs() == {} and page.forms["sins"].result() is None


def test_guideline_link_and_print(page, qtbot, monkeypatch):
    fill_by_keyboard(qtbot, page, "sins", [0, 0, 0, 0, 0, 0])
    with qtbot.waitSignal(page.openReference) as signal:
        page.forms["sins"].link_label.linkActivated.emit("radiotherapy-surgery#sins")
    assert signal.args == ["radiotherapy-surgery#sins"]
    assert "radiotherapy-surgery#sins" in page.forms["sins"].link_label.text()

    printed: list[QPrinter] = []
    monkeypatch.setattr(scores_page, "ask_print", lambda printer, parent: printed.append(printer) or False)
    assert not page.print_report()  # the dialog was cancelled
    assert printed
    html = page.report_html()
    assert "18" in html and "sins-2010" in html


def test_ui_and_content_in_chinese(page, qtbot, switcher):
    switcher.apply("zh")
    qtbot.waitUntil(lambda: page.copy_button.text() == "复制到病历(&C)")
    page.set_content_language("zh")
    assert page.tabs.tabText(0) == "SINS（脊柱）"
    assert page.forms["sins"].buttons["location"]["junctional"].text().startswith("交界区")
    assert page.forms["sins"].buttons["location"]["junctional"].text().endswith("(3)")
    assert page.forms["mirels"].total_label.text() == "总分：—"


def test_main_window_has_the_scores_tab_and_library_links_open_it(make_window, real_backend, qtbot):
    window = make_window(real_backend)
    assert window.tabs.count() == 3
    assert window.tabs.tabText(2) == "Scores"
    window.library.reader.open("radiotherapy-surgery", "sins")
    html = window.library.reader.browser.toHtml()
    assert "scores:sins" in html and "scores:mirels" in html
    window.library.reader._link_clicked(__import__("PySide6.QtCore").QtCore.QUrl("scores:mirels"))
    assert window.tabs.currentIndex() == 2
    assert window.scores.current_form().name == "mirels"
    window.scores.forms["mirels"].link_label.linkActivated.emit("radiotherapy-surgery#mirels")
    assert window.tabs.currentIndex() == 0
    assert window.library.reader.current.anchor == "mirels"


def test_ctrl_shift_c_copies_the_score_when_the_scores_view_is_showing(make_window, qtbot):
    window = make_window()
    window.set_language("en")
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2
    fill_by_keyboard(qtbot, window.scores, "mirels", [2, 2, 2, 2, 2])  # 12, femur
    assert window.scores.forms["mirels"].total_label.text() == "<b>Total: 12</b>"
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.tabs.currentIndex() == 2  # stayed on the scores
    lines = QApplication.clipboard().text().strip().splitlines()
    assert lines[0].endswith(": 12 (fracture risk 33%–100%)")
    assert "prophylactic fixation" in lines[2]


def test_a_bone_that_cannot_be_at_the_site_is_named_not_scored(page, qtbot):
    page.set_content_language("en")
    form = page.forms["mirels"]
    form.set_inputs({"site": "lower_limb", "pain": "mild", "lesion": "lytic", "size": "under_one_third"})
    assert form.total_label.text() == "<b>Total: 7</b>"
    assert form.buttons["bone"][""].isChecked()  # "not given" until a bone is chosen
    form.buttons["bone"]["humerus"].click()
    assert form.total_label.text() == "Total: —" and form.result() is None
    shown = form.verdict_label.text()
    assert shown.startswith("Bone (optional): ") and "humerus" in shown and "use one of: femur" in shown

    form.buttons["bone"][""].click()  # taking the bone back scores again
    assert form.total_label.text() == "<b>Total: 7</b>" and "bone" not in form.inputs()
