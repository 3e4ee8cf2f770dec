"""The calculator by keyboard only, as a ward attending uses it: Ctrl+2, type, Enter, read."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

import calculator
from desktop.shell.main_window import CALCULATOR_TAB, LIBRARY_TAB

ENTER = Qt.Key.Key_Return


class Keyboard:
    """Presses keys on whatever has the focus, and counts them."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        for char in text:
            self.qtbot.keyClicks(QApplication.focusWidget(), char)
            self.count += 1

    def field(self, text: str) -> None:
        """Type into the field that has the cursor, then Enter to the next one."""
        self.type(text)
        self.press(ENTER)


@pytest.fixture
def window(make_window):
    win = make_window(real_calculator=True)
    win.set_language("zh")  # the ward's language: Chinese UI and Chinese clinical text
    return win


def drive_attending_case(window, qtbot) -> Keyboard:
    """68-year-old woman, 55 kg, creatinine 150 µmol/L, calcium 2.2 mmol/L, albumin 35 g/L,
    HR+/HER2−, first line, bone metastases confirmed, expected to live beyond 3 months."""
    keys = Keyboard(qtbot)
    fields = window.calculator.form.fields
    keys.press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is fields["age_years"].focus_target()
    keys.field("68")
    keys.field("f")  # 女: "n" (nǚ) or "f" (female)
    keys.field("55")
    keys.field("150")  # µmol/L is the default unit; Enter skips the unit box
    keys.field("2.2")
    keys.field("35")
    keys.field("y")  # 已确诊 (yi que zhen)
    keys.field("y")  # 阳性 (yang xing)
    keys.field("n")  # negative, not subtyped (the engine says what that allows)
    keys.field("s")  # 预计生存期 ≥3 个月：是 (shi); Enter then skips the optional months
    assert QApplication.focusWidget() is window.calculator.form.first_line_button
    keys.press(ENTER)  # 无（一线）
    return keys


def test_attending_case_by_keyboard_in_at_most_30_keys(window, qtbot):
    keys = drive_attending_case(window, qtbot)
    page = window.calculator
    patient = page.patient()
    assert patient["age_years"] == 68 and patient["sex"] == "female" and patient["weight_kg"] == 55
    assert patient["labs"]["creatinine"] == {"value": 150, "unit": "umol/L"}
    assert patient["labs"]["albumin"] == {"value": 35, "unit": "g/L"}
    assert patient["hr_status"] == "positive" and patient["bone_metastasis"] == "confirmed"
    assert patient.get("line", 1) == 1 and not patient.get("prior_therapies")
    assessment = page.assessment()
    assert assessment is not None and not assessment.get("pending")
    assert assessment["derived"]["crcl_ml_min"] == pytest.approx(27.6)
    assert "✔ 无既往治疗（一线）" in page.form.history_state.text()
    assert keys.count <= 30, keys.count
    print(f"attending's case: {keys.count} keys")


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768)])
def test_the_answer_is_visible_without_scrolling(window, qtbot, size):
    # The whole window at the screen size (the frame and taskbar come off the 768 px).
    window.resize(size[0], size[1] - 40 - 30)
    QApplication.processEvents()
    drive_attending_case(window, qtbot)
    browser = window.calculator.view.browser
    QApplication.processEvents()
    assert browser.verticalScrollBar().value() == 0
    summary = window.calculator.assessment()["summary"]["zh"]
    document = browser.document()
    layout = document.documentLayout()
    bottom = 0.0
    for line in summary.splitlines():
        found = document.find(line.strip()[-12:])  # the end of each line: all of it is on screen
        assert not found.isNull(), line
        bottom = max(bottom, layout.blockBoundingRect(found.block()).bottom())
    assert bottom <= browser.viewport().height(), (bottom, browser.viewport().height())
    # and the preferred agent's row starts on screen too
    agent = document.find("地舒单抗", document.find("剂量与用法"))
    assert layout.blockBoundingRect(agent.block()).top() < browser.viewport().height()


