"""Modal dialogs behind thin functions, so tests can replace them with monkeypatch.

Nothing else in the app constructs a message box: it calls these functions.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from desktop import __version__

CONTEXT = "Dialogs"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """Yes/No question; True for Yes."""
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def intended_use_html() -> str:
    return "".join([
        "<h3>", _t("Intended use"), "</h3><p>",
        _t("BoneMet Guide is an offline reference and calculator for doctors who treat breast cancer "
           "that has spread to bone. It summarises published guidelines and drug labels and applies "
           "their rules to the values you enter."),
        "</p><h3>", _t("Disclaimer"), "</h3><p>",
        _t("It supports, and does not replace, clinical judgement. Check every result against the "
           "patient, the current drug label and your local protocols before acting on it. It is not "
           "for use by patients. The content has not been reviewed by clinicians unless a document "
           "says so."),
        "</p>",
    ])


def _text_dialog(parent: QWidget | None, title: str, html: str, accept_text: str | None) -> bool:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    text = QTextBrowser(dialog)
    text.setOpenExternalLinks(False)
    text.setHtml(html)
    layout.addWidget(text)
    if accept_text:
        buttons = QDialogButtonBox(dialog)
        buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_t("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
    else:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(dialog.fontMetrics().averageCharWidth() * 70, dialog.fontMetrics().height() * 24)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    return dialog.exec() == QDialog.DialogCode.Accepted


def first_run_disclaimer(parent: QWidget | None) -> bool:
    """Intended use and disclaimer; True when the user accepts, False to quit."""
    return _text_dialog(parent, _t("Before you start"), intended_use_html(), _t("I understand"))


def about_html(content_version: str, content_date: str, sources: list[str]) -> str:
    source_items = "".join(f"<li>{source}</li>" for source in sources)
    return "".join([
        f"<h2>{_t('BoneMet Guide')}</h2>",
        "<p>", _t("App version: %1").replace("%1", __version__), "<br>",
        _t("Content version: %1").replace("%1", content_version), "<br>",
        _t("Content date: %1").replace("%1", content_date), "<br>",
        _t("Licence: MIT"), "</p>",
        "<h3>", _t("Main sources"), "</h3><ul>", source_items, "</ul>",
        intended_use_html(),
    ])


def show_about(parent: QWidget | None, content_version: str, content_date: str, sources: list[str]) -> None:
    _text_dialog(parent, _t("About BoneMet Guide"), about_html(content_version, content_date, sources), None)


def show_intended_use(parent: QWidget | None) -> None:
    _text_dialog(parent, _t("Intended use"), intended_use_html(), None)
