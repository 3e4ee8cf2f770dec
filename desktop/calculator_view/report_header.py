"""Name and hospital number for one printout: typed at print time, printed, never stored.

The app keeps no patient identity anywhere (settings hold preferences only); the fields start
empty every time and may stay empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ReportHeader:
    name: str = ""
    record_number: str = ""


class ReportHeaderDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ReportHeader", "Patient on the printout"))
        self.name = QLineEdit(self)
        self.record_number = QLineEdit(self)
        layout = QFormLayout(self)
        hint = QLabel(translate("ReportHeader", "Optional. Printed on this report only; never saved."), self)
        hint.setWordWrap(True)
        layout.addRow(hint)
        layout.addRow(translate("ReportHeader", "&Name:"), self.name)
        layout.addRow(translate("ReportHeader", "&Hospital number:"), self.record_number)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def header(self) -> ReportHeader:
        return ReportHeader(self.name.text().strip(), self.record_number.text().strip())


def ask_report_header(parent: QWidget) -> ReportHeader | None:
    """Ask for the optional name and hospital number (replaced in tests); None when cancelled."""
    dialog = ReportHeaderDialog(parent)
    try:
        return dialog.header() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
