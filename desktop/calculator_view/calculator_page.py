"""The calculator page: the generated patient form on the left, the assessment on the right.

Every edit re-assesses at once (the engine takes well under 5 ms), so the result on screen always
belongs to the input beside it; while the input cannot be assessed no result is shown at all.
Dialogs go through the module-level ``ask_*`` functions so tests can replace them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.calculator_view.assessment_html import RefTitle
from desktop.calculator_view.assessment_view import AssessmentView
from desktop.calculator_view.calculator_form import CalculatorForm
from desktop.calculator_view.field_widgets import MISSING_CODE
from desktop.calculator_view.report import footer_text, paint_report, prepare_a4, report_html
from desktop.file_dialogs import ask_open_path, ask_save_path

translate = QCoreApplication.translate
log = logging.getLogger(__name__)
FORM_SHARE = 42  # per cent of the page width the form starts with (the splitter can change it)


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


def _default_engine() -> ModuleType:
    import calculator

    return calculator


class CalculatorPage(QWidget):
    """Form + live assessment + chart note, print and PDF. Emits ``openReference("doc#anchor")``."""

    openReference = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(
        self, parent: QWidget | None = None, *, engine: Any = None, ref_title: RefTitle | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine or _default_engine()
        self._spec = self._engine.input_spec()
        self._lang = "zh"
        # Created in reading order, which is the Tab order: buttons, then the form, then the result.
        self.new_button, self.load_button, self.copy_button, self.print_button, self.pdf_button = (
            QPushButton(self) for _ in range(5)
        )
        self.form = CalculatorForm(self._spec, self)
        self.view = AssessmentView(self._engine.text_for, ref_title, self)
        self.view.openReference.connect(self.openReference)
        self.view.fieldRequested.connect(self.show_field)
        self.form.changed.connect(self.reassess)
        self._build_layout()
        self.retranslate()
        self.reassess()

    def _build_layout(self) -> None:
        self.copy_button.clicked.connect(self.copy_for_chart)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.new_button.clicked.connect(self.new_patient)
        self.load_button.clicked.connect(self.load_patient_file)
        self.notice = QLabel(self)
        self.notice.setObjectName("calculatorNotice")
        self.notice.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.load_button,
            self.copy_button,
            self.print_button,
            self.pdf_button,
        ):
            buttons.addWidget(button)
        buttons.addWidget(self.notice, 1)

        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not their frame
        self.form_scroll.setWidget(self.form)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.form_scroll)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        # The answer gets the larger share: a form row needs less width than the agent table, and
        # the form's preferred width would otherwise take more than half of a 1366-pixel screen.
        self.splitter.setSizes([FORM_SHARE, 100 - FORM_SHARE])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)

    # -- language -----------------------------------------------------------------------------
    def set_content_language(self, lang: str) -> None:
        """Clinical text (labels, results, chart note) in ``lang`` ("zh" or "en")."""
        self._lang = lang
        self.form.set_content_language(lang)
        self.view.set_content_language(lang)
        self.reassess()  # problem messages are engine text too

    def content_language(self) -> str:
        return self._lang

    def retranslate(self) -> None:
        self.new_button.setText(translate("CalculatorPage", "&New patient"))
        self.load_button.setText(translate("CalculatorPage", "&Open patient file…"))
        self.copy_button.setText(translate("CalculatorPage", "&Copy for chart"))
        self.print_button.setText(translate("CalculatorPage", "P&rint…"))
        self.pdf_button.setText(translate("CalculatorPage", "Save as P&DF…"))
        self.copy_button.setToolTip(translate("CalculatorPage", "Put the chart note on the clipboard"))
        self.form_scroll.setAccessibleName(translate("CalculatorPage", "Patient input"))
        self.view.setAccessibleName(translate("CalculatorPage", "Assessment"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- assessing ----------------------------------------------------------------------------
    def patient(self) -> dict[str, Any]:
        return self.form.to_patient()

    def assessment(self) -> dict[str, Any] | None:
        """The assessment on screen (None while the input cannot be assessed)."""
        return self.view.assessment  # type: ignore[return-value]

    def reassess(self) -> None:
        patient = self.form.to_patient()
        try:
            assessment = self._engine.assess(patient)
        except self._engine.ValidationError as error:
            unplaced = self.form.show_problems(error.problems)
            self.view.show_invalid(
                len(error.problems),
                unplaced,
                self.form.fields_with_problems(),
                only_missing=all(p.code == MISSING_CODE for p in error.problems),
            )
        except Exception:  # an engine bug must not leave an old result on screen or crash the app
            log.exception("assessment failed")
            self.form.clear_problems()
            problem = self._engine.Problem(
                "",
                "internal_error",
                {
                    "en": translate("CalculatorPage", "The assessment could not be computed."),
                    "zh": translate("CalculatorPage", "The assessment could not be computed."),
                },
            )
            self.view.show_invalid(1, [problem])
        else:
            self.form.clear_problems()
            self.view.show_assessment(assessment)
        has_result = self.view.assessment is not None
        for button in (self.copy_button, self.print_button, self.pdf_button):
            button.setEnabled(has_result)

    # -- patients -----------------------------------------------------------------------------
    def load_patient(self, patient: dict[str, Any]) -> None:
        """Show ``patient`` in the form; entries the form has no field for are named and dropped."""
        ignored = self.form.unknown_paths(patient)
        self.notice.setText(
            translate(
                "CalculatorPage", "Not loaded (unknown fields, or a group that is not an object): %1"
            ).replace("%1", ", ".join(ignored))
            if ignored
            else ""
        )
        self.form.set_patient(patient)

    def new_patient(self) -> None:
        """Clear every field and the result; ready to type the first field."""
        self.notice.clear()
        self.form.clear()
        self.form_scroll.verticalScrollBar().setValue(0)
        first = next(iter(self.form.fields), None)
        if first is not None:
            self.show_field(first)

    def show_field(self, path: str) -> None:
        """Scroll the form to the field at ``path`` and put the cursor in it."""
        field = self.form.fields.get(path)
        if field is None:
            return
        self.form_scroll.ensureWidgetVisible(field, 0, 60)
        field.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def load_patient_file(self, path: str | None = None) -> bool:
        path = path or ask_patient_path(self)
        if not path:
            return False
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError) as error:
            # ValueError covers bad JSON, bad UTF-8 and integers too long to convert; absurd
            # nesting exhausts the parser's recursion. A file must never crash the app.
            self.notice.setText(
                translate("CalculatorPage", "Could not read %1: %2")
                .replace("%1", path)
                .replace("%2", str(error))
            )
            return False
        if not isinstance(data, dict):
            self.notice.setText(
                translate("CalculatorPage", "%1 does not hold one patient.").replace("%1", path)
            )
            return False
        self.load_patient(data)
        return True

    # -- output -------------------------------------------------------------------------------
    def chart_note(self) -> str | None:
        assessment = self.assessment()
        return None if assessment is None else self._engine.render_text(assessment, self._lang)

    def _say_no_result(self) -> None:
        """The File menu's copy/print/PDF stay enabled (their keys work from the library too);
        without a result they say why nothing happened instead of doing nothing."""
        self.notice.setText(
            translate("CalculatorPage", "No result to output yet: complete or correct the input.")
        )

    def copy_for_chart(self) -> bool:
        note = self.chart_note()
        if note is None:
            self._say_no_result()
            return False
        QGuiApplication.clipboard().setText(note)
        self.notice.setText(translate("CalculatorPage", "Chart note copied."))
        return True

    def _report_parts(self) -> tuple[str, str] | None:
        assessment = self.assessment()
        if assessment is None:
            self._say_no_result()
            return None
        now = datetime.now()
        body = report_html(
            assessment,
            self.form.to_patient(),
            self._spec,
            self._lang,
            self._engine.text_for,
            now,
            self.view.ref_title,
        )
        return body, footer_text(assessment, self._lang, now)

    @staticmethod
    def _a4_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_a4(printer)
        return printer

    def print_report(self) -> bool:
        parts = self._report_parts()
        if parts is None:
            return False
        printer = self._a4_printer()
        if not ask_print(printer, self):
            return False
        if not paint_report(printer, *parts):
            self.notice.setText(translate("CalculatorPage", "The report could not be printed."))
            return False
        return True

    def print_preview(self) -> bool:
        """The A4 report as it will print, pages and footer included, before it is printed."""
        parts = self._report_parts()
        if parts is None:
            return False
        return show_preview(self._a4_printer(), lambda target: paint_report(target, *parts), self)

    def save_pdf(self, path: str | None = None) -> str | None:
        """Write the report as an A4 PDF; asks for the path when none is given. Returns the path."""
        parts = self._report_parts()
        if parts is None:
            return None
        if path is None:
            path = ask_pdf_path(self, f"bonemet-{datetime.now():%Y%m%d-%H%M}.pdf")
            if not path:
                return None
        try:
            # QPdfWriter fails with only a stream of Qt warnings (and we would say "Saved"):
            # opening the file first turns a folder, a read-only place or a locked file into
            # an error we can name. Append mode leaves an existing file intact until it is written.
            with open(path, "ab"):
                pass
        except OSError as error:
            self.notice.setText(
                translate("CalculatorPage", "Could not write %1: %2")
                .replace("%1", path)
                .replace("%2", error.strerror or str(error))
            )
            return None
        writer = QPdfWriter(path)
        writer.setResolution(300)
        writer.setTitle(translate("Report", "BoneMet Guide — assessment report"))
        writer.setCreator("BoneMet Guide")
        prepare_a4(writer)
        if not paint_report(writer, *parts):
            self.notice.setText(
                translate("CalculatorPage", "Could not write %1: %2")
                .replace("%1", path)
                .replace("%2", translate("CalculatorPage", "the PDF could not be started"))
            )
            return None
        self.notice.setText(translate("CalculatorPage", "Saved %1").replace("%1", path))
        return path
