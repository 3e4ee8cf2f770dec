"""Modal dialogs behind thin functions, so tests can replace them with monkeypatch.

Nothing else in the app constructs a message box: it calls these functions.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from desktop import __version__
from desktop.offline_browser import OfflineBrowser

translate = QCoreApplication.translate  # lupdate needs a literal context in each call


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """Yes/No question; True for Yes."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def intended_use_html() -> str:
    return "".join(
        [
            "<h3>",
            translate("Dialogs", "Intended use"),
            "</h3><p>",
            translate(
                "Dialogs",
                "BoneMet Guide is an offline reference and calculator for doctors who treat breast cancer "
                "that has spread to bone. It summarises published guidelines and drug labels and applies "
                "their rules to the values you enter.",
            ),
            "</p><h3>",
            translate("Dialogs", "Disclaimer"),
            "</h3><p>",
            translate(
                "Dialogs",
                "It supports, and does not replace, clinical judgement. Check every result against the "
                "patient, the current drug label and your local protocols before acting on it. It is not "
                "for use by patients. The content has not been reviewed by clinicians unless a document "
                "says so.",
            ),
            "</p>",
        ]
    )


def build_text_dialog(parent: QWidget | None, title: str, html: str, accept_text: str | None) -> QDialog:
    """A dialog showing `html`, with accept/quit buttons when `accept_text` is given, else Close."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    text = OfflineBrowser(dialog)
    text.setOpenExternalLinks(False)
    text.setHtml(html)
    layout.addWidget(text)
    if accept_text:
        buttons = QDialogButtonBox(dialog)
        buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(translate("Dialogs", "Quit"), QDialogButtonBox.ButtonRole.RejectRole)
    else:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(dialog.fontMetrics().averageCharWidth() * 70, dialog.fontMetrics().height() * 24)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    return dialog


def _text_dialog(parent: QWidget | None, title: str, html: str, accept_text: str | None) -> bool:
    dialog = build_text_dialog(parent, title, html, accept_text)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def first_run_disclaimer(parent: QWidget | None) -> bool:
    """Intended use and disclaimer; True when the user accepts, False to quit."""
    return _text_dialog(
        parent,
        translate("Dialogs", "Before you start"),
        intended_use_html(),
        translate("Dialogs", "I understand"),
    )


def about_html(content_version: str, content_date: str, sources: list[str]) -> str:
    source_items = "".join(f"<li>{escape(source)}</li>" for source in sources)  # citations are plain text
    return "".join(
        [
            "<h2>",
            translate("Dialogs", "BoneMet Guide"),
            "</h2>",
            "<p>",
            translate("Dialogs", "App version: %1").replace("%1", __version__),
            "<br>",
            translate("Dialogs", "Content version: %1").replace("%1", escape(content_version)),
            "<br>",
            translate("Dialogs", "Content date: %1").replace("%1", escape(content_date)),
            "<br>",
            translate("Dialogs", "Licence: MIT"),
            "</p>",
            "<h3>",
            translate("Dialogs", "Main sources"),
            "</h3><ul>",
            source_items,
            "</ul>",
            intended_use_html(),
        ]
    )


def show_about(parent: QWidget | None, content_version: str, content_date: str, sources: list[str]) -> None:
    _text_dialog(
        parent,
        translate("Dialogs", "About BoneMet Guide"),
        about_html(content_version, content_date, sources),
        None,
    )


def show_intended_use(parent: QWidget | None) -> None:
    _text_dialog(parent, translate("Dialogs", "Intended use"), intended_use_html(), None)