def test_kidney_answer_shows_while_tumour_facts_are_still_missing(window, qtbot):
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    for text in ("68", "f", "55", "150"):
        keys.field(text)
    page = window.calculator
    assessment = page.assessment()
    assert assessment is not None and assessment["derived"]["crcl_ml_min"] == pytest.approx(27.6)
    shown = page.view.browser.toPlainText()
    assert "27.6" in shown and "○" in shown  # the answer so far, and what still waits
    assert "全身治疗——待填写：" in shown
    assert page.form.fields["hr_status"].message()  # the empty required field is marked, calmly
    assert "部分评估" in page.view.status.text()


def test_ctrl_2_and_the_tab_put_the_cursor_in_the_first_field(window, qtbot):
    first = window.calculator.form.fields["age_years"].focus_target()
    window.focus_search()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == CALCULATOR_TAB and QApplication.focusWidget() is first
    window.focus_search()
    assert window.tabs.currentIndex() == LIBRARY_TAB
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(CALCULATOR_TAB).center())
    assert window.tabs.currentIndex() == CALCULATOR_TAB
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)


def test_language_switch_is_one_shortcut(window, qtbot):
    start = window.switcher.language
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.switcher.language != start
    assert window.calculator.content_language() == window.switcher.language


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


@pytest.mark.parametrize("language", ["en", "zh"])
def test_no_mnemonic_is_used_twice(window, language):
    window.set_language(language)
    bar = [menu.title() for menu in (window.menus.file_menu, window.menus.view_menu, window.menus.help_menu)]
    buttons = [b.text() for b in window.calculator.findChildren(QPushButton) if b.isVisibleTo(window)]
    groups = [bar + buttons] + [
        [action.text() for action in menu.actions() if not action.isSeparator()]
        for menu in (
            window.menus.file_menu,
            window.menus.view_menu,
            window.menus.help_menu,
            window.menus.language_menu,
        )
    ]
    for texts in groups:
        keys = [key for key in map(_mnemonic, texts) if key]
        assert len(keys) == len(set(keys)), texts


def test_typing_picks_a_choice_by_pinyin_initials_or_english(window, qtbot):
    fields = window.calculator.form.fields
    combo = fields["hr_status"].combo
    combo.setFocus()
    qtbot.keyClicks(combo, "yx")
    assert combo.currentData() == "positive"
    qtbot.keyClicks(fields["her2_status"].combo, "dbd")  # 低表达
    assert fields["her2_status"].combo.currentData() == "low"
    qtbot.keyClicks(fields["sex"].combo, "m")  # male
    assert fields["sex"].combo.currentData() == "male"


def test_copied_notice_clears_on_any_edit(window, qtbot):
    drive_attending_case(window, qtbot)
    page = window.calculator
    assert page.copy_for_chart()
    assert page.notice.text() and QGuiApplication.clipboard().text() == page.chart_note()
    qtbot.keyClicks(page.form.fields["weight_kg"].edit, "0")  # 550 kg: now out of range
    assert page.notice.text() == ""


def test_unit_slip_is_suggested_never_applied(window, qtbot):
    drive_attending_case(window, qtbot)
    page = window.calculator
    field = page.form.fields["labs.creatinine"]
    field.edit.clear()
    qtbot.keyClicks(field.edit, "1.7")
    assert page.assessment() is None  # 1.7 µmol/L is implausible: no result
    assert field.unit.currentData() == "umol/L"  # and nothing was changed behind the doctor's back
    assert field.suggest_button.isVisible()
    mg_dl = next(u for u in calculator.input_spec() if u["path"] == "labs.creatinine")["units"][1]
    assert field.suggest_button.text() == f"1.7 像是 {mg_dl['label']['zh']}——改用此单位？"
    qtbot.mouseClick(field.suggest_button, Qt.MouseButton.LeftButton)
    assert field.unit.currentData() == mg_dl["code"] and page.assessment() is not None
    assert not field.suggest_button.isVisible()
