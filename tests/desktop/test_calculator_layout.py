"""How the calculator page reads on a 1366×768 ward screen: key facts without sideways scrolling,
marked fields one click away, a new patient starts at the top."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox

import calculator
import desktop.calculator_view.page_dialogs as page_dialogs
from desktop.calculator_view.calculator_page import CalculatorPage
from tests.desktop.calculator_helpers import agent_row, fill_crcl_46, tables, type_into


def name(code: str) -> str:
    return calculator.text_for(code)["en"]


@pytest.fixture
def page(qtbot):
    widget = CalculatorPage()
    qtbot.addWidget(widget)
    widget.resize(1366, 720)
    widget.show()
    widget.set_content_language("en")
    qtbot.waitExposed(widget)
    widget.activateWindow()  # focus and keys only reach an active window (a real X server too)
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def test_agent_row_holds_name_schedule_status_and_one_guideline_link(qtbot, page):
    fill_crcl_46(qtbot, page)
    type_into(qtbot, page, "labs.calcium", "2.3")  # without calcium every agent is pending (issue 10)
    row = agent_row(page, name("zoledronic_acid"))
    assert list(row) == ["Agent", "Dose and schedule", "Status", ""]
    assert "3.3 mg" in row["Dose and schedule"] and "15 min" in row["Dose and schedule"]
    assert row["Status"].startswith("✔ Can be used")
    assert row[""] == "Guideline"  # one small link; the other sections are in the library
    preferred = next(a for a in page.assessment()["bone_agent"]["agents"] if a["preferred"])
    assert agent_row(page, name(preferred["agent"]))["Agent"].endswith("★ Preferred")


def test_result_needs_no_sideways_scrolling(qtbot, page):
    fill_crcl_46(qtbot, page)
    QApplication.processEvents()
    browser = page.view.browser
    assert browser.horizontalScrollBar().maximum() == 0
    assert page.view.width() > page.form_scroll.width()  # the answer gets the larger share


def test_ineligible_agent_says_no_and_why(qtbot, page):
    fill_crcl_46(qtbot, page, creatinine="300")  # CrCl about 15 mL/min
    row = agent_row(page, name("zoledronic_acid"))
    assert row["Status"].startswith("✘ Not to be used")
    assert row["Dose and schedule"] == "—"
    assert "✖ " + calculator.text_for("crcl_below_30")["en"] in row["Status"]


def test_marked_field_name_is_a_link_that_shows_the_field(qtbot, page):
    fill_crcl_46(qtbot, page)
    page.form_scroll.verticalScrollBar().setValue(0)
    type_into(qtbot, page, "labs.vitamin_d", "5000")  # far down the form
    page.form_scroll.verticalScrollBar().setValue(0)  # the doctor is looking at the top of the form
    status = page.view.status.text()
    assert 'href="field:labs.vitamin_d"' in status
    edit = page.form.fields["labs.vitamin_d"].edit
    assert edit.visibleRegion().isEmpty()
    page.view.status.linkActivated.emit("field:labs.vitamin_d")  # what a click on the name does
    assert not edit.visibleRegion().isEmpty()
    assert QApplication.focusWidget() is edit


def test_new_patient_returns_to_the_top_with_the_cursor_in_the_first_field(qtbot, page, monkeypatch):
    monkeypatch.setattr(page_dialogs, "ask_clear_form", lambda parent: True)
    fill_crcl_46(qtbot, page)
    page.form_scroll.verticalScrollBar().setValue(page.form_scroll.verticalScrollBar().maximum())
    page.new_patient()
    assert page.form_scroll.verticalScrollBar().value() == 0
    assert QApplication.focusWidget() is page.form.fields["age_years"].focus_target()
    assert page.assessment() is None and not tables(page.view.browser.document())


def _tab_stops(qtbot, start, count):
    start.setFocus()
    stops = []
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    return stops


def test_tab_goes_through_buttons_then_the_form_then_the_result(qtbot, page):
    fill_crcl_46(qtbot, page)
    stops = _tab_stops(qtbot, page.new_button, 6)
    assert stops == [
        page.load_button,
        page.copy_button,
        page.copy_full_button,
        page.print_button,
        page.pdf_button,
        page.form.fields["age_years"].focus_target(),
    ]  # not the form's scroll frame
    last_field = list(page.form.fields.values())[-1]
    checkboxes = last_field.findChildren(QCheckBox)
    stops = _tab_stops(qtbot, checkboxes[-1] if checkboxes else last_field.focus_target(), 1)
    assert stops == [page.view.browser]  # the status line, with no links in it, is no stop


def test_status_line_links_are_reachable_by_keyboard_only_when_there_are_some(qtbot, page):
    fill_crcl_46(qtbot, page)
    assert page.view.status.focusPolicy() == Qt.FocusPolicy.NoFocus
    type_into(qtbot, page, "labs.creatinine", "5000")
    assert page.view.status.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_fields_of_every_group_start_in_one_column(qtbot, page):
    page.resize(1366, 2000)  # tall enough that no row wraps its field under the label
    QApplication.processEvents()
    lefts = {
        path: field.mapTo(page.form, field.rect().topLeft()).x()
        for path, field in page.form.fields.items()
        if field.spec.get("kind") in ("number", "enum") and field.isVisibleTo(page.form)
    }
    assert len(set(lefts.values())) == 1, lefts


def test_monitoring_has_one_row_per_item_with_its_guideline_link(qtbot, page):
    fill_crcl_46(qtbot, page)
    items = page.assessment()["monitoring"]
    table = next(t for t in tables(page.view.browser.document()) if t[0][0] == "What to check")
    assert table[0] == ["What to check", "Baseline", "During treatment", "For"]
    assert len(table) - 1 == len({item["item"] for item in items})  # baseline and later together
    creatinine = next(row for row in table if row[0].startswith(name("serum_creatinine")))
    assert creatinine[1] == "✔" and creatinine[2]
    item = next(item for item in items if item.get("refs"))
    document = page.view.browser.document()
    cursor = document.find(name(item["item"]), document.find("What to check"))
    link = document.find("Guideline", cursor)
    assert link.charFormat().anchorHref() == "doc:" + item["refs"][0]


def test_before_starting_is_one_line_of_check_boxes(qtbot, page):
    fill_crcl_46(qtbot, page)
    codes = page.assessment()["bone_agent"]["before_starting"]
    lines = [line for line in page.view.browser.toPlainText().splitlines() if "☐" in line]
    assert len(lines) == 1 and lines[0].count("☐") == len(codes)
