"""The calculator page's dialogs, one function each so tests can replace them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop.file_dialogs import ask_open_path, ask_save_path

translate = QCoreApplication.translate


def ask_pdf_path(parent: QWidget, suggested: str) -> str | None:
    """Ask where to save the PDF (replaced in tests)."""
    return ask_save_path(
        parent,
        translate("CalculatorPage", "Save as PDF"),
        suggested,
        translate("CalculatorPage", "PDF files (*.pdf)"),
    )


def ask_patient_path(parent: QWidget) -> str | None:
    """Ask for a patient JSON file to load (replaced in tests)."""
    return ask_open_path(
        parent,
        translate("CalculatorPage", "Load patient"),
        translate("CalculatorPage", "Patient files (*.json)"),
    )


def ask_print(printer: QPrinter, parent: QWidget) -> bool:
    """Show the print dialog (replaced in tests); True to print."""
    dialog = QPrintDialog(printer, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()  # parented to the page: each print would otherwise keep one alive


def show_preview(printer: QPrinter, paint: Callable[[QPrinter], None], parent: QWidget) -> bool:
    """Show the print preview (replaced in tests); its own Print button prints. True if printed."""
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(paint)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def ask_clear_form(parent: QWidget) -> bool:
    """Ask before a filled form is cleared (replaced in tests); True to clear."""
    answer = QMessageBox.question(
        parent,
        translate("CalculatorPage", "New patient"),
        translate("CalculatorPage", "Clear the form? What was entered for this patient will be lost."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
