"""Open and save dialogs that remember no folder: patient files sit in folders named after patients.

Qt's file dialog writes its history and last folder (`history=file:///…/王小明 MRN-558812`) into
QSettings when it closes, and the native Windows dialog keeps its own most-recently-used lists in
the registry. The app therefore always uses Qt's own dialog (the same on every platform, its state
under our control), starts it with no history, and removes what Qt saved as soon as it has closed.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

QT_SETTINGS_ORGANIZATION = "QtProject"  # where QFileDialog keeps its state (qfiledialog.cpp)
QT_FILE_DIALOG_GROUP = "FileDialog"


def ask_open_path(parent: QWidget | None, title: str, filters: str) -> str | None:
    """The chosen existing file, or None when cancelled."""
    return _run(parent, title, filters, QFileDialog.AcceptMode.AcceptOpen, "")


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    """The chosen file name to write, or None when cancelled."""
    return _run(parent, title, filters, QFileDialog.AcceptMode.AcceptSave, suggested)


def _run(
    parent: QWidget | None, title: str, filters: str, mode: QFileDialog.AcceptMode, name: str
) -> str | None:
    dialog = QFileDialog(parent, title, "", filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(mode)
    dialog.setFileMode(
        QFileDialog.FileMode.ExistingFile
        if mode == QFileDialog.AcceptMode.AcceptOpen
        else QFileDialog.FileMode.AnyFile
    )
    dialog.setHistory([])
    if name:
        dialog.selectFile(name)
    try:
        chosen = dialog.selectedFiles() if dialog.exec() == QDialog.DialogCode.Accepted else []
    finally:
        shiboken6.delete(dialog)  # Qt saves its state in the destructor: let it happen now, then forget
        forget_file_dialog_state()
    return chosen[0] if chosen else None


def forget_file_dialog_state() -> None:
    """Remove the folders and history Qt's file dialog saved."""
    settings = QSettings(QSettings.Scope.UserScope, QT_SETTINGS_ORGANIZATION)
    settings.remove(QT_FILE_DIALOG_GROUP)
    settings.sync()
