"""Helpers for driving the calculator page the way a doctor would, and reading what it shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument, QTextTable

from desktop.calculator_view.calculator_page import CalculatorPage

# female, 70 y, 60 kg, creatinine 95 µmol/L: Cockcroft-Gault (140-70)*60/(72*95/88.4)*0.85 = 46.1 mL/min;
# calcium 2.4 mmol/L with albumin 40 g/L (normal: the bone agents are not waiting for it)
CRCL_46 = {
    "age_years": "70",
    "weight_kg": "60",
    "expected_survival_months": "24",
    "labs.calcium": "2.4",
    "labs.albumin": "40",
}
CRCL_46_CHOICES = {
    "sex": "female",
    "hr_status": "positive",
    "her2_status": "zero",
    "bone_metastasis": "confirmed",
}


def type_into(qtbot: Any, page: CalculatorPage, path: str, text: str) -> None:
    """Clear a text field and type ASCII into it, key by key."""
    edit = page.form.fields[path].edit
    edit.clear()
    qtbot.keyClicks(edit, text)


def choose(page: CalculatorPage, path: str, code: str) -> None:
    combo = page.form.fields[path].combo
    index = combo.findData(code)
    assert index >= 0, f"{code} not offered for {path}"
    combo.setCurrentIndex(index)


def choose_unit(page: CalculatorPage, path: str, unit: str) -> None:
    combo = page.form.fields[path].unit
    index = combo.findData(unit)
    assert index >= 0, f"{unit} not offered for {path}"
    combo.setCurrentIndex(index)


def fill_crcl_46(qtbot: Any, page: CalculatorPage, creatinine: str = "95") -> None:
    for path, text in CRCL_46.items():
        type_into(qtbot, page, path, text)
    for path, code in CRCL_46_CHOICES.items():
        choose(page, path, code)
    type_into(qtbot, page, "labs.creatinine", creatinine)


def tables(document: QTextDocument) -> list[list[list[str]]]:
    """Every table in the document as rows of cell texts."""
    # Walk the frame tree (QTextCursor.currentTable() returning None trips a PySide6 refcount bug).
    found: list[QTextTable] = []
    pending = [document.rootFrame()]
    while pending:
        frame = pending.pop(0)
        if isinstance(frame, QTextTable):
            found.append(frame)
        pending.extend(frame.childFrames())
    result = []
    for table in found:
        rows = []
        for row in range(table.rows()):
            cells = []
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                start, end = cell.firstCursorPosition(), cell.lastCursorPosition()
                start.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
                cells.append(start.selectedText().replace("\u2029", "\n").replace("\u2028", "\n"))
            rows.append(cells)
        result.append(rows)
    return result


def agent_row(page: CalculatorPage, agent_name: str) -> dict[str, str]:
    """The row of ``agent_name`` in the agent table, keyed by column header (the link column is "")."""
    for table in tables(page.view.browser.document()):
        header = table[0]
        for row in table[1:]:
            if row[0].split("\n")[0].strip() == agent_name:
                return dict(zip(header, row, strict=True))
    raise AssertionError(f"no agent row for {agent_name}")


def click_link(qtbot: Any, page: CalculatorPage, href: str) -> None:
    """Scroll the link into view and click it with the mouse."""
    browser = page.view.browser
    document = browser.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + fragment.length() // 2)  # mid-link, not at a wrap
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                point = browser.cursorRect(cursor).center()
                assert browser.anchorAt(point) == href, "link not under the pointer"
                qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
                return
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")
