"""The Scores view: SINS (spine) and Mirels (long bone) side by side as two sub-tabs, with copy for
chart and print. ``show_score("sins")`` is where the library's "open in scorer" links land.

The dialog seam (``ask_print``) is module level so tests can replace it.
"""

from __future__ import annotations

import html
from datetime import datetime
from types import ModuleType
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.scores_view.score_form import ScoreForm

translate = QCoreApplication.translate


def ask_print(printer: QPrinter, parent: QWidget) -> bool:
    """Show the print dialog (replaced in tests); True to print."""
    dialog = QPrintDialog(printer, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def _default_engine() -> ModuleType:
    from calculator import scores

    return scores


class ScoresPage(QWidget):
    """Two score forms; emits ``openReference("doc#anchor")`` for the guideline link."""

    openReference = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None = None, *, engine: Any = None) -> None:
        super().__init__(parent)
        self._engine = engine or _default_engine()
        self._lang = "zh"
        self.copy_button, self.print_button, self.clear_button = (QPushButton(self) for _ in range(3))
        self.copy_button.clicked.connect(self.copy_for_chart)
        self.print_button.clicked.connect(self.print_report)
        self.clear_button.clicked.connect(lambda: self.current_form().clear())
        self.notice = QLabel(self)
        self.notice.setObjectName("scoresNotice")
        self.notice.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("scoreTabs")
        self.forms: dict[str, ScoreForm] = {}
        for name in self._engine.SCORES:
            form = ScoreForm(name, self._engine.score_table(name), self._engine.score, self)
            form.openReference.connect(self.openReference)
            form.changed.connect(lambda: self.notice.setText(""))
            self.forms[name] = form
            # scrolled, so the long choice rows never make the window wider than a small screen
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the choices, not the frame
            scroll.setWidget(form)
            self.tabs.addTab(scroll, "")
        buttons = QHBoxLayout()
        for button in (self.copy_button, self.print_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addWidget(self.notice, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.tabs)
        self.retranslate()

    # -- navigation ---------------------------------------------------------------------------
    def show_score(self, name: str) -> bool:
        """Bring one score to the front and put the keyboard on its first item; False if unknown."""
        form = self.forms.get(name)
        if form is None:
            return False
        self.tabs.setCurrentIndex(list(self.forms).index(name))
        form.first_button().setFocus()
        return True

    def current_form(self) -> ScoreForm:
        return list(self.forms.values())[self.tabs.currentIndex()]

    # -- language -----------------------------------------------------------------------------
    def set_content_language(self, lang: str) -> None:
        self._lang = lang
        for form in self.forms.values():
            form.set_content_language(lang)

    def retranslate(self) -> None:
        self.copy_button.setText(translate("ScoresPage", "&Copy for chart"))
        self.copy_button.setToolTip(
            translate("ScoresPage", "Put the score, its items and the action on the clipboard")
        )
        self.print_button.setText(translate("ScoresPage", "P&rint…"))
        self.clear_button.setText(translate("ScoresPage", "C&lear"))
        self.tabs.setTabText(0, translate("ScoresPage", "SINS (spine)"))
        self.tabs.setTabText(1, translate("ScoresPage", "Mirels (long bone)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- output -------------------------------------------------------------------------------
    def chart_text(self) -> str | None:
        result = self.current_form().result()
        return None if result is None else self._engine.render_score_text(result, self._lang)

    def _say_incomplete(self) -> None:
        self.notice.setText(translate("ScoresPage", "Choose every item first: there is no score yet."))

    def copy_for_chart(self) -> bool:
        text = self.chart_text()
        if text is None:
            self._say_incomplete()
            return False
        QGuiApplication.clipboard().setText(text)
        self.notice.setText(translate("ScoresPage", "Score copied for the chart."))
        return True

    def report_html(self) -> str | None:
        """The printed page: the chart text as paragraphs, the engine's notes, the date printed."""
        text = self.chart_text()
        if text is None:
            return None
        result = self.current_form().result() or {}
        lines = [f"<p>{html.escape(line)}</p>" for line in text.strip().splitlines()]
        lines[0] = f"<h3>{html.escape(text.splitlines()[0])}</h3>"
        notes = [f"<li>{html.escape(note['text'][self._lang])}</li>" for note in result.get("notes", [])]
        printed = translate("ScoresPage", "Printed %1").replace("%1", f"{datetime.now():%Y-%m-%d %H:%M}")
        return (
            "".join(lines)
            + (f"<ul>{''.join(notes)}</ul>" if notes else "")
            + f"<p><small>{printed}</small></p>"
        )

    def print_report(self) -> bool:
        body = self.report_html()
        if body is None:
            self._say_incomplete()
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not ask_print(printer, self):
            return False
        document = QTextDocument(self)
        document.setHtml(body)
        document.print_(printer)
        return True
