"""The calculator page: the generated patient form on the left, the assessment on the right.

Every edit re-assesses at once (the engine takes well under 5 ms), so the result on screen always
belongs to the input beside it; while the input cannot be assessed no result is shown at all.
Dialogs go through ``page_dialogs`` and ``report_header.ask_report_header`` so tests can replace them.
"""

from __future__ import annotations

import logging
from datetime import datetime
from types import ModuleType
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPdfWriter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

import calculator
from calculator.errors import ValidationError
from calculator.patient_file import problem_lines, read_patient_file
from desktop.calculator_view import page_dialogs, report_header
from desktop.calculator_view.assessment_html import RefTitle
from desktop.calculator_view.assessment_view import AssessmentView
from desktop.calculator_view.calculator_form import CalculatorForm
from desktop.calculator_view.field_values import localized
from desktop.calculator_view.field_widgets import MISSING_CODE
from desktop.calculator_view.report import footer_text, paint_report, prepare_a4, report_html
from desktop.calculator_view.report_header import ReportHeader

translate = QCoreApplication.translate
log = logging.getLogger(__name__)
# A partial assessment is shown once one of these is answered (the kidney facts, or the tumour facts).
ANSWER_SECTIONS = ("derived", "bone_agent", "systemic_therapy")
FORM_SHARE = 42  # per cent of the page width the form starts with (the splitter can change it)


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
        self._output_notice = False  # the notice says something was copied or saved
        # Created in reading order, which is the Tab order: buttons, then the form, then the result.
        self._buttons = tuple(QPushButton(self) for _ in range(6))
        (
            self.new_button,
            self.load_button,
            self.copy_button,
            self.copy_full_button,
            self.print_button,
            self.pdf_button,
        ) = self._buttons
        self.form = CalculatorForm(self._spec, self)
        self._blank_patient = self.form.to_patient()
        self.view = AssessmentView(self._engine.text_for, ref_title, self, field_label=self.field_label)
        # Ctrl+2 (the shell focuses the page) puts the cursor in the first field.
        first = self.form.first_focus()
        if first is not None:
            self.setFocusProxy(first)
        self.view.openReference.connect(self.openReference)
        self.view.fieldRequested.connect(self.show_field)
        self.form.changed.connect(self.reassess)
        self.form.changed.connect(self._clear_output_notice)
        self._build_layout()
        self.retranslate()
        self.reassess()

    def _build_layout(self) -> None:
        self.copy_button.clicked.connect(self.copy_for_chart)
        self.copy_full_button.clicked.connect(self.copy_full_report)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.new_button.clicked.connect(self.new_patient)
        self.load_button.clicked.connect(self.load_patient_file)
        self.notice = QLabel(self)
        self.notice.setObjectName("calculatorNotice")
        self.notice.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in self._buttons:  # in reading order
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
        self.copy_full_button.setText(translate("CalculatorPage", "Copy f&ull report"))
        self.copy_button.setToolTip(
            translate("CalculatorPage", "Put the short chart note (at most 10 lines) on the clipboard")
        )
        self.copy_full_button.setToolTip(
            translate("CalculatorPage", "Put the full report (inputs, working, references) on the clipboard")
        )
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

    def field_label(self, path: str) -> str:
        """A field's label in the content language (for "waiting for" lists in the result)."""
        field = self.form.field_for(path)
        return localized(field.spec.get("label"), self._lang) if field is not None else path

    def reassess(self) -> None:
        patient = self.form.to_patient()
        try:
            # partial: an answer as soon as the kidney facts are in, the rest marked as waiting
            assessment = self._engine.assess(patient, partial=True)
            if assessment.get("pending") and not any(assessment.get(s) for s in ANSWER_SECTIONS):
                # Nothing answered yet: the strict check names every empty required field
                # beside it, instead of a result pane that only says "waiting".
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
            self._mark_missing(patient, assessment)
            self.view.show_assessment(assessment)
        has_result = self.view.assessment is not None
        for button in (self.copy_button, self.copy_full_button, self.print_button, self.pdf_button):
            button.setEnabled(has_result)

    def _mark_missing(self, patient: dict[str, Any], assessment: dict[str, Any]) -> None:
        """Beside a partial answer, the required fields still empty are marked calmly."""
        self.form.clear_problems()
        if not assessment.get("pending"):
            return
        try:
            self._engine.assess(patient)
        except self._engine.ValidationError as error:
            self.form.show_problems([p for p in error.problems if p.code == MISSING_CODE])

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

    def new_patient(self) -> bool:
        """Clear every field and the result (after asking, if anything was entered); ready to type
        the first field. False when the doctor kept the form."""
        if self.form.to_patient() != self._blank_patient and not page_dialogs.ask_clear_form(self):
            return False
        self.notice.clear()
        self.form.clear()
        self.form_scroll.verticalScrollBar().setValue(0)
        first = next(iter(self.form.fields), None)
        if first is not None:
            self.show_field(first)
        return True

    def show_field(self, path: str) -> None:
        """Scroll the form to the field at ``path`` and put the cursor in it."""
        field = self.form.fields.get(path) or self.form.field_for(path)
        if field is None:
            return
        if not field.isVisibleTo(self.form):
            self.form.show_history(True)
        self.form_scroll.ensureWidgetVisible(field, 0, 60)
        field.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def load_patient_file(self, path: str | None = None) -> bool:
        """Load a patient file through the engine's one reader (``calculator.read_patient_file``,
        the same as ``bonemet assess``) and its validator. A file the command line would refuse is
        refused here too, with the same ``field: reason`` lines; only a missing required input is
        allowed (the form shows what is still needed)."""
        path = path or page_dialogs.ask_patient_path(self)
        if not path:
            return False
        try:
            data = read_patient_file(path)
            calculator.assess(data, partial=True)  # the validator of both doors, not a fake engine
        except ValidationError as error:
            lines = problem_lines(error.problems, self._lang)
            self.notice.setText(
                translate("CalculatorPage", "Not loaded: %1").replace("%1", path) + "\n" + "\n".join(lines)
            )
            return False
        self.load_patient(data)
        return True

    # -- output -------------------------------------------------------------------------------
    def chart_note(self) -> str | None:
        """The short chart note (the engine's ``render_note``; its full text where it has none)."""
        assessment = self.assessment()
        if assessment is None:
            return None
        render = getattr(self._engine, "render_note", None) or self._engine.render_text
        return render(assessment, self._lang)

    def full_report_text(self) -> str | None:
        assessment = self.assessment()
        return None if assessment is None else self._engine.render_text(assessment, self._lang)

    def _set_output_notice(self, text: str) -> None:
        self.notice.setText(text)
        self._output_notice = True

    def _clear_output_notice(self) -> None:
        """Any edit makes the clipboard (or a saved file) older than the screen: stop saying "copied"."""
        if self._output_notice:
            self.notice.clear()
            self._output_notice = False

    def _say_no_result(self) -> None:
        """The File menu's copy/print/PDF stay enabled (their keys work from the library too);
        without a result they say why nothing happened instead of doing nothing."""
        self.notice.setText(
            translate("CalculatorPage", "No result to output yet: complete or correct the input.")
        )

    def copy_for_chart(self) -> bool:
        """The short chart note on the clipboard."""
        return self._copy(self.chart_note(), translate("CalculatorPage", "Chart note copied."))

    def copy_full_report(self) -> bool:
        """The full report (inputs, working, references) on the clipboard."""
        return self._copy(self.full_report_text(), translate("CalculatorPage", "Full report copied."))

    def _copy(self, text: str | None, done: str) -> bool:
        if text is None:
            self._say_no_result()
            return False
        QGuiApplication.clipboard().setText(text)
        self._set_output_notice(done)
        return True

    def _report_parts(self) -> tuple[str, str] | None:
        assessment = self.assessment()
        if assessment is None:
            self._say_no_result()
            return None
        # Name and hospital number are asked for each printout and never kept anywhere.
        header = report_header.ask_report_header(self)
        if header is None:
            return None
        return self.report_parts(assessment, header)

    def report_parts(self, assessment: dict[str, Any], header: ReportHeader) -> tuple[str, str]:
        """The report body and footer for ``assessment`` with the typed ``header``."""
        now = datetime.now()
        body = report_html(
            assessment,
            self._spec,
            self._lang,
            self._engine.text_for,
            now,
            header,
            field_label=self.field_label,
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
        if not page_dialogs.ask_print(printer, self):
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
        return page_dialogs.show_preview(
            self._a4_printer(), lambda target: paint_report(target, *parts), self
        )

    def save_pdf(self, path: str | None = None) -> str | None:
        """Write the report as an A4 PDF; asks for the path when none is given. Returns the path."""
        parts = self._report_parts()
        if parts is None:
            return None
        if path is None:
            path = page_dialogs.ask_pdf_path(self, f"bonemet-{datetime.now():%Y%m%d-%H%M}.pdf")
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
        self._set_output_notice(translate("CalculatorPage", "Saved %1").replace("%1", path))
        return path
